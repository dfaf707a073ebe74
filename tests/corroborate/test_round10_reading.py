"""Readings found in the round10 split after its held-out runs (seen since), each case in fresh words. Each failed
before its change, or guards a line of it (named in the case)."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        # only the time agrees, and the passage counts the claim's homes otherwise
        (
            "Power was back for 8,300 of them by 7 p.m. on Friday.",
            "By 19:00 on Friday, 6,900 homes had power again.",
            Stance.RELATED,
        ),
        # the other figures count two groups (staff, patients): the time still confirms the claim's time
        (
            "More than 150 staff were in the building when the alarm sounded at 9.40 a.m.",
            "At 09:40 six patients were moved to the car park.",
            Stance.SUPPORTS,
        ),
        # the day differs too: nothing agrees but the time
        ("The bridge reopened at 7 p.m. on Friday.", "The bridge reopened at 19:00 on Thursday.", Stance.RELATED),
        # another figure agrees (the crews, on the value alone): the passage confirms more than the time
        (
            "Power was back for 8,300 of them by 7 p.m. on Friday, with 140 crews at work.",
            "By 19:00 on Friday, 6,900 homes had power again; 140 were still at work.",
            Stance.SUPPORTS,
        ),
        # a figure other than a time agrees, on its value alone: the passage confirms that figure
        (
            "A petition gathered 9,100 signatures, and 74 percent of the 5,300 people who answered the survey "
            "opposed the plan.",
            "The survey closed with 5,300 responses, 2,000 of them online.",
            Stance.SUPPORTS,
        ),
        (
            "Joblessness in Marrowby stands at 6.2 percent, against 3.9 percent nationally.",
            "| National | 3.9% |\n| Coastal towns | 5.1% |",
            Stance.SUPPORTS,
        ),
        # the time is tied to the same event ("restarted"): it is confirmed, whatever the count
        (
            "Power came back for 8,300 homes when the substation restarted at 7 p.m. on Friday.",
            "The substation restarted at 19:00 on Friday, and 6,900 homes had power again.",
            Stance.SUPPORTS,
        ),
    ],
)
def test_a_time_alone_does_not_support_a_claim_whose_count_the_passage_gives_otherwise(
    claim: str, passage: str, stance: Stance
) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is stance, signals.reasons


@pytest.mark.parametrize(
    "claim",
    [
        "Nationally, the average price of a pint rose 6.1 percent, the brewers' survey said.",
        "The national average price of a pint rose 6.1 percent, the brewers' survey said.",
    ],
)
def test_a_national_figure_is_not_contradicted_by_one_named_towns(claim: str) -> None:
    passage = "In Holmbridge the average price of a pint rose 9.3 percent in the year to October."
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        ("The tribunal sat for 38 days of evidence.", "| Days of evidence | 38 |", Stance.SUPPORTS),
        ("Flats were let within 11 days on average.", "| Average days to let | 19 | 15 | 11 |", Stance.SUPPORTS),
        ("The river peaked at 5.4 metres on Sunday.", "| River level, Sunday (m) | 5.4 |", Stance.SUPPORTS),
        # the unit word only picks the rows counted: a count of patients, not weeks
        ("About 4,200 patients were waiting.", "| Patients waiting over 18 weeks | 4,200 |", Stance.SUPPORTS),
        # an age in years, told bare in the claim
        ("The median age rose to 42.3.", "| Median age (years) | 40.1 | 42.3 |", Stance.SUPPORTS),
    ],
)
def test_a_row_label_that_names_a_unit_gives_its_bare_figures_that_unit(
    claim: str, passage: str, stance: Stance
) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is stance, signals.reasons


def test_a_figure_in_a_row_whose_label_names_no_unit_stays_a_count() -> None:
    signals = corroborate(numeric_claim("The tribunal sat for 38 days."), "| Witnesses heard | 38 |")
    assert signals.stance is not Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    "passage",
    [
        "| Days of hearings | 46, with 12 witnesses |",  # the cell says more than its figure
        "| Witnesses heard | 12 | over 46 (days) |",  # the unit is in another cell, not the row's label
    ],
)
def test_only_a_whole_cell_under_a_label_naming_a_unit_takes_the_unit(passage: str) -> None:
    signals = corroborate(numeric_claim("The tribunal heard 12 witnesses."), passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons
