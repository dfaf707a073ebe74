"""The query adapter of fact-check corpora: a small learned linear map applied to a query's embedding before it is
matched against earlier fact-checks (the corpus's own vectors are never changed), the re-rank trained with it, and
their model file."""

from __future__ import annotations

import functools
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from factcheck.config import switch
from factcheck.errors import QueryAdapterError, RerankModelError
from factcheck.rerank import Reranker, parse_reranker

MODEL_FORMAT = "factcheck-query-adapter/1"
PACKAGED_ADAPTER = Path(__file__).with_name("query_adapter.npz")
RETRAIN = "train it again with `factcheck eval fact-checks --train-adapter FILE`"


@dataclass(frozen=True, slots=True, eq=False)
class QueryAdapter:
    """`adapt(q) = normalise(q + q @ delta)`: the identity plus a learned correction, so a zero `delta` leaves the
    search as it was.

    Posts and fact-checks word the same claim differently ("Houston airport is now the new Houston port!" against
    "A photograph shows a flooded runway ..."); the correction moves a post's vector towards the fact-checkers'
    wording. `embedder`: the name of the model whose vectors it was trained on; it is used with no other.
    `reranker`: the re-rank of the fused passages trained on this adapter's scores (rerank.py; None: the general
    packaged one is used). `min_similarity`: the adapted cosine from which a review is shown as an earlier check of
    a claim (None: earlier.MIN_SIMILARITY), chosen for precision when the adapter was trained (adapted cosines run
    lower than plain ones). `provenance`: how they were trained (data, command, figures), kept in the file.
    """

    delta: np.ndarray
    embedder: str
    provenance: Mapping[str, object] = field(default_factory=dict)
    reranker: Reranker | None = None
    min_similarity: float | None = None

    def __post_init__(self) -> None:
        if self.delta.ndim != 2 or self.delta.shape[0] != self.delta.shape[1] or self.delta.shape[0] < 1:
            raise ValueError(f"delta must be a square matrix, got shape {self.delta.shape}")
        if not np.all(np.isfinite(self.delta)):
            raise ValueError("delta holds a value that is not a finite number")
        if self.min_similarity is not None and not -1.0 <= self.min_similarity <= 1.0:
            raise ValueError(f"min_similarity is a cosine between -1 and 1, got {self.min_similarity}")

    @property
    def dimension(self) -> int:
        return int(self.delta.shape[0])

    def fits(self, embedder_name: str, dimension: int) -> bool:
        """Whether the adapter was trained on vectors of this model (same name and dimension)."""
        return embedder_name == self.embedder and dimension == self.dimension

    def adapt(self, vectors: np.ndarray) -> np.ndarray:
        """The query vectors moved by the adapter, unit length again (float32, one row per query)."""
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dimension:
            raise ValueError(f"expected query vectors of dimension {self.dimension}, got shape {vectors.shape}")
        moved = vectors + vectors @ self.delta
        norms = np.linalg.norm(moved, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return np.ascontiguousarray(moved / norms, dtype=np.float32)


def write_adapter(adapter: QueryAdapter, path: str | Path) -> None:
    """The model file: a numpy `.npz` holding `delta` (float16, enough for a correction of this size) and `meta`
    (JSON: format, embedder, provenance, and the re-rank as its own model file holds it), written whole or not at
    all."""
    path = Path(path)
    meta: dict[str, object] = {"format": MODEL_FORMAT, "embedder": adapter.embedder}
    if adapter.min_similarity is not None:
        meta["min_similarity"] = adapter.min_similarity
    if adapter.reranker is not None:
        meta["rerank"] = adapter.reranker.to_dict()
    meta["provenance"] = dict(adapter.provenance)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, delta=adapter.delta.astype(np.float16), meta=np.array(json.dumps(meta, indent=1)))
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(buffer.getvalue())
    partial.replace(path)


def load_adapter(path: str | Path) -> QueryAdapter:
    """A model file written by `write_adapter`, checked.

    Raises:
        QueryAdapterError: the file is missing, not an adapter file, of another format, or its matrix unusable.
    """
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as stored:
            delta = np.asarray(stored["delta"], dtype=np.float32)
            meta = json.loads(str(stored["meta"]))
    except FileNotFoundError as error:
        raise QueryAdapterError(
            f"The query adapter {path} does not exist. Point FACTCHECK_QUERY_ADAPTER (--query-adapter) at a file"
            " written by `factcheck eval fact-checks --train-adapter FILE`, or set it to 'on' or 'off'."
        ) from error
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, json.JSONDecodeError) as error:
        raise QueryAdapterError(
            f"The query adapter {path} cannot be read ({error}): it is not a complete adapter file. Train it again with"
            " `factcheck eval fact-checks --train-adapter FILE`, or set FACTCHECK_QUERY_ADAPTER to 'off'."
        ) from error
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else type(meta).__name__
        raise QueryAdapterError(
            f"The query adapter {path}: expected format {MODEL_FORMAT!r}, found {found!r}; {RETRAIN}."
        )
    embedder, provenance = meta.get("embedder"), meta.get("provenance", {})
    bound = meta.get("min_similarity")
    if (
        not isinstance(embedder, str)
        or not isinstance(provenance, dict)
        or not (bound is None or (isinstance(bound, int | float) and not isinstance(bound, bool)))
    ):
        raise QueryAdapterError(
            f"The query adapter {path}: 'embedder' must be a model name, 'min_similarity' a number and 'provenance'"
            f" an object; {RETRAIN}."
        )
    try:
        reranker = parse_reranker(meta["rerank"]) if "rerank" in meta else None
    except RerankModelError as error:
        raise QueryAdapterError(f"The query adapter {path}: its re-rank: {error}") from error
    try:
        return QueryAdapter(
            delta=delta,
            embedder=embedder,
            provenance=provenance,
            reranker=reranker,
            min_similarity=None if bound is None else float(bound),
        )
    except ValueError as error:
        raise QueryAdapterError(f"The query adapter {path}: {error}; {RETRAIN}.") from error


def configured_adapter(value: str | None) -> QueryAdapter | None:
    """The adapter a `query_adapter` setting names: 'on' the packaged one, 'off' (or empty) none, else a file.

    Raises:
        QueryAdapterError: the file named (or the packaged one) cannot be used.
    """
    chosen = switch(value)
    if chosen is False:
        return None
    return _load_cached(str(PACKAGED_ADAPTER) if chosen else (value or "").strip())


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> QueryAdapter:
    return load_adapter(path)
