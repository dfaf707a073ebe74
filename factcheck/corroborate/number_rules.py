"""The small rules behind figure comparison: comparable units, what a figure counts, precision, vague amounts."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.extract import Qualifier, Quantity
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME, find_magnitudes, to_base

# Nouns that name no particular group of people: "1.2m people" may be the same figure as "1.2 million voters", but
# never as "1.2 million requests" or "2,500 parcels".
# "others" counts whatever was named before it ("11 people died and 23 others were missing").
GENERIC_NOUNS = frozenset({"people", "person", "persons", "individual", "individuals", "others"})
# Nouns that count whatever was entered in a contest or a show ("318 entries" are "318 dogs" or "318 cakes").
ENTRY_NOUNS = frozenset({"entries", "entrants", "entry", "entrant"})
# Nouns for the whole population of a place or an electorate, which a generic noun may stand for.
POPULATION_NOUNS = frozenset(
    {"resident", "civilian", "inhabitant", "local", "villager", "citizen", "voter", "dweller", "population"}
)
# Plural nouns for people, which a generic "people" may stand for ("3,000 migrants" and "2,953 people"); a generic
# noun never stands for things ("12 percent of people" is not "half of requests").
PERSON_NOUNS = POPULATION_NOUNS | frozenset(
    """migrant refugee evacuee passenger patient child woman man adult pupil student employee worker victim
    casualty survivor farmer tourist visitor pilgrim prisoner detainee inmate troop soldier fighter member nurse
    doctor driver miner protester demonstrator teacher official voter supporter activist family relative neighbour
    neighbor volunteer staff crew personnel spectator fan participant applicant recipient beneficiary""".split()
)
# People named by sex alone, which may stand for a noun for people of any role ("men" for "miners").
GENDERED_NOUNS = frozenset({"man", "woman", "boy", "girl"})
# Words for the same thing, the only synonyms trusted (a wider list would hide real differences): regional
# spellings, the people living in a place (residents, civilians, inhabitants: "8,000 remaining residents"
# and "4,000 civilians remained" count the same people), craft on water and dwellings, which news copy names
# by turns ("212 boats licensed", "about 210 vessels"; "16,800 homes destroyed", "18,600 houses"), and a company's
# workers, a school's pupils and the sea's waves ("two workers were killed", "two of its employees died"), people
# on foot in the hills ("11 walkers", "eleven hikers") and a crowd ("7,300 fans", "7,300 spectators"), the jobs
# a plan cuts ("410 jobs", "410 posts") and the people a prison holds ("two inmates", "two prisoners").
# Households are not homes: "18,000 households reached" counts families served, not buildings.
SYNONYMS = (
    frozenset({"truck", "lorry"}),
    frozenset({"apartment", "flat"}),
    frozenset({"movie", "film"}),
    frozenset({"ship", "vessel", "boat"}),
    frozenset({"home", "house"}),
    frozenset({"worker", "employee", "staff"}),
    frozenset({"pupil", "student", "schoolchild"}),
    frozenset({"wave", "swell"}),
    frozenset({"resident", "civilian", "inhabitant", "local", "villager", "dweller"}),
    frozenset({"hiker", "walker", "rambler", "trekker"}),
    frozenset({"fan", "spectator", "supporter"}),
    frozenset({"job", "post", "position"}),
    frozenset({"inmate", "prisoner", "convict"}),
)
# Plurals without a final "s"; a singular word after a figure is too often a verb or an adjective to be trusted.
IRREGULAR_PLURALS = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "police": "police",
    "cattle": "cattle",
    "livestock": "livestock",
    "staff": "staff",
    "personnel": "personnel",
    "crew": "crew",
    "sheep": "sheep",
    "deer": "deer",
    "aircraft": "aircraft",
}
# Families of units that describe the same kind of thing but cannot be converted into each other.
RELATED_FAMILIES = (frozenset({"percent", "percentage_point"}),)
BOUND_QUALIFIERS = frozenset(
    {Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN, Qualifier.AT_MOST, Qualifier.UP_TO}
)
_MULTIPLIERS = frozenset({"once", "twice", "thrice"})
_COMPOUND_GAP = re.compile(r"^\s*(?:,|and|,\s*and)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity in its family's base unit: `low`/`high` bound it (equal for a single value), `precision` is the
    place of its last significant digit in that unit; `start`/`end` are the surface's offsets."""

    surface: str
    start: int
    end: int
    family: str
    low: float
    high: float
    low_open: bool
    high_open: bool
    written: tuple[float | None, float | None, float | None]  # value, low, high as written, for echo detection
    qualifier: Qualifier | None
    measured: str | None
    precision: float

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.qualifier not in BOUND_QUALIFIERS

    @property
    def hedged(self) -> bool:
        return self.qualifier is Qualifier.APPROXIMATELY

    @property
    def anchor(self) -> float:
        """The value a bound or range is written around (the bound itself; a range's middle)."""
        if self.qualifier in BOUND_QUALIFIERS:
            return self.low if math.isfinite(self.low) else self.high
        return (self.low + self.high) / 2


