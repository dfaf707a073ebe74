"""How a change to a folder corpus is written, decided from what the open corpus holds: which documents are new,
whether the change may be appended as a segment or must rewrite the corpus, and the BM25 index after it.

Pure decisions over the open corpus's values; `factcheck/store/corpus.py` does the writing.
"""

from __future__ import annotations

from collections.abc import Sequence

import faiss
import numpy as np

from factcheck.documents import Document
from factcheck.store import vector_index
from factcheck.store.lexical import LexicalIndex, LexicalSegment
from factcheck.store.manifest import FORMAT_VERSION, Manifest
from factcheck.store.passages import Passage, indexed_text
from factcheck.store.stored_rows import StoredDocuments

__all__ = ["MAX_SEGMENTS", "can_append", "documents_to_add", "lexical_after"]

# Segments before an append writes everything as one segment instead: bounds the files a corpus has and the work of
# opening it, while a newsroom ingest (a segment per checkpoint of 20 MB of text) stays within it up to millions.
MAX_SEGMENTS = 64


def documents_to_add(stored: StoredDocuments, documents: Sequence[Document]) -> tuple[dict[str, Document], list[str]]:
    """The documents to add given the corpus's `stored` documents (by id, last one wins), and the ids skipped
    because their text is already stored or empty."""
    known_hashes = set(stored.content_hashes())
    added: dict[str, Document] = {}
    skipped: list[str] = []
    for document in documents:
        digest = document.content_hash
        if digest in known_hashes or not document.text:
            skipped.append(document.doc_id)
            continue
        known_hashes.add(digest)
        added[document.doc_id] = document
    return added, skipped


def can_append(manifest: Manifest, index: faiss.Index, replaced: set[str], added_passages: int) -> bool:
    """Whether the next change may be written as a segment after the existing ones, or must rewrite the corpus:
    a replacement drops rows, a format-2 corpus has no BM25 segments, an index growing past the exact-search
    size is trained anew, and past `MAX_SEGMENTS` the segments are joined into one."""
    if replaced or manifest.format_version != FORMAT_VERSION or manifest.passages == 0:
        return False
    if len(manifest.chain) >= MAX_SEGMENTS:
        return False
    kind = vector_index.kind_of(index)
    return kind != vector_index.FLAT or vector_index.choose_kind(index.ntotal + added_passages) == kind


def lexical_after(
    lexical: LexicalIndex, passages: Sequence[Passage], keep: np.ndarray | None = None
) -> LexicalIndex | None:
    """The BM25 index of the current passages (those `keep` marks, if given) followed by `passages`, from the
    stored term counts (None for format 2, whose counts are not stored)."""
    if not lexical.segments and lexical.size:
        return None
    current = LexicalSegment.concatenate(lexical.segments) if lexical.segments else None
    if current is not None and keep is not None:
        current = current.selected(keep)
    added = LexicalSegment.build([indexed_text(p) for p in passages])
    return LexicalIndex([LexicalSegment.concatenate([*([current] if current else []), added])])
