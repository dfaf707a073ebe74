"""Gold quotes from attribution annotations: which Content spans are direct quotes and their quoted fragments."""

from __future__ import annotations

import re
from collections.abc import Sequence

QUOTE_MARKS = "\"“”‘’'«»„"

# `''` and `` `` `` stand for a double mark in wire copy (the NYT articles in PolNeAR write ''...'').
_MARK = re.compile(r"''|``|[\"“”„«»‘’']")
_FAMILY = {
    '"': "straight double",
    "''": "straight double",
    "``": "straight double",
    "“": "curly double",
    "”": "curly double",
    "„": "curly double",
    "«": "guillemet",
    "»": "guillemet",
    "‘": "single",
    "’": "single",
    "'": "single",
}
_OPENING_SHAPE = frozenset("“„«‘") | {"``"}
_CLOSING_SHAPE = frozenset("”»’")
_BEFORE_OPENING = frozenset("([{—–-/")
_AFTER_CLOSING = frozenset(".,;:!?)]}—–-/…")
_WORD = re.compile(r"\w")

Span = tuple[int, int]


def is_direct_quote(text: str, pieces: Sequence[Span]) -> bool:
    """The PolNeAR README's rule: a Content span is a direct quote when, trimmed, it starts or ends with a mark."""
    ordered = sorted(pieces)
    covered = text[ordered[0][0] : ordered[-1][1]].strip()
    return bool(covered) and (covered[0] in QUOTE_MARKS or covered[-1] in QUOTE_MARKS)


def quoted_fragments(text: str, pieces: Sequence[Span]) -> list[Span]:
    """The stretches of `text` inside quotation marks within a Content span, marks and edge spaces excluded.

    A fragment runs from an opening mark to its closing mark, so the reporter's words between two quoted stretches
    (`called him a "nasty guy" and "unstable"`, or the `he said` that a discontinuous span leaves out) belong to no
    fragment. Only the outer family of marks counts: double marks when there are any (a `‘...’` inside `“...”` is
    a quote within the quote), else single marks that are not apostrophes (`It’s ‘in Their Heads.’`). A mark opens
    or closes by its neighbours (space before and a word after opens), falling back to its shape (“ opens, ” closes)
    and for straight marks to whether a fragment is open. An opening mark while a fragment is open starts a new
    fragment when it begins a paragraph or a piece (a quote continued over paragraphs) and nests otherwise; a mark
    that begins a line always opens. A double mark that closes with no fragment open means its piece began inside
    the quote (the annotator left the opening mark out): the fragment starts where that piece does.
    A fragment still open at the end of the span runs to its end. Fragments are cut at the gaps between pieces
    (the words an annotator left out), except gaps of white space only, which annotators leave between sentences.

    Args:
        text: the article text.
        pieces: the Content span's (start, end) pieces, in any order.

    Returns:
        The fragments in text order; empty when the span quotes no word.
    """
    ordered = _bridged(text, pieces)
    piece_starts = {start for start, _ in ordered}
    marks = _outer_marks(text, ordered)
    raw: list[Span] = []
    open_at: int | None = None
    depth = 0
    last_close = -1
    for start, end, mark in marks:
        begins_line = start in piece_starts or not text[text.rfind("\n", 0, start) + 1 : start].strip()
        if begins_line or _opens(text, start, end, mark, open_at is not None):
            if open_at is None:
                open_at = end
            elif begins_line:
                raw.append((open_at, start))
                open_at = end
            else:
                depth += 1
        elif depth:
            depth -= 1
        elif open_at is not None:
            raw.append((open_at, start))
            open_at = None
            last_close = end
        elif _FAMILY[mark] != "single":
            piece_start = max(a for a, _ in ordered if a <= start)
            if piece_start >= last_close:
                raw.append((piece_start, start))
                last_close = end
    if open_at is not None:
        raw.append((open_at, ordered[-1][1]))
    return [cut for start, end in raw for cut in _within(text, ordered, start, end)]


def _bridged(text: str, pieces: Sequence[Span]) -> list[Span]:
    """The pieces in order, those with only white space between them joined (annotators cut spans at sentences)."""
    joined: list[Span] = []
    for start, end in sorted(pieces):
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _outer_marks(text: str, pieces: Sequence[Span]) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), m.group()) for a, b in pieces for m in _MARK.finditer(text, a, b)]
    found = [m for m in found if not (_FAMILY[m[2]] == "single" and _inside_word(text, m[0], m[1]))]
    doubles = [m for m in found if _FAMILY[m[2]] != "single"]
    if not found:
        return []
    outer = _FAMILY[(doubles or found)[0][2]]
    return [m for m in found if _FAMILY[m[2]] == outer]


def _inside_word(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()


def _opens(text: str, start: int, end: int, mark: str, fragment_open: bool) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in _BEFORE_OPENING
    space_after = after.isspace() or after in _AFTER_CLOSING
    if space_before != space_after:
        return space_before
    if mark in _OPENING_SHAPE or mark in _CLOSING_SHAPE:
        return mark in _OPENING_SHAPE
    return not fragment_open


def _within(text: str, pieces: Sequence[Span], start: int, end: int) -> list[Span]:
    cuts = []
    for piece_start, piece_end in pieces:
        low, high = max(start, piece_start), min(end, piece_end)
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        if _WORD.search(text, low, high):
            cuts.append((low, high))
    return cuts
