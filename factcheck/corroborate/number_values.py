"""Two figures' values compared: the same, within rounding, allowed by a bound or range, or not (see
`numbers.py` for the rules in words). Pure arithmetic on `Figure`s in one base unit."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from factcheck.corroborate.number_rules import BOUND_QUALIFIERS, Figure
from factcheck.corroborate.signals import NumberStatus
from factcheck.extract import Qualifier
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME, find_quantities

__all__ = [
    "HEDGE_TOLERANCE",
    "classify",
    "distance",
    "offset",
    "only_bounds",
    "same_value",
    "surfaces_transposed",
    "transposed",
]

HEDGE_TOLERANCE = 0.05  # relative to the claim's value
WORD_SHARE_REACH = 2.5  # percentage points: a share in words ("a quarter", "half") and a figure this close agree
HEDGED_SHARE_REACH = 4.0  # percentage points at most, for "nearly half" and the like
# and a share of the share: news rounds 30% to "nearly a third" and 18% to "almost a fifth" (round51's writers)
HEDGED_SHARE_SHARE = 0.12
_BOUND_REACH = 1.5  # a bound backs figures at most this many times apart from it
_WHEN_REACH = {CLOCK_TIME: 30.0, CALENDAR_DAY: 3.0}  # minutes, days: how far a bound on a time or a day reaches
_PERCENT_WORD = re.compile(r"percent|per\s*cent|%|pct", re.IGNORECASE)
_FLOAT_SLACK = 1e-9  # relative; conversions through float factors are not exact to the last bit


def classify(claim: Figure, passage: Figure) -> NumberStatus:
    """The status of one comparable pair (see the module docstring)."""
    if _same_interval(claim, passage):
        return NumberStatus.MATCH
    if claim.is_point and passage.is_point:
        return _compare_values(claim, passage)
    if _finite_range(claim) and _finite_range(passage):
        return _compare_ranges(claim, passage)
    if _hedge_meets_bound(claim, passage) or _hedge_meets_bound(passage, claim):
        return NumberStatus.CONSISTENT_WITH_QUALIFIER  # "about 1.1 million" and "more than 1.1 million"
    if claim.is_point and passage.qualifier in BOUND_QUALIFIERS and _close(claim.anchor, passage.anchor):
        # "35 km" for the source's "over 35 km": the claim drops the bound, it does not contradict it (a claim
        # bound the source's figure only equals, "more than 1,000" for 1,000, says more than the source)
        return NumberStatus.CONSISTENT_WITH_QUALIFIER
    if _same_direction(claim, passage) and _compare_values(claim, passage) is not NumberStatus.MISMATCH:
        return NumberStatus.WITHIN_ROUNDING  # "more than a year" and "more than 52 weeks"
    if _same_direction(claim, passage) and _coarse_share(claim) and _contains(claim, passage):
        # "more than half" for the source's "60 percent or more": a share in words bounds the figure loosely, and
        # every value the source allows is one the claim allows (the other way round, it says more than the source)
        return NumberStatus.CONSISTENT_WITH_QUALIFIER
    if claim.qualifier is Qualifier.UP_TO and passage.qualifier is Qualifier.UP_TO:
        return NumberStatus.MISMATCH  # "up to 380,000" and "up to 310,000": two estimates of the largest number
    if _same_direction(claim, passage) and claim.precision <= passage.precision:
        # "more than 450 volunteers" and "more than 540": two tellings of one bound at the same precision, not one
        # allowing the other ("more than 1,000" is "more than 1,200" rounded down to a rounder figure)
        return NumberStatus.MISMATCH
    if _contains(claim, passage) or (claim.is_point and _contains(passage, claim)):
        if only_bounds(claim, passage):
            return NumberStatus.DIFFERENT_THING  # "at least 12 staff" allows the claim's 17, it does not report it
        if _near(claim, passage):
            return NumberStatus.CONSISTENT_WITH_QUALIFIER
        return NumberStatus.DIFFERENT_THING  # "more than 300" and 1,300: allowed, but not what the claim reports
    return NumberStatus.MISMATCH


def _compare_values(claim: Figure, passage: Figure) -> NumberStatus:
    value, other = claim.anchor, passage.anchor
    difference = abs(other - value)
    # "a quarter" names the nearest simple fraction, the way "27 percent" is said in words; the next ones (a fifth,
    # a third) are at least five points away, so a share within half of that is the same figure.
    coarse = _coarse_share(claim) or _coarse_share(passage)
    exact = Qualifier.EXACTLY in (claim.qualifier, passage.qualifier)
    # hedged, a share in words reaches a little further: "nearly half" for 47%, "nearly two thirds" for 63%
    reach = max(
        [WORD_SHARE_REACH]
        + [
            min(HEDGED_SHARE_REACH, HEDGED_SHARE_SHARE * abs(f.anchor))
            for f in (claim, passage)
            if _coarse_share(f) and f.hedged
        ]
    )
    if coarse and not exact and difference <= reach * (1 + _FLOAT_SLACK):
        return NumberStatus.MATCH if difference == 0 else NumberStatus.WITHIN_ROUNDING
    if _hedged_across_units(claim, passage, difference):
        return NumberStatus.WITHIN_ROUNDING
    if value == 0 or difference > HEDGE_TOLERANCE * abs(value) * (1 + _FLOAT_SLACK):
        return NumberStatus.MISMATCH
    if Qualifier.EXACTLY in (claim.qualifier, passage.qualifier):
        return NumberStatus.MISMATCH  # "exactly" rules out rounding
    rounds = any(difference <= precision / 2 * (1 + _FLOAT_SLACK) for precision in (claim.precision, passage.precision))
    # a hedge widens a figure by one step of its last significant digit at most: "about 4,100" holds 4,000 to 4,200,
    # not 3,918 (5 percent away); "about 4.3 million" not 4.1 million
    hedge = max((_hedge_step(figure) for figure in (claim, passage) if figure.hedged), default=0.0)
    if (coarse or claim.family == CLOCK_TIME) and (claim.hedged or passage.hedged):
        # "almost three in four" for 72%, "about 4.40 a.m." for 04:38: a share in words is told to no digit and a
        # time to its minute, so only the 5% bounds them
        hedge = abs(value)
    if rounds or difference <= hedge * (1 + _FLOAT_SLACK):
        return NumberStatus.WITHIN_ROUNDING
    return NumberStatus.MISMATCH


def _hedged_across_units(claim: Figure, passage: Figure, difference: float) -> bool:
    """A hedged figure told in another unit than the other figure ("about three months" for "about 12 weeks",
    "about six weeks" for 40 days): told to its coarser unit, it holds what rounds to it, under half that unit
    away, though further than the 5 percent a figure in the same unit may stray (10 percent at most). One unit on both
    sides ("£3 million" and "£3.4 million"), or units a power of ten apart ("3 km" and "2,900 m"), is one scale told to
    another digit, left to the rules above."""
    if not (claim.hedged or passage.hedged) or claim.family != passage.family:
        return False
    units = (_unit_written(claim.surface), _unit_written(passage.surface))
    if None in units or units[0] == units[1]:
        return False  # "about 10 metres" and "11 metres (36 feet)": one unit, whatever digit a conversion tells
    fine, coarse = sorted((claim.precision, passage.precision))
    if fine <= 0 or not math.isfinite(coarse):
        return False
    steps = math.log10(coarse / fine)
    if abs(steps - round(steps)) < 1e-6:
        return False
    # and within twice a hedge's reach of the claim: "about an hour" does not round 45 minutes, nor 50
    return difference < coarse / 2 * (1 - _FLOAT_SLACK) and difference <= 2 * HEDGE_TOLERANCE * abs(claim.anchor)


@lru_cache(maxsize=1024)
def _unit_written(surface: str) -> frozenset[str | None] | None:
    """The units a figure's surface is written in ("12 weeks": week; "three years and nine months": year and
    month), or None when it reads as no figure."""
    units = frozenset(quantity.unit for quantity in find_quantities(surface))
    # a sum told in two units reads as one quantity in the larger: "two hours and fifty minutes" is in minutes too
    return units | frozenset(_TIME_UNIT.findall(surface.lower())) if units else None


_TIME_UNIT = re.compile(r"\b(second|minute|hour|day|week|month|year)s?\b")


def _hedge_step(figure: Figure) -> float:
    """One step of a hedged figure's last significant digit; five of them when that digit is a 5, a figure rounded to
    the nearest half ("about 7,500" is rounded to the 500, "about 4,100" to the 100)."""
    if not figure.precision or not math.isfinite(figure.anchor):
        return figure.precision
    return figure.precision * (5 if round(abs(figure.anchor) / figure.precision) % 10 == 5 else 1)


def same_value(first: Figure, second: Figure) -> bool:
    """The same kind of amount with the same value (or the same bound or range): a `MATCH`."""
    return first.family == second.family and classify(first, second) is NumberStatus.MATCH


def only_bounds(claim: Figure, passage: Figure) -> bool:
    """The passage gives only a bound ("at least 12 staff", "at least two") or a range ("from 64% to 112%") and
    the claim a single value that does not round to the bound, or to an end of the range, at its last significant
    digit (17 staff, three, 71%; but 41 for "more than 40", 3,412 for "more than 3,400", 41C for "39 to 41C"):
    the passage allows the claim's value without reporting it. In news a bound well below the value is most often
    an early or partial count ("at least six killed" the day after, nine in the end), and a range spans others.
    """
    if not claim.is_point or _contains(claim, passage):
        return False
    if passage.qualifier in BOUND_QUALIFIERS:
        ends = [passage.anchor]
    elif math.isfinite(passage.low) and math.isfinite(passage.high) and passage.low < passage.high:
        ends = [passage.low, passage.high]  # a range: "from 64% to 112%" spans 71% without reporting it
    else:
        return False
    return all(abs(claim.anchor - end) >= passage.precision * (1 - _FLOAT_SLACK) for end in ends)


_NUMERAL = re.compile(r"\d[\d,.]*")


def transposed(first: Figure, second: Figure) -> bool:
    """Whether two single figures of one kind are written with the same digits in another order ("£8.6 million" and
    "£6.8 million", "1,410 pupils" and "1,140", "69" and "96"): the slip of a pen or a keyboard by which a figure is
    most often misreported, so the two are read as one figure told twice, not two things counted. Days, times of
    day and years are left out (their digits are shared by chance), as are numbers of one repeated digit."""
    if first.family != second.family or first.family in (CALENDAR_DAY, CLOCK_TIME) or first.family.startswith("year"):
        return False
    if not (first.is_point and second.is_point) or first.anchor <= 0 or second.anchor <= 0:
        return False
    return surfaces_transposed(first.surface, second.surface)


def surfaces_transposed(first: str, second: str) -> bool:
    """Whether two written figures hold the same digits in another order, in numerals of one shape (as many digits,
    the decimal point in the same place: "£2.4 million" is no slip for "£42m"), read from the words."""
    one, other = _shape_of(first), _shape_of(second)
    if one is None or other is None or one == other or len(one) < 2:
        return False
    same_shape = [ch == "." for ch in one] == [ch == "." for ch in other]
    digits = one.replace(".", "")
    return same_shape and sorted(digits) == sorted(other.replace(".", "")) and len(set(digits)) >= 2


def _shape_of(surface: str) -> str | None:
    """The digits and decimal point of the one numeral in `surface`, or None when it has none or several ("4.5 m
    (15 ft)")."""
    numerals = _NUMERAL.findall(surface)
    if len(numerals) != 1:
        return None
    return "".join(ch for ch in numerals[0].rstrip(".,") if ch.isdigit() or ch == ".")


def _finite_range(figure: Figure) -> bool:
    """A range with both ends written ("from £540 to £750", "11-18"), not a bound."""
    return (
        figure.qualifier not in BOUND_QUALIFIERS
        and math.isfinite(figure.low)
        and math.isfinite(figure.high)
        and (figure.low < figure.high)
    )


def _compare_ranges(claim: Figure, passage: Figure) -> NumberStatus:
    """Two ranges agree end by end ("£540 to £720" is not "£540 to £750", though the one lies inside the other: a
    range's ends are figures, and "from X to Y" is often a change, whose end is the news), each end within the
    rounding of either side."""
    slack = max(claim.precision, passage.precision) / 2 * (1 + _FLOAT_SLACK)
    ends_meet = abs(claim.low - passage.low) <= slack and abs(claim.high - passage.high) <= slack
    return NumberStatus.WITHIN_ROUNDING if ends_meet else NumberStatus.MISMATCH


def _coarse_share(figure: Figure) -> bool:
    """A share written in words ("a quarter", "two-thirds", "half", "one in five"): rounded to a simple fraction.
    A percentage spelled out ("six and a half percent") names its value as exactly as its digits would."""
    if figure.family != "percent" or any(character.isdigit() for character in figure.surface):
        return False
    return not _PERCENT_WORD.search(figure.surface)


def _hedge_meets_bound(hedged: Figure, bound: Figure) -> bool:
    """A hedged value ("about 1.1 million") and a bound at that value ("more than 1.1 million"): both say the
    figure is near 1.1 million."""
    if not (hedged.is_point and hedged.hedged) or bound.is_point or bound.qualifier not in BOUND_QUALIFIERS:
        return False
    return abs(hedged.anchor - bound.anchor) <= HEDGE_TOLERANCE * abs(hedged.anchor)


def _same_direction(first: Figure, second: Figure) -> bool:
    """Two bounds on the same side ("more than a year", "over 52 weeks"): their bound values are compared."""
    if first.qualifier not in BOUND_QUALIFIERS or second.qualifier not in BOUND_QUALIFIERS:
        return False
    return math.isinf(first.high) == math.isinf(second.high) and math.isinf(first.low) == math.isinf(second.low)


def _near(claim: Figure, passage: Figure) -> bool:
    """A bound backs a figure near it: at most `_BOUND_REACH` times apart ("more than 40" and 43; "less than half"
    and 41%), not a figure the bound merely allows ("more than 300" and 1,300; "less than half" and 12%)."""
    first, second = abs(claim.anchor), abs(passage.anchor)
    if not (math.isfinite(first) and math.isfinite(second)) or first == 0 or second == 0:
        return True
    if claim.family in _WHEN_REACH:
        # a time or a day is a place on a clock or a calendar, not an amount: "before 10 a.m." is met by 9.45, not
        # by 8.30 (a ratio of 1.2 would reach back to 8.20); "by June 30" by June 28, not June 21
        return abs(first - second) <= _WHEN_REACH[claim.family]
    return max(first, second) / min(first, second) <= _BOUND_REACH


def _same_interval(first: Figure, second: Figure) -> bool:
    if (first.low_open, first.high_open) != (second.low_open, second.high_open):
        return False
    return _close(first.low, second.low) and _close(first.high, second.high)


def _contains(outer: Figure, inner: Figure) -> bool:
    """Whether every value `inner` allows is allowed by `outer`."""
    low_ok = inner.low > outer.low or (_close(inner.low, outer.low) and (inner.low_open or not outer.low_open))
    high_ok = inner.high < outer.high or (_close(inner.high, outer.high) and (inner.high_open or not outer.high_open))
    return low_ok and high_ok


def _close(first: float, second: float) -> bool:
    if math.isinf(first) or math.isinf(second):
        return first == second
    return abs(first - second) <= _FLOAT_SLACK * max(abs(first), abs(second), 1e-12)


def distance(claim: Figure, passage: Figure) -> float:
    """How far the passage figure lies from the values the claim allows, relative to the claim's size."""
    scale = abs(claim.anchor) or 1.0
    if passage.high < claim.low:
        return (claim.low - passage.high) / scale
    if passage.low > claim.high:
        return (passage.low - claim.high) / scale
    return 0.0


def offset(claim: Figure, passage: Figure) -> float:
    """Among figures the claim allows, the one nearest its written value comes first."""
    middle = passage.anchor
    return abs(middle - claim.anchor) if math.isfinite(middle) else math.inf
