"""Numerals: digits, words, fractions, scale words, exponents, and what is not a numeral."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.figures.number_words import find_magnitudes, words_to_number
from factcheck.extract.figures.numerals import NumeralKind, find_numerals


def _read(text: str) -> list[tuple[str, float]]:
    return [(text[n.start : n.end], n.value) for n in find_numerals(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("600,000", [("600,000", 600_000)]),
        ("1.5", [("1.5", 1.5)]),
        ("4,700.25", [("4,700.25", 4700.25)]),
        (".5", [(".5", 0.5)]),
        ("10 000 dollars", [("10 000", 10_000)]),
        ("$4.7 billion", [("4.7 billion", 4.7e9)]),
        ("£3bn", [("3bn", 3e9)]),
        ("1m people", [("1m", 1e6)]),
        ("£10m", [("10m", 1e7)]),
        ("a 100m sprint", [("100", 100)]),
        ("10m tall", [("10", 10)]),
        ("1.5m", [("1.5m", 1.5e6)]),
        ("€10M", [("10M", 1e7)]),
        ("$2B", [("2B", 2e9)]),
        ("2B pencil", [("2", 2)]),
        ("50k", [("50k", 50_000)]),
        ("$1.2tn", [("1.2tn", 1.2e12)]),
        ("Rs 1 crore", [("1 crore", 1e7)]),
        ("5 lakh", [("5 lakh", 5e5)]),
        ("-18", [("-18", -18)]),
        ("10-15", [("10", 10), ("15", 15)]),
        ("minus 5", [("minus 5", -5)]),
        ("negative −65", [("−65", -65)]),  # one minus, written twice
        ("2½", [("2½", 2.5)]),
        ("2 1/2", [("2 1/2", 2.5)]),
    ],
)
def test_digits(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # exponents and powers
        ("1.3e6", "1.3e6", 1.3e6),
        ("-12e-1", "-12e-1", -1.2),
        ("12.32e+14", "12.32e+14", 12.32e14),
        ("1.3x10^6", "1.3x10^6", 1.3e6),
        ("6.23 x 10^-4", "6.23 x 10^-4", 6.23e-4),
        ("2.48×10−5", "2.48×10−5", 2.48e-5),
        ("6×10⁻⁴", "6×10⁻⁴", 6e-4),
        ("2^10", "2^10", 1024),
        ("2.5^-1", "2.5^-1", 0.4),
        ("-2500^-1", "-2500^-1", -0.0004),  # the sign is the number's, the exponent's "-" the power's
        ("1.1^--23", "1.1^--23", 1.1**23),  # two minus signs cancel
        # groupings, signs and fractions
        ("12,34,567.89 rupees", "12,34,567.89", 1_234_567.89),  # Indian grouping
        ("1,00,000", "1,00,000", 100_000),
        ("-4/5", "-4/5", -0.8),
        ("2  1/4", "2  1/4", 2.25),
        # scale words and letters
        ("1.2b", "1.2b", 1.2e9),
        ("$1MM", "1MM", 1e6),
        ("2mil", "2mil", 2e6),
        ("10 tln", "10 tln", 1e13),
        ("2.33 k", "2.33 k", 2330),
        ("3 dozens", "3 dozens", 36),
        ("5 thousands", "5 thousands", 5000),
        ("1.5 lakh crore", "1.5 lakh crore", 1.5e12),
        ("3 million and a half", "3 million and a half", 3.5e6),
        # a number with a scale word takes a smaller one after it
        ("3 hundred and 21", "3 hundred and 21", 321),
        ("4 thousand 3 hundred and 21", "4 thousand 3 hundred and 21", 4321),
        ("6 crore and two hundred", "6 crore and two hundred", 60_000_200),
    ],
)
def test_digit_forms(text, surface, value):
    (numeral,) = find_numerals(text)
    assert text[numeral.start : numeral.end] == surface
    assert math.isclose(numeral.value, value, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exercises 22,24,26", [("22", 22), ("24", 24), ("26", 26)]),  # a list, not thousands
        ("5 million and 300 volunteers", [("5 million", 5e6), ("300", 300)]),  # the 300 count something else
        ("5 million and 10 million", [("5 million", 5e6), ("10 million", 1e7)]),
        ("5b", [("5", 5)]),  # "b" is a billion after money or a decimal only
        ("1m is equal to 10 dm", [("1", 1), ("10", 10)]),  # "is" is no plural noun: metres
        ("4 km^2", [("4", 4)]),  # the exponent of a unit
        ("scp2-173", []),
        ("300 K", [("300", 300)]),  # kelvin, not thousands
    ],
)
def test_digit_boundaries(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eight thousand", 8000),
        ("two dozen", 24),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("twenty-four", 24),
        ("twenty four", 24),
        ("a hundred", 100),
        ("one hundred and two", 102),
        ("half a million", 500_000),
        ("a quarter million", 250_000),
        ("quarter of a million", 250_000),  # a headline drops the article
        ("two and a half", 2.5),
        ("two and a half million", 2.5e6),
        ("a million and a half", 1.5e6),
        ("five and a quarter", 5.25),
        ("twenty-one trillion", 21e12),
        ("three million two hundred and forty", 3_000_240),
        ("one crore", 1e7),
        ("Ninety-three", 93),
    ],
)
def test_number_words(text, expected):
    (numeral,) = find_numerals(text)
    assert (numeral.start, numeral.end) == (0, len(text))
    assert numeral.kind is NumeralKind.WORDS
    assert math.isclose(numeral.value, expected)


def test_a_list_of_number_words_is_several_numbers():
    assert _read("one two three") == [("one", 1), ("two", 2), ("three", 3)]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("half of the requests", "half", 0.5),
        ("two-thirds of voters", "two-thirds", 2 / 3),
        ("three quarters of", "three quarters", 0.75),
        ("a third of the city", "a third", 1 / 3),
        ("one sixth", "one sixth", 1 / 6),
        ("one-half", "one-half", 0.5),
        ("1/4 inch", "1/4", 0.25),
        ("⅓ cup", "⅓", 1 / 3),
    ],
)
def test_fractions(text, surface, value):
    (numeral,) = find_numerals(text)
    assert numeral.kind is NumeralKind.FRACTION
    assert text[numeral.start : numeral.end] == surface
    assert math.isclose(numeral.value, value)


@pytest.mark.parametrize(
    "text",
    [
        "the second half of the year",  # an ordinal half
        "the first quarter",
        "a third term",
        "3rd",
        "21st-century",
        "the 1960s",
        "the '90s",
        "COVID-19",
        "G7",
        "F-16",
        "#5",
        "version 1.2.3",
        "9/11",
        "24/7",
        "2020-03-12",
        "555-1234",
        "1-800-555-0199",
        "second",
        "hundred",  # a bare scale word is an idiom or a name ("Hundred Years' War")
    ],
)
def test_not_numerals(text):
    assert find_numerals(text) == []


def test_plain_integer_marks_bare_digits_only():
    numerals = find_numerals("2015 and 2,015 and 20.15 and $20m")
    assert [n.plain_integer for n in numerals] == [True, False, False, False]


def test_scale_is_recorded_for_ranges():
    (first, second) = find_numerals("5 to 10 million")
    assert (first.scale, second.scale) == (1.0, 1e6)
    assert second.value / second.scale == 10


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("a hundred", 100),
        ("two dozen", 24),
        ("twenty-four", 24),
        ("two three", None),
        ("million", None),
        ("", None),
    ],
)
def test_words_to_number(span, expected):
    assert words_to_number(span) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thousands of people", [(0, 9, 2_000, 10_000)]),
        ("tens of thousands", [(0, 17, 20_000, 100_000)]),
        ("hundreds of thousands", [(0, 21, 200_000, 1_000_000)]),
        ("Dozens were hurt", [(0, 6, 24, 120)]),
        ("a thousand", []),
    ],
)
def test_magnitudes(text, expected):
    assert find_magnitudes(text) == expected


def test_a_period_before_quarter_is_not_a_fraction() -> None:
    """ "in the third quarter a million were sold": a quarter of the year, then a million."""
    (numeral,) = find_numerals("in the third quarter a million were sold")
    assert numeral.value == 1_000_000
