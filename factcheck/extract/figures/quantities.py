"""Quantities in running text: figures with their units, qualifiers, ranges, conversions, what they count."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable

from factcheck.extract.figures.context import (
    after_label_noun,
    inside_name,
    is_label,
    is_someday,
    looks_like_year,
    measured_noun,
    one_counts,
    qualifier_of,
    sentence_numbers,
)
from factcheck.extract.figures.dates import (
    date_quantity,
    find_citation_spans,
    find_date_spans,
    find_link_spans,
    find_list_number_spans,
    find_time_spans,
    range_partner_spans,
)
from factcheck.extract.figures.joins import Figure, combine, link_conversions, share_listed_units
from factcheck.extract.figures.number_words import find_magnitudes
from factcheck.extract.figures.numerals import Numeral, NumeralKind, find_numerals
from factcheck.extract.figures.unit_spans import read_currency_before, read_unit_after, read_unit_from_words
from factcheck.extract.figures.units import dimension_of
from factcheck.extract.figures.vocabulary import QUALIFIER_BEFORE, QUALIFIER_WORDS
from factcheck.extract.values import Quantity

__all__ = ["QUALIFIER_WORDS", "find_dates", "find_quantities"]


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, in order, with offsets into `text`.

    - A figure is a numeral (`numbers.py`) with a currency sign before it or a unit after it (`units.py`):
      "$4.7 billion", "80 km", "48-hour", "12 per cent", "20 (kg)". `value` is in the unit as written.
    - Fractions of a whole ("half", "two-thirds", "one in five", "three out of four", "1/4", "one over
      three") have unit and dimension "fraction" and a value such as 0.5; followed by a unit they are a value
      in it ("half an hour" -> 0.5 hour). "two and a half" (2.5) and "half a million" (500,000) are plain
      numbers.
    - A count has unit None and dimension "count"; `measured` is the plural noun it counts when the text names
      it ("8,000 remaining residents" -> "residents"), or the noun after "of" ("half of the requests" ->
      "requests").
    - Ranges ("between 5 and 10", "5-10", "5 to 10 km", "two or three") set `low`/`high` with `value` None,
      and so do vague counts ("thousands", "several thousand" -> [2,000, 10,000)). "from X to Y" after a verb
      of change ("rose from 5 to 10") is two figures, not a range.
    - Sums written in two parts are one figure: "15 dollars and 50 cents" (15.5 USD), "5 ft 2 in" (5.17 feet).
    - "80 km (50 miles)": the second figure has `conversion_of="80 km"` and, unless it has its own, the
      first's qualifier.
    - Not figures: dates and times ("July 2016", "12 March", "10 a.m.", "in 2015"; see `find_dates`),
      ordinals, decades, labels ("Resolution 2254", "COVID-19", "page 3", "number one", "Boeing 757", phone
      numbers, web addresses), "one" as a pronoun ("one of the", "no one"; but "one driver" is a count),
      number words in names ("Formula One"), "a"/"an" as an article ("a week later"; but "more than a week" is
      one week with its qualifier).

    Qualifiers are the words in `QUALIFIER_WORDS` before a figure, or "or more", "or so", "+" after it. "over"
    and "under" before a duration qualify it only after words like "for", "in", "took" ("for over three
    years"); alone they mean "during" ("over three years, prices rose").

    Raises:
        TypeError: when `text` is not a str.
    """
    return _analyse(text)[0]


def find_dates(text: str) -> list[Quantity]:
    """Dates in `text` ("July 2016", "12 March", "in 2015", "between 2003 and 2011") with dimension "date".

    `value` is the year when one is written (else None); a span of years has `low`/`high` instead.
    """
    return _analyse(text)[1]


