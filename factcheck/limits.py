"""Size limits on the work one input may cause: characters per document and per field, bytes unpacked from an archive.

Every stage after reading is linear in a document's size, but a linear stage over a 50 MB single-line text still runs
for many minutes; these limits turn such inputs into a clear message instead. Each can be raised by a setting.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from factcheck.errors import InputError, InputTooLargeError

# (setting, default, help): the environment variables the CLI and the app read.
SETTINGS = (
    (
        "FACTCHECK_MAX_DOCUMENT_CHARS",
        1_000_000,
        "characters of normalised text in one document (an article, a file, a CSV/JSONL record): about 500 pages "
        "(docs/reliability.md times the worst text found at this size)",
    ),
    ("FACTCHECK_MAX_FIELD_CHARS", 10_000, "characters in one metadata field of a CSV/JSONL record (title, url, ...)"),
    ("FACTCHECK_MAX_ARCHIVE_BYTES", 200_000_000, "bytes unpacked from a .docx (or other zip-based) file"),
)
_DEFAULTS = {name: default for name, default, _ in SETTINGS}


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one input may hold. `Limits.from_environment()` applies the settings above."""

    document_chars: int = _DEFAULTS["FACTCHECK_MAX_DOCUMENT_CHARS"]
    field_chars: int = _DEFAULTS["FACTCHECK_MAX_FIELD_CHARS"]
    archive_bytes: int = _DEFAULTS["FACTCHECK_MAX_ARCHIVE_BYTES"]

    def __post_init__(self) -> None:
        for name in ("document_chars", "field_chars", "archive_bytes"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{name} must be a positive whole number, got {value!r}")

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> Limits:
        """The limits set by FACTCHECK_MAX_* variables, defaults for the others.

        Raises:
            InputError: a variable that is not a positive whole number (naming it).
        """
        found: Mapping[str, str] = os.environ if environment is None else environment
        values = {}
        for (setting, _, _), field in zip(SETTINGS, ("document_chars", "field_chars", "archive_bytes"), strict=True):
            raw = found.get(setting, "").strip().replace("_", "").replace(",", "")
            if not raw:
                continue
            if not raw.isdigit() or int(raw) < 1:
                raise InputError(f"{setting} must be a positive whole number, got {found[setting]!r}")
            values[field] = int(raw)
        return cls(**values)

    def check_length(self, length: int, what: str) -> None:
        """Raise InputTooLargeError if a document of `length` characters is over the limit; `what` names it."""
        if length > self.document_chars:
            raise InputTooLargeError(
                f"{what} has {length:,} characters, over the limit of {self.document_chars:,} per document. Split it "
                f"into smaller documents, or raise the limit with FACTCHECK_MAX_DOCUMENT_CHARS (or "
                f"--max-document-chars)."
            )

    def check_field(self, length: int, what: str) -> None:
        """Raise InputTooLargeError if a metadata field of `length` characters is over the limit."""
        if length > self.field_chars:
            raise InputTooLargeError(
                f"{what} has {length:,} characters, over the limit of {self.field_chars:,} per field (titles, urls "
                f"and other columns besides the text). Check that the columns are split right, or raise the limit "
                f"with FACTCHECK_MAX_FIELD_CHARS (or --max-field-chars)."
            )
