"""The change a source gives only as its two ends: "| Vet bills | 314,000 | 412,000 |" is a rise of 31.2 percent,
"goes from £2.4 million to £2.04 million" a cut of 15 percent. A fact-checker works the change out to check a
claim that gives it ("Vet bills rose 31 percent"); the source did not write it. Pure functions, no I/O.

A change is read only where it can agree with the claim, never where it would disagree: two ends of a row or of
"from X to Y" that make another change are not evidence that the claim's change is wrong (the claim may measure
over other years, or the cells may be of two different things). Each end pair must also be tied to the claim: one
end is a figure of the claim's sentence ("rose 74 percent to £540,000"), or the row's label (in running text, the
words before the change) shares a word with it ("| Vet bills |" and "vet bills rose").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck.corroborate.event_words import content_stems
from factcheck.corroborate.figure_frames import frame_at
from factcheck.corroborate.figure_parts import counts_a_part
from factcheck.corroborate.number_rules import BOUND_QUALIFIERS, DERIVED_CHANGE, Figure, exact_figure
from factcheck.corroborate.number_values import classify, same_value
from factcheck.corroborate.signals import AGREEING
from factcheck.corroborate.table_units import line_at

__all__ = ["changes_between"]


_TO_GAP = re.compile(r"\s+to\s+$")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CELL_GAP = re.compile(r"\s*\|\s*")
_OWN_ENDS = re.compile(r"\bfrom\s+[^.;]{1,40}?\bto\b", re.IGNORECASE)  # "from 41 in 2023 to nine last year"
_FALL = re.compile(
    r"\b(?:fell|falls?|fallen|falling|cut|cuts|drop(?:s|ped)?|down|decreas\w*|declin\w*|reduc\w*|lower\w*|shr[aiu]nk"
    r"|slash\w*|lost|los(?:e|es|ing))\b",
    re.IGNORECASE,
)


def changes_between(
    passage: Sequence[Figure], passage_text: str, claim: Sequence[Figure], claim_text: str | None
) -> list[Figure]:
    """The changes the passage's figures make end to end (two cells of a table row, "from X to Y") that agree with
    a change the claim gives in percent, as percent figures spanning the two ends."""
    if not claim_text:
        return []
    changes = [f for f in claim if f.family == "percent" and _told_as_change(claim_text, f)]
    if not changes:
        return []
    claim_stems = content_stems(claim_text)
    found = []
    for first, second in _end_pairs(passage, passage_text):
        if first.anchor <= 0:
            continue
        tied = any(same_value(c, end) for c in claim for end in (first, second) if c.family == end.family)
        # a claim giving two ends of its own ("from 41 in 2023 to nine last year, a fall of nearly four fifths") is
        # tied by them only: a row of other values ("| Hours of spilling | 214 | 51 |") is another change
        own_ends = bool(_OWN_ENDS.search(claim_text)) and any(
            sum(c.family == f.family for c in claim) >= 2 for f in claim if f.family != "percent"
        )
        if not tied and (own_ends or not (_label_stems(passage_text, first.start) & claim_stems)):
            continue
        rise = 100.0 * (second.anchor - first.anchor) / first.anchor
        for change in changes:
            base = _base_of(claim_text, change, claim)
            if base is not None and (base.family != first.family or not same_value(base, first)):
                continue  # "up 22 percent on last year's 151,000": a change from £0.97m is another change
            told_end = _base_of(claim_text, change, claim, _END_GAP)
            ends = (_digits(told_end.surface), _digits(second.surface)) if told_end is not None else ("", "")
            if told_end is not None and told_end.family != second.family and all(ends) and ends[0] != ends[1]:
                # "went up by 15 percent this year, to £460": a row of stalls rising from 33 to 38 is another change
                # (an end of the same kind that differs may be the claim's slip: "up 14 percent to 36,800")
                continue
            level = _base_of(claim_text, change, claim, _LEVEL_GAP, before=True)
            if _ends_elsewhere(level, second, passage_text):
                continue  # "reported 460 members, up nearly half": a row ending at 120, or a part's row, is another
            if not tied and level is not None and level.measured and not _names_level(level, passage_text, first):
                continue  # "drew 212 entrants in all, up by almost a quarter": a row of prizes is another change
            value = -rise if _told_as_fall(claim_text, change) else rise
            if value <= 0:
                continue
            # rounded as the claim writes its change ("31 percent" for 31.2): a sum worked out to the claim's place
            # a bound is met or not by the sum itself ("by more than 70 percent" for 72.2, not for 70 rounded)
            precision = change.precision if change.precision > 0 and change.qualifier not in BOUND_QUALIFIERS else 0.1
            rounded = round(value / precision) * precision
            # placed after its first end: a figure of its own, not taken for the cell it starts from (rules key
            # figures by their start); its surface names both ends
            derived = exact_figure(
                passage_text[first.start : second.end], first.end, second.end, "percent", rounded, precision=precision
            )
            derived = replace(derived, measured=DERIVED_CHANGE, written=(value, None, None))  # the sum, unrounded
            if classify(change, derived) in AGREEING:
                found.append(derived)
                break
    return found


# The base a claim's change is told from, right after it: "up 22 percent on last year's 151,000", "a rise of 8
# percent from 2,400", "12 percent more than the 640 of 2024".
_BASE_GAP = re.compile(
    r"\s*(?:[a-z]+\s+){0,3}?(?:on|from|over|than)\s+(?:(?:the|its|their|last|this|the\s+previous)\s+)?"
    r"(?:(?:year|season|month|week|time|festival|event)(?:'s|\u2019s)\s+)?(?:total\s+of\s+)?$",
    re.IGNORECASE,
)


# The end a claim's change is told to, right after it: "went up by 15 percent this year, to £460", "a rise of 8
# percent to 2,600".
_END_GAP = re.compile(
    r"\s*(?:(?:this|last|a|the)\s+(?:year|season|month|week)\s*)?,?\s*to\s+(?:a\s+(?:record\s+|total\s+of\s+)?)?$",
    re.IGNORECASE,
)


def _base_of(
    claim_text: str,
    change: Figure,
    claim: Sequence[Figure],
    gap: re.Pattern[str] = _BASE_GAP,
    before: bool = False,
) -> Figure | None:
    """The claim's figure its change is told from, written right after the change ("up 22 percent on last year's
    151,000"; with `gap` another link, such as the end it is told to), or with `before` the one written right before
    it ("reported 460 members, up nearly half": `_LEVEL_GAP`), or None."""
    at = claim_text.find(change.surface)
    if at < 0:
        return None
    end = at + len(change.surface)
    for figure in claim:
        if figure.family == "percent":
            continue
        found = claim_text.rfind(figure.surface, 0, at) if before else claim_text.find(figure.surface, end)
        low, high = (found + len(figure.surface), at) if before else (end, found)
        if found >= 0 and 0 <= high - low <= 40 and gap.fullmatch(claim_text[low:high]):
            return figure
    return None


# The level a claim's change ends at, told right before it: "reported 460 members, up nearly half on last winter",
# "9,400 visitors, a rise of 54 percent".
_LEVEL_GAP = re.compile(
    r"(?:\s+[a-z]+){0,3},?\s+(?:up|down|a\s+(?:rise|fall|drop)\s+of|an\s+increase\s+of)\s+(?:by\s+)?"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|just\s+over|just\s+under)\s+)?$",
    re.IGNORECASE,
)


def _ends_elsewhere(level: Figure | None, end: Figure, text: str) -> bool:
    """Whether the level a claim's change ends at is not the row's: far from its last cell (a "| Saturday session
    limit | 80 | 120 |" for "460 members"), or a part's row ("| of whom club members | 260 | 390 |"). A level near
    the cell may be the claim's own slip, its change still the row's ("£185 a week, up 9 percent" for £151 to £165)."""
    if level is None or level.family != end.family or same_value(level, end) or min(level.anchor, end.anchor) <= 0:
        return False
    if max(level.anchor, end.anchor) / min(level.anchor, end.anchor) > 1.5:
        return True
    line_start, line_end = line_at(text, end.start)
    row, at = text[line_start:line_end], end.start - line_start
    return counts_a_part(row, at, at + end.end - end.start, row[:at])


def _digits(surface: str) -> str:
    """A figure's significant digits as written ("£4.6 million" and "| 4.6 |" alike; "£460" and "46" alike too, which
    errs towards reading the change)."""
    return re.sub(r"\D", "", surface).strip("0")


def _told_as_fall(claim_text: str, figure: Figure) -> bool:
    """Whether the words around the claim's change tell a fall ("was cut by 15 percent", "a 15 percent drop")."""
    at = claim_text.find(figure.surface)
    if at < 0:
        return False
    return bool(_FALL.search(claim_text, max(0, at - 60), at + len(figure.surface) + 15))


