"""Numerals ("600,000", "1.5m", "twenty-four", "half a million", "two-thirds"); spans whose digits are not."""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from text_to_num import text2num

from factcheck.extract.units import dimension_of, match_currency_prefix, match_unit


class NumeralKind(enum.Enum):
    DIGITS = "digits"
    WORDS = "words"
    FRACTION = "fraction"  # a part of a whole: "two-thirds", "half", "1/4", "¾"


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as written: `text[start:end]` reads as `value`.

    `scale` is the multiplier a scale word applied ("1.5 million" -> 1e6; 1.0 when none), so `value / scale`
    is the figure before it. `plain_integer` marks bare digits with no separator, decimal, sign or scale: the
    only numerals that can be years or labels.
    """

    start: int
    end: int
    value: float
    kind: NumeralKind
    scale: float = 1.0
    plain_integer: bool = False


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_S = "[ \t\u00a0\u202f]"  # a space within a line
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12.0,
    **dict.fromkeys(["lakh", "lakhs"], 1e5), **dict.fromkeys(["crore", "crores"], 1e7),
    **dict.fromkeys(["k", "K"], 1e3), **dict.fromkeys(["m", "M", "mn", "mln"], 1e6),
    **dict.fromkeys(["B", "bn", "bln"], 1e9), **dict.fromkeys(["T", "tn", "trn"], 1e12),
}  # fmt: skip
_DIGIT_RE = re.compile(
    rf"""
    (?P<junk>\d+(?:[/-]\d+){{2,}}|\d+(?:\.\d+){{2,}}|\d{{3}}-\d{{4}}(?!\d))   # dates, phone numbers, versions
  | (?:(?P<whole>\d{{1,2}}){_S})?(?P<top>\d{{1,3}})/(?P<bottom>\d{{1,3}})(?![\d/])
  | (?P<sign>[-−])?
    (?P<digits>(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_S}\d{{3}})+(?![\d,])|\d+)(?:\.\d+)?|\.\d+)
    (?P<vulgar>[{_VULGAR}])?
  | (?P<lone>[{_VULGAR}])
    """,
    re.VERBOSE,
)
_DIGIT_START = re.compile(rf"[\d{_VULGAR}]")
_ORDINAL_OR_DECADE = re.compile(r"(?:st|nd|rd|th)(?![a-z])|['’]?s(?![\w])", re.IGNORECASE)
_SCALE_WORD_AFTER = re.compile(
    rf"(?:{_S}+|-)?(hundred|thousand|million|billion|trillion|lakhs?|crores?|dozen|bn|bln|mn|mln|tn|trn)(?![\w])",
    re.IGNORECASE,
)
_SCALE_LETTER_AFTER = re.compile(r"([kKmMBT])(?![\w/²³])")
_NEXT_WORD = re.compile(rf"{_S}+([A-Za-z]+)")
# Words after "10m" that make it metres: sizes, distances and races.
_METRE_CONTEXT = frozenset(_words(
    "tall high long deep wide thick away above below under from in across sprint race hurdles freestyle "
    "relay final dash run swim drop fall wall waves depth radius diameter"
))
PLURAL_NOUNS = frozenset(_words(
    "people children men women police staff personnel cattle sheep fish deer troops youth folk livestock "
    "feet teeth mice geese data media crew"
))
_ALLOWED_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})

# The word patterns run on a lowercased copy of the text (`_lowercase`): IGNORECASE is three times slower.
_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
_WORD_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(_SMALL + _WORD_SCALES + ("dozen",)) + r")\b")
_WORD_GAP = re.compile(rf"{_S}*-{_S}*|{_S}+")
_AND_GAP = re.compile(rf"{_S}+and{_S}+|-and-", re.IGNORECASE)
_A_BEFORE = re.compile(r"\b(?:(?:an?[ -]+)?(half|quarter)[ -]+(?:an?[ -]+)?|(an?|one)[ -]+)$", re.IGNORECASE)
_AND_A_PART = re.compile(  # "and a half", "and three quarters"
    rf"(?:{_S}+|-)and(?:{_S}+|-)(a|one|two|three)(?:{_S}+|-)(half|thirds?|quarters?)\b", re.IGNORECASE
)
_SCALE_WORD_ONLY = re.compile(rf"{_S}+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_INDIAN_SCALE = re.compile(rf"{_S}+(lakhs?|crores?)\b", re.IGNORECASE)
_MINUS_BEFORE = re.compile(rf"\b(?:minus|negative){_S}+$", re.IGNORECASE)
_TWICE = re.compile(r"\btwice\b")
_MAGNITUDE_RE = re.compile(
    rf"\b(?:(tens|hundreds){_S}+of{_S}+)?(dozens|hundreds|thousands|millions|billions)\b"
)
_MAX_WORDS = 12  # a longer run of number words is a list ("one, two, three ..."); bounding it bounds the work

_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    **{f"{name}{plural}": n for n, name in enumerate(("fifth", "sixth", "seventh", "eighth", "ninth"), 5)
       for plural in ("", "s")}, "tenth": 10, "tenths": 10,
}  # fmt: skip
_NUMERATORS = {"a": 1, "an": 1, **{word: n for n, word in enumerate(_SMALL[:11]) if n}}
_FRACTION_RE = re.compile(rf"\b(?:({'|'.join(_NUMERATORS)})({_S}+|-))?({'|'.join(_DENOMINATORS)})\b")
_OF_AFTER = re.compile(rf"{_S}+of\b", re.IGNORECASE)
_HALF_OBJECT = re.compile(
    rf"{_S}+(?:of|the|a|an|its|their|his|her|our|your|all|these|those|them|this|that)\b", re.IGNORECASE
)
_NOT_A_HALF_BEFORE = re.compile(rf"\b(?:the|first|second|last|other|latter|former|and a){_S}+$", re.I)


def find_numerals(text: str) -> list[Numeral]:
    """Every numeral in `text`, in order and without overlaps (the earliest, then the longest, wins).

    Ordinals ("3rd"), decades ("1960s"), slash and ISO dates, phone and version numbers and digits glued to a
    word ("G7", "COVID-19", "F-16") are not numerals. "minus 5" is -5; "twice" is 2.
    """
    lowered = _lowercase(text)
    candidates = _digit_numerals(text) + _word_numerals(text, lowered) + _fraction_numerals(text, lowered)
    candidates += [Numeral(m.start(), m.end(), 2.0, NumeralKind.WORDS) for m in _TWICE.finditer(lowered)]
    kept: list[Numeral] = []
    for numeral in sorted(candidates, key=lambda numeral: (numeral.start, -numeral.end)):
        if kept and numeral.start < kept[-1].end:
            continue
        minus = _MINUS_BEFORE.search(text, max(0, numeral.start - 10), numeral.start)
        if minus and numeral.kind is not NumeralKind.FRACTION:
            numeral = replace(numeral, start=minus.start(), value=-numeral.value, plain_integer=False)
        if math.isfinite(numeral.value):
            kept.append(numeral)
    return kept


def find_magnitudes(text: str) -> list[tuple[int, int, float, float]]:
    """Vague counts as `(start, end, low, high)`: "dozens" [24, 120), "thousands" [2,000, 10,000), "tens of
    thousands" [20,000, 100,000), "millions" [2 million, 10 million)."""
    found = []
    for match in _MAGNITUDE_RE.finditer(_lowercase(text)):
        unit = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}[match[2]]
        scale = unit * {None: 1.0, "tens": 10.0, "hundreds": 100.0}[match[1]]
        found.append((match.start(), match.end(), 2 * scale, 10 * scale))
    return found


