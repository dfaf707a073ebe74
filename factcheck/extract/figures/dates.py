"""Spans whose digits are not figures: dates, clock times, addresses, citations, list numbers; dates as
`Quantity`s."""

from __future__ import annotations

import re

from factcheck.extract.figures.number_words import words_to_number
from factcheck.extract.figures.numerals import SLASH_DENOMINATORS
from factcheck.extract.figures.vocabulary import QUALIFIER_BEFORE, QUALIFIER_WORDS
from factcheck.extract.values import Qualifier, Quantity

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}(?![\w'’])"
# No leading \b: a pattern that starts with a literal scans faster (the boundary is checked in code), and the
# digit-led patterns are only tried where a number starts.
_MONTH_DATE_RE = re.compile(
    rf"{_MONTH}(?:\s+{_DAY}(?:\s*[-–]\s*{_DAY})?(?![\w])(?:,?\s+{_YEAR})?|,?\s+{_YEAR})|AD\s?\d{{1,4}}\b"
)
_DIGIT_DATE_RE = re.compile(
    rf"""{_DAY}(?:\s*[-–]\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?(?![\w])
  | \d{{4}}-\d{{2}}-\d{{2}}(?!\d) | \d{{1,2}}/\d{{1,2}}/\d{{2,4}}(?!\d) | (?:1[0-9]|20)\d0['’]?s\b
  | \d{{1,4}}\s?(?:BC|BCE|AD|CE)\b""",
    re.VERBOSE,
)
_DAY_MONTH_RE = re.compile(r"([1-9]|1[0-2])/([1-9]|[12]\d|3[01])(?![\d/])")
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|PST|PDT|ET|PT|IST)\b"
_TIME_RE = re.compile(
    rf"""\d{{1,2}}(?:(?:[:.]\d{{2}})?\s?(?:[ap]\.m\.?|[AP]\.M\.?|[ap]m|[AP]M)(?![\w])
  | (?:[:.]?\d{{2}})?\s?{_ZONE} | :\d{{2}}(?::\d{{2}})?(?!\d) | \s?o['’]clock\b)""",
    re.VERBOSE,
)
_DIGIT_RUN = re.compile(r"\d+")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL_DOMAIN = re.compile(r"@[\w-]+\.[\w.]+")
_YEAR_IN_DATE = re.compile(r"(?<!\d)\d{4}(?!\d)")
_CITATION = re.compile(r"\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\]")
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(\d{1,2}[.)])[ \t]+(?=\S)")


def find_date_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of dates written with a month name or in numbers, decades and era years.

    Bare years ("in 2015") need the words around them and are told apart from counts in `quantities.py`.
    """
    spans = [match.span() for match in _MONTH_DATE_RE.finditer(text) if not _word_before(text, match.start())]
    for start in _number_starts(text):
        if match := _DIGIT_DATE_RE.match(text, start):
            spans.append(match.span())
        elif (match := _DAY_MONTH_RE.match(text, start)) and text[start - 1 : start] not in ("/", "."):
            top, bottom = int(match[1]), int(match[2])
            if not (bottom in SLASH_DENOMINATORS and top < bottom):  # "9/11" is a date, "1/4" a fraction
                spans.append(match.span())
    return first_of_overlapping(spans)


def find_time_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of clock times: "10 a.m.", "2.30pm", "14:00", "0900 GMT", "5 o'clock"."""
    starts = _number_starts(text)
    return first_of_overlapping([match.span() for start in starts if (match := _TIME_RE.match(text, start))])


def find_link_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of web and e-mail addresses, whose digits are not figures ("?id=2020", "%20")."""
    spans = [match.span() for match in _WEB_ADDRESS.finditer(text)] if "://" in text or "www." in text else []
    for match in _EMAIL_DOMAIN.finditer(text) if "@" in text else ():
        start = match.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._+-"):
            start -= 1
        if start < match.start():
            spans.append((start, match.end()))
    # A sentence may end right after an address: its last full stop or bracket is not part of it.
    return [(start, len(text[start:end].rstrip(".,;:!?)]'\"”’")) + start) for start, end in spans]


def find_citation_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of numbered references in brackets: "[12]", "[12,48]", "[4-7]"."""
    return [match.span() for match in _CITATION.finditer(text)] if "[" in text else []


def find_list_number_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of the numbers of a numbered list at a line's start ("5. **Meals paid for**", "2) Waste"):
    an item's place in a list, not a figure."""
    return [match.span(1) for match in _LIST_NUMBER.finditer(text)]


def first_of_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, without those overlapping one kept before (the earliest, then longest, wins)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


