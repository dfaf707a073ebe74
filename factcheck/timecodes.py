"""Cue timings of subtitle documents: kept in a Document's metadata, and the time span of any stretch of its text."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

CUES_KEY = "cues"
"""The metadata key holding a subtitle document's cues as JSON: [[start, end, from_time, to_time, voice], ...]."""

# 00:01:02,500 (SubRip) or 00:01:02.500 / 01:02.500 (WebVTT); hours may have more than two digits.
_TIMESTAMP = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$")


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle cue: where its words are in the document text, when it is shown, and its voice (or None)."""

    start: int
    end: int
    from_time: str
    to_time: str
    voice: str | None = None


def parse_timestamp(text: str) -> str | None:
    """A SubRip or WebVTT timestamp written as HH:MM:SS.mmm, or None when `text` is not one."""
    match = _TIMESTAMP.match(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    return f"{int(hours or 0):02d}:{int(minutes):02d}:{int(seconds):02d}.{fraction.ljust(3, '0')}"


def encode_cues(cues: Sequence[Cue]) -> str:
    """The metadata value for `cues` (compact JSON, so a corpus stores it as text like any metadata)."""
    return json.dumps([[c.start, c.end, c.from_time, c.to_time, c.voice] for c in cues], separators=(",", ":"))


def decode_cues(value: str | None) -> list[Cue]:
    """The cues of a metadata value written by `encode_cues`; an empty list for None or a value of another shape."""
    if not value:
        return []
    try:
        rows = json.loads(value)
        return [Cue(int(r[0]), int(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]
    except (ValueError, TypeError, IndexError, KeyError):
        return []


def time_span(cues: Sequence[Cue], start: int, end: int) -> str | None:
    """When the text between offsets `start` and `end` is spoken: "00:01:02.500 --> 00:01:09.000", from the first
    cue it overlaps to the last; None when it overlaps none."""
    overlapping = [cue for cue in cues if cue.start < end and cue.end > start]
    if not overlapping:
        return None
    return f"{overlapping[0].from_time} --> {overlapping[-1].to_time}"
