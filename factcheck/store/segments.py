"""A corpus's data files on disk: writing one segment and then the manifest (the commit point), and reading every
segment of a generation back, checked against the manifest and each other."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import faiss

from factcheck.errors import CorruptIndexError
from factcheck.store import vector_index
from factcheck.store.checksums import generation_checksums, verify_checksums
from factcheck.store.corpus_files import fsync_path, read_index, read_lexical, write_records
from factcheck.store.generations import remove_entry, remove_generations_except
from factcheck.store.lexical import LexicalIndex, LexicalSegment
from factcheck.store.locking import no_readers
from factcheck.store.manifest import FORMAT_VERSION, Manifest, write_manifest
from factcheck.store.passages import Passage
from factcheck.store.records import StoredDocument
from factcheck.store.stored_rows import StoredDocuments, StoredPassages, open_rows


@dataclass(slots=True)
class CorpusData:
    """What an open corpus holds: its vectors and BM25 index in memory, its passages (row order) and stored documents
    read from their files when asked."""

    index: faiss.Index
    passages: StoredPassages
    documents: StoredDocuments
    lexical: LexicalIndex


def write_segment(
    directory: Path,
    manifest: Manifest,
    index: faiss.Index,
    passages: Iterable[Passage | bytes],
    documents: Iterable[StoredDocument | bytes],
    lexical: LexicalSegment,
) -> Manifest:
    """Write the newest segment of `manifest` (its generation's files), then the manifest with their checksums added
    to those of the segments before it (the commit point); returns the manifest written. A record given as bytes is
    one already stored, written as it is.

    Only the new segment's files are written: the segments before it are left as they are. Anything already at the
    new files' names (left by an interrupted change, or a planted link) is removed, never written through.
    Generations no longer in the corpus are deleted when no reader is loading files, else by the next change.
    """
    files = manifest.newest_files()
    for name in files.values():
        remove_entry(directory / name)
    faiss.write_index(index, str(directory / files["index"]))
    fsync_path(directory / files["index"])
    write_records(directory / files["passages"], passages)
    write_records(directory / files["documents"], documents)
    lexical.save(directory / files["lexical"])
    fsync_path(directory / files["lexical"])
    manifest = replace(manifest, checksums={**manifest.checksums, **generation_checksums(directory, files)})
    write_manifest(directory, manifest)  # the commit point
    with no_readers(directory) as free:
        if free:
            remove_generations_except(directory, manifest.chain)
    return manifest


def read_segments(directory: Path, manifest: Manifest) -> CorpusData:
    """Every segment of `manifest`'s generation, merged in order.

    Raises:
        CorruptIndexError: a file missing, damaged (checksum) or unreadable, or the files disagreeing with the
            manifest or each other.
    """
    verify_checksums(directory, manifest.files(), manifest.checksums, manifest.name)
    legacy = manifest.format_version < FORMAT_VERSION
    indexes: list[faiss.Index] = []
    lexical_segments: list[LexicalSegment] = []
    lexical: LexicalIndex | None = None
    for files in manifest.segment_files():
        indexes.append(read_index(directory / files["index"]))
        found = read_lexical(directory / files["lexical"], legacy=legacy)
        if isinstance(found, LexicalIndex):
            lexical = found
        else:
            lexical_segments.append(found)
    passages, documents = open_rows(directory, manifest.segment_files())
    if lexical is None:
        lexical = LexicalIndex(lexical_segments)
    try:
        index = vector_index.merge(indexes)
    except ValueError as error:
        passages.close()
        documents.close()
        raise CorruptIndexError(
            f"Corpus '{manifest.name}' in {directory} has index segments that do not fit together ({error}). "
            f"Run `factcheck index rebuild {manifest.name}` to rebuild it from the stored documents."
        ) from error
    try:
        _check_consistent(directory, manifest, index, passages, documents, lexical)
    except CorruptIndexError:
        passages.close()
        documents.close()
        raise
    return CorpusData(index, passages, documents, lexical)


def _check_consistent(
    directory: Path,
    manifest: Manifest,
    index: faiss.Index,
    passages: Sequence[Passage],
    documents: StoredDocuments,
    lexical: LexicalIndex,
) -> None:
    problems = []
    if index.d != manifest.dimension:
        problems.append(f"the index has {index.d} dimensions, the manifest says {manifest.dimension}")
    if not (index.ntotal == len(passages) == manifest.passages):
        problems.append(
            f"the index holds {index.ntotal} vectors and the passage files {len(passages)} passages, "
            f"the manifest says {manifest.passages}"
        )
    if lexical.size != len(passages):
        problems.append(f"the BM25 index holds {lexical.size} passages, the passage files {len(passages)}")
    if len(documents) != manifest.documents:
        problems.append(f"{len(documents)} documents stored, the manifest says {manifest.documents}")
    if problems:
        raise CorruptIndexError(
            f"Corpus '{manifest.name}' in {directory} is inconsistent: {'; '.join(problems)}. "
            f"Run `factcheck index rebuild {manifest.name}` to rebuild it from the stored documents."
        )