_MONTH_NUMBERS = {
    name: number for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)
}
_DAY_OF_MONTH = re.compile(r"(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?(?![\d:])")
_MONTH_WORD = re.compile(r"[A-Z][a-z]{2,8}")
# A dateline opens a wire story with its place and day ("PORT CORVENA, Nov 9 - "): the day it was filed, not a
# date the story claims anything about.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .'\u2019-]+(?:,\s*[A-Z][\w .'\u2019-]*)?(?:\s*\([^)\n]*\))?,\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:[-\u2013\u2014]|\([^)\n]*\))")
CALENDAR_DAY = "calendar_day"
CLOCK_TIME = "clock_time"
# "shortly after 4 a.m." is a bound on the time: later than 04:00, not 03:40.
_CLOCK_BOUND_BEFORE = re.compile(r"(?<![\w])(?:(?:shortly|just|soon|right)\s+)?(after|before)\s+$", re.IGNORECASE)
_CLOCK_PARTS = re.compile(r"(\d{1,2})(?:[:.]?(\d{2}))?(?::\d{2})?\s?(?:([AaPp])\.?\s?[Mm]\.?)?")


def find_calendar_days(text: str) -> list[Quantity]:
    """Dates that name a day of a month ("Nov. 9", "9 November", "June 14, 2026") as figures to compare: `unit`
    "calendar_day", dimension "date", `value` month * 100 + day (a year, when written, is left aside: an article
    often leaves it out). Ranges, month-only dates and a wire story's dateline are not read."""
    days = []
    for start, end in find_date_spans(text):
        surface = text[start:end]
        if "-" in surface or "\u2013" in surface:
            continue
        month_word = _MONTH_WORD.search(surface)
        day = next((m for m in _DAY_OF_MONTH.finditer(surface) if len(m.group(1)) <= 2), None)
        month = _MONTH_NUMBERS.get(month_word.group(0)[:3].lower()) if month_word else None
        if month is None or day is None or not 1 <= int(day.group(1)) <= 31:
            continue
        if _DATELINE_BEFORE.search(text, max(0, start - 60), start) and _DATELINE_AFTER.match(text, end):
            continue
        if surface.endswith("."):  # "on 14 June." : the full stop ends the sentence
            surface, end = surface[:-1], end - 1
        value = float(month * 100 + int(day.group(1)))
        days.append(Quantity(surface, start, end, value, unit=CALENDAR_DAY, dimension="date"))
    return days


_UNITS_ORDINAL = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORDINAL_DAYS = {word: day for day, word in enumerate(_UNITS_ORDINAL, start=1)}
_ORDINAL_DAYS.update(
    {
        word: day
        for day, word in enumerate(
            "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
            " twentieth".split(),
            start=10,
        )
    }
)
_ORDINAL_DAYS.update({f"twenty-{word}": 20 + day for day, word in enumerate(_UNITS_ORDINAL, start=1)})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty-first": 31})
# "the fifth of August": a day of a month in words, as a speaker says it.
_WORDED_DAY = re.compile(
    r"\bthe\s+(" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + r")\s+of\s+([A-Z][a-z]{2,8})\b",
    re.IGNORECASE,
)


def _worded_days(text: str) -> list[Quantity]:
    days = []
    for match in _WORDED_DAY.finditer(text):
        month = _MONTH_NUMBERS.get(match.group(2)[:3].lower()) if match.group(2)[0].isupper() else None
        if month is not None:
            value = float(month * 100 + _ORDINAL_DAYS[match.group(1).lower()])
            days.append(Quantity(match.group(0), match.start(), match.end(), value, CALENDAR_DAY, "date"))
    return days


def find_clock_times(text: str) -> list[Quantity]:
    """Times of day ("2.17 a.m.", "02:17", "9 p.m.", "21:00", "0900 GMT") as figures to compare: `unit`
    "clock_time", dimension "time", `value` the minutes after midnight, so "at 2.17 a.m." and "at 02:17" are the
    same figure and "8 p.m." is "20:00". A time with seconds ("2:05:41") is an elapsed time (`quantities.py`)."""
    times = []
    for start, end in find_time_spans(text):
        surface = text[start:end]
        if surface.count(":") > 1 or "clock" in surface:
            continue
        if ":" in surface and re.match(r"\.\d", text[end : end + 2]):
            continue  # "1:31.9": minutes, seconds and tenths, a race time (`quantities.py`)
        parts = _CLOCK_PARTS.match(surface)
        if parts is None:
            continue
        hour, minute = int(parts.group(1)), int(parts.group(2) or 0)
        meridiem = (parts.group(3) or "").lower()
        if meridiem and not 1 <= hour <= 12:
            continue
        if meridiem:
            hour = hour % 12 + (12 if meridiem == "p" else 0)
        if hour > 23 or minute > 59:
            continue
        qualifier = _clock_qualifier(text, start)
        value = float(hour * 60 + minute)
        times.append(Quantity(surface, start, end, value, CLOCK_TIME, "time", qualifier))
    return times


