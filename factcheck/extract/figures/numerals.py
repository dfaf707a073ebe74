"""Numerals in running text: digits ("600,000", "1.5m", "2.5e6", "-4/5") merged with number words and fractions."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace

from factcheck.extract.figures.number_words import fraction_numerals, trailing_fraction, word_numerals
from factcheck.extract.figures.numeral_type import SCALES, SPACE, Numeral, NumeralKind, lowercase
from factcheck.extract.figures.unit_matching import match_currency_prefix, match_unit
from factcheck.extract.figures.units import dimension_of
from factcheck.extract.figures.vocabulary import FUNCTION_WORDS, PLURAL_NOUNS

__all__ = ["SLASH_DENOMINATORS", "Numeral", "NumeralKind", "find_numerals"]

_S = SPACE
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
# Exponents: "1.3e6", "1.3x10^6", "2.48×10−5", "6×10⁻⁴", and powers "2.5^-1".
_EXPONENT = (
    rf"(?P<e>[eE][-+]?\d{{1,3}})(?![\w.])"
    rf"|{_S}?[x×*]{_S}?10(?:\^|\*\*)(?P<ten>[-−+]?\d{{1,3}})(?![\d.])"
    rf"|{_S}?×{_S}?10(?P<tenminus>[−-]\d{{1,3}})(?![\d.])"
    rf"|{_S}?[x×]{_S}?10(?P<tensup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}})"
    rf"|\^(?P<power>[-+]{{0,2}}\d{{1,3}})(?![\d.])"
)
_DIGIT_RE = re.compile(
    rf"""
    (?P<junk>\d+(?:[/-]\d+){{2,}}|\d+(?:\.\d+){{2,}}|\d{{3}}-\d{{4}}(?!\d))   # dates, phone numbers, versions
  | (?P<fsign>[-−])?(?:(?P<whole>\d{{1,2}}){_S}+)?(?P<top>\d{{1,3}})/(?P<bottom>\d{{1,3}})(?![\d/])
  | (?P<sign>[-−])?
    (?P<digits>(?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?!\d)          # Indian grouping: 12,34,567
               |\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_S}\d{{3}})+(?![\d,])|\d+)(?:\.\d+)?|\.\d+)
    (?:(?P<vulgar>[{_VULGAR}])|{_EXPONENT})?
  | (?P<lone>[{_VULGAR}])
    """,
    re.VERBOSE,
)
_DIGIT_START = re.compile(rf"[\d{_VULGAR}]")
_ORDINAL_OR_DECADE = re.compile(r"(?:st|nd|rd|th)(?![a-z])|['’]?s(?![\w])", re.IGNORECASE)
_SCALE_WORD_AFTER = re.compile(
    rf"(?:{_S}+|-)?(hundreds?|thousands?|millions?|billions?|trillion|lakhs?|crores?|dozens?|dozs?|dzs?|bn|bln|mn|mln"
    rf"|mil|tn|trn|tln)(?![\w])",
    re.IGNORECASE,
)
_CRORE_AFTER = re.compile(rf"{_S}+crores?\b", re.IGNORECASE)  # "1.5 lakh crore"
_SCALE_LETTER_AFTER = re.compile(r"(MM|[kKmMBTb])(?![\w/²³])")
_SPACED_THOUSAND = re.compile(rf"{_S}(k)(?=[^\w\s]|\s*$)")  # "2.33 k."; not "300 K" (kelvin) nor "2 k B T"
_NEXT_WORD = re.compile(rf"{_S}+([A-Za-z]+)")
_MINUS_BEFORE = re.compile(rf"\b(?:minus|negative){_S}+$", re.IGNORECASE)
_TWICE = re.compile(r"\btwice\b")
_COMMA_LIST = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{1,3}){2,}(?![\d,])")
_AND_OR_SPACE = re.compile(rf"{_S}+(?:and{_S}+)?", re.IGNORECASE)
# Words after "10m" that make it metres: sizes, distances and races.
_METRE_CONTEXT = frozenset(
    "tall high long deep wide thick away above below under from in across sprint race hurdles freestyle "
    "relay final dash run swim drop fall wall waves depth radius diameter".split()
)
_WRITTEN_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore",
                             "crores", "hundreds", "thousands", "millions", "billions"})  # fmt: skip
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})  # "1/4" is a fraction, "9/11" and "24/7" are not


def find_numerals(text: str) -> list[Numeral]:
    """Every numeral in `text`, in order and without overlaps (the earliest, then the longest, wins).

    Ordinals ("3rd"), decades ("1960s"), slash and ISO dates, phone and version numbers and digits glued to a
    word ("G7", "COVID-19", "F-16") are not numerals. "minus 5" is -5; "twice" is 2. A number with a scale
    word and a smaller number after it is one number: "3 hundred and 21", "4 thousand 3 hundred".
    """
    lowered = lowercase(text)
    candidates = _digit_numerals(text) + word_numerals(text, lowered) + fraction_numerals(text, lowered)
    candidates += [Numeral(m.start(), m.end(), 2.0, NumeralKind.WORDS) for m in _TWICE.finditer(lowered)]
    kept: list[Numeral] = []
    for numeral in sorted(candidates, key=lambda numeral: (numeral.start, -numeral.end)):
        if not kept or numeral.start >= kept[-1].end:
            kept.append(numeral)
    signed = []
    for numeral in _join_scaled(text, kept):
        minus = _MINUS_BEFORE.search(text, max(0, numeral.start - 10), numeral.start)
        if minus and text[numeral.start] not in "-−":  # "negative −65" is minus 65 once
            numeral = replace(numeral, start=minus.start(), value=-numeral.value, plain_integer=False)
        if math.isfinite(numeral.value):
            signed.append(numeral)
    return signed


def _digit_numerals(text: str) -> list[Numeral]:
    found: list[Numeral] = []
    position = 0
    # `_DIGIT_RE` is only tried where a digit is: scanning the text with it is ten times slower.
    while (digit := _DIGIT_START.search(text, position)) is not None:
        start = digit.start()
        if start > position and text[start - 1] in "-−.":
            start -= 1  # a sign or a leading decimal point
        match = _DIGIT_RE.match(text, start) or _DIGIT_RE.match(text, digit.start())
        if match is None:
            position = digit.start() + 1
            continue
        position = match.end()
        if match["junk"]:
            continue
        if match["top"]:
            numeral = _slash_fraction(text, match)
        elif match["lone"]:
            numeral = Numeral(match.start(), match.end(), unicodedata.numeric(match["lone"]), NumeralKind.FRACTION)
        else:
            numeral = _decimal(text, match)
        if numeral is not None and not _glued_to_word(text, numeral.start):
            found.append(numeral)
    return found


def _is_sign(text: str, start: int) -> bool:
    """Whether the "-" at `start` is a sign; not in "10-15" or "10 - 15", which are ranges."""
    if start == 0:
        return True
    if text[start - 1] not in " \t\n([":
        return False
    index = start - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index < 0 or not text[index].isdigit()


def _slash_fraction(text: str, match: re.Match) -> Numeral | None:
    top, bottom, whole = float(match["top"]), float(match["bottom"]), match["whole"]
    if bottom not in SLASH_DENOMINATORS or not 0 < top < bottom:
        return None  # "9/11", "24/7", "3/15": dates and idioms, not fractions
    signed = bool(match["fsign"]) and _is_sign(text, match.start())
    start = match.start() if signed else match.start("whole" if whole else "top")
    sign = -1.0 if signed else 1.0
    if whole:
        return Numeral(start, match.end(), sign * (float(whole) + top / bottom), NumeralKind.DIGITS)
    return Numeral(start, match.end(), sign * top / bottom, NumeralKind.FRACTION)


def _decimal(text: str, match: re.Match) -> Numeral | None:
    digits, start, end = match["digits"], match.start(), match.end()
    sign = bool(match["sign"]) and _is_sign(text, match.start())
    if not sign:
        start = match.start("digits")
    if _ORDINAL_OR_DECADE.match(text, end):
        return None
    mantissa = re.sub(r"[,\s]", "", digits)
    value = float(mantissa) + unicodedata.numeric(match["vulgar"] or "0")
    if exponent := match["e"] or match["ten"] or match["tenminus"] or match["tensup"]:
        exponent = exponent.lstrip("eE").replace("−", "-").translate(_SUPERSCRIPTS)
        value, scale = float(f"{mantissa}e{exponent}"), 1.0
    elif match["power"]:
        value, scale = _power(value, match["power"]), 1.0
    else:
        scale, end = _scale_after(text, start, end, digits)
        value *= scale
        if scale > 1.0:
            value, end, scale = trailing_fraction(text, end, value, scale)  # "3 million and a half"
    plain = scale == 1.0 and not sign and match.end() == match.end("digits") and digits.isdigit()
    return Numeral(start, end, -value if sign else value, NumeralKind.DIGITS, scale, plain)


def _power(base: float, written: str) -> float:
    """`base` to the power written after "^" ("^-1", "^+23"; two minus signs cancel, as in "--23")."""
    exponent = int(written.lstrip("+-")) * (-1 if written.count("-") % 2 else 1)
    try:
        return math.pow(base, exponent)
    except (OverflowError, ZeroDivisionError, ValueError):
        return math.inf  # dropped by `find_numerals`, which keeps finite values only


def _scale_after(text: str, start: int, end: int, digits: str) -> tuple[float, int]:
    """The scale word after a number ("1.5 million", "£3bn", "10k", "1.5 lakh crore") as (multiplier, new end)."""
    if word := _SCALE_WORD_AFTER.match(text, end):
        scale = SCALES[word[1].lower()]
        if crore := scale == 1e5 and _CRORE_AFTER.match(text, word.end()):
            return scale * 1e7, crore.end()
        return scale, word.end()
    letter = _SCALE_LETTER_AFTER.match(text, end) or _SPACED_THOUSAND.match(text, end)
    if not letter:
        return 1.0, end
    money = match_currency_prefix(text, start) is not None
    if letter[1] in ("B", "T", "MM") and not money:
        return 1.0, end
    if letter[1] == "b" and not (money or "." in digits):  # "$5b", "1.2b"; not "5b", a label
        return 1.0, end
    if letter[1] == "m" and not (money or _lowercase_m_is_million(text, letter.end(), digits)):
        return 1.0, end
    return SCALES[letter[1]], letter.end()


def _lowercase_m_is_million(text: str, after: int, digits: str) -> bool:
    """Whether "m" is a million ("1m people") or metres ("100m sprint", "10m high"); alone, "1.5m" is."""
    if text.startswith("-", after):
        return False
    if following := _NEXT_WORD.match(text, after):
        word = following[1].lower()
        if word in _METRE_CONTEXT:
            return False
        unit = match_unit(text, following.start(1), attached=False)
        if unit is not None and dimension_of(unit[0]) == "currency":  # "10m euros", "5m dollars"
            return True
        if word in PLURAL_NOUNS or (word.endswith("s") and not word.endswith("ss") and word not in FUNCTION_WORDS):
            return True
    return "." in digits


def _glued_to_word(text: str, start: int) -> bool:
    """Digits that are part of a name or code: "G7", "COVID-19", "scp2-173", "#5", "km^2"; "Rs500" and "US$5"
    are money, and "22,24,26" is a list."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before == "_":
        return match_currency_prefix(text, start) is None
    if before in "#@^":
        return True
    if start < 2:
        return False
    if before == "-":  # "COVID-19", "F-16", "scp2-173"; but "10-15" is a range
        word_start = start - 1
        while word_start > max(0, start - 20) and text[word_start - 1].isalnum():
            word_start -= 1
        return any(character.isalpha() for character in text[word_start : start - 1])
    if before == ",":
        return text[start - 2].isalpha() or (text[start - 2].isdigit() and not _in_list(text, start))
    return before in ".'’" and text[start - 2].isalnum()


