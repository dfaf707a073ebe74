"""The year or month of an event named beside it: "opened in 1978", "built in 1997", "| Opened | 1987 |", "Year
built: 1997", "closed in September", "a final decision in March 2027".

A year is not a figure to compare on its own: a story's documents name many years, and "in 2023" ties nothing to
nothing. The year an event word names is: "the metro opened in 1978" and "Sorrenby's metro opened in 1978" agree
on a fact a fact-checker checks. Each such year or month becomes a figure of its own family, one per event
("event_year:open", "event_month:close"), so it is compared only with the same event's. The same year (month)
confirms; another is shown as a reason and decides nothing (`event_year_pair`): two documents' years for
"opened" are as often two things opened. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from factcheck.corroborate.figure_pairs import made_pair, with_reason
from factcheck.corroborate.number_rules import GENERIC_NOUNS, Figure, exact_figure, same_counted
from factcheck.corroborate.paired_frames import PairedFrames
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus

__all__ = [
    "DATED",
    "EVENT_MONTH",
    "EVENT_YEAR",
    "date_kind",
    "event_years_of",
    "not_on_dates_alone",
    "outside_quotations",
    "without_unmet_dates",
]

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
_YEAR = r"((?:1[5-9]|20)\d\d)(?![\d\w])"  # "built in 1648": a named event's year may be centuries back
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


# Any other year or month a time word puts something at: "the main was laid in 1958", "since records began in
# 1998", "to halve vacancies by 2029", "will open in April", "in the summer of 2027", "on 3 March 2025". What happened
# is told by the words next to it, so such a figure ("event_year:dated", "event_month:dated") is compared only with a
# passage's year or month whose neighbouring words share an event word (`event_year_pair`).
DATED = "dated"
_TIME_WORD = r"\b(?:in|since|by|from|until|till|before|after|for|to|on|at|during|of)\s+(?:the\s+)?"
_SEASON = (
    r"(?P<season>(?:early|late|mid-?)\s*|(?:the\s+)?(?:start|end|beginning|middle|summer|spring|autumn|winter)\s+"
    r"(?:of\s+)?)?"
)
_DAY = r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
_DATED_YEAR = re.compile(
    rf"{_TIME_WORD}{_SEASON}{_DAY}(?:(?P<month>(?-i:{_MONTH}))\s+(?:(?P<us_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?"
    r"(?P<year>(?:18|19|20)\d\d)(?:[-\u2013/](?:\d\d)(?!\d))?(?![\d\w])",
    re.IGNORECASE,
)
_DATED_MONTH = re.compile(
    rf"{_TIME_WORD}{_SEASON}{_DAY}(?P<month>(?-i:{_MONTH}))(?!\s*\d)(?![\w\-])",
    re.IGNORECASE,
)
_YEAR_CELL = re.compile(r"(?<=\|)[ \t]*((?:18|19|20)\d\d)[ \t]*(?=\|)")
# A year that dates another figure is that figure's time, not an event's ("from 4,020 in 2024", "3.2 percent fewer
# than in 2024", "up 9 percent from 2024"): a number within the four words before it, in the same clause.
_NUMBER_WORDS = re.compile(
    r"(?<![\d\w])(?!(?:18|19|20)\d\d(?!\d))\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|halves|third|"
    r"thirds|quarter|quarters|dozen|percent|cent|double|doubled|tripled|twice)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:,()|\n]")


def _dates_a_figure(text: str, start: int) -> bool:
    """Whether a number stands within four words before `start` in the same clause (the date is its time)."""
    before = text[max(0, start - 80) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    words = before[cut:].split()[-4:]
    return bool(_NUMBER_WORDS.search(" ".join(words)))


def date_kind(family: str) -> str:
    """A date figure's kind without its event: "event_year" of "event_year:open" or "event_year:dated"."""
    return family.split(":")[0]


