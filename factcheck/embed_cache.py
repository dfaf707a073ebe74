"""An embedding cache on disk keyed by model and text hash: a re-add, a rebuild or a re-check embeds nothing twice."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.embed import Embedder, HashEmbedder, ProgressCallback
from factcheck.errors import FactcheckError

CACHE_NAME = "embedding-cache.sqlite"
_LOOKUP_CHUNK = 500  # SQLite's default limit on bound parameters is 999 (older builds); stay well under it


class EmbeddingCacheError(FactcheckError):
    """The embedding cache file cannot be opened or written."""


def text_key(model: str, dimension: int, text: str) -> bytes:
    """16 bytes naming (model, dimension, text): the same text under another model is another entry."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{model}\x00{dimension}\x00".encode())
    digest.update(text.encode("utf-8"))
    return digest.digest()


class EmbeddingCache:
    """Vectors by key in one SQLite file (float32 bytes, exact). Safe to share between threads and processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")  # a lost last write only costs re-embedding
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID"
            )
            self._connection.commit()
        except (sqlite3.Error, OSError) as error:
            raise EmbeddingCacheError(
                f"The embedding cache {self.path} cannot be opened ({error}). Delete the file (it only saves time) "
                "or point FACTCHECK_CACHE_DIR at a writable folder."
            ) from error

    def get_many(self, keys: Sequence[bytes], dimension: int) -> dict[bytes, np.ndarray]:
        """The cached vectors among `keys` (a key whose stored vector has another length is ignored)."""
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            try:
                for begin in range(0, len(keys), _LOOKUP_CHUNK):
                    chunk = list(keys[begin : begin + _LOOKUP_CHUNK])
                    marks = ",".join("?" * len(chunk))
                    for key, blob in self._connection.execute(
                        f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
                    ):
                        if len(blob) == 4 * dimension:
                            found[bytes(key)] = np.frombuffer(blob, dtype=np.float32)
            except sqlite3.DatabaseError as error:
                raise self._damaged(error) from error
        return found

    def put_many(self, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        with self._lock:
            try:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                    ((key, vector.tobytes()) for key, vector in zip(keys, vectors, strict=True)),
                )
                self._connection.commit()
            except sqlite3.DatabaseError as error:
                raise self._damaged(error) from error

    def __len__(self) -> int:
        with self._lock:
            return int(self._connection.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def _damaged(self, error: Exception) -> EmbeddingCacheError:
        return EmbeddingCacheError(
            f"The embedding cache {self.path} cannot be read or written ({error}). Delete the file: it holds only "
            "vectors that can be computed again, nothing else is lost."
        )


class CachedEmbedder:
    """An embedder that looks every text up in an `EmbeddingCache` first and embeds only the misses.

    It has the wrapped embedder's name and dimension, so corpora built through it are the same as without it.
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache, *, cache_queries: bool = True) -> None:
        self.embedder = embedder
        self.cache = cache
        self.cache_queries = cache_queries
        self.name = embedder.name
        self.embedded = 0  # texts actually sent to the model through this object (for reports and tests)

    @property
    def dimension(self) -> int:
        return self.embedder.dimension

    def compute_threads(self) -> int:
        threads = getattr(self.embedder, "compute_threads", None)
        return threads() if threads is not None else 0

    def query_threads(self, count: int) -> int:
        threads = getattr(self.embedder, "query_threads", None)
        return threads(count) if threads is not None else self.compute_threads()

    def warm_up(self) -> None:
        warm_up = getattr(self.embedder, "warm_up", None)
        if warm_up is not None:
            warm_up()

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        return self._encode(list(texts), progress, self.embedder.encode_documents)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        if not self.cache_queries:
            return self.embedder.encode_queries(texts)
        return self._encode(list(texts), None, lambda missing, progress=None: self.embedder.encode_queries(missing))

    def _encode(self, texts: list[str], progress: ProgressCallback | None, encode) -> np.ndarray:
        dimension = self.dimension
        if not texts:
            return np.zeros((0, dimension), dtype=np.float32)
        keys = [text_key(self.name, dimension, text) for text in texts]
        found = self.cache.get_many(keys, dimension)
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in found:
                missing.setdefault(key, text)
        cached = len(texts) - sum(1 for key in keys if key in missing)
        if missing:

            def report(done: int, total: int) -> None:
                if progress is not None:
                    progress(cached + round(done * (len(texts) - cached) / max(total, 1)), len(texts))

            fresh = encode(list(missing.values()), progress=report)
            self.embedded += len(missing)
            self.cache.put_many(list(missing), fresh)
            found.update(zip(missing, np.asarray(fresh, dtype=np.float32), strict=True))
        elif progress is not None:
            progress(len(texts), len(texts))
        return np.ascontiguousarray(np.vstack([found[key] for key in keys]), dtype=np.float32)


def cached_in(embedder: Embedder, folder: str | Path) -> Embedder:
    """`embedder` with its vectors cached in `folder`/embedding-cache.sqlite (the corpora's folder, so the cache
    lives and goes with them). The hashing embedder is cheaper than a lookup and is returned as it is."""
    if isinstance(embedder, HashEmbedder):
        return embedder
    return CachedEmbedder(embedder, EmbeddingCache(Path(folder) / CACHE_NAME))
