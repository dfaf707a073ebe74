"""Readings of session 21 made on round29 after its held-out run (its README, step 4), in fresh words: each failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import against_row, numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def test_two_changes_from_one_start_to_different_ends_confirm_nothing() -> None:
    claim = "Rents went up from £45 to £63 a year in April."
    plan = "The plans would have taken the rent from £45 to about £80 a year."
    signals = _signals(claim, plan)
    assert signals.stance is Stance.RELATED
    assert any("end at different values" in reason for reason in signals.reasons)
    # the same change still supports, and a start told alone still agrees
    assert _signals(claim, "Rents went from £45 to £63 in April.").stance is Stance.SUPPORTS
    assert _signals(claim, "The rent is now £45 a year.").stance is not Stance.CONFLICTS


def test_a_row_of_the_others_is_no_row_of_the_whole() -> None:
    table = "| Area | 2023 | 2025 | Change |\n|---|---|---|---|\n| Market square | 88 | 140 | +59% |\n"
    table += "| Other streets | 301 | 410 | +36% |\n"
    claim = "Complaints about litter in the town centre rose by 63 percent in two years."
    assert against_row(claim, table, "| Other streets").stance is Stance.RELATED
    # a claim about the other streets still meets their row
    others = "Complaints in the other streets rose by 63 percent in two years."
    assert against_row(others, table, "| Other streets").stance is Stance.CONFLICTS