def dated_events_of(text: str, *, with_days: bool) -> list[Figure]:
    """The years and months time words put things at in `text` ("event_year:dated", "event_month:dated"), leaving
    out those that date another figure; a year given with its month is a month figure ("March 2025", its surface
    carrying the year) and, where `with_days` (a source's dates are read whole), a year figure as well. Without
    `with_days` a date with its day is left to the date comparison."""
    found: dict[int, Figure] = {}
    for match in _DATED_YEAR.finditer(text):
        days = match.group("day") or match.group("us_day")
        if (days and not with_days) or _dates_a_figure(text, match.start()):
            continue
        # a season or part of the year ("the end of", "summer") is the date's own words, not what happened
        lead = match.start("season") if match.group("season") and not days else None
        year_start, year_end = match.start("year"), match.end("year")
        if match.group("month"):
            month = float(_MONTH_NUMBERS[match.group("month").lower()])
            month_start = match.start("month") if lead is None else lead
            found[month_start] = _event_figure(text, month_start, year_end, f"{EVENT_MONTH}:{DATED}", month)
            if not with_days:
                continue
        elif lead is not None:
            year_start = lead
        found[year_start] = _event_figure(text, year_start, year_end, f"{EVENT_YEAR}:{DATED}", float(match["year"]))
    if with_days:  # a table's cell that is a year: "| Full operation | 2031 |" (its label tells what happened)
        for match in _YEAR_CELL.finditer(text):
            found.setdefault(
                match.start(1),
                _event_figure(text, match.start(1), match.end(1), f"{EVENT_YEAR}:{DATED}", float(match[1])),
            )
    for match in _DATED_MONTH.finditer(text):
        if (match.group("day") and not with_days) or _dates_a_figure(text, match.start()):
            continue
        month = float(_MONTH_NUMBERS[match.group("month").lower()])
        start = match.start("season") if match.group("season") and not match.group("day") else match.start("month")
        found[start] = _event_figure(text, start, match.end("month"), f"{EVENT_MONTH}:{DATED}", month)
    return [found[start] for start in sorted(found)]


def event_years_of(text: str, *, dated: bool = False, with_days: bool = False) -> list[Figure]:
    """The years and months `text` gives for named events, as figures of the families "event_year:<event>" and
    "event_month:<event>", in text order; with `dated`, also those a time word puts anything at
    (`dated_events_of`), where no named event's figure stands. Read once per text: a claim's sentence meets every
    passage of its list, and a passage every claim of its article."""
    return list(_event_years(text, dated, with_days))


@lru_cache(maxsize=1024)
def _event_years(text: str, dated: bool, with_days: bool) -> tuple[Figure, ...]:
    found: dict[int, Figure] = {f.start: f for f in dated_events_of(text, with_days=with_days)} if dated else {}
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
    return tuple(found[start] for start in sorted(found))


def _event_figure(text: str, start: int, end: int, family: str, value: float) -> Figure:
    """An exact figure of `family` (a year or a month number) at `text[start:end]`."""
    return exact_figure(text[start:end], start, end, family, value)


def not_on_dates_alone(
    status: NumberStatus,
    claim_figures: list[Figure],
    passage_figures: list[Figure],
    pairs: tuple[FigurePair, ...],
    overall: Callable[[tuple[FigurePair, ...]], NumberStatus],
) -> NumberStatus:
    """A year or month a time word gives (`event_years.DATED`) agreeing does not make a support when the claim's
    count meets another count of the same kind of thing in the passage ("killed about 1,100 people" in "the July
    2019 heatwave" against that heatwave's "910 excess deaths", judged another count): the count decides. A count of
    something else ("9,000 cars" against "two bearings") leaves the date to decide. `overall` is the status of
    a set of pairs (`figure_pairs.overall_status`)."""
    dated = [f.family.endswith(f":{DATED}") for f in claim_figures]
    if any(pair.status in AGREEING for pair, on_date in zip(pairs, dated, strict=True) if not on_date):
        return status
    by_start = {p.start: p for p in passage_figures}
    others = tuple(pair for pair, on_date in zip(pairs, dated, strict=True) if not on_date)
    for claim, pair, on_date in zip(claim_figures, pairs, dated, strict=True):
        if on_date or pair.status not in (NumberStatus.DIFFERENT_THING, NumberStatus.UNIT_MISMATCH):
            continue
        passage = by_start.get(pair.passage_start) if pair.passage_start is not None else None
        nouns = [(figure.measured or "").lower() for figure in (claim, passage) if figure is not None]
        if len(nouns) < 2 or any(not noun or noun in GENERIC_NOUNS for noun in nouns) or same_counted(*nouns):
            return overall(others)
    return status


def without_unmet_dates(claim_figures: list[Figure], pairs: tuple[FigurePair, ...]) -> tuple[FigurePair, ...]:
    """The pairs without those of a year or month a time word gives that met nothing in the passage: no figure of
    the claim's to list ("The source gives no figure to compare with the claim's August")."""
    return tuple(
        pair
        for figure, pair in zip(claim_figures, pairs, strict=True)
        if not (figure.family.endswith(f":{DATED}") and pair.status is NumberStatus.NO_NUMBERS)
    )


