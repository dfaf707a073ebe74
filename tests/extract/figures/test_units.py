"""The unit table: dimensions, conversion to base units, and reading unit surfaces."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.figures.unit_matching import match_currency_prefix, match_unit, unit_in_context
from factcheck.extract.figures.units import UNITS, base_unit_of, convert, dimension_of, to_base


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [
        ("km", "length"),
        ("mile", "length"),
        ("hour", "duration"),
        ("year", "duration"),
        ("USD", "currency"),
        ("GBP", "currency"),
        ("percent", "percent"),
        ("percentage_point", "percentage_point"),
        ("fraction", "fraction"),
        ("km2", "area"),
        ("hectare", "area"),
        ("barrel", "volume"),
        ("tonne", "mass"),
        ("celsius", "temperature"),
        ("km/h", "speed"),
        ("times", "ratio"),
        (None, "count"),
        ("dm", "length"),
        ("ug", "mass"),
        ("tablespoon", "volume"),
        ("cup", "volume"),
        ("bit", "data"),
        ("MB", "data"),
        ("arc_degree", "angle"),
        ("radian", "angle"),
        ("FIM", "currency"),
        ("CRC", "currency"),
    ],
)
def test_dimension_of(unit, dimension):
    assert dimension_of(unit) == dimension


@pytest.mark.parametrize(
    ("value", "unit", "expected", "base"),
    [
        (80, "km", 80_000, "m"),
        (50, "mile", 80_467.2, "m"),
        (48, "hour", 172_800, "second"),
        (2, "day", 172_800, "second"),
        (1, "year", 31_556_952, "second"),
        (3, "km2", 3_000_000, "m2"),
        (1, "hectare", 10_000, "m2"),
        (2, "tonne", 2_000, "kg"),
        (10, "lb", 4.5359237, "kg"),
        (1, "barrel", 158.987294928, "l"),
        (212, "fahrenheit", 100, "celsius"),
        (273.15, "kelvin", 0, "celsius"),
        (60, "mph", 96.56064, "km/h"),
        (250, "basis_point", 2.5, "percentage_point"),
        (50, "GBX", 0.5, "GBP"),
        (4.7e9, "USD", 4.7e9, "USD"),
        (12, "percent", 12, "percent"),
        (2, "dm", 0.2, "m"),
        (500, "ug", 5e-7, "kg"),
        (2, "tablespoon", 0.0295735295625, "l"),
        (8, "bit", 1, "byte"),
        (3, "MB", 3e6, "byte"),
        (1, "Mb", 125_000, "byte"),
        (1, "radian", 57.29577951308232, "arc_degree"),
    ],
)
def test_to_base(value, unit, expected, base):
    converted, converted_unit = to_base(value, unit)
    assert converted_unit == base
    assert math.isclose(converted, expected, rel_tol=1e-9, abs_tol=1e-9)


def test_every_unit_converts_to_a_base_that_is_its_own_base():
    for code in UNITS:
        base = base_unit_of(code)
        assert base_unit_of(base) == base, code
        assert dimension_of(base) == dimension_of(code), code


def test_convert_between_units_of_one_dimension():
    assert math.isclose(convert(50, "mile", "km"), 80.4672)
    assert math.isclose(convert(100, "celsius", "fahrenheit"), 212)
    assert math.isclose(convert(3, "day", "hour"), 72)


@pytest.mark.parametrize(("unit", "target"), [("km", "hour"), ("USD", "EUR"), ("degree", "celsius")])
def test_convert_refuses_units_without_a_shared_base(unit, target):
    with pytest.raises(ValueError, match="cannot convert"):
        convert(1, unit, target)


@pytest.mark.parametrize("call", [lambda: dimension_of("parsec"), lambda: to_base(1, "parsec")])
def test_unknown_unit_codes_raise_value_error(call):
    with pytest.raises(ValueError, match="unknown unit code .parsec.; expected a key"):
        call()


@pytest.mark.parametrize(
    ("text", "attached", "expected"),
    [
        ("km west", False, ("km", 2)),
        ("kilometres", False, ("km", 10)),
        ("kilometers per hour", False, ("km/h", 19)),
        ("miles an hour", False, ("mph", 13)),
        ("square miles", False, ("square_mile", 12)),
        ("per cent of", False, ("percent", 8)),
        ("percentage points", False, ("percentage_point", 17)),
        ("%", True, ("percent", 1)),
        ("hours”", False, ("hour", 5)),
        ("degrees Celsius", False, ("celsius", 15)),
        ("°C", True, ("celsius", 2)),
        ("C", True, ("celsius", 1)),
        ("euros", False, ("EUR", 5)),
        ("€ each", False, ("EUR", 1)),
        ("percentage", False, ("percent", 10)),
        ("percents", False, ("percent", 8)),
        ("decimetres", False, ("dm", 10)),
        ("μg", True, ("ug", 2)),
        ("µg", True, ("ug", 2)),
        ("mcg", False, ("ug", 3)),
        ("tbsp", False, ("tablespoon", 4)),
        ("bits", False, ("bit", 4)),
        ("GB", False, ("GB", 2)),
        ("rad", True, ("radian", 3)),
        ("₡", False, ("CRC", 1)),  # every one-character sign may follow the number
        ("₾", True, ("GEL", 1)),
        ("usd", False, ("USD", 3)),  # the common codes in lower case
        ("rmb", False, ("CNY", 3)),
        ("pesetas", False, ("ESP", 7)),
        ("dutch guilders", False, ("NLG", 14)),
    ],
)
def test_match_unit(text, attached, expected):
    assert match_unit(text, 0, attached=attached) == expected


@pytest.mark.parametrize(
    ("text", "attached"),
    [
        ("C grade", False),  # one-letter symbols only count against the number
        ("in the", False),  # "in" is never read as inches
        ("”", True),  # a closing quote is not an inch mark
        ("″", True),
        ("people", False),
        ("kmart", False),  # a symbol must not be the start of a longer word
        ("s", True),  # "1960s" is a decade, not seconds
        ("rad", False),  # "5 rad" is a dose of radiation
        ("try", False),  # only the common codes are read in lower case
    ],
)
def test_match_unit_rejects(text, attached):
    assert match_unit(text, 0, attached=attached) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$", ("USD", 0)),
        ("cost US$", ("USD", 5)),
        ("£", ("GBP", 0)),
        ("a €", ("EUR", 2)),
        ("Rs ", ("INR", 0)),
        ("USD ", ("USD", 0)),
        ("HK$", ("HKD", 0)),
        ("P", ("PHP", 0)),
        ("rmb ", ("CNY", 0)),
        ("₿", ("BTC", 0)),
        ("the ", None),
        ("DRs", None),  # "Rs" inside a word is not rupees
    ],
)
def test_match_currency_prefix(text, expected):
    assert match_currency_prefix(text, len(text)) == expected


@pytest.mark.parametrize(
    ("text", "code", "span", "scale", "expected"),
    [
        ("a fine of 300 pounds", "lb", (14, 20), 1.0, "GBP"),
        ("he weighs 200 pounds", "lb", (14, 20), 1.0, "lb"),
        ("100 pounds of drugs", "lb", (4, 10), 1.0, "lb"),
        ("3 million pounds", "lb", (10, 16), 1e6, "GBP"),
        ("a 200 pound dog", "lb", (6, 11), 1.0, "lb"),
        ("highs of 45C", "celsius", (11, 12), 1.0, "celsius"),
        ("the 13F filing", "fahrenheit", (6, 7), 1.0, None),
        ("5 billion won", "KRW", (10, 13), 1e9, "KRW"),
        ("they won 5", "KRW", (5, 8), 1.0, None),
        ("three times higher", "times", (6, 11), 1.0, "times"),
        ("visited three times", "times", (14, 19), 1.0, None),
        ("80 km", "km", (3, 5), 1.0, "km"),
        ("rotate 90 degrees", "degree", (10, 17), 1.0, "arc_degree"),
        ("a 180-degree turn", "degree", (6, 12), 1.0, "arc_degree"),
        ("it was 24 degrees", "degree", (10, 17), 1.0, "degree"),
    ],
)
def test_unit_in_context(text, code, span, scale, expected):
    assert unit_in_context(text, code, *span, scale=scale) == expected
