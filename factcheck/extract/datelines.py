"""The day a story was filed, read from its dateline: "SORRENBY, Dec 2 - ...", "PELLARO, Nov 17 (Meridian Wire) -",
"DRAYBURN, April 2, 2025 (Wire) - ", "VELMOUTH, 16 August (Cinder Press) - " (the day first, as British wires write it),
"OCKERBY (May 9) - " (the day in brackets).

A wire story's figures are those of the day it was filed: a count "so far" on Sunday, an estimate later revised, a
proposal since amended. When an article and a source were filed on different days, a figure of the source that
disagrees with the article's may be the same thing counted on another day rather than a contradiction
(`corroborate/stance.py`). Only the opening lines are read (a headline and a byline may come first); a dateline
without a month and day ("LINDQVIST PASS, Saturday -") names no date and is not read. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Filed", "filed_on", "without_date_lines", "without_dateline", "without_stamp_lines"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "January February March April May June July August September October November December".split()
_MONTH = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'\u2019-]+(?:,[ \t]*[A-Z][\w .'\u2019-]*)?(?:,[ \t]*|[ \t]*(?P<bracket>\())"
    rf"(?:(?P<month>{_MONTH})\.?[ \t]+(?P<day>\d{{1,2}})|(?P<day_first>\d{{1,2}})[ \t]+(?P<month_second>{_MONTH}))"
    r"(?:,?[ \t]*(?P<year>(?:19|20)\d\d))?(?(bracket)\))"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014]"
)
OPENING_CHARS = 600  # a dateline opens the story's first paragraph


@dataclass(frozen=True, slots=True)
class Filed:
    """A dateline's day: month 1-12, day of the month, and the year when the dateline gives one."""

    month: int
    day: int
    year: int | None = None

    def __str__(self) -> str:
        written = f"{_MONTH_NAMES[self.month - 1]} {self.day}"
        return f"{written}, {self.year}" if self.year is not None else written

    def differs(self, other: Filed) -> bool:
        """Another day: another month or day, or another year when both give one."""
        if (self.month, self.day) != (other.month, other.day):
            return True
        return self.year is not None and other.year is not None and self.year != other.year

    def named_in(self, text: str) -> bool:
        """Whether `text` names this day ("Nov 29", "29 November") or, for a dated year, the year ("in 2021")."""
        if self.year is not None and re.search(rf"\b{self.year}\b", text):
            return True
        month = _MONTH_NAMES[self.month - 1]
        written = rf"(?:{month}|{month[:3]}\.?)"
        return bool(
            re.search(rf"\b{written}\s+{self.day}\b|\b{self.day}(?:st|nd|rd|th)?\s+(?:of\s+)?{written}\b", text)
        )


# A news agency's byline line over its story: "BORDERS PRESS AGENCY - 3 December", "Fellside Wire, 7 March 2026",
# "SOUND NEWS AGENCY - June 4": the agency's name, a dash or comma, the day, and nothing else on the line.
_AGENCY_LINE = re.compile(
    r"(?m)^[ \t]*(?=[^\n]*\b(?i:press|wire|newswire|news|agency|service|bureau|dispatch)\b)"
    r"[A-Z][\w.&'\u2019]*(?:[ \t]+(?:[A-Z][\w.&'\u2019]*|&|of|and|the)){0,5}[ \t]*(?:[-\u2013\u2014|]|,)[ \t]*"
    rf"(?:(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month_second>{_MONTH})"
    rf"|(?P<month_first>{_MONTH})\.?[ \t]+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?[ \t]*$"
)


def without_dateline(sentence: str) -> str:
    """`sentence` with a dateline that opens it blanked ("FERNCLIFFE, December 4 (Alpine Press Agency) - The
    glacier retreated ..."), offsets unchanged: the day a story was filed is not a date of the figures it reports."""
    match = _DATELINE.match(sentence)
    return " " * match.end() + sentence[match.end() :] if match else sentence


_DATE_LINE = re.compile(
    # "18 November", "Tuesday, 4 March 2025", "Statement issued 10 March 2026", "News release, 18 November 2026"
    r"(?m)^[ \t]*(?:(?:(?:Statement|Press\s+release|News\s+release)[ \t]+)?(?i:issued|published|released)"
    r"(?:[ \t]+on)?[ \t]+|(?:Statement|Press\s+release|News\s+release)[ \t]*[,:\u2013\u2014-][ \t]*)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH})|(?:{_MONTH})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+(?:19|20)\d\d)?[ \t]*$"
)
# "Issued by the race recorder, Tranmire Bird Club, 10 May 2026.": who issued it, then the day, a full stop after
_ISSUED_BY_LINE = re.compile(
    r"(?m)^[ \t]*(?i:issued|published|released)[ \t]+by[ \t]+[^\n\d]{1,80}?,[ \t]*"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH})|(?:{_MONTH})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+(?:19|20)\d\d)?\.?[ \t]*$"
)