# The counted noun of a change a rule worked out from its two ends (`figure_changes.py`): its frame is read as a
# change and a reason names the two ends.
DERIVED_CHANGE = "(worked-out change)"


def exact_figure(surface: str, start: int, end: int, family: str, value: float, precision: float = 1.0) -> Figure:
    """A single value a rule read from the text itself (a time told in words, a share worked out from "248 of the
    399", an event's year), not from a quantity: no qualifier, no counted noun."""
    return Figure(surface, start, end, family, value, value, False, False, (value, None, None), None, None, precision)


def to_figures(quantities: Sequence[Quantity], text: str | None = None) -> list[Figure]:
    """The quantities as `Figure`s, without vague amounts ("thousands") or the second figure of a conversion,
    and with compound durations ("2 hours 55 minutes") summed into one. `text`, when given, is what the
    offsets index into; without it two parts join only when at most five characters apart."""
    figures: list[Figure] = []
    for quantity in quantities:
        if quantity.conversion_of is not None and figures and figures[-1].surface == quantity.conversion_of:
            figures[-1] = _told_finer(figures[-1], _figure(quantity))
        if quantity.conversion_of is not None or is_vague(quantity):
            continue
        if quantity.surface.strip().lower() in _MULTIPLIERS:
            continue  # "flooded twice" counts occurrences, not things
        figure = _figure(quantity)
        if figure is None:
            continue
        previous = figures[-1] if figures else None
        if previous is not None and _continues(previous, figure, text):
            figure = _joined(previous, figure, text)
            figures.pop()
        figures.append(figure)
    return figures


def _told_finer(figure: Figure, conversion: Figure | None) -> Figure:
    """`figure` told to the finer digit of its conversion when that conversion is exact to it: "1,300C (2,372F)"
    is 1,300C to the degree Fahrenheit, not 1,300C to the hundred (2,372F is 1,300C exactly, where 1,280C would
    be 2,336F); "80 km (50 miles)" keeps its own digit. A hedge on either side keeps it too: "about 5 km (3.1
    miles)" converts a rounded figure."""
    if conversion is None or conversion.family != figure.family or figure.qualifier or conversion.qualifier:
        return figure
    if not (figure.is_point and conversion.is_point) or conversion.precision >= figure.precision:
        return figure
    if abs(conversion.anchor - figure.anchor) > conversion.precision / 2 * (1 + 1e-9):
        return figure
    return replace(figure, precision=conversion.precision)


def is_vague(quantity: Quantity) -> bool:
    """True for a vague amount such as "thousands" or "tens of thousands", which no figure can confirm."""
    if quantity.value is not None:
        return False
    return any(end - start >= len(quantity.surface.strip()) - 1 for start, end, *_ in find_magnitudes(quantity.surface))


