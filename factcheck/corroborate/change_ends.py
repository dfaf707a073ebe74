"""The ends of a change, read from the words around two figures: whether a claim's figure is the value before a
change ("from £6 to £8.50") and the source's is told as one ("which was £3.50", an earlier cell of its row); the start
and the end of the change a figure belongs to ("from £2.50 to £3.50", "£9 an hour, up from £6.50"), so that two
changes sharing no value, or a value to come against the start of the change to another, are told apart.
`paired_frames.PairedFrames` and `change_pairs.py` ask these for a pair. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.corroborate.number_rules import Figure, is_currency, positions_in
from factcheck.corroborate.number_values import same_value

__all__ = [
    "base_unmet",
    "bases_meet",
    "changes_apart",
    "end_meets_base",
    "ends_apart",
    "future_end",
    "shares_of_other_changes",
]

_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_CHANGE_END_BEFORE = re.compile(r"\bfrom\s+\S+\s+to\s*$", re.IGNORECASE)
# Words that tell a figure as the value before a change ("was £6", "up from", "currently costs", "previously").
_BASE_BEFORE = re.compile(
    r"\b(?:from|was|were|previously|formerly|currently|now|old|before|used\s+to|had\s+been)\b[^.;|]*$", re.IGNORECASE
)


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
# The start of a change told after its end: "£9 an hour from 6 April, up from £6.50".
_UP_FROM_BEFORE = re.compile(r",\s*(?:up|down|rising|falling|increased|reduced|cut|raised)\s+from\s*$", re.IGNORECASE)
# A value to come: "juniors will pay £2.50", "is to cost", "are set to pay".
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set\s+|going\s+)?to)\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE
)


def _located(text: str, figures: Sequence[Figure]) -> list[tuple[int, Figure]]:
    """Each figure with where it is in `text` (`number_rules.positions_in`), in order."""
    where = positions_in(text, figures)
    return sorted(((where[f.start], f) for f in figures if f.start in where), key=lambda pair: pair[0])


def _position(located: list[tuple[int, Figure]], figure: Figure) -> int | None:
    return next((at for at, other in located if other == figure), None)


def _end_of_change(text: str, figures: Sequence[Figure], figure: Figure) -> Figure | None:
    """The end of the change whose start is `figure`: the figure after "to" ("from £640 to about £990"), or the
    figure of its kind before "up from" in its sentence ("£9 an hour from 6 April, up from £6.50"); else None."""
    located = _located(text, figures)
    at = _position(located, figure)
    if at is None or not _FROM_BEFORE.search(text[max(0, at - 12) : at]):
        return None
    after = _TO_AFTER.match(text, at + len(figure.surface))
    if after is not None:
        ends = [f for where, f in located if where == after.end() and f.family == figure.family]
        return ends[0] if ends else None
    if not _UP_FROM_BEFORE.search(text[max(0, at - 30) : at]):
        return None
    opening = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    earlier = [(w, f) for w, f in located if f.family == figure.family and opening <= w and w + len(f.surface) < at]
    return max(earlier, key=lambda pair: pair[0])[1] if earlier else None


def future_end(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> Figure | None:
    """The value the source's change ends at when `claim` is a value to come ("juniors will pay £2.50") and
    `passage` agrees with it only as the value before a change ("going up from £2.50 to £3.50", the first cell of
    "| Junior | £2.50 | £3.50 |"): the source says the value to come is that end, not the claim's. Else None, and
    None when the claim gives that end too ("£1.4 million in its first year and £2.2 million in its second")."""
    at = claim_text.find(claim.surface)
    window = claim_text[max(0, at - 40) : at] if at >= 0 else ""
    future = _FUTURE_BEFORE.search(window)
    if future is None or _BASE_BEFORE.search(window[future.start() :]):
        return None  # not a value to come, or "will rise from £2.50": the claim's figure is a start too
    end = _end_of_change(passage_text, passage_figures, passage) or _second_price_cell(
        passage_text, passage_figures, passage
    )
    if end is None or any(same_value(end, other) for other in claim_figures):
        return None
    return end


def _second_price_cell(text: str, figures: Sequence[Figure], figure: Figure) -> Figure | None:
    """The later cell of a price row of two cells, before and after ("| Junior, any time | £2.50 | £3.50 |"), when
    `figure` is the first; other rows' later cells need not be later times ("| All shops | 142 | 38 | 104 |")."""
    low, high = text.rfind("\n", 0, figure.start) + 1, text.find("\n", figure.end)
    high = len(text) if high < 0 else high
    if not text[low:high].lstrip().startswith("|") or not is_currency(figure.family):
        return None
    cells = [f for f in figures if f.family == figure.family and low <= f.start < high]
    if len(cells) != 2 or cells[0].start != figure.start or same_value(cells[1], figure):
        return None
    return cells[1]