def _told_as_change(claim_text: str, figure: Figure) -> bool:
    at = claim_text.find(figure.surface)
    if at < 0:
        return False
    return frame_at(claim_text, at, at + len(figure.surface), percent=True).kind.movement == "change"


def _end_pairs(passage: Sequence[Figure], text: str) -> list[tuple[Figure, Figure]]:
    """Neighbouring figures of one family that are the two ends of a change: adjacent cells of a table row, or
    "from X to Y" in running text; none on a line that states a percentage of its own."""
    pairs = []
    stated = [f for f in passage if f.family == "percent"]
    ordered = sorted(
        (f for f in passage if f.family != "percent" and f.measured != DERIVED_CHANGE), key=lambda f: f.start
    )
    for first, second in zip(ordered, ordered[1:], strict=False):
        if first.family != second.family or not first.is_point or not second.is_point:
            continue
        gap = text[first.end : second.start]
        if "\n" in gap:
            continue
        line_start = text.rfind("\n", 0, first.start) + 1
        in_row = text[line_start : first.start].lstrip().startswith("|")
        line_end = len(text) if text.find("\n", second.end) < 0 else text.find("\n", second.end)
        if any(line_start <= f.start < line_end for f in stated):
            continue  # the source gives its own change ("| 9,310 | 9,870 | +9.0% |"): that one is compared
        told_from = _TO_GAP.match(gap) and _FROM_BEFORE.search(text, max(0, first.start - 8), first.start)
        if (in_row and _CELL_GAP.fullmatch(gap)) or told_from:
            pairs.append((first, second))
        elif _AGAINST_GAP.fullmatch(gap):
            pairs.append((second, first))  # "640 were found dead, against 2,300 in 2018": the base told second
    return [*pairs, *_row_spans(ordered, text)]