def _clock_qualifier(text: str, start: int) -> Qualifier | None:
    """ "about 5:30 a.m." is approximate; "shortly after 4 a.m." later than 04:00, "before 8 p.m." earlier."""
    bound = _CLOCK_BOUND_BEFORE.search(text, max(0, start - 20), start)
    if bound:
        return Qualifier.MORE_THAN if bound.group(1).lower() == "after" else Qualifier.LESS_THAN
    before = QUALIFIER_BEFORE.search(text, max(0, start - 25), start)
    if before:
        qualifier = QUALIFIER_WORDS[" ".join(before.group(1).lower().split())]
        return qualifier if qualifier is Qualifier.APPROXIMATELY else None
    return None


# Times of day told in words (shared with `corroborate/spoken_times.py`, which reads a source's): "a quarter past
# two", "half past nine", "twenty to three", "two minutes past eight", "five to four".
SPOKEN_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
SPOKEN_MINUTES = (
    "twenty-(?:one|two|three|four|five|six|seven|eight|nine)|twenty|nineteen|eighteen|seventeen|sixteen|fourteen"
    "|thirteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one"
)
PAST_OR_TO = re.compile(
    rf"\b(?:(?:a\s+)?(?P<quarter>quarter)|(?P<half>half)|(?P<minutes>{SPOKEN_MINUTES})(?:\s+minutes?)?)"
    rf"\s+(?P<way>past|to)\s+(?P<hour>{SPOKEN_HOURS}|midnight|noon|midday)\b",
    re.IGNORECASE,
)
# the half of the day said after a spoken time: "half past ten at night", "a quarter to nine in the morning"
_PART_OF_DAY = re.compile(
    r"\s+(?:(?:in\s+the|this|that|on\s+\w+)\s+(?P<early>morning)|(?:in\s+the|this|that)\s+(?:afternoon|evening)"
    r"|at\s+night|tonight)\b",
    re.IGNORECASE,
)
_AT_BEFORE = re.compile(r"\b(?:at|by|until|till)\s+$", re.IGNORECASE)
SPOKEN_UNSURE = "spoken"  # the `dimension` of a spoken time whose words do not say which half of the day it is in


def find_spoken_clock_times(text: str) -> list[Quantity]:
    """Times of day an article tells in words ("at half past seven", "a quarter to nine in the morning") as clock
    times, in minutes after midnight. One whose words do not say which half of the day it is in takes its reading
    before noon and the dimension `SPOKEN_UNSURE`: a comparison reads it as either half, whichever a source's time
    gives to the minute, and as neither when none does (`corroborate/figure_readings.py`)."""
    if " past " not in text and " to " not in text:
        return []
    times = []
    for match in PAST_OR_TO.finditer(text):
        told_to = match.group("way").lower() == "to" and not match.group("quarter")
        if (
            told_to
            and "minute" not in match.group(0).lower()
            and not _AT_BEFORE.search(text[max(0, match.start() - 8) : match.start()])
        ):
            continue  # "three to four weeks", "four to six months": a range; "at ten to four" is a time
        hour_word = match.group("hour").lower()
        minutes = (
            15
            if match.group("quarter")
            else 30
            if match.group("half")
            else int(words_to_number(match.group("minutes") or "") or 0)
        )
        named = {"midnight": 0, "noon": 12, "midday": 12}.get(hour_word)
        hour = int(words_to_number(hour_word) or 0) if named is None else named
        if match.group("way").lower() == "to":
            hour, minutes = hour - 1, 60 - minutes
        value = float((hour % 24 if named is not None else hour % 12) * 60 + minutes)
        part = _PART_OF_DAY.match(text, match.end())
        end, dimension = match.end(), "time"
        if part is not None:
            end = part.end()
            value += 0.0 if part.group("early") or re.search(r"night", part.group(0)) and hour < 6 else 720.0
        elif named is None:
            dimension = SPOKEN_UNSURE
        times.append(Quantity(text[match.start() : end], match.start(), end, value % 1440, CLOCK_TIME, dimension))
    return times


def find_days_and_times(text: str) -> list[Quantity]:
    """The days of a month and the times of day of `text` (`find_calendar_days`, "the fifth of August",
    `find_clock_times`), in order: compared like figures, though they are not quantities. A range of days in one
    month gives both days (`_range_partners`)."""
    days = find_calendar_days(text) + _worded_days(text)
    found = days + _range_partners(text, days) + find_clock_times(text)
    return sorted(found, key=lambda quantity: quantity.start)


