"""Neighbouring figures read as one: ranges, shares ("one in five"), "5 dollars 50 cents", "5 ft 2 in", conversions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.figures.numeral_type import SPACE, Numeral
from factcheck.extract.figures.units import dimension_of
from factcheck.extract.figures.vocabulary import FUNCTION_WORDS
from factcheck.extract.values import Qualifier

_S = SPACE
_RANGE_GAP = re.compile(r"\s*([-–—‒]|-?\s+to|\s+through|\s+and|\s+or)\s+|\s*([-–—‒])\s*", re.IGNORECASE)
# "one in five", "three out of four", and with a singular noun between, "one job in ten", "one adult in three"
_SHARE_GAP = re.compile(r"\s+([a-z]*[a-rt-z]\s+)?(?:in|out\s+of)\s+(?:(?:every|the)\s+)?", re.IGNORECASE)
_OVER_GAP = re.compile(rf"{_S}+over{_S}+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CHANGE_BEFORE_FROM = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|increas\w*|gr[eo]w\w*|fall\w*|fell|drop\w*|declin\w*|cut\w*|reduc\w*"
    r"|jump\w*|climb\w*|soar\w*|plung\w*|plummet\w*|went|go(?:es|ne)?|up|down|chang\w*|rais\w*|lower\w*"
    r"|boost\w*|slash\w*|expand\w*|shr[ua]nk\w*|doubl\w*|halv\w*|mov\w*|shift\w*|improv\w*|swell\w*|swollen"
    r"|surg\w*|tumbl\w*|slipp?\w*|dipp?\w*|edg\w*|hik\w*|lift\w*|narrow\w*|widen\w*)\b[^.;:!?]{0,40}$",
    re.IGNORECASE,
)
_CONVERSION_OPEN = re.compile(
    r"\s*\(\s*(?:(?:about|approximately|approx\.|roughly|around|some|or|c\.|circa|nearly|almost)\s+)?$",
    re.IGNORECASE,
)
_CONVERSION_CLOSE = re.compile(r"\s*\)")
_SUBUNIT_GAP = re.compile(rf"{_S}+(?:and{_S}+)?|{_S}*,{_S}*", re.IGNORECASE)
_NEXT_WORD = re.compile(rf"{_S}+([A-Za-z][A-Za-z'’-]*)")
_INCH_AFTER = re.compile(rf"{_S}+in\b")
_SECONDS_AFTER = re.compile(rf"{_S}*,?{_S}*(?:and{_S}+)?[\w.]+{_S}+(?:seconds?|secs?)\b", re.IGNORECASE)
_HOURS_BEFORE = re.compile(rf"\b(?:hours?|hrs?|h){_S}*,?{_S}*(?:and{_S}+)?$", re.IGNORECASE)
# After "2 in", these start the phrase "in ..." ("5 ft 2 in the morning"), so "in" is not inches there.
_IN_PHRASE = frozenset("the a an his her their its this that my our your each every all total".split())
_NO_CENTS = frozenset({"JPY", "KRW", "cent", "GBX"})  # currencies without hundredths, and the subunits themselves


@dataclass(slots=True)
class Figure:
    """A figure while it is being read; becomes a `Quantity`."""

    start: int
    end: int
    value: float | None
    numeral: Numeral
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    measured: str | None = None
    year: bool = False
    bare_one: bool = False
    qualifier: Qualifier | None = None
    conversion_of: str | None = None
    unit_written_after: bool = False


DROP = object()  # a pair that cancels out, like the score "3-3"


def combine(text: str, figures: list[Figure]) -> list[Figure]:
    """Join neighbouring figures that form one: shares ("one in five", "one over three"), ranges ("5 to 10 km"),
    money with its hundredths ("15 dollars and 50 cents", "17 USD 25"), feet with inches ("5 ft 2 in") and hours with
    minutes ("5 h 50 min", "three hours and 35 minutes")."""
    combined: list[Figure] = []
    index = 0
    while index < len(figures):
        if index + 1 < len(figures):
            first, second = figures[index], figures[index + 1]
            gap = text[first.end : second.start]
            joined = (
                _share(text, first, second, gap)
                or _range(text, first, second, gap)
                or _with_hundredths(text, first, second, gap)
                or _feet_and_inches(text, first, second, gap)
                or _hours_and_minutes(text, first, second, gap)
                or _minutes_and_seconds(text, first, second, gap)
            )
            if joined is not None:
                if joined is not DROP:
                    combined.append(joined)
                index += 2
                continue
        combined.append(figures[index])
        index += 1
    return combined


# Between figures of one list: a comma, "and" or "or" ("12, 15 and 19 cm", "by 1.4 and 2.2 degrees").
_LIST_GAP = re.compile(r"[ ]*(?:,|,?[ ]+(?:and|or))[ ]+")


def share_listed_units(text: str, figures: list[Figure]) -> None:
    """A unit written once after the last figure of a list is each figure's ("rose by 3.5 and 4.1 percent", "12,
    15 and 19 cm"): a bare number followed only by a list joiner and a figure with a unit written after it takes
    that unit, read from the end so the whole list does. ", and" joins a list only after an earlier comma ("12,
    15, and 19 cm"; "It cost 40, and 12 km of road were closed" is two clauses); a comma alone only inside a list
    that goes on to its unit."""
    listed: set[int] = set()  # figures that took their unit from the list's end
    for index in range(len(figures) - 2, -1, -1):
        first, second = figures[index], figures[index + 1]
        if not _plain(first) or first.measured or second.unit in (None, "fraction") or second.year:
            continue
        gap = _LIST_GAP.fullmatch(text, first.end, second.start)
        if gap is None:
            continue
        joiner = gap.group().strip()
        if joiner == ",":
            if index + 1 not in listed:
                continue
        elif not text[second.numeral.end : second.end].strip():
            continue  # the unit is a sign before the number ("5 and $10"): it is not written once for both
        elif joiner.startswith(",") and not (
            index > 0 and _LIST_GAP.fullmatch(text, figures[index - 1].end, first.start) is not None
        ):
            continue
        first.unit = second.unit
        listed.add(index)


def link_conversions(text: str, figures: list[Figure]) -> None:
    """Mark "(50 miles)" after "80 km" as a conversion of it, sharing its qualifier."""
    for first, second in zip(figures, figures[1:], strict=False):
        if first.unit in (None, "fraction") or second.unit is None:
            continue
        if dimension_of(first.unit) != dimension_of(second.unit):
            continue
        opens = _CONVERSION_OPEN.match(text, first.end, second.start)
        if opens and _CONVERSION_CLOSE.match(text, second.end):
            second.conversion_of = text[first.start : first.end]
            second.qualifier = second.qualifier or first.qualifier


def _plain(figure: Figure) -> bool:
    return figure.unit is None and not figure.year and figure.value is not None


def _share(text: str, first: Figure, second: Figure, gap: str) -> Figure | None:
    """ "one in five", "three out of four"; "one over three" when nothing is counted after it (a fraction is
    smaller than one: "120 over 80" is a blood pressure)."""
    if first.value is None or second.value is None:  # _plain checks it too; said again so the types narrow
        return None
    if _plain(first) and _in_every_measure(first, second, gap):
        # "about one in four litres it puts into supply": a share of what the unit measures
        measured = text[second.numeral.end : second.end].strip()
        return Figure(first.start, second.end, first.value / second.value, first.numeral, "fraction", measured=measured)
    if not (_plain(first) and _plain(second) and 0 < abs(first.value) < second.value):
        return None
    over = _OVER_GAP.fullmatch(gap) and not _counts_something(text, second.end)
    share = _SHARE_GAP.fullmatch(gap)
    if share and share.group(1) and _counts_something(text, second.end):
        return None  # "two people in 12 hospitals", "one goal in 12 games": two counts, not a share
    if not (share or over):
        return None
    return Figure(first.start, second.end, first.value / second.value, first.numeral, unit="fraction")


def _in_every_measure(first: Figure, second: Figure, gap: str) -> bool:
    """ "one in four litres", "one in every five pounds": a whole number in a larger amount of water, weight or
    money, joined by "in" alone."""
    if first.value is None or second.value is None or not 0 < first.value < second.value:
        return False
    share = _SHARE_GAP.fullmatch(gap)
    return bool(share and not share.group(1)) and dimension_of(second.unit) in ("volume", "mass", "currency")


def _range(text: str, first: Figure, second: Figure, gap: str):
    match = _RANGE_GAP.fullmatch(gap)
    if match is None or first.value is None or second.value is None:
        return None
    joiner = " ".join((match.group(1) or match.group(2)).split()).lower()
    dash = joiner in ("-", "–", "—", "‒")
    between = _BETWEEN.search(text, max(0, first.start - 10), first.start)
    if (joiner == "and" and not between) or (between and joiner not in ("and", "to", "-", "–")):
        return None  # "44 and 50 mg" is two figures; "between" takes "and", "to" or a dash
    if joiner.endswith("to"):
        opener = _FROM.search(text, max(0, first.start - 8), first.start)
        if opener and _CHANGE_BEFORE_FROM.search(text, max(0, opener.start() - 60), opener.start()):
            return None  # "rose from 5 to 10": a change, two figures
    if first.unit and second.unit and first.unit != second.unit:
        return None
    if joiner.endswith("to") and first.unit and not second.unit and not _prefixed_currency(text, first):
        # "rose by 14 percent to 187": a change and the level it reached; a range names its unit last, but for a
        # currency sign, which stands first ("$5 to 10 million")
        return None
    if dash and first.year and second.numeral.plain_integer and second.end - second.start == 2:
        century = first.value - first.value % 100  # "2014-15", "1939-45": spans of years
        if first.value < century + second.value:
            return Figure(
                first.start, second.end, None, first.numeral, low=first.value, high=century + second.value, year=True
            )
    low, high = first.value, second.value
    if first.numeral.scale == 1.0 and second.numeral.scale > 1.0 and low < high / second.numeral.scale:
        low *= second.numeral.scale  # "5 to 10 million": the scale word covers both
    if low > high and (between or high < 0):
        low, high = high, low
    if low >= high:
        return DROP if dash and low == high else None  # "3-3" is a score; "28-8" a vote of two counts
    if joiner == "or" and high > 10 * max(low, 1.0):
        return None  # "two or three" is a range; "10 bln or 10 tln" a choice between two figures
    start = between.start() if between else first.start
    unit = first.unit or second.unit
    return Figure(
        start,
        second.end,
        None,
        second.numeral,
        unit=unit,
        low=low,
        high=high,
        year=first.year and second.year,
        measured=second.measured,
    )


def _prefixed_currency(text: str, figure: Figure) -> bool:
    """The figure's unit is a currency sign or code written before its number ("$5", "£1.2", "EUR 40")."""
    return bool(figure.unit and figure.unit.isupper() and not text[figure.start : figure.start + 1].isdigit())


def _with_hundredths(text: str, first: Figure, second: Figure, gap: str) -> Figure | None:
    """ "15 dollars and 50 cents", "thirteen dollars forty-five", "17 USD 25": one sum of money."""
    if first.value is None or not first.value.is_integer() or first.unit in _NO_CENTS:
        return None
    if dimension_of(first.unit) != "currency" or not first.unit_written_after or not _SUBUNIT_GAP.fullmatch(gap):
        return None
    if second.value is None or not second.value.is_integer() or not 1 <= second.value < 100:
        return None
    # A bare number after the money is its cents only when it counts nothing: "15 dollars and 20 people".
    bare = second.unit is None and not second.year and not _counts_something(text, second.end)
    if not (bare or second.unit in ("cent", "GBX")):
        return None
    return Figure(
        first.start,
        second.end,
        first.value + second.value / 100,
        first.numeral,
        unit=first.unit,
        unit_written_after=True,
    )


def _feet_and_inches(text: str, first: Figure, second: Figure, gap: str) -> Figure | None:
    """ "5 feet 2 inches", "5 ft and 2 in": a height in feet. A lone "in" is inches only here, after feet, and
    not when it opens a phrase ("5 ft 2 in the morning")."""
    if first.unit != "foot" or first.value is None or second.value is None or not _SUBUNIT_GAP.fullmatch(gap):
        return None
    end = second.end
    if second.unit is None and (inches := _INCH_AFTER.match(text, second.end)):
        following = _NEXT_WORD.match(text, inches.end())
        if following and (following[1].lower() in _IN_PHRASE or following[1][0].isupper()):
            return None
        end = inches.end()
    elif second.unit != "inch":
        return None
    if not 0 <= second.value < 12:
        return None
    return Figure(first.start, end, first.value + second.value / 12, first.numeral, unit="foot")


def _hours_and_minutes(text: str, first: Figure, second: Figure, gap: str) -> Figure | None:
    """ "5 h 50 min", "three hours and 35 minutes", "two hours fifteen": one duration, in hours (not when seconds
    follow: "9 hours, 41 minutes and 27 seconds" is read part by part, as a clock's "9:41:27" is)."""
    if first.unit != "hour" or first.value is None or second.value is None:
        return None
    if _bare_minutes(text, first, second, gap):  # "two hours fifteen with the interval"
        return Figure(first.start, second.end, first.value + second.value / 60, first.numeral, unit="hour")
    if second.unit != "minute":
        return None
    if _SECONDS_AFTER.match(text, second.end):
        return None
    if not _SUBUNIT_GAP.fullmatch(gap) or not 0 < second.value < 60 or first.low is not None:
        return None
    return Figure(first.start, second.end, first.value + second.value / 60, first.numeral, unit="hour")


def _minutes_and_seconds(text: str, first: Figure, second: Figure, gap: str) -> Figure | None:
    """ "38 minutes 12 seconds", "1 minute and 24.6 seconds": one duration, in seconds (a race time), unless hours
    come before them ("9 hours, 41 minutes and 27 seconds" is read part by part)."""
    if first.unit != "minute" or second.unit != "second" or first.value is None or second.value is None:
        return None
    if not _SUBUNIT_GAP.fullmatch(gap) or not 0 <= second.value < 60 or first.low is not None or second.low is not None:
        return None
    if _HOURS_BEFORE.search(text, max(0, first.start - 30), first.start):
        return None
    return Figure(first.start, second.end, first.value * 60 + second.value, first.numeral, unit="second")


def _bare_minutes(text: str, first: Figure, second: Figure, gap: str) -> bool:
    """A bare whole number under 60 right after a number of hours, counting nothing: its minutes."""
    if second.unit is not None or second.year or second.value is None or not first.unit_written_after:
        return False
    in_range = second.value.is_integer() and 0 < second.value < 60
    return in_range and gap.strip(" ") == "" and not _counts_something(text, second.end)


def _counts_something(text: str, position: int) -> bool:
    following = _NEXT_WORD.match(text, position)
    return following is not None and following[1].lower() not in FUNCTION_WORDS