# "The cider barn, Upcott Orchard, Pennock. Saturday 4 October, 5.15 p.m.", "Pennock Village Hall, Monday 31 August
# 2026, 6 p.m.": a transcript's line of where and when it was recorded, a place without figures, then the day and time
_PLACE_AND_TIME_LINE = re.compile(
    r"(?m)^[ \t]*[A-Z][^\n\d]{2,120}?[.,][ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH})|(?:{_MONTH})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+(?:19|20)\d\d)?,[ \t]+\d{1,2}(?:[.:]\d\d)?[ \t]*(?:a\.m\.|p\.m\.|am|pm)\.?[ \t]*$"
)


# A document's stamp: a line naming where it was made or who made it (no figure of its own), then its day, and
# perhaps its year and time: "Quillhaven Pavilion, Sunday 13 September 2026, 17:40", "Compiled by the results desk,
# 13 September 2026.", "Source: County Fencing Union results office, 18 October 2026.", "Statement on the closure,
# 6 April". It dates the document (a briefing's stamp is the briefing's day and hour), not the events it reports. A
# sentence may end the same way ("The show runs for three days from Friday, October 9."), so a full stop ends a stamp
# only after a time of day or in a line that opens by saying who made or gave it.
_STAMP_DAY = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTH})|(?:{_MONTH})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?[ \t]+(?:19|20)\d\d)?"
)
_STAMP_TIME = r",?[ \t]+(?:at[ \t]+)?\d{1,2}(?:[.:]\d\d)?[ \t]*(?:a\.m\.|p\.m\.|am|pm)?"
_STAMP_LINE = re.compile(
    r"(?m)^[ \t]*(?:"
    # who made or gave it: "Compiled by ...", "Source: ...", "Prepared by ...", "Figures from ..."
    r"(?:Compiled|Prepared|Published|Issued|Presented|Supplied|Produced|Source|Sources|Figures|Data|Note)\b"
    rf"[^\n\d]{{0,120}}?[.,:][ \t]+{_STAMP_DAY}(?:{_STAMP_TIME})?\.?"
    # "Recorded Monday 22 February 2027, 11:30, at Hobbenhurst Wood": when and where a transcript was recorded
    rf"|Recorded[ \t]+(?:on[ \t]+)?{_STAMP_DAY}(?:{_STAMP_TIME})?(?:,?[ \t]+(?:at|in)[ \t]+[A-Z][^\n\d]{{0,80}})?\.?"
    # "Sunday 27 July, 6.30 p.m.": a day and a time of day, alone on their line
    rf"|{_STAMP_DAY}{_STAMP_TIME}\.?"
    # or a place or a title, then the day and perhaps the time, with no full stop after the day
    rf"|[A-Z][^\n\d]{{2,120}}?[.,:][ \t]+{_STAMP_DAY}(?:{_STAMP_TIME}\.?)?"
    r")[ \t]*$"
)


def without_stamp_lines(text: str) -> str:
    """`text` with every line that is only a document's stamp blanked (its place or maker, then its day and time,
    as well as the lines `without_date_lines` blanks), offsets unchanged."""
    return _STAMP_LINE.sub(lambda match: " " * len(match.group(0)), without_date_lines(text))


def without_date_lines(text: str) -> str:
    """`text` with every line that is a date and nothing else blanked ("18 November" above a statement, "Issued by
    ..., 10 May 2026.", a transcript's "Pennock Village Hall, Monday 31 August 2026, 6 p.m."), offsets unchanged:
    the day a statement was issued, like a story's dateline, is not a date of its figures."""
    blank = text
    for pattern in (_DATE_LINE, _ISSUED_BY_LINE, _PLACE_AND_TIME_LINE):
        blank = pattern.sub(lambda match: " " * len(match.group(0)), blank)
    return blank


def filed_on(text: str) -> Filed | None:
    """The day the dateline at the opening of `text` gives, or None (no dateline, or one without a date)."""
    if not isinstance(text, str):
        return None
    return _filed_on_opening(text[:OPENING_CHARS])


@lru_cache(maxsize=1024)
def _filed_on_opening(opening: str) -> Filed | None:
    """`filed_on` of a text's opening (cached on the opening alone: a document is read for each of its passages,
    and a cache keyed on whole documents would keep them all in memory)."""
    dateline, byline = _DATELINE.search(opening), _AGENCY_LINE.search(opening)
    if dateline is not None and (byline is None or dateline.start() < byline.start()):
        day = dateline["day"] or dateline["day_first"]
        month, year = dateline["month"] or dateline["month_second"], dateline["year"]
    elif byline is not None:
        day = byline["day_first"] or byline["day_second"]
        month = byline["month_second"] or byline["month_first"]
        year = byline["year"]
    else:
        return None
    if not 1 <= int(day) <= 31:
        return None
    return Filed(_MONTHS[month.lower()], int(day), int(year) if year else None)
