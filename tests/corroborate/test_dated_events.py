"""A year or month a time word puts something at ("laid in 1958", "by 2029", "will open in April") is compared with a
source's year or month when the words next to both share what happened (session 12: over round7-round10, 64 missed
decisions had a year or month as the claim's figure, compared only for a short list of event words). Each case is
in fresh words and failed before the change."""

from __future__ import annotations

import pytest

from factcheck.corroborate.event_years import event_years_of
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The tramline, electrified in 1931, carried 4,000 passengers a day.",
            "Records show the line was electrified in 1931 by the city's transport board.",
        ),
        (
            "The 210-bed hospital is due to be replaced by 2031.",
            "The trust says the old building will be replaced by 2031 at the latest.",
        ),
        (
            "Its 12 wards will be refurbished from March 2027.",
            "Ward refurbishment is planned from March 2027, the trust said.",
        ),
        (
            "The bridge, which carries 9,000 cars a day, was last inspected in June 2024.",
            "Engineers last inspected the bridge on 14 June 2024 and found corrosion on two bearings.",
        ),
        (
            "The ferry service, cut to 3 sailings a day, will resume in May.",
            "Full sailings will resume in May once the second vessel is repaired.",
        ),
    ],
)
def test_a_year_or_month_of_the_same_happening_supports(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # another year for the same happening is shown, not decided on (two sources' dates of a "reopening" are as
        # often two reopenings)
        (
            "The tramline, electrified in 1931, carried 4,000 passengers a day.",
            "Records show the line was electrified in 1934 by the city's transport board.",
        ),
        # the same year, but nothing next to it says the same thing happened
        (
            "The 210-bed hospital is due to be replaced by 2031.",
            "The council's housing plan runs to 2031 and names four sites near the hospital.",
        ),
        # the same month of the same flood, but the claim's count meets another count of people: the count decides
        (
            "The damage far exceeded that of the March 2021 flood, which the agency said killed about 40 people.",
            "The flood of March 2021 left 1,200 people homeless in the valley.",
        ),
        # the same month, but only the date's own words ("the end of") are shared: two things of that month (found by
        # the deep-candidate invariant test in CI, on the test split)
        (
            "Some 3,100 claims were waiting for a decision at the end of March, up from 2,600.",
            "The agency employed 210 assessors at the end of March.",
        ),
        # a year that dates another figure is that figure's time, not an event's
        (
            "Admissions rose to 5,200, from 4,700 in 2023.",
            "The new admissions unit opened in 2023.",
        ),
    ],
)
def test_a_year_of_something_else_or_another_year_decides_nothing(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_dated_figures_leave_out_a_figure_s_time_and_a_claim_s_full_dates() -> None:
    found = lambda text, **kw: [(f.surface, f.family) for f in event_years_of(text, dated=True, **kw)]  # noqa: E731
    assert found("Exports fell 4 percent from 2024.") == []
    assert found("Exports fell to 310 tonnes, down from 340 in 2024.") == []
    assert found("The scheme opened on 3 April 2023.") == []  # a day-month-year date is the date comparison's
    assert found("The scheme opened on 3 April 2023.", with_days=True) == [
        ("April 2023", "event_month:dated"),
        ("2023", "event_year:dated"),
    ]
    assert found("The work will start in the summer of 2027.") == [("summer of 2027", "event_year:dated")]
    assert found("The first grants will be paid in January.") == [("January", "event_month:dated")]
    assert found("The museum opened in 1978.") == [("1978", "event_year:open")]  # a named event keeps its family


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The 210-bed hospital is due to be replaced by 2031.",
            "The trust says it will be replaced by 2031 at the latest.",
        ),
        ("The ferry service, cut to 3 sailings a day, will resume in May.", "Full sailings will resume in May."),
        ("The 14 km line should start running in 2029.", "| Trains start running | 2029 |"),
    ],
)
def test_a_passage_standing_alone_on_a_date_passes_the_deep_candidate_test(claim: str, passage: str) -> None:
    # the cheap test must pass every passage that could stand alone, also one agreeing on a year or month only
    from factcheck.corroborate.confidence import stands_alone
    from factcheck.corroborate.deep_candidates import deep_candidate_test

    numeric = numeric_claim(claim)
    assert stands_alone(corroborate(numeric, passage), passage)
    assert deep_candidate_test(numeric)(passage, None)
