"""A vote's tally read as one figure: its forms, when two tallies agree or disagree, and the stance it decides."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.corroborate.vote_tallies import compare_tallies, tallies_in
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The plan was approved by 23 votes to 17.", (23, 17)),
        ("Members voted eleven to six to keep the pool open.", (11, 6)),
        ("The committee voted 5-3 on Monday.", (5, 3)),
        ("The motion is carried, 28 to 12.", (28, 12)),
        ("| Vote on the levy | 22 for, 9 against |", (22, 9)),
        ("There were 40 votes in favour and 13 against, with one abstention.", (40, 13)),
        ("For, 19. Against, 15. Abstentions, 1.", (19, 15)),
        ("The vote was six to three in favour of closure.", (6, 3)),
    ],
)
def test_the_forms_a_tally_is_written_in(text, counts) -> None:
    (tally,) = tallies_in(text)
    assert (tally.for_, tally.against) == counts


@pytest.mark.parametrize(
    "text",
    [
        "The council approved 12 to 15 new homes on the site.",  # a range of homes, not a vote
        "Prices rose by 4 to 6 percent.",
        "Members voted to keep the pool open.",
        "It costs two pounds to park.",
    ],
)
def test_ranges_and_other_words_are_no_tally(text) -> None:
    assert tallies_in(text) == []


def test_two_tallies_agree_when_both_counts_do_and_disagree_when_one_does_or_the_total_does() -> None:
    assert compare_tallies("It passed by 23 votes to 17.", "Members voted 23 to 17.") == (
        True,
        "The source gives the same vote: 23 to 17 for the claim's 23 to 17.",
    )
    assert compare_tallies("It passed by 23 votes to 17.", "It was carried by 23 votes to 15.")[0] is False
    assert compare_tallies("It passed by 23 votes to 17.", "| Vote | 22 for, 18 against |")[0] is False  # same total
    # both counts and the total differ: perhaps another vote, left to the other rules
    assert compare_tallies("It passed by 23 votes to 17.", "An amendment fell by 12 votes to 30.") is None
    assert compare_tallies("It passed on Tuesday.", "Members voted 23 to 17.") is None


def test_a_tally_decides_where_its_small_counts_alone_did_not() -> None:
    claim = numeric_claim("The parish council backed the plan by seven votes to three on Thursday.")
    same = "At 20:40 the parish council voted seven to three to back the plan."
    signals = corroborate(claim, same, same, passage_start=0)
    assert signals.stance is Stance.SUPPORTS and signals.confident
    assert signals.reasons[0].startswith("The source gives the same vote")
    other = "The plan was carried by seven votes to four, with one abstention."
    assert corroborate(claim, other, other, passage_start=0).stance is Stance.CONFLICTS
    # a passage with no tally is left to the figure rules: seven alone supports nothing
    loose = "Seven members of the public spoke at the meeting."
    assert corroborate(claim, loose, loose, passage_start=0).stance is not Stance.SUPPORTS
