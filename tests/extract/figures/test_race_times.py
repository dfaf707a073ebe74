"""Race times written as minutes and seconds are one duration: "38 minutes 12 seconds", a table's "38:12" (more
minutes than a clock has hours) or "1:26.4" (tenths of a second); a time of day stays a time of day."""

from __future__ import annotations

from factcheck.extract.figures import find_days_and_times, find_quantities


def _durations(text: str) -> list[tuple[str, float]]:
    return [(q.surface, q.value) for q in find_quantities(text) if q.dimension == "duration"]


def test_minutes_and_seconds_in_words_are_one_duration() -> None:
    assert _durations("She swam the course in 38 minutes 12 seconds.") == [("38 minutes 12 seconds", 2292.0)]
    assert _durations("He finished in 1 minute and 24.6 seconds.") == [("1 minute and 24.6 seconds", 84.6)]
    # hours before them: read as before, part by part
    assert len(_durations("He finished in 9 hours, 41 minutes and 27 seconds.")) == 3


def test_a_cell_of_minutes_and_seconds_is_a_duration() -> None:
    row = "| Women's winning time | 39:40 | 38:12 |"
    assert _durations(row) == [("39:40", 2380.0), ("38:12", 2292.0)]
    assert not find_days_and_times(row)
    assert _durations("| 1 | Carys Dunkerton | Women | 1:31.9 |") == [("1:31.9", 91.9)]


def test_a_time_of_day_is_no_duration() -> None:
    assert not _durations("The final started at 14:15 on the beach.")
    assert [t.surface for t in find_days_and_times("The gates opened at 09:30.")] == ["09:30"]
    assert not _durations("The bus leaves at 23:45.")


def test_tenths_of_a_second_make_no_time_of_day() -> None:
    assert not find_days_and_times("| 1 | Carys Dunkerton | Women | 1:31.9 |")
    assert [t.surface for t in find_days_and_times("The race began at 11:30. Then it rained.")] == ["11:30"]


def test_a_race_time_told_to_a_tenth_is_compared_to_the_tenth() -> None:
    from factcheck.corroborate.signals import Stance
    from factcheck.corroborate.stance import corroborate
    from tests.helpers import numeric_claim

    claim = numeric_claim("The Otters won the 2025 final in 2 minutes 6.2 seconds.")
    assert corroborate(claim, "| Otters | 2:06.8 | 2:05.7 |").stance is not Stance.SUPPORTS
    assert corroborate(claim, "| Otters | 2:06.2 | 2:05.7 |").stance is Stance.SUPPORTS


def test_a_time_with_seconds_after_at_is_a_time_of_day() -> None:
    assert not _durations("The bell rang at 06:15:30 on Sunday, the log shows.")
    assert _durations("She finished in 06:15:30 on Sunday.") == [("06:15:30", 22530.0)]