def ends_apart(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> bool:
    """Whether `claim` and `passage` are the starts of two changes that end apart: "from £640 to £896" against "from
    £640 to about £990" (a superseded plan), or "from £5 to £6" against "£9 an hour, up from £6.50" (another
    rate). The starts are not the news, the ends are: they agree or conflict on their own."""
    end = _change_end(claim_text, claim_figures, claim) or _end_of_change(claim_text, claim_figures, claim)
    other = _end_of_change(passage_text, passage_figures, passage)
    return end is not None and other is not None and end.family == other.family and not same_value(end, other)


# A share that is a change: "a rise of 38 percent", "an increase of", "up 12%", "a cut of".
_CHANGE_SHARE_BEFORE = re.compile(
    r"\b(?:(?:a|an)\s+(?:rise|increase|fall|drop|cut|reduction|jump)\s+of|up|down|rising|falling|rose|fell)\s+"
    r"(?:by\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)


def _ends_told_before(text: str, figures: Sequence[Figure], share: Figure, at: int) -> set[float]:
    """The values of the change a share at `at` of `text` measures: the figures of another kind before it in its
    sentence, within 80 characters ("up from £6.50, a rise of 38 percent": £9 and £6.50)."""
    if not _CHANGE_SHARE_BEFORE.search(text[max(0, at - 40) : at]):
        return set()
    opening = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at), at - 80)
    values = set()
    for figure in figures:
        where = text.find(figure.surface, max(0, opening))
        if figure.family != share.family and 0 <= where < at and where >= opening:
            values.add(round(figure.anchor, 6))
    return values


def shares_of_other_changes(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> bool:
    """Whether two shares measure two different changes: each follows the two values of its change ("£9 an hour, up
    from £6.50, a rise of 38 percent" and "from £2.50 to £3.50 an hour, a rise of 40 percent") and the two changes
    share no value. The peak rate's rise is not the junior rate's, whatever the two percentages."""
    if claim.family != "percent" or passage.family != "percent":
        return False
    at = claim_text.find(claim.surface)
    mine = _ends_told_before(claim_text, claim_figures, claim, at) if at >= 0 else set()
    theirs = _ends_told_before(passage_text, passage_figures, passage, passage.start)
    return len(mine) >= 2 and len(theirs) >= 2 and not mine & theirs  # both ends told on each side


_FROM_TO_BEFORE = re.compile(r"\bfrom\s+\S+(?:\s+\S+)?\s+to\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
_FROM_AFTER = re.compile(r"[^.;|\n]{0,50}?,\s*(?:up|down|rising|falling|increased|reduced|cut|raised)\s+from\s+", re.I)


def _start_of_change(text: str, figures: Sequence[Figure], figure: Figure) -> Figure | None:
    """The start of the change whose end is `figure`: the figure after "from" in "from £2.50 to £3.50", or after ",
    up from" in "£9 an hour from 6 April, up from £6.50"; else None."""
    located = _located(text, figures)
    at = _position(located, figure)
    if at is None:
        return None
    alike = [(where, f) for where, f in located if f.family == figure.family and f != figure]
    if _FROM_TO_BEFORE.search(text[max(0, at - 40) : at]):
        earlier = [(where, f) for where, f in alike if where < at and at - where < 40]
        return max(earlier, key=lambda pair: pair[0])[1] if earlier else None
    after = _FROM_AFTER.match(text, at + len(figure.surface))
    later = [f for where, f in alike if after is not None and where == after.end()]
    return later[0] if later else None


def _change_of(text: str, figures: Sequence[Figure], figure: Figure) -> tuple[Figure, Figure] | None:
    """The start and the end of the change `figure` begins or ends, or None."""
    end = _end_of_change(text, figures, figure)
    if end is not None:
        return figure, end
    start = _start_of_change(text, figures, figure)
    return (start, figure) if start is not None else None


def changes_apart(
    claim_text: str,
    passage_text: str,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    claim: Figure,
    passage: Figure,
) -> bool:
    """Whether `claim` and `passage` are the starts or ends of two changes that share no value ("£9, up from £6.50"
    and "from £2.50 to £3.50"; "from £720 to £936" and "from £450 to £585"): two rates moved, not one rate told two
    ways. Two ends from one start, or two starts to one end, still conflict."""
    mine = _change_of(claim_text, claim_figures, claim)
    theirs = _change_of(passage_text, passage_figures, passage)
    if mine is None or theirs is None:
        return False
    return not any(same_value(one, other) for one in mine for other in theirs)
