"""Quantities in text: values, units, qualifiers, ranges, conversions, what is counted, and what is not."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.figures.quantities import QUALIFIER_WORDS, find_dates, find_quantities
from factcheck.extract.figures.units import dimension_of
from factcheck.extract.values import Qualifier

A = Qualifier.APPROXIMATELY


def _check(text: str, expected: list[dict]) -> None:
    """Each figure found in `text` matches the expected one, field by field (fields not given are skipped)."""
    found = find_quantities(text)
    assert len(found) == len(expected), [q.surface for q in found]
    for quantity, fields in zip(found, expected, strict=True):
        for name, want in fields.items():
            got = getattr(quantity, name)
            if isinstance(want, float) and got is not None:
                assert math.isclose(got, want, rel_tol=1e-9), (name, got, want)
            else:
                assert got == want, (quantity.surface, name, got, want)


# The project's origin article.
ORIGIN_ARTICLE = [
    ("a 48-hour cease-fire", [dict(surface="48-hour", value=48, unit="hour", dimension="duration")]),
    (
        "covering almost 1 million people in besieged areas",
        [
            dict(
                surface="1 million",
                value=1_000_000,
                unit=None,
                dimension="count",
                qualifier=A,
                measured="people",
            )
        ],
    ),
    (
        "less than half of the requests",
        [dict(surface="half", value=0.5, unit="fraction", qualifier=Qualifier.LESS_THAN, measured="requests")],
    ),
    (
        "Damascus approved less than half.",
        [dict(surface="half", value=0.5, unit="fraction", qualifier=Qualifier.LESS_THAN)],
    ),
    ("He was half asleep.", []),
    (
        "about 80 km (50 miles) west of Jarablus",
        [
            dict(surface="80 km", value=80, unit="km", dimension="length", qualifier=A, conversion_of=None),
            dict(
                surface="50 miles",
                value=50,
                unit="mile",
                dimension="length",
                qualifier=A,
                conversion_of="80 km",
            ),
        ],
    ),
    ("almost 600,000 live under siege", [dict(surface="600,000", value=600_000, qualifier=A, measured=None)]),
    ("the 8,000 remaining residents", [dict(value=8000, measured="residents", qualifier=None)]),
    ("that they have controlled for four years.", [dict(surface="four years", value=4, unit="year")]),
    (
        "“We want a pause for 48 hours”",
        [dict(surface="48 hours", value=48, unit="hour", dimension="duration")],
    ),
    ("In July", []),
]

FIGURES = [
    # digits, separators, scale words
    ("600,000 and 1.5 and 4,700.25", [dict(value=600_000), dict(value=1.5), dict(value=4700.25)]),
    ("$4.7 billion appeal", [dict(surface="$4.7 billion", value=4.7e9, unit="USD", dimension="currency")]),
    ("1m people", [dict(surface="1m", value=1e6, unit=None, dimension="count", measured="people")]),
    ("£3bn", [dict(surface="£3bn", value=3e9, unit="GBP", dimension="currency")]),
    ("a 100m sprint", [dict(value=100, unit="m", dimension="length")]),
    ("3 trucks", [dict(value=3, measured="trucks")]),
    # number words
    ("eight thousand", [dict(value=8000)]),
    ("two dozen", [dict(value=24)]),
    ("twenty-four soldiers", [dict(value=24, measured="soldiers")]),
    ("a hundred", [dict(value=100)]),
    ("half a million", [dict(value=500_000, unit=None)]),
    ("two and a half miles", [dict(value=2.5, unit="mile")]),
    ("Ninety-three per cent", [dict(value=93, unit="percent")]),
    # currencies
    ("US$27 billion", [dict(value=27e9, unit="USD")]),
    ("€5", [dict(value=5, unit="EUR")]),
    ("15€", [dict(value=15, unit="EUR")]),
    ("¥100", [dict(value=100, unit="JPY")]),
    ("500 dollars", [dict(value=500, unit="USD")]),
    ("20 euros", [dict(value=20, unit="EUR")]),
    ("200 rupees", [dict(value=200, unit="INR")]),
    ("Rs 1 crore", [dict(value=1e7, unit="INR")]),
    ("a fine of 3 million pounds", [dict(value=3e6, unit="GBP")]),
    ("the hotel cost 300 pounds a night", [dict(value=300, unit="GBP")]),
    ("a hundred pounds of drugs", [dict(value=100, unit="lb", dimension="mass")]),
    ("he weighs 200 pounds", [dict(value=200, unit="lb")]),
    ("£100 ($130)", [dict(unit="GBP"), dict(value=130, unit="USD", conversion_of="£100")]),
    ("N25,750", [dict(value=25_750, unit="NGN")]),
    ("5 billion won", [dict(value=5e9, unit="KRW")]),
    ("they won 5 games", [dict(value=5, unit=None, measured="games")]),
    # percent and percentage points
    ("12%", [dict(value=12, unit="percent", dimension="percent")]),
    ("12 percent", [dict(value=12, unit="percent")]),
    ("12 per cent", [dict(value=12, unit="percent")]),
    ("rose 2 percentage points", [dict(value=2, unit="percentage_point", dimension="percentage_point")]),
    ("only 12% of the people", [dict(value=12, unit="percent", measured="people")]),
    # fractions (unit "fraction", value in [0, 1])
    ("half of Americans", [dict(value=0.5, unit="fraction", dimension="fraction", measured="Americans")]),
    ("a third of the city", [dict(surface="a third", value=1 / 3, unit="fraction")]),
    ("two-thirds of voters", [dict(value=2 / 3, unit="fraction", measured="voters")]),
    ("one in five adults", [dict(surface="one in five", value=0.2, unit="fraction", measured="adults")]),
    ("a quarter of the budget", [dict(value=0.25, unit="fraction")]),
    ("three out of four", [dict(surface="three out of four", value=0.75, unit="fraction")]),
    ("half an hour", [dict(surface="half an hour", value=0.5, unit="hour")]),
    ("a 1/4 inch gap", [dict(value=0.25, unit="inch")]),
    # ranges
    ("between 300 and 400 fighters", [dict(surface="between 300 and 400", value=None, low=300, high=400)]),
    ("10-15%", [dict(surface="10-15%", low=10, high=15, unit="percent")]),
    ("3.5–4.0 TeV", [dict(low=3.5, high=4.0)]),
    ("3 to 4 L of wine", [dict(surface="3 to 4 L", low=3, high=4, unit="l")]),
    ("from 44 mg to 50 mg", [dict(surface="44 mg to 50 mg", low=44, high=50, unit="mg")]),
    ("$5-10 million", [dict(low=5e6, high=10e6, unit="USD")]),
    ("between 5 and 10 million people", [dict(low=5e6, high=10e6, measured="people")]),
    ("two or three days", [dict(low=2, high=3, unit="day")]),
    ("8- to 16-meter", [dict(low=8, high=16, unit="m")]),
    ("temperatures from -18 °C to -34 °C", [dict(low=-34, high=-18, unit="celsius")]),
    ("thousands of people", [dict(value=None, low=2000, high=10_000, measured="people")]),
    # a change is two figures, not a range
    ("rose from 25 mph to 45 mph", [dict(value=25, unit="mph"), dict(value=45, unit="mph")]),
    ("cut the age from 60 to 50", [dict(value=60), dict(value=50)]),
    ("voted 28-8", [dict(value=28), dict(value=8)]),
    # hyphenated adjectives
    ("a five-day truce", [dict(surface="five-day", value=5, unit="day")]),
    ("an 80-kilometre road", [dict(surface="80-kilometre", value=80, unit="km")]),
    ("a 10-year-old boy", [dict(surface="10-year-old", value=10, unit="year")]),
    ("a 220-seat plane", [dict(surface="220", value=220, unit=None, measured="seats")]),
    ("for two more days", [dict(value=2, unit="day")]),
    # other units
    (
        "30 seconds, 5 minutes, 3 weeks, 6 months, 2 decades",
        [dict(unit=u) for u in ("second", "minute", "week", "month", "decade")],
    ),
    (
        "5 km, 5 kilometres, 5 miles, 5 metres, 5 feet",
        [dict(unit=u) for u in ("km", "km", "mile", "m", "foot")],
    ),
    (
        "5 km2, 5 square miles, 5 hectares, 5 acres",
        [dict(unit=u, dimension="area") for u in ("km2", "square_mile", "hectare", "acre")],
    ),
    ("5 litres, 5 gallons, 5 barrels", [dict(unit=u, dimension="volume") for u in ("l", "gallon", "barrel")]),
    ("5 kg, 5 tonnes, 5 tons", [dict(unit=u, dimension="mass") for u in ("kg", "tonne", "ton")]),
    (
        "45°C, 114°F, 32 degrees Celsius",
        [dict(unit=u, dimension="temperature") for u in ("celsius", "fahrenheit", "celsius")],
    ),
    ("a heatwave of 45C", [dict(value=45, unit="celsius")]),
    ("minus 5 degrees Celsius", [dict(value=-5, unit="celsius")]),
    ("300 km/h, 60 mph, 20 knots", [dict(unit=u, dimension="speed") for u in ("km/h", "mph", "knot")]),
    ("1,000 MW", [dict(value=1000, unit="MW", dimension="power")]),
    ("three times higher", [dict(value=3, unit="times", dimension="ratio")]),
    ("twice as likely", [dict(value=2, unit="times")]),
    ("visited three times", [dict(value=3, unit=None)]),
]

# Sums written in two parts, shares written with "over", and the units the Recognizers-Text specs and the
# news-style claims showed missing.
JOINED_AND_MORE_UNITS = [
    ("it only cost 3 dollars 50 cents.", [dict(surface="3 dollars 50 cents", value=3.5, unit="USD")]),
    ("thirteen dollars and forty-five cents", [dict(value=13.45, unit="USD")]),
    ("thirteen dollars forty-five", [dict(value=13.45, unit="USD")]),
    ("The subscription will increase to 17 USD 25.", [dict(surface="17 USD 25", value=17.25, unit="USD")]),
    ("10 $ 30 cent", [dict(surface="10 $ 30 cent", value=10.3, unit="USD")]),
    ("10 $ 30 $", [dict(surface="10 $", value=10), dict(surface="30 $", value=30)]),  # the sign is the first's
    ("$ 20,000.00 $ 37,305.97", [dict(surface="$ 20,000.00", value=20_000), dict(value=37_305.97, unit="USD")]),
    ("$5 USD", [dict(surface="$5 USD", value=5, unit="USD")]),
    ("15 dollars and 20 people", [dict(value=15, unit="USD"), dict(value=20, measured="people")]),
    ("500 yen 50", [dict(value=500, unit="JPY"), dict(value=50)]),  # no hundredths of a yen
    ("he is 5 ft 2 in", [dict(surface="5 ft 2 in", value=5 + 2 / 12, unit="foot")]),
    ("he is 5 feet and 2 inches.", [dict(value=5 + 2 / 12, unit="foot")]),
    ("5 ft 2 in the morning", [dict(value=5, unit="foot"), dict(value=2)]),
    ("one over three", [dict(surface="one over three", value=1 / 3, unit="fraction")]),
    ("negative one over 20", [dict(value=-0.05, unit="fraction")]),
    ("120 over 80", [dict(value=120), dict(value=80)]),  # a blood pressure: a fraction is less than one
    ("1 over 3 people", [dict(value=1), dict(value=3, measured="people")]),
    ("either 10 bln or 10 tln", [dict(value=1e10), dict(value=1e13)]),  # "or" joins close figures only
    ("They lost 75 USD million", [dict(surface="75 USD million", value=75e6, unit="USD")]),
    ("five more losses in excess of 30 MUSD", [dict(value=5), dict(surface="30 MUSD", value=30e6, unit="USD")]),
    ("revenues of about MAUD 60", [dict(surface="MAUD 60", value=60e6, unit="AUD")]),
    ("earn as much as P90,078.", [dict(surface="P90,078", value=90_078, unit="PHP")]),
    ("10 rmb 20 usd", [dict(value=10, unit="CNY"), dict(value=20, unit="USD")]),
    ("usd 20", [dict(value=20, unit="USD")]),
    ("100₾ and 100,000 ₭ and ₿21,000,000", [dict(unit="GEL"), dict(unit="LAK"), dict(unit="BTC")]),
    ("420 million finnish markka", [dict(value=420e6, unit="FIM")]),
    ("6.65 billion pesetas", [dict(value=6.65e9, unit="ESP")]),
    ("The weight is 20 (kg)", [dict(surface="20 (kg)", value=20, unit="kg")]),
    ("The weight is 20 [kg]", [dict(surface="20 [kg]", unit="kg")]),
    ("12 m 2 dm", [dict(unit="m"), dict(value=2, unit="dm", dimension="length")]),
    ("3 tablespoons butter and 1/2 cup oil", [dict(unit="tablespoon"), dict(value=0.5, unit="cup")]),
    ("½ teaspoon", [dict(value=0.5, unit="teaspoon", dimension="volume")]),
    ("150 micrograms, 120 μg", [dict(unit="ug", dimension="mass"), dict(unit="ug")]),
    ("the 16-bit chip", [dict(surface="16-bit", unit="bit", dimension="data")]),
    ("The size of this file is 100 MB", [dict(unit="MB", dimension="data")]),
    ("rotate 90 degrees", [dict(unit="arc_degree", dimension="angle")]),
    ("a 180-degree turn", [dict(unit="arc_degree")]),
    ("the temperature is 24 degrees", [dict(unit="degree", dimension="temperature")]),
    ("The angle is 0.8rad", [dict(value=0.8, unit="radian")]),
    ("100 percentage", [dict(value=100, unit="percent")]),
    ("one hundred percents", [dict(value=100, unit="percent")]),
    ("the percent of 18 voters", [dict(value=18, unit=None, measured="voters")]),
    ("several thousand Special Immigrant Visas", [dict(surface="several thousand", low=2000, high=10_000)]),
    ("a few hundred guests", [dict(low=200, high=1000, measured="guests")]),
    ("5 thousands people", [dict(value=5000, measured="people")]),
    ("3 hundred and 21 yuan", [dict(surface="3 hundred and 21 yuan", value=321, unit="CNY")]),
    ("the 8 to 10 feet walls", [dict(low=8, high=10, unit="foot")]),
]

# "one" counts when it is negated, contrasted with other figures, or after "only": otherwise it is an article or
# a pronoun. Numbers in words after a label noun are names.
ONE_AND_LABELS = [
    (
        "Police said 37 vehicles were involved, and one driver was taken to hospital.",
        [dict(value=37), dict(value=1, measured="driver")],
    ),
    ("There is not one public study on it.", [dict(surface="one", value=1, measured="study")]),
    ("ICE has not deported or detained one white illegal immigrant", [dict(value=1, measured="immigrant")]),
    ("only one", [dict(value=1)]),
    ("in 1995 one scientist at the IPCC said so", []),  # a year is no count to contrast "one" with
    ("One part of the agreement pledges 30 new plants", [dict(value=30)]),  # "one part of": "a part of"
    ("In one tweet, Trump said it was rigged.", []),
    ("It would raise $4 trillion, one study found.", [dict(value=4e12)]),  # "one study": "a study"
    ("at one point the client", []),
    ("they met one-on-one", []),
    ("Trump says it would be one hell of a way to lose.", []),
    ("One day, fans said, the match will be remembered.", []),  # someday
    ("One day is enough.", [dict(value=1, unit="day")]),
    ("the number one killer of teens", []),
    ("phase two of the plan", []),
    ("voted against the Brady Bill five times", [dict(value=5)]),
    ("Pedophile Priest who Raped 200 Children", [dict(value=200)]),  # a verb in a headline is no name
    ("24703 L-202", [dict(value=24703, unit=None)]),  # "L-202" is a code, not litres
    ("see [12,48] and [3]", []),  # citations
]

QUALIFIERS = [
    ("over three years, prices rose", [dict(unit="year", qualifier=None)]),
    ("for over three years", [dict(unit="year", qualifier=Qualifier.MORE_THAN)]),
    ("over 3,000 people", [dict(qualifier=Qualifier.MORE_THAN)]),
    ("under siege", []),
    ("under 18 percent", [dict(qualifier=Qualifier.LESS_THAN)]),
    ("about 5 km", [dict(unit="km", qualifier=A)]),
    ("50 people or more", [dict(qualifier=Qualifier.AT_LEAST)]),
    ("50+ people", [dict(value=50, qualifier=Qualifier.AT_LEAST)]),
    ("10 days or so", [dict(qualifier=A)]),
    ("Nearly 1,000", [dict(qualifier=A)]),
    # "a"/"an" is the number one before a unit only when a qualifier says so
    ("loaded for more than a week", [dict(surface="a week", value=1, unit="week", qualifier=Qualifier.MORE_THAN)]),
    ("less than a mile away", [dict(surface="a mile", value=1, unit="mile", qualifier=Qualifier.LESS_THAN)]),
    ("about an hour", [dict(surface="an hour", value=1, unit="hour", qualifier=A)]),
    ("a week later he left", []),
    ("we waited a week", []),
]

NOT_FIGURES = [
    "In July 2016, the talks began",
    "on 12 March",
    "at 10 a.m. Then",
    "in 2015",
    "since 2011, the war",
    "the 2019 election",
    "between 2003 and 2011",
    "the 2014-15 budget",
    "the first time",
    "the 3rd convoy",
    "for a second",
    "one of the largest",
    "one Syrian people",
    "no one was hurt",
    "Resolution 2254",
    "COVID-19",
    "the G7 summit",
    "F-16 jets",
    "call 555-1234",
    "see page 3",
    "No. 10",
    "a Boeing 757",
    "Formula One",
    "the Big Four",
    "Three Gorges Dam holds water",
    "5G masts",
    "the 9/11 attacks",
    "in the 1960s",
    "https://example.org/2020/05/report?id=12%20",
    "The 13F filing",
    "N95 masks",
    "P90 rifles",
    "",
]


@pytest.mark.parametrize(("text", "expected"), ORIGIN_ARTICLE, ids=[case[0] for case in ORIGIN_ARTICLE])
def test_origin_article(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), FIGURES, ids=[case[0] for case in FIGURES])
def test_figures(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), JOINED_AND_MORE_UNITS, ids=[case[0] for case in JOINED_AND_MORE_UNITS])
def test_joined_figures_and_more_units(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), ONE_AND_LABELS, ids=[case[0] for case in ONE_AND_LABELS])
def test_one_and_labels(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS, ids=[case[0] for case in QUALIFIERS])
def test_qualifiers_in_context(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("words", "qualifier"), sorted(QUALIFIER_WORDS.items(), key=lambda item: item[0]))
def test_every_documented_qualifier_word(words, qualifier):
    text = f"10 people {words}" if words.startswith("or ") or words in ("+", "plus") else f"{words} 10 people"
    if words == "+":
        text = "10+ people"
    elif words == "plus":
        text = "a 10-plus people"
    (quantity,) = find_quantities(text)
    assert quantity.value == 10
    assert quantity.qualifier is qualifier


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("In July 2016 and in 2015", [("July 2016", 2016, None, None), ("2015", 2015, None, None)]),
        ("between 2003 and 2011", [("between 2003 and 2011", None, 2003, 2011)]),
        ("the 2014-15 budget", [("2014-15", None, 2014, 2015)]),
        ("on 12 March at 10 a.m.", [("12 March", None, None, None), ("10 a.m.", None, None, None)]),
        ("2,000 people", []),
    ],
)
def test_find_dates(text, dates):
    assert [(d.surface, d.value, d.low, d.high) for d in find_dates(text)] == dates


def test_dates_and_times_have_their_own_dimensions():
    assert [d.dimension for d in find_dates("on 12 March at 10 a.m.")] == ["date", "time"]


def test_offsets_index_into_the_text():
    text = "Aid agencies say more than 600,000 people are trapped; the UN’s $4.7 billion appeal is 12% funded."
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.surface


@pytest.mark.parametrize(
    "text",
    [
        "$99(",
        "($99",
        "20/2030 and",
        "1 '2",
        "9" * 500,
        "1e400",
        "½½½",
        "−",
        "one " * 300,
        "$" * 50,
        "\x00\ud7ff",
    ],
)
def test_odd_input_does_not_crash(text):
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.surface
        assert quantity.value is None or math.isfinite(quantity.value)


def test_rejects_non_text():
    with pytest.raises(TypeError, match="expected the text to parse as a str"):
        find_quantities(b"12 km")  # type: ignore[arg-type]


def test_long_pathological_input_is_parsed_consistently():
    # Runs of digits, number words, signs and separators are where a careless pattern backtracks; speed is
    # measured by `factcheck bench extraction`, here only that the result is well formed.
    text = ("1,2,3-4-5 one two three $ 9.9.9 – 10 to 20 between " * 400) + "1" * 5000
    found = find_quantities(text)
    assert all(text[q.start : q.end] == q.surface for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


_WORDS = [
    "one", "two", "three", "twenty-four", "hundred", "thousand", "million", "bn", "m", "k", "km", "miles",
    "hours",
    "percent", "per", "cent", "%", "$", "£", "€", "-", "–", "to", "and", "between", "from", "about", "over",
    "under", "almost", "less", "than", "half", "third", "quarter", "of", "the", "people", "residents", "2015",
    "July", "12", "1,000", "4.7", "80", "(", ")", "”", "“", ".", ",", "10-year-old", "48-hour", "1/4", "½",
    "9/11",
    "COVID-19", "a.m.", "3rd", "minus", "+", "or", "more",
    "point", "fifths", "twenty", "dozens", "1e6", "^", "-2", "x10^3", "over", "MUSD", "(kg)", "nought", "several",
    "dollars", "cents", "ft", "in", "USD", "P", "percent", "hundreds", "one", "not", "driver", "[", "]", "crore",
]  # fmt: skip
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=3)), max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_properties_of_any_text(text):
    quantities = find_quantities(text)
    previous_end = 0
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.surface
        assert quantity.start >= previous_end, "spans overlap or are out of order"
        assert quantity.start < quantity.end
        previous_end = quantity.end
        assert (quantity.value is None) == (quantity.low is not None and quantity.high is not None)
        if quantity.low is not None:
            assert quantity.low < quantity.high
        assert quantity.dimension == dimension_of(quantity.unit)
        for number in (quantity.value, quantity.low, quantity.high):
            assert number is None or math.isfinite(number)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_properties_of_dates(text):
    previous_end = 0
    for date in find_dates(text):
        assert text[date.start : date.end] == date.surface
        assert date.start >= previous_end
        previous_end = date.end
        assert date.dimension in ("date", "time")


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("Arson offences rose by 12 percent to 4,480.", ["12 percent", "4,480"]),
        ("The median age rose by two years to 41.5.", ["two years", "41.5"]),
        ("The repairs will cost $5 to 10 million.", ["$5 to 10 million"]),
        ("The route is 5 to 10 km long.", ["5 to 10 km"]),
    ],
)
def test_a_range_names_its_unit_last_or_with_a_currency_sign_first(text: str, surfaces: list[str]) -> None:
    assert [q.surface for q in find_quantities(text)] == surfaces


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The insurer offered a reward of 250,000 pounds for information.", ["GBP"]),
        ("The jug was valued at 40,000 pounds.", ["GBP"]),
        ("Officers seized 20 pounds of cannabis valued at 90,000 pounds.", ["lb", "GBP"]),
        ("The catch weighed 400 pounds.", ["lb"]),
    ],
)
def test_pounds_beside_words_of_money_are_sterling(text: str, units: list[str]) -> None:
    assert [q.unit for q in find_quantities(text)] == units
