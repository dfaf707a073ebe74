"""How far a long run is, as a person reads it: the time left from the share done so far, and durations in words."""

from __future__ import annotations


def seconds_left(done: float, total: float, seconds: float) -> float | None:
    """The seconds still to go if the rest goes as fast as the `done` of `total` did in `seconds`; None before
    anything is done (no rate yet)."""
    if done <= 0 or seconds <= 0:
        return None
    return (total - done) * seconds / done


def time_left_phrase(left: float | None) -> str:
    """The words a progress line ends with: ', about 12 min left', or nothing while the time left is unknown."""
    return "" if left is None else f", about {format_duration(left)} left"


def format_duration(seconds: float) -> str:
    """Seconds as a person reads a time left: "40 s", "12 min", "2.5 h"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
