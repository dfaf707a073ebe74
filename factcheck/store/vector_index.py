"""The dense channel's FAISS index: exact below a size threshold, IVF with 8-bit scalar quantisation above it."""

from __future__ import annotations

import contextlib
import math

import faiss
import numpy as np

# Below this many passages an exact inner-product scan is fast enough (measured by `factcheck bench retrieval`,
# see docs/retrieval.md) and needs no training; above it an IVF index with 8-bit scalar quantisation keeps
# recall@10 >= 0.95 against exact at a quarter of the memory.
APPROXIMATE_FROM = 200_000
IVF_PROBES = 32
_TRAINING_SAMPLE = 100_000

# Up to this many queries at once a search runs on one OpenMP thread (see `_threads_for`).
_SINGLE_THREAD_UP_TO = 4

FLAT = "flat"
IVF_SQ8 = "ivf-sq8"


def choose_kind(count: int) -> str:
    return FLAT if count < APPROXIMATE_FROM else IVF_SQ8


def build_index(vectors: np.ndarray, dimension: int, kind: str | None = None) -> faiss.Index:
    """A new index of `kind` (chosen by size when None) holding `vectors` in row order."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dimension)
    kind = kind or choose_kind(len(vectors))
    index: faiss.Index
    if kind == FLAT:
        index = faiss.IndexFlatIP(dimension)
    elif kind == IVF_SQ8:
        lists = max(1, min(4096, int(4 * math.sqrt(len(vectors)))))
        quantiser = faiss.IndexFlatIP(dimension)
        ivf = faiss.IndexIVFScalarQuantizer(
            quantiser, dimension, lists, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        rng = np.random.default_rng(0)  # a fixed sample: the same corpus always gives the same index
        # k-means wants about 40 points per list; fewer trains lists on too little data.
        wanted = max(_TRAINING_SAMPLE, 40 * lists)
        sample = vectors
        if len(vectors) > wanted:
            sample = vectors[np.sort(rng.choice(len(vectors), wanted, replace=False))]
        ivf.train(sample)
        ivf.nprobe = IVF_PROBES
        index = ivf
    else:
        raise ValueError(f"unknown index kind {kind!r}; expected {FLAT!r} or {IVF_SQ8!r}")
    if len(vectors):
        index.add(vectors)
    return index


def segment_like(index: faiss.Index, vectors: np.ndarray) -> faiss.Index:
    """An index of `index`'s kind holding only `vectors`, for a segment appended after it: a flat index, or an IVF
    index with `index`'s trained lists and quantiser, so that `merge` gives what adding them to `index` would."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, index.d)
    segment: faiss.Index
    if isinstance(index, faiss.IndexIVFScalarQuantizer):
        quantiser = faiss.IndexFlatIP(index.d)
        quantiser.add(index.quantizer.reconstruct_n(0, index.nlist))
        segment = faiss.IndexIVFScalarQuantizer(
            quantiser, index.d, index.nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
        segment.sq = index.sq  # the trained 8-bit ranges: codes must mean the same in every segment
        segment.is_trained = True
        segment.nprobe = IVF_PROBES
    elif kind_of(index) == FLAT:
        segment = faiss.IndexFlatIP(index.d)
    else:
        raise ValueError(f"cannot append to an index of type {type(index).__name__}")
    if len(vectors):
        segment.add(vectors)
    return segment


def merge(segments: list[faiss.Index]) -> faiss.Index:
    """One index of the segments' vectors in order (the segments after the first are emptied).

    Raises:
        ValueError: segments of different kinds or dimensions (the caller reports a damaged corpus).
    """
    if not segments:
        raise ValueError("no segments to merge")
    merged = segments[0]
    for segment in segments[1:]:
        if kind_of(segment) != kind_of(merged) or segment.d != merged.d:
            raise ValueError(
                f"a segment of kind {kind_of(segment)} ({segment.d} dimensions) after one of kind {kind_of(merged)} "
                f"({merged.d} dimensions)"
            )
        try:
            # IVF segments carry row numbers, shifted past the rows before them; flat ones are rows by position.
            merged.merge_from(segment, merged.ntotal if isinstance(merged, faiss.IndexIVF) else 0)
        except RuntimeError as error:
            raise ValueError(str(error).splitlines()[0] if str(error) else "segments cannot be merged") from error
    return prepare_loaded(merged)


def kind_of(index: faiss.Index) -> str:
    return IVF_SQ8 if isinstance(index, faiss.IndexIVF) else FLAT


def prepare_loaded(index: faiss.Index) -> faiss.Index:
    """Settings that are not saved with an index file (the number of IVF lists searched)."""
    if isinstance(index, faiss.IndexIVF):
        index.nprobe = IVF_PROBES
    return index


def reconstruct(index: faiss.Index, rows: np.ndarray | None = None) -> np.ndarray:
    """The stored vectors (exact for a flat index, 8-bit-rounded for IVF-SQ8) of `rows`, or of all rows."""
    if index.ntotal == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    if isinstance(index, faiss.IndexIVF):
        index.make_direct_map()
    if rows is None:
        return index.reconstruct_n(0, index.ntotal)
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return np.zeros((0, index.d), dtype=np.float32)
    return index.reconstruct_batch(rows)


@contextlib.contextmanager
def _threads_for(queries: int):
    """One OpenMP thread for a few queries: FAISS splits even one query's scan over every core, and where the cores
    are busy (a shared machine, the app's model loading beside it) the threads wait for each other. Measured on the
    shared 2-core AMD EPYC at load average 7-10, one query over 100,000 flat vectors: 81 ms p50 with one thread,
    226 ms with two. Batches keep every thread."""
    if queries > _SINGLE_THREAD_UP_TO:
        yield
        return
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def search(index: faiss.Index, queries: np.ndarray, top_k: int, allowed: np.ndarray | None = None):
    """(scores, rows) as FAISS gives them; `allowed` (sorted row numbers) restricts the search exactly."""
    with _threads_for(len(queries)):
        return _search(index, queries, top_k, allowed)


def _search(index: faiss.Index, queries: np.ndarray, top_k: int, allowed: np.ndarray | None):
    if allowed is None:
        return index.search(queries, min(top_k, index.ntotal))
    if len(allowed) == 0:
        return np.zeros((len(queries), 0), np.float32), np.zeros((len(queries), 0), np.int64)
    if len(allowed) >= APPROXIMATE_FROM:
        selector = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
        # faiss's type stubs omit the keyword constructor that its Python wrapper adds to the parameter classes.
        parameters: faiss.SearchParameters
        if isinstance(index, faiss.IndexIVF):
            parameters = faiss.SearchParametersIVF(sel=selector, nprobe=IVF_PROBES)  # type: ignore[call-arg]
        else:
            parameters = faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
        return index.search(queries, min(top_k, len(allowed)), params=parameters)
    # A narrow filter scans only the allowed rows exactly: an IVF probe of a few lists could miss them all.
    vectors = reconstruct(index, allowed)
    scores = queries @ vectors.T
    k = min(top_k, len(allowed))
    order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(scores, order, axis=1), allowed[order]
