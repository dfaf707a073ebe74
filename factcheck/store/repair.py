"""Rebuilding a corpus from its stored documents alone, when its index, passages, BM25 files or manifest are damaged.

The stored documents (`documents.<g>.jsonl`) are the corpus's source of truth; everything else is derived from them.
A rebuild reads them line by line, keeps every record that parses and whose text still matches its content hash, and
reports the rest by id and original file path so they can be added again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from factcheck.embed import Embedder
from factcheck.errors import CorruptIndexError
from factcheck.factchecks import CorpusKind
from factcheck.serialise import Record
from factcheck.store import vector_index
from factcheck.store.corpus import Corpus, ProgressCallback
from factcheck.store.embedding import embed_documents
from factcheck.store.generations import generations_on_disk
from factcheck.store.locking import writer_lock
from factcheck.store.manifest import Manifest, read_manifest
from factcheck.store.record_files import scan_records
from factcheck.store.records import StoredDocument, record_intact

# A line that is no longer JSON may still show where its document came from.
_FIELD_IN_RAW_LINE = {key: re.compile(rf'"{key}": "((?:[^"\\]|\\.)*)"') for key in ("doc_id", "path")}


@dataclass(frozen=True, slots=True)
class RebuildReport(Record):
    """What a rebuild read and wrote, and what it could not recover."""

    documents: int
    passages: int
    model: str
    source: str  # the stored-documents files read (one per segment)
    unreadable_lines: tuple[int, ...] = ()
    lost_documents: tuple[str, ...] = ()  # ids (or line numbers) of documents that could not be recovered
    files_to_add_again: tuple[str, ...] = ()
    kept_copy: str | None = None  # the damaged generation's files, kept in a folder beside them

    def messages(self) -> list[str]:
        """Warnings for the user; empty when everything was recovered."""
        if not self.lost_documents:
            return []
        files = ", ".join(self.files_to_add_again) or "unknown (their records were unreadable)"
        return [
            f"{len(self.lost_documents)} stored documents were damaged and could not be recovered "
            f"({', '.join(self.lost_documents[:10])}{' ...' if len(self.lost_documents) > 10 else ''}). "
            f"Add these files again: {files}. The damaged generation's files were kept in {self.kept_copy}/."
        ]


def rebuild_corpus(directory: Path, embedder: Embedder, progress: ProgressCallback | None = None) -> RebuildReport:
    """Write a new generation of `directory`'s corpus from its stored documents, embedded by `embedder`.

    Works without a readable manifest, index, passage or BM25 file; holds the writer lock throughout so no change
    made meanwhile is lost.

    Raises:
        CorruptIndexError: no stored-documents file at all (then the corpus must be added again from its files).
    """
    with writer_lock(directory):
        manifest = _readable_manifest(directory)
        on_disk = generations_on_disk(directory)
        sources = _documents_files(directory, manifest, on_disk)
        recovered: dict[str, StoredDocument] = {}
        unreadable: list[int] = []
        lost: list[str] = []
        paths: set[str] = set()
        damaged: list[Path] = []
        for source in sources:
            found, bad_lines, lost_here, lost_paths = read_stored_documents(source)
            lost_here += _missing_from(directory, source, found, lost_here)
            recovered.update(found)
            unreadable += bad_lines
            lost += lost_here
            paths |= lost_paths
            if lost_here:
                damaged.append(source)
        lost = [doc_id for doc_id in dict.fromkeys(lost) if doc_id not in recovered]
        if manifest is not None:
            unnamed = manifest.documents - len(recovered) - len(lost)
            if unnamed > 0:
                lost.append(f"{unnamed} more whose ids are unknown")
        kept_copy = None
        if lost:
            # Everything of the damaged segments is kept aside (their passage files still hold the texts of their
            # passages); a name outside the generation pattern is never cleaned up.
            kept_copy = directory / f"damaged-{(damaged or sources)[-1].stem}"
            if not kept_copy.exists():
                kept_copy.mkdir()
                for source in damaged or sources:
                    for name in on_disk.get(_generation(source), []):
                        _copy_entry(directory / name, kept_copy / name)
        newest = max([*on_disk, manifest.generation if manifest else 0])
        base = Manifest(
            name=manifest.name if manifest else directory.name,
            model=embedder.name,
            dimension=embedder.dimension,
            generation=newest,
        )
        if manifest is not None:
            base = replace(base, created=manifest.created)
        corpus = Corpus.empty(directory, base)
        documents = [d.to_document() for d in recovered.values()]
        embedded = embed_documents(documents, embedder, progress)
        passages = [p for doc_id in recovered for p in embedded[doc_id][1]]
        parts = [embedded[doc_id][2] for doc_id in recovered]
        vectors = np.vstack(parts) if parts else np.zeros((0, embedder.dimension), np.float32)
        stored = {
            doc_id: replace(document, passages=len(embedded[doc_id][1])) for doc_id, document in recovered.items()
        }
        if progress is not None:
            progress("saving", 0, 1)
        corpus._commit(
            vector_index.build_index(vectors, embedder.dimension),
            passages,
            stored.values(),
            len(stored),
            model=embedder.name,
            dimension=embedder.dimension,
            # Earlier fact-checks keep their kind even when the manifest that said so was lost.
            kind=CorpusKind.FACT_CHECK if any(d.review for d in stored.values()) else CorpusKind.EVIDENCE,
        )
        if progress is not None:
            progress("saving", 1, 1)
    return RebuildReport(
        documents=len(stored),
        passages=len(passages),
        model=embedder.name,
        source=", ".join(source.name for source in sources),
        unreadable_lines=tuple(unreadable),
        lost_documents=tuple(lost),
        files_to_add_again=tuple(sorted(paths)),
        kept_copy=kept_copy.name if kept_copy else None,
    )


def read_stored_documents(path: Path) -> tuple[dict[str, StoredDocument], list[int], list[str], set[str]]:
    """The records of a stored-documents file that are intact, the unreadable line numbers, the ids (or `line N`) of
    documents lost, and the original file paths of lost documents where they can still be read."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read()
    recovered: dict[str, StoredDocument] = {}
    unreadable: list[int] = []
    lost: list[str] = []
    paths: set[str] = set()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
            document = StoredDocument.from_dict(record)
            # A review's content hash also covers its title and verdict (Document.content_hash); the record's own
            # fingerprint, where it has one, covers every field (a damaged id or title among them).
            intact = (
                isinstance(document.text, str)
                and document.to_document().content_hash == document.content_hash
                and record_intact(record)
            )
        except (ValueError, TypeError, RecursionError):
            document, intact = None, False
            unreadable.append(number)
        if document is not None and intact:
            recovered[document.doc_id] = document
            continue
        text = raw.decode("utf-8", errors="replace")
        if document is not None:
            ids, found_paths = [document.doc_id], [document.path]
        else:  # a damaged line (perhaps two records run together) may still show whose records it held
            ids = [_unescape(m[1]) for m in _FIELD_IN_RAW_LINE["doc_id"].finditer(text)]
            found_paths = [_unescape(m[1]) for m in _FIELD_IN_RAW_LINE["path"].finditer(text)]
        lost.extend(str(doc_id) for doc_id in ids) if ids else lost.append(f"line {number}")
        paths.update(p for p in found_paths if isinstance(p, str) and p)
    return recovered, unreadable, lost, paths


