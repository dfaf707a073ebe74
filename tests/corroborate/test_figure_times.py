"""When a figure was counted: the time marks read around it (`figure_times.py`)."""

from __future__ import annotations

import pytest

from factcheck.corroborate.figure_times import eras_of, is_running, is_timed, looks_back, periods_clash, periods_of


def test_periods_are_years_and_months_in_full() -> None:
    assert periods_of("In Sept. 2025 and again in May 2026, the port handled more.") == {
        "2025",
        "2026",
        "September",
        "May",
    }
    # "may" the verb is not a month
    assert periods_of("The count may rise.") == frozenset()


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        ({"2025"}, {"2026"}, True),
        ({"March"}, {"April"}, True),
        ({"March", "2026"}, {"March"}, False),
        ({"March"}, {"2026"}, False),  # a month and a year do not clash
        (set(), {"2026"}, False),
    ],
)
def test_periods_clash_only_within_a_kind(first: set[str], second: set[str], clash: bool) -> None:
    assert periods_clash(frozenset(first), frozenset(second)) is clash


def test_eras_hold_years_relative_times_snapshots_and_forecasts() -> None:
    sentence = "At the end of February, last year's total of 560,000 was forecast to rise by 2030."
    eras = eras_of(sentence, near="was forecast to rise")
    assert {"2030", "last year's", "by 2030", "forecast", "at the end of february"} <= eras
    assert "forecast" not in eras_of(sentence, near="total of")


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("A year ago, ", True),
        ("In a normal year we receive around ", True),
        ("up 4% from a year earlier", False),  # the base of a change, not the figure's own time
        ("more than last year", False),
        ("The port now handles ", False),
    ],
)
def test_looks_back(text: str, back: bool) -> None:
    assert looks_back(text) is back


def test_running_and_timed() -> None:
    assert is_running("So far, ")
    assert is_running("By midday, ")
    assert not is_running("In all, ")
    assert is_timed("198 people were rescued on Wednesday evening.")
    assert not is_timed("198 people were rescued.")


def test_a_spoken_time_at_one_o_clock_is_read_not_a_crash() -> None:
    # the number reader leaves "one" alone (a pronoun as often as a number); a spoken time's hour "one" crashed the
    # comparison on the first run of round12 (a ValueError, before any of its text was read)
    from factcheck.corroborate.spoken_times import spoken_times

    found = spoken_times("The alarm went off at ten past one in the morning and at twenty to one on Monday afternoon.")
    assert [(f.surface, f.low) for f in found] == [("ten past one", 70.0), ("twenty to one", 12 * 60 + 40.0)]
