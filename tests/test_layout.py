"""The package's layout rules that a reader relies on: only the app's home imports Streamlit."""

import ast
from pathlib import Path

from tests.helpers import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "factcheck"
STREAMLIT_HOME = PACKAGE / "app"


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module `path` imports, at any depth of its code (a local import counts too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_imported_modules_sees_plain_from_and_local_imports(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import os.path\nfrom json import dumps\ndef f():\n    import streamlit as st\n")
    assert imported_modules(module) == {"os", "json", "streamlit"}


def test_only_the_app_home_imports_streamlit():
    outside = sorted(
        str(path.relative_to(PROJECT_ROOT))
        for path in PACKAGE.rglob("*.py")
        if STREAMLIT_HOME not in path.parents and "streamlit" in imported_modules(path)
    )
    assert outside == [], "move these into factcheck/app/ (widgets/ or pages/) or drop their streamlit import"


def test_the_app_home_is_where_streamlit_is_used():
    # The rule above would hold trivially if the home were renamed or emptied: the pages and widgets are there.
    inside = {path.name for path in STREAMLIT_HOME.rglob("*.py") if "streamlit" in imported_modules(path)}
    assert {"check.py", "verdicts.py", "queue.py", "resources.py", "verdict.py"} <= inside
