"""Numerals: digits, words, fractions, scale words, exponents, and what is not a numeral."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.number_words import find_magnitudes, words_to_number
from factcheck.extract.numbers import NumeralKind, find_numerals


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
        ("2½", [("2½", 2.5)]),
        ("2 1/2", [("2 1/2", 2.5)]),
    ],
)
def test_digits(text, expected):
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
