"""Quantities in running text: figures with their units, qualifiers, ranges, conversions, what they count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.numbers import (
    PLURAL_NOUNS,
    Numeral,
    NumeralKind,
    find_date_spans,
    find_link_spans,
    find_magnitudes,
    find_numerals,
    find_time_spans,
)
from factcheck.extract.types import Qualifier, Quantity
from factcheck.extract.units import dimension_of, match_currency_prefix, match_unit, unit_in_context


def _word_set(words: str) -> frozenset[str]:
    """A vocabulary written as one string of space-separated words, as a set."""
    return frozenset(words.split())


# The documented mapping from words to qualifiers ("or ..." and "+"/"plus" follow the figure).
_QUALIFIER_TABLE = {
    Qualifier.APPROXIMATELY: "about|around|approximately|approx.|roughly|nearly|almost|some|an estimated"
    "|estimated|close to|just under|just over|just below|just above|circa|c.|more or less|or so",
    Qualifier.MORE_THAN: "more than|over|above|in excess of|upwards of|upward of|greater than|higher than"
    "|well over|well above",
    Qualifier.AT_LEAST: "at least|no fewer than|no less than|not less than|a minimum of|or more|or above"
    "|or over|+|plus",
    Qualifier.LESS_THAN: "less than|fewer than|under|below|well under|well below|lower than",
    Qualifier.AT_MOST: "at most|no more than|not more than|a maximum of|or less|or fewer",
    Qualifier.UP_TO: "up to|as many as|as much as",
    Qualifier.EXACTLY: "exactly|precisely",
}
QUALIFIER_WORDS: dict[str, Qualifier] = {
    words: qualifier for qualifier, vocabulary in _QUALIFIER_TABLE.items() for words in vocabulary.split("|")
}
_PREFIXES = sorted((w for w in QUALIFIER_WORDS if w[:3] != "or " and w not in ("+", "plus")), key=len)[::-1]
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _PREFIXES) + r")\s+$", re.IGNORECASE
)
_QUALIFIER_AFTER = re.compile(  # "50 or more", "50 people or more", "50+", "50-plus"
    r"(?:[ \t\u00a0]+[A-Za-z]+){0,2}?\s+(or\s+(?:more|so|less|fewer|above|over))\b|(\+)|-(plus)\b",
    re.IGNORECASE,
)
_SPACE = "[ \t\u00a0\u202f]"
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.'’]*)[ \t\u00a0]+$")
_NEXT_WORDS = re.compile(rf"{_SPACE}+([A-Za-z][A-Za-z'’-]*)")
_HYPHEN_NOUN = re.compile(r"-([a-z]{2,})\b")
_UNIT_MODIFIER = re.compile(
    rf"{_SPACE}+(?:more|additional|extra|further|full|whole|straight|consecutive|long){_SPACE}+",
    re.IGNORECASE,
)
_OLD = re.compile(rf"(?:-|{_SPACE}+)old\b")
_FRACTION_TO_UNIT = re.compile(rf"{_SPACE}+(?:of{_SPACE}+)?an?{_SPACE}+")
_OF_THE = re.compile(rf"{_SPACE}+of{_SPACE}+(?:(?:the|all|its|their|these|those|our|his|her){_SPACE}+)?")
_RANGE_GAP = re.compile(
    r"\s*([-–—‒]|-?\s+to|\s+through|\s+and|\s+or)\s+|\s*([-–—‒])\s*", re.IGNORECASE
)
_SHARE_GAP = re.compile(r"\s+(?:in|out\s+of)\s+(?:(?:every|the)\s+)?", re.IGNORECASE)
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

# Words that end a noun phrase or are not nouns: they stop the search for what a count counts.
_FUNCTION_WORDS = _word_set(
    "a an the this that these those some any each every all both either neither no not nor and or but so "
    "yet of in on at by for from to with without into onto over under above below about around between "
    "among through during before after since until till per than as via within across against along "
    "toward towards upon amid i you he she it we they me him her us them my your his its our their who "
    "whom whose which what where when why how there here is are was were be been being am has have had "
    "having do does did will would shall should can could may might must said says say told according "
    "more most less least fewer many much few only just also even still again almost nearly roughly "
    "approximately exactly precisely estimated close up out off down ago away last next first such other "
    "another own same live lived lives living die died dies dying remain remained remains left stay "
    "stayed flee fled need needed get got go went come came make made take took see saw give gave want "
    "wanted like times percent"
)
# A bare number right after one of these words is a label, not a figure: "page 3", "Resolution 2254".
_LABEL_NOUNS = _word_set(
    "page pages p. pp. chapter article section paragraph para resolution room flight route channel bus "
    "platform gate phase stage category tier level grade version model series episode season vol. volume "
    "issue no. number item exhibit figure fig. table step district ward precinct zone sector unit block "
    "highway interstate amendment proposition prop rule clause act bill code line floor terminal "
    "apartment suite box lot verse psalm track lane road squad"
)
_YEAR_OPENERS = _word_set(
    "in since by from until till to of the during before after between and or early late mid circa year "
    "fiscal summer winter spring autumn fall election census"
)
_DURATION_OPENERS = _word_set(
    "for in to of after than with took take takes taking lasted lasts last spent spend served serve been "
    "aged age sentenced within"
)
_NOUN_MODIFIERS = frozenset({"more", "other", "additional", "extra", "further", "new", "fewer"})
_KEEP_ONE = frozenset({"only", "just", "single"})


@dataclass(slots=True)
class _Figure:
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


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, in order, with offsets into `text`.

    - A figure is a numeral (`numbers.py`) with a currency sign before it or a unit after it (`units.py`):
      "$4.7 billion", "80 km", "48-hour", "12 per cent". `value` is in the unit as written.
    - Fractions of a whole ("half", "two-thirds", "one in five", "three out of four", "1/4") have unit and
      dimension "fraction" and a value such as 0.5; followed by a unit they are a value in it ("half an hour"
      -> 0.5 hour). "two and a half" (2.5) and "half a million" (500,000) are plain numbers.
    - A count has unit None and dimension "count"; `measured` is the plural noun it counts when the text names
      it ("8,000 remaining residents" -> "residents"), or the noun after "of" ("half of the requests" ->
      "requests").
    - Ranges ("between 5 and 10", "5-10", "5 to 10 km", "two or three") set `low`/`high` with `value` None,
      and so do vague counts ("thousands" -> [2,000, 10,000)). "from X to Y" after a verb of change ("rose
      from 5 to 10") is two figures, not a range.
    - "80 km (50 miles)": the second figure has `conversion_of="80 km"` and, unless it has its own, the
      first's qualifier.
    - Not figures: dates and times ("July 2016", "12 March", "10 a.m.", "in 2015"; see `find_dates`),
      ordinals, decades, labels ("Resolution 2254", "COVID-19", "page 3", "Boeing 757", phone numbers, web
      addresses), "one" as a pronoun ("one of the", "no one"), number words in names ("Formula One").

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


_DROP = object()  # a pair that cancels out, like the score "3-3"


def _analyse(text: str) -> tuple[list[Quantity], list[Quantity]]:
    if not isinstance(text, str):
        raise TypeError(f"expected the text to parse as a str, found {type(text).__name__}")
    date_spans, time_spans = find_date_spans(text), find_time_spans(text)
    blocked = bytearray(len(text))  # 1 inside dates, times and web addresses, where no figure may be
    for start, end in date_spans + time_spans + find_link_spans(text):
        blocked[start:end] = b"\x01" * (end - start)
    figures = [
        figure
        for numeral in find_numerals(text)
        if not any(blocked[numeral.start : numeral.end]) and (figure := _read_figure(text, numeral))
    ]
    vague = [
        _Figure(start, end, None, Numeral(start, end, low, NumeralKind.WORDS), low=low, high=high)
        for start, end, low, high in find_magnitudes(text)
        if not any(blocked[start:end])
    ]
    quantities: list[_Figure] = []
    dates = [_date(text, start, end) for start, end in date_spans]
    dates += [_date(text, start, end, dimension="time") for start, end in time_spans]
    for figure in sorted(_combine(text, figures) + vague, key=lambda figure: figure.start):
        if figure.year:
            dates.append(_date(text, figure.start, figure.end, low=figure.low, high=figure.high))
            continue
        figure.qualifier = _qualifier(text, figure)
        if figure.bare_one and not figure.qualifier and not _after_only(text, figure.start):
            continue  # "one of the", "no one": a pronoun; "only one" and "about one" are figures
        if figure.measured is None and figure.unit in (None, "fraction", "percent"):
            figure.measured = _measured(text, figure)
        quantities.append(figure)
    _link_conversions(text, quantities)
    return _without_overlaps([_to_quantity(text, figure) for figure in quantities]), _without_overlaps(dates)


def _read_figure(text: str, numeral: Numeral) -> _Figure | None:
    """A numeral with its currency sign and unit; None for a label, a name, or digits glued to a word."""
    figure = _Figure(numeral.start, numeral.end, numeral.value, numeral)
    prefix = match_currency_prefix(text, numeral.start)
    if prefix and text[prefix[1]] == "N" and numeral.plain_integer:
        return None  # "N95" is a mask; "N25,750" and "N70 million" are naira
    if prefix and numeral.kind is not NumeralKind.FRACTION:
        figure.unit, figure.start = prefix
    hyphen = text.startswith("-", numeral.end)
    found = _unit_after(text, numeral, hyphen)
    if found is not None:
        _apply_unit(text, figure, found)
    elif hyphen and figure.unit is None:
        noun = _HYPHEN_NOUN.match(text, numeral.end)
        if noun is not None:
            figure.measured = noun.group(1)  # "a 220-seat plane": 220 seats
        elif numeral.kind is NumeralKind.DIGITS and text[numeral.end + 1 : numeral.end + 2].isalpha():
            return None  # "3-D", "747-MAX"
    if not figure.unit and numeral.kind is NumeralKind.DIGITS and text[figure.end : figure.end + 1].isalpha():
        return None  # "5G", "3D", "4x4"
    surface = text[numeral.start : numeral.end]
    if numeral.kind is NumeralKind.FRACTION and figure.unit is None:
        figure.unit = "fraction"
    if surface.lower() == "twice":
        figure.unit = unit_in_context(text, "times", numeral.end, numeral.end)  # "twice as likely"
    if numeral.plain_integer and figure.unit is None:
        if _looks_like_year(text, numeral, surface):
            figure.year = True
        elif (len(surface) > 1 and surface.startswith("0")) or _is_label(text, numeral.start):
            return None
    if numeral.kind is NumeralKind.WORDS and figure.unit is None and _inside_name(text, numeral, surface):
        return None
    figure.bare_one = surface.lower() == "one" and figure.unit is None
    return figure


def _unit_after(text: str, numeral: Numeral, hyphen: bool) -> tuple[str, int, int] | None:
    """`(code, start, end)` of the unit written after a numeral, if any."""
    if numeral.kind is NumeralKind.FRACTION:
        connector = _FRACTION_TO_UNIT.match(text, numeral.end)  # "half an hour", "a quarter of a mile"
        if connector:
            found = match_unit(text, connector.end(), attached=False)
            if found and dimension_of(found[0]) != "currency":
                return found[0], connector.end(), found[1]
    position = numeral.end + 1 if hyphen else numeral.end
    while position < len(text) and position - numeral.end < 2 and text[position] in " \u00a0\u202f":
        position += 1
    found = match_unit(text, position, attached=hyphen or position == numeral.end)
    if found is None and not hyphen and (extra := _UNIT_MODIFIER.match(text, numeral.end)):
        found = match_unit(text, extra.end(), attached=False)  # "two more days", "four full years"
        if found is None or dimension_of(found[0]) != "duration":
            return None
    return None if found is None else (found[0], position, found[1])


def _apply_unit(text: str, figure: _Figure, found: tuple[str, int, int]) -> None:
    code, start, end = found
    if figure.unit is not None:  # after a currency sign only the same currency's name may follow ("$5 USD")
        if code == figure.unit:
            figure.end = end
        return
    code = unit_in_context(text, code, start, end, scale=figure.numeral.scale, figure_start=figure.start)
    if code is None:
        return
    if dimension_of(code) == "duration":
        old = _OLD.match(text, end)  # "10-year-old", "45 years old"
        end = old.end() if old else end
    figure.unit, figure.end = code, end


def _looks_like_year(text: str, numeral: Numeral, surface: str) -> bool:
    """1000-2100 in four digits is a year, unless a plural noun follows and no "in", "the", ... precedes."""
    if len(surface) != 4 or not 1000 <= numeral.value <= 2100:
        return False
    following = _NEXT_WORDS.match(text, numeral.end)
    if following and _noun_like(following.group(1), plural=True):
        return (_previous_word(text, numeral.start) or "").lower() in _YEAR_OPENERS
    return True


def _is_label(text: str, start: int) -> bool:
    """A bare number naming something: "page 3", "Resolution 2254", "Boeing 757", "No. 10"."""
    match = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word = match.group(1)
    lowered = word.lower()
    if lowered in _LABEL_NOUNS:
        return True
    return (
        word[0].isupper()
        and lowered.rstrip(".") not in _FUNCTION_WORDS
        and not lowered.endswith(("'s", "’s"))
        and not _at_sentence_start(text, match.start(1))
    )


def _inside_name(text: str, numeral: Numeral, surface: str) -> bool:
    """Capitalised number words next to capitals: "Formula One", "the Big Four", "Three Gorges Dam"."""
    if not surface[:1].isupper() or (surface.isupper() and len(surface) > 1):
        return False
    following = [m.group(1) for m in _iterate_words(text, numeral.end, 2)]

    def capitalised(word: str | None) -> bool:
        return bool(word) and word[0].isupper() and word.lower() not in _FUNCTION_WORDS

    ahead = [m.group(1) for m in _iterate_words(text, numeral.end, 5)]
    if len(ahead) >= 3 and all(word[:1].isupper() or word in _FUNCTION_WORDS for word in ahead):
        return False  # a title-case headline ("Two Russian Helicopters Shot Down in Kyiv")
    if _at_sentence_start(text, numeral.start):
        return len(following) == 2 and capitalised(following[0]) and capitalised(following[1])
    return capitalised(_previous_word(text, numeral.start)) or capitalised((following or [None])[0])


def _combine(text: str, figures: list[_Figure]) -> list[_Figure]:
    """Join neighbouring figures that form one: shares ("one in five") and ranges ("5 to 10 km")."""
    combined: list[_Figure] = []
    index = 0
    while index < len(figures):
        if index + 1 < len(figures):
            first, second = figures[index], figures[index + 1]
            gap = text[first.end : second.start]
            joined = _share(first, second, gap) or _range(text, first, second, gap)
            if joined is not None:
                if joined is not _DROP:
                    combined.append(joined)
                index += 2
                continue
        combined.append(figures[index])
        index += 1
    return combined


def _share(first: _Figure, second: _Figure, gap: str) -> _Figure | None:
    if not _SHARE_GAP.fullmatch(gap) or first.unit or second.unit or first.year or second.year:
        return None
    if first.value is None or second.value is None or not 0 < first.value < second.value:
        return None
    return _Figure(first.start, second.end, first.value / second.value, first.numeral, unit="fraction")


def _range(text: str, first: _Figure, second: _Figure, gap: str):
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
    if dash and first.year and second.numeral.plain_integer and second.end - second.start == 2:
        century = first.value - first.value % 100  # "2014-15", "1939-45": spans of years
        if first.value < century + second.value:
            return _Figure(first.start, second.end, None, first.numeral, low=first.value,
                           high=century + second.value, year=True)
    low, high = first.value, second.value
    if first.numeral.scale == 1.0 and second.numeral.scale > 1.0 and low < high / second.numeral.scale:
        low *= second.numeral.scale  # "5 to 10 million": the scale word covers both
    if low > high and (between or high < 0):
        low, high = high, low
    if low >= high:
        return _DROP if dash and low == high else None  # "3-3" is a score; "28-8" a vote of two counts
    start = between.start() if between else first.start
    unit = first.unit or second.unit
    return _Figure(start, second.end, None, second.numeral, unit=unit, low=low, high=high,
                   year=first.year and second.year, measured=second.measured)


def _qualifier(text: str, figure: _Figure) -> Qualifier | None:
    before = _QUALIFIER_BEFORE.search(text, max(0, figure.start - 25), figure.start)
    if before:
        word = " ".join(before.group(1).lower().split())
        if word in ("over", "under") and dimension_of(figure.unit) == "duration":
            opener = _previous_word(text, before.start(1))
            if (opener or "").lower() not in _DURATION_OPENERS:
                return None  # "over three years, prices rose": during, not more than
        return QUALIFIER_WORDS[word]
    after = _QUALIFIER_AFTER.match(text, figure.end)
    if after:
        return QUALIFIER_WORDS[" ".join((after.group(1) or after.group(2) or after.group(3)).lower().split())]
    return None


def _measured(text: str, figure: _Figure) -> str | None:
    """The noun a count counts ("8,000 remaining residents"), or a share's whole ("half of the requests")."""
    if figure.unit is not None:
        of = _OF_THE.match(text, figure.end)
        if of:
            return _head_noun(text, of.end() - 1, plural=False)
        return _head_noun(text, figure.end, plural=True) if figure.unit == "fraction" else None
    single = figure.value == 1
    of = _OF_THE.match(text, figure.end)  # "thousands of people", "3 of the 18 benchmarks"
    return _head_noun(text, of.end() - 1 if of else figure.end, plural=not single)


