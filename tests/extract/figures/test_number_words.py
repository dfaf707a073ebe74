"""Numbers in words: spoken decimals, fractions with any numerator, mixed numbers, plural scales, vague counts."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.figures.number_words import find_magnitudes, trailing_fraction
from factcheck.extract.figures.numerals import NumeralKind, find_numerals


def _one(text: str):
    (numeral,) = find_numerals(text)
    return text[numeral.start : numeral.end], numeral


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("five point five", 5.5),
        ("minus five point five", -5.5),
        ("two hundred point seventy-one", 200.71),
        ("nine point nought four", 9.04),
        ("nought point eleven", 0.11),
        ("zero point zero eight", 0.08),
        ("two point five million", 2.5e6),
    ],
)
def test_spoken_decimals(text, value):
    surface, numeral = _one(text)
    assert surface == text
    assert math.isclose(numeral.value, value)


def test_at_one_point_is_an_idiom():
    assert [n.value for n in find_numerals("at one point five people were hurt")] == [1, 5]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("nought", [0]),
        ("naught point five", [0.5]),
        ("three-nought-four", [3, 0, 4]),  # a row of digits, not 304
        ("zero three", [0, 3]),
        ("all for naught", []),  # idioms
        ("it came to nought", []),
    ],
)
def test_zero_words(text, values):
    assert [n.value for n in find_numerals(text)] == values


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("three fifths", 0.6, NumeralKind.FRACTION),
        ("five - eighths", 0.625, NumeralKind.FRACTION),
        ("one - fourth", 0.25, NumeralKind.FRACTION),
        ("twenty-three fifths", 4.6, NumeralKind.WORDS),
        ("twenty fifths", 4.0, NumeralKind.WORDS),
        ("twenty one fifths", 4.2, NumeralKind.WORDS),
        ("a millionth", 1e-6, NumeralKind.FRACTION),
        ("a hundredth", 0.01, NumeralKind.FRACTION),
        ("a hundred trillionths", 1e-10, NumeralKind.FRACTION),
        # compound ordinals: a tens or scale word then a unit ordinal, after a numerator
        ("one hundred thirty fifths", 100 / 35, NumeralKind.FRACTION),
        ("one hundred thirty-fifths", 100 / 35, NumeralKind.FRACTION),
        ("twenty twenty fifths", 0.8, NumeralKind.FRACTION),
        ("three twenty-firsts", 3 / 21, NumeralKind.FRACTION),
        ("one twenty-fifth", 0.04, NumeralKind.FRACTION),
        ("one one hundred and fifth", 1 / 105, NumeralKind.FRACTION),
        ("ninety - five hundred fifths", 1900, NumeralKind.WORDS),  # no split inside "ninety-five"
    ],
)
def test_fractions_with_word_numerators(text, value, kind):
    surface, numeral = _one(text)
    assert surface == text
    assert math.isclose(numeral.value, value)
    assert numeral.kind is kind


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one hundred and three quarters", 100.75),  # a proper fraction after "and": a mixed number
        ("two hundred and fifty-four hundredths", 200.54),
        ("one hundred and thirty fifths", 26),  # 30/5 is no proper fraction: 130 fifths
        ("one hundred and thirty-two fifths", 26.4),
        ("two and fifty-four hundredths", 2.54),
        ("three and one fourth", 3.25),
        ("one and a fourth", 1.25),
        ("twenty and three fifths", 20.6),
        ("two million and one half", 2.5e6),
        ("five billion and three quarters", 5.75e9),
        ("one billion and a half million", 1_000_500_000),  # the scale word after is the fraction's own
        ("two thirds of a million", 2e6 / 3),
        ("three quarters billion", 7.5e8),
        ("half million", 5e5),
        ("hundred thousand", 1e5),
        ("three dozens", 36),
        ("five dozs", 60),
        ("five hundreds", 500),
        ("three lakh crore", 3e12),
    ],
)
def test_word_numbers(text, value):
    surface, numeral = _one(text)
    assert surface == text
    assert math.isclose(numeral.value, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("several thousand", [(0, 16, 2_000, 10_000)]),
        ("a few million", [(0, 13, 2e6, 1e7)]),
        ("several hundred thousand", [(0, 24, 2e5, 1e6)]),
        ("many hundred", [(0, 12, 200, 1_000)]),
    ],
)
def test_vague_counts(text, expected):
    assert find_magnitudes(text) == expected
    assert find_numerals(text) == []  # read as vague counts only, not as "hundred thousand"


@pytest.mark.parametrize(
    ("text", "end", "value", "scale", "expected"),
    [
        (" and a half", 0, 2.0, 1.0, (2.5, 11, 1.0)),
        (" and a half million", 0, 2.0, 1.0, (2.5e6, 19, 1e6)),
        (" and a half", 0, 3e6, 1e6, (3.5e6, 11, 1e6)),
        (" and three fifths", 0, 2e6, 1e6, (2.6e6, 17, 1e6)),
        (" and two halves", 0, 2.0, 1.0, (2.0, 0, 1.0)),  # no fraction
        (" and three fifth", 0, 2.0, 1.0, (2.0, 0, 1.0)),  # numerator and denominator disagree
        (" people", 0, 2.0, 1.0, (2.0, 0, 1.0)),
    ],
)
def test_trailing_fraction(text, end, value, scale, expected):
    got = trailing_fraction(text, end, value, scale)
    assert math.isclose(got[0], expected[0]) and got[1:] == expected[1:]
