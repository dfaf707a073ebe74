"""What a span of years or a length measures, when the words around it say so: an age ("a 40-year-old greenkeeper",
"aged 40") is not a stretch of time ("for forty years", "forty years ago"), and the length of a thing ("the
1.5-mile (2.4 km) beach", "3.2 kilometres long") is not how far one place lies from another ("3 kilometres from the
beach"). Two figures measuring different things are different figures whatever their values (round44: a
greenkeeper's age confirmed by a player's forty years on the green; a beach's length contradicted by the distance
of a station from it). So are two amounts counted before and after something taken off ("before costs", "after
tax"). Pure functions over the sentence, no I/O.
"""

from __future__ import annotations

import re

__all__ = ["MEASURE_PHRASES", "basis_at", "measure_at", "unlike_measures"]

_YEARS = re.compile(r"\byears?\b|-year\b", re.IGNORECASE)
_LENGTH = re.compile(
    r"(?:\b|\d)(?:km|kilomet(?:re|er)s?|miles?|m|metres?|meters?|ft|feet|foot|yards?)\b", re.IGNORECASE
)
_OLD = re.compile(r"[- ]olds?$", re.IGNORECASE)  # "40-year-old", "17-year-olds"
_OLD_AFTER = re.compile(r"[- ]olds?\b", re.IGNORECASE)  # "14 to 17-year" read without its "-olds"
_AGED_BEFORE = re.compile(r"\b(?:aged|age\s+of)\s+$", re.IGNORECASE)
_HEDGE = r"(?:(?:about|some|nearly|almost|around|more\s+than|over|under|just)\s+)?"
_SPAN_BEFORE = re.compile(
    rf"\b(?:for|over|after|within|across|during|in\s+the\s+(?:past|last))\s+(?:the\s+(?:past|last)\s+)?{_HEDGE}$",
    re.IGNORECASE,
)
_SPAN_AFTER = re.compile(r"\s+(?:ago|earlier|later)\b", re.IGNORECASE)
# "3 kilometres from the beach"; not "6.8 metres from snout to tail", a length end to end, nor "380 metres away",
# which may be a course's length from its start (round39)
_AWAY_AFTER = re.compile(r"\s+from\s+(?:the|a|an|its|their|[A-Z])(?![^,.;\n]{0,40}\bto\b)")
# a bracketed conversion after the figure ("1.5-mile (2.4 km)") or before it ("1.5-mile (2.4 km"): skipped over
_CONVERSION_AFTER = re.compile(r"\s*\([^)\n]{1,20}\)")
_SIZE_AFTER = re.compile(r"\s+(?:long|wide|high|deep|tall|across|in\s+length)\b", re.IGNORECASE)
_FUSED_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}")
# the unit fused to its number by a hyphen ("1.5-mile", "two-mile"), not a number word's own ("Forty-two km")
_FUSED_UNIT = re.compile(r"-(?:km|kilomet(?:re|er)s?|miles?|m|metres?|meters?|ft|feet|foot|yards?)\b", re.IGNORECASE)
_FUSED_BEFORE = re.compile(r"\d-[a-z]+\s*\($")

MEASURE_PHRASES = {
    "age": "as an age",
    "span": "as a stretch of time",
    "size": "as the length of a thing",
    "separation": "as a distance from a place",
}
_UNLIKE = {frozenset({"age", "span"}), frozenset({"size", "separation"})}


def measure_at(sentence: str, start: int, end: int) -> str:
    """What the figure at [start, end) of `sentence` measures: "age" or "span" for years, "size" or "separation"
    for a length, "" when the words do not say or the figure is neither."""
    surface = sentence[start:end]
    if surface[:1] in "£$€":
        return ""  # "£5m from the lottery" is a sum, no distance
    before = sentence[max(0, start - 40) : start]
    if _YEARS.search(surface) or _AGED_BEFORE.search(before):
        if _OLD.search(surface) or _OLD_AFTER.match(sentence, end) or _AGED_BEFORE.search(before):
            return "age"
        if _SPAN_BEFORE.search(before) or _SPAN_AFTER.match(sentence, end):
            return "span"
        return ""
    if not _LENGTH.search(surface):
        return ""
    after = end
    conversion = _CONVERSION_AFTER.match(sentence, end)
    if conversion is not None:
        after = conversion.end()
    elif _FUSED_BEFORE.search(before) and sentence[end : end + 1] == ")":
        after = end + 1  # the conversion itself: "(2.4 km)" of "the 1.5-mile (2.4 km) beach"
    if _AWAY_AFTER.match(sentence, after):
        return "separation"
    fused = _FUSED_UNIT.search(surface) or _FUSED_BEFORE.search(before)
    if _SIZE_AFTER.match(sentence, after) or (fused and _FUSED_NOUN_AFTER.match(sentence, after)):
        return "size"
    return ""


def unlike_measures(claim: str, passage: str) -> bool:
    """Whether the two figures' measures (`measure_at`) are known and cannot be the same thing."""
    return frozenset({claim, passage}) in _UNLIKE


# An amount counted before or after something taken off: "earn £14.20 an hour on average before costs", "earnings
# after costs have fallen to £9.40", "£31,000 after tax".
_BASIS = r"(before|after|net\s+of)\s+(tax(?:es)?|costs|expenses|deductions|fees|inflation)\b"
_BASIS_AFTER = re.compile(rf"^(?:\s+[\w']+){{0,5}}?\s+{_BASIS}", re.IGNORECASE)
_BASIS_BEFORE = re.compile(rf"\b{_BASIS}(?:\s+[\w']+){{0,6}}?\s+[£$€]?$", re.IGNORECASE)


def basis_at(in_clause: str, sentence: str, end: int) -> str:
    """ "before costs", "after tax": what the amount ending at `end` is counted before or after, or ""."""
    found = _BASIS_AFTER.match(sentence[end : end + 60]) or _BASIS_BEFORE.search(in_clause)
    return f"{found.group(1).lower()} {found.group(2).lower()}" if found else ""
