"""Tests for factcheck/progress.py: time left and durations in words, as the bulk check and the ingest print them."""

import pytest

from factcheck.progress import format_duration, seconds_left, time_left_phrase


@pytest.mark.parametrize(
    ("done", "total", "seconds", "expected"),
    [(2, 10, 60.0, 240.0), (5, 5, 30.0, 0.0), (0, 10, 60.0, None), (3, 10, 0.0, None)],
    ids=["a fifth done", "all done", "nothing done", "no time yet"],
)
def test_seconds_left_follows_the_rate_so_far(done, total, seconds, expected):
    assert seconds_left(done, total, seconds) == expected


@pytest.mark.parametrize(
    ("seconds", "words"), [(40, "40 s"), (89.4, "89 s"), (720, "12 min"), (5399, "90 min"), (9000, "2.5 h")]
)
def test_format_duration(seconds, words):
    assert format_duration(seconds) == words


def test_the_phrase_is_empty_until_a_rate_is_known():
    assert time_left_phrase(None) == ""
    assert time_left_phrase(720) == ", about 12 min left"
