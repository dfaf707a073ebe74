"""The files of a corpus generation: reading and writing them, with damage reported as CorruptIndexError."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import faiss

from factcheck.errors import CorruptIndexError
from factcheck.store.generations import remove_entry, require_regular
from factcheck.store.lexical import LexicalIndex, LexicalSegment


def remove_corpus_directory(directory: Path) -> None:
    """Delete a corpus folder; a symbolic link in its place is removed itself, never what it points to."""
    if directory.is_symlink():
        directory.unlink()
    else:
        shutil.rmtree(directory)


def fsync_path(path: Path) -> None:
    """Flush a written file (or each file of a folder) to disk: FAISS and bm25s do not."""
    targets = [path / name for name in os.listdir(path)] if path.is_dir() else [path]
    for target in targets:
        descriptor = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def directory_size(directory: Path) -> int:
    """Bytes of every file under `directory`."""
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())


# What damaged bytes make the BM25 and FAISS loaders raise: an empty .npy (EOFError), a params file of the wrong
# shape (TypeError, AttributeError), a huge length field (MemoryError), and the rest.
_LOAD_ERRORS = (OSError, ValueError, KeyError, EOFError, TypeError, AttributeError, IndexError, MemoryError)


def _repair_hint(path: Path) -> str:
    return f"Run `factcheck index rebuild {path.parent.name}` to write it again from the stored documents."


def read_lexical(path: Path, *, legacy: bool = False) -> LexicalSegment | LexicalIndex:
    """A BM25 segment folder; with `legacy`, a whole format-2 BM25 index written by bm25s."""
    require_regular(path, folder=True)
    for name in os.listdir(path) if path.is_dir() else []:
        require_regular(path / name)
    try:
        return LexicalIndex.load_legacy(path) if legacy else LexicalSegment.load(path)
    except (*_LOAD_ERRORS, RecursionError) as error:
        raise CorruptIndexError(
            f"The BM25 index {path} is missing or unreadable ({type(error).__name__}: {str(error)[:200]}). "
            + _repair_hint(path)
        ) from error


def read_index(path: Path) -> faiss.Index:
    require_regular(path)
    if not path.is_file():
        raise CorruptIndexError(f"The index file {path} is missing. " + _repair_hint(path))
    try:
        return faiss.read_index(str(path))
    except (RuntimeError, *_LOAD_ERRORS) as error:
        raise CorruptIndexError(
            f"The index file {path} cannot be read by FAISS ({(str(error).splitlines() or [''])[0][:200]}). "
            + _repair_hint(path)
        ) from error


def read_jsonl(path: Path) -> list[dict]:
    require_regular(path)
    if not path.is_file():
        raise CorruptIndexError(f"The data file {path} is missing. " + _repair_hint(path))
    fast = _read_jsonl_at_once(path)
    if fast is not None:
        return fast
    records = []
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with open(descriptor, encoding="utf-8") as handle:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):  # noqa: B007 (number names the line of a decode error)
                if not line.strip():
                    continue
                records.append(json.loads(line))
        except UnicodeDecodeError as error:
            raise CorruptIndexError(
                f"{path} is not UTF-8 near line {number + 1} (byte {error.object[error.start]:#04x}): the file is "
                "damaged. " + _repair_hint(path)
            ) from None
        except (ValueError, RecursionError) as error:
            raise CorruptIndexError(
                f"{path} line {number} is not valid JSON ({type(error).__name__}). " + _repair_hint(path)
            ) from None
    return records


def _read_jsonl_at_once(path: Path) -> list[dict] | None:
    """The records of an intact file parsed as one JSON array (one call into the parser instead of one per line:
    about half the time of opening a large corpus); None when anything is wrong, for the line-by-line reader to
    name the line."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
        lines = [line for line in text.split("\n") if line.strip()]
        records = json.loads("[" + ",".join(lines) + "]")
    except (ValueError, RecursionError):
        return None
    # A line holding two records ("{..}, {..}") parses into the array as two: only one record per line is intact.
    return records if len(records) == len(lines) else None


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    """Write a new file (a file or link already at `path` is replaced, never written through)."""
    remove_entry(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with open(descriptor, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
