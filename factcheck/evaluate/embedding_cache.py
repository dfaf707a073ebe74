"""An embedder that keeps every vector it computes in a folder, so a repeated evaluation embeds nothing twice."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.embed import Embedder, ProgressCallback
from factcheck.errors import EmbeddingCacheError

__all__ = ["CachedEmbedder", "EmbeddingCacheError"]


class CachedEmbedder:
    """Wraps an embedder; vectors are looked up by (model, kind, text) in `folder` before the model is asked.

    One file per model (`<model>.npz`, the text digests beside their vectors), written after each call that added
    vectors. Queries and documents are cached apart, since an embedder may encode them differently. The wrapped
    embedder is only loaded when a text is missing, so a warm cache costs no model load.
    """

    def __init__(self, inner: Embedder, folder: str | Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.folder = Path(folder)
        self._path = self.folder / (re.sub(r"[^\w.-]+", "_", self.name) + ".npz")
        self._vectors: dict[bytes, np.ndarray] = {}
        self._load()

    @property
    def dimension(self) -> int:
        if self._vectors:
            return len(next(iter(self._vectors.values())))
        return self.inner.dimension

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        return self._encode("document", list(texts), lambda missing: self.inner.encode_documents(missing, progress))

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode("query", list(texts), self.inner.encode_queries)

    def _encode(self, kind: str, texts: list[str], compute) -> np.ndarray:
        keys = [hashlib.blake2b(f"{kind}\n{text}".encode(), digest_size=16).digest() for text in texts]
        missing = list(
            dict.fromkeys((key, text) for key, text in zip(keys, texts, strict=True) if key not in self._vectors)
        )
        if missing:
            vectors = compute([text for _, text in missing])
            for (key, _), vector in zip(missing, vectors, strict=True):
                self._vectors[key] = np.asarray(vector, dtype=np.float32)
            self._save()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.ascontiguousarray(np.vstack([self._vectors[key] for key in keys]))

    def _load(self) -> None:
        if not self._path.is_file():
            return
        try:
            with np.load(self._path) as stored:
                keys, vectors = stored["keys"], stored["vectors"]
        except (OSError, ValueError, KeyError) as error:
            raise EmbeddingCacheError(
                f"The embedding cache {self._path} cannot be read ({error}); delete it to start a fresh cache."
            ) from error
        self._vectors = {bytes(key): vector for key, vector in zip(keys, vectors, strict=True)}

    def _save(self) -> None:
        keys = np.array(list(self._vectors), dtype="S16")
        vectors = np.vstack(list(self._vectors.values())).astype(np.float32)
        partial = self._path.with_suffix(".partial.npz")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            np.savez(partial, keys=keys, vectors=vectors)
            partial.replace(self._path)  # a crash mid-write never leaves a half-written cache behind
        except OSError as error:
            raise EmbeddingCacheError(
                f"The embedding cache {self._path} cannot be written ({error}); pass a writable --embedding-cache."
            ) from error
