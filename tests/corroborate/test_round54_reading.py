"""Readings of session 37 made on round54's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim, quote_claim


def test_the_second_day_of_a_range_keeps_the_month_of_the_first() -> None:
    # "June 12 and 13": the 13 is in June, whatever month another clause of the sentence names
    claim = numeric_claim(
        "The guild would post the full results online in October and would hold next year's show on June 12 and 13."
    )
    passage = "WENNA TORRICK (Secretary, Lowmere Guild): Next year's show will be on 12 and 13 June."
    held = corroborate(claim, passage)
    assert held.stance is Stance.SUPPORTS, held.reasons
    # another month still conflicts
    other = corroborate(claim, "WENNA TORRICK (Secretary, Lowmere Guild): Next year's show will be on 12 and 13 July.")
    assert other.stance is not Stance.SUPPORTS, other.reasons


def test_last_years_figure_beside_this_years_is_not_the_one_compared() -> None:
    # the 19 told as last year's is nearer the claim's 23, but the count of this year is the 32
    claim = numeric_claim("Marshal Ibby Quorne said 23 riders were helped off the course by stewards.")
    passage = "Our stewards helped 32 riders off the course during the race, compared with 19 last year."
    held = corroborate(claim, passage)
    assert held.stance is Stance.CONFLICTS, held.reasons
    # a claim about last year is still set against last year's figure
    last = numeric_claim("Last year 19 riders were helped off the course by stewards.")
    assert corroborate(last, passage).stance is Stance.SUPPORTS


PROGRAMME = """# Lantern night: figures

## Table 3: Friday evening programme

| Event | Planned start | Actual start |
|---|---|---|
| Choir on the quay | 18:00 | 18:00 |
| Lantern procession | 20:30 | 21:15 |
"""


def test_a_told_happening_is_read_in_the_actual_column_not_the_planned_one() -> None:
    row = "| Lantern procession | 20:30 | 21:15 |"
    claim = numeric_claim("The lantern procession left the quay at 8.30 p.m. with 60 lanterns.")
    held = corroborate(claim, row, PROGRAMME)
    assert held.stance is Stance.CONFLICTS, held.reasons
    assert corroborate(numeric_claim("The lantern procession left the quay at 9.15 p.m."), row, PROGRAMME).stance is (
        Stance.SUPPORTS
    )
    # a plan told as a plan meets the planned column
    planned = numeric_claim("The lantern procession was due to leave the quay at 8.30 p.m.")
    assert corroborate(planned, row, PROGRAMME).stance is not Stance.CONFLICTS


def test_a_quote_part_that_lines_up_loosely_with_another_speakers_remark_is_not_an_altered_quote() -> None:
    claim = quote_claim('"The pool was colder than the sea," said Varnholt, "and the sea was very, very cold."')
    document = (
        "Dunmerrow: It was a calm morning for us. There were two rescues, both for cramp, and no serious injuries. "
        "Sunday was very cold and the marshals were busy, but the swimmers looked after each other."
    )
    passage = "Sunday was very cold and the marshals were busy, but the swimmers looked after each other."
    held = corroborate(claim, passage, document)
    assert held.stance is Stance.RELATED, held.reasons
    # a part changed in a source that holds the other part faithfully still conflicts
    both = 'Varnholt said: "The pool was colder than the sea, and the sea was very, very warm."'
    assert corroborate(claim, both, both).stance is Stance.CONFLICTS


def test_a_team_of_some_counts_one_team_not_everyone() -> None:
    claim = numeric_claim("The tallest sculpture took a team of five carvers four days to finish.")
    everyone = corroborate(claim, "We had 64 carvers from 11 countries, and they used 300 tonnes of ice between them.")
    assert everyone.stance is not Stance.CONFLICTS, everyone.reasons
    # the team itself, told again, is still compared
    team = corroborate(claim, "The tallest sculpture was the work of a team of seven carvers.")
    assert team.stance is Stance.CONFLICTS, team.reasons
    # a panel of judges is every judge there was
    panel = numeric_claim("A panel of 14 judges tasted every entry.")
    assert corroborate(panel, "We had nine judges, split into three tables.").stance is Stance.CONFLICTS


def test_what_someone_plans_is_not_confirmed_by_what_was_built() -> None:
    claim = numeric_claim("The finished lighthouse sculpture stands 21 metres high.")
    plan = "The harbour board said the sculptor Ona Delsby plans a lighthouse about 20 metres high."
    held = corroborate(claim, plan)
    assert held.stance is not Stance.SUPPORTS, held.reasons
    # what was built, told as built, still supports
    built = corroborate(claim, "The sculptor Ona Delsby built a lighthouse about 21 metres high.")
    assert built.stance is Stance.SUPPORTS, built.reasons
    # and a plan told as a plan is met by the plan
    planned = numeric_claim("The sculptor plans a lighthouse about 20 metres high.")
    assert corroborate(planned, plan).stance is Stance.SUPPORTS


PRIZES = """# Gurning fair: figures

