"""Reading files and uploads: the size limit, dispatch on the file extension, and expanding folders."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.documents import Document
from factcheck.errors import UnreadableFileError, UnsupportedFormatError
from factcheck.limits import Limits
from factcheck.readers.archives import check_zip
from factcheck.readers.base import ReadResult, file_name
from factcheck.readers.claimreview import read_claimreview_json
from factcheck.readers.plain import read_plain
from factcheck.readers.subtitles import read_subtitles
from factcheck.readers.tabular import ColumnMapping, read_csv_documents, read_jsonl_documents

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""The largest file read by default (50 MB); pass `max_bytes` to change it."""

_Reader = Callable[[bytes, str, ColumnMapping | None], ReadResult]


def _one_document_per_file(read: Callable[[bytes, str], ReadResult]) -> _Reader:
    """Adapt a reader of whole documents, which has no columns to map, to the corpus readers' signature."""

    def reader(data: bytes, source: str, columns: ColumnMapping | None) -> ReadResult:
        return read(data, source)

    return reader


def _read_html(data: bytes, source: str) -> ReadResult:
    # The HTML, PDF and Word readers load their libraries (trafilatura, lxml, pypdf, python-docx: about 0.3 s) on
    # first use: listing files and reading text ones, as the app's first page does, needs none of them.
    from factcheck.readers.html import read_html

    return read_html(data, source)


def _read_pdf(data: bytes, source: str) -> ReadResult:
    from factcheck.readers.pdf import read_pdf

    return read_pdf(data, source)


def _read_docx(data: bytes, source: str) -> ReadResult:
    from factcheck.readers.docx import read_docx

    return read_docx(data, source)


_READERS: dict[str, _Reader] = {
    ".txt": _one_document_per_file(read_plain),
    ".md": _one_document_per_file(read_plain),
    ".html": _one_document_per_file(_read_html),
    ".htm": _one_document_per_file(_read_html),
    ".pdf": _one_document_per_file(_read_pdf),
    ".docx": _one_document_per_file(_read_docx),
    ".csv": read_csv_documents,
    ".jsonl": read_jsonl_documents,
    ".json": _one_document_per_file(read_claimreview_json),
    ".jsonld": _one_document_per_file(read_claimreview_json),
    ".srt": _one_document_per_file(read_subtitles),
    ".vtt": _one_document_per_file(read_subtitles),
}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_READERS)
# Formats that are zip archives: their unpacked size is checked before the reader opens them.
_ZIP_BASED = frozenset({".docx"})


