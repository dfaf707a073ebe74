"""CSV and JSONL corpora: one Document per row or record, with the columns mapped by a `ColumnMapping`."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from factcheck.documents import Document, normalise_text
from factcheck.errors import CorpusFormatError, InputError
from factcheck.factchecks import PublishedReview
from factcheck.readers.base import ReadResult, file_name, json_type_name, quote_list
from factcheck.readers.claimreview import read_claimreview_lines, starts_with_claimreview
from factcheck.readers.encoding import decode_text
from factcheck.serialise import Record

if TYPE_CHECKING:
    import _csv

# How many line numbers a warning lists before it only counts.
_LINES_SHOWN = 10
_MAPPING_HINT = (
    "Say which column holds the text: in the app, under 'Columns of CSV and JSONL files' on the Corpora page; on the"
    ' command line, with --text-column NAME; in Python, with ColumnMapping(text="<column name>").'
)


@dataclass(frozen=True, slots=True)
class ColumnMapping(Record):
    """Which CSV column or JSONL key holds each field of a Document.

    `text` is required in the file; the others are optional and may be None to ignore such a column (it
    is then kept in `metadata` like any other column). A name matches a column exactly, or else the one
    column with the same name ignoring case and surrounding spaces ("Text" for "text").

    A file with the `rating` column is a table of earlier fact-checks: each row is a review of the claim in its
    text column (`claim` or `claimReviewed` when there is no `text` column), with `publisher` and `claimant`.
    """

    text: str = "text"
    id: str | None = "id"
    title: str | None = "title"
    url: str | None = "url"
    date: str | None = "date"
    source: str | None = "source"
    rating: str | None = "rating"
    claimant: str | None = "claimant"
    publisher: str | None = "publisher"

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise InputError(f"The text column needs a name (the column with each record's text), got {self.text!r}.")
        for field in fields(self):
            value = getattr(self, field.name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"ColumnMapping.{field.name} must be a column name or None, got {value!r}")


_DEFAULT_MAPPING = ColumnMapping()
# The Document fields a mapping fills besides `text`.
_OPTIONAL = ("id", "title", "url", "date", "source")
# The fields of a fact-check table's rows, and where such a table keeps the claim when it has no `text` column.
_REVIEW_FIELDS = ("rating", "claimant", "publisher")
_CLAIM_COLUMNS = ("claim", "claimReviewed")


def read_csv_documents(data: bytes, source: str, columns: ColumnMapping | None = None) -> ReadResult:
    """Read a `.csv` corpus with a header row: one Document per row that has text.

    The delimiter is a comma, or a semicolon or tab when the header has no comma (spreadsheets in many
    locales save with semicolons).

    Raises:
        CorpusFormatError: no header, no text column, a repeated column name, or malformed CSV (an unclosed
            quote, a row with more or fewer fields than the header), naming the line.
        UnreadableFileError: binary content or an unknown encoding.
    """
    name = file_name(source)
    text, warnings = decode_text(data, name)
    # The csv module refuses fields over 128 KB by default; a long article in one cell is normal here.
    # The limit is process-wide, so only ever raise it.
    if csv.field_size_limit() < len(text) + 1:
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    header = _next_row(reader, name)
    if header is None or not any(cell.strip() for cell in header):
        raise CorpusFormatError(
            f"{name} has no header row; expected a first line naming the columns (for example: "
            "id,title,text). Add one and try again."
        )
    header = _column_names(header, name)

    def records() -> Iterable[tuple[int, dict[str, object]]]:
        while True:
            line = reader.line_num + 1
            row = _next_row(reader, name)
            if row is None:
                return
            if not row:
                continue  # A blank line is not a row.
            if len(row) != len(header):
                raise CorpusFormatError(
                    f"{name} is not valid CSV: the row on line {line} has {len(row)} fields but the header "
                    f"has {len(header)}. Check that row for a missing or extra delimiter, or a field with a "
                    "comma that is not wrapped in double quotes."
                )
            yield line, dict(zip(header, row, strict=True))

    return _documents(records(), header, name, source, columns or _DEFAULT_MAPPING, warnings)


def read_jsonl_documents(data: bytes, source: str, columns: ColumnMapping | None = None) -> ReadResult:
    """Read a `.jsonl` corpus (one JSON object per line): one Document per record that has text.

    Raises:
        CorpusFormatError: a line that is not a JSON object (naming it), or no record with the text key.
        UnreadableFileError: binary content or an unknown encoding.
    """
    name = file_name(source)
    text, warnings = decode_text(data, name)
    if starts_with_claimreview(text):
        reviews = read_claimreview_lines(text, name, source)
        return ReadResult(reviews.documents, [*warnings, *reviews.warnings])
    records: list[tuple[int, dict[str, object]]] = []
    keys: dict[str, None] = {}
    # Split on "\n" only: str.splitlines() would also split on U+2028 and others that JSON strings may hold.
    for line_number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusFormatError(
                f"{name}: line {line_number} is not valid JSON ({error.msg} at column {error.colno}). "
                'Each line of a .jsonl file must be one JSON object, such as {"id": "a1", "text": "..."}; '
                "fix or remove that line."
            ) from None
        except (ValueError, RecursionError) as error:
            # Numbers with thousands of digits or nesting thousands deep: valid JSON, but not a corpus record.
            raise CorpusFormatError(
                f"{name}: line {line_number} cannot be read as a record ({type(error).__name__}). Expected "
                "one JSON object per line; fix or remove that line."
            ) from None
        if not isinstance(value, dict):
            raise CorpusFormatError(
                f"{name}: line {line_number} is a JSON {json_type_name(value)}; expected a JSON object per line, "
                'such as {"id": "a1", "text": "..."}. Fix or remove that line.'
            )
        keys.update(dict.fromkeys(value))
        records.append((line_number, value))
    if not records:
        return ReadResult([], [*warnings, f"{name}: no records found; expected one JSON object per line."])
    return _documents(records, list(keys), name, source, columns or _DEFAULT_MAPPING, warnings)


def _documents(
    records: Iterable[tuple[int, dict[str, object]]],
    available: list[str],
    name: str,
    source: str,
    columns: ColumnMapping,
    warnings: list[str],
) -> ReadResult:
    """Turn (line number, record) pairs into Documents, skipping records without text and saying so."""
    resolved, mapping_warnings = _resolve_columns(columns, available, name)
    warnings = [*warnings, *mapping_warnings]
    used = {column for column in resolved.values() if column is not None}
    documents: list[Document] = []
    skipped_lines: list[int] = []
    row_number = 0
    text_column = resolved["text"]
    if text_column is None:  # _resolve_columns has refused such a file already; said again so the type narrows
        raise ValueError(f"{name}: no text column was resolved")
    for line, record in records:
        row_number += 1
        text = _text_value(record.get(text_column), text_column, name, line)
        if not text:
            skipped_lines.append(line)
            continue
        named = {
            field: _clean(record.get(column)) if (column := resolved[field]) else None
            for field in (*_OPTIONAL, *_REVIEW_FIELDS)
        }
        metadata = {
            key: cleaned for key, value in record.items() if key not in used and (cleaned := _clean(value)) is not None
        }
        documents.append(
            Document(
                doc_id=named["id"] or f"{name}#{row_number}",
                text=text,
                title=named["title"],
                url=named["url"],
                date=named["date"],
                source=named["source"] or named["publisher"],
                path=source,
                metadata=metadata,
                review=_review(named) if resolved["rating"] else None,
            )
        )
    if row_number == 0:
        warnings.append(f"{name}: no rows found below the header.")
    elif resolved["rating"] and documents:
        warnings.append(
            f"{name}: read as {len(documents)} earlier fact-checks (it has a {resolved['rating']!r} column); their "
            "rows are verdicts on claims, never evidence."
        )
    if skipped_lines:
        shown = ", ".join(map(str, skipped_lines[:_LINES_SHOWN]))
        more = f" and {len(skipped_lines) - _LINES_SHOWN} more" if len(skipped_lines) > _LINES_SHOWN else ""
        warnings.append(
            f"{name}: skipped {len(skipped_lines)} of {row_number} rows with empty {resolved['text']!r} "
            f"({'line' if len(skipped_lines) == 1 else 'lines'} {shown}{more})."
        )
    repeated = sorted(doc_id for doc_id, count in Counter(doc.doc_id for doc in documents).items() if count > 1)
    if repeated:
        warnings.append(
            f"{name}: ids used by more than one row: {quote_list(repeated, 5)}. Give each row its own id, or "
            "passages from these rows will be hard to tell apart."
        )
    return ReadResult(documents, warnings)


def _resolve_columns(
    columns: ColumnMapping, available: list[str], name: str
) -> tuple[dict[str, str | None], list[str]]:
    """Map each Document field to the column that holds it in this file (None when absent)."""
    by_folded: dict[str, list[str]] = {}
    for column in available:
        by_folded.setdefault(column.strip().casefold(), []).append(column)

    def find(wanted: str) -> str | None:
        if wanted in available:
            return wanted
        candidates = by_folded.get(wanted.strip().casefold(), [])
        return candidates[0] if len(candidates) == 1 else None

    text_column = find(columns.text)
    if text_column is None and columns.text == _DEFAULT_MAPPING.text and columns.rating and find(columns.rating):
        text_column = next((found for wanted in _CLAIM_COLUMNS if (found := find(wanted))), None)
    if text_column is None:
        raise CorpusFormatError(
            f"{name} has no {columns.text!r} column; expected the text of each row there. Columns found: "
            f"{quote_list(available)}. {_MAPPING_HINT}"
        )
    resolved: dict[str, str | None] = {"text": text_column}
    warnings = []
    for field in (*_OPTIONAL, *_REVIEW_FIELDS):
        wanted = getattr(columns, field)
        resolved[field] = find(wanted) if wanted is not None else None
        if wanted is not None and resolved[field] is None and wanted != getattr(_DEFAULT_MAPPING, field):
            warnings.append(
                f"{name}: no {wanted!r} column for the {field}; columns found: {quote_list(available)}. "
                f"The {field} is left empty."
            )
    return resolved, warnings


def _review(named: dict[str, str | None]) -> PublishedReview:
    """The published verdict of one row of a fact-check table (its rating may be empty: kept as None)."""
    return PublishedReview(
        rating=named["rating"],
        publisher=named["publisher"] or named["source"],
        date=named["date"],
        url=named["url"],
        claimant=named["claimant"],
    )


def _text_value(value: object, column: str, name: str, line: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CorpusFormatError(
            f"{name}: line {line}: {column!r} is a JSON {json_type_name(value)}; expected a string with the "
            "text. Fix that record."
        )
    return normalise_text(value)


def _clean(value: object) -> str | None:
    """A value as a normalised string (non-string JSON values as JSON), or None when missing or blank."""
    if value is None:
        return None
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return normalise_text(text) or None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    if "," in header:
        return ","
    counts = {delimiter: header.count(delimiter) for delimiter in (";", "\t")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


def _next_row(reader: _csv.Reader, name: str) -> list[str] | None:
    """The next row, None at the end, or a CorpusFormatError naming the line where the bad record starts."""
    line = reader.line_num + 1
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        raise CorpusFormatError(
            f"{name} is not valid CSV: the record starting on line {line} is malformed ({error}). Check for "
            "an unclosed or stray double quote there: a field holding commas, quotes or line breaks must be "
            "wrapped "
            'in double quotes, with any quote inside it doubled ("").'
        ) from None


def _column_names(header: list[str], name: str) -> list[str]:
    names = [cell.strip() or f"column {index}" for index, cell in enumerate(header, 1)]
    repeated = sorted(column for column, count in Counter(names).items() if count > 1)
    if repeated:
        raise CorpusFormatError(
            f"{name}: the header names {quote_list(repeated)} more than once; expected each column name "
            "once. Rename the repeated columns."
        )
    return names
