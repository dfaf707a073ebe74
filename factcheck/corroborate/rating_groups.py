"""Ratings that name a group rather than state a figure: in "17 shops were rated five" the checkable figure is the
17; the five is which shops are counted, as a place or a year would be. Such a rating is taken out of the figures
compared and kept as the counted group's category, so "Nineteen shops earned the top rating of five" is set
against the source's count of shops rated five, not against "eight shops were rated two or below" (another group)
and never confirmed by a "five" alone. The rating of one named thing ("The Harbour Cafe was rated two") stays a
figure. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from factcheck.corroborate.figure_pairing import names_same_thing
from factcheck.corroborate.figure_pairs import made_pair, with_reason
from factcheck.corroborate.number_rules import Figure, positions_in
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus

__all__ = ["RatedGroups", "rated_groups"]

# Words right before a rating's number ("rated five", "a top rating of five", "scored 4") and right after it ("a
# zero rating").
_RATING_BEFORE = re.compile(r"\b(?:rated|rating\s+of|score\s+of|scored|graded)\s+(?:at\s+)?$", re.IGNORECASE)
_RATING_AFTER = re.compile(r"\s*(?:-|\s)rating\b", re.IGNORECASE)
# A group chosen by its rating: "every shop rated two or below", "any shop is rated zero".
_ANY_BEFORE = re.compile(r"\b(?:every|any|each|all|no)\b", re.IGNORECASE)
# How a rating bounds its group: "two or below", "four or five", "three and above".
_BOUND_AFTER = re.compile(r"\s+(?:or|and)\s+(?:below|above|higher|lower|more|less|over|under|better|worse)\b", re.I)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.IGNORECASE)  # "29 of the 46 shops"
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")


class RatedGroups:
    """The ratings of one text: which figures are ratings naming a group, and each counted figure's group."""

    def __init__(self, text: str, figures: Sequence[Figure]) -> None:
        self.text = text
        # where each figure is in `text` (a claim's figures index into its article; its sentence is `text`)
        self._at = positions_in(text, figures)
        ratings = [f for f in figures if f.family == "count" and self._is_rating(f)]
        # a count or a share of the group ("17 shops were rated five", "one in six were rated two or below")
        counts = [f for f in figures if f.family in ("count", "percent") and f not in ratings]
        self.ratings = [r for r in ratings if self._names_a_group(r, counts)]
        self._counts = [f for f in figures if f.family == "count" and f not in self.ratings]

    def _is_rating(self, figure: Figure) -> bool:
        if figure.measured and figure.measured.lower() != "rating":
            return False
        start = self._start(figure)
        before = self.text[max(0, start - 20) : start]
        return bool(_RATING_BEFORE.search(before) or _RATING_AFTER.match(self.text, self._end(figure)))

    def _start(self, figure: Figure) -> int:
        return self._at.get(figure.start, figure.start)

    def _end(self, figure: Figure) -> int:
        return self._start(figure) + len(figure.surface)

    def _sentence(self, position: int) -> tuple[int, int]:
        starts = [m.end() for m in _SENTENCE_BREAK.finditer(self.text, 0, position)]
        end = _SENTENCE_BREAK.search(self.text, position)
        return (starts[-1] if starts else 0), (end.start() if end else len(self.text))

    def _names_a_group(self, rating: Figure, counts: Sequence[Figure]) -> bool:
        """A rating names a group when its sentence counts something else ("17 shops were rated five") or picks
        every member so rated ("every shop rated two or below")."""
        start = self._start(rating)
        low, high = self._sentence(start)
        if any(low <= self._start(c) < high for c in counts):
            return True
        return bool(_ANY_BEFORE.search(self.text, max(low, start - 40), start))

    def _is_whole(self, figure: Figure) -> bool:
        start = self._start(figure)
        return bool(_OF_BEFORE.search(self.text[max(0, start - 20) : start]))

    def group_of(self, figure: Figure) -> tuple[str, ...]:
        """The ratings that name the group `figure` counts: those after it up to the next count of its sentence
        (a whole, "of the 46 shops", is no break), else those before it back to the previous count."""
        if figure in self.ratings or self._is_whole(figure):
            return ()
        start, end = self._start(figure), self._end(figure)
        low, high = self._sentence(start)
        breaks = [self._start(c) for c in self._counts if self._start(c) > start and not self._is_whole(c)]
        stop = min([high, *breaks])
        after = [r for r in self.ratings if end <= self._start(r) < stop]
        if not after:
            earlier = [self._end(c) for c in self._counts if self._end(c) <= start and not self._is_whole(c)]
            opening = max([low, *earlier])
            after = [r for r in self.ratings if opening <= self._start(r) < start]
        return tuple(self._words(r) for r in after)

    def _words(self, rating: Figure) -> str:
        bound = _BOUND_AFTER.match(self.text, self._end(rating))
        return f"{rating.anchor:g}" + (" " + bound.group(0).split()[-1].lower() if bound else "")

    def same_group(self, other: RatedGroups) -> Callable[[Figure, Figure], bool]:
        """A test of whether a figure of this text and one of `other` count one rated group ("17 shops were rated
        five" and "Nineteen shops earned the top rating of five") of the same thing."""

        def test(mine: Figure, theirs: Figure) -> bool:
            groups = self.group_of(mine), other.group_of(theirs)
            return bool(groups[0]) and set(groups[0]) == set(groups[1]) and names_same_thing(mine, theirs)

        return test

    def without_ratings(self, figures: Sequence[Figure]) -> list[Figure]:
        return [f for f in figures if f not in self.ratings]


def rated_groups(
    claim: RatedGroups,
    passage: RatedGroups,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    pairs: tuple[FigurePair, ...],
) -> tuple[FigurePair, ...]:
    """The pairs with a count of one rated group set against a count of another ("Nineteen shops earned the top
    rating of five" and "eight shops were rated two or below") made `DIFFERENT_THING`."""
    by_start = {p.start: p for p in passage_figures}
    result = []
    for figure, pair in zip(claim_figures, pairs, strict=True):
        other = by_start.get(pair.passage_start) if pair.passage_start is not None else None
        if other is not None and (pair.status in AGREEING or pair.status is NumberStatus.MISMATCH):
            mine, theirs = claim.group_of(figure), passage.group_of(other)
            if mine and theirs and set(mine) != set(theirs):
                pair = with_reason(
                    made_pair(figure, other, NumberStatus.DIFFERENT_THING),
                    f"A different group: the claim counts those rated {' or '.join(mine)}, the source those rated "
                    f"{' or '.join(theirs)}.",
                )
        result.append(pair)
    return tuple(result)
