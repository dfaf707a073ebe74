"""How often something happens, told as "twice a year", "once a fortnight", "every two weeks" or "fortnightly": a
figure a fact-checker checks like a count ("groundwater will be tested twice a year"). Not "every month" or "each
day", which as often say how a cost or a use is counted ("about 14 litres a person each day"). Each is a figure of
the family `FREQUENCY` (times a year), read on both sides and compared only with each other. The same frequency
confirms when the words next to the two share an event word ("tested twice a year" and "groundwater to be tested
twice a year"), so that a taxi's "once a month" does not confirm a committee's; another frequency decides nothing.
A frequency in a question ("How often will the water be tested, twice a year?") is asked, not told. Pure
functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.corroborate.figure_pairing import is_asked
from factcheck.corroborate.figure_pairs import made_pair, with_reason
from factcheck.corroborate.number_rules import Figure, exact_figure
from factcheck.corroborate.signals import FigurePair, NumberStatus

__all__ = ["FREQUENCY", "frequencies_of", "frequency_pair"]

FREQUENCY = "frequency"
_PER_YEAR = {"day": 365.0, "week": 52.0, "fortnight": 26.0, "month": 12.0, "year": 1.0}
_TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "five times": 5, "six times": 6}
_COUNT = {"two": 2, "three": 3, "four": 4, "six": 6}
_UNIT = "day|week|fortnight|month|year"
_FREQUENCY = re.compile(
    # "twice a year", "three times a week", "once per month", "4 times a year"
    rf"\b(?P<times>once|twice|(?:three|four|five|six)\s+times|(?P<digits>\d{{1,2}})\s+times)\s+(?:a|an|per|each|every)"
    rf"\s+(?P<unit>{_UNIT})\b"
    # "every two weeks", "every other month"
    rf"|\bevery\s+(?P<gap>two|three|four|six|other)\s+(?P<gap_unit>{_UNIT})s?\b"
    # "fortnightly", "twice-yearly", "twice-weekly"
    r"|\b(?P<adverb>fortnightly|twice-yearly|twice-weekly|twice-monthly)\b",
    re.IGNORECASE,
)
_ADVERBS = {"fortnightly": 26.0, "twice-yearly": 2.0, "twice-weekly": 104.0, "twice-monthly": 24.0}


def frequencies_of(text: str) -> list[Figure]:
    """The frequencies `text` tells, as `FREQUENCY` figures (times a year), in text order."""
    found = []
    for match in _FREQUENCY.finditer(text):
        if is_asked(text, match.start()):
            continue
        if match.group("times"):
            digits = match.group("digits")
            times = float(digits) if digits else float(_TIMES[" ".join(match.group("times").lower().split())])
            value = times * _PER_YEAR[match.group("unit").lower()]
        elif match.group("gap"):
            gap = match.group("gap").lower()
            value = _PER_YEAR[match.group("gap_unit").lower()] / (2 if gap == "other" else _COUNT[gap])
        else:
            value = _ADVERBS[match.group("adverb").lower()]
        found.append(exact_figure(match.group(0), match.start(), match.end(), FREQUENCY, value, precision=0.0))
    return found


def frequency_pair(claim: Figure, passage: list[Figure], shared: Callable[[Figure, Figure], bool]) -> FigurePair:
    """The claim's frequency against the passage's: the same one with an event word in common confirms it;
    otherwise nothing is decided (`shared`: whether the words next to two figures share an event word)."""
    same = next((p for p in passage if p.family == FREQUENCY and p.low == claim.low and shared(claim, p)), None)
    if same is None:
        return made_pair(claim, None, NumberStatus.NO_NUMBERS)
    return with_reason(
        made_pair(claim, same, NumberStatus.MATCH, grounded=True),
        f"The source gives the same frequency: \u201c{same.surface}\u201d for the claim's \u201c{claim.surface}\u201d.",
    )
