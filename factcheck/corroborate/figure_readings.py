"""Both sides' figures read as the claim writes them, before they are compared: a bare "24.5 degrees" on the claim's
temperature scale, a table's signed share as the fall the claim tells in words, "pounds" as sterling beside
sterling, "248 of the 399 deaths" as the share it is, two ends as the change they make (`figure_changes.py`) and a range
"£540 to £720" as its two ends beside the other side's "from £540 to £750".
Each is a reading a fact-checker makes without thinking; the source did not write it. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck.corroborate.figure_changes import changes_between
from factcheck.corroborate.figure_frames import sentence_of
from factcheck.corroborate.number_rules import Figure, exact_figure, family_of, is_currency
from factcheck.corroborate.spoken_times import HALF_DAY, minutes_of_a_time, spoken_times, unsure, within_a_spoken_time
from factcheck.extract import Quantity
from factcheck.extract.figures import CLOCK_TIME

__all__ = ["read_alike"]


def read_alike(
    claim: list[Figure],
    passage: list[Figure],
    claim_text: str | None,
    passage_text: str,
    claim_quantities: Sequence[Quantity],
) -> tuple[list[Figure], list[Figure]]:
    """The claim's and the passage's figures with every reading of this module applied."""
    passage = on_claim_scale(passage, claim_quantities)
    claim = on_passage_celsius(claim, passage)
    passage = on_claim_direction(passage, passage_text, claim_text, claim)
    if any(f.family == "percent" for f in claim):
        shares = shares_of_parts(passage_text) + changes_between(passage, passage_text, claim, claim_text)
        passage = sorted([*passage, *shares], key=lambda f: f.start) if shares else passage
    if any(f.family == CLOCK_TIME for f in claim):
        times = [f.anchor for f in claim if f.family == CLOCK_TIME] + [f.anchor + HALF_DAY for f in claim if unsure(f)]
        spoken = [
            s
            for s in spoken_times(passage_text, times)
            if not any(p.family == CLOCK_TIME and s.start <= p.start < s.end for p in passage)  # "03:41 this morning"
        ]
        # "twenty" and "three" of "twenty to three" are one time, not two counts
        kept = [
            p
            for p in passage
            if not any(s.start <= p.start < s.end for s in spoken)
            and (p.family != "count" or not within_a_spoken_time(passage_text, p.start))  # nor a time left unread
        ]
        passage = sorted([*kept, *spoken], key=lambda f: f.start) if spoken else passage
        claim = in_the_passage_half(claim, passage)
    else:  # "working again at twenty past eleven": no count of twenty, nor of eleven
        passage = [p for p in passage if p.family != "count" or not within_a_spoken_time(passage_text, p.start)]
    claim = pounds_as_sterling(claim, passage)
    passage = bare_amounts_as_money(passage, claim, passage_text)
    if claim_text:
        passage = ranges_as_ends(passage, claim, claim_text)
    claim = ranges_as_ends(claim, passage, passage_text)
    if claim_text:
        claim = [f for f in claim if not minutes_of_a_time(claim_text, f)]
    passage = [f for f in passage if not minutes_of_a_time(passage_text, f, f.start)]
    return claim, pounds_as_sterling(passage, claim)


def in_the_passage_half(claim: list[Figure], passage: list[Figure]) -> list[Figure]:
    """The claim's figures with each time told in words that does not say its half of the day ("set off at half
    past seven") read in the half a passage time gives to the minute (19:30), and left out when neither half is a
    passage's time: two readings, one of which agrees, say the same moment; neither is a conflict chosen by reading."""
    times = {p.anchor for p in passage if p.family == CLOCK_TIME}
    read = []
    for figure in claim:
        if not unsure(figure) or figure.anchor in times:
            read.append(figure)
        elif figure.anchor + HALF_DAY in times:
            later = figure.anchor + HALF_DAY
            read.append(replace(figure, low=later, high=later))
    return read


_TEMPERATURE_SCALES = ("celsius", "fahrenheit")


def on_claim_scale(passage: list[Figure], claim_quantities: Sequence[Quantity]) -> list[Figure]:
    """The passage's figures with a bare "24.5 degrees" read on the scale the claim writes its temperatures in
    ("24.5C (76F)": Celsius, the figure written first), so that the two can be compared; unchanged when the claim
    gives no temperature on a named scale. A reader takes an unnamed scale to be the one the story uses."""
    scale = next((q.unit for q in claim_quantities if q.unit in _TEMPERATURE_SCALES and q.conversion_of is None), None)
    if scale is None or not any(p.family == "degree" for p in passage):
        return passage
    _, factor, zero = family_of(scale)

    def rescaled(figure: Figure) -> Figure:
        if figure.family != "degree":
            return figure
        return replace(
            figure,
            family="celsius",
            low=figure.low * factor + zero,
            high=figure.high * factor + zero,
            precision=figure.precision * factor,
        )

    return [rescaled(p) for p in passage]


