"""Evaluations: score each stage against the annotated data sets in ../shared/data and the team's own sets."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT.parent / "shared" / "data"
