"""The result every format reader returns, and the helpers they share for names and messages."""

from __future__ import annotations

from pathlib import PureWindowsPath
from typing import NamedTuple

from factcheck.documents import Document


class ReadResult(NamedTuple):
    """The documents read from one file, and warnings the user should see (skipped rows, a guessed encoding).

    A named tuple so callers can write `documents, warnings = read_path_with_report(path)`.
    """

    documents: list[Document]
    warnings: list[str]


def file_name(source: str) -> str:
    """The last component of a path or upload name, whichever separator it uses ("C:\\a\\b.txt": "b.txt")."""
    # PureWindowsPath splits on both "/" and "\\", so names from a browser on any system come out right.
    return PureWindowsPath(source).name or source


def quote_list(items: list[str] | tuple[str, ...], limit: int = 20) -> str:
    """`items` quoted and comma-separated for a message, shortened with a count past `limit`."""
    shown = ", ".join(repr(item) for item in items[:limit])
    if len(items) > limit:
        shown += f" and {len(items) - limit} more"
    return shown or "none"


def json_type_name(value: object) -> str:
    """The JSON name of a parsed value's type, for messages about unexpected input."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null" if value is None else "string"
