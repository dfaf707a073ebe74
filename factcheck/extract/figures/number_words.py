"""Numbers in words: "twenty-four", "half a million", "two and a half", "three fifths", "five point two"."""

from __future__ import annotations

import re

from text_to_num import text2num

from factcheck.extract.figures.numeral_type import SCALES, SPACE, Numeral, NumeralKind, lowercase

_S = SPACE


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The word patterns run on a lowercased copy of the text (`lowercase`): IGNORECASE is three times slower.
_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
_ZEROS = ("nought", "naught")
_ZERO_WORDS = ("zero", *_ZEROS)
_WORD_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
_PLURAL_SCALES = ("hundreds", "thousands", "millions", "billions")  # "five hundreds", as written in some countries
_DOZENS = ("dozens", "dozen", "dozs", "doz", "dzs", "dz")
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(_SMALL + _ZEROS + _WORD_SCALES + _PLURAL_SCALES + _DOZENS) + r")\b")
_WORD_GAP = re.compile(rf"{_S}*-{_S}*|{_S}+")
_SPACE_GAP = re.compile(rf"{_S}+")
_AND_GAP = re.compile(rf"{_S}+and{_S}+|-and-", re.IGNORECASE)
# "a hundred", "half a million", "quarter of a million" (a headline drops the article before "quarter")
_A_BEFORE = re.compile(
    r"\b(?:(?:an?[ -]+)?(half|quarter)[ -]+(?:of[ -]+)?(?:an?[ -]+)?|(an?|one)[ -]+)$", re.IGNORECASE
)
_ARTICLE_BEFORE = re.compile(r"\b()(?:an?|one)[ -]+$", re.IGNORECASE)  # group 1 empty: no fraction
_PERIOD_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|last|next|previous|the)[ -]+$", re.IGNORECASE)
_VAGUE_BEFORE = re.compile(rf"\b(?:several|few|many|some){_S}+$", re.IGNORECASE)
_SCALE_WORD_ONLY = re.compile(rf"{_S}+(thousand|million|billion|trillion)s?\b", re.IGNORECASE)
_INDIAN_SCALE = re.compile(rf"{_S}+(lakhs?|crores?)\b(?:{_S}+(crores?)\b)?", re.IGNORECASE)
_MAGNITUDE_RE = re.compile(
    rf"\b(?:(tens|hundreds){_S}+of{_S}+)?(dozens|hundreds|thousands|millions|billions)\b"
    rf"|\b(?:several|a{_S}+few|many){_S}+(hundred|thousand|million|billion)(?:{_S}+(thousand|million|billion))?\b"
)
_VAGUE_UNITS = {"dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
_MAX_WORDS = 12  # a longer run of number words is a list ("one, two, three ..."); bounding it bounds the work

# Denominators: the ordinals that name a part of a whole, and the scale ordinals ("a millionth").
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    **{f"{name}{plural}": n for n, name in enumerate(("fifth", "sixth", "seventh", "eighth", "ninth"), 5)
       for plural in ("", "s")}, "tenth": 10, "tenths": 10,
    **{f"{name}th{plural}": SCALES[name] for name in _WORD_SCALES for plural in ("", "s")},
}  # fmt: skip
_SCALE_ORDINALS = frozenset(f"{name}th" for name in _WORD_SCALES)
_TENS = {word: 10 * n for n, word in enumerate(_SMALL[20:], 2)}
_UNIT_ORDINALS = {"first": 1, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9}
_UNIT_ORDINAL_AFTER = re.compile(rf"({_S}+and)?(?:{_S}+|-)({'|'.join(_UNIT_ORDINALS)})(s?)\b(?!-[a-z])", re.IGNORECASE)
_DENOMINATOR_WORDS = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
_FRACTION_RE = re.compile(rf"\b(?:(an?)({_S}+|{_S}*-{_S}*))?({_DENOMINATOR_WORDS})\b")
_DENOMINATOR_AFTER = re.compile(rf"(?:{_S}*-{_S}*|{_S}+)({_DENOMINATOR_WORDS})\b(?!-[a-z])", re.IGNORECASE)
_AND_PART = re.compile(  # "and a half", "and three quarters", "and fifty-four hundredths"
    rf"(?:{_S}+|-)and(?:{_S}+|-)(an?|[a-z]+(?:-[a-z]+|{_S}+[a-z]+)?)(?:{_S}*-{_S}*|{_S}+)({_DENOMINATOR_WORDS})\b",
    re.IGNORECASE,
)
_SCALED_FRACTION = re.compile(rf"(?:{_S}+of{_S}+an?)?{_S}+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_OF_AFTER = re.compile(rf"{_S}+of\b", re.IGNORECASE)
# A comparison before a bare "half" makes it a share even with nothing after it: "approved less than half."; so it
# does before "a fifth" or "a third" ("about a fifth had severe bleaching").
_HEDGE_BEFORE_HALF = re.compile(r"\b(?:less than|more than|fewer than|nearly|almost|about|over|under|roughly)\s+$")
_HALF_OBJECT = re.compile(
    rf"{_S}+(?:of|the|a|an|its|their|his|her|our|your|all|these|those|them|this|that)\b", re.IGNORECASE
)
_NOT_A_HALF_BEFORE = re.compile(rf"\b(?:the|first|second|last|other|latter|former|and a){_S}+$", re.I)

# Spoken decimals: "five point two", "nine point nought four", "two hundred point seventy-one".
_DIGIT_WORDS = {"zero": 0, "nought": 0, "naught": 0, **{word: n for n, word in enumerate(_SMALL[:10]) if n}}
_POINT = re.compile(rf"{_S}+point{_S}+", re.IGNORECASE)
_DIGIT_WORD_RUN = re.compile(
    rf"(?:{'|'.join(_DIGIT_WORDS)})\b(?:(?:{_S}+|-)(?:{'|'.join(_DIGIT_WORDS)})\b)*", re.IGNORECASE
)
_TWO_WORDS = re.compile(rf"([a-z]+)(?:(?:{_S}+|-)[a-z]+)?\b", re.IGNORECASE)
_AT_BEFORE = re.compile(rf"\bat{_S}+$", re.IGNORECASE)
_IDIOM_BEFORE_NAUGHT = re.compile(rf"\b(?:for|to){_S}+$", re.IGNORECASE)


def words_to_number(span: str) -> float | None:
    """The value of number words ("twenty-four", "a hundred", "two dozen"); None unless they form one."""
    tokens = [token for token in re.split(r"[\s-]+", span.strip().lower()) if token and token != "and"]
    if not tokens:
        return None
    tokens = [
        "zero" if token in _ZEROS else token.removesuffix("s") if token in _PLURAL_SCALES else token for token in tokens
    ]
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    if tokens[-1] in _DOZENS:
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


def find_magnitudes(text: str) -> list[tuple[int, int, float, float]]:
    """Vague counts as `(start, end, low, high)`: "dozens" [24, 120), "thousands" [2,000, 10,000), "tens of
    thousands" [20,000, 100,000), "several thousand" [2,000, 10,000), "a few million" [2 million, 10 million)."""
    found = []
    for match in _MAGNITUDE_RE.finditer(lowercase(text)):
        if match[2]:
            unit = _VAGUE_UNITS[match[2]] * {None: 1.0, "tens": 10.0, "hundreds": 100.0}[match[1]]
        else:
            unit = SCALES[match[3]] * (SCALES[match[4]] if match[4] else 1.0)
        found.append((match.start(), match.end(), 2 * unit, 10 * unit))
    return found


def word_numerals(text: str, lowered: str) -> list[Numeral]:
    """Runs of number words as numerals, with what completes them: a denominator ("twenty fifths"), spoken
    decimals ("five point two"), "and a half", a scale word after ("two and a half million"), lakh and crore."""
    found: list[Numeral] = []
    matches = list(_NUMBER_WORD_RE.finditer(lowered))
    index = 0
    while index < len(matches):
        size = 1
        while (
            size < _MAX_WORDS
            and index + size < len(matches)
            and _joins(text, matches[index + size - 1], matches[index + size])
        ):
            size += 1
        index += _emit_word_number(text, matches[index : index + size], found)
    return found


def fraction_numerals(text: str, lowered: str) -> list[Numeral]:
    """Fractions led by an article or standing alone: "a third of", "a half", "a millionth", "half of the".

    Fractions led by number words ("two-thirds", "one in five" aside) are read by `word_numerals`.
    """
    found: list[Numeral] = []
    for match in _FRACTION_RE.finditer(lowered):
        article, joiner, word = match[1], match[2], match[3]
        start = match.start()
        if article is None:  # "half of", "half the", "less than half."; not "the second half of"
            ok = word == "half" and bool(
                _HALF_OBJECT.match(text, match.end()) or _HEDGE_BEFORE_HALF.search(lowered, max(0, start - 14), start)
            )
            ok = ok and not _NOT_A_HALF_BEFORE.search(text, max(0, start - 12), start)
        elif word.endswith("s"):
            ok = False
        elif word == "half":  # "a half", but not the end of "an hour and a half"
            ok = not lowered[max(0, start - 4) : start].endswith("and ")
        elif word in _SCALE_ORDINALS:  # "a millionth of a second"
            ok = True
        else:  # "a third of the city", "a-third", "about a fifth had"; not "a third term"
            ok = "-" in joiner or bool(_OF_AFTER.match(text, match.end()))
            ok = ok or bool(_HEDGE_BEFORE_HALF.search(lowered, max(0, start - 14), start))
        if ok:
            found.append(_scaled_fraction(text, start, match.end(), 1 / _DENOMINATORS[word]))
    return found


def trailing_fraction(text: str, end: int, value: float, scale: float) -> tuple[float, int, float]:
    """Fold a trailing "and a half" ("and three quarters") and a scale word after it into a number that ends at
    `end` with scale `scale`: "two and a half million", "3 million and a half", "one billion and a half million".

    Returns:
        (value, end, scale) after the fraction, or the arguments unchanged when none follows.
    """
    part = _AND_PART.match(text, end)
    if part is None:
        return value, end, scale
    word = part[2].lower()
    numerator = 1.0 if part[1].lower() in ("a", "an") else words_to_number(part[1])
    if numerator is None or numerator < 1 or not numerator.is_integer() or word == "halves":
        return value, end, scale
    if (numerator > 1) != word.endswith("s"):
        return value, end, scale
    fraction = numerator / _DENOMINATORS[word]
    if following := _SCALE_WORD_ONLY.match(text, part.end()):
        named = SCALES[following[1].lower()]
        if named > scale:  # "two and a half million", "a hundred and a quarter billion"
            return (value + fraction) * named, following.end(), named
        # "one billion and a half million": the smaller scale word after is the fraction's own
        return value + fraction * named, following.end(), scale
    # "a million and a half" is 1.5 million, but "one hundred and three quarters" is 100.75.
    return value + fraction * (scale if scale >= 1e3 else 1.0), part.end(), scale


def _joins(text: str, left: re.Match, right: re.Match) -> bool:
    if left[1] in _ZERO_WORDS or right[1] in _ZERO_WORDS:
        return False  # "three-nought-four" is a row of digits, not 304
    if left[1] in _PLURAL_SCALES or (right[1] in _PLURAL_SCALES and left[1] not in _SMALL):
        return False  # "five hundreds" is 500; "hundreds" alone and "a million thousands" are vague
    gap = text[left.end() : right.start()]
    return bool(_WORD_GAP.fullmatch(gap) or (left[1] in _WORD_SCALES and _AND_GAP.fullmatch(gap)))


def _emit_word_number(text: str, group: list[re.Match], found: list[Numeral]) -> int:
    """Append the longest leading run of `group` that reads as one number; return how many words it used."""
    if fraction := _compound_denominator(text, group):
        found.append(fraction)
        return len(group)
    for size in range(_mixed_number_cut(text, group) or len(group), 0, -1):
        start, end, multiplier, words = group[0].start(), group[size - 1].end(), 1.0, None
        head = group[0][1]
        if head in _PLURAL_SCALES:
            return 1  # "thousands": a vague count (`find_magnitudes`)
        if head in _ZEROS and size == 1 and _IDIOM_BEFORE_NAUGHT.search(text, max(0, start - 6), start):
            return 1  # "all for naught", "came to nought"
        if head in _WORD_SCALES or head in _DOZENS:
            before = _A_BEFORE.search(text, max(0, start - 16), start)
            if (
                before is not None
                and before[1]
                and _PERIOD_BEFORE.search(text, max(0, before.start() - 10), before.start())
            ):
                # "in the third quarter a million were sold": a period, then a count
                before = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
            if before is not None:
                start = before.start()
                if before[1]:
                    multiplier = 0.5 if before[1].lower() == "half" else 0.25
                    words = "one " + text[group[0].start() : end]
            elif head == "hundred" and size > 1 and group[1][1] in _WORD_SCALES[1:]:
                if _VAGUE_BEFORE.search(text, max(0, start - 12), start):
                    return size  # "several hundred thousand": a vague count (`find_magnitudes`)
                words = "one " + text[start:end]  # "hundred thousand dollars"
            elif size == 1:
                return 1
            else:
                continue
        value = words_to_number(words or text[start:end])
        if value is None:
            continue
        found.append(_complete(text, start, end, value * multiplier, group[size - 1][1]))
        return size
    return 1


def _mixed_number_cut(text: str, group: list[re.Match]) -> int | None:
    """In "one hundred and three quarters" the words after the last "and" are a fraction's numerator: how many
    words the whole number has. None when no denominator follows the group, it has no "and", or the words after
    it are not a proper fraction ("one hundred and thirty fifths" is 130 fifths)."""
    if len(group) < 2 or not (denominator := _DENOMINATOR_AFTER.match(text, group[-1].end())):
        return None
    for index in range(len(group) - 1, 0, -1):
        if _AND_GAP.fullmatch(text, group[index - 1].end(), group[index].start()):
            numerator = words_to_number(text[group[index].start() : group[-1].end()])
            proper = numerator is not None and numerator < _DENOMINATORS[denominator[1].lower()]
            return index if proper else None
    return None


def _compound_denominator(text: str, group: list[re.Match]) -> Numeral | None:
    """A fraction over a compound ordinal: "one hundred thirty fifths" (100/35), "three twenty-firsts" (3/21),
    "one one hundred and fifth" (1/105).

    Only where the words before the ordinal end in a tens or scale word and split into two numbers at a space
    (not "and", not a hyphen): "twenty fifths" alone is 20/5, "one hundred and thirty fifths" 130/5. "second"
    is left out, as "one twenty-second clip" is a length of time.
    """
    if len(group) < 2 or not (group[-1][1] in _TENS or group[-1][1] in _WORD_SCALES):
        return None
    ordinal = _UNIT_ORDINAL_AFTER.match(text, group[-1].end())
    if ordinal is None or (ordinal[1] and group[-1][1] in _TENS):
        return None  # "thirty and fifth" is no ordinal
    for split in range(1, len(group)):
        if not _SPACE_GAP.fullmatch(text, group[split - 1].end(), group[split].start()):
            continue  # no split at "and" or inside "ninety-five"
        numerator = words_to_number(text[group[0].start() : group[split - 1].end()])
        rest = words_to_number(text[group[split].start() : group[-1].end()])
        if numerator is None or rest is None or (numerator == 1) == bool(ordinal[3]):
            continue  # "one twenty-fifth", "three twenty-firsts"
        denominator = rest + _UNIT_ORDINALS[ordinal[2].lower()]
        return Numeral(group[0].start(), ordinal.end(), numerator / denominator, NumeralKind.FRACTION)
    return None


def _complete(text: str, start: int, end: int, value: float, last_word: str) -> Numeral:
    """The numeral of number words `text[start:end]` (read as `value`) with what follows them."""
    whole = value.is_integer() and value >= 1
    if whole and (denominator := _DENOMINATOR_AFTER.match(text, end)):
        word = denominator[1].lower()
        if (value == 1) != word.endswith("s") and word != "halves":  # "one fifth", "twenty-three fifths"
            return _scaled_fraction(text, start, denominator.end(), value / _DENOMINATORS[word])
    scale = SCALES.get(last_word.removesuffix("s"), 1.0) if last_word in _WORD_SCALES + _PLURAL_SCALES else 1.0
    at_one_point = value == 1 and _AT_BEFORE.search(text, max(0, start - 4), start)  # "at one point, ..."
    if value.is_integer() and not at_one_point and (decimal := _point_decimal(text, end)):
        value, end, scale = value + decimal[0], decimal[1], 1.0
        if following := _SCALE_WORD_ONLY.match(text, end):  # "two point five million"
            scale = SCALES[following[1].lower()]
            value, end = value * scale, following.end()
    value, end, scale = trailing_fraction(text, end, value, scale)
    if indian := _INDIAN_SCALE.match(text, end):  # "one crore", "five lakh", "three lakh crore"
        scale = SCALES[indian[1].lower()] * (SCALES[indian[2].lower()] if indian[2] else 1.0)
        value, end = value * scale, indian.end()
    return Numeral(start, end, value, NumeralKind.WORDS, scale)


def _point_decimal(text: str, end: int) -> tuple[float, int] | None:
    """The decimal part spoken after "point" as (fraction, end): "point five" (.5), "point nought four" (.04),
    "point seventy-one" (.71)."""
    point = _POINT.match(text, end)
    if point is None:
        return None
    if run := _DIGIT_WORD_RUN.match(text, point.end()):
        digits = "".join(str(_DIGIT_WORDS[word.lower()]) for word in re.split(rf"(?:{_S}|-)+", run.group()))
        return int(digits) / 10 ** len(digits), run.end()
    if pair := _TWO_WORDS.match(text, point.end()):
        for words, stop in ((pair.group(), pair.end()), (pair[1], pair.end(1))):  # "point eleven percent"
            number = words_to_number(words)
            if number is not None and number.is_integer() and 10 <= number < 100:
                return number / 100, stop
    return None


def _scaled_fraction(text: str, start: int, end: int, value: float) -> Numeral:
    """A fraction, or a number when a scale word follows: "two thirds of a million", "three quarters billion"."""
    if scale_word := _SCALED_FRACTION.match(text, end):
        scale = SCALES[scale_word[1].lower()]
        return Numeral(start, scale_word.end(), value * scale, NumeralKind.WORDS, scale)
    return Numeral(start, end, value, NumeralKind.FRACTION if value < 1 else NumeralKind.WORDS)
