"""The weekday a claim says words were spoken on ("Parrabin, its chair, said on Tuesday", "told a public meeting on
Tuesday") against the weekday of a source's date ("Village hall, Lindcombe Abbas, Tuesday 27 October 2026, 10:30"):
a transcript or a statement headed with that day is the record of that day's words, which a fact-checker checks
the attribution's day against. Each such weekday is a figure of the family `SPEECH_DAY` (1 for Monday to 7), compared
only with a weekday a source writes beside a full date; the same weekday confirms, another is left to the weekday
cue (`cues.py`). Pure functions, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.figure_pairs import made_pair, with_reason
from factcheck.corroborate.number_rules import Figure, exact_figure
from factcheck.corroborate.signals import FigurePair, NumberStatus

__all__ = ["SPEECH_DAY", "dated_weekdays_of", "speech_day_pair", "speech_days_of"]

SPEECH_DAY = "speech_day"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "|".join(_WEEKDAYS)
_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
# "said on Tuesday", "told a public meeting on Tuesday", "announced on Monday": a verb of saying, then the weekday
# with no date of its own after it (a date is compared as a date)
_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|confirmed|added|warned|explained|wrote|reported|argued|insisted|admitted)\b"
    rf"[^.;\"\u201c\u201d]{{0,60}}?\bon\s+({_WEEKDAY})\b(?!,?\s+(?:\d|{_MONTH}))"
)
# A weekday a source writes beside a full date: "Tuesday 27 October 2026", "Thursday, 3 December", "Monday 16 March"
_DATED_WEEKDAY = re.compile(
    rf"\b({_WEEKDAY}),?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})|(?:{_MONTH})\s+\d{{1,2}})\b"
)


def speech_days_of(claim_text: str) -> list[Figure]:
    """The weekdays `claim_text` says words were spoken on, as `SPEECH_DAY` figures."""
    return [_weekday_figure(match) for match in _SAID_ON.finditer(claim_text)]


def dated_weekdays_of(passage_text: str) -> list[Figure]:
    """The weekdays `passage_text` writes beside a full date, as `SPEECH_DAY` figures."""
    return [_weekday_figure(match, whole=True) for match in _DATED_WEEKDAY.finditer(passage_text)]


def _weekday_figure(match: re.Match, whole: bool = False) -> Figure:
    """The weekday of `match` as a figure; `whole`: its surface is the whole date ("Tuesday 27 October")."""
    day, group = match.group(1), 0 if whole else 1
    value = float(_WEEKDAYS.index(day) + 1)
    return exact_figure(match.group(group), match.start(group), match.end(group), SPEECH_DAY, value)


def speech_day_pair(claim: Figure, passage: list[Figure]) -> FigurePair:
    """The claim's day of speaking against the source's dated weekdays: the same one confirms it; none or another
    decides nothing here."""
    same = next((p for p in passage if p.family == SPEECH_DAY and p.low == claim.low), None)
    if same is None:
        return made_pair(claim, None, NumberStatus.NO_NUMBERS)
    return with_reason(
        made_pair(claim, same, NumberStatus.MATCH),
        f"The source is dated {same.surface}, the day the claim says the words were spoken ({claim.surface}).",
    )