def _analyse(text: str) -> tuple[list[Quantity], list[Quantity]]:
    if not isinstance(text, str):
        raise TypeError(f"expected the text to parse as a str, found {type(text).__name__}")
    date_spans, time_spans = find_date_spans(text), find_time_spans(text)
    elapsed = [match for match in _ELAPSED.finditer(text) if not _after_a_clock_word(text, match.start())]
    elapsed += [
        match
        for match in _MINUTES_SECONDS.finditer(text)
        if (match.group(3) or int(match.group(1)) >= 24) and not _after_a_clock_word(text, match.start())
    ]
    time_spans = [span for span in time_spans if not any(m.start() <= span[0] < m.end() for m in elapsed)]
    blocked = bytearray(len(text))  # 1 inside dates, times, addresses and citations, where no figure may be
    spans = [m.span() for m in elapsed]
    listed = find_list_number_spans(text)
    partners = range_partner_spans(text)  # "August 13 to 15": the 15 is a day, no count
    for start, end in (
        date_spans + time_spans + spans + find_link_spans(text) + find_citation_spans(text) + listed + partners
    ):
        blocked[start:end] = b"\x01" * (end - start)
    figures: list[Figure] = []
    numerals = sorted(find_numerals(text) + _qualified_articles(text), key=lambda numeral: numeral.start)
    for numeral in numerals:
        if any(blocked[numeral.start : numeral.end]):
            continue
        figure = _read_figure(text, numeral)
        if figure and figures and figure.start < figures[-1].end:  # "10 $ 30 cents": the "$" is the first's
            figure = _read_figure(text, numeral, prefix_allowed=False)
        if figure:
            half = _AND_A_HALF.match(text, figure.end) if figure.value == 1.5 else None
            if half is not None:
                figure.end = half.end()  # "a day and a half" is the figure, not "a day"
            figures.append(figure)
    vague = [
        Figure(start, end, None, Numeral(start, end, low, NumeralKind.WORDS), low=low, high=high)
        for start, end, low, high in find_magnitudes(text)
        if not any(blocked[start:end])
    ]
    quantities: list[Figure] = []
    dates = [date_quantity(text, start, end) for start, end in date_spans]
    dates += [date_quantity(text, start, end, dimension="time") for start, end in time_spans]
    ordered = sorted(combine(text, figures) + vague, key=lambda figure: figure.start)
    share_listed_units(text, ordered)
    sentence_of = sentence_numbers(text)
    counts_per_sentence = Counter(
        sentence_of(figure.start) for figure in ordered if figure.unit is None and not figure.year
    )
    for figure in ordered:
        if figure.year:
            dates.append(date_quantity(text, figure.start, figure.end, low=figure.low, high=figure.high))
            continue
        figure.qualifier = qualifier_of(text, figure)
        in_company = figure.bare_one and counts_per_sentence[sentence_of(figure.start)] > 1
        if figure.bare_one and not figure.qualifier and not one_counts(text, figure, in_company=in_company):
            continue  # "one of the", "no one", "in one tweet": a pronoun or an article; "only one" is a figure
        if figure.measured is None and figure.unit in (None, "fraction", "percent"):
            figure.measured = measured_noun(text, figure) or _base_of_a_change(text, figure, quantities, sentence_of)
        quantities.append(figure)
    link_conversions(text, quantities)
    read = [_as_age(text, _to_quantity(text, figure)) for figure in quantities]
    read = sorted(read + [_elapsed(match) for match in elapsed], key=lambda quantity: quantity.start)
    return _without_overlaps(read), _without_overlaps(dates)


# The base a change is told from, with no noun of its own: "310 children took part, up from 190 last year".
_FROM_BASE = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased)\s+from\s+$", re.IGNORECASE)


def _base_of_a_change(text: str, figure: Figure, before: list[Figure], sentence_of: Callable[[int], int]) -> str | None:
    """The noun of the count a bare base counts ("up from 190" after "310 children": children): the nearest count
    before it in its sentence, a bare number naming a noun."""
    if figure.unit is not None or not _FROM_BASE.search(text[max(0, figure.start - 20) : figure.start]):
        return None
    for earlier in reversed(before):
        if sentence_of(earlier.start) != sentence_of(figure.start):
            return None
        if earlier.unit is None and earlier.measured:
            return earlier.measured
    return None


# "won in 2:05:41": hours, minutes and seconds are an elapsed time (a race, a flight), not a time of day, which
# news writes without seconds ("at 14:05", "10 a.m."); after "at" or "from" it stays a time of day.
_ELAPSED = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")
_CLOCK_BEFORE = re.compile(r"\b(?:at|from|until|till|by)\s+$", re.IGNORECASE)


# "38:12" (more minutes than a clock has hours) and "1:26.4" (tenths of a second): minutes and seconds, a race time
_MINUTES_SECONDS = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)(\.\d{1,2})?(?![\d:])(?!\.\d)")


def _after_a_clock_word(text: str, start: int) -> bool:
    """Whether "at", "from", "until", "till" or "by" stands right before `start` (read in the few characters
    before it, not from the text's opening)."""
    return bool(_CLOCK_BEFORE.search(text, max(0, start - _CLOCK_WORD_REACH), start))


_CLOCK_WORD_REACH = 16  # characters: "until" and the spaces after it


