"""Limits and the ends of a change, read from the words around two figures: whether both are a rule's limit ("up
to five nights" and "cap the charge at seven nights", "| Maximum nights charged per stay | 7 |") and whether they
name the same one; whether a claim's figure is the value before a change ("from £6 to £8.50") and the source's is
told as one ("which was £3.50", an earlier cell of its row). `paired_frames.PairedFrames` asks these for a pair.
Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.number_values import same_value
from factcheck.corroborate.table_rows import row_label
from factcheck.extract import Qualifier

__all__ = ["base_unmet", "bases_meet", "both_limits", "end_meets_base", "ends_apart", "limits_differ"]

# A limit's words: "capped at", "a maximum of", "limited to", "no more than" (at the end of the text before a figure).
_LIMIT_WORD = re.compile(r"\b(?:cap|caps|capped|capping|maximum|max|limit|limits|limited|ceiling)\b", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(
    r"\b(?:cap|caps|capped|capping|maximum|max|limit|limits|limited|ceiling)\b(?:\s+[\w'-]+){0,3}?\s+(?:at|of|to)\s*$"
    r"|\b(?:no\s+more\s+than|at\s+most)\s*$",
    re.IGNORECASE,
)
_LIMIT_QUALIFIERS = (Qualifier.UP_TO, Qualifier.AT_MOST)
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_CHANGE_END_BEFORE = re.compile(r"\bfrom\s+\S+\s+to\s*$", re.IGNORECASE)
# Words that tell a figure as the value before a change ("was £6", "up from", "currently costs", "previously").
_BASE_BEFORE = re.compile(
    r"\b(?:from|was|were|previously|formerly|currently|now|old|before|used\s+to|had\s+been)\b[^.;|]*$", re.IGNORECASE
)


def both_limits(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether each figure is a limit and at least one says so in words: "up to five nights" and "cap the charge at
    seven nights" or "| Maximum nights charged per stay | 7 |" state the same rule's number, whatever else their
    clauses say. Two "up to"s alone are two estimates of a largest value ("waves of up to 3 metres", "repayments
    paused for up to 12 months"), not a rule."""
    at = claim_text.find(claim.surface)
    claim_said = at > 0 and bool(_LIMIT_BEFORE.search(claim_text[max(0, at - 60) : at]))
    label = row_label(passage_text, passage.start)
    if label is not None:
        passage_said = bool(_LIMIT_WORD.search(label))
    else:
        passage_said = bool(_LIMIT_BEFORE.search(passage_text[max(0, passage.start - 60) : passage.start]))
    claim_limit = claim_said or claim.qualifier in _LIMIT_QUALIFIERS
    passage_limit = passage_said or passage.qualifier in _LIMIT_QUALIFIERS
    return claim_limit and passage_limit and (claim_said or passage_said)


def limits_differ(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether two limits (`both_limits`) name different largest values: "up to 360 metres" allows 350 but is not
    the rule "| Maximum ship length | 350 m |" states."""
    slack = max(claim.precision, passage.precision) / 2
    return both_limits(claim_text, passage_text, claim, passage) and abs(claim.anchor - passage.anchor) > slack


def _change_end(claim_text: str, claim_figures: Sequence[Figure], claim: Figure) -> Figure | None:
    """The end of the change whose start is `claim` ("from £6 to £8.50": £8.50 for £6), or None."""
    at = claim_text.find(claim.surface)
    if at < 0 or not _FROM_BEFORE.search(claim_text[max(0, at - 12) : at]):
        return None
    if not re.match(r"\s*to\b", claim_text[at + len(claim.surface) : at + len(claim.surface) + 8]):
        return None
    later = [f for f in claim_figures if f.family == claim.family and f.start > claim.start]
    return min(later, key=lambda f: f.start) if later else None


def _told_as_before(passage_text: str, passage: Figure) -> bool:
    return bool(_BASE_BEFORE.search(passage_text[max(0, passage.start - 40) : passage.start]))


def bases_meet(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> bool:
    """Whether both figures are the value before one change: the claim's "from £3.20 to £4" and the source's "which
    was £3.50, will cost £4", the end of the change confirmed by the source."""
    end = _change_end(claim_text, claim_figures, claim)
    if end is None or not _told_as_before(passage_text, passage):
        return False
    return any(same_value(end, other) for other in passage_figures if other.start != passage.start)


def base_unmet(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> bool:
    """Whether `claim` is the starting value of a change the claim tells as "from £6 to £8.50" and `passage` is not
    told as a starting value ("from", "was", "currently", "previously"; a table cell with a later cell of its kind in
    its row): the source's "the two-hour ticket £4.00" is a price after the change, not the £6 before."""
    if _change_end(claim_text, claim_figures, claim) is None or _told_as_before(passage_text, passage):
        return False
    low, high = passage_text.rfind("\n", 0, passage.start) + 1, passage_text.find("\n", passage.end)
    high = len(passage_text) if high < 0 else high
    if not passage_text[low:high].lstrip().startswith("|"):
        return True
    return not any(f.family == passage.family and passage.end < f.start < high for f in passage_figures)


def end_meets_base(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether `claim` is the end of a change the claim tells ("raised in 2023, from £28 to £32") and `passage` the
    start of a change the source tells ("from £32 to £45 from 4 April", "up from £32"): the value after one change
    and before the next, which confirms neither change."""
    at = claim_text.find(claim.surface)
    if at < 0 or not _CHANGE_END_BEFORE.search(claim_text[max(0, at - 30) : at]):
        return False
    return bool(_FROM_BEFORE.search(passage_text[max(0, passage.start - 12) : passage.start]))


_TO_AFTER = re.compile(r"\s*to\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?", re.IGNORECASE)


def ends_apart(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> bool:
    """Whether `claim` and `passage` are the starts of two changes that end apart: "from £640 to £896" against "from
    £640 to about £990" (a superseded plan). The start the two share is not the news; the end is."""
    end = _change_end(claim_text, claim_figures, claim)
    if end is None or not _FROM_BEFORE.search(passage_text[max(0, passage.start - 12) : passage.start]):
        return False
    after = _TO_AFTER.match(passage_text, passage.end)
    if after is None:
        return False
    ends = [f for f in passage_figures if f.start == after.end() and f.family == end.family]
    return bool(ends) and not same_value(end, ends[0])