def measured_compatible(first: str | None, second: str | None) -> bool:
    """Whether two counted nouns may name the same thing: yes when either is missing or not a plural noun (a
    parsing guess); when both are plurals, only the same noun, a listed synonym, or a generic noun ("people")
    beside a noun for people ("residents", "migrants"): "people" is not "requests" or "parcels"."""
    if not first or not second:
        return True
    forms_first, forms_second = _singular_forms(first), _singular_forms(second)
    if forms_first is None or forms_second is None or forms_first & forms_second:
        return True
    if first.lower() in GENERIC_NOUNS and forms_second & PERSON_NOUNS:
        return True
    if second.lower() in GENERIC_NOUNS and forms_first & PERSON_NOUNS:
        return True
    if _gendered_for_role(forms_first, forms_second) or _gendered_for_role(forms_second, forms_first):
        return True
    return any(forms_first & group and forms_second & group for group in SYNONYMS)


def _gendered_for_role(gendered: frozenset[str], role: frozenset[str]) -> bool:
    """ "Eleven men" may be the "eleven miners": men and women name people as generally as "people" does, for any
    noun for people but the other sex ("12 women" is not "12 men")."""
    return bool(gendered & GENDERED_NOUNS) and bool(role & PERSON_NOUNS) and not role & GENDERED_NOUNS


def same_counted(first: str | None, second: str | None) -> bool:
    """Both nouns are given, are plural nouns and name the same thing (same noun, a synonym, "people" beside a
    population noun): stronger than `measured_compatible`, which also lets a missing noun through."""
    if not first or not second:
        return False
    forms_first, forms_second = _singular_forms(first), _singular_forms(second)
    if forms_first is None or forms_second is None:
        return first.lower() == second.lower()
    if bool(forms_first & GENDERED_NOUNS) != bool(forms_second & GENDERED_NOUNS):
        return False  # "men" may be the miners, but names no role: "twelve men who were trapped" is not grounded
    return measured_compatible(first, second)


def related_families(first: str, second: str) -> bool:
    """Families of the same kind that cannot be converted (percent and percentage points; two currencies)."""
    if first == second:
        return False
    if any({first, second} <= group for group in RELATED_FAMILIES):
        return True
    return is_currency(first) and is_currency(second)


# The step of each unit of time a sum may be told in ("three years and nine months", "two hours and fifty minutes").
_TIME_STEPS = (("second", 1.0), ("minute", 60.0), ("hour", 3600.0), ("day", 86400.0), ("week", 604800.0))


