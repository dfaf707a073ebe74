"""A vote's tally as one figure: "by 34 votes to 19", "voted seven to two", "voted 7-2", "14 for, 5 against", "34 in
favour and 21 against", "For, 34. Against, 27.", "carried, 41 to 9".

Each count of a tally is a small number that turns up anywhere in a story's documents, so compared one by one they
decide nothing (`confidence.rests_on_common_figures`); the two together name one vote. Two tallies agree when both
counts are the same. They disagree when one count is the same and the other not ("31 votes to 24" against "31 in
favour, 22 against"), or when as many voted in all ("15 to 4" against "14 to 5"): the same vote told differently. Two
tallies with both counts and the total different may be two votes, and are left to the other rules. Pure functions,
no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.corroborate.confidence import COMMON_FIGURES_REASON, SURE, TALLY_DISAGREES
from factcheck.corroborate.signals import Stance
from factcheck.extract.figures import words_to_number

__all__ = ["Tally", "compare_tallies", "tallies_in", "with_tally"]

_COUNT = r"(\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)"
_PATTERNS = (
    # "by 34 votes to 19", "seven votes to two", "carried by 41 votes to nine"
    re.compile(rf"\b{_COUNT}\s+votes?\s+to\s+{_COUNT}\b", re.IGNORECASE),
    # "voted 14 to 3", "voted by seven to four", "voted 7-2", "carried, 41 to 9", "the vote was seven to four" (not
    # "approved 12 to 15 homes", a range)
    re.compile(
        rf"\b(?:voted|vote\s+was|carried)(?:\s+by)?,?\s+{_COUNT}\s*(?:to|-|\u2013)\s*{_COUNT}\b",
        re.IGNORECASE,
    ),
    # "14 for, 5 against", "34 in favour and 21 against", "34 votes in favour and 21 against"
    re.compile(
        rf"\b{_COUNT}\s+(?:votes\s+)?(?:for|in\s+favou?r)(?:\s+of\s+it)?,?\s+(?:and\s+|with\s+)?{_COUNT}\s+(?:votes\s+)?"
        r"against\b",
        re.IGNORECASE,
    ),
    # "For, 34. Against, 27." / "For: 34, against: 27"
    re.compile(rf"\bFor[,:]\s+{_COUNT}[.;,]\s+Against[,:]\s+{_COUNT}\b", re.IGNORECASE),
)


@dataclass(frozen=True, slots=True)
class Tally:
    """A vote's counts for and against, and where the tally is written."""

    for_: int
    against: int
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.for_} to {self.against}"


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = words_to_number(word)
    return int(value) if value is not None and value.is_integer() and 0 <= value < 1000 else None


def tallies_in(text: str) -> list[Tally]:
    """Every vote tally written in `text`, in order (one per place)."""
    found: dict[int, Tally] = {}
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            counts = _count(match.group(1)), _count(match.group(2))
            if counts[0] is None or counts[1] is None or match.start() in found:
                continue
            found[match.start()] = Tally(counts[0], counts[1], match.start(), match.end())
    return [found[start] for start in sorted(found)]


def compare_tallies(claim: str, passage: str) -> tuple[bool, str] | None:
    """(agree, reason) for the tally of the `claim` sentence against the passage's, or None: either text has no
    tally, or none of the passage's is the claim's vote told the same or differently (module docstring)."""
    claimed = tallies_in(claim)
    if len(claimed) != 1:
        return None
    mine = claimed[0]
    agreeing = [t for t in tallies_in(passage) if (t.for_, t.against) == (mine.for_, mine.against)]
    if agreeing:
        return True, f"The source gives the same vote: {agreeing[0]} for the claim's {mine}."
    for other in tallies_in(passage):
        total = other.for_ + other.against == mine.for_ + mine.against
        if other.for_ == mine.for_ or other.against == mine.against or total:
            return False, f"{TALLY_DISAGREES}{other}, the claim as {mine}: the counts disagree."
    return None


def with_tally(
    stance: Stance, confidence: float, reasons: list[str], claim_sentence: str, passage: str
) -> tuple[Stance, float, list[str]]:
    """The stance of a numeric claim once its vote's tally is read as one figure (`compare_tallies`): a tally told
    the same supports where its counts alone decided nothing; one told differently conflicts."""
    compared = compare_tallies(claim_sentence, passage)
    if compared is None:
        return stance, confidence, reasons
    agree, reason = compared
    if agree and stance is not Stance.CONFLICTS:
        return Stance.SUPPORTS, SURE, [reason, *(r for r in reasons if r != COMMON_FIGURES_REASON)]
    if not agree and stance is not Stance.CONFLICTS:
        return Stance.CONFLICTS, SURE, [reason, *reasons]
    return stance, confidence, reasons