def _elapsed(match: re.Match) -> Quantity:
    """A race or journey time in seconds: hours, minutes and seconds, or (`_MINUTES_SECONDS`) minutes and seconds."""
    if match.re is _MINUTES_SECONDS:
        hours, minutes, seconds = 0, int(match.group(1)), int(match.group(2)) + float(match.group(3) or 0)
    else:
        hours, minutes, seconds = (int(group) for group in match.groups())
    value = float(hours * 3600 + minutes * 60 + seconds)
    return Quantity(match.group(0), match.start(), match.end(), value, unit="second", dimension="duration")


# "Daniel Kerrigan, 52, was convicted": a bare whole number set off by commas right after a name is an age.
_NAME_BEFORE = re.compile(
    r"(?<!\b[Ii]n )(?<!\b[Aa]t )(?<!\b[Oo]f )(?<!\b[Oo]n )(?<!\b[Ff]rom )(?<!\b[Tt]o )\b[A-Z][\w'\u2019.-]*,\s*$"
)
_COMMA_AFTER = re.compile(r"\s*,")
# "people aged 75 or older", "at age 16": a bare number after "aged" / "age" is an age too.
# "aged 34 and 27": the second age of a pair is an age too.
_AGED_BEFORE = re.compile(
    r"\b(?:aged|age|ages)\s+(?:(?:of|between|from|under|over|is|was)\s+)?(?:\d{1,3}\s+(?:and|or)\s+)?$", re.IGNORECASE
)


# "riders under 18", "children under five", "people over 65": an age bound picking out a group of people, not a count
_AGE_GROUP_BEFORE = re.compile(
    r"\b(?:children|pupils|students|people|adults|riders|players|visitors|members|girls|boys|juniors|youngsters"
    r"|residents|patients|drivers|voters|women|men|anyone|those|everyone|entrants|swimmers|runners|cyclists|walkers"
    r"|passengers|readers|borrowers|users|volunteers|competitors|spectators|child|adult|junior|pupil|student|rider"
    r"|player|visitor|member|climbers|fencers|skaters|dancers|golfers|bowlers|archers|rowers|gymnasts|athletes"
    r"|boxers|jockeys|singers|musicians)\s+\(?(?:under|over)\s+$"
    # told with a verb: "more than half of the players who registered this season were under 30"
    r"|\b(?:children|pupils|students|people|adults|riders|players|visitors|members|residents|patients|drivers|voters"
    r"|women|men|entrants|swimmers|runners|volunteers|competitors|recruits|learners|ringers|singers)\b[^.;|\n]{0,80}?"
    r"\b(?:were|are)\s+(?:all\s+)?(?:aged\s+)?(?:under|over)\s+$",
    re.IGNORECASE,
)


# A table cell whose row label names an age: "| Age range of guests | 18 to 71 |", "| Average age | 44 |".
_AGE_LABEL_BEFORE = re.compile(
    r"\|[^|\n]*\b(?:age\s+range|ages?\s+of|(?:average|median|mean|youngest|oldest)\s+age|age\s+at)\b[^|\n]*\|\s*$",
    re.IGNORECASE,
)


def _as_age(text: str, quantity: Quantity) -> Quantity:
    """A count written as a name's apposition ("Kerrigan, 52,") or after "aged" ("people aged 75 or older") read
    as an age in years, so it meets "52 years old" and is not compared with counts; any other quantity unchanged."""
    value = quantity.value
    if quantity.unit is not None or quantity.measured is not None or quantity.dimension != "count":
        return quantity
    ends = (quantity.low, quantity.high) if value is None else (value,)
    if any(end is None or end != int(end) or not 1 <= end < 120 for end in ends):
        return quantity
    if (
        _AGED_BEFORE.search(text, max(0, quantity.start - 20), quantity.start)
        or _AGE_LABEL_BEFORE.search(text, max(0, quantity.start - 60), quantity.start)
        or _AGE_GROUP_BEFORE.search(text, max(0, quantity.start - 120), quantity.start)
    ):
        return dataclasses.replace(quantity, unit="year", dimension="duration")  # "aged from nine to 87" too
    if value is None or quantity.qualifier is not None:
        return quantity
    if _NAME_BEFORE.search(text, max(0, quantity.start - 40), quantity.start) and _COMMA_AFTER.match(
        text, quantity.end
    ):
        return dataclasses.replace(quantity, unit="year", dimension="duration")
    if _PERSON_IS_BEFORE.search(text, max(0, quantity.start - 14), quantity.start) and _AGE_ENDS.match(
        text, quantity.end
    ):
        return dataclasses.replace(quantity, unit="year", dimension="duration")  # "you're 19 and", ", at 19,"
    return quantity


