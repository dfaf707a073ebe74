"""Fitting the query adapter of fact-check corpora (torch, at training time only) and the re-rank trained on its
scores: pure functions of vectors, rows and candidate lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class AdapterSettings:
    """How the adapter is fitted: full-batch Adam on a softmax over each tweet's right claims, its `hard` nearest
    wrong claims (by the unadapted cosine) and the other tweets' right claims (in-batch negatives), logits the
    cosine times `scale`; `l2` the ridge penalty on the correction (sum of squares), `steps` Adam steps.

    Chosen by 5-fold cross-validation over the train tweets (docs/earlier-fact-checks.md, dense MAP@5 of the held-out
    folds): `scale` 10 / 20 / 40 / 60 / 100 gave 0.765 / 0.860 / 0.866 / 0.859 / 0.847; `l2` 3e-4 / 1e-3 / 3e-3 at
    scale 20 gave 0.844 / 0.860 / 0.859; 50 steps 0.859, 200 the same as 100; 30 hard negatives 0.860."""

    steps: int = 100
    l2: float = 1e-3
    scale: float = 40.0
    hard: int = 100
    learning_rate: float = 1e-2
    seed: int = 0
    # The re-rank trained with the adapter: how many fused passages it re-orders (for every query, dense-led or not)
    # and its ridge penalty. Nested 5-fold over the train tweets (each tweet's features from an adapter that never
    # saw it): depth 5 / 10 / 20 / 50 gave MAP@5 0.907 / 0.911 / 0.916 / 0.917 (hit@5 0.943 / 0.950 / 0.958 /
    # 0.960) at l2 10; l2 1 / 10 / 30 / 100 at depth 50 gave 0.918 / 0.917 / 0.917 / 0.918.
    rerank_depth: int = 50
    rerank_l2: float = 10.0


DEFAULT_SETTINGS = AdapterSettings()

# The earlier fact-checks of a claim are shown from a similarity bound chosen for precision: the lowest bound of
# this grid at which at least PRECISION of the best reviews shown are the right one (earlier.MIN_SIMILARITY was chosen
# the same way for the unadapted cosine). The adapter moves queries away from the corpus's usual directions, so
# adapted cosines run lower than plain ones and need their own bound.
BOUNDS = tuple(round(0.25 + 0.05 * step, 2) for step in range(12))  # 0.25 ... 0.8
PRECISION = 0.9


def fit_delta(
    queries: np.ndarray,
    positives: Sequence[Sequence[int]],
    documents: np.ndarray,
    settings: AdapterSettings = DEFAULT_SETTINGS,
) -> np.ndarray:
    """The adapter's correction (dimension x dimension) learned from `queries` (unit vectors, one row per tweet),
    the rows of `documents` right for each, and `documents` (unit vectors of the corpus).

    Raises:
        ValueError: no query, or a query without a right document.
    """
    import torch

    if len(queries) == 0 or len(queries) != len(positives):
        raise ValueError(f"{len(queries)} queries but {len(positives)} lists of right documents")
    if any(not rows for rows in positives):
        raise ValueError("every training query needs at least one right document")
    torch.manual_seed(settings.seed)
    hard = min(settings.hard, len(documents) - 1)
    nearest = np.argpartition(-(queries @ documents.T), hard, axis=1)[:, :hard]
    candidates = []
    right = np.zeros((len(queries), hard), dtype=bool)
    valid = np.zeros((len(queries), hard), dtype=bool)  # padding is neither right nor wrong
    for number, (rows, near) in enumerate(zip(positives, nearest, strict=True)):
        kept = list(rows)[:hard]
        wrong = [row for row in near if row not in kept][: hard - len(kept)]
        candidates.append(kept + wrong + [kept[0]] * (hard - len(kept) - len(wrong)))
        right[number, : len(kept)] = True
        valid[number, : len(kept) + len(wrong)] = True
    # In-batch negatives: the other tweets' first right claim, unless it is also right for this tweet.
    firsts = [rows[0] for rows in positives]
    in_batch_valid = np.array([[first not in rows for first in firsts] for rows in positives], dtype=bool)
    query_tensor = torch.from_numpy(np.ascontiguousarray(queries, dtype=np.float32))
    candidate_tensor = torch.from_numpy(np.ascontiguousarray(documents[np.array(candidates)], dtype=np.float32))
    in_batch = torch.from_numpy(np.ascontiguousarray(documents[firsts], dtype=np.float32))
    right_mask = torch.from_numpy(np.concatenate([right, np.zeros((len(queries), len(queries)), bool)], axis=1))
    valid_mask = torch.from_numpy(np.concatenate([valid, in_batch_valid], axis=1))
    dimension = queries.shape[1]
    delta = torch.zeros(dimension, dimension, requires_grad=True)
    optimiser = torch.optim.Adam([delta], lr=settings.learning_rate)
    for _ in range(settings.steps):
        optimiser.zero_grad()
        adapted = torch.nn.functional.normalize(query_tensor + query_tensor @ delta, dim=1)
        logits = settings.scale * torch.cat(
            [torch.einsum("nd,nkd->nk", adapted, candidate_tensor), adapted @ in_batch.T], dim=1
        )
        log_probability = torch.log_softmax(logits.masked_fill(~valid_mask, -1e9), dim=1)
        loss = -torch.logsumexp(log_probability.masked_fill(~right_mask, -1e9), dim=1).mean()
        (loss + settings.l2 * (delta**2).sum()).backward()
        optimiser.step()
    return delta.detach().numpy().astype(np.float32)


def out_of_fold_vectors(
    queries: np.ndarray,
    positives: Sequence[Sequence[int]],
    documents: np.ndarray,
    settings: AdapterSettings,
    folds: int,
) -> np.ndarray:
    """Each query moved by an adapter fitted on the other folds only, so that a re-rank learns from adapted scores
    as they are on posts the adapter has never seen (on its own training posts they look better than they are)."""
    from factcheck.query_adapter import QueryAdapter

    order = np.random.default_rng(settings.seed + 1).permutation(len(queries))
    moved = np.empty_like(queries, dtype=np.float32)
    for fold in range(folds):
        held = order[fold::folds]
        taught = np.setdiff1d(order, held)
        delta = fit_delta(queries[taught], [positives[i] for i in taught], documents, settings)
        moved[held] = QueryAdapter(delta, "training").adapt(queries[held])
    return moved


def precision_bound(moved: np.ndarray, positives: Sequence[Sequence[int]], documents: np.ndarray) -> float:
    """The lowest bound of BOUNDS from which the best match of each (out-of-fold adapted) query, shown only when its
    cosine reaches the bound, is the right document at least PRECISION of the time (the highest bound if none)."""
    similarities = moved @ documents.T
    best = similarities.argmax(axis=1)
    scores = similarities[np.arange(len(best)), best]
    right = np.array([row in rows for row, rows in zip(best, positives, strict=True)])
    for bound in BOUNDS:
        shown = scores >= bound
        if shown.any() and right[shown].mean() >= PRECISION:
            return bound
    return BOUNDS[-1]
