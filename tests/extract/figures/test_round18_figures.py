"""Figure readings of session 15, made after round18 was read: each case failed before its change; the guards beside
them held before and still hold."""

from __future__ import annotations

from factcheck.extract.figures import find_quantities


def _read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(q.surface, q.value, q.unit) for q in find_quantities(text)]


def test_a_unit_of_two_words_is_read_when_hyphenated_into_a_compound() -> None:
    # "a 290-nautical-mile (537 km) passage" read 290 as a bare count, and a table's 1,140 launches conflicted with it.
    assert _read("after a 290-nautical-mile (537 km) passage") == [
        ("290-nautical-mile", 290.0, "nautical_mile"),
        ("537 km", 537.0, "km"),
    ]
    assert _read("a 12-square-mile park") == [("12-square-mile", 12.0, "square_mile")]
    assert _read("a 40-square-metre flat") == [("40-square-metre", 40.0, "m2")]
    # The one-word and spaced forms read as before.
    assert _read("a 290-mile drive and 250 nautical miles at sea") == [
        ("290-mile", 290.0, "mile"),
        ("250 nautical miles", 250.0, "nautical_mile"),
    ]
