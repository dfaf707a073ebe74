"""Quotation marks in text: which are opening, closing or apostrophes, and how they pair into quoted spans."""

from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass


class Family(enum.Enum):
    """Marks that pair with each other. A quote opened with one family is closed by the same family; straight
    and curly marks are different families, so `"He said “no”."` nests instead of closing at the curly
    mark."""

    CURLY_DOUBLE = "curly double"  # “ ” „
    STRAIGHT_DOUBLE = "straight double"  # " '' ``
    CURLY_SINGLE = "curly single"  # ‘ ’ (’ is also the apostrophe)
    STRAIGHT_SINGLE = "straight single"  # ' (also the apostrophe)
    GUILLEMET = "guillemet"  # « »

    @property
    def is_single(self) -> bool:
        return self in (Family.CURLY_SINGLE, Family.STRAIGHT_SINGLE)


class Role(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"  # a straight mark between two spaces or two letters: the pairing state decides
    APOSTROPHE = "apostrophe"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    family: Family
    role: Role


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One pair of marks (or a chain of them over several paragraphs) and the words between.

    `parts` are the inner spans, whitespace-trimmed, one per paragraph. `open_start` is the offset of the
    first opening mark and `close_end` the offset just past the closing mark (or the paragraph end when
    `closed` is False).
    """

    parts: tuple[tuple[int, int], ...]
    open_start: int
    close_end: int
    family: Family
    closed: bool


# `''` and `` `` `` stand for a double mark in wire copy and some archives (the NYT in PolNeAR uses ''...'').
_MARK = re.compile(r"''|``|[\"“”„‟«»‘’'‚]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

# Characters that may stand before an opening mark, and after a closing one, besides whitespace.
_BEFORE_OPENING = set("([{<—–-/*") | set("\"“”„«»‘’'")
_AFTER_CLOSING = set(".,;:!?)]}>—–-/…*") | set("\"“”„«»‘’'")
# Elisions written with a leading apostrophe: 'cause, 'em, 'til, 'n', '90s. Not opening marks.
_ELISION = re.compile(r"(?:cause|cos|em|til|tis|twas|n|bout|round|nuff|s)\b|\d\d?s?\b", re.IGNORECASE)

# A quote runs over at most this many paragraphs, and one paragraph's part over at most this many characters.
# Beyond either, the opening mark is treated as stray so an odd mark never swallows the rest of the document.
MAX_PARAGRAPHS = 12
MAX_PART_CHARS = 3000
MAX_SINGLE_CHARS = 600  # single marks pair only over a short stretch: a stray ’ is usually an apostrophe


def find_marks(text: str) -> list[Mark]:
    """Every quotation mark in `text` with the role its surroundings suggest."""
    marks = []
    for match in _MARK.finditer(text):
        start, end = match.span()
        marks.append(Mark(start, end, _family(match.group()), _role(text, start, end, match.group())))
    return marks


def _family(mark: str) -> Family:
    if mark in "«»":
        return Family.GUILLEMET
    if mark in ("‘", "’", "‚"):
        return Family.CURLY_SINGLE
    if mark == "'":
        return Family.STRAIGHT_SINGLE
    if mark in ('"', "''", "``"):
        return Family.STRAIGHT_DOUBLE
    return Family.CURLY_DOUBLE


def _role(text: str, start: int, end: int, mark: str) -> Role:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    opens_here = before.isspace() or before in _BEFORE_OPENING
    closes_here = after.isspace() or after in _AFTER_CLOSING
    if mark in ("«", "„", "``", "‚"):
        return Role.OPEN
    if mark == "»":
        return Role.CLOSE
    if before == "\n" and mark in ("“", "”", "‟", '"', "''"):
        return Role.OPEN  # nothing closes at a line's start: `” … he delivered` is a mistyped opening
    if mark == "“":
        return Role.CLOSE if closes_here and not opens_here else Role.OPEN
    if mark in ("”", "‟"):
        # Some sites type ” for both marks; at a word's start it opens.
        return Role.OPEN if opens_here and not closes_here else Role.CLOSE
    if mark in ('"', "''"):
        if opens_here and not closes_here:
            return Role.OPEN
        if closes_here and not opens_here:
            return Role.CLOSE
        return Role.EITHER
    return _single_role(text, end, before, after, opens_here, closes_here, mark)


def _single_role(text: str, end: int, before: str, after: str, opens_here: bool, closes_here: bool, mark: str) -> Role:
    if before.isalnum() and after.isalnum():
        return Role.APOSTROPHE  # We’re, Russia’s, O'Neill
    if opens_here and not closes_here:
        if _ELISION.match(text, end):
            return Role.APOSTROPHE  # ’cause, '90s
        return Role.OPEN if mark in ("‘", "'") else Role.APOSTROPHE
    if closes_here and not opens_here:
        return Role.CLOSE  # may still be a plural possessive (rebels’): pairing decides
    return Role.APOSTROPHE


def pair_marks(text: str, marks: list[Mark]) -> list[QuotedSpan]:
    """Pair marks into quoted spans, in document order.

    Rules, in the order they apply:
    - A quote is opened by an opening (or ambiguous straight) mark outside any quote, and closed by the next
      closing mark of the same family. Marks of another family inside it are a nested quote and stay in its
      words.
    - A second opening mark of the same family inside a quote opens a nested quote when two closing marks
      follow in the paragraph; otherwise the first opening mark was stray and scanning starts again at the
      second.
    - Straight and curly double marks are different families (so each can nest in the other), but a quote
      still open at its paragraph's end closes at the first closing mark of the other style (sloppy `"...”`
      typing) that does not close an opening mark of that style inside it (`"... called it a “rant,” ...`).
    - A line that begins with a double mark begins a quote; and an opening mark of the quote's family that
      begins a line inside the quote, with no pair of closings after it, goes on with the quote (paragraphs
      written as single lines, each opening with a mark).
    - At a paragraph end with the quote still open, the news convention for a quote over several paragraphs
      applies: if the next paragraph starts with an opening mark of the same family, the quote goes on there.
      Otherwise a double-mark quote ends at the paragraph end (closing mark missing) and a single-mark one is
      dropped.
    - A quote longer than `MAX_PARAGRAPHS` paragraphs or with a part over `MAX_PART_CHARS` characters is
      dropped and scanning resumes after its opening mark.
    - A single-mark quote must close within `MAX_SINGLE_CHARS`, before any double mark (in text that uses
      double marks, a lone ‘ or ' is far more often an apostrophe than a quote that contains a double-quoted
      one).
    """
    paragraph_ends = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    spans: list[QuotedSpan] = []
    index = 0
    while index < len(marks):
        mark = marks[index]
        if mark.role not in (Role.OPEN, Role.EITHER):
            index += 1
            continue
        found = _close_quote(text, marks, index, paragraph_ends)
        if found is None:
            index += 1  # stray opening mark: the marks after it are read afresh
            continue
        span, next_index = found
        if span.parts and _well_formed(span, spans[-1].close_end if spans else 0):
            spans.append(span)
        index = next_index
    return spans


def _well_formed(span: QuotedSpan, previous_end: int) -> bool:
    """Marks inside marks (`“""` before a paragraph break) can pair into a span whose words run past its closing
    mark or into the previous quote; such a span is dropped, so quotes never cross."""
    bounds = [span.open_start, *(edge for part in span.parts for edge in part), span.close_end]
    return previous_end <= span.open_start and all(a <= b for a, b in zip(bounds, bounds[1:], strict=False))


def _close_quote(
    text: str, marks: list[Mark], open_index: int, paragraph_ends: list[int]
) -> tuple[QuotedSpan, int] | None:
    """The quote opened by `marks[open_index]` and the index of the first mark after it, or None if it is
    stray."""
    opening = marks[open_index]
    family = opening.family
    parts: list[tuple[int, int]] = []
    part_start = opening.end
    paragraph_end = _paragraph_end(paragraph_ends, opening.start)
    index = open_index + 1
    other_style_close: int | None = None  # `"...”`: a quote opened straight and closed curly, or the reverse
    other_style_open = False  # `"... called it a “rant,” ...`: that ” closes the “, not the quote
    while True:
        if index < len(marks) and marks[index].start < paragraph_end:
            mark = marks[index]
            if _other_double_style(family, mark, Role.OPEN):
                other_style_open = True
            elif other_style_open and _other_double_style(family, mark, Role.CLOSE):
                other_style_open = False
            elif other_style_close is None and _other_double_style(family, mark, Role.CLOSE, Role.EITHER):
                other_style_close = index
            if mark.start - part_start > (MAX_SINGLE_CHARS if family.is_single else MAX_PART_CHARS):
                return None
            if family.is_single and not mark.family.is_single:
                return None
            if mark.family is family:
                if mark.role is Role.OPEN:
                    nested_close = _nested_pair_close(marks, index, paragraph_end)
                    if nested_close is None and _begins_line(text, mark.start) and len(parts) + 1 < MAX_PARAGRAPHS:
                        # Paragraphs written as single lines: the quote goes on at this line's opening mark.
                        parts.append((part_start, text.rfind("\n", part_start, mark.start)))
                        part_start = mark.end
                        index += 1
                        continue
                    if nested_close is None:
                        return None  # a second opening with no pair of closings after it: this one was stray
                    index = nested_close + 1  # `"He told me "no" and left," X said`: a quote inside the quote
                    continue
                if mark.role in (Role.CLOSE, Role.EITHER) and not _possessive_with_better_close(
                    text, marks, index, paragraph_end
                ):
                    parts.append((part_start, mark.start))
                    return _span(text, parts, opening.start, mark.end, family, True), index + 1
            index += 1
            continue
        # Paragraph (or text) ends with the quote open.
        if other_style_close is not None:
            closing = marks[other_style_close]
            parts.append((part_start, closing.start))
            return _span(text, parts, opening.start, closing.end, family, True), other_style_close + 1
        if paragraph_end - part_start > MAX_PART_CHARS:
            return None
        parts.append((part_start, paragraph_end))
        follower = _opening_of_next_paragraph(text, marks, index, paragraph_end, family)
        if follower is not None and len(parts) < MAX_PARAGRAPHS:
            index = follower + 1
            part_start = marks[follower].end
            paragraph_end = _paragraph_end(paragraph_ends, marks[follower].start)
            continue
        if family.is_single:
            return None
        return _span(text, parts, opening.start, paragraph_end, family, False), index


def _nested_pair_close(marks: list[Mark], index: int, paragraph_end: int) -> int | None:
    """For an opening mark inside a quote of its own family: the index of its closing mark when another
    closing mark follows (one for the inner quote, one for the outer), else None."""
    family = marks[index].family
    closers = []
    for later in range(index + 1, len(marks)):
        mark = marks[later]
        if mark.start >= paragraph_end or (mark.family is family and mark.role is Role.OPEN):
            break
        if mark.family is family and mark.role in (Role.CLOSE, Role.EITHER):
            closers.append(later)
    return closers[0] if len(closers) >= 2 else None


def _other_double_style(family: Family, mark: Mark, *roles: Role) -> bool:
    """Whether `mark` is a double mark of the other style than `family` (straight or curly) in one of `roles`."""
    pair = {Family.CURLY_DOUBLE: Family.STRAIGHT_DOUBLE, Family.STRAIGHT_DOUBLE: Family.CURLY_DOUBLE}
    return pair.get(family) is mark.family and mark.role in roles


def _possessive_with_better_close(text: str, marks: list[Mark], index: int, paragraph_end: int) -> bool:
    """A ’ after an s and before a lowercase word (the rebels’ demands) is a possessive when a later ’ can
    close."""
    mark = marks[index]
    if not mark.family.is_single or text[mark.start - 1 : mark.start] not in ("s", "S"):
        return False
    following = text[mark.end : mark.end + 2]
    if not (len(following) == 2 and following[0] == " " and following[1].islower()):
        return False
    for later in range(index + 1, len(marks)):
        if marks[later].start >= paragraph_end:
            break
        if marks[later].family is mark.family and marks[later].role is Role.CLOSE:
            return True
    return False


def _opening_of_next_paragraph(
    text: str, marks: list[Mark], index: int, paragraph_end: int, family: Family
) -> int | None:
    """Index of the mark opening the next paragraph, if that paragraph starts with an opening mark of
    `family`."""
    if index >= len(marks) or paragraph_end >= len(text):
        return None
    mark = marks[index]
    if mark.family is not family or mark.role not in (Role.OPEN, Role.EITHER):
        return None
    if text[paragraph_end : mark.start].strip():
        return None
    return index


def _begins_line(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position)
    return line_start >= 0 and not text[line_start:position].strip()


def _paragraph_end(paragraph_ends: list[int], position: int) -> int:
    return paragraph_ends[min(bisect.bisect_right(paragraph_ends, position), len(paragraph_ends) - 1)]


def _span(
    text: str, parts: list[tuple[int, int]], open_start: int, close_end: int, family: Family, closed: bool
) -> QuotedSpan:
    trimmed = []
    for start, end in parts:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return QuotedSpan(tuple(trimmed), open_start, close_end, family, closed)
