"""A table row that agrees with a claim's figure and is labelled by a word beside it is that figure's row: a
confident support that may be shown from deep in the candidate list (session 11: table rows ranked below the
first five were decided right but left out). Each case is in fresh words and failed before its change."""

from __future__ import annotations

import pytest

from factcheck.check import judge
from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.search import Hit
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("claim", "row"),
    [
        ("More than 300 trains were cancelled on Monday.", "| Cancelled | 318 |"),
        ("About 52,000 commuters were affected, the operator said.", "| Commuters affected (estimate) | 51,700 |"),
        ("The pension fund's deficit stood at 3.4 billion euros.", "| Deficit | EUR 2,950m | EUR 3,420m |"),
        ("Almost 2,500 crew were kept on board.", "| Crew | 2,486 | 12 |"),
        ("Fourteen of the 23 carriages left the track.", "| Carriages derailed | 14 |"),
        ("Ticket sales reached 1.2 million.", "| Sales | 1,150,000 |"),
    ],
)
def test_an_agreeing_row_labelled_beside_the_figure_is_a_confident_support_that_stands_alone(
    claim: str, row: str
) -> None:
    signals = corroborate(numeric_claim(claim), row)
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    assert signals.confident, signals.numbers
    assert stands_alone(signals, row)


@pytest.mark.parametrize(
    ("claim", "row"),
    [
        # the figure is a heading's words, not a row's value
        ("Only 71 percent of patients were seen within four hours.", "| Site | Visits | Seen within four hours |"),
        # the cell says more than the figure
        ("Twelve workers were dismissed after the audit.", "| Workers treated in hospital | 12, of whom 2 died |"),
        # the label word is in the claim, but far from its figure
        (
            "Power was cut to some 4,100 homes in the old town, leaving whole households in the dark.",
            "| Households | 4,060 |",
        ),
        # told roughly with one significant figure, the row's price is not the claim's
        ("A single fare would rise to 3 euros.", "| Single | 2.40 euros | 2.90 euros |"),
        # the claim is exact and the row's figure is the rounder one
        ("The council has repaired 318 roofs.", "| Repaired | 320 |"),
    ],
)
def test_a_row_that_is_not_the_claim_figures_is_not_confident(claim: str, row: str) -> None:
    signals = corroborate(numeric_claim(claim), row)
    assert not (signals.stance is Stance.SUPPORTS and signals.confident), signals.numbers
    assert not stands_alone(signals, row)


def _hit(text: str, rank: int) -> Hit:
    return Hit(rank, 1.0 / rank, "c", "ops.md", f"ops.md#{rank}", text, None, None, None, None, 0, len(text))


def test_a_confirming_row_ranked_below_the_shown_candidates_is_kept() -> None:
    claim = numeric_claim("More than 300 trains were cancelled on Monday.")
    filler = [_hit(f"The timetable was reviewed on day {n}.", n) for n in range(1, 6)]
    row = _hit("| Cancelled | 318 |", 12)
    checked = judge(claim, [*filler, row], {}, shown=5)
    assert row in checked.candidates
    assert checked.signals[checked.candidates.index(row)].stance is Stance.SUPPORTS


def test_a_small_count_in_a_row_labelled_beside_the_claims_figure_stands_alone_as_a_support() -> None:
    row = "| Climbers airlifted | 7 |"
    signals = corroborate(numeric_claim("Seven climbers were airlifted to hospital."), row)
    assert signals.stance is Stance.SUPPORTS and signals.confident, signals.reasons
    assert stands_alone(signals, row)


def test_a_small_count_in_a_row_that_disagrees_still_needs_a_passage_ranked_near_the_top() -> None:
    row = "| Climbers airlifted | 5 |"
    signals = corroborate(numeric_claim("Seven climbers were airlifted to hospital."), row)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert not stands_alone(signals, row)
