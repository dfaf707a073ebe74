"""Issue 16, round 4: rules found reading the missed decisions of the seen round4 split (times of day, ...); each
case is a miss or a wrong card of the article set, written here in fresh words."""

from __future__ import annotations

import pytest

from factcheck.corroborate.cues import conflicting_cues
from factcheck.corroborate.number_rules import measured_compatible, same_counted
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract import Qualifier
from factcheck.extract.figures import CLOCK_TIME, find_days_and_times, find_quantities
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("text", "surface", "minutes", "qualifier"),
    [
        ("The fire started at 2.17 a.m. on Sunday.", "2.17 a.m.", 2 * 60 + 17, None),
        ("At 02:17 on Sunday a fire started.", "02:17", 2 * 60 + 17, None),
        ("The centres closed at 8 p.m. each day.", "8 p.m.", 20 * 60, None),
        ("Issued: 21:00, Monday", "21:00", 21 * 60, None),
        ("The slope failed at about 5:30 a.m.", "5:30 a.m.", 5 * 60 + 30, Qualifier.APPROXIMATELY),
        ("The attack began shortly after 4 a.m.", "4 a.m.", 4 * 60, Qualifier.MORE_THAN),
        ("The meeting starts at 12.30pm.", "12.30pm", 12 * 60 + 30, None),
        ("The statement came at 12 a.m.", "12 a.m.", 0, None),
    ],
)
def test_a_time_of_day_is_a_figure_in_minutes_after_midnight(text, surface, minutes, qualifier) -> None:
    (time,) = [q for q in find_days_and_times(text) if q.unit == CLOCK_TIME]
    assert (time.surface, time.value, time.qualifier) == (surface, minutes, qualifier)


def test_an_elapsed_time_is_not_a_time_of_day() -> None:
    assert [q for q in find_days_and_times("She won in 2:05:41.") if q.unit == CLOCK_TIME] == []


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        ("The blast happened at 2.17 a.m., the company said.", "At 02:17 an explosion occurred.", "supports"),
        ("Most centres closed at 8 p.m., officials said.", "Most centres were open from 10:00 to 20:00.", "supports"),
        ("The notice was issued at 9 p.m. on Monday.", "Issued: 21:00, Monday 21 September", "supports"),
        ("The quake struck at 3.25 a.m. on Saturday.", "The institute said the quake struck at 03:52.", "conflicts"),
        ("The hack began shortly after 4 a.m. on Sunday.", "The hack began at 03:40 on Sunday.", "conflicts"),
        # the same hour of another day is another moment (a pause's start and its end), not a wrong day
        ("The pause began at 6 a.m. on Monday.", "The pause is due to end at 06:00 on Thursday.", "related"),
    ],
    ids=["am-vs-24h", "pm-in-a-range", "pm-vs-24h", "minutes-swapped", "after-a-bound", "another-day"],
)
def test_times_of_day_are_compared(claim: str, passage: str, stance: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance(stance), signals.reasons


def test_a_dateline_naming_its_wire_in_two_words_is_not_a_date_claimed() -> None:
    text = "Ferry sinks\n\nPELLARO, Nov 18 (Meridian Wire) - Crews on Nov. 17 pulled 221 people from the sea."
    assert [q.surface for q in find_days_and_times(text)] == ["Nov. 17"]


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # a negation in a condition later in the clause denies nothing the claim states
        (
            "The union will call three more strike days in May if there is no better offer by the end of April.",
            "If there is no better offer by 30 April, we will call three further strike days in May.",
        ),
        # "not before six weeks" is a bound on the time, not a denial
        ("Engineers said it would take at least six weeks to reopen the road.", "One lane, not before six weeks."),
    ],
    ids=["condition-later-in-the-clause", "not-before-is-a-bound"],
)
def test_no_negation_cue(claim: str, passage: str) -> None:
    assert [c for c in conflicting_cues(claim, passage) if "denies" in c] == []


def test_the_number_of_a_list_item_is_not_a_figure() -> None:
    assert [q.surface for q in find_quantities("8. **Rural schools.** 212 rural schools had no kitchen.")] == ["212"]
    assert [q.surface for q in find_quantities("Findings\n  2) Waste: 14 percent was thrown away.")] == ["14 percent"]
    assert [q.surface for q in find_quantities("Revenue rose by 5. 3 people died.")] == ["5", "3"]  # mid-line
    claim = numeric_claim(
        "Auditors found that 212 rural schools had no kitchen, and 44 of them served cold meals for more than 100 days."
    )
    passage = "8. **Rural schools.** 212 rural schools had no kitchen able to serve hot food."
    assert corroborate(claim, passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [("workers", "employees", True), ("pupils", "students", True), ("waves", "swells", True)],
)
def test_nouns_news_copy_uses_by_turns_count_the_same_thing(first: str, second: str, same: bool) -> None:
    assert measured_compatible(first, second) is same
    assert same_counted(first, second) is same


def test_two_workers_killed_are_two_employees_who_died() -> None:
    claim = numeric_claim("The explosion killed two workers at the refinery, the company said.")
    passage = "The company confirms that two of its employees died following an explosion at its refinery."
    assert corroborate(claim, passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    "passage",
    [
        "The estimated number of excess deaths is therefore 1,346, the report said.",
        "The report counted 1,346 excess deaths over the summer.",
    ],
)
def test_an_excess_is_an_addition_like_more_than_expected(passage: str) -> None:
    claim = numeric_claim("The heatwave caused about 1,350 more deaths than would normally have been expected.")
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_day_of_a_month_in_words_is_compared_with_one_in_digits() -> None:
    assert [q.value for q in find_days_and_times("It went out on the twenty-first of March.")] == [321]
    assert find_days_and_times("It was the first of many.") == []
    claim = numeric_claim("A red alert was issued on Aug. 5, officials said.")
    passage = "The red alert went out on the fifth of August, and the centres opened that day."
    assert corroborate(claim, passage).stance is Stance.SUPPORTS


def test_two_up_to_figures_are_two_estimates_of_the_largest_number() -> None:
    claim = numeric_claim("The records of up to 380,000 patients may have been exposed, the group said.")
    signals = corroborate(claim, "The group said the records of up to 310,000 patients may have been accessed.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    same = corroborate(claim, "The records of up to 380,000 patients may have been accessed.")
    assert same.stance is Stance.SUPPORTS
