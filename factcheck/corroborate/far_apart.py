"""Figures too far apart to be one figure misreported: a rule every comparison passes before a mismatch is a conflict.

Over the 18 hand-labelled article-set splits (9,809 figure pairs mined by `factcheck eval articles
--mine-same-thing`), of the mismatched pairs whose values are three times apart or more and do not both name the same
counted noun, 3 were one thing told two ways and 74 two different things (another row, group, total or year). Both
figures naming the same counted thing ("800,000 inhabitants" / "10,000 inhabitants", "8,000 remaining residents" /
"4,000 civilians remained") is left to the comparison: a gap that large between two counts of one thing is a claim
worth flagging (FEVER's refuted population figures). So is a slip, the commonest way a figure is misreported: digits
transposed or a decimal point moved ("£1.2m" for "£12 million", `slipped`). Pure logic over one compared pair.
"""

from __future__ import annotations

import math
from dataclasses import replace

from factcheck.corroborate.same_thing_features import FEATURE_NAMES, pair_features, texts_of
from factcheck.corroborate.signals import FigurePair, NumberStatus

FAR_APART = 3.0  # one value this many times the other (chosen on the seen splits' mined pairs, above)
_SAME_NOUN = FEATURE_NAMES.index("same_counted_noun")
# Scales on which a ratio says nothing: temperatures, times of day, days and years.
UNRATED = frozenset({"celsius", "fahrenheit", "kelvin", "clock_time", "calendar_day"})


def far_apart(pair: FigurePair, claim_sentence: str, passage_text: str, context: str | None) -> FigurePair:
    """`pair`, made `different_thing` when it is a mismatch of values `FAR_APART` or more apart that neither a slip
    nor a shared counted noun explains."""
    claim, passage = pair.claim_value, pair.passage_value
    if pair.status is not NumberStatus.MISMATCH or not claim or not passage or slipped(claim, passage):
        return pair
    if not (math.isfinite(claim) and math.isfinite(passage)) or max(claim, passage) < FAR_APART * min(claim, passage):
        return pair
    if claim <= 0 or passage <= 0:
        return pair  # a signed change or a temperature below zero: a ratio says nothing
    texts = texts_of(pair, claim_sentence, passage_text, context)
    if texts is None:
        return pair
    if pair_features(texts, pair)[_SAME_NOUN] > 0:
        return pair  # both name the same counted thing: "800,000 inhabitants" against "10,000 inhabitants"
    reason = (
        f"A different figure: the source's {pair.passage_surface} and the claim's {pair.claim_surface} are too far"
        " apart to be one figure misreported, and they do not name the same counted thing."
    )
    return replace(pair, status=NumberStatus.DIFFERENT_THING, reason=reason, grounded=False)


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
