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


EXTRACT = PACKAGE / "extract"
EXTRACT_PACKAGES = ("factcheck.extract", "factcheck.extract.quotes", "factcheck.extract.figures")


def imported_from(path: Path) -> set[str]:
    """The full names of the modules `path` imports from (`from a.b import c` gives a.b; `import a.b` gives a.b)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_other_stages_use_extraction_through_its_packages():
    reaching_in = sorted(
        f"{path.relative_to(PROJECT_ROOT)}: {name}"
        for path in PACKAGE.rglob("*.py")
        if EXTRACT not in path.parents and path.parent != EXTRACT
        for name in imported_from(path)
        if name.startswith("factcheck.extract") and name not in EXTRACT_PACKAGES
    )
    assert reaching_in == [], "import these names from factcheck.extract, .extract.quotes or .extract.figures"


def test_imported_from_sees_the_module_a_name_comes_from(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import a.b\nfrom factcheck.extract.figures.units import UNITS\nfrom . import x\n")
    assert imported_from(module) == {"a.b", "factcheck.extract.figures.units"}
