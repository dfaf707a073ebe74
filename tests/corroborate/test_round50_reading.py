"""Readings of session 33 made on round50's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


def test_a_documents_stamp_does_not_confirm_the_days_an_event_ran() -> None:
    claim = numeric_claim("The show ran from Friday, March 6 to Sunday, March 8 at the Corbel Hall.")
    for stamp in (
        "Corbel Hall, show office, Sunday 8 March 2026, 18:45",
        "Compiled by the show's results team, 8 March 2026.",
        "Source: Tandrey Kennel Society results office, 8 March 2026.",
    ):
        stamped = corroborate(claim, stamp, f"Weekend figures\n{stamp}\n\nThe show had 412 entries.")
        assert stamped.stance is not Stance.SUPPORTS, (stamp, stamped.reasons)
    pair = numeric_claim("Visitors came over Saturday and Sunday, March 7 and 8.")
    stamped = corroborate(pair, "Corbel Hall, Sunday 8 March 2026, 18:45")
    assert stamped.stance is not Stance.SUPPORTS, stamped.reasons
    # the days told in a sentence of the report still confirm the claim's
    told = corroborate(claim, "The show was held at the Corbel Hall from Friday 6 March to Sunday 8 March.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    # and a transcript's stamp still dates the briefing it heads
    briefing = numeric_claim("Organisers told a news conference at 6.45 p.m. on Sunday that entries were up.")
    stamp = corroborate(briefing, "Corbel Hall, show office, Sunday 8 March 2026, 18:45")
    assert stamp.stance is Stance.SUPPORTS, stamp.reasons


def test_the_stretch_a_count_is_told_across_is_its_period() -> None:
    claim = numeric_claim("About 45 stewards worked across the three days of the fair.")
    other = corroborate(claim, "The society said it expected 9,000 visitors across the three days.")
    assert other.stance is not Stance.SUPPORTS, other.reasons
    same = corroborate(claim, "We had 45 stewards across the three days.")
    assert same.stance is Stance.SUPPORTS, same.reasons


def test_seats_available_in_a_row_label_is_a_capacity() -> None:
    claim = numeric_claim("Organisers said 1,800 people attended over the three nights.")
    seats = corroborate(claim, "| Seats available | 1,800 | 1,800 |")
    assert seats.stance is not Stance.SUPPORTS, seats.reasons
    audience = corroborate(claim, "| Audience | 1,650 | 1,800 |")
    assert audience.stance is Stance.SUPPORTS, audience.reasons


def test_a_change_told_with_its_end_is_not_another_rows_change() -> None:
    claim = numeric_claim("Stall fees went up by 20 percent this year, to £360 for a pitch.")
    stalls = corroborate(claim, "| Stalls booked by members | 25 | 30 |")
    assert stalls.stance is not Stance.SUPPORTS, stalls.reasons
    fees = corroborate(claim, "| Stall fee (£) | 300 | 360 |")
    assert fees.stance is Stance.SUPPORTS, fees.reasons
    bare = corroborate(numeric_claim("Stall fees went up by 20 percent this year."), "| Stall fee | 300 | 360 |")
    assert bare.stance is Stance.SUPPORTS, bare.reasons


def test_a_time_ago_is_not_the_stretch_a_source_tells_of() -> None:
    claim = numeric_claim("A jar now sells for about £7.80, up from £6 three years ago.")
    stretch = corroborate(claim, "Jam prices have risen in the past three years, the society said.")
    assert stretch.stance is not Stance.SUPPORTS, stretch.reasons
    told = corroborate(claim, "A jar sold for £6 three years ago; it now sells for £7.80.")
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_one_part_against_a_sum_across_the_parts() -> None:
    claim = numeric_claim("The Friday evening session sold out at 1,900 tickets.")
    total = corroborate(claim, "We sold 7,400 tickets across the three sessions, a record for the festival.")
    assert total.stance is not Stance.CONFLICTS, total.reasons
    draws = numeric_claim("There were 40 players in the boys' draw and 32 in the girls' draw.")
    listed = corroborate(draws, "We had 96 players across the boys', girls' and veterans' events.")
    assert listed.stance is not Stance.CONFLICTS, listed.reasons
    # a sum against a sum still conflicts
    sums = numeric_claim("The festival sold 7,100 tickets across its three sessions.")
    assert corroborate(sums, "We sold 7,400 tickets across the three sessions.").stance is Stance.CONFLICTS


def test_a_sentence_ending_on_a_day_is_no_stamp_and_across_a_distance_is_no_period() -> None:
    claim = numeric_claim("The fair ran from October 9 to October 11 on the green.")
    told = corroborate(claim, "The fair runs for three days from Friday, October 9.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    ferried = numeric_claim("By noon 3,100 people had been carried across the 12 km (7 mile) channel by 20 boats.")
    crossing = corroborate(ferried, "Boats crossed the 12 km channel all morning, the coastguard said.")
    assert crossing.stance is Stance.SUPPORTS, crossing.reasons


def test_the_same_count_of_people_is_the_visitors_count_not_the_queues() -> None:
    claim = numeric_claim("The museum counted 4,730 visitors on Saturday, with a queue of about 200 people at opening.")
    told = corroborate(claim, "We sold 2,950 tickets and counted 4,730 people through the doors.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    other = corroborate(claim, "We sold 2,950 tickets and counted 4,370 people through the doors.")
    assert other.stance is not Stance.SUPPORTS, other.reasons


def test_a_count_of_people_under_an_age_is_a_narrower_group() -> None:
    claim = numeric_claim("There were 64 climbers under 16 in the junior rounds, which ran on the Saturday morning.")
    field = corroborate(claim, "Over the two days we had 300 climbers from 12 countries.")
    assert field.stance is Stance.RELATED, field.reasons
    assert not any("12 countries" in reason for reason in field.reasons), field.reasons
    juniors = corroborate(claim, "There were 61 climbers under 16 in the junior rounds.")
    assert juniors.stance is Stance.CONFLICTS, juniors.reasons
    row = corroborate(claim, "| Under-16s (junior rounds) | 51 | 64 |")
    assert row.stance is Stance.SUPPORTS, row.reasons
    # a share of residents who are over an age is told of them, not narrowed by a verb read as a noun
    share = numeric_claim("Roughly one in four residents is over 65, the surgery said.")
    told = corroborate(share, "| Residents aged over 65 | 21% | 24% | +3 points |")
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_attending_and_passing_through_the_gates_are_one_event_and_so_are_lost_and_a_loss() -> None:
    gates = numeric_claim("Organisers said 3,900 spectators passed through the gates over the weekend.")
    attended = corroborate(gates, "The council estimates that 4,300 spectators attended across the two days.")
    assert attended.stance is Stance.CONFLICTS, attended.reasons
    lost = numeric_claim("The Ravens lost £128,500 over the season, the club said.")
    loss = corroborate(lost, "Off the track, the season produced a net loss of £146,000.")
    assert loss.stance is Stance.CONFLICTS, loss.reasons


def test_those_who_answered_a_survey_are_its_base_not_a_narrower_group() -> None:
    claim = numeric_claim("Members harvested an average of 12 kg of honey per hive this year, the society said.")
    survey = corroborate(
        claim, "Beekeepers who responded to the survey harvested an average of 9 kg of honey per hive."
    )
    assert survey.stance is Stance.CONFLICTS, survey.reasons
    narrower = corroborate(claim, "Beekeepers who keep more than ten hives harvested an average of 9 kg per hive.")
    assert narrower.stance is not Stance.CONFLICTS, narrower.reasons


def test_on_offer_is_what_there_is_not_a_sum_offered() -> None:
    claim = numeric_claim("There were more than 200 ciders on offer this year.")
    row = corroborate(claim, "| Ciders on offer | 164 | 188 | 214 |")
    assert row.stance is Stance.SUPPORTS, row.reasons
    offered = corroborate(
        numeric_claim("The club paid £2,400 for the lease."), "The club offered £3,000 for the lease."
    )
    assert offered.stance is not Stance.CONFLICTS, offered.reasons


def test_a_days_row_or_a_recording_stamp_does_not_confirm_a_stretch_of_days() -> None:
    claim = numeric_claim("Next year's fair will run from August 12 to 14, the organisers said.")
    row = corroborate(claim, "| Saturday 14 August | 61,000 |")
    assert row.stance is not Stance.SUPPORTS, row.reasons
    ran = numeric_claim("The walks ran for nine days, from February 14 to February 22, and drew 6,300 walkers.")
    for stamp in ("Recorded Monday 22 February 2027, 11:30, at Hobbenhurst Wood", "Sunday 22 February, 6.30 p.m."):
        stamped = corroborate(ran, f"{stamp}\nCHAIR: Thank you all for coming.")
        assert stamped.stance is not Stance.SUPPORTS, (stamp, stamped.reasons)
    # a row holding both ends still confirms the stretch
    both = corroborate(claim, "| Fair opens | 12 August | Fair closes | 14 August |")
    assert both.stance is Stance.SUPPORTS, both.reasons


def test_a_count_over_a_number_of_rounds_is_no_age_bound() -> None:
    claim = numeric_claim("The champion outlasted 32 finalists over 14 rounds at the Corn Exchange.")
    row = corroborate(claim, "| County finalists | 21 | 23 |")
    assert row.stance is Stance.CONFLICTS, row.reasons


def test_an_earlier_reports_rounder_figure_does_not_confirm_the_later_count() -> None:
    claim = numeric_claim("DRAYMOUTH, June 20 (Tern Wire) - The society said 64 stalls traded at the fair.")
    earlier = "DRAYMOUTH, June 3 (Tern Wire) - Organisers said more than 60 stalls had booked pitches at the fair."
    rounder = corroborate(claim, earlier.split(" - ", 1)[1], earlier)
    assert rounder.stance is Stance.RELATED, rounder.reasons
    exact = "DRAYMOUTH, June 3 (Tern Wire) - Organisers said 64 stalls had booked pitches at the fair."
    same = corroborate(claim, exact.split(" - ", 1)[1], exact)
    assert same.stance is Stance.SUPPORTS, same.reasons
    statement = "The society said 64 stalls traded, more than 60 of them local."
    assert corroborate(claim, statement, statement).stance is Stance.SUPPORTS


def test_an_earlier_reports_span_or_limit_still_confirms() -> None:
    claim = numeric_claim("DRAYMOUTH, June 20 (Tern Wire) - Residents ended 12 years of campaigning for the crossing.")
    earlier = "DRAYMOUTH, June 3 (Tern Wire) - Residents have campaigned for the crossing for more than a decade."
    span = corroborate(claim, earlier.split(" - ", 1)[1], earlier)
    assert span.stance is Stance.SUPPORTS, span.reasons
    gates = numeric_claim("Nearly 1,300 people passed through the gates of the fair on Sunday.")
    row = corroborate(gates, "| Visitors (gate count) | 954 | 1,286 |")
    assert row.stance is Stance.SUPPORTS, row.reasons
