"""Fusing ranked lists from the dense and lexical channels into one ranking (pure arithmetic)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

RRF_K = 60  # the usual constant of reciprocal rank fusion: lowers the weight of the very first ranks


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[Hashable]],
    *,
    k: float = RRF_K,
    weights: Mapping[str, float] | None = None,
) -> list[tuple[Hashable, float]]:
    """Items of several rankings ordered by the sum over channels of weight / (k + rank), ranks starting at 1.

    An item missing from a channel gets nothing from it. Ties keep the order of first appearance, so the result is
    deterministic.
    """
    if k < 0:
        raise ValueError(f"k must not be negative, got {k}")
    totals: dict[Hashable, float] = {}
    for channel, ranking in rankings.items():
        weight = 1.0 if weights is None else weights.get(channel, 0.0)
        for rank, item in enumerate(ranking, start=1):
            totals[item] = totals.get(item, 0.0) + weight / (k + rank)
    order = {item: position for position, item in enumerate(totals)}
    return sorted(totals.items(), key=lambda pair: (-pair[1], order[pair[0]]))
