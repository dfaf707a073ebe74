"""Cutting documents into passages and embedding them in one batch, for an add or a rebuild."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.store.passages import Passage, indexed_text, split_passages

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


def embed_documents(
    documents: Sequence[Document], embedder: Embedder, progress: ProgressCallback | None
) -> dict[str, tuple[Document, list[Passage], np.ndarray]]:
    """Each document's passages and their vectors (by doc_id), embedded in one batch."""
    cut = [(d, split_passages(d)) for d in documents]
    passages = [p for _, parts in cut for p in parts]
    if progress is not None:
        progress("embedding", 0, len(passages))

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress("embedding", done, total)

    if passages:
        vectors = embedder.encode_documents([indexed_text(p) for p in passages], progress=report)
    else:
        vectors = np.zeros((0, embedder.dimension), np.float32)
    result = {}
    row = 0
    for document, parts in cut:
        result[document.doc_id] = (document, parts, np.asarray(vectors[row : row + len(parts)], np.float32))
        row += len(parts)
    return result