def on_passage_celsius(claim: list[Figure], passage: list[Figure]) -> list[Figure]:
    """The claim's bare "2.2 degrees" read as Celsius when the claim names no scale and the passage writes its
    temperatures in Celsius only ("| January | +2.2 |" under "Mean temperature anomaly (°C)"). Not for a passage
    in Fahrenheit: a bare difference of degrees read on that scale would be shifted by its zero."""
    if not any(f.family == "degree" for f in claim) or any(f.family == "celsius" for f in claim):
        return claim
    scaled = [p for p in passage if p.family == "celsius"]
    if not scaled or any(p.written[0] is None or p.written[0] != p.low for p in scaled):
        return claim  # no temperature in the passage, or one written in Fahrenheit (its base value differs)
    return [replace(f, family="celsius") if f.family == "degree" else f for f in claim]


# A fall told in words: "cut traffic entering the zone by 18 percent", "fell 6 percent", "a 9 percent drop".
_FALL_BEFORE = re.compile(
    r"\b(?:fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|decreas\w*|declin\w*|slump\w*|plung\w*|shr[iau]nk\w*"
    r"|cut(?:s|ting)?|lost|los(?:e|es|ing)|reduc\w*|lower(?:s|ed|ing)?|slash\w*|down)"
    r"(?:\s+[\w'-]+){0,5}?(?:\s+by)?(?:\s+(?:some|about|almost|nearly|around|roughly))?\s*$",
    re.IGNORECASE,
)
_FALL_AFTER = re.compile(r"\s*(?:cut|fall|drop|decline|reduction|decrease)\b", re.IGNORECASE)
_SIGN = re.compile(r"\s*[+\-\u2212]")


def on_claim_direction(
    passage: list[Figure], passage_text: str, claim_text: str | None, claim: Sequence[Figure]
) -> list[Figure]:
    """The passage's signed shares ("-18%", "+6.0%") read as the claim tells a fall, in words ("cut ... by 18
    percent"): a minus sign is the fall the claim's words give, a plus sign a rise against it. Unchanged when the
    claim tells no fall in a percentage. A table writes a fall with its sign, a sentence with its verb."""
    if not claim_text or not any(f.family == "percent" and _told_as_fall(claim_text, f.surface) for f in claim):
        return passage

    def read(figure: Figure) -> Figure:
        if figure.family != "percent":
            return figure
        if _SIGN.match(figure.surface):  # "-18%": its value carries the sign
            return replace(figure, low=-figure.high, high=-figure.low)
        if passage_text[max(0, figure.start - 1) : figure.start] == "+":  # "+6.0%": a rise, against the fall
            return replace(figure, low=-figure.high, high=-figure.low)
        return figure

    return [read(p) for p in passage]


def _told_as_fall(text: str, surface: str) -> bool:
    at = text.find(surface)
    if at < 0:
        return False
    return bool(_FALL_BEFORE.search(text, max(0, at - 60), at) or _FALL_AFTER.match(text, at + len(surface)))


def pounds_as_sterling(figures: list[Figure], other: Sequence[Figure]) -> list[Figure]:
    """`figures` with "pounds" read as sterling when the other side gives sterling ("£180,000") and no weight: a
    sentence read alone ("has set aside 180,000 pounds") does not say which pounds, the sentence it is checked
    against does."""
    if not any(f.family == "GBP" for f in other):
        return figures
    mass, factor, _ = family_of("lb")
    if any(f.family == mass for f in other):
        return figures

    def read(figure: Figure) -> Figure:
        if figure.family != mass or "pound" not in figure.surface.lower():
            return figure
        return replace(
            figure,
            family="GBP",
            low=figure.low / factor,
            high=figure.high / factor,
            precision=figure.precision / factor,
        )

    return [read(f) for f in figures]


# Words that make a bare amount right after them a sum of money: "The council paid thirty thousand", "it cost 4,000".
_PAYING = re.compile(
    r"\b(?:paid|pays?|paying|cost|costs|costing|raised|spent|spends?|spending|donated|charged|worth"
    r"|(?:grant|fee|budget|price|bill)\s+of|priced\s+at)"
    r"(?:\s+(?:about|around|nearly|almost|some|roughly|just\s+(?:over|under)|more\s+than|up\s+to))?\s+$",
    re.IGNORECASE,
)
_CURRENCY_WORDS = {
    "GBP": re.compile(r"\bpounds?\b"),
    "USD": re.compile(r"\bdollars?\b"),
    "EUR": re.compile(r"\beuros?\b"),
}
_THOUSANDS = 1000.0  # a bare amount read as money from here on: smaller counts name players, days and votes


