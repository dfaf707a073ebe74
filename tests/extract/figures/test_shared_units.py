"""A unit written once after a list of figures belongs to each ("warmer by 1.4 and 2.2 degrees", "12, 15 and 19
percent"): session 13, read on round13, where the bare 1.4 was compared with a table's 2.2 degrees as a count.
Fresh wording; the first cases failed before the change."""

from __future__ import annotations

import pytest

from factcheck.extract.figures.quantities import find_quantities


def units(text: str) -> list[tuple[str, str | None]]:
    return [(q.surface, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rents rose by 3.5 and 4.1 percent in the old town and the harbour.",
            [("3.5", "percent"), ("4.1 percent", "percent")],
        ),
        (
            "The lakes fell 12, 15 and 19 cm over the summer.",
            [("12", "cm"), ("15", "cm"), ("19 cm", "cm")],
        ),
        ("Spring and autumn were milder by 0.8 and 1.1 degrees.", [("0.8", "degree"), ("1.1 degrees", "degree")]),
    ],
)
def test_a_unit_written_once_after_a_list_is_each_figures(text: str, expected: list) -> None:
    assert units(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before "and" that counts its own thing keeps no unit
        ("Seven people and 40 tonnes of cargo were moved.", [("Seven", None), ("40 tonnes", "tonne")]),
        # a range stays one figure
        ("between 4 and 6 percent", [("between 4 and 6 percent", "percent")]),
        # a figure before a clause, not a list
        ("It cost 40, and 12 km of road were closed.", [("40", None), ("12 km", "km")]),
    ],
)
def test_figures_that_are_not_a_list_keep_their_own_units(text: str, expected: list) -> None:
    assert units(text) == expected
