"""The files of a corpus generation: reading and writing them, with damage reported as CorruptIndexError."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import faiss

from factcheck.errors import CorruptIndexError
from factcheck.serialise import Record
from factcheck.store.generations import remove_entry, require_regular
from factcheck.store.lexical import LexicalIndex, LexicalSegment
from factcheck.store.record_files import repair_hint


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
            + repair_hint(path)
        ) from error


def read_index(path: Path) -> faiss.Index:
    require_regular(path)
    if not path.is_file():
        raise CorruptIndexError(f"The index file {path} is missing. " + repair_hint(path))
    try:
        return faiss.read_index(str(path))
    except (RuntimeError, *_LOAD_ERRORS) as error:
        raise CorruptIndexError(
            f"The index file {path} cannot be read by FAISS ({(str(error).splitlines() or [''])[0][:200]}). "
            + repair_hint(path)
        ) from error


def write_records(path: Path, records: Iterable[Record | bytes]) -> None:
    """Write a new JSONL file, a line per record: a value as its `to_dict()`, bytes (a record already stored, line
    end included or not) as they are. A file or link already at `path` is replaced, never written through."""
    remove_entry(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with open(descriptor, "wb") as handle:
        for record in records:
            if isinstance(record, bytes):
                handle.write(record if record.endswith(b"\n") else record + b"\n")
            else:
                handle.write(json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8"))
                handle.write(b"\n")
        handle.flush()
        os.fsync(handle.fileno())