def read_path(
    path: str | Path,
    *,
    columns: ColumnMapping | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> list[Document]:
    """Read one file into Documents (one per file, or one per row of a CSV/JSONL corpus).

    Warnings (skipped rows, a guessed encoding) are dropped; use `read_path_with_report` to show them.

    Raises:
        UnsupportedFormatError: an extension not in `SUPPORTED_EXTENSIONS`.
        UnreadableFileError: a missing, empty, too large, binary, damaged or undecodable file.
        CorpusFormatError: a CSV/JSONL corpus without its text column, or with a malformed line.
    """
    return read_path_with_report(path, columns=columns, max_bytes=max_bytes, limits=limits).documents


def read_bytes(
    data: bytes,
    name: str,
    *,
    columns: ColumnMapping | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> list[Document]:
    """Read an upload (its bytes and file name) into Documents, exactly as `read_path` reads the same file.

    `name` chooses the format by its extension and becomes each Document's `path`.
    """
    return read_bytes_with_report(data, name, columns=columns, max_bytes=max_bytes, limits=limits).documents


def read_path_with_report(
    path: str | Path,
    *,
    columns: ColumnMapping | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> ReadResult:
    """Like `read_path`, and also return the warnings to show the user: `documents, warnings = ...`."""
    path = Path(path)
    if path.is_dir():
        raise UnreadableFileError(
            f"{path} is a folder; expected a file. Pass folders to iter_paths to list the files inside."
        )
    reader = _reader_for(str(path))
    try:
        _check_size(path.stat().st_size, path.name, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError(f"{path} does not exist; expected a file. Check the path and try again.") from None
    except OSError as error:
        raise UnreadableFileError(
            f"{path} cannot be opened ({error.strerror or error}). Check that it exists and that you may read it."
        ) from None
    return _read(data, str(path), columns, max_bytes, reader, limits)


def read_bytes_with_report(
    data: bytes,
    name: str,
    *,
    columns: ColumnMapping | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> ReadResult:
    """Like `read_bytes`, and also return the warnings to show the user: `documents, warnings = ...`."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"data must be bytes, got {type(data).__name__}")
    return _read(bytes(data), name, columns, max_bytes, _reader_for(name), limits)


def iter_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the supported files to read, sorted, each once.

    Folders are searched recursively; inside them hidden files and folders (names starting with ".") and files
    of unsupported formats are skipped, and so are symbolic links that lead out of the folder (use
    `iter_paths_with_report` to tell the user). A file named explicitly is kept even if hidden.

    Raises:
        UnreadableFileError: a path that does not exist.
        UnsupportedFormatError: a file named explicitly whose format is not supported, or a folder with no
            supported file in it.
    """
    return iter_paths_with_report(paths)[0]


def iter_paths_with_report(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Like `iter_paths`, and also the warnings to show: links inside a folder that were not followed."""
    if isinstance(paths, str | Path):
        raise TypeError("iter_paths takes a list of paths; wrap a single path in a list")
    found: set[Path] = set()
    warnings: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = _supported_files_in(path, warnings)
            if not inside:
                raise UnsupportedFormatError(
                    f"{path} has no supported files; expected files ending in "
                    f"{', '.join(SUPPORTED_EXTENSIONS)} (hidden files are skipped). Convert the documents to "
                    "one of these formats."
                )
            found.update(inside)
        elif path.exists():
            _reader_for(str(path))
            found.add(path)
        else:
            raise UnreadableFileError(f"{path} does not exist; expected a file or folder. Check the path.")
    return sorted(found), warnings


def _read(
    data: bytes, source: str, columns: ColumnMapping | None, max_bytes: int, reader: _Reader, limits: Limits | None
) -> ReadResult:
    name = file_name(source)
    _check_size(len(data), name, max_bytes)
    if not data:
        raise UnreadableFileError(f"{name} is empty (0 bytes); expected some content. Check it is the right file.")
    limits = limits or Limits.from_environment()
    if os.path.splitext(name)[1].lower() in _ZIP_BASED:
        check_zip(data, name, limits)
    result = reader(data, source, columns)
    for document in result.documents:
        check_document_limits(document, name, limits)
    return result


def check_document_limits(document: Document, name: str, limits: Limits) -> None:
    """Raise InputTooLargeError if the document's text or one of its metadata fields is over `limits`."""
    what = name if document.doc_id == name else f"{name}, record {document.doc_id[:80]!r}"
    limits.check_length(len(document.text), what)
    fields = {"id": document.doc_id, "title": document.title, "url": document.url, "date": document.date}
    fields.update({"source": document.source, **document.metadata})
    for field, value in fields.items():
        if isinstance(value, str):
            limits.check_field(len(value), f"{what}: the {field!r} field")


def _reader_for(source: str) -> _Reader:
    extension = os.path.splitext(file_name(source))[1].lower()
    reader = _READERS.get(extension)
    if reader is None:
        found = f"'{extension}'" if extension else "no extension"
        raise UnsupportedFormatError(
            f"{file_name(source)} has {found}; expected one of {', '.join(SUPPORTED_EXTENSIONS)}. "
            "Save or export it in one of these formats (for example .doc as .docx, .xlsx as .csv)."
        )
    return reader


def _check_size(size: int, name: str, max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")
    if size > max_bytes:
        raise UnreadableFileError(
            f"{name} is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)} per file. Split it "
            "into smaller files (a CSV or JSONL corpus into several files of fewer rows, a long PDF into "
            "parts) or raise the limit."
        )


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def _supported_files_in(folder: Path, warnings: list[str]) -> list[Path]:
    files = []
    root = folder.resolve()
    leaving: list[str] = []
    for directory, subdirectories, names in os.walk(folder):
        # Prune hidden folders (.git, .venv, .ipynb_checkpoints) instead of walking and filtering them.
        subdirectories[:] = [sub for sub in subdirectories if not sub.startswith(".")]
        # os.walk does not enter linked folders; one that leads elsewhere is reported, one inside is walked anyway.
        leaving += [
            str(Path(directory, sub))
            for sub in subdirectories
            if Path(directory, sub).is_symlink() and not _inside(Path(directory, sub), root)
        ]
        for name in names:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in _READERS:
                path = Path(directory, name)
                if path.is_symlink() and not _inside(path, root):
                    leaving.append(str(path))
                    continue
                files.append(path)
    if leaving:
        warnings.append(
            f"{folder}: skipped {len(leaving)} symbolic links that lead out of the folder ({', '.join(leaving[:5])}"
            f"{' ...' if len(leaving) > 5 else ''}); add what they point to by its own path if it belongs here."
        )
    return files


def _inside(path: Path, root: Path) -> bool:
    """Whether a link's final target lies inside `root` (a dangling or looping link does not)."""
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False
