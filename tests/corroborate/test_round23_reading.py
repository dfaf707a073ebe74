"""A reading of session 18 made on round23 after its held-out run (its README, step 4), in fresh words: it failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.deep_candidates import deep_candidate_test
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


def test_a_confident_conflict_on_transposed_digits_stands_alone_deep_in_the_list() -> None:
    # "A public consultation drew 4,812 responses" against "We had 4,182 responses": decided as a conflict when
    # compared, but the passage ranked below the five shown and only a support could be shown from there.
    claim = numeric_claim("The county's consultation drew 6,253 responses, officials said.")
    slip = "We had 6,523 responses to the consultation, a good return for the county."
    assert deep_candidate_test(claim)(slip, None)
    signals = corroborate(claim, slip, slip, passage_start=0)
    assert signals.stance is Stance.CONFLICTS and stands_alone(signals, slip)
    # another value is still no candidate from deep in the list, and would not stand alone if compared
    other = "We had 5,900 responses to the consultation, a good return for the county."
    assert not deep_candidate_test(claim)(other, None)
    assert not stands_alone(corroborate(claim, other, other, passage_start=0), other)


def test_transposed_digits_tie_only_numerals_of_one_shape_counting_alike() -> None:
    # Found when slips stood alone: "£2.4 million a month" against "| ... over three years | £42m |" (the decimal
    # point elsewhere) and "42 library posts" against "carried by 31 votes to 24" (a bare number of something else).
    claim = numeric_claim("Keeping the old depot open costs about £3.7 million a month, the board said.")
    row = "| Paid from the capital budget over three years | £73m |"
    assert corroborate(claim, row, row, passage_start=0).stance is not Stance.CONFLICTS
    posts = numeric_claim("The changes mean the loss of 53 library posts.")
    vote = "The budget was carried by 41 votes to 35, with two abstentions."
    assert corroborate(posts, vote, vote, passage_start=0).stance is not Stance.CONFLICTS
    # the same counted noun, or a table row, still ties transposed counts
    staff = "The library service now has 35 posts."
    assert corroborate(posts, staff, staff, passage_start=0).stance is Stance.CONFLICTS
