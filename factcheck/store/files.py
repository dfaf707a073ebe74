"""The files of a corpus generation: reading and writing them, with damage reported as CorruptIndexError."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import faiss

from factcheck.errors import CorruptIndexError
from factcheck.store.lexical import LexicalIndex


def remove_corpus_directory(directory: Path) -> None:
    shutil.rmtree(directory)


def directory_size(directory: Path) -> int:
    """Bytes of every file under `directory`."""
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())


def read_lexical(path: Path) -> LexicalIndex:
    try:
        return LexicalIndex.load(path)
    except (OSError, ValueError, KeyError) as error:
        raise CorruptIndexError(
            f"The BM25 index {path} is missing or unreadable ({error}). Rebuild the corpus or remove it and add again."
        ) from error


def read_index(path: Path) -> faiss.Index:
    if not path.is_file():
        raise CorruptIndexError(f"The index file {path} is missing. Rebuild the corpus or remove it and add again.")
    try:
        return faiss.read_index(str(path))
    except RuntimeError as error:
        raise CorruptIndexError(
            f"The index file {path} cannot be read by FAISS ({str(error).splitlines()[0][:200]}). "
            "Rebuild the corpus or remove it and add its files again."
        ) from error


def read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise CorruptIndexError(f"The data file {path} is missing. Rebuild the corpus or remove it and add again.")
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise CorruptIndexError(
                    f"{path} line {number} is not valid JSON ({error.msg}). Rebuild the corpus or remove it."
                ) from error
    return records


def write_jsonl(path: Path, records: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False))
            handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
