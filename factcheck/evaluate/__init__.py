"""Evaluations: score each stage against public annotated data sets (docs/data.md) and the team's own sets."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
DATA_DIR_VARIABLE = "FACTCHECK_DATA_DIR"
# The public sets are not in the repository (several are large, some licences forbid redistribution). Unless
# --data-dir or $FACTCHECK_DATA_DIR says otherwise they are looked for in `shared/data` beside the project folder,
# where the team's machines keep them; docs/data.md lists the folders it must hold.
DEFAULT_DATA_DIR = PROJECT_ROOT.parent / "shared" / "data"