def bare_amounts_as_money(figures: list[Figure], other: Sequence[Figure], text: str) -> list[Figure]:
    """`figures` with a bare amount that names nothing it counts read in the other side's currency, when it is paid,
    raised or spent ("The county council paid thirty thousand") or its sentence names that currency ("a grant of
    thirty-six thousand pounds ..., up from twenty-four thousand"): speech leaves out the unit the sentence gives.
    Thousands and more only; "Thirty thousand people" counts people."""
    money = {f.family for f in other if is_currency(f.family)}
    if len(money) != 1:
        return figures
    (family,) = money
    word = _CURRENCY_WORDS.get(family)

    def read(figure: Figure) -> Figure:
        if figure.family != "count" or figure.measured or figure.low < _THOUSANDS or figure.low != figure.high:
            return figure
        named = word is not None and bool(word.search(sentence_of(text, figure.start, figure.end)[0].lower()))
        if not (named or _PAYING.search(text, max(0, figure.start - 40), figure.start)):
            return figure
        return replace(figure, family=family)

    return [read(f) for f in figures]


# "248 of the 399 deaths", "17 out of 24": a part of a counted whole, which is also a share of it.
_PART_OF_WHOLE = re.compile(
    r"(?<![\w-])(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?"
    # "8,960 of the county's 11,200 streetlights", "3.5 of the site's 14 hectares": a possessive before the whole
    r"(?:[A-Za-z][\w-]*['\u2019]s\s+)?"
    r"(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+([a-z]+))?"
)
# A part written in words ("Eight of the 46 shops").
_PART_WORDS = {
    word: float(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
    if word not in ("zero", "one")  # "one of the 12" names one thing more often than it gives a share
}
# "Thirty-eight of the 190 sheep farms": the tens and their compounds in words
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = "one two three four five six seven eight nine".split()
_PART_WORDS.update({tens: float(20 + 10 * n) for n, tens in enumerate(_TENS)})
_PART_WORDS.update(
    {f"{tens}-{unit}": float(20 + 10 * n + u) for n, tens in enumerate(_TENS) for u, unit in enumerate(_UNITS, 1)}
)


def shares_of_parts(text: str) -> list[Figure]:
    """The share each "N of the M" of `text` gives (248 of the 399 deaths: 62.2 percent), to meet a claim that
    gives the share ("more than three in five deaths"). A fact-checker does this sum; the source did not write it."""
    shares = []
    for match in _PART_OF_WHOLE.finditer(text):
        written = match.group(1)
        if written[0].isalpha() and written.lower() not in _PART_WORDS:
            continue
        part = _PART_WORDS.get(written.lower()) if written[0].isalpha() else float(written.replace(",", ""))
        whole = float(match.group(2).replace(",", ""))
        if part is None:
            continue
        if not 0 < part <= whole:
            continue
        share = 100.0 * part / whole
        # "248 of the 399 deaths": the words the source wrote (the noun is in the surface already)
        shares.append(exact_figure(match.group(0), match.start(), match.end(), "percent", share, precision=0.1))
    return shares


# Two figures of one kind joined as the ends of a change or a span: "from £310 to £395", "£310 to £395".
_JOINED = re.compile(r"^\s*(?:to|-|\u2013)\s*$")
_RANGE_SPLIT = re.compile(r"\s*(?:\bto\b|-|\u2013)\s*")


def ranges_as_ends(figures: list[Figure], other: Sequence[Figure], other_text: str) -> list[Figure]:
    """`figures` with each range ("£540 to £720") read as its two ends when the other side gives two figures of its
    kind joined the same way ("from £540 to £750"): each end is then compared with one of the other side's, the
    way a reader sets the two ends against each other, rather than the one figure inside the range."""
    joined = {
        first.family
        for first, second in zip(other, other[1:], strict=False)
        if first.family == second.family
        and first.is_point
        and second.is_point
        and first.end <= second.start
        and _JOINED.match(other_text[first.end : second.start])
    }
    if not joined:
        return figures
    read: list[Figure] = []
    for figure in figures:
        parts = _RANGE_SPLIT.split(figure.surface)
        if figure.family not in joined or figure.is_point or not (figure.low < figure.high) or len(parts) != 2:
            read.append(figure)
            continue
        second_at = figure.surface.rfind(parts[1])
        low_written, high_written = figure.written[1], figure.written[2]
        read.append(
            replace(
                figure,
                surface=parts[0],
                end=figure.start + len(parts[0]),
                high=figure.low,
                high_open=False,
                written=(low_written, None, None),
            )
        )
        read.append(
            replace(
                figure,
                surface=parts[1],
                start=figure.start + second_at,
                low=figure.high,
                low_open=False,
                written=(high_written, None, None),
            )
        )
    return read