def event_year_pair(
    claim: Figure,
    passage: list[Figure],
    frames: PairedFrames | None,
    grounded: Callable[[Figure, Figure, PairedFrames | None], bool],
) -> FigurePair:
    """The year or month of an event against the same event's in the passage: the same one confirms it (tied to it
    when `grounded` says more than the value ties them); another is shown as a reason, not decided on."""
    if claim.family.endswith(f":{DATED}"):  # what happened is told by the words next to the year or month
        kind = date_kind(claim.family)
        same_event = [
            p for p in passage if date_kind(p.family) == kind and frames is not None and frames.shared(claim, p)
        ]
    else:
        same_event = [p for p in passage if p.family == claim.family]
    if not same_event:
        return made_pair(claim, None, NumberStatus.NO_NUMBERS)
    agreeing = next((p for p in same_event if p.low == claim.low and not _years_differ(p.surface, claim.surface)), None)
    if agreeing is not None:
        return made_pair(claim, agreeing, NumberStatus.MATCH, grounded(claim, agreeing, frames))
    other = same_event[0]
    what = "month" if claim.family.startswith(EVENT_MONTH) else "year"
    slip = next((p for p in same_event if _digits_reordered(p.surface, claim.surface)), None)
    if slip is not None and not claim.family.endswith(f":{DATED}"):
        # "built in 1648" against "The row was built in 1684": one year of one event, miscopied
        return with_reason(
            made_pair(claim, slip, NumberStatus.MISMATCH, grounded(claim, slip, frames)),
            f"The source gives the year as {slip.surface}, the claim {claim.surface}: the same digits in another "
            "order (a likely slip in copying the year).",
        )
    told = next((p for p in same_event if frames is not None and _told_alike(claim, p, frames)), None)
    if told is not None:
        # "a Leyland built in 1929" against "A Leyland built in 1927": one thing's year, told in the same words
        return with_reason(
            made_pair(claim, told, NumberStatus.MISMATCH, True),
            f"The source gives the {what} as {told.surface}, the claim {claim.surface}, of the same thing told in the "
            "same words.",
        )
    reason = (
        f"Another {what} for the same event: the source gives {other.surface}, the claim {claim.surface}; a {what} "
        "is shown for reading, not decided on."
    )
    return with_reason(made_pair(claim, other, NumberStatus.DIFFERENT_THING), reason)


# The thing (with the word before it) and the event word right before a year: "a Leyland built in 1929" ("a
# Leyland", "built"); "A second pier opened in 1975" is not "The 300-metre pier opened in 1962".
_THING_AND_EVENT = re.compile(
    r"\b([\w'\u2019-]+\s+[A-Za-z][\w'\u2019-]{2,})\s+(?:(?:was|were)\s+)?([a-z]{4,})\s+in\s+$"
)
_NO_THING = frozenset({"was", "were", "which", "that", "and", "who", "has", "had", "have", "been", "first", "also"})


def _told_alike(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the same thing and the same event word stand right before both years ("a Leyland built in")."""
    at = frames.claim_text.find(claim.surface)
    if at < 0:
        return False
    told = [
        _THING_AND_EVENT.search(text[max(0, start - 50) : start])
        for text, start in ((frames.claim_text, at), (frames.passage_text, passage.start))
    ]
    if told[0] is None or told[1] is None:
        return False
    words = {(m.group(1).casefold(), m.group(2).casefold()) for m in told if m is not None}
    return len(words) == 1 and next(iter(words))[0].split()[-1] not in _NO_THING


def _years_differ(first: str, second: str) -> bool:
    """Both surfaces ("March 2027", "March 2026") write a year, and not the same one."""
    years = [re.findall(r"(?:1[5-9]|20)\d\d", surface) for surface in (first, second)]
    return all(years) and years[0] != years[1]


def _digits_reordered(first: str, second: str) -> bool:
    """Two years written with the same digits in another order ("1684" and "1648", "1878" and "1887")."""
    years = [re.findall(r"(?:1[5-9]|20)\d\d", surface) for surface in (first, second)]
    if not all(len(found) == 1 for found in years):
        return False
    (one,), (other,) = years
    return one != other and sorted(one) == sorted(other)


# A stretch in quotation marks: its words are the quote claim's, compared as a quote (`quotes.py`).
_QUOTATION = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')


def outside_quotations(text: str, figures: list[Figure]) -> list[Figure]:
    """The `figures` of `text` not inside quotation marks ("Every empty slot in January is a bed we may need in
    February," said X: the months are the quote's words, not the sentence's figures)."""
    spans = [(match.start(), match.end()) for match in _QUOTATION.finditer(text)]
    return [figure for figure in figures if not any(low <= figure.start < high for low, high in spans)]
