"""Pence written against the number ("53p", "28.1p"), as British news writes small prices (session 12, read on
round12: "climbs to 61p from 53p" was no figure at all). The "p" of "6p.m." stays a time of day."""

from __future__ import annotations

import pytest

from factcheck.extract.figures import find_days_and_times, find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The daily charge climbs to 47p from 41p.", [("47p", 47.0), ("41p", 41.0)]),
        ("Gas costs 7.3p per kilowatt hour.", [("7.3p", 7.3)]),
        ("a 20p coin", [("20p", 20.0)]),
    ],
)
def test_pence_written_against_the_number(text: str, expected: list[tuple[str, float]]) -> None:
    found = find_quantities(text)
    assert [(q.surface, q.value) for q in found] == expected
    assert all(q.unit == "GBX" for q in found)


def test_the_p_of_a_time_of_day_is_no_penny() -> None:
    text = "The ticket office shuts at 7p.m. on weekdays."
    assert find_quantities(text) == []
    assert [t.surface for t in find_days_and_times(text)] == ["7p.m."]
    assert [q.unit for q in find_quantities("Tickets cost 5 p each.")] == [None]  # "p" after a space is a letter