def significant_precision(value: float) -> float:
    """The place of the last significant digit of `value`: 8,000 -> 1,000; 1.2 million -> 100,000; 44.6 -> 0.1.
    Trailing zeros of a whole number are taken as rounding, the usual reading of a figure in the news."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    digits = format(abs(value), ".12e").split("e")
    mantissa, exponent = digits[0].replace(".", "").rstrip("0") or "0", int(digits[1])
    return 10.0 ** (exponent - len(mantissa) + 1)


def _figure(quantity: Quantity) -> Figure | None:
    unit = quantity.unit
    try:
        family, scale, shift = family_of(unit)
    except ValueError:
        return None  # a unit code the table does not know: nothing to compare it with

    def base(value: float) -> float:
        return value * scale + shift

    written = (quantity.value, quantity.low, quantity.high)
    if quantity.value is None:
        if quantity.low is None or quantity.high is None:
            return None
        low, high, low_open, high_open = base(quantity.low), base(quantity.high), False, False
        reference = quantity.high
    else:
        value = base(quantity.value)
        low, high, low_open, high_open = _bounds(value, quantity.qualifier)
        if family == CLOCK_TIME:
            # "shortly after 6.40 p.m." holds 18:40 itself: a time is told to its minute, and that minute is in it
            low_open, high_open = low_open and math.isinf(low), high_open and math.isinf(high)
        reference = quantity.value
    # A time of day is exact to its minute: "20:00" is not 20:00 give or take an hour, as 2,000 people may be; a day
    # of a month is exact to its day: "January 10" is not any day from the 6th to the 14th
    precision = 1.0 if family in (CLOCK_TIME, CALENDAR_DAY) else significant_precision(reference) * scale
    if family == "second":
        # "two hours and fifty minutes" (2.8333 hours) is told to its minute, not to the last digit of a sum
        finest = [seconds for word, seconds in _TIME_STEPS if re.search(rf"\b{word}s?\b", quantity.surface)]
        # but a race time told to a tenth ("2 minutes 6.2 seconds") is told to its tenth
        tenths = re.search(r"\d\.\d+\s*seconds?\b", quantity.surface)
        precision = max(precision, min(finest)) if len(finest) > 1 and not tenths else precision
    return Figure(
        quantity.surface,
        quantity.start,
        quantity.end,
        family,
        low,
        high,
        low_open,
        high_open,
        written,
        quantity.qualifier,
        quantity.measured,
        precision,
    )


def _bounds(value: float, qualifier: Qualifier | None) -> tuple[float, float, bool, bool]:
    if qualifier is Qualifier.MORE_THAN:
        return value, math.inf, True, True
    if qualifier is Qualifier.AT_LEAST:
        return value, math.inf, False, True
    if qualifier is Qualifier.LESS_THAN:
        return -math.inf, value, True, True
    if qualifier in (Qualifier.AT_MOST, Qualifier.UP_TO):
        return -math.inf, value, True, False
    return value, value, False, False


def family_of(unit: str | None) -> tuple[str, float, float]:
    """(family, factor, offset) taking a value in `unit` to its family's base unit; a fraction is a percent."""
    if unit is None:
        return "count", 1.0, 0.0
    if unit == "fraction":
        return "percent", 100.0, 0.0
    if unit in (CALENDAR_DAY, CLOCK_TIME):
        return unit, 1.0, 0.0  # a day of a month or a time of day, compared only with another
    zero, base = to_base(0.0, unit)
    one, _ = to_base(1.0, unit)
    return base, one - zero, zero


def is_currency(family: str) -> bool:
    return family.isupper() and len(family) == 3


def _singular_forms(word: str) -> frozenset[str] | None:
    """The singular forms `word` could be the plural of, or None when it does not look like a plural noun."""
    lowered = word.lower()
    if lowered in IRREGULAR_PLURALS:
        return frozenset({lowered, IRREGULAR_PLURALS[lowered]})
    if not lowered.endswith("s") or lowered.endswith("ss") or len(lowered) < 3:
        return None
    forms = {lowered, lowered[:-1], lowered[:-2]}
    if lowered.endswith("ies"):
        forms.add(lowered[:-3] + "y")
    return frozenset(forms)


def _continues(previous: Figure, figure: Figure, text: str | None) -> bool:
    """Whether `figure` is the next part of a compound duration begun by `previous` ("2 hours 55 minutes")."""
    if previous.family != "second" or figure.family != "second" or not (previous.is_point and figure.is_point):
        return False
    if figure.qualifier is not None or figure.precision >= previous.precision or figure.low >= previous.precision:
        return False  # parts run from larger units to smaller, each smaller than one of the unit before it
    if text is None:
        return figure.start - previous.end <= 5
    return bool(_COMPOUND_GAP.match(text[previous.end : figure.start]))


def _joined(previous: Figure, figure: Figure, text: str | None) -> Figure:
    total = previous.low + figure.low
    surface = text[previous.start : figure.end] if text is not None else f"{previous.surface} {figure.surface}"
    return Figure(
        surface,
        previous.start,
        figure.end,
        previous.family,
        total,
        total,
        False,
        False,
        (None, None, None),
        previous.qualifier,
        None,
        figure.precision,
    )


def positions_in(text: str, figures: Sequence[Figure]) -> dict[int, int]:
    """Where each figure is in `text`, keyed by its own start and found by its words in order: a claim's figures
    index into its article while the comparison reads its sentence; a passage's figures map to themselves."""
    positions, cursor = {}, 0
    for figure in sorted(figures, key=lambda f: f.start):
        found = text.find(figure.surface, cursor)
        if found >= 0:
            positions[figure.start] = found
            cursor = found + len(figure.surface)
    return positions