# "640 were found dead, against 2,300 in the spring of 2018": a figure set against its earlier value
_AGAINST_GAP = re.compile(r"[^.;:\n|]{0,40},\s+against\s+")


def _row_spans(ordered: Sequence[Figure], text: str) -> list[tuple[Figure, Figure]]:
    """The first and last cells of a table row of three or more figures of one family ("| Toads found dead | 2,300
    | 1,050 | 640 |"): the change over the row's whole span, as a claim may give it."""
    spans = []
    by_line: dict[int, list[Figure]] = {}
    for figure in ordered:
        line_start = text.rfind("\n", 0, figure.start) + 1
        if text[line_start : figure.start].lstrip().startswith("|") and figure.is_point:
            by_line.setdefault(line_start, []).append(figure)
    for cells in by_line.values():
        if len(cells) >= 3 and len({f.family for f in cells}) == 1:
            spans.append((cells[0], cells[-1]))
    return spans


def _names_level(level: Figure, passage_text: str, first: Figure) -> bool:
    """Whether the words naming the passage's change (its row's label) name the noun of the level the claim's change
    is told of ("212 entrants, up by almost a quarter": "| Entrants, all classes |", not "| Open class prize |")."""
    return bool(content_stems(level.measured or "") & _label_stems(passage_text, first.start))


def _label_stems(text: str, position: int) -> frozenset[str]:
    """What names the figure at `position`: the content stems of its table row's first cell, or of its sentence's
    words before it in running text ("The Arts Board's grant goes from ...")."""
    line = text[text.rfind("\n", 0, position) + 1 : position]
    if line.strip().startswith("|"):
        return content_stems(line.strip().strip("|").split("|")[0])
    stop = text.rfind(". ", 0, position)
    sentence_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, position) + 1)
    return content_stems(text[sentence_start:position])