def _missing_from(directory: Path, source: Path, recovered: dict, lost: list[str]) -> list[str]:
    """Documents a segment had that its documents file no longer shows at all (emptied or cut short), named from
    the segment's passage file where it is readable (those it cannot name are counted from the manifest)."""
    generation = _generation(source)
    ids: dict[str, None] = {}
    with contextlib.suppress(CorruptIndexError):
        scan_records(
            directory / f"passages.{generation}.jsonl", frozenset(), lambda r: ids.setdefault(str(r.get("doc_id")))
        ).close()
    named = list(ids)
    return [doc_id for doc_id in named if doc_id not in recovered and doc_id not in lost]


def _generation(source: Path) -> int:
    return int(source.name.split(".")[1])


def _copy_entry(source: Path, target: Path) -> None:
    if source.is_symlink():
        return
    if source.is_dir():
        shutil.copytree(source, target, symlinks=True)
    else:
        shutil.copyfile(source, target)


def _unescape(value: str) -> str:
    try:
        return json.loads(f'"{value}"')
    except ValueError:
        return value


def _readable_manifest(directory: Path) -> Manifest | None:
    try:
        return read_manifest(directory)
    except CorruptIndexError:
        return None


def _documents_files(directory: Path, manifest: Manifest | None, on_disk: dict[int, list[str]]) -> list[Path]:
    """The stored documents to rebuild from, oldest segment first: those of the manifest's segments that are on
    disk; without a readable manifest every documents file on disk (a later one's version of a document wins)."""
    order = manifest.chain if manifest is not None else sorted(on_disk)
    found = []
    for generation in order:
        path = directory / f"documents.{generation}.jsonl"
        if path.is_file() and not path.is_symlink():
            found.append(path)
    if found:
        return found
    if manifest is not None:  # the manifest's segments are all gone: whatever is on disk is all there is
        return _documents_files(directory, None, on_disk)
    raise CorruptIndexError(
        f"{directory} has no stored documents (no documents.<n>.jsonl file) to rebuild from. Remove the corpus "
        f"with `factcheck index remove {directory.name}` and add its files again."
    )
