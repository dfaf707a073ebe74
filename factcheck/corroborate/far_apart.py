"""Figures too far apart to be one figure misreported: a rule every comparison passes before a mismatch is a conflict.

Over the 18 hand-labelled article-set splits (9,809 figure pairs mined by `factcheck eval articles
--mine-same-thing` on session 14's final rules), of the mismatched pairs whose values are three times apart or more
and do not both name the same counted noun, 3 were one thing told two ways and 74 two different things (another row,
group, total or year). Both figures naming the same counted thing ("800,000 inhabitants" / "10,000 inhabitants",
"8,000 remaining residents" / "4,000 civilians remained") is left to the comparison: a gap that large between two
counts of one thing is a claim worth flagging (FEVER's refuted population figures). So is a slip, the commonest way
a figure is misreported: digits transposed or a decimal point moved ("£1.2m" for "£12 million", `slipped`). Pure
logic over two figures, asked by `numbers._pair` of a mismatch it would otherwise report.
"""

from __future__ import annotations

import math

from factcheck.corroborate.figure_pairs import made_pair, with_reason
from factcheck.corroborate.number_rules import Figure, same_counted
from factcheck.corroborate.signals import FigurePair, NumberStatus

FAR_APART = 3.0  # one value this many times the other (chosen on the seen splits' mined pairs, above)
# Scales on which a ratio says nothing: temperatures, times of day, days and years.
UNRATED = ("celsius", "fahrenheit", "kelvin", "clock_time", "calendar_day")


def too_far_apart(claim: Figure, passage: Figure) -> bool:
    """Whether two mismatched figures are `FAR_APART` or more apart with neither a slip nor a shared counted noun
    (the same noun or a synonym, `number_rules.same_counted`) to say they are one figure misreported."""
    first, second = claim.anchor, passage.anchor
    if claim.family.startswith(UNRATED) or not (math.isfinite(first) and math.isfinite(second)):
        return False
    if first <= 0 or second <= 0 or max(first, second) < FAR_APART * min(first, second):
        return False  # a signed change or a value below zero: a ratio says nothing
    return not slipped(first, second) and not same_counted(claim.measured, passage.measured)


def far_apart_pair(claim: Figure, passage: Figure) -> FigurePair:
    """The pair of two figures `too_far_apart`, as two things, with its reason."""
    pair = made_pair(claim, passage, NumberStatus.DIFFERENT_THING)
    return with_reason(
        pair,
        f"A different figure: the source's {pair.passage_surface} and the claim's {pair.claim_surface} are too far"
        " apart to be one figure misreported, and they do not name the same counted thing.",
    )


def slipped(claim: float, passage: float) -> bool:
    """The commonest ways a figure is misreported: digits transposed (1,200 for 2,100; 214 for 241) or a decimal
    point moved ("£1.2m" for "£12 million"). Two or more significant digits, and not the same value."""
    if claim == passage or claim == 0 or passage == 0:
        return False
    ratio = math.log10(abs(claim) / abs(passage))
    if abs(ratio) >= 0.5 and abs(ratio - round(ratio)) < 1e-9:
        return True
    digits = [_significant_digits(value) for value in (claim, passage)]
    return len(digits[0]) >= 2 and sorted(digits[0]) == sorted(digits[1])


def _significant_digits(value: float) -> str:
    """The digits of a value without sign, decimal point, leading or trailing zeros: "12" for 1,200 and for 0.12."""
    return f"{abs(value):.12g}".split("e")[0].replace(".", "").strip("0")
