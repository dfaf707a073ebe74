"""Readings of session 31 made on round47's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def test_waiting_over_a_time_is_more_than_it() -> None:
    (wait,) = find_quantities("By noon some fans were queueing over 25 minutes to get in.")
    assert wait.qualifier is not None and wait.qualifier.value == "more than"
    claim = numeric_claim("At the peak, supporters waited more than 25 minutes at the turnstiles.")
    told = corroborate(claim, "At the busiest point people were waiting over 25 minutes.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    # "over" alone before a time still means during
    (during,) = find_quantities("Over three years, fares rose sharply.")
    assert during.qualifier is None


def test_a_share_told_in_the_same_words_is_that_shares_and_a_share_base_keeps_its_year() -> None:
    claim = numeric_claim(
        "Pensioners made up 24 percent of riders, and about three in ten were using the ferry for the first time."
    )
    told = corroborate(
        claim,
        "Pensioners made up 29 percent of riders, up from a quarter last year, and 31 percent said it was their "
        "first crossing.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons  # 24 against 29, not three in ten met by 29
    # the row of the same share is not the other figure's support
    row = corroborate(claim, "| Pensioners (% of riders) | 21 | 26 | 29 |")
    assert row.stance is not Stance.SUPPORTS, row.reasons
    # a share told once, with its base dated, still agrees
    alone = corroborate(
        numeric_claim("Pensioners made up 29 percent of riders this year."),
        "Pensioners made up 29 percent of riders, up from a quarter last year.",
    )
    assert alone.stance is Stance.SUPPORTS, alone.reasons


def test_a_row_of_those_with_something_or_of_a_sibling_is_not_the_whole_count() -> None:
    claim = numeric_claim("The referee said 18 crews had finished the course inside the time limit.")
    restricted = corroborate(claim, "| Crews with at least one junior rower | 9 | 14 | 18 |")
    assert restricted.stance is not Stance.SUPPORTS, restricted.reasons
    # the whole of an "of" cell is the whole's, whatever the row picks out
    whole = corroborate(
        numeric_claim("The 318-boat fleet set sail from the harbour at dawn."),
        "| Boats with a named skipper | 290 of 318 |",
    )
    assert whole.stance is Stance.SUPPORTS, whole.reasons
    plain = corroborate(claim, "| Crews finishing inside the limit | 15 | 18 |")
    assert plain.stance is Stance.SUPPORTS, plain.reasons
    table = (
        "| Stalls | 2025 | 2026 |\n|---|---|---|\n| Stalls selling cheese | 7 | 12 |\n"
        "| Stalls selling bread and other goods | 9 | 12 |\n"
    )
    claim = numeric_claim("Twelve of the stalls sold cheese this year.")
    assert corroborate(claim, table.splitlines()[3], document_text=table).stance is not Stance.SUPPORTS
    assert corroborate(claim, table.splitlines()[2], document_text=table).stance is Stance.SUPPORTS
    # a label that only opens with "still", and rows the claim names beside another of its figures, stay the claim's
    still = corroborate(
        numeric_claim("About 9,300 homes in the valley were still without heating on Friday."),
        "| Still without supply | Fri 09:00 | 9,300 |",
    )
    assert still.stance is Stance.SUPPORTS, still.reasons
    staff = (
        "| Measure | 2025 | 2026 |\n|---|---|---|\n| Wardens employed | 21 | 21 |\n| Vacant warden posts | 0 | 4 |\n"
    )
    wardens = numeric_claim("The park employs 21 wardens and says four posts that are now vacant will not be filled.")
    assert corroborate(wardens, staff.splitlines()[2], document_text=staff).stance is Stance.SUPPORTS
    books = (
        "| Measure | 2025 | 2026 |\n|---|---|---|\n| Books lent | 8,100 | 9,050 |\n| Books returned (%) | 93% | 97% |\n"
    )
    returned = numeric_claim("Borrowers take books for a month, and 97 percent of the books lent have come back.")
    assert corroborate(returned, books.splitlines()[3], document_text=books).stance is Stance.SUPPORTS


def test_a_score_is_compared_only_with_a_score() -> None:
    claim = numeric_claim("Harrowgate Owls won the cup final 7-3 against Pendle Kestrels on Saturday.")
    (seven, three) = find_quantities(claim.text)
    assert (seven.value, three.value) == (7.0, 3.0)  # "Kestrels 7-3" would be read too: a score after a name
    divisions = corroborate(claim, "| League Two | 12 |")
    assert divisions.stance is not Stance.CONFLICTS, divisions.reasons
    same = corroborate(claim, "In the cup final, Harrowgate Owls beat Pendle Kestrels 7-3.")
    assert same.stance is Stance.SUPPORTS, same.reasons
    other = corroborate(
        numeric_claim("Harrowgate Owls beat Pendle Kestrels 21-17 in the final."), "The Owls won 21-14 on the day."
    )
    assert other.stance is Stance.CONFLICTS, other.reasons
    after_name = find_quantities("The Owls beat Pendle Kestrels 21-17 in the final.")
    assert [q.value for q in after_name] == [21.0, 17.0]


def test_a_month_of_another_clause_is_no_other_month() -> None:
    claim = numeric_claim("The next regatta is set for September 2028, and the club said it would limit crews to 90.")
    told = corroborate(claim, "We will limit crews to 90 and open entries in March.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    # a figure is found where it stands whole, not inside a year ("20" of "2027")
    target = numeric_claim(
        "The trust wants every path resurfaced by the end of 2027, and for the park to reach 20 play areas by 2030."
    )
    assert corroborate(target, "| Target: play areas | 20 by 2030 |").stance is Stance.SUPPORTS
    # a month in the figure's own clause still sets it apart
    own = corroborate(
        numeric_claim("In September the club limited crews to 90."), "In March the club limited crews to 90."
    )
    assert own.stance is not Stance.SUPPORTS, own.reasons


def test_a_row_of_what_some_of_the_noun_do_is_not_every_one() -> None:
    claim = numeric_claim("The depot holds 23 trams, and the trust has about 510 members.")
    running = corroborate(claim, "| Trams running | 31 | 34 | 36 |")
    assert running.stance is not Stance.CONFLICTS, running.reasons
    # the row of what the claim says they do still conflicts
    ran = corroborate(
        numeric_claim("Some 23 trams were running on the line at the weekend."), "| Trams running | 31 | 34 | 36 |"
    )
    assert ran.stance is Stance.CONFLICTS, ran.reasons


def test_last_years_count_is_not_this_years_forecast() -> None:
    claim = numeric_claim("Last year's regatta drew 31,000 spectators.")
    forecast = corroborate(claim, "Regatta set to grow again, with 30,000 spectators expected")
    assert forecast.stance is Stance.RELATED, forecast.reasons
    told = corroborate(claim, "Last year's regatta drew 31,000 spectators over two days.")
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_a_speaker_in_capitals_is_no_row_label() -> None:
    claim = numeric_claim("The fair was run by 160 stewards, who worked in pairs.")
    answer = corroborate(claim, "Q: Who ran it?\nPENDRAGON: 116 stewards, working in pairs.")
    assert answer.stance is Stance.CONFLICTS, answer.reasons
    # a short "Label: figure" line still names its row
    row = corroborate(claim, "Harbour Ward: 116 stewards")
    assert row.stance is not Stance.CONFLICTS, row.reasons


def test_another_year_of_one_thing_told_in_the_same_words_conflicts() -> None:
    claim = numeric_claim(
        "Nine of the lorries came from other museums, and the oldest, a Foden built in 1931, needed a tow up the hill."
    )
    told = corroborate(claim, "PRESENTER: And the oldest? KEMBLE: A Foden built in 1934.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    # another thing built in another year decides nothing
    other = corroborate(claim, "The depot itself was built in 1934.")
    assert other.stance is not Stance.CONFLICTS, other.reasons


def test_a_duration_told_in_hours_and_minutes_meets_a_hedged_whole_hour() -> None:
    claim = numeric_claim("The sale of 61 lots began at 7.45 p.m. and lasted nearly three hours.")
    told = corroborate(
        claim, "We began at a quarter to nine and stopped at twenty to twelve, so two hours and fifty minutes."
    )
    assert told.stance is Stance.SUPPORTS, told.reasons
    # the words of a time nobody compared are no counts ("nine" of "a quarter to nine" against the 61 lots)
    assert not any("nine" in reason for reason in told.reasons), told.reasons
    # far from the hedged hour, it still disagrees
    short = corroborate(
        numeric_claim("The sale lasted about four hours."), "The sale lasted three hours and ten minutes."
    )
    assert short.stance is Stance.CONFLICTS, short.reasons


def test_a_place_another_sentence_names_does_not_place_a_figure() -> None:
    claim = numeric_claim("About 3,400 passenger trips were made around Wexcombe on Saturday, the trust said.")
    paragraph = "The rally began outside the Corn Exchange at nine.\nThe buses made 2,900 passenger trips in all."
    told = corroborate(claim, paragraph.splitlines()[1], document_text=paragraph)
    assert told.stance is Stance.CONFLICTS, told.reasons
    # a heading still places a sentence under it
    sectioned = "## Harnford\n\nThe buses made 2,900 passenger trips in all."
    under = corroborate(claim, sectioned.splitlines()[2], document_text=sectioned)
    assert under.stance is not Stance.CONFLICTS, under.reasons


def test_a_contradicted_compound_duration_beside_an_agreeing_figure_is_read_once() -> None:
    # found while measuring round48 on session 30's rules: the parts of a contradicted "6 minutes 18 seconds" were
    # not taken away, so the sentence was read again without them for ever (a RecursionError, not a card)
    claim = numeric_claim(
        "Captain Ilsa Brendholm scored 6 minutes 18 seconds into overtime, ending a series her side had trailed "
        "after four games."
    )
    told = corroborate(claim, "Brendholm scored 5 minutes 40 seconds into overtime, after four games.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    assert told.agreed == ("four",), told.agreed
