"""Choosing the corpus store: a folder of FAISS corpora (the embedded default) or a Milvus database, by one setting
(`--store` / `$FACTCHECK_STORE`). Both offer the same calls: names, list, open, open_or_create, remove; their
corpora add, remove, search dense and lexical with the same filters, and check the manifest's model and dimension."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.embed import Embedder
from factcheck.store.manifest import Manifest
from factcheck.store.milvus.client import LITE_PREFIX, SERVER_PREFIXES
from factcheck.store.passages import Passage, PassageFilter
from factcheck.store.records import AddReport, StoredDocument


class CorpusLike(Protocol):
    """What search, check, the CLI and the app use of a corpus, whichever store holds it."""

    manifest: Manifest

    @property
    def name(self) -> str: ...

    @property
    def documents(self) -> Mapping[str, StoredDocument]: ...

    def add_documents(self, documents, embedder: Embedder, progress=None) -> AddReport: ...

    def remove_documents(self, doc_ids) -> int: ...

    def rebuild(self, embedder: Embedder, progress=None) -> int: ...

    def search_vectors(
        self, queries: np.ndarray, top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]: ...

    def search_lexical(
        self, queries, top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]: ...

    def size_bytes(self) -> int: ...


class StoreLike(Protocol):
    def names(self) -> list[str]: ...

    def exists(self, name: str) -> bool: ...

    def list(self) -> list: ...

    def open(self, name: str, embedder: Embedder | None = None) -> CorpusLike: ...

    def open_or_create(self, name: str, embedder: Embedder) -> CorpusLike: ...

    def remove(self, name: str) -> None: ...


def is_milvus_spec(spec: str | Path) -> bool:
    """True for `milvus-lite:PATH.db` and server URLs; anything else names a folder."""
    return str(spec).startswith((LITE_PREFIX, *SERVER_PREFIXES))


def open_store(spec: str | Path) -> StoreLike:
    """The store named by `spec`: `milvus-lite:PATH.db`, `http://host:19530`, or a folder (the default).

    Raises:
        StoreConnectionError: a Milvus store that cannot be opened.
    """
    if is_milvus_spec(spec):
        from factcheck.store.milvus import MilvusStore

        return MilvusStore(str(spec))
    from factcheck.store import IndexStore

    return IndexStore(spec)


__all__ = ["CorpusLike", "StoreLike", "is_milvus_spec", "open_store"]
