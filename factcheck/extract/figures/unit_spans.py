"""The unit a figure carries: a currency sign before it, a unit after it, or one its words imply ("half")."""

from __future__ import annotations

import re

from factcheck.extract.figures.context import HYPHEN_NOUN
from factcheck.extract.figures.joins import Figure
from factcheck.extract.figures.numeral_type import SCALES, SPACE
from factcheck.extract.figures.numerals import Numeral, NumeralKind
from factcheck.extract.figures.unit_matching import match_currency_prefix, match_unit, unit_in_context
from factcheck.extract.figures.units import UNITS, dimension_of

_SPACE = SPACE
_UNIT_MODIFIER = re.compile(
    rf"{_SPACE}+(?:more|additional|extra|further|full|whole|straight|consecutive|long){_SPACE}+",
    re.IGNORECASE,
)
_OLD = re.compile(rf"(?:-|{_SPACE}+)old\b")
_FRACTION_TO_UNIT = re.compile(rf"{_SPACE}+(?:of{_SPACE}+)?an?{_SPACE}+")
_BRACKETED = re.compile(rf"{_SPACE}?([(\[{{<])")  # "20 (kg)", "20 [kg]"
_CLOSING = {"(": ")", "[": "]", "{": "}", "<": ">"}
_SCALE_AFTER_CODE = re.compile(rf"{_SPACE}+(thousand|million|billion|trillion|bn|mn|mln)\b", re.IGNORECASE)
_MILLION_CODE = re.compile(r"M([A-Z]{3})(?![\w])")  # "30 MUSD", "120 MEUR": millions, in financial tables
_MILLION_CODE_BEFORE = re.compile(r"(?<![\w.])M([A-Z]{3})[ \u00a0]?$")  # "MAUD 60"
_CODE_AFTER_LETTER = re.compile(r"-\d")  # "L-202"


def read_currency_before(text: str, figure: Figure) -> bool:
    """Set the currency written before the figure ("$5", "Rs 500", "MAUD 60" is 60 million AUD). False when the
    letter before the digits makes them no figure: "N95" is a mask and "P90" a gun, but "N25,750" is naira."""
    numeral = figure.numeral
    prefix = match_currency_prefix(text, numeral.start)
    if prefix and text[prefix[1]] in "NP" and numeral.plain_integer:
        return False
    if prefix and numeral.kind is not NumeralKind.FRACTION:
        figure.unit, figure.start = prefix
    elif (million := _MILLION_CODE_BEFORE.search(text, max(0, numeral.start - 6), numeral.start)) and _is_money(
        million[1]
    ):
        figure.unit, figure.start, figure.value = million[1], million.start(), numeral.value * 1e6
    return True


def read_unit_after(text: str, figure: Figure) -> bool:
    """Set the unit written after the figure, or the noun of "a 220-seat plane". False when letters glued to the
    digits make them a code: "3-D", "747-MAX", "5G", "4x4"."""
    numeral = figure.numeral
    hyphen = text.startswith("-", numeral.end)
    found = _unit_after(text, numeral, hyphen)
    if found is not None:
        _apply_unit(text, figure, found)
    elif hyphen and figure.unit is None:
        noun = HYPHEN_NOUN.match(text, numeral.end)
        if noun is not None:
            figure.measured = _plural(noun.group(1))  # "a 220-seat plane": 220 seats
        elif numeral.kind is NumeralKind.DIGITS and text[numeral.end + 1 : numeral.end + 2].isalpha():
            return False
    glued = numeral.kind is NumeralKind.DIGITS and text[figure.end : figure.end + 1].isalpha()
    return figure.unit is not None or not glued


# Words after a fused number that are no counted noun: "an 11-strong party", "the sixty-first call-out" (an ordinal
# read as sixty with its "first")
_NOT_NOUNS = frozenset(
    """strong odd plus old long wide high deep tall like first second third fourth fifth sixth seventh eighth ninth
    tenth""".split()
)
_IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children", "foot": "feet"}


