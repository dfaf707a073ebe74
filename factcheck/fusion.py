"""Fusing the scored lists of the dense and lexical channels into one ranking (pure arithmetic)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

DENSE_WEIGHT = (
    0.6  # measured on CLIMATE-FEVER, AVeriTeC and FEVER-symmetric: 0.5-0.7 is a flat optimum (docs/retrieval.md)
)


def zscore_fusion(
    scored: Mapping[str, Sequence[tuple[Hashable, float]]],
    weights: Mapping[str, float],
) -> list[tuple[Hashable, float]]:
    """Items ordered by the weighted sum of their per-channel z-scores.

    Each channel's scores are standardised over its own list ((s - mean) / std, std 0 counting as 1); an item a
    channel did not return gets that channel's lowest z-score in the list, so it is neither rewarded nor dropped.
    A channel with an empty list adds nothing. Ties keep the order of first appearance.
    """
    standardised: dict[str, dict[Hashable, float]] = {}
    floors: dict[str, float] = {}
    order: dict[Hashable, int] = {}
    for channel, items in scored.items():
        if not items:
            continue
        values = [score for _, score in items]
        mean = sum(values) / len(values)
        spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5 or 1.0
        standardised[channel] = {item: (score - mean) / spread for item, score in items}
        floors[channel] = min(standardised[channel].values())
        for item, _ in items:
            order.setdefault(item, len(order))
    totals = {
        item: sum(weights.get(channel, 0.0) * z.get(item, floors[channel]) for channel, z in standardised.items())
        for item in order
    }
    return sorted(totals.items(), key=lambda pair: (-pair[1], order[pair[0]]))