| Measure | 2025 | 2026 |
|---|---|---|
| Open class winner's prize | £800 | £1,000 |
| Entrants, all classes | 150 | 186 |
"""


def test_a_change_of_a_named_count_is_not_met_by_another_rows_change() -> None:
    claim = numeric_claim(
        "Ludo Fenwright won the open class, one of three classes that drew 186 entrants in all, up by almost a quarter."
    )
    prize = corroborate(claim, "| Open class winner's prize | £800 | £1,000 |", PRIZES)
    assert prize.stance is not Stance.SUPPORTS, prize.reasons
    # the row of the entrants themselves still meets the change
    entrants = corroborate(claim, "| Entrants, all classes | 150 | 186 |", PRIZES)
    assert entrants.stance is Stance.SUPPORTS and "24.0 percent" in " ".join(entrants.reasons), entrants.reasons


def test_a_closure_is_the_road_being_closed() -> None:
    claim = numeric_claim("Mill Lane was closed to traffic for five hours as the floats passed.")
    held = corroborate(claim, "The Mill Lane closure ran for seven hours and the diversions worked well.")
    assert held.stance is Stance.CONFLICTS, held.reasons
    # a closure of something else is still another thing
    other = corroborate(claim, "The car park closure ran for seven hours.")
    assert other.stance is not Stance.SUPPORTS, other.reasons


def test_more_than_in_any_previous_year_dates_no_figure_to_an_earlier_year() -> None:
    claim = numeric_claim(
        "The fun run raised £18,300 for the hospice, organisers said, more than in any previous year."
    )
    held = corroborate(claim, "We are proud that the fun run raised £13,800 for the hospice this year.")
    assert held.stance is Stance.CONFLICTS, held.reasons
    # a figure told of last year is still another year's
    last = numeric_claim("The fun run raised £18,300 for the hospice in the previous year.")
    assert corroborate(last, "We are proud that the fun run raised £13,800 for the hospice this year.").stance is not (
        Stance.CONFLICTS
    )


SCULPTURE_TABLE = """# Sand festival: figures

| Measure | 2025 | 2026 |
|---|---|---|
| Sculptures | 40 | 52 |
| Sculptors | 35 | 44 |
"""


def test_a_row_stands_alone_only_when_its_label_opens_with_the_claims_noun() -> None:
    claim = numeric_claim("The festival drew 61 sculptors to the beach.")
    works = "| Sculptures | 40 | 52 |"
    other = corroborate(claim, works, SCULPTURE_TABLE)
    assert not (other.stance is Stance.CONFLICTS and stands_alone(other, works, SCULPTURE_TABLE, claim.sentence))
    # a participle tells what happened to all of them, not a subgroup
    table = SCULPTURE_TABLE + "| Sculptors taken to hospital | 12 | 15 |\n"
    hurt = numeric_claim("The heat sent 19 sculptors to hospital.")
    taken = corroborate(hurt, "| Sculptors taken to hospital | 12 | 15 |", table)
    assert taken.stance is Stance.CONFLICTS and stands_alone(
        taken, "| Sculptors taken to hospital | 12 | 15 |", table, hurt.sentence
    ), taken.reasons
    makers = "| Sculptors | 35 | 44 |"
    own = corroborate(claim, makers, SCULPTURE_TABLE)
    assert own.stance is Stance.CONFLICTS and stands_alone(own, makers, SCULPTURE_TABLE, claim.sentence), own.reasons


def test_one_or_two_is_as_common_a_count_as_two() -> None:
    claim = numeric_claim("Officials said two were taken to Cressing General Hospital as a precaution.")
    passage = "Between the canoes and the safety boats we helped 27 riders out of the mud, one or two with sprains."
    held = corroborate(claim, passage)
    assert held.stance is not Stance.SUPPORTS, held.reasons
    # a decimal is still a measurement, not a count
    degrees = corroborate(numeric_claim("The water warmed by 1.5 degrees."), "The water warmed by 1.5 degrees.")
    assert degrees.stance is Stance.SUPPORTS, degrees.reasons


def test_what_a_society_hopes_to_plant_is_a_plan() -> None:
    hoped = numeric_claim("The society hopes to plant 400 oaks along the valley.")
    done = "Volunteers planted 350 oaks along the valley this winter."
    assert corroborate(hoped, done).stance is not Stance.CONFLICTS
    assert corroborate(numeric_claim(done), "The society hopes to plant 400 oaks along the valley.").stance is not (
        Stance.CONFLICTS
    )
    # two accounts of what was planted still conflict
    assert corroborate(numeric_claim(done), "Volunteers planted 400 oaks along the valley.").stance is Stance.CONFLICTS


def test_a_claim_dated_to_last_year_is_still_set_against_last_years_figure() -> None:
    claim = numeric_claim("There were 176 calls in 2025.")
    held = corroborate(claim, "We had 214 cruise calls this season, against 176 last year.")
    assert held.stance is Stance.SUPPORTS, held.reasons


def test_pay_before_costs_is_not_pay_after_costs() -> None:
    claim = numeric_claim("The firm says its couriers earn £15.10 an hour on average before costs.")
    after = "Our survey found that average earnings after costs have fallen to £9.80 an hour, from £11.30 last year."
    held = corroborate(claim, after)
    assert held.stance is not Stance.CONFLICTS, held.reasons
    # the same basis still conflicts
    before = "Our survey found that average earnings before costs were £12.60 an hour."
    assert corroborate(claim, before).stance is Stance.CONFLICTS
