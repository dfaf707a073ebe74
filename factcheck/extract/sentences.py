"""Sentence segmentation with character offsets (syntok's rules, which keep abbreviations and times together)."""

from __future__ import annotations

import functools
import re

import syntok.segmenter as segmenter

from factcheck.extract.values import Sentence

CACHED_CHARS = 20_000  # texts up to this long are split once and remembered (passages, quote regions)


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences whose `start`/`end` index into `text`.

    Blank lines always end a sentence (syntok treats them as paragraph breaks), so a headline never joins the first
    sentence of the body. Checking reads one passage against each claim it is a candidate for, so the split of a
    passage-sized text is remembered (a fresh list is returned each time).
    """
    if len(text) <= CACHED_CHARS:
        return list(_split_remembered(text))
    return _split(text)


def forget_splits() -> None:
    """Drop the remembered splits (a benchmark's warm run must not find its article's passages already split)."""
    _split_remembered.cache_clear()


@functools.lru_cache(maxsize=1024)
def _split_remembered(text: str) -> tuple[Sentence, ...]:
    return tuple(_split(text))


def _split(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph in segmenter.analyze(text):
        for tokens in paragraph:
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            # syntok can rewrite a token's value (hyphenated line breaks); trust offsets, re-slice the text.
            end = min(max(end, start), len(text))
            for piece_start, piece_end in _split_on_single_newlines(text, start, end):
                for part_start, part_end in _split_after_clock_times(text, piece_start, piece_end):
                    sentences.append(Sentence(part_start, part_end, text[part_start:part_end]))
    return sentences


# A clock time's "a.m." / "p.m." (or "pm.": "at 11.15pm. Bookings open") ends a sentence when a capitalised word
# follows that does not carry the time on: syntok keeps "between 11 p.m. and 7 a.m. Dunhallow ward produced 2,960
# complaints" together, and the claim then holds two sentences' figures. A weekday, a month, a time zone or "...
# time" after the time belongs to it ("at 9 a.m. Monday", "7 a.m. GMT", "6 p.m. Eastern", "8 a.m. London time"),
# and a sentence that opens on the time goes on after it ("At 6.40 a.m. Harbour staff opened the gates").
_CLOCK_END = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\.(\s+)(?=([A-Z][\w'-]*)(\s+time\b)?)")
_OPENING_TIME = re.compile(
    r"\W*(?:(?:just|shortly|soon|until|till|from|since|before|after|around|about|at|by|on|and)\s+){1,3}\S+\s?[ap]\.?m\.$",
    re.IGNORECASE,
)
_TIME_CARRIED = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec GMT BST UTC CET CEST EST "
    "EDT CST CDT MST MDT PST PDT ET CT MT PT Eastern Central Mountain Pacific Atlantic Local".split()
)


def _split_after_clock_times(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in _CLOCK_END.finditer(text, start, end):
        if match.group(2) in _TIME_CARRIED or match.group(3) or _OPENING_TIME.match(text, start, match.start(1)):
            continue
        pieces.append((start, match.start(1)))
        start = match.end(1)
    return [*pieces, (start, end)]


def _split_on_single_newlines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A line break inside a syntok sentence is a heading or list item ending without a full stop: split there."""
    pieces = []
    cursor = start
    while True:
        newline = text.find("\n", cursor, end)
        if newline == -1:
            break
        if text[cursor:newline].strip():
            pieces.append(_trimmed(text, cursor, newline))
        cursor = newline + 1
    if text[cursor:end].strip():
        pieces.append(_trimmed(text, cursor, end))
    return pieces


_LEADING_DASHES = "—–-"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without surrounding space, nor the dash that follows a dateline ("BEIRUT (Reuters) - Some 8,000 ...")."""
    while start < end and text[start].isspace():
        start += 1
    if start + 1 < end and text[start] in _LEADING_DASHES and text[start + 1].isspace():
        start += 1
        while start < end and text[start].isspace():
            start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