# The other end of a range of days in one month, told once: "August 13 to 15" (after the day), "13 to 15 August"
# and "the thirteenth to the fifteenth of August" (before it). "and" only where nothing else can be meant: before a
# year or the end of the clause ("June 19 and 20, 2027", "June 19 and 20, the club said"), or with weekdays
# ("Friday 12 and Saturday 13 June"); not "on May 8 and 10 people ...".
_RANGE_WORD = r"\s*(?:to|until|through|-|\u2013)\s*"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PARTNER_AFTER = re.compile(
    _RANGE_WORD + r"(\d{1,2})(?:st|nd|rd|th)?\b(?![,.:]?\d|\s*(?:%|percent|per\s*cent|[a-z]+s\b|[A-Z][a-z]))"
    r"|\s+and\s+(\d{1,2})(?:st|nd|rd|th)?(?=,?\s+(?:19|20)\d\d\b|\s*[.;),]|\s*$)"
)
_PARTNER_BEFORE = re.compile(
    r"(?<![\d,.:])\b(\d{1,2})(?:st|nd|rd|th)?" + _RANGE_WORD + r"$"
    rf"|\b{_WEEKDAY},?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+and\s+{_WEEKDAY},?\s+$"
)
_WORDED_PARTNER_BEFORE = re.compile(
    r"\bthe\s+(" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + r")" + _RANGE_WORD + r"$",
    re.IGNORECASE,
)


# a digit then a range word: the cheap test before ranges are looked for
_RANGE_HINT = re.compile(r"\d\s*(?:to|until|through|-|\u2013|and)\s*(?:the\s+)?\w", re.IGNORECASE)


_ANY_MONTH = re.compile(_MONTH)


def range_partner_spans(text: str) -> list[tuple[int, int]]:
    """Where the other ends of ranges of days stand ("August 13 to 15": the 15), which are no counts. Every day of
    a month names its month, so text without a month name is passed over before the days are read."""
    if not _RANGE_HINT.search(text) or not _ANY_MONTH.search(text):
        return []
    return [(q.start, q.end) for q in _range_partners(text, find_calendar_days(text) + _worded_days(text))]


def range_heads(text: str) -> list[tuple[Quantity, Quantity]]:
    """Each other end of a range of days with the day that names the range's month: ("13", "June 12") of "June 12
    and 13"."""
    return _partnered(text, find_calendar_days(text) + _worded_days(text))


def _range_partners(text: str, days: list[Quantity]) -> list[Quantity]:
    return [partner for partner, _ in _partnered(text, days)]


def _partnered(text: str, days: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    partners = []
    for day in days:
        if day.value is None:
            continue
        month = int(day.value) // 100
        surface = day.surface
        found = None
        if surface[:1].isalpha() and not surface.lower().startswith("the"):  # "August 13"
            after = _PARTNER_AFTER.match(text, day.end)
            if after:
                group = 1 if after.group(1) else 2
                found = (after.start(group), after.end(group), int(after.group(group)))
        else:  # "15 August", "the fifteenth of August"
            pattern = _WORDED_PARTNER_BEFORE if surface.lower().startswith("the") else _PARTNER_BEFORE
            before = pattern.search(text, max(0, day.start - 40), day.start)
            if before:
                group = 2 if before.lastindex == 2 and before.group(2) else 1
                number = before.group(group).lower()
                found = (before.start(group), before.end(group), _ORDINAL_DAYS.get(number) or int(number))
        if found is not None and 1 <= found[2] <= 31 and found[2] != int(day.value) % 100:
            start, end, number = found
            partner = Quantity(text[start:end], start, end, float(month * 100 + number), CALENDAR_DAY, "date")
            partners.append((partner, day))
    return partners


def date_quantity(text: str, start: int, end: int, *, low=None, high=None, dimension: str = "date") -> Quantity:
    """A date (`value` is its year, if written) or a clock time, as a `Quantity` of its own dimension."""
    year = _YEAR_IN_DATE.search(text, start, end) if low is None and dimension == "date" else None
    value = float(year.group()) if year and 1000 <= int(year.group()) <= 2100 else None
    return Quantity(text[start:end], start, end, value, dimension=dimension, low=low, high=high)


def _number_starts(text: str) -> list[int]:
    """Where runs of digits start after a word boundary: the only places a date or a time can start."""
    return [match.start() for match in _DIGIT_RUN.finditer(text) if not _word_before(text, match.start())]


def _word_before(text: str, position: int) -> bool:
    return position > 0 and (text[position - 1].isalnum() or text[position - 1] == "_")
