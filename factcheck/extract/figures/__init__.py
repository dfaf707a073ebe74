"""Figures in running text: numerals (digits and words), their units, qualifiers and what they count, and dates.

`find_quantities` is the pipeline (`quantities.py`); the other modules are its steps: `numerals.py` and
`number_words.py` read numbers, `unit_spans.py`, `unit_matching.py` and `units.py` the unit, `context.py` and
`vocabulary.py` the words around a figure, `joins.py` ranges and conversions, `dates.py` the digits that are not
figures. What the rest of factcheck uses is exported here.
"""

from factcheck.extract.figures.context import NUMBER_WORD
from factcheck.extract.figures.dates import (
    CALENDAR_DAY,
    CLOCK_TIME,
    PAST_OR_TO,
    SPOKEN_HOURS,
    find_calendar_days,
    find_days_and_times,
    range_heads,
)
from factcheck.extract.figures.number_words import find_magnitudes, words_to_number
from factcheck.extract.figures.quantities import QUALIFIER_WORDS, find_dates, find_quantities
from factcheck.extract.figures.units import UNITS, dimension_of, to_base

__all__ = [
    "CALENDAR_DAY",
    "CLOCK_TIME",
    "PAST_OR_TO",
    "SPOKEN_HOURS",
    "NUMBER_WORD",
    "QUALIFIER_WORDS",
    "UNITS",
    "dimension_of",
    "find_calendar_days",
    "find_dates",
    "find_days_and_times",
    "find_magnitudes",
    "find_quantities",
    "range_heads",
    "to_base",
    "words_to_number",
]