def _head_noun(text: str, position: int, *, plural: bool) -> str | None:
    """The last word of the first run of noun-like words within the next four words."""
    head = None
    for match in _iterate_words(text, position, 4):
        word = match.group(1)
        lowered = word.lower()
        if lowered in _NOUN_MODIFIERS:
            continue
        if lowered in _FUNCTION_WORDS:
            break
        if _noun_like(word, plural=plural):
            head = word
        elif head is not None:
            break
    return head


def _noun_like(word: str, *, plural: bool) -> bool:
    lowered = word.lower()
    if lowered in _FUNCTION_WORDS or lowered.endswith(("ing", "ed", "'s", "’s", "ly")):
        return lowered in PLURAL_NOUNS
    if not plural:
        return True
    return lowered in PLURAL_NOUNS or (lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")))


def _link_conversions(text: str, figures: list[_Figure]) -> None:
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


def _to_quantity(text: str, figure: _Figure) -> Quantity:
    return Quantity(text[figure.start : figure.end], figure.start, figure.end, figure.value, figure.unit,
                    dimension_of(figure.unit), figure.qualifier, figure.low, figure.high, figure.measured,
                    figure.conversion_of)


def _date(text: str, start: int, end: int, *, low=None, high=None, dimension: str = "date") -> Quantity:
    """A date (`value` is its year, if written) or a clock time, as a `Quantity` of its own dimension."""
    year = re.search(r"(?<!\d)\d{4}(?!\d)", text[start:end]) if low is None and dimension == "date" else None
    value = float(year.group()) if year and 1000 <= int(year.group()) <= 2100 else None
    return Quantity(text[start:end], start, end, value, dimension=dimension, low=low, high=high)


def _without_overlaps(quantities: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for quantity in sorted(quantities, key=lambda q: (q.start, -q.end)):
        if not kept or quantity.start >= kept[-1].end:
            kept.append(quantity)
    return kept


def _after_only(text: str, position: int) -> bool:
    return (_previous_word(text, position) or "").lower() in _KEEP_ONE


def _previous_word(text: str, position: int) -> str | None:
    match = _PREVIOUS_WORD.search(text, max(0, position - 40), position)
    return match.group(1) if match else None


def _iterate_words(text: str, position: int, limit: int):
    """The next `limit` words after `position`, separated by spaces only (punctuation ends the run)."""
    for _ in range(limit):
        match = _NEXT_WORDS.match(text, position)
        if match is None:
            return
        yield match
        position = match.end()


def _at_sentence_start(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and text[index] in " \t\u00a0\"'“‘«([":
        index -= 1
    return index < 0 or text[index] in ".!?\n:"