def _in_list(text: str, start: int) -> bool:
    """Whether the digits at `start`, after a comma, are an item of a list written without spaces ("22,24,26"):
    three items at least, none with a leading zero, so "13,9%" and "1,02 NOK" (decimal commas) are not."""
    run = _COMMA_LIST.search(text, max(0, start - 40), min(len(text), start + 40))
    while run is not None and run.end() < start:
        run = _COMMA_LIST.search(text, run.end(), min(len(text), start + 40))
    return run is not None and run.start() < start <= run.end() and ",0" not in run.group()


def _join_scaled(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """Join a number ending in a scale word to the smaller number after it: "3 hundred and 21" (321),
    "4 thousand 3 hundred" (4,300), "6 crore and two hundred" (60,000,200)."""
    joined: list[Numeral] = []
    open_scale = 0.0  # the scale word the last numeral ends with, while a smaller number may still join it
    for numeral in numerals:
        if joined and open_scale and _adds_to_scaled(text, joined[-1], numeral, open_scale):
            previous = joined[-1]
            value = previous.value + numeral.value
            joined[-1] = Numeral(previous.start, numeral.end, value, previous.kind, previous.scale)
        else:
            joined.append(numeral)
        open_scale = _written_scale(text, numeral)
    return joined


def _written_scale(text: str, numeral: Numeral) -> float:
    """The scale word a numeral ends with ("3 hundred" -> 100), or 0.0."""
    if numeral.kind is NumeralKind.FRACTION:
        return 0.0
    last = text[numeral.start : numeral.end].rsplit(None, 1)[-1].lower()
    return SCALES[last] if last in _WRITTEN_SCALES else 0.0


def _adds_to_scaled(text: str, previous: Numeral, numeral: Numeral, scale: float) -> bool:
    gap = _AND_OR_SPACE.fullmatch(text, previous.end, numeral.start)
    if gap is None or numeral.kind is NumeralKind.FRACTION or not (1 <= numeral.value < scale):
        return False
    own = _written_scale(text, numeral)
    if "and" not in gap.group().lower():
        return 0.0 < own < scale  # "4 thousand 3 hundred"
    # "5 million and 300 volunteers" are two figures: the smaller number must not count something of its own.
    following = _NEXT_WORD.match(text, numeral.end)
    if following is None or following[1].lower() in FUNCTION_WORDS:
        return own < scale
    return own < scale and match_unit(text, following.start(1), attached=False) is not None
