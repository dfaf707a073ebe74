"""Scores and tallies written with a dash ("won 19-16", "a 28-8 vote"): each half is compared only with the same half
of a score, one score told in both texts agrees as a whole, and a second half set against a second half is one
score's when the first halves are the same number."""

from __future__ import annotations

import re

from factcheck.corroborate.confidence import SCORE_AGREES
from factcheck.corroborate.disputed_phrases import SCORE_LEAD
from factcheck.corroborate.figure_pairs import made_pair, with_reason
from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.signals import FigurePair, NumberStatus

__all__ = ["same_score_lead", "score_pair", "score_side"]

# The lead before a dash and a number, the tail after a number and a dash.
_SCORE_TAIL = re.compile(r"\s?[-\u2013]\s?(\d+(?:\u00bd|\.5)?)(?![\d\u00bd]|[.,]\d|\s*%|-)")
_SCORE_HEAD = re.compile(r"(?<![\d.,\u00bd-])\d+(?:\u00bd|\.5)?\s?[-\u2013]\s?$")


def _at(text: str, figure: Figure) -> int:
    """Where `figure` stands in `text` (found by its surface when its offsets are another text's)."""
    return figure.start if text[figure.start : figure.end] == figure.surface else text.find(figure.surface)


def _before(text: str, figure: Figure) -> str:
    at = _at(text, figure)
    return text[max(0, at - 24) : at] if at >= 0 else ""


def same_score_lead(claim: Figure, passage: Figure, claim_text: str, passage_text: str) -> bool:
    """Whether both figures are the second halves of scores whose first halves are the same number ("won the final
    21-14" and "beat the holder by 21-17"): one score, its second half told two ways."""
    before_claim = SCORE_LEAD.search(_before(claim_text, claim))
    before_passage = SCORE_LEAD.search(_before(passage_text, passage))
    return bool(before_claim and before_passage and before_claim.group(1) == before_passage.group(1))


def score_side(text: str, figure: Figure) -> str | None:
    """ "lead" or "tail" when `figure` is a half of a score written with a dash in `text` ("19-16"), else None.
    A score's half is compared only with the same half of a score: "6-4" is no count of divisions or teams."""
    if figure.family != "count" or not figure.is_point:
        return None
    at = _at(text, figure)
    if at < 0 or not figure.surface.strip().replace("\u00bd", "").replace(".5", "").isdigit():
        return None
    if _SCORE_HEAD.search(text[max(0, at - 12) : at]):
        return "tail"
    return "lead" if _SCORE_TAIL.match(text, at + len(figure.surface)) else None


def score_pair(claim: Figure, passage: Figure, claim_text: str, passage_text: str) -> FigurePair | None:
    """A score's first half (the caller found it `score_side` "lead") matched by a score whose second half is the
    claim's too ("won 6-4" and "beat ... 6-4"): the whole score agrees, which ties the passage to the claim as no
    bare small count would. None otherwise."""
    if claim.anchor != passage.anchor:
        return None
    tails = [
        _SCORE_TAIL.match(text, at + len(figure.surface))
        for text, figure, at in (
            (claim_text, claim, _at(claim_text, claim)),
            (passage_text, passage, _at(passage_text, passage)),
        )
    ]
    if not (tails[0] and tails[1]) or float(tails[0].group(1).replace("\u00bd", ".5")) != float(
        tails[1].group(1).replace("\u00bd", ".5")
    ):
        return None
    score = f"{claim.surface}-{tails[0].group(1)}"
    return with_reason(made_pair(claim, passage, NumberStatus.MATCH, grounded=True), f"{SCORE_AGREES}{score}.")