def _plural(noun: str) -> str:
    """The plural a fused count's noun stands for ("a 45-pin margin": 45 pins; "a 12-man crew": 12 men)."""
    lowered = noun.lower()
    if lowered in _NOT_NOUNS:
        return noun  # "an 11-strong party" counts the party's members, not "strongs"
    if lowered in _IRREGULAR:
        return _IRREGULAR[lowered]
    if lowered.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if lowered.endswith("y") and lowered[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def read_unit_from_words(text: str, figure: Figure) -> None:
    """Set the unit of a figure with none written: "fraction" for "half", "times" for "twice as likely"."""
    numeral = figure.numeral
    surface = text[numeral.start : numeral.end]
    if numeral.kind is NumeralKind.FRACTION:
        figure.unit = "fraction"
    elif surface.lower() == "twice":
        figure.unit = unit_in_context(text, "times", numeral.end, numeral.end)


def _unit_after(text: str, numeral: Numeral, hyphen: bool) -> tuple[str, int, int, float] | None:
    """`(code, start, end, scale)` of the unit written after a numeral, if any (`scale` is 1e6 for "MUSD")."""
    if numeral.kind is NumeralKind.FRACTION:
        connector = _FRACTION_TO_UNIT.match(text, numeral.end)  # "half an hour", "a quarter of a mile"
        if connector:
            found = match_unit(text, connector.end(), attached=False)
            if found and dimension_of(found[0]) != "currency":
                return found[0], connector.end(), found[1], 1.0
    position = numeral.end + 1 if hyphen else numeral.end
    while position < len(text) and position - numeral.end < 2 and text[position] in " \u00a0\u202f":
        position += 1
    found = match_unit(text, position, attached=hyphen or position == numeral.end)
    if found is None and not hyphen:
        if (million := _MILLION_CODE.match(text, position)) and _is_money(million[1]):
            return million[1], position, million.end(), 1e6
        if bracketed := _bracketed_unit(text, numeral.end):
            return bracketed
        if extra := _UNIT_MODIFIER.match(text, numeral.end):
            found = match_unit(text, extra.end(), attached=False)  # "two more days", "four full years"
            if found is None or dimension_of(found[0]) != "duration":
                return None
    if found is None:
        return None
    if found[1] - position == 1 and text[position].isupper() and _CODE_AFTER_LETTER.match(text, found[1]):
        return None  # "24703 L-202": a code, not litres
    return found[0], position, found[1], 1.0


def _apply_unit(text: str, figure: Figure, found: tuple[str, int, int, float]) -> None:
    written, start, end, scale = found
    if figure.unit is not None:  # after a currency sign only the same currency's name may follow ("$5 USD")
        if written == figure.unit and text[start:end].isalpha():  # in "$ 20,000 $ 37,305" the second "$" is not
            figure.end = end
        return
    code = unit_in_context(text, written, start, end, scale=figure.numeral.scale, figure_start=figure.start)
    if code is None:
        return
    if dimension_of(code) == "duration":
        old = _OLD.match(text, end)  # "10-year-old", "45 years old"
        end = old.end() if old else end
    plain_money = dimension_of(code) == "currency" and scale == 1.0 and figure.numeral.scale == 1.0
    if plain_money and (after := _SCALE_AFTER_CODE.match(text, end)):  # "75 USD million"
        scale, end = SCALES[after[1].lower()], after.end()
    figure.unit, figure.end, figure.unit_written_after = code, end, True
    figure.value = figure.value * scale if figure.value is not None else None


def _is_money(code: str) -> bool:
    return code in UNITS and UNITS[code].dimension == "currency"


def _bracketed_unit(text: str, end: int) -> tuple[str, int, int, float] | None:
    """A unit in brackets after a number, as in tables: "20 (kg)", "20 [kg]"."""
    bracket = _BRACKETED.match(text, end)
    if bracket is None:
        return None
    inner = match_unit(text, bracket.end(), attached=False)
    if inner and text.startswith(_CLOSING[bracket[1]], inner[1]):
        return inner[0], bracket.end(), inner[1] + 1, 1.0
    return None
