"""Readings of session 15, made after round18 was read (its held-out run is in its README). Each case is in fresh
words; those of a change failed before it, and the guards beside them held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


def _stance(claim: str, passage: str) -> Stance:
    return corroborate(numeric_claim(claim), passage, passage, passage_start=0).stance


def test_a_time_set_beforehand_does_not_contradict_the_time_it_happened() -> None:
    # "cut the ribbon at 11.30 a.m." against an earlier wire's "due to be cut at 11 a.m." was a conflict.
    assert _stance(
        "The mayor cut the ribbon at 11.30 a.m.", "The ribbon is due to be cut at 11 a.m. by the mayor."
    ) is (Stance.RELATED)
    assert _stance("The vote was held at 7 p.m.", "The vote is scheduled for 6 p.m. on Tuesday.") is Stance.RELATED
    # Two accounts of what happened still disagree. (A time kept to plan was confirmed by the plan here until
    # session 26: the writers of round38 and round39 label it related, see test_round38_reading.py; a day kept to
    # plan still is.)
    assert _stance("The hall opened at 9 a.m.", "The hall is due to open at 9 a.m. on Monday.") is Stance.RELATED
    assert _stance("The hall opened on Monday, June 8.", "The hall is due to open on June 8.") is Stance.SUPPORTS
    assert _stance("The mayor cut the ribbon at 11.30 a.m.", "The mayor cut the ribbon at 11 a.m.") is Stance.CONFLICTS
    # "due to" that gives a cause names no plan.
    assert _stance("Gusts reached 90 km/h on the pier.", "The closure was due to gusts of 70 km/h on the pier.") is (
        Stance.CONFLICTS
    )


def test_the_date_of_a_change_s_base_dates_only_that_figure() -> None:
    # "served 241 notices during the year, up from 167 the year before, ... with fines totalling £64,500": "the
    # year before" is the 167's, and read as the date of every figure it made the 241 and the £64,500 figures of
    # another time, so the sources' 214 notices and £46,500 in fines contradicted nothing.
    claim = (
        "Officers served 241 abatement notices during the year, up from 167 the year before, and brought 11"
        " prosecutions, with fines totalling £64,500."
    )
    fines = corroborate(numeric_claim(claim), "We brought 11 prosecutions, with fines totalling £46,500.")
    assert fines.stance is Stance.CONFLICTS and fines.numbers is not None, fines.reasons
    assert fines.numbers.disputed == ("£64,500",)
    notices = corroborate(numeric_claim(claim), "We served 214 abatement notices, up from 167.")
    assert notices.stance is Stance.CONFLICTS and notices.numbers is not None, notices.reasons
    assert notices.numbers.disputed == ("241",)
    # A year after the base is the base's too ("up from 4,100 in 2023").
    fees = corroborate(
        numeric_claim("The club had 5,200 members, up from 4,100 in 2023, and its fees came to £64,500."),
        "Its fees came to £46,500.",
    )
    assert fees.stance is Stance.CONFLICTS, fees.reasons
    # The base's own date still dates it: the source's figure of the year before is set against the claim's 4,100.
    assert _stance("Sales rose to 5,200 from 4,100 the year before.", "Sales were 5,600 the year before.") is (
        Stance.CONFLICTS
    )


def test_an_early_estimate_told_as_such_is_superseded_not_contradicted() -> None:
    # "measures 6.8 metres" against an earlier wire's "Early measurements suggest a skeleton about 5 metres long".
    claim = "The skeleton measures 6.8 metres from snout to tail."
    assert _stance(claim, "Early measurements suggest a skeleton about 5 metres long.") is Stance.RELATED
    assert _stance(claim, "Preliminary findings indicate a skeleton of about 5 metres.") is Stance.RELATED
    # An early figure told plainly is the figure of its day: still compared.
    assert _stance(claim, "Preliminary measurements show a skeleton 5.8 metres long.") is Stance.CONFLICTS
    # The same value is still confirmed, and a later account that is not called early still contradicts.
    assert _stance(claim, "Early measurements suggest a skeleton 6.8 metres long.") is Stance.SUPPORTS
    assert _stance(claim, "The skeleton measures 5.8 metres from snout to tail.") is Stance.CONFLICTS
    # "early" that is not an estimate's: a figure early in the day is no estimate.
    assert _stance(claim, "Early visitors saw a skeleton 5.8 metres from snout to tail.") is Stance.CONFLICTS
