"""Times of day told in words, read as the clock times a claim writes in digits: "a quarter past two on Monday
morning" (02:15), "twenty to three" , "eight minutes to six", "7.52 in the morning", "from eight in the morning to
ten at night", "eight o'clock this morning". A fact-checker reads them without thinking; the source did not write
a clock time. Pure functions, no I/O.

Which half of the day a time is in comes from the words after it ("in the morning", "this afternoon", "at night",
"a.m."). A time whose words do not say ("half past eleven", "eleven o'clock") is read only as the half that gives
a claim's time to the minute: two readings a minute apart from nothing else say the same moment (the claim's
"11.30 a.m." and a speaker's "half past eleven"); one that disagrees either way is left out, never a conflict
chosen by reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.corroborate.number_rules import Figure, exact_figure
from factcheck.extract.figures import CLOCK_TIME, PAST_OR_TO, SPOKEN_HOURS, find_quantities

__all__ = ["HALF_DAY", "minutes_of_a_time", "spoken_times", "unsure", "within_a_spoken_time"]

# "eight in the morning", "7.52 in the morning", "ten at night", "eight o'clock this morning", "eleven o'clock":
# an hour (its minutes in digits) with the part of the day after it, or "o'clock"; an hour in digits with neither
# minutes nor "o'clock" also needs a word before it that gives a time ("at", "from", "until" ...), so "found 10 in
# the evening" is no time.
_HOUR_OF_DAY = re.compile(
    rf"(?:\b(?P<lead>at|from|to|until|till|by|before|after|around|about|between)\s+)?"
    rf"\b(?P<hour>(?:{SPOKEN_HOURS})\b|\d{{1,2}}(?!\d))(?:[.:](?P<minute>[0-5]\d))?(?P<oclock>\s+o'clock)?"
    rf"(?=(?P<part>\s+(?:(?:in\s+the|this|that|yesterday|tomorrow)\s+(?:morning|afternoon|evening)|at\s+night|tonight))?)"
    rf"(?![\d,.:]\d)",
    re.IGNORECASE,
)
_NAMED_HOURS = {"midnight": 0, "noon": 12, "midday": 12}  # hours that say which half of the day they are
# "one minute to midnight", "five minutes past noon": minutes that tell a time of day, not a duration.
_TO_OR_PAST_AN_HOUR = re.compile(
    rf"\s+(?:to|past)\s+(?:midnight|noon|midday|{SPOKEN_HOURS}|\d{{1,2}}(?![\d:.]))\b", re.IGNORECASE
)
_MORNING = re.compile(r"\b(?:morning|a\.m\.|am|overnight|early\s+hours|dawn)\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:afternoon|evening|tonight|p\.m\.|pm)\b", re.IGNORECASE)
_NIGHT = re.compile(r"\bat\s+night\b", re.IGNORECASE)
HALF_DAY = 720.0  # minutes


def within_a_spoken_time(text: str, position: int) -> bool:
    """Whether `position` lies in a time of day told "past" an hour, or "to" it after "at" ("twenty past eleven", "at
    ten to four"): its words are one time, not two counts, whatever the claim gives. ("from ten to four" may be a
    range, and is left alone.)"""
    for match in PAST_OR_TO.finditer(text, max(0, position - 40), position + 40):
        if not match.start() <= position < match.end():
            continue
        after_at = re.search(r"\bat\s+$", text[max(0, match.start() - 4) : match.start()])
        if match.group("way").lower() == "past" or after_at:
            return True
    return False


def unsure(figure: Figure) -> bool:
    """Whether `figure` is a time of day told in words that do not say which half of the day it is in ("half past
    seven"; not "half past seven in the evening", "five to midnight"): read before noon when it was found."""
    match = PAST_OR_TO.fullmatch(figure.surface) if figure.family == CLOCK_TIME else None
    return match is not None and match.group("hour").lower() not in _NAMED_HOURS


def minutes_of_a_time(text: str, figure: Figure, start: int | None = None) -> bool:
    """Whether `figure` is the minutes of a spoken time ("one minute to midnight"), read at `start` (else where
    its surface is first found in `text`)."""
    if figure.family != "second":
        return False
    at = text.find(figure.surface) if start is None else start
    return at >= 0 and bool(_TO_OR_PAST_AN_HOUR.match(text, at + len(figure.surface)))


def spoken_times(text: str, claim_times: Iterable[float] = ()) -> list[Figure]:
    """The times of day `text` tells in words, in minutes after midnight. One whose words do not say which half of
    the day it is in is kept only when one of its two readings is one of `claim_times` (minutes after midnight),
    and then as that reading."""
    wanted = set(claim_times)
    found: list[Figure] = []
    for match in PAST_OR_TO.finditer(text):
        named = _NAMED_HOURS.get(match.group("hour").lower())
        hour = _word_value(match.group("hour")) if named is None else named
        minutes = 15 if match.group("quarter") else 30 if match.group("half") else _word_value(match.group("minutes"))
        if match.group("way").lower() == "to":
            hour, minutes = hour - 1, 60 - minutes
        if named is not None:  # "one minute past midnight" is 00:01, "five to midnight" 23:55, "ten past noon" 12:10
            value: float | None = float((hour % 24) * 60 + minutes)
        else:
            value = _in_its_half(float((hour % 12) * 60 + minutes), text[match.end() : match.end() + 30], wanted)
        if value is not None:
            found.append(exact_figure(match.group(0), match.start(), match.end(), CLOCK_TIME, value))
    for match in _HOUR_OF_DAY.finditer(text):
        if any(f.start <= match.start("hour") < f.end for f in found):
            continue
        value = _hour_of_day(match, wanted)
        if value is not None:
            end = match.end("part") if match.group("part") else match.end()
            found.append(exact_figure(text[match.start("hour") : end], match.start("hour"), end, CLOCK_TIME, value))
    return sorted(found, key=lambda figure: figure.start)


def _hour_of_day(match: re.Match[str], wanted: set[float]) -> float | None:
    hour_word, minute, part = match.group("hour"), match.group("minute"), match.group("part")
    if not (part or match.group("oclock")):
        if minute and match.group("lead") and hour_word.isdigit():
            # "went off at 11.15" is a time of day when a claim's words tell that very time ("a quarter past eleven")
            early = float(int(hour_word) % 12 * 60 + int(minute))
            return next((reading for reading in (early, early + HALF_DAY) if reading in wanted), None)
        return None  # "at eight", "at 7.52" alone do not say they are times of day
    if not (minute or match.group("lead") or match.group("oclock")) and hour_word.isdigit():
        return None
    hour = int(hour_word) if hour_word.isdigit() else _word_value(hour_word)
    if not 1 <= hour <= 12:
        return None
    early = float((hour % 12) * 60 + int(minute or 0))
    if part and _NIGHT.search(part):
        return early if hour < 6 or hour == 12 else early + HALF_DAY  # "ten at night" 22:00, "two at night" 02:00
    return _in_its_half(early, part or "", wanted)


def _in_its_half(early: float, after: str, wanted: set[float]) -> float | None:
    """The time `early` (its reading before noon) in the half of the day the words `after` it give; with none,
    the reading that is one of `wanted`, else None."""
    if _MORNING.search(after):
        return early
    if _LATER.search(after):
        return early + HALF_DAY
    for reading in (early, early + HALF_DAY):
        if reading in wanted:
            return reading
    return None


def _word_value(word: str) -> int:
    """The value of one number word of a spoken time ("twenty-five" is 25), read as any number word is; "one", which
    the number reader leaves alone (it is as often a pronoun), is 1 here ("ten past one")."""
    found = find_quantities(word)
    return int(found[0].value or 0) if found else 1
