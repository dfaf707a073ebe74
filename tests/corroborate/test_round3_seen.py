"""Rules from the seen round-3 split: errors a fact-checker finds most damaging, each in its general form."""

from __future__ import annotations

from factcheck.corroborate.cues import conflicting_cues
from factcheck.corroborate.number_rules import measured_compatible
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


def test_a_claim_that_drops_the_sources_more_than_gives_the_same_figure() -> None:
    """ "closed over 35 km" and "a 35 km (22 miles) stretch": the claim's figure is the source's bound, rounded
    down as news copy does; it does not contradict it. A claim bound that the source's figure only equals stays a
    conflict ("more than 1,000" and 1,000: see test_numbers)."""
    signal = _numbers(
        "The N-214 road has been closed along a 35 km (22 miles) stretch.",
        "The N-214 is closed over 35 km between the Carvide roundabout and the coast junction.",
    )
    assert signal.status is NumberStatus.CONSISTENT_WITH_QUALIFIER, [p.reason for p in signal.pairs]


def test_a_negation_in_a_coordinated_relative_clause_names_who_is_meant() -> None:
    """ "Each household that has lost its home or cannot return will receive ...": the "cannot" says which
    households, it denies nothing; a negated main verb still does."""
    claim = "Serrat said the fund would pay up to €5,000 per household within 30 days to cover immediate needs."
    passage = "Each household that has lost its home or cannot return will receive up to €5,000 within 30 days."
    assert not [r for r in conflicting_cues(claim, passage) if "denies" in r]
    denied = "Households that have lost their homes will not receive €5,000 within 30 days."
    assert [r for r in conflicting_cues(claim, denied) if "denies" in r]


def test_a_place_the_passage_names_in_a_longer_name_is_the_same_place() -> None:
    """ "to Dravec Regional Hospital" names Dravec: the claim's "in Dravec" is not contradicted by the mine the men
    were rescued from, named in the same sentence."""
    claim = "Eleven of the 12 miners were taken by ambulance to the regional hospital in Dravec."
    passage = "Eleven men rescued from Ruskavo Colliery were brought to Dravec Regional Hospital on Sunday evening."
    assert not [r for r in conflicting_cues(claim, passage, focus=(0, 6)) if "places" in r]
    elsewhere = "Eleven men rescued from Ruskavo Colliery were brought to Tarnow Regional Hospital on Sunday evening."
    assert [r for r in conflicting_cues(claim, elsewhere, focus=(0, 6)) if "places" in r]


def test_men_may_be_the_miners_a_part_of_a_whole_counts() -> None:
    """ "Eleven of the 12 miners" and "Eleven men rescued ...": men names people as generally as "people" does, so
    the two elevens are one figure; women are still not men."""
    claim = "Eleven of the 12 miners were taken by ambulance to the regional hospital in Dravec."
    passage = "Eleven men rescued from Ruskavo Colliery were brought to Dravec Regional Hospital on Sunday evening."
    assert _numbers(claim, passage).status is NumberStatus.MATCH
    assert measured_compatible("men", "miners") and measured_compatible("miners", "women")
    assert not measured_compatible("men", "women")
    # but "men" names no role, so it grounds no conflict with another group of miners
    other = "Of the twelve men who were trapped, eight were employed by Dranj Coal."
    assert _numbers("More than 100 miners were underground on the night shift.", other).status is not (
        NumberStatus.MISMATCH
    )


def test_a_figure_dated_a_year_back_is_of_another_time_even_in_the_same_month() -> None:
    """ "A year ago, in October 2025, the annual rate ... stood at 4.6 percent" is last year's October, not the
    claim's; "7.8 percent higher than a year earlier" is this year's figure measured against last year's."""
    claim = "Annual consumer price inflation rose to 7.8 percent in October from 7.1 percent in September."
    back = "A year ago, in October 2025, the annual rate of consumer price inflation stood at 4.6 percent."
    assert _numbers(claim, back).status is NumberStatus.DIFFERENT_THING
    base = "Consumer prices were 7.5 percent higher in October than a year earlier, up from 7.1 percent in September."
    assert _numbers(claim, base).status is NumberStatus.MISMATCH


def test_a_normal_years_figure_is_not_the_figure_reported() -> None:
    """ "In a normal year we receive around 5,000" says what usually happens; it does not contradict "more than
    18,000 appeals in the first six days" this year."""
    claim = (
        "The board received more than 18,000 appeals in the first six days after results were released, several"
        " times the number it handles in a normal year."
    )
    usual = "In a normal year we receive around 5,000 appeals in the whole appeal window."
    assert _numbers(claim, usual).status is not NumberStatus.MISMATCH
