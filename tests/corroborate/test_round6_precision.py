"""Issue 16, round 6 preparation: rules found reading the wrong decisive cards of the seen round5 split
(`docs/corroboration.md`, "Session 8: round-5 wrong cards by cause"); each case is written here in fresh words."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import NumberStatus, Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The fair drew about 48,000 visitors over the weekend.", "Last year the fair welcomed 47,200 visitors."),
        ("Nearly 900 runners finished the race.", "A year ago, 880 runners finished the race."),
    ],
    ids=["last-year", "a-year-ago"],
)
def test_a_close_figure_the_source_dates_to_an_earlier_time_does_not_support(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert signals.numbers is not None and signals.numbers.status is NumberStatus.DIFFERENT_THING


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the same value, told of the same time: kept
        ("The fair drew about 48,000 visitors over the weekend.", "The fair welcomed 47,800 visitors this weekend."),
        # a duration "26 months before" is the figure itself, not a time it is dated to
        ("The last inspection was more than two years before the fire.", "It took place 26 months before the fire."),
    ],
    ids=["same-time", "duration-before"],
)
def test_a_close_figure_of_the_same_time_still_supports(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Inspectors said they had found no faults at the 38 other lifts checked last week.",
            "We checked the other 38 lifts last week, and we found nothing wrong with any of them.",
        ),
        ("Nearly 40 percent of the homes were unsafe to enter.", "Nearly four in ten of the homes cannot be entered."),
    ],
    ids=["no-faults-nothing-wrong", "unsafe-cannot-be-entered"],
)
def test_a_negation_worded_on_one_side_does_not_overturn_agreeing_figures(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_change_of_direction_on_agreeing_figures_still_conflicts() -> None:
    signals = corroborate(numeric_claim("Exports rose 4 percent in May."), "Exports fell 4 percent in May.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Fourteen nurses were injured in the attack.", "At least 9 nurses were hurt, the hospital said."),
        ("Three climbers died on the ridge.", "At least two climbers died on the ridge."),
        ("The city's water use was 64 percent of its limit.", "Cities used from 52% to 97% of their limits."),
    ],
    ids=["at-least-9-for-14", "at-least-two-for-three", "range-interior"],
)
def test_a_source_bound_or_range_that_only_allows_the_claims_value_does_not_support(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert any("does not report it" in reason for reason in signals.reasons), signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The firm sent 41 invoices to the council.", "The firm sent more than 40 invoices to the council."),
        ("The shelter housed 2,460 people on Sunday.", "The shelter housed more than 2,400 people on Sunday."),
        ("Highs reached 38C on the coast.", "Highs of 35 to 38C on the coast."),
    ],
    ids=["41-for-more-than-40", "2460-for-more-than-2400", "range-end"],
)
def test_a_source_bound_the_claims_value_rounds_to_still_supports(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


def test_a_table_row_whose_label_word_the_claim_uses_far_from_its_figure_is_another_measure() -> None:
    claim = numeric_claim("Officials think about 900 litres of fuel leaked from the two damaged storage tanks.")
    passage = "| Measure | Value |\n|---|---|\n| Storage tanks at the depot, contents | 12,000 litres |"
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_table_row_whose_label_names_the_claims_counted_thing_still_conflicts() -> None:
    claim = numeric_claim("Only 37 guards were on duty that evening, the inquiry heard.")
    passage = "| Measure | Value |\n|---|---|\n| Guards on duty, evening shift | 31 |"
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    "passage",
    ["| Fencing planned by Friday | 15 km |", "The fencing planned by Friday is 15 km."],
    ids=["table-row", "sentence"],
)
def test_a_planned_amount_is_not_what_was_done(passage: str) -> None:
    signals = corroborate(numeric_claim("By Tuesday crews had put up 9 km of fencing along the river."), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


@pytest.mark.parametrize(
    "claim",
    [
        "Families with children accounted for 620 people, the report said.",
        "Families with children accounted for about 620 people, the report said.",
    ],
    ids=["accounted-for", "accounted-for-about"],
)
def test_a_part_that_accounts_for_some_of_a_total_is_not_the_total(claim: str) -> None:
    signals = corroborate(numeric_claim(claim), "The total this year is 2,145 people.")
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_capitalised_number_word_after_the_answer_no_is_a_count() -> None:
    from factcheck.extract.figures import find_quantities

    assert [q.surface for q in find_quantities("[KOLB] No. Five of our 22 lifts were shut.")] == ["Five", "22"]
    assert find_quantities("He wore the No. 7 shirt.") == []


def test_another_part_of_the_same_whole_does_not_support_the_claims_part() -> None:
    claim = numeric_claim("The manager said eight of its 22 lifts had been shut before the storm.")
    signals = corroborate(claim, "[KOLB] No. Five of our 22 lifts were closed this morning.")
    assert signals.stance is Stance.RELATED, signals.reasons


def test_the_same_part_of_the_same_whole_still_supports() -> None:
    claim = numeric_claim("The manager said eight of its 22 lifts had been shut before the storm.")
    signals = corroborate(claim, "Eight of our 22 lifts were shut before the storm.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Crews used 15 pumps to clear the flooded tunnel.", "That flood was cleared with four pumps in a day."),
        ("About 600 homes lost power in the storm.", "In the previous storm, 2,300 homes lost power."),
    ],
    ids=["that-flood", "the-previous-storm"],
)
def test_a_figure_of_an_earlier_event_the_source_points_back_to_does_not_conflict(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_both_sides_pointing_back_to_the_same_earlier_event_still_compare() -> None:
    claim = numeric_claim("That storm cut power to more than 2,000 homes.")
    signals = corroborate(claim, "In that storm, 2,300 homes lost power.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The bridge normally carries about 20,000 cars a day.",
            "Before the collapse the bridge carried about 12,000 cars a day.",
        ),
        (
            "Sensors on the bridge were still recording about 2 mm of movement.",
            "In the 48 hours before the collapse the sensors recorded 9 mm of movement.",
        ),
    ],
    ids=["before-the-collapse", "in-the-hours-before"],
)
def test_a_figure_the_source_fronts_with_a_time_before_the_event_does_not_conflict(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_before_the_end_of_a_period_is_a_deadline_not_an_earlier_time() -> None:
    from factcheck.corroborate.figure_times import looks_back

    assert not looks_back("Before the end of March the fund had paid out")
    assert looks_back("Before the slide the pass had been carrying")


def test_a_smaller_extent_told_as_of_an_earlier_moment_is_an_earlier_figure_not_a_conflict() -> None:
    claim = numeric_claim("HARLOW, Sunday (Wire) - Floodwater had spread along 31 km of the valley road.")
    passage = "By Saturday evening floodwater covered about 9 km of the valley road, officials said."
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_pronoun_next_to_two_figures_is_not_an_event_they_share() -> None:
    claim = numeric_claim("Nearly 300 police were on duty, backed by 12 boats, five of them lifeboats.")
    signals = corroborate(claim, "Nine people were treated for cold, two of them police officers.")
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_figure_for_another_group_or_service_is_a_different_figure() -> None:
    claim = numeric_claim("Patients face the longest delays, with a median wait of eight months for cardiology.")
    signals = corroborate(claim, "The median wait for dermatology is 19 weeks.")
    assert signals.stance is Stance.RELATED, signals.reasons
    assert any("for dermatology" in reason for reason in signals.reasons), signals.reasons


def test_a_figure_for_the_same_service_still_conflicts() -> None:
    claim = numeric_claim("Patients face the longest delays, with a median wait of eight months for cardiology.")
    signals = corroborate(claim, "The median wait for cardiology is 19 weeks.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The bank raised its main rate by half a percentage point on Thursday.",
            "Most economists said the bank would lift its rate by a quarter of a percentage point.",
        ),
        (
            "The office received more than 9,000 objections in the first five days.",
            "Residents may object within 21 days of the notice.",
        ),
    ],
    ids=["would-lift", "may-object-within"],
)
def test_a_figure_the_source_only_foresees_does_not_conflict_with_what_happened(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_foreseen_mark_is_read_in_a_clause_that_opens_on_the_figure() -> None:
    from factcheck.corroborate.figure_frames import frame_at

    text = "Services will begin on 14 June, following seven months of trial running."
    at = text.find("seven months")
    assert not frame_at(text, at, at + len("seven months")).kind.foreseen  # "will" is in the clause before


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The council approved the $3 million flood plan on Monday.",
            "The council did not approve the $3 million flood plan.",
        ),
        ("The 25 hostages were freed on Friday.", "None of the 25 hostages had been freed by Friday, officials said."),
        ("The court upheld the $8 million fine.", "The court did not uphold the $8 million fine against the firm."),
    ],
    ids=["did-not-approve", "none-of-freed", "did-not-uphold"],
)
def test_a_negation_of_what_the_claim_says_still_conflicts_on_agreeing_figures(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_both_sides_saying_not_in_their_own_words_do_not_conflict() -> None:
    claim = numeric_claim("Last year the trust refused a $1.4 million ransom demand.")
    signals = corroborate(claim, "The trust refused to pay a ransom of $1.4 million demanded by the attackers.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_claim_that_itself_expects_its_figure_is_not_set_apart_from_a_foreseen_one() -> None:
    claim = numeric_claim("Upwards of 40,000 fans are expected at Saturday's final.")
    signals = corroborate(claim, "Organisers expect a crowd of 47,000 for Saturday's final.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_claims_bound_may_rest_on_an_earlier_count() -> None:
    claim = numeric_claim("Fewer than 200 wolves remain in the mountains.")
    signals = corroborate(claim, "A survey last year counted 170 wolves in the mountains.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The ferry was certified to carry 300 passengers.",
            "Its sister ship, the Orla, is certified for 450 passengers.",
        ),
        (
            "The count was carried out by nearly 700 volunteers.",
            "Eastfield District carried out a separate count on the same night; it recorded 712 persons.",
        ),
    ],
    ids=["sister-ship", "a-separate-count"],
)
def test_a_figure_of_another_one_of_the_same_kind_is_a_different_figure(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_two_separate_events_are_not_another_one_of_a_kind() -> None:
    claim = numeric_claim("About 40 people were hurt in two attacks on Sunday.")
    signals = corroborate(claim, "Two separate attacks on Sunday hurt 41 people.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_for_example_does_not_say_whom_a_figure_is_for() -> None:
    claim = numeric_claim("In the north about 300 families were moved for example to the school.")
    signals = corroborate(claim, "In the north about 310 families were moved for safety to the school.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_relative_called_sister_is_not_another_one_of_a_kind() -> None:
    claim = numeric_claim("Police said 12 people were injured in the crash.")
    signals = corroborate(claim, "His sister said 14 people were injured in the crash.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_the_month_may_is_not_a_modal() -> None:
    claim = numeric_claim("The council approved 45 new homes on the site.")
    signals = corroborate(claim, "In May the council approved 40 new homes on the site.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_a_table_row_that_confirms_one_figure_of_a_clause_is_compared_for_its_others() -> None:
    # round6 (seen after its held-out run): the row's 68 matched and its 79 was set apart as another row's figure,
    # so the row supported "from 68 euros to 81 euros"; it contradicts it. The next clause's day ticket is not the
    # monthly pass's row.
    from factcheck.corroborate.numbers import compare_numbers
    from factcheck.extract.figures import find_quantities

    claim = (
        "The price of a monthly pass will go up from 68 euros to 81 euros, and a day ticket from 6.50 euros to "
        "7.50 euros."
    )
    signal = compare_numbers(find_quantities(claim), "| Monthly pass | 68 euros | 79 euros | +16.2% |", claim)
    statuses = {pair.claim_surface: pair.status for pair in signal.pairs}
    assert signal.status is NumberStatus.MISMATCH
    assert statuses["81 euros"] is NumberStatus.MISMATCH
    assert statuses["6.50 euros to 7.50 euros"] is NumberStatus.DIFFERENT_THING
