"""Two groups' figures set against each other in a claim: "a pass rate of 93.0 percent against 89.7 percent".

News sets one group's figure beside another's with "against", "versus" or "compared with" ("girls ... 93.0
percent against 89.7 percent" for boys). Each figure is its own group's: a table row that gives one of them
exactly is that group's row, and its other cells (last year's column) are not the other group's figure. A source
figure that meets neither is a third group's (the national rate) as far as the words tell, not a contradiction
of both. A second figure dated to another time ("against 78.0 percent last year") is the same thing's earlier
value, not another group's: that contrast is left to the other rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus

__all__ = ["contrast_partners", "unmet_contrasts"]

_CONTRAST = re.compile(
    r"\s*,?\s*(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:(?:some|about|around|nearly)\s+)?$"
)
# What dates the second figure to another time: "against 78.0 percent last year", "in 2025", "a year earlier".
_OTHER_TIME_AFTER = re.compile(
    r"\s*(?:(?:in|during|for)\s+)?(?:last|the\s+previous|the\s+year\s+before|a\s+year\s+(?:earlier|before|ago)"
    r"|(?:19|20)\d\d\b|previously|before|earlier|a\s+decade)",
    re.IGNORECASE,
)


# What names the second figure's own group: "compared with 45 minutes by bus", "against 76.4 percent for men".
_OWN_SUBJECT_AFTER = re.compile(r"\s+(?:by|for|among|in|at|on)\s+(?:the\s+)?[A-Za-z]", re.IGNORECASE)


def contrast_partners(claim_text: str | None, claim_figures: list[Figure]) -> dict[int, int]:
    """Claim figure index -> its partner's, for each "X against Y" of two figures of one family (both ways)."""
    if not claim_text:
        return {}
    partners: dict[int, int] = {}
    for i, (first, second) in enumerate(zip(claim_figures, claim_figures[1:], strict=False)):
        if first.family != second.family:
            continue
        # the figures' offsets index the article; their surfaces are found in the claim's sentence
        first_at = claim_text.find(first.surface)
        second_at = claim_text.find(second.surface, first_at + len(first.surface)) if first_at >= 0 else -1
        if second_at < 0 or not _CONTRAST.fullmatch(claim_text, first_at + len(first.surface), second_at):
            continue
        if _OTHER_TIME_AFTER.match(claim_text, second_at + len(second.surface)):
            continue  # "rose to 81.5 percent, against 78.0 percent last year": one thing at two times
        partners[i], partners[i + 1] = i + 1, i
    return partners


def unmet_contrasts(
    pairs: tuple[FigurePair, ...], partners: dict[int, int], claim_text: str | None = None
) -> tuple[FigurePair, ...]:
    """The pairs with a contrasted figure's disagreement set aside when its partner met nothing either: the
    source's figure is then a third group's, not the claim's group's told wrongly. Not when a figure of the two
    names its own group ("22 minutes, compared with 45 minutes by bus"): the source's words say whose it is."""
    if not partners:
        return pairs
    kept = list(pairs)
    for i, partner in partners.items():
        pair, other = pairs[i], pairs[partner]
        if claim_text and any(_names_own_group(claim_text, p.claim_surface) for p in (pair, other)):
            continue
        if pair.status is NumberStatus.MISMATCH and other.status not in AGREEING:
            kept[i] = replace(
                pair,
                status=NumberStatus.DIFFERENT_THING,
                reason=f"A different figure: the claim sets {pair.claim_surface} against {other.claim_surface} for "
                f"two groups, and the source's {pair.passage_surface} is not said to be either's.",
            )
    return tuple(kept)


def _names_own_group(claim_text: str, surface: str) -> bool:
    at = claim_text.find(surface)
    return at >= 0 and _OWN_SUBJECT_AFTER.match(claim_text, at + len(surface)) is not None
