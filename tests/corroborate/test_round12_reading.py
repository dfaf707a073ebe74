"""Readings of session 12, made after round12 was read (its held-out run is in its README): what a place or a
vehicle can hold is not a count of what it held; a source that dates its event by its own day ("today", "this
afternoon") gives a later weekday to something else; a figure told as what was said or sought before ("had put
the number at", "had originally applied for") is an earlier statement, not the figure now. Each case is in fresh
words; those of a change failed before it, the guards (a capacity meets a capacity, a figure said now) held before
and still hold."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("About 1,800 people filled the square for the vigil on Friday.", "The square can hold up to 2,000 people."),
        ("Some 450 cars were parked at the ground by noon.", "The ground's car park has room for 600 cars."),
    ],
)
def test_what_a_place_can_hold_is_not_a_count_of_what_it_held(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_capacity_meets_a_capacity() -> None:
    claim = numeric_claim("The new lorry can carry up to 18 tonnes.")
    signals = corroborate(claim, "| Maximum load | 18 tonnes |")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_source_dating_its_event_by_its_own_day_gives_its_weekday_to_something_else() -> None:
    claim = numeric_claim("Nine climbers were lifted off the ridge on Monday after a blizzard.")
    passage = "The team confirms that nine climbers were lifted off the ridge today after being trapped on Sunday."
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "On Monday the utility had put the number of homes without water at 6,000.",
            "About 9,200 homes are without water.",
        ),
        ("The operator had originally applied for 40 masts but cut the plan in May.", "| Masts | 32 |"),
    ],
)
def test_a_figure_told_as_said_before_is_an_earlier_statement(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_figure_said_now_still_conflicts() -> None:
    signals = corroborate(
        numeric_claim("The utility put the number of homes without water at 6,000."),
        "About 9,200 homes are without water.",
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_a_row_label_s_bracketed_unit_with_its_scale_reads_the_cells() -> None:
    signals = corroborate(numeric_claim("The survey cost 3.4 million pounds."), "| Cost (million pounds) | 3.1 | 3.4 |")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    assert any("3.4" in reason for reason in signals.reasons), signals.reasons


def test_a_year_in_a_table_cell_meets_the_claim_s_year_of_the_same_happening() -> None:
    claim = numeric_claim("Trains on the 14 km line should start running in 2029.")
    signals = corroborate(claim, "| Trains start running | 2029 |")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    other = corroborate(claim, "| Depot completed | 2029 |")  # the same year for something else decides nothing
    assert other.stance is Stance.RELATED, other.reasons


@pytest.mark.parametrize(
    ("claim", "row", "stance"),
    [
        ("Gas goes from 5.9p to 6.6p.", "| Gas unit rate (p/kWh) | 5.9 | 6.6 |", Stance.SUPPORTS),
        ("The standing charge rises to 49p a day.", "| Standing charge (p/day) | 44 | 47 |", Stance.CONFLICTS),
        ("Diesel fell to 96 dollars a barrel.", "| Diesel ($/barrel) | 104 | 96 |", Stance.SUPPORTS),
    ],
)
def test_a_row_label_s_rate_unit_gives_its_cells_that_money(claim: str, row: str, stance: Stance) -> None:
    # the row's reading gives the cells their unit; whether two small prices alone are enough to support ("from
    # 6.4p to 7.1p" can still meet the rule on small counts) is decided as before
    signals = corroborate(numeric_claim(claim), row)
    assert signals.stance is stance, signals.reasons


def test_not_until_a_time_with_words_between_is_no_denial() -> None:
    claim = numeric_claim("Payments were not fully working again until 4.40 p.m., the bank said.")
    signals = corroborate(claim, "Card payments were fully working again at 16:40.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_row_of_which_is_a_part_of_the_row_above() -> None:
    claim = numeric_claim("Net arrivals added 18,400 residents over the decade.")
    alone = corroborate(claim, "| of which net arrivals from abroad | +6,900 |")  # a part is no conflict with the whole
    assert alone.stance is Stance.RELATED, alone.reasons
    signals = corroborate(claim, "| Net arrivals | +18,400 |\n| of which net arrivals from abroad | +6,900 |")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
