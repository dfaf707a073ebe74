"""Readings of session 35 made on round52's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def test_a_request_told_with_that_is_not_what_happened() -> None:
    claim = numeric_claim(
        "The traders' guild has asked that the car park open no later than 7 a.m. on fair days, and that pitches "
        "be limited to 120 rather than filling the whole field."
    )
    held = corroborate(claim, "The fair ran along the river meadow with 160 pitches and parking from 8 a.m.")
    assert held.stance is not Stance.CONFLICTS, held.reasons
    assert "proposal" in " ".join(held.reasons)
    # the clause joined by "and that" goes on with the request
    stretch = numeric_claim(
        "The traders' guild has asked that the car park open no later than 7 a.m. on fair days, and that the stalls "
        "stretch 250 metres rather than the whole riverside."
    )
    ran = corroborate(stretch, "The fair ran along a 400-metre stretch of the riverside, its stalls open all day.")
    assert ran.stance is not Stance.CONFLICTS, ran.reasons
    assert "proposal" in " ".join(ran.reasons)
    # the request itself, told by its maker, still meets it
    asked = corroborate(claim, "The guild wants pitches limited to 120 so that the riverside path stays open.")
    assert asked.stance is Stance.SUPPORTS, asked.reasons
    # what a clause joined by "and" reports as done is still a fact
    done = numeric_claim("The guild said attendance fell, and that 160 pitches were let on the day.")
    let = corroborate(done, "On the day 140 pitches were let at the river meadow.")
    assert let.stance is Stance.CONFLICTS, let.reasons


def test_a_share_of_a_sum_is_not_the_sum() -> None:
    claim = numeric_claim("The appeal's total stood at £84,600 when the ride ended on Sunday.")
    share = corroborate(claim, "By Sunday evening the lifeboat station's share stood at £51,300, the trust said.")
    assert share.stance is not Stance.CONFLICTS, share.reasons
    assert "share of a sum" in " ".join(share.reasons)
    # the sum told as a sum still disagrees, and a share against a share is one thing
    total = corroborate(claim, "The total on Sunday evening was £48,600, the trust said.")
    assert total.stance is Stance.CONFLICTS, total.reasons
    part = numeric_claim("The lifeboat station's share was £51,300.")
    other = corroborate(part, "The lifeboat station's share was £15,300, the trust said.")
    assert other.stance is Stance.CONFLICTS, other.reasons


def test_a_change_told_after_its_level_is_not_worked_out_from_a_row_ending_elsewhere() -> None:
    claim = numeric_claim("The rowing club reported 180 members, up nearly half on last season.")
    table = "| Measure | 2024 | 2025 |\n|---|---|---|\n| Members | 122 | 180 |\n| of whom junior members | 102 | 150 |"
    # a part's row, whatever its last cell
    junior = corroborate(claim, "| of whom junior members | 102 | 150 |", table)
    assert junior.stance is not Stance.SUPPORTS, junior.reasons
    # a row ending far from the claim's level
    limit = "| Saturday session limit (members) | 60 | 75 | 90 |"
    years = f"| Measure | 2023 | 2024 | 2025 |\n|---|---|---|---|\n| Members | 90 | 122 | 180 |\n{limit}"
    far = corroborate(claim, limit, years)
    assert far.stance is not Stance.SUPPORTS, far.reasons
    # the row ending at the claim's level still gives the change
    row = corroborate(claim, "| Members | 122 | 180 |", table)
    assert row.stance is Stance.SUPPORTS, row.reasons
    assert "change" in " ".join(row.reasons)
    # a level near the row's last cell may be the claim's own slip: the change is still the row's
    slip = numeric_claim("The rowing club reported 190 members, up nearly half on last season.")
    kept = corroborate(slip, "| Members | 122 | 180 |", table)
    assert "change" in " ".join(kept.reasons), kept.reasons


def test_one_thing_named_by_another_singular_noun_is_another_thing() -> None:
    claim = numeric_claim("One minibus came from Harrowfold, and four more came from the valley villages.")
    garden = corroborate(
        claim,
        "We used local flowers where we could: 31 of the 52 displays used roses from village gardens, and the "
        "lilies by the font came entirely from one allotment on Station Lane.",
    )
    assert garden.stance is not Stance.SUPPORTS, garden.reasons
    # the same noun still agrees
    bus = corroborate(claim, "Only one minibus made the trip from Harrowfold, the organisers said.")
    assert bus.stance is Stance.SUPPORTS, bus.reasons


def test_a_count_told_beside_its_share_of_the_field_is_a_part() -> None:
    claim = numeric_claim("The regatta drew 640 crews this year, the organisers said.")
    part = corroborate(claim, "We had 170 junior crews, roughly a quarter of the entry, which pleased us most.")
    assert part.stance is not Stance.CONFLICTS, part.reasons
    assert "part of a group" in " ".join(part.reasons)
    # a count with no share beside it still disagrees
    whole = corroborate(claim, "We had 710 crews this year, which pleased us most.")
    assert whole.stance is Stance.CONFLICTS, whole.reasons
    # a share of a capacity is a level, not a part: the count still agrees
    vans = numeric_claim("The works built about 41,000 vans last year, just over a third of its capacity.")
    built = corroborate(vans, "| Vans built in 2025 | 41,300 |")
    assert built.stance is Stance.SUPPORTS, built.reasons
    # a part told with its share does not meet another group's part as the same part
    back = numeric_claim("Lifeboats had brought 160 of the crews ashore by noon, the coastguard said.")
    other = corroborate(back, "The storm stranded 171 crews, nearly half of the 360 crews racing that day.")
    assert other.stance is not Stance.CONFLICTS, other.reasons


def test_a_count_over_the_busiest_hour_is_not_the_whole_events() -> None:
    claim = numeric_claim("The busiest hour came just after noon, when 1,300 shoppers passed the counters.")
    night = corroborate(claim, "Just over 5,200 shoppers passed the counters over the whole day, the market said.")
    assert night.stance is not Stance.CONFLICTS, night.reasons
    assert "busiest" in " ".join(night.reasons)
    # a count over the busiest hour against another for it still disagrees
    peak = corroborate(claim, "| Shoppers in busiest hour | 980 | 1,700 |")
    assert peak.stance is Stance.CONFLICTS, peak.reasons
    # a busiest stretch named in another clause does not narrow the figure
    day = numeric_claim("Over the whole day 5,400 shoppers passed the counters.")
    told = corroborate(day, "Noon was the busiest hour, and over the whole day 5,200 shoppers passed the counters.")
    assert told.stance is Stance.CONFLICTS, told.reasons


def test_shares_of_one_group_said_of_different_things_do_not_disagree() -> None:
    claim = numeric_claim("About a fifth of entrants were over 60, the organisers said.")
    other = corroborate(claim, "We think around 35 percent of all entrants travelled more than 50 miles to be here.")
    assert other.stance is not Stance.CONFLICTS, other.reasons
    # the same thing said of the group still disagrees
    same = corroborate(claim, "Around 35 percent of all entrants were over 60, the organisers said.")
    assert same.stance is Stance.CONFLICTS, same.reasons


def test_a_time_in_a_who_clause_does_not_date_the_figure_after_it() -> None:
    claim = numeric_claim(
        "The Harbour Rowers, who took over the regatta six years ago, said the day raised £14,800 for the hospice."
    )
    told = corroborate(claim, "This year's regatta raised £18,400 for the hospice, the club said.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    # a time fronted before the figure still dates it
    back = numeric_claim("Six years ago, the Harbour Rowers said, the regatta raised £14,800 for the hospice.")
    then = corroborate(back, "This year's regatta raised £18,400 for the hospice, the club said.")
    assert then.stance is not Stance.CONFLICTS, then.reasons


def test_passing_through_a_venue_is_attending_it() -> None:
    claim = numeric_claim("About 4,300 people passed through the Assembly Rooms on Saturday, the organisers said.")
    attended = corroborate(claim, "Door counts show that 4,900 people attended on Saturday.")
    assert attended.stance is Stance.CONFLICTS, attended.reasons
    # another doing on the day is still another count
    parked = corroborate(claim, "Door counts show that 4,900 cars parked in the town on Saturday.")
    assert parked.stance is not Stance.CONFLICTS, parked.reasons


def test_the_time_a_superlative_is_measured_from_does_not_date_the_figure() -> None:
    claim = numeric_claim("About 3,100 people attended the book fair on Saturday, the organisers said.")
    for passage in (
        "Door counts show that 3,700 people attended, the highest number since 2018.",
        "Door counts show that 3,700 people attended, the most for any fair since the hall reopened in 2018.",
    ):
        told = corroborate(claim, passage)
        assert told.stance is Stance.CONFLICTS, (passage, told.reasons)
    # a year that dates the figure itself still does
    then = corroborate(claim, "In 2018, 3,700 people attended the book fair.")
    assert then.stance is not Stance.CONFLICTS, then.reasons


def test_cups_of_a_drink_served_are_counted_not_measured() -> None:
    claim = numeric_claim("Volunteers at the show served 1,850 cups of coffee over the weekend.")
    row = corroborate(claim, "| Cups of coffee served | 1,200 | 1,850 |")
    assert row.stance is Stance.SUPPORTS, row.reasons
    other = corroborate(claim, "| Cups of coffee served | 1,200 | 1,580 |")
    assert other.stance is Stance.CONFLICTS, other.reasons
    # a cup measured out is still a volume
    (flour,) = find_quantities("Mix in 2 cups of flour.")
    assert flour.unit == "cup"
