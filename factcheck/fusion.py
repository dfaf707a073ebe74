"""Fusing the scored lists of the dense and lexical channels into one ranking (pure arithmetic)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

Scored = Sequence[tuple[Hashable, float]]  # (item, score), best first


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """How much the dense channel weighs in a query's fusion, decided per query by which channel is sure of itself.

    A channel's confidence for a query is the mean z-score of its `top` best items within its own list: how far its
    best passages stand out from the rest of what it found. When the dense channel's confidence is at least the
    lexical one's plus `margin` (a negative margin leans towards dense), the lexical channel is taken as weak for this
    query and the dense channel gets `dense_led` of the weight (BM25 then only reorders near-ties); otherwise BM25's
    best passages stand out clearly (a rare name or figure matched) and the dense channel gets `lexical_led`.

    The values were chosen on the "tune" half of every retrieval set and checked on the "report" half
    (docs/retrieval.md, `factcheck eval retrieval --split halves`).
    """

    dense_led: float = 0.9
    lexical_led: float = 0.5
    margin: float = -0.5
    top: int = 3

    def __post_init__(self) -> None:
        for name in ("dense_led", "lexical_led"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} is a weight between 0 and 1, got {value}")
        if self.top < 1:
            raise ValueError(f"top must be at least 1, got {self.top}")


DEFAULT_FUSION = FusionSettings()


def fuse_channels(
    dense: Scored, lexical: Scored, settings: FusionSettings = DEFAULT_FUSION
) -> list[tuple[Hashable, float]]:
    """The dense and lexical lists fused by z-scores with the per-query weights of `dense_weight`."""
    weight = dense_weight(dense, lexical, settings)
    return zscore_fusion({"dense": dense, "lexical": lexical}, {"dense": weight, "lexical": 1.0 - weight})


def dense_weight(dense: Scored, lexical: Scored, settings: FusionSettings = DEFAULT_FUSION) -> float:
    """The dense channel's weight for one query (the lexical channel gets the rest); see `FusionSettings`.

    With one list empty the weight does not matter (the other list's order is kept); it is reported as dense-led.
    """
    return settings.dense_led if dense_leads(dense, lexical, settings) else settings.lexical_led


def dense_leads(dense: Scored, lexical: Scored, settings: FusionSettings = DEFAULT_FUSION) -> bool:
    """Whether the dense channel leads this query's fusion: its best passages stand out at least as much as BM25's
    (plus the margin), so BM25 is taken as weak for it. True when a list is empty."""
    if not dense or not lexical:
        return True
    return confidence(dense, settings.top) >= confidence(lexical, settings.top) + settings.margin


def confidence(scored: Scored, top: int) -> float:
    """The mean z-score of the `top` best items within their list (0 for a list whose scores are all equal)."""
    standard = standardise(scored)
    best = sorted(standard.values(), reverse=True)[:top]
    return sum(best) / len(best) if best else 0.0


def standardise(scored: Scored) -> dict[Hashable, float]:
    """Each item's z-score within the list: (score - mean) / standard deviation, a deviation of 0 counting as 1."""
    if not scored:
        return {}
    values = [score for _, score in scored]
    mean = sum(values) / len(values)
    spread = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    if spread <= 1e-9 * max(1.0, max(abs(v) for v in values)):  # equal scores up to rounding: no spread at all
        spread = 1.0
    return {item: (score - mean) / spread for item, score in scored}


def zscore_fusion(
    scored: Mapping[str, Scored],
    weights: Mapping[str, float],
) -> list[tuple[Hashable, float]]:
    """Items ordered by the weighted sum of their per-channel z-scores.

    Each channel's scores are standardised over its own list; an item a channel did not return gets that channel's
    lowest z-score in the list, so it is neither rewarded nor dropped. A channel with an empty list adds nothing.
    Ties keep the order of first appearance.
    """
    standardised: dict[str, dict[Hashable, float]] = {}
    floors: dict[str, float] = {}
    order: dict[Hashable, int] = {}
    for channel, items in scored.items():
        if not items:
            continue
        standardised[channel] = standardise(items)
        floors[channel] = min(standardised[channel].values())
        for item, _ in items:
            order.setdefault(item, len(order))
    totals = {
        item: sum(weights.get(channel, 0.0) * z.get(item, floors[channel]) for channel, z in standardised.items())
        for item in order
    }
    return sorted(totals.items(), key=lambda pair: (-pair[1], order[pair[0]]))
