"""Seconds of the imports the app makes before the Check page draws its first widget: app.py's top-level imports,
then those of factcheck/app/pages/check.py (streamlit itself, imported by the server before, is imported first and
not counted). Run from a project folder with PYTHONPATH set to it; prints one line."""
import ast
import sys
import time
from pathlib import Path

import streamlit  # noqa: F401 - loaded by the server before any page runs

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
started = time.perf_counter()
for script in ("app.py", "factcheck/app/pages/check.py"):
    tree = ast.parse((root / script).read_text())
    for node in tree.body:  # top level only: imports inside `if` blocks run when the page needs them
        if isinstance(node, ast.Import | ast.ImportFrom):
            exec(compile(ast.Module(body=[node], type_ignores=[]), script, "exec"), {})
print(f"{time.perf_counter() - started:.2f} s of imports before the Check page draws ({root})")
