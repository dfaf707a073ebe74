"""Rules from the seen round-3 split: errors a fact-checker finds most damaging, each in its general form."""

from __future__ import annotations

from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.signals import NumberStatus
from factcheck.extract.figures.quantities import find_quantities

_AGREEING = (NumberStatus.MATCH, NumberStatus.WITHIN_ROUNDING, NumberStatus.CONSISTENT_WITH_QUALIFIER)


def _numbers(claim: str, passage: str):
    return compare_numbers(find_quantities(claim), passage, claim)


def test_a_percentage_spelled_out_is_not_a_share_in_words() -> None:
    """ "six and a half percent" is as exact as "6.5 percent": it does not round to 8 percent the way "a quarter"
    rounds to 27 percent."""
    claim = "Kaskade has offered 8 percent over the same period."
    passage = "We have put a serious offer on the table: six and a half percent over two years."
    assert compare_numbers(find_quantities(claim), passage).status is NumberStatus.MISMATCH
    signal = _numbers(claim, passage)  # in their sentences: at most two figures that may count other things
    assert signal.status not in _AGREEING, [p.reason for p in signal.pairs]


def test_a_part_of_a_counted_whole_disagrees_with_another_part_of_it() -> None:
    """ "38 of the camp's 71 water points" and "46 of 71 water points" are both parts of the same 71: the 46 is read
    against the 38, and the agreeing 71 does not hide the conflict."""
    claim = "Only 38 of the camp's 71 water points are working, according to camp management."
    for passage in (
        "On 18 October, 46 of 71 water points were functioning; most of the others lack fuel for their pumps.",
        "Forty-six of our seventy-one water points are running today.",
    ):
        signal = _numbers(claim, passage)
        assert signal.status is NumberStatus.MISMATCH, (passage, [p.reason for p in signal.pairs])
        (pair,) = [p for p in signal.pairs if p.claim_surface == "38"]
        assert pair.status is NumberStatus.MISMATCH and pair.passage_value == 46
