"""Readings of session 22 made on round31 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.quotes.turns import find_turns
from tests.helpers import against_row, numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def test_a_hyphenated_or_prefixed_surname_labels_a_turn() -> None:
    transcript = (
        "Chair: Item four. Ms Pellow-Grange, please.\n\nPellow-Grange: Thank you, Chair. The roof is done.\n\n"
        "McAllister: And the windows?\n"
    )
    assert [turn.speaker for turn in find_turns(transcript)] == ["Chair", "Pellow-Grange", "McAllister"]


def test_a_budget_the_claim_gives_for_both_years_is_no_change_to_come() -> None:
    claim = "The fund will pay out £1.8 million in its first year and £2.6 million in its second."
    table = "| Item | 2026-27 | 2027-28 |\n|---|---|---|\n| Budget | £1.8 million | £2.6 million |\n"
    assert against_row(claim, table, "| Budget").stance is Stance.SUPPORTS
    # a rate to come told alone still meets the later cell
    alone = "From May, the fund will pay £1.8 million a year."
    assert against_row(alone, table, "| Budget").stance is Stance.CONFLICTS


def test_a_limit_told_as_a_bound_is_the_limit() -> None:
    claim = "The grants are open to households with an income below £42,000 a year."
    table = "| Rule | 2026 |\n|---|---|\n| Household income limit | £42,000 |\n"
    assert against_row(claim, table, "| Household income limit").stance is Stance.SUPPORTS
    # another limit still conflicts, and a bound is no limit where the source tells no limit
    other = "| Rule | 2026 |\n|---|---|\n| Household income limit | £40,000 |\n"
    assert against_row(claim, other, "| Household income limit").stance is Stance.CONFLICTS
    assert _signals("Prices fell below £42,000.", "The price was £42,000.").stance is not Stance.SUPPORTS
    # a share told as a bound is no limit, whatever limit a row's label speaks of
    share = "More than 60 percent of drivers caught were going 1 to 10 mph over the limit."
    speeds = "| Notices | 2026 |\n|---|---|\n| Notices for 1 to 10 mph over the limit | 64% |\n"
    assert against_row(share, speeds, "| Notices for").stance is Stance.SUPPORTS
    capped = "| Loans | 2026 |\n|---|---|\n| Share of the borrowing limit used | 64% |\n"
    assert against_row("More than 60 percent of the limit was used.", capped, "| Share").stance is Stance.SUPPORTS
    drivers = "| Drivers | 2026 |\n|---|---|\n| Drivers caught over the limit | 640 |\n"
    caught = "More than 600 drivers were caught over the limit."
    assert against_row(caught, drivers, "| Drivers caught").stance is Stance.SUPPORTS


def test_nearly_half_is_47_percent() -> None:
    claim = "A survey of 900 residents found that nearly half had never heard of the grant."
    survey = "In a survey of 900 residents, 47 percent said they had never heard of the grant."
    assert _signals(claim, survey).stance is Stance.SUPPORTS
    # further off, or unhedged and as far, it still conflicts
    assert _signals(claim, survey.replace("47", "44")).stance is Stance.CONFLICTS
    assert _signals("About one in six were late.", "In all, 20 percent were late.").stance is Stance.CONFLICTS


def test_a_year_since_which_something_runs_is_no_year_against_another() -> None:
    claim = "The fair, held in the square every summer since 1994, will run from July 3 to July 12."
    notes = "Notes: 2026 figures are budgeted. Fair dates 2026: 3 July to 12 July."
    assert _signals(claim, notes).stance is Stance.SUPPORTS
    # a year that dates the claim still differs from another
    dated = "The fair ran from July 3 to July 12 in 1994."
    assert _signals(dated, notes).stance is not Stance.SUPPORTS


def test_the_start_of_one_change_is_not_the_end_of_another() -> None:
    claim = "Craft traders face a steeper bill, with their stall fee going up from £610 to £790."
    other = "The standard stall goes from £380 to £495, which is a 30 percent rise."
    assert _signals(claim, other).stance is Stance.RELATED
    # the same change told with another end still conflicts
    assert _signals(claim, "The craft stall fee goes from £610 to £830.").stance is Stance.CONFLICTS


def test_transposed_digits_of_one_named_count_conflict_whatever_time_each_side_adds() -> None:
    claim = "Only 2,470 new plots remain across the town's three allotment sites."
    source = "At the end of September we had 2,740 new plots left across our three sites."
    signals = _signals(claim, source)
    assert signals.stance is Stance.CONFLICTS
    assert any("same digits in another order" in reason for reason in signals.reasons)
    # other digits at another time stay another count
    assert _signals(claim, "At the end of September we had 2,910 new plots left.").stance is not Stance.CONFLICTS
