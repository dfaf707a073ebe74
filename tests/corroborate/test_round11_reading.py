"""Readings of session 12, made after round11 was read (its held-out runs are in its README): a duration a table
writes with "h" and "min", a share "of the total" that a passage's share of all the things is, and a table row
whose cell gives one claim figure exactly is that figure's row, not a row to set the claim's other figures against.
Each case is in fresh words and failed before its change."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def test_hours_and_minutes_written_short_are_one_duration() -> None:
    found = [(q.surface, q.unit) for q in find_quantities("| Mean wait | 3 h 15 min |")]
    assert found == [("3 h 15 min", "hour")]  # one figure since session 21 (round28: "5 h 50 min", "nearly six hours")
    assert [(q.surface, q.unit) for q in find_quantities("a 24 h strike")] == [("24", None)]  # "h" alone: a letter
    signals = corroborate(
        numeric_claim("Patients waited an average of 3 hours 15 minutes."), "| Mean wait | 3 h 15 min |"
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_share_of_the_total_is_the_passage_s_share_of_all_of_them() -> None:
    claim = numeric_claim(
        "Pensioners made 40 percent of visits, and evening visits accounted for 15 percent of the total."
    )
    signals = corroborate(claim, "| Evening visits (after 18:00) | 15% of all visits |")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "row", "stance"),
    [
        # the row's other cells are last year's figure and the change: not the claim's shelters
        ("The network now has 120 stops with 900 shelters.", "| Stops | 112 | 120 | +8 |", Stance.SUPPORTS),
        # one thing's two years in one claim: the row's other cell is still compared (and disagrees)
        ("The fee will go up from 40 euros to 52 euros.", "| Annual fee | 40 euros | 48 euros |", Stance.CONFLICTS),
    ],
)
def test_a_row_giving_one_claim_figure_exactly_is_that_figure_s_row(claim: str, row: str, stance: Stance) -> None:
    signals = corroborate(numeric_claim(claim), row)
    assert signals.stance is stance, signals.reasons


def test_a_reason_ends_with_one_full_stop_after_a_time_written_with_points() -> None:
    signals = corroborate(numeric_claim("The first boat leaves at 6.30 a.m. every day."), "Boats leave at 06:30.")
    assert signals.reasons and not any(reason.endswith("..") for reason in signals.reasons), signals.reasons


@pytest.mark.parametrize(
    ("claim", "row"),
    [
        # a figure in the row's label ("5 km") is not the row's value: the counts are still compared
        (
            "About 61,000 people live more than 8 km from a dentist.",
            "| People living more than 8 km from a dentist | 38,000 | 47,000 |",
        ),
        # nor is a time cell: the count beside it is still compared
        ("Power came back to 4,300 homes by 9 p.m.", "| Restored by switching | 21:00 | 3,100 |"),
    ],
)
def test_a_row_is_owned_only_for_cells_of_the_owning_figure_s_kind(claim: str, row: str) -> None:
    signals = corroborate(numeric_claim(claim), row)
    assert signals.stance is not Stance.SUPPORTS, signals.reasons


def test_not_just_is_no_denial() -> None:
    claim = numeric_claim("The operator said its 210 drivers would be paid in full for at least six weeks.")
    signals = corroborate(
        claim, "We expect that promise to last as long as the depot is closed, not just for six weeks."
    )
    assert signals.stance is not Stance.CONFLICTS, signals.reasons


def test_minutes_to_or_past_an_hour_are_a_time_not_a_duration() -> None:
    claim = numeric_claim("The walkout is due to end at two minutes to midnight on Friday.")
    signals = corroborate(claim, "Dock workers walked out at two minutes past midnight on Monday.")
    assert signals.stance is Stance.RELATED, signals.reasons
    # each side alone: the claim's time is no duration of the source's, nor the source's time one of the claim's
    assert corroborate(claim, "The walkout lasted two minutes.").stance is Stance.RELATED
    lasted = numeric_claim("The stoppage at the docks lasted two minutes.")
    assert corroborate(lasted, "The stoppage at the docks began at two minutes past midnight.").stance is Stance.RELATED


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Reliability on the two lines fell from 91 percent to 64 percent in the first five days.",
            "In the first five days, 52 lorries were stopped at the checkpoint.",
        ),
        (
            "In the past six months, 480 fines were issued.",
            "In the past six months, the number of cameras rose to 12.",
        ),
    ],
)
def test_the_period_alone_agreeing_is_no_support(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_the_period_and_the_figure_agreeing_still_support() -> None:
    signals = corroborate(
        numeric_claim("In the first five days, 52 lorries were stopped."),
        "In the first five days, 52 lorries were stopped at the checkpoint.",
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "row", "stance"),
    [
        (
            "Ticket revenue rose 14 percent to £3.1 million.",
            "| Visitors under 18 | 52,000 | 59,300 | +14% |",
            "related",
        ),
        ("Ferry crossings rose 14 percent.", "| Crossings | 8,100 | 9,230 | +14% |", "supports"),
        ("Overall, offences fell 6 percent.", "| Total | 4,210 | 3,957 | -6% |", "supports"),
    ],
)
def test_a_change_in_a_row_labelled_for_something_else_is_another_row_s(claim: str, row: str, stance: str) -> None:
    signals = corroborate(numeric_claim(claim), row)
    assert signals.stance.value == stance, signals.reasons
