"""Whether two figures are told for two different times, from their frames: one dated (a year, "last year", "the
past eight years") where the other is not, or both dated otherwise, or one forecast where the other happened. Pure
functions, no I/O; `paired_frames.PairedFrames.other_time` asks it, and `numbers.py` asks `days_of_other_years` of
two days that agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.corroborate.figure_frames import Frame, eras_differ
from factcheck.corroborate.number_rules import Figure

__all__ = ["days_of_other_years", "times_differ"]


def times_differ(
    claim_frame: Frame,
    passage_frame: Frame,
    claim_figures: Sequence[Figure],
    passage_figures: Sequence[Figure],
    timeless_cell: bool,
) -> bool:
    """Whether the two frames date their figures differently. A span one side dates its figure to ("over the past
    eight years") that the other side gives as a figure of its own ("has spent £68 million over eight years") is one
    time told two ways; against a figure told with no time ("had moved 2,400 fish"), a span back from now is the
    count to now, the same time too. `timeless_cell`: the passage figure is a table row's bare cell with no date,
    forecast or look back in its row."""
    if not eras_differ(claim_frame, passage_frame):
        return False
    if _the_years_own(claim_frame, passage_frame):
        return False  # "the 2026 season" is the season a claim tells with no year ("backed the season with ...")
    if timeless_cell and claim_frame.eras <= {"forecast", "future"} and not claim_frame.looks_back:
        # "| Peak workforce on site | 180 |" in a project's table tells no time: neither a plan nor an outcome, it
        # is the figure "expects to have 280 workers on site at the peak" is told against
        return False
    claim_spans = _spans_told(claim_frame.eras - passage_frame.eras, claim_figures)
    passage_spans = _spans_told(passage_frame.eras - claim_frame.eras, passage_figures)
    if claim_spans is None or passage_spans is None:
        return True
    durations = lambda figures: {f.anchor for f in figures if f.family == "second"}  # noqa: E731
    undated = (not claim_frame.eras and not durations(claim_figures)) or (
        not passage_frame.eras and not durations(passage_figures)
    )
    if undated and claim_frame.looks_back == passage_frame.looks_back:
        return False  # a count to now over "the past three weeks" against one told with no time: the same count
    return not (
        claim_spans | passage_spans
        and claim_spans <= durations(passage_figures)
        and passage_spans <= durations(claim_figures)
    )


# "the 2026 season", "its 2025 festival": a year naming which one of a recurring thing
_YEAR_OF_NOUN = re.compile(r"\b(?:the|its|this|their|our)\s+((?:19|20)\d\d)\s+([a-z]{3,})\b")


def _the_years_own(claim_frame: Frame, passage_frame: Frame) -> bool:
    """Whether the passage's only date is a year naming one of a recurring thing ("the 2026 season") that the
    claim's sentence names with no date at all ("the season"): the article leaves out the year it is about."""
    if claim_frame.eras or claim_frame.looks_back or len(passage_frame.eras) != 1:
        return False
    (year,) = passage_frame.eras
    claim_words = set(re.findall(r"\b(?:the|its|this|their|our)\s+([a-z]{3,})\b", claim_frame.sentence))
    return any(
        found.group(1) == year and found.group(2) in claim_words
        for found in _YEAR_OF_NOUN.finditer(passage_frame.sentence)
    )


def _spans_told(eras: frozenset[str], figures: Sequence[Figure]) -> set[float] | None:
    """The durations of `eras` when each is a span back from now ("the past eight years") whose length is one of
    `figures`; None when any is another kind of time (a year, "last year")."""
    spans = set()
    for era in eras:
        inside = [
            f.anchor
            for f in figures
            if era.startswith("the past ") and f.family == "second" and f.surface.lower() in era
        ]
        if len(set(inside)) != 1:
            return None
        spans.add(inside[0])
    return spans


_NEXT_YEAR = frozenset({"next year", "next year's"})
_NOT_NEXT_YEAR = frozenset({"last year", "last year's", "this year", "this year's"})
# the year written with a day: "June 20, 2027", "19 and 20 June 2027" (not a year of another clause)
_YEAR_OF_DAY = re.compile(r"(?:\s*(?:and|to|-|\u2013)\s*\d{1,2}(?:st|nd|rd|th)?)?,?\s+((?:19|20)\d\d)\b")


def days_of_other_years(claim_frame: Frame | None, passage_frame: Frame, claim_text: str, claim_day: str) -> bool:
    """Whether two days that agree are told for different years: next year's against last year's or this year's
    ("next year's regatta ... on June 20" and "on June 20 ... last year"), or the year written with the claim's day
    against other years in the passage's ("June 20, 2027" and "the 2026 regatta ... 20 June"): the same day of
    another year, not the claim's day confirmed."""
    if claim_frame is None:
        return False
    if claim_frame.eras & _NEXT_YEAR and passage_frame.eras & _NOT_NEXT_YEAR:
        return True
    at = claim_text.find(claim_day)  # the claim's figures carry their article's offsets, the sentence is read here
    written = _YEAR_OF_DAY.match(claim_text, at + len(claim_day)) if at >= 0 else None
    passage_years = {era for era in passage_frame.eras if era.isdigit()}
    return bool(written and passage_years and written.group(1) not in passage_years)
