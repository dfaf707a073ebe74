"""Fitting the re-rank's weights: a pairwise logistic model (a right passage above a wrong one of the same query),
by Newton's method on standardised features; deterministic, numpy only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.rerank import RERANK_DEPTH, Reranker


@dataclass(frozen=True, slots=True)
class QueryGroup:
    """One training query: the feature vectors of its re-ranked candidates, which of them are right, and how much
    the query weighs in the loss (each set can weigh the same whatever its number of queries)."""

    rows: list[list[float]]
    relevant: list[bool]
    weight: float = 1.0


def fit_pairwise(
    groups: Sequence[QueryGroup],
    l2: float = 1.0,
    iterations: int = 50,
    depth: int = RERANK_DEPTH,
    provenance: Mapping[str, object] | None = None,
) -> Reranker:
    """Weights that score each query's right candidates above its wrong ones.

    Every (right, wrong) pair of a query is one example of a logistic loss on the difference of their scores; each
    query weighs its `weight` whatever its number of pairs, so a query with many candidates does not dominate. Queries
    with no right or no wrong candidate teach nothing and are skipped. `l2` is the ridge penalty on the weights of
    the standardised features (in units of queries). Newton's method on a convex loss: the same data give the same
    weights.

    Raises:
        ValueError: no query has both a right and a wrong candidate.
    """
    every = np.array([row for group in groups for row in group.rows], dtype=np.float64)
    if every.size == 0:
        raise ValueError("no candidates to train on")
    mean = every.mean(axis=0)
    scale = every.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a feature constant in the training data gets weight ~0 and a harmless scale
    differences, pair_weights = [], []
    for group in groups:
        rows = (np.array(group.rows, dtype=np.float64) - mean) / scale
        right = [i for i, ok in enumerate(group.relevant) if ok]
        wrong = [i for i, ok in enumerate(group.relevant) if not ok]
        if not right or not wrong:
            continue
        for i in right:
            differences.append(rows[i] - rows[wrong])
            pair_weights.append(np.full(len(wrong), group.weight / (len(right) * len(wrong))))
    if not differences:
        raise ValueError("no query has both a right and a wrong candidate among its re-ranked passages")
    x = np.vstack(differences)
    sample = np.concatenate(pair_weights)
    weights = np.zeros(x.shape[1])
    for _ in range(iterations):
        margin = x @ weights
        probability = 1.0 / (1.0 + np.exp(np.clip(margin, -30, 30)))  # chance the pair is ordered wrongly
        gradient = -(x.T @ (sample * probability)) + 2 * l2 * weights
        curvature = probability * (1.0 - probability) * sample
        hessian = (x.T * curvature) @ x + 2 * l2 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return Reranker(
        weights=tuple(float(w) for w in weights),
        mean=tuple(float(m) for m in mean),
        scale=tuple(float(s) for s in scale),
        depth=depth,
        provenance=dict(provenance or {}),
    )


def pairwise_loss(reranker: Reranker, groups: Sequence[QueryGroup]) -> float:
    """The mean over queries of the share-weighted logistic loss of their (right, wrong) pairs (for tests)."""
    losses = []
    for group in groups:
        scores = reranker.score(group.rows)
        right = [s for s, ok in zip(scores, group.relevant, strict=True) if ok]
        wrong = [s for s, ok in zip(scores, group.relevant, strict=True) if not ok]
        if right and wrong:
            pairs = [np.logaddexp(0.0, w - r) for r in right for w in wrong]
            losses.append(float(np.mean(pairs)))
    return float(np.mean(losses)) if losses else 0.0