# A person said to be a bare number, the number ending its phrase: "Dacey, you're 19 and you're the youngest",
# "she was 71.", "Ambrin Frisby, who is 19 and", "and, at 19, the youngest in the league's history" (not "he was 19
# points clear", "at 19 sites").
_PERSON_IS_BEFORE = re.compile(
    r"(?:\b(?:you're|you\s+are|I'm|I\s+am|he's|she's|he\s+is|she\s+is|he\s+was|she\s+was|who\s+is|who\s+was)|,\s+at)"
    r"\s+$",
    re.IGNORECASE,
)
_AGE_ENDS = re.compile(r"(?:\s*[,.;!?)]|\s+and\b)")


# "a"/"an" before a unit of time or distance is the number one when a qualifier comes first: "more than a week",
# "nearly a year", "less than a mile". Alone ("a week later", "we waited a week") it is an article.
_ARTICLE_BEFORE_UNIT = re.compile(
    r"\b(an?)\s+(?=(?:second|minute|hour|day|week|fortnight|month|year|decade|century|mile|kilometre|kilometer"
    r"|metre|meter|foot|yard|tonne|ton)\b)",
    re.IGNORECASE,
)


# "a day and a half", "an hour and a half": one and a half of the unit, a figure with or without a qualifier.
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_UNIT_WORD = re.compile(r"\s*[a-z]+", re.IGNORECASE)


def _qualified_articles(text: str) -> list[Numeral]:
    found = []
    for match in _ARTICLE_BEFORE_UNIT.finditer(text):
        unit = _UNIT_WORD.match(text, match.end())
        if unit is not None and _AND_A_HALF.match(text, unit.end()):
            found.append(Numeral(match.start(1), match.end(1), 1.5, NumeralKind.WORDS))
        elif QUALIFIER_BEFORE.search(text, max(0, match.start() - 40), match.start()) or _WITHIN_BEFORE.search(
            text, max(0, match.start() - 10), match.start()
        ):
            found.append(Numeral(match.start(1), match.end(1), 1.0, NumeralKind.WORDS))
    return found


# "within an hour" is a span of one hour, as "within 60 minutes" is one of sixty.
_WITHIN_BEFORE = re.compile(r"\bwithin\s+$", re.IGNORECASE)


def _read_figure(text: str, numeral: Numeral, *, prefix_allowed: bool = True) -> Figure | None:
    """A numeral with its currency sign and unit; None for a label, a name, or digits glued to a word.

    `prefix_allowed` is False when the sign or code before the numeral ends the figure before it ("10 $ 30").
    """
    figure = Figure(numeral.start, numeral.end, numeral.value, numeral)
    if prefix_allowed and not read_currency_before(text, figure):
        return None  # "N95" is a mask and "P90" a gun; "N25,750" is naira and "P90,078" pesos
    if not read_unit_after(text, figure):
        return None  # "3-D", "747-MAX", "5G", "4x4"
    surface = text[numeral.start : numeral.end]
    if figure.unit is None:
        read_unit_from_words(text, figure)  # "half", "twice as likely", "Per cent of 22."
    if figure.unit is None and numeral.plain_integer:
        if looks_like_year(text, numeral, surface):
            figure.year = True
        elif (len(surface) > 1 and surface.startswith("0")) or (prefix_allowed and is_label(text, numeral.start)):
            return None  # "007", "page 3", "Resolution 2254"; but in "17 USD 25" the code is the 17's
    elif figure.unit is None and numeral.kind is NumeralKind.WORDS:
        if inside_name(text, numeral, surface) or after_label_noun(text, numeral.start):
            return None  # "Formula One", "number one", "phase two"
    elif is_someday(text, figure):
        return None  # "One day, fans said, ..."
    figure.bare_one = surface.lower() == "one" and figure.unit is None
    return figure


def _to_quantity(text: str, figure: Figure) -> Quantity:
    return Quantity(
        text[figure.start : figure.end],
        figure.start,
        figure.end,
        figure.value,
        figure.unit,
        dimension_of(figure.unit),
        figure.qualifier,
        figure.low,
        figure.high,
        figure.measured,
        figure.conversion_of,
    )


def _without_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for quantity in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if not kept or quantity.start >= kept[-1].end:
            kept.append(quantity)
    return kept
