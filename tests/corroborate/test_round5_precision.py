"""Issue 16, round 5 preparation: rules found reading the wrong decisive cards of the seen round3 and round4 splits
(`docs/corroboration.md`, "Round 5 preparation: wrong cards by cause"); each case is written here in fresh words."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import COMMON_FIGURES_REASON, corroborate
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The council has now cut its budget in five successive years.", "The other five voted against the plan."),
        ("Three people in one van were treated for cuts.", "Below the dam lie three farms with about 400 cattle."),
    ],
    ids=["five-years-five-voters", "three-people-three-farms"],
)
def test_a_small_count_matched_on_its_value_alone_decides_nothing(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert COMMON_FIGURES_REASON in signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the same counted noun grounds a small count: confident, kept
        ("Three workers were injured in the blast.", "Three workers were injured when the tank exploded."),
        # a larger figure still ties the passage by its value
        ("The river rose 42 centimetres overnight.", "Gauges showed a rise of 42 centimetres."),
    ],
    ids=["grounded-small-count", "larger-figure"],
)
def test_a_support_on_a_telling_figure_stays(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The ferry was carrying 180 passengers when it sank.", "The ferry is certified to carry 250 passengers."),
        ("Workers have removed about 5,000 tonnes of rubble.", "Once it is safe, the target is 5,000 tonnes a day."),
        ("Vaccinations started after 50,000 doses arrived by lorry.", "The ministry has requested 50,000 doses."),
        ("The gusts reached 110 km/h on the ridge.", "Gusts of up to 110 km/h forecast on the ridge."),
        ("The fatality rate has reached 3 percent.", "We aim to keep the fatality rate below 1 percent."),
    ],
    ids=["capacity-vs-carried", "target-vs-removed", "requested-vs-arrived", "forecast-vs-measured", "aim-vs-rate"],
)
def test_a_plan_target_forecast_or_limit_in_the_source_is_not_what_happened(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert any("as a plan, target, forecast or limit" in reason for reason in signals.reasons), signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim speaks of a limit or a plan too, in other words
        ("The stand's safety certificate allowed 4,200 people.", "The stand has a capacity of 4,200 people."),
        ("The ministry says the road will reopen after 42 days of work.", "The repair is forecast to take 42 days."),
        # a planned day is the day of what was planned
        ("The line opened on June 14.", "The line is due to open on June 14, the operator's target date."),
    ],
    ids=["limit-and-capacity", "will-and-forecast", "a-planned-day"],
)
def test_a_plan_against_a_plan_or_a_day_still_decides(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


def test_a_price_and_a_total_a_million_times_larger_are_not_compared() -> None:
    claim = numeric_claim("A school lunch cost 4.85 crowns on average.")
    assert corroborate(claim, "In all, 23.6 million crowns was paid for lunches.").stance is Stance.RELATED


def test_a_misread_magnitude_with_the_same_digits_still_conflicts() -> None:
    claim = numeric_claim("The new bridge cost 1.2 billion crowns.")
    assert corroborate(claim, "The new bridge cost 1.2 million crowns.").stance is Stance.CONFLICTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("More than 90 flights have been cancelled since the strike began.", "So far 61 flights have been cancelled."),
        ("Lifeboats brought 140 people ashore on Tuesday.", "By midday, 95 people had been brought ashore."),
    ],
    ids=["so-far", "by-midday"],
)
def test_a_smaller_running_count_as_of_a_moment_is_an_earlier_count(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert any(reason.startswith("An earlier count") for reason in signals.reasons), signals.reasons


def test_a_larger_running_count_still_conflicts() -> None:
    # "so far" cannot make a count shrink: 160 so far against the claim's 90 is a contradiction
    claim = numeric_claim("About 90 flights have been cancelled since the strike began.")
    assert corroborate(claim, "So far 160 flights have been cancelled.").stance is Stance.CONFLICTS


def test_a_figure_in_a_question_reports_nothing() -> None:
    claim = numeric_claim("At least 60 lorries were turned back in the first 48 hours.")
    signals = corroborate(claim, "Q: Over the first two days, how many lorries were turned back?")
    assert signals.stance is Stance.RELATED, signals.reasons


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Most of those who died were aged 80 or older.", "80"), ("She left school at age 16.", "16")],
)
def test_a_number_after_aged_is_an_age(text: str, surface: str) -> None:
    (age,) = find_quantities(text)
    assert (age.surface, age.unit, age.dimension) == (surface, "year", "duration")


def test_an_age_is_not_compared_with_a_count() -> None:
    claim = numeric_claim("Most of those who died were aged 80 or older.")
    assert corroborate(claim, "The number of excess deaths is 1,346.").stance is Stance.RELATED


def test_the_remaining_part_of_a_group_is_not_the_part_named() -> None:
    claim = numeric_claim("The council said 410 libraries were closed or open only in the mornings.")
    signals = corroborate(claim, "The remaining 95 libraries were open all day.")
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_smaller_running_count_against_an_untimed_count_still_conflicts() -> None:
    # nothing says the claim is the later count (team pair c085)
    claim = numeric_claim("Almost 600,000 people have received the booster dose.")
    assert corroborate(claim, "So far 500,000 people have received the booster dose.").stance is Stance.CONFLICTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "About 3,000 nurses marched on the ministry on Friday.",
            "On Friday 3,000 nurses and doctors marched on the ministry.",
        ),
        ("About 3,000 nurses and porters marched on Friday.", "About 3,000 nurses marched on the ministry on Friday."),
    ],
    ids=["source-joins-a-group", "claim-joins-a-group"],
)
def test_a_figure_counting_two_groups_together_is_not_one_group(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_fund_for_two_groups_is_still_the_fund() -> None:
    claim = numeric_claim("She said the state would set up a fund of 18 million euros for crews and processors.")
    passage = "We are setting up a fund of 18 million euros for crews, boat owners and processors."
    assert corroborate(claim, passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    ("text", "surface", "share"),
    [
        ("Farming gives roughly one job in ten in the valley.", "one job in ten", 0.1),
        ("one person in four.", "one person in four", 0.25),
    ],
)
def test_one_noun_in_ten_is_a_share(text: str, surface: str, share: float) -> None:
    (figure,) = find_quantities(text)
    assert (figure.surface, figure.unit) == (surface, "fraction") and figure.value == pytest.approx(share)


def test_two_counts_joined_by_in_are_not_a_share() -> None:
    assert [q.surface for q in find_quantities("Two people in 12 hospitals fell ill.")] == ["Two", "12"]
