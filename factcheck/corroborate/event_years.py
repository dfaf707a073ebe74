"""The year or month of an event named beside it: "opened in 1978", "built in 1997", "| Opened | 1987 |", "Year
built: 1997", "closed in September", "a final decision in March 2027".

A year is not a figure to compare on its own: a story's documents name many years, and "in 2023" ties nothing to
nothing. The year an event word names is: "the metro opened in 1978" and "Sorrenby's metro opened in 1978" agree
on a fact a fact-checker checks. Each such year or month becomes a figure of its own family, one per event
("event_year:open", "event_month:close"), so it is compared only with the same event's. The same year (month)
confirms; another is shown as a reason and decides nothing (`numbers._event_year_pair`): two documents' years for
"opened" are as often two things opened. Pure functions, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.number_rules import Figure

__all__ = ["EVENT_MONTH", "EVENT_YEAR", "event_years_of"]

EVENT_YEAR = "event_year"
EVENT_MONTH = "event_month"
# The event words and the one event each names ("inaugurated" is an opening, "established" a founding).
_EVENTS = {
    "opened": "open",
    "inaugurated": "open",
    "built": "build",
    "constructed": "build",
    "founded": "found",
    "established": "found",
    "launched": "launch",
    "introduced": "introduce",
    "completed": "complete",
}
_EVENT_WORDS = "|".join(_EVENTS)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"((?:18|19|20)\d\d)(?![\d\w])"
# "opened in 1978", "opened to traffic in 1971", "built in March 1997", "since it opened in 1998"
_IN_PROSE = re.compile(rf"\b({_EVENT_WORDS})\b(?:\s+[a-z]+){{0,3}}?\s+in\s+(?:{_MONTH}\s+)?{_YEAR}", re.IGNORECASE)
# "| Opened | 1987 |", "Year built: 1997", "Built: 1997"
_AS_LABEL = re.compile(
    rf"(?m)^[ \t]*\|?[ \t]*(?:year[ \t]+)?({_EVENT_WORDS}|opening|built)[ \t]*(?:\||:)[ \t]*{_YEAR}", re.IGNORECASE
)


# "closed in September", "reopened in October", "a final decision in March 2027": the month of a named event,
# compared with the same event's month (and year, when both give one).
_MONTH_EVENTS = {
    "opened": "open",
    "reopened": "reopen",
    "closed": "close",
    "shut": "close",
    "introduced": "introduce",
    "launched": "launch",
    "began": "begin",
    "started": "begin",
    "completed": "complete",
    "published": "publish",
    "decision": "decide",
    "decide": "decide",
}
_MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(_MONTH.strip("(?:)").split("|"), start=1)}
_MONTH_IN_PROSE = re.compile(
    rf"\b({'|'.join(_MONTH_EVENTS)})\b(?:\s+[a-z]+){{0,3}}?\s+in\s+((?-i:{_MONTH}))(?:\s+((?:18|19|20)\d\d))?(?![\d\w])",
    re.IGNORECASE,
)


def event_years_of(text: str) -> list[Figure]:
    """The years and months `text` gives for named events, as figures of the families "event_year:<event>" and
    "event_month:<event>", in text order."""
    found: dict[int, Figure] = {}
    for match in _MONTH_IN_PROSE.finditer(text):
        month = float(_MONTH_NUMBERS[match.group(2).lower()])
        start, end = match.start(2), match.end(3) if match.group(3) else match.end(2)
        found[start] = _event_figure(text, start, end, f"{EVENT_MONTH}:{_MONTH_EVENTS[match.group(1).lower()]}", month)
    for pattern in (_IN_PROSE, _AS_LABEL):
        for match in pattern.finditer(text):
            word = match.group(1).lower()
            event = _EVENTS.get(word, "open" if word == "opening" else word)
            year = float(match.group(2))
            start, end = match.start(2), match.end(2)
            found[start] = _event_figure(text, start, end, f"{EVENT_YEAR}:{event}", year)
    return [found[start] for start in sorted(found)]


def _event_figure(text: str, start: int, end: int, family: str, value: float) -> Figure:
    """An exact figure of `family` (a year or a month number) at `text[start:end]`."""
    return Figure(text[start:end], start, end, family, value, value, False, False, (value, None, None), None, None, 1.0)
