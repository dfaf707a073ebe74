"""The query vectors of a vector search, checked the same way by every store."""

from __future__ import annotations

import numpy as np


def query_vectors(queries: np.ndarray, top_k: int, dimension: int) -> np.ndarray:
    """The query vectors of a vector search as float32 rows of the corpus's dimension, checked the same way for every
    store (a wrong shape or top_k is a programming error, not a user's)."""
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, got {top_k}")
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    if queries.ndim != 2 or queries.shape[1] != dimension:
        raise ValueError(f"query vectors must have shape (n, {dimension}), got {queries.shape}")
    return queries
