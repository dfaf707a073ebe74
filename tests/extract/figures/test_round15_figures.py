"""Figure readings of session 14, made after round15 was read: each case failed before its change; the guards beside
them held before and still hold."""

from __future__ import annotations

from factcheck.extract.figures import find_quantities


def _read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(q.surface, q.value, q.unit) for q in find_quantities(text)]


def test_a_hedged_fraction_is_a_share_without_of_after_it() -> None:
    assert _read("Nearly a fifth were closed by noon.") == [("a fifth", 0.2, "fraction")]
    assert _read("roughly a third voted against") == [("a third", 1 / 3, "fraction")]
    # An ordinal that names a place in a row stays no figure.
    assert _read("It was a fifth round of talks.") == []
    assert _read("She won a third term.") == []


def test_the_second_age_of_a_pair_is_an_age() -> None:
    assert _read("The climbers, aged 41 and 38, were flown out.") == [("41", 41.0, "year"), ("38", 38.0, "year")]
    # A count after an age and "and" with no "aged" before stays a count ("She is 41" is an age: session 25).
    assert _read("She is 41 and 38 staff report to her.") == [("41", 41.0, "year"), ("38", 38.0, None)]
