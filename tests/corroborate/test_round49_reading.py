"""Readings of session 32 made on round49's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


def test_a_sum_applied_for_is_a_request() -> None:
    claim = numeric_claim("The district council gave the festival a £1,800 grant this year.")
    applied = corroborate(claim, "The society has applied to Fenmoor District Council for a grant of £3,000 this year.")
    assert applied.stance is not Stance.CONFLICTS, applied.reasons
    given = corroborate(claim, "The district council gave the festival a grant of £3,000 this year.")
    assert given.stance is Stance.CONFLICTS, given.reasons


def test_a_time_allowed_is_no_time_taken_and_threw_off_is_done() -> None:
    claim = numeric_claim("The winning pair finished the crossword in 1 hour 12 minutes.")
    allowed = corroborate(claim, "Every pair had the same crossword and two hours to finish it.")
    assert allowed.stance is not Stance.CONFLICTS, allowed.reasons
    taken = corroborate(claim, "The winning pair finished the crossword in 1 hour 21 minutes.")
    assert taken.stance is Stance.CONFLICTS, taken.reasons
    limit = corroborate(numeric_claim("Pairs had a two-hour limit."), "Every pair had two hours to finish it.")
    assert limit.stance is Stance.SUPPORTS, limit.reasons
    kicked = numeric_claim("The derby threw off at 3.15 p.m. in front of a full stand.")
    planned = corroborate(kicked, "The derby will start at 3.15 p.m.")
    assert planned.stance is not Stance.SUPPORTS, planned.reasons


def test_for_a_stretch_of_time_says_how_long_not_for_whom() -> None:
    claim = numeric_claim("The borough council waived the £4,700 fee for using the sports hall.")
    told = corroborate(claim, "For the record, the council waived the hall fee of £7,400 for the weekend.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    # a fee for someone else is still someone else's
    other = corroborate(claim, "The council waived a fee of £7,400 for the youth football league.")
    assert other.stance is not Stance.CONFLICTS, other.reasons
