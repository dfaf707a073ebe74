"""Readings of session 36 made on round53's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim

YEARS_TABLE = """# Harbour regatta: figures

## Table 1: The regatta

| Measure | 2025 | 2026 |
|---|---|---|
| Stewards | 140 | 175 |
| Boats entered | 88 | 96 |

## Table 2: Entries by day

| Day | Boats | Crews |
|---|---|---|
| Saturday | 175 | 140 |
"""


def test_a_confident_conflict_on_this_years_cell_of_a_row_over_the_years_stands_alone() -> None:
    claim = numeric_claim("The club thanked the 230 stewards who ran the slipways.")
    row = "| Stewards | 140 | 175 |"
    over_years = corroborate(claim, row, YEARS_TABLE)
    assert over_years.stance is Stance.CONFLICTS and over_years.confident, over_years.reasons
    assert stands_alone(over_years, row, YEARS_TABLE, claim.sentence)
    # without the table's header the columns are unknown; a row of different measures is not a row of years
    assert not stands_alone(over_years, row, sentence=claim.sentence)
    day_row = "| Saturday | 175 | 140 |"
    day = corroborate(numeric_claim("There were 230 boats on the water on Saturday."), day_row, YEARS_TABLE)
    assert not (day.stance is Stance.CONFLICTS and stands_alone(day, day_row, YEARS_TABLE, claim.sentence))
    # nor a row whose label names something else than the claim's figure counts, nor a part's row
    logged = numeric_claim("Stewards logged 230 boats on the water.")
    other = corroborate(logged, row, YEARS_TABLE)
    assert other.stance is Stance.CONFLICTS and other.confident, other.reasons  # tied by the label's word
    assert not stands_alone(other, row, YEARS_TABLE, logged.sentence)
    # nor a cell before a year with no figure yet ("| Stewards | 120 | 140 | - |": 140 is not this year's)
    dashed = "| Measure | 2024 | 2025 | 2026 |\n|---|---|---|---|\n| Stewards | 120 | 140 | - |"
    earlier = corroborate(claim, "| Stewards | 120 | 140 | - |", dashed)
    assert not (
        earlier.stance is Stance.CONFLICTS
        and stands_alone(earlier, "| Stewards | 120 | 140 | - |", dashed, claim.sentence)
    )
    # nor an amount, whose row the words around it may name as well as another row's
    money = "| Measure | 2025 | 2026 |\n|---|---|---|\n| Sponsorship (£) | 21,000 | 25,000 |"
    cost = numeric_claim("The regatta cost £48,000, of which sponsorship paid £23,000.")
    sponsored = corroborate(cost, "| Sponsorship (£) | 21,000 | 25,000 |", money)
    assert not (
        sponsored.stance is Stance.CONFLICTS
        and stands_alone(sponsored, "| Sponsorship (£) | 21,000 | 25,000 |", money, cost.sentence)
    )
    part_row = "| Stewards, juniors | 140 | 175 |"
    juniors = YEARS_TABLE.replace("| Stewards | 140 | 175 |", part_row)
    part = corroborate(claim, part_row, juniors)
    assert not (part.stance is Stance.CONFLICTS and stands_alone(part, part_row, juniors, claim.sentence))


def test_what_could_not_happen_without_a_count_foretells_nothing_and_praise_is_no_event() -> None:
    # "could not happen without" thanks the stewards there were; "praised" says nothing of what they did
    claim = numeric_claim(
        "Kersey also praised the 230 stewards who ran the slipways, the safety boats and the car parks."
    )
    passage = "The regatta could not happen without its 175 stewards, many of whom took a day off work to help."
    held = corroborate(claim, passage)
    assert held.stance is Stance.CONFLICTS, held.reasons
    # a figure that may come still does
    may = corroborate(claim, "The regatta could need as many as 175 stewards next year, the club said.")
    assert may.stance is not Stance.CONFLICTS, may.reasons


def test_the_winners_figure_is_not_the_runner_ups() -> None:
    claim = numeric_claim("The runner-up finished in 41 minutes.")
    held = corroborate(claim, "CHAIR: The winner finished in 38 minutes, a course record.")
    assert held.stance is not Stance.CONFLICTS, held.reasons
    assert "runner-up" in " ".join(held.reasons)
    # the same place still disagrees
    same = corroborate(numeric_claim("The winner finished in 41 minutes."), "The winner finished in 38 minutes.")
    assert same.stance is Stance.CONFLICTS, same.reasons


def test_opening_hours_kept_daily_are_not_the_time_something_first_opened() -> None:
    claim = numeric_claim("The new lido opened at 11 a.m. on May 2 with a charity swim.")
    hours = corroborate(claim, "The lido is open from 07:00 to 20:00 daily through the summer.")
    assert hours.stance is not Stance.CONFLICTS, hours.reasons
    # hours against hours still disagree, and so do two times of one day
    daily = numeric_claim("The lido opens at 6 a.m. daily.")
    assert corroborate(daily, "The lido is open from 07:00 to 20:00 daily.").stance is Stance.CONFLICTS
    first = corroborate(claim, "The lido opened at 10 a.m. on May 2, a council spokesman said.")
    assert first.stance is Stance.CONFLICTS, first.reasons


def test_a_row_for_one_day_is_not_a_count_over_several_days() -> None:
    claim = numeric_claim("The regatta sold 3,900 tickets over the three days.")
    table = "| Measure | 2025 | 2026 |\n|---|---|---|\n| Tickets sold, Friday | 1,050 | 1,200 |"
    held = corroborate(claim, "| Tickets sold, Friday | 1,050 | 1,200 |", table)
    assert held.stance is not Stance.CONFLICTS, held.reasons
    assert "one day" in " ".join(held.reasons)
    # the day's own count still meets its row
    friday = numeric_claim("The regatta sold 1,400 tickets on Friday.")
    assert corroborate(friday, "| Tickets sold, Friday | 1,050 | 1,200 |", table).stance is Stance.CONFLICTS


def test_the_base_of_a_change_counts_what_the_change_counts() -> None:
    sentence = "This year 210 juniors sailed in the novice races, up from 175 last year."
    assert [q.measured for q in find_quantities(sentence)] == ["juniors", "juniors"]
    held = corroborate(numeric_claim(sentence), "The regatta could count on 175 stewards, the club said.")
    assert held.stance is not Stance.SUPPORTS, held.reasons
    # a span of time after the base is when it held, not what it counts
    ago = "The harbour now has 112 moorings, down from 131 two years ago."
    assert [q.measured for q in find_quantities(ago)][:2] == ["moorings", "moorings"]  # then "two years"
    # a base with a noun of its own keeps it
    own = "This year 210 juniors sailed, up from 175 boats last year."
    assert [q.measured for q in find_quantities(own)] == ["juniors", "boats"]


def test_pounds_in_a_tables_heading_are_money() -> None:
    table = "## Table 3: Money (pounds)\n\n| Item | 2025 | 2026 |\n|---|---|---|\n| Prize fund | 8,000 | 9,500 |"
    claim = numeric_claim("The regatta's prize fund of £9,500 was its largest.")
    held = corroborate(claim, "| Prize fund | 8,000 | 9,500 |", table)
    assert held.stance is Stance.SUPPORTS, held.reasons
    # what a heading says is weighed stays a weight
    weighed = (
        "## Table 4: Heaviest fish landed (pounds)\n\n| Place | 2025 | 2026 |\n|---|---|---|\n| Pier | 21.5 | 24.5 |"
    )
    fish = corroborate(numeric_claim("A day's fishing from the pier cost £24.50."), "| Pier | 21.5 | 24.5 |", weighed)
    assert fish.stance is not Stance.SUPPORTS, fish.reasons


def test_a_hope_for_next_year_is_met_only_by_its_very_value() -> None:
    claim = numeric_claim("The club hopes to attract 100 boats next year.")
    table = "| Group | Boats | Crews |\n|---|---|---|\n| Visiting clubs | 48 | 102 |"
    held = corroborate(claim, "| Visiting clubs | 48 | 102 |", table)
    assert held.stance is not Stance.SUPPORTS, held.reasons
    target = corroborate(claim, "COMMODORE: Our target is 100 boats next year.")
    assert target.stance is Stance.SUPPORTS, target.reasons


def test_a_place_in_another_rows_label_places_only_that_row() -> None:
    document = (
        "# Regatta figures\n\n## Table 1: The day\n\n| Measure | 2025 | 2026 |\n|---|---|---|\n"
        "| Spectators | 2,600 | 3,150 |\n| Boats launched at Penmorrow Slip | 40 | 52 |\n"
    )
    rows = "| Spectators | 2,600 | 3,150 |\n| Boats launched at Penmorrow Slip | 40 | 52 |"
    claim = numeric_claim("More than 3,000 people watched the regatta in Kestlemouth on Sunday.")
    held = corroborate(claim, rows, document)
    assert held.stance is Stance.SUPPORTS, held.reasons
    # a place the heading over the table names still places its rows
    headed = document.replace("## Table 1: The day", "## Penmorrow")
    moved = corroborate(claim, rows, headed)
    assert moved.stance is not Stance.SUPPORTS, moved.reasons


def test_a_ceiling_on_a_bare_number_is_not_met_by_a_count_of_something_else() -> None:
    claim = numeric_claim("Nearly a third of the sailors were under 16, the club said.")
    held = corroborate(claim, "The regatta brought 14 crews from five counties to the harbour.")
    assert held.stance is not Stance.SUPPORTS, held.reasons
    # a floor on a bare number, and a ceiling on a named count, are still met
    floor = corroborate(numeric_claim("More than 300 took part."), "A total of 312 sailors raced in 64 boats.")
    assert floor.stance is Stance.SUPPORTS, floor.reasons
    named = corroborate(numeric_claim("Under 16 clubs sent boats."), "The regatta brought 14 clubs to the harbour.")
    assert named.stance is Stance.SUPPORTS, named.reasons