def words_to_number(span: str) -> float | None:
    """The value of number words ("twenty-four", "a hundred", "two dozen"); None unless they form one."""
    tokens = [token for token in re.split(r"[\s-]+", span.strip().lower()) if token and token != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    if tokens[-1] == "dozen":
        head = words_to_number(" ".join(tokens[:-1])) if len(tokens) > 1 else None
        return None if head is None else head * 12
    if tokens[0] in _WORD_SCALES:
        return None  # "hundred" alone is a name or an idiom ("Hundred Years' War"), never a figure
    if "trillion" in tokens:  # text2num stops at billions
        cut = tokens.index("trillion")
        head = words_to_number(" ".join(tokens[:cut])) if cut else None
        tail = words_to_number(" ".join(tokens[cut + 1 :])) if cut + 1 < len(tokens) else 0.0
        return None if head is None or tail is None else head * 1e12 + tail
    try:
        return float(text2num(" ".join(tokens), "en"))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def _lowercase(text: str) -> str:
    """`text` lowercased with every offset unchanged."""
    lowered = text.lower()
    # A few characters lowercase to two ("İ"); then lowercase ASCII only, which keeps the length.
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
            numeral = _slash_fraction(match)
        elif match["lone"]:
            numeral = Numeral(
                match.start(), match.end(), unicodedata.numeric(match["lone"]), NumeralKind.FRACTION
            )
        else:
            numeral = _decimal(text, match)
        if numeral is not None and not _glued_to_word(text, numeral.start):
            found.append(numeral)
    return found


def _slash_fraction(match: re.Match) -> Numeral | None:
    top, bottom, whole = float(match["top"]), float(match["bottom"]), match["whole"]
    if bottom not in _ALLOWED_DENOMINATORS or not 0 < top < bottom:
        return None  # "9/11", "24/7", "3/15": dates and idioms, not fractions
    if whole:
        return Numeral(match.start(), match.end(), float(whole) + top / bottom, NumeralKind.DIGITS)
    return Numeral(match.start(), match.end(), top / bottom, NumeralKind.FRACTION)


def _decimal(text: str, match: re.Match) -> Numeral | None:
    digits, sign, start, end = match["digits"], match["sign"], match.start(), match.end()
    if sign and start > 0 and (text[start - 1] not in " \t\n([" or text[:start].rstrip()[-1:].isdigit()):
        sign, start = None, match.start("digits")  # "10-15" and "10 - 15" are ranges, not 10 and -15
    if _ORDINAL_OR_DECADE.match(text, end):
        return None
    value = float(re.sub(r"[,\s]", "", digits)) + (unicodedata.numeric(match["vulgar"] or "0"))
    scale, end = _scale_after(text, start, end, digits)
    plain = scale == 1.0 and not sign and not match["vulgar"] and digits.isdigit()
    return Numeral(start, end, (-value if sign else value) * scale, NumeralKind.DIGITS, scale, plain)


def _scale_after(text: str, start: int, end: int, digits: str) -> tuple[float, int]:
    """The scale word after a number ("1.5 million", "£3bn", "10k") as (multiplier, new end)."""
    if word := _SCALE_WORD_AFTER.match(text, end):
        return _SCALES[word[1].lower()], word.end()
    letter = _SCALE_LETTER_AFTER.match(text, end)
    if not letter:
        return 1.0, end
    money = match_currency_prefix(text, start) is not None
    if letter[1] in "BT" and not money:
        return 1.0, end
    if letter[1] == "m" and not (money or _lowercase_m_is_million(text, letter.end(), digits)):
        return 1.0, end
    return _SCALES[letter[1]], letter.end()


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
        if word in PLURAL_NOUNS or (word.endswith("s") and not word.endswith("ss")):
            return True
    return "." in digits


def _glued_to_word(text: str, start: int) -> bool:
    """Digits that are part of a name or code: "G7", "COVID-19", "#5"; "Rs500" and "US$5" are money."""
    before = text[start - 1] if start else " "
    if before.isalnum() or before == "_":
        return match_currency_prefix(text, start) is None
    if before in "#@":
        return True
    if before in ".,-'’" and start >= 2:
        return text[start - 2].isalpha() if before == "-" else text[start - 2].isalnum()
    return False


def _word_numerals(text: str, lowered: str) -> list[Numeral]:
    found: list[Numeral] = []
    matches = list(_NUMBER_WORD_RE.finditer(lowered))
    index = 0
    while index < len(matches):
        size = 1
        while size < _MAX_WORDS and index + size < len(matches) and _joins(text, matches[index + size - 1],
                                                                         matches[index + size]):
            size += 1
        index += _emit_word_number(text, matches[index : index + size], found)
    return found


def _joins(text: str, left: re.Match, right: re.Match) -> bool:
    gap = text[left.end() : right.start()]
    return bool(_WORD_GAP.fullmatch(gap) or (left[1] in _WORD_SCALES and _AND_GAP.fullmatch(gap)))


def _emit_word_number(text: str, group: list[re.Match], found: list[Numeral]) -> int:
    """Append the longest leading run of `group` that reads as one number; return how many words it used."""
    for size in range(len(group), 0, -1):
        start, end, multiplier = group[0].start(), group[size - 1].end(), 1.0
        if group[0][1] in _WORD_SCALES or group[0][1] == "dozen":
            before = _A_BEFORE.search(text, max(0, start - 12), start)  # "a hundred", "half a million"
            if before is None:
                if size == 1:
                    return 1
                continue
            start = before.start()
            if before[1]:
                multiplier = 0.5 if before[1].lower() == "half" else 0.25
        words = text[start:end] if multiplier == 1.0 else "one " + text[group[0].start() : end]
        value = words_to_number(words)
        if value is None:
            continue
        value, end, scale = _fraction_and_scale(text, end, value * multiplier, group[size - 1][1])
        if indian := _INDIAN_SCALE.match(text, end):  # "one crore", "five lakh"
            scale = _SCALES[indian[1].lower()]
            value, end = value * scale, indian.end()
        found.append(Numeral(start, end, value, NumeralKind.WORDS, scale))
        return size
    return 1


def _fraction_and_scale(text: str, end: int, value: float, last_word: str) -> tuple[float, int, float]:
    """Fold in a trailing "and a half" ("and three quarters") and a scale word after it ("two and a half
    million"); return (value, end, scale)."""
    scale = _SCALES[last_word] if last_word in _WORD_SCALES else 1.0
    part = _AND_A_PART.match(text, end)
    if part is None or (_NUMERATORS[part[1].lower()] > 1) != part[2].lower().endswith("s"):
        return value, end, scale
    fraction = _NUMERATORS[part[1].lower()] / _DENOMINATORS[part[2].lower()]
    if scale > 1.0:
        return value + fraction * scale, part.end(), scale
    if scale_word := _SCALE_WORD_ONLY.match(text, part.end()):
        scale = _SCALES[scale_word[1].lower()]
        return (value + fraction) * scale, scale_word.end(), scale
    return value + fraction, part.end(), 1.0


def _fraction_numerals(text: str, lowered: str) -> list[Numeral]:
    found: list[Numeral] = []
    for match in _FRACTION_RE.finditer(lowered):
        numerator_word, joiner, denominator_word = match[1], match[2], match[3]
        start = match.start()
        if numerator_word is None:  # "half of", "half the"; not "the second half of"
            ok = denominator_word == "half" and bool(_HALF_OBJECT.match(text, match.end()))
            ok = ok and not _NOT_A_HALF_BEFORE.search(text, max(0, start - 12), start)
        elif denominator_word.endswith("s"):  # "two-thirds", "three quarters"
            ok = _NUMERATORS[numerator_word] >= 2
        elif denominator_word == "half":  # "a half", but not the end of "an hour and a half"
            ok = _NUMERATORS[numerator_word] == 1 and not lowered[max(0, start - 4) : start].endswith("and ")
        else:  # "one third", "one-third", "a third of"; not "a third term"
            ok = _NUMERATORS[numerator_word] == 1 and (
                numerator_word == "one" or "-" in joiner or bool(_OF_AFTER.match(text, match.end()))
            )
        if ok:
            value = _NUMERATORS.get(numerator_word, 1) / _DENOMINATORS[denominator_word]
            found.append(Numeral(start, match.end(), value, NumeralKind.FRACTION))
    return found


# Spans whose digits are not figures: dates, clock times, web and e-mail addresses.
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
            if not (bottom in _ALLOWED_DENOMINATORS and top < bottom):  # "9/11" is a date, "1/4" a fraction
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


def first_of_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, without those overlapping one kept before (the earliest, then longest, wins)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _number_starts(text: str) -> list[int]:
    """Where runs of digits start after a word boundary: the only places a date or a time can start."""
    return [match.start() for match in _DIGIT_RUN.finditer(text) if not _word_before(text, match.start())]


def _word_before(text: str, position: int) -> bool:
    return position > 0 and (text[position - 1].isalnum() or text[position - 1] == "_")
