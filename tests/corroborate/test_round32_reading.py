"""Readings of session 23 made on round32 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.figure_limits import limits_differ
from factcheck.corroborate.figure_pairing import passage_figures_of
from factcheck.corroborate.number_rules import to_figures
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.corroborate.table_units import money_note_of
from factcheck.extract.figures import find_quantities
from tests.helpers import against_row, numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


_ACCOUNTS = (
    "# Harrowgate Sailing Club accounts\n\nFor the annual meeting, April 2026. All figures in pounds.\n\n"
    "| Item | 2025 | 2026 |\n|---|---|---|\n| Hull repairs | 18,500 | 27,300 |\n| Members | 240 | 263 |\n"
)


def test_a_documents_money_note_gives_its_bare_cells_a_unit() -> None:
    assert money_note_of(_ACCOUNTS) == "£"
    assert money_note_of("Money in £ million unless stated.") == "£m"
    assert money_note_of("Amounts are in thousands of euros.") == "€k"
    assert money_note_of("All figures in these tables are taken from the audited accounts.") is None
    claim = "Hull repairs cost the club £27,300 this year."
    assert against_row(claim, _ACCOUNTS, "| Hull repairs").stance is Stance.SUPPORTS
    assert against_row(claim.replace("27,300", "23,700"), _ACCOUNTS, "| Hull repairs").stance is Stance.CONFLICTS
    # a row of counts is still read as counts beside the claim's money, and no note leaves a bare cell bare
    members = "The club, with 263 members, spent £27,300 on hull repairs."
    assert against_row(members, _ACCOUNTS, "| Members").stance is Stance.SUPPORTS
    unnoted = _ACCOUNTS.replace(" All figures in pounds.", "")
    assert against_row(claim, unnoted, "| Hull repairs").stance is not Stance.SUPPORTS
    scaled = "Money in £ million.\n\n| Item | 2026 |\n|---|---|\n| Debt | 4.2 |\n"
    assert against_row("The debt stood at £4.2 million.", scaled, "| Debt").stance is Stance.SUPPORTS


def test_a_capitalised_breed_does_not_make_the_verb_the_counted_noun() -> None:
    passage = "A flock of 83 Herdwick sheep grazes 900 hectares of the fell each summer."
    assert _signals("A flock of 38 Herdwick sheep now grazes the fell.", passage).stance is Stance.CONFLICTS
    assert _signals("A flock of 83 Herdwick sheep now grazes the fell.", passage).stance is Stance.SUPPORTS


def test_a_year_in_an_aside_about_the_subject_does_not_date_the_figure() -> None:
    claim = "The refit of the old pavilion, which had stood empty since 1994, cost £672,000."
    passage = "The refit came in at £627,000, including the new roof and the kitchen."
    assert _signals(claim, passage).stance is Stance.CONFLICTS
    # a year in the figure's own clause still dates it
    dated = "The refit of the old pavilion cost £672,000 in 1994."
    assert _signals(dated, passage).stance is not Stance.CONFLICTS


def test_two_days_set_for_one_event_conflict_whatever_month_each_names() -> None:
    claim = "Work will begin on March 3 and the library is due to reopen on August 29."
    assert _signals(claim, "The library will reopen on 12 September after the works.").stance is Stance.CONFLICTS
    # a plan, an aim and an expectation all tell the day the event is set for
    expected = "The trust expects to reopen the museum on June 4."
    assert _signals(expected, "We plan to reopen the museum on 18 June.").stance is Stance.CONFLICTS
    assert _signals(expected, "Our aim is to reopen on June 18.").stance is Stance.CONFLICTS
    # a count in one month is still not a count of another month
    counted = "The museum had 4,200 visitors in June."
    assert _signals(counted, "The museum had 3,900 visitors in July.").stance is not Stance.CONFLICTS


def test_according_to_names_who_says_so_not_where() -> None:
    claim = "Curlew numbers nationally have fallen by 47 percent since 1995, according to the Wader Study Group."
    passage = "National surveys show that breeding curlew numbers have fallen by 51 percent since 1995."
    document = f"# Survey results in Harbridge\n\n{passage}\n"  # the place its section names
    signals = corroborate(numeric_claim(claim), passage, document, passage_start=document.index(passage))
    assert signals.stance is Stance.CONFLICTS


def test_last_and_next_season_are_two_times() -> None:
    claim = "Last summer the choir gave 14 concerts in the park."
    passage = "Next summer the choir plans 30 concerts in the park."
    assert _signals(claim, passage).stance is not Stance.CONFLICTS
    assert _signals(claim, "Last summer the choir gave 30 concerts in the park.").stance is Stance.CONFLICTS
    # a season against no season is no other time ("Last summer we had 1,750 complaints" for "2,300 complaints")
    verges = "Last summer we had 1,750 complaints about overgrown verges, most about junctions."
    assert _signals("The council had 2,300 complaints about overgrown verges.", verges).stance is Stance.CONFLICTS
    # nor does a season dating another clause's event date the figure
    outbreak = "The nursery suffered an outbreak last summer and delivered 28,000 fewer saplings than ordered."
    assert _signals("The nursery delivered 38,000 fewer saplings than ordered.", outbreak).stance is Stance.CONFLICTS


def test_a_part_of_the_bill_is_no_slip_of_the_whole_bill() -> None:
    claim = "New windows account for £153,000 of the bill, and the roof for £88,000."
    passage = "The surveyors put the full cost of the repairs at £513,000."
    assert _signals(claim, passage).stance is not Stance.CONFLICTS
    # the whole told with its digits swapped is still a slip
    whole = "The repairs will cost £531,000 in all."
    assert _signals(whole, passage).stance is Stance.CONFLICTS


def test_a_time_after_pm_and_a_full_stop_ends_its_sentence() -> None:
    claim = "The pool is open from 6 a.m. to 8 p.m. every day."
    passage = (
        "On New Year's Day the pool will stay open late, with the last swim starting at 10.30pm. Tickets open soon."
    )
    assert _signals(claim, passage).stance is not Stance.CONFLICTS


def test_a_bound_right_after_a_contradicted_share_is_not_confirmed_apart() -> None:
    claim = "Two in three visitors were from outside the region, and 52 percent stayed at least two nights."
    passage = "Twenty-five percent stayed at least two nights, the tourism board said."
    signals = _signals(claim, passage)
    assert signals.stance is Stance.CONFLICTS
    assert not signals.agreed  # "at least two nights" picks out who the 52 percent are


def test_a_change_worked_out_over_a_whole_row_or_against_a_base() -> None:
    claim = "Frog patrols on the lane cut deaths by more than 60 percent."
    table = "| Measure | 2019 | 2022 | 2025 |\n|---|---|---|---|\n| Frogs found dead | 1,800 | 1,100 | 650 |\n"
    assert against_row(claim, table, "| Frogs found dead").stance is Stance.SUPPORTS
    against = "This spring 650 frogs were found dead, against 1,800 in 2019."
    assert _signals("Deaths of frogs fell by more than 60 percent.", against).stance is Stance.SUPPORTS
    # a bound the worked-out change does not meet is no support
    assert against_row(claim.replace("60", "70"), table, "| Frogs found dead").stance is not Stance.SUPPORTS
    assert _signals("Frog deaths were cut, a fall of 64 percent.", "Frog deaths were cut by 64 percent.").stance is (
        Stance.SUPPORTS
    )
    # "a fall of 72 percent" is a change, not a level
    fall = "Frog deaths on the lane dropped again this spring, a fall of 72 percent, the wardens said."
    assert _signals("Frog deaths on the lane fell by more than 70 percent.", fall).stance is Stance.SUPPORTS


def test_a_goal_someone_wants_is_a_goal() -> None:
    claim = "The trust wants otters on 40 rivers by 2030."
    passage = "The trust's target is to have otters present on 40 rivers by 2030."
    assert _signals(claim, passage).stance is Stance.SUPPORTS


def test_a_conversion_in_brackets_does_not_end_the_figures_clause() -> None:
    claim = "Traffic was sent on a 4.5-mile (7.2 km) detour through Oakhurst Green."
    assert _signals(claim, "The signed detour through Oakhurst Green is 6.5 miles.").stance is Stance.CONFLICTS
    assert _signals(claim, "The signed detour through Oakhurst Green is 4.5 miles.").stance is Stance.SUPPORTS


_SECTORS = (
    "## Table 2. Nests by sector\n\n| Sector | 2024 | 2025 | 2026 |\n|---|---|---|---|\n"
    "| North Marsh | 22 | 30 | 41 |\n| Ferrybridge | 12 | 10 | 6 |\n"
)


def test_a_row_named_last_before_its_figure_is_the_figures_row_however_far_back() -> None:
    claim = (
        "The North Marsh sector held about a third of the nests found this year, with 41, while Ferrybridge, where "
        "the tide flooded the banks in March, had only 6, down from 10."
    )
    north = against_row(claim, _SECTORS, "| North Marsh")
    assert north.stance is Stance.SUPPORTS and north.confident
    ferry = against_row(claim, _SECTORS, "| Ferrybridge")
    assert ferry.stance is Stance.SUPPORTS and ferry.confident
    # a name in a clause joined before the figure's is not the figure's
    joined = "Residents of North Marsh complained about the noise, and wardens said about 41 visitors came."
    assert not against_row(joined, _SECTORS, "| North Marsh").confident
    # another name between the row's name and the figure takes the figure
    other = "North Marsh did well this year, and the Saltmeadow sector had 41."
    assert not against_row(other, _SECTORS, "| North Marsh").confident


def test_a_row_of_the_largest_value_is_read_as_a_limit() -> None:
    claim = "Some walkers were lowered from gondolas hanging up to 63 metres above the valley."
    row = "| Highest gondola above ground at the stop | 41 m |"
    claim_figure = to_figures(find_quantities(claim))[0]
    row_figure = passage_figures_of(row)[0]
    assert limits_differ(claim, row, claim_figure, row_figure)  # "up to 63 metres" is not the highest, 41 m
    # a row of another measure is no limit
    other = "| Average gondola height | 41 m |"
    assert not limits_differ(claim, other, claim_figure, passage_figures_of(other)[0])


def test_days_of_two_events_are_not_set_against_each_other() -> None:
    claim = "Councillors will receive the first quarterly report at their meeting on October 14."
    passage = "Staff representatives will meet the managers on 29 September to discuss the rota."
    assert _signals(claim, passage).stance is not Stance.CONFLICTS


def test_a_support_on_the_bound_alone_is_no_support() -> None:
    claim = "The charity estimates that about 310,000 people now live more than 10 km from a bank."
    passage = "When last measured, in 2021, 190,000 people were living more than 10 km from a bank."
    signals = _signals(claim, passage)
    assert signals.stance is Stance.RELATED
    # the bound beside the same count still confirms it
    same = "Some 310,000 people now live more than 10 km from a bank, the charity said."
    assert _signals(claim, same).stance is Stance.SUPPORTS
    # a distance told without a verb of living, staying, waiting or travelling is the news, not a bound on a group
    walk = "In Marketgate, 1,200 residents face walks of up to 1.6 km to the nearest toilet."
    nearest = "From Marketgate, the nearest remaining toilet would be up to 1.6 kilometres away."
    assert _signals(walk, nearest).stance is Stance.SUPPORTS


def test_a_bound_in_the_rows_label_is_the_rows_own_term() -> None:
    claim = "The charity estimates that about 310,000 people now live more than 10 km (6 miles) from a bank."
    table = (
        "| Measure | 2021 | 2026 |\n|---|---|---|\n"
        "| People living more than 10 km (6 miles) from a bank | 190,000 | 260,000 |\n"
    )
    assert against_row(claim, table, "| People living").stance is Stance.CONFLICTS


def test_made_up_more_than_a_share_is_a_share_not_a_change() -> None:
    claim = "Crisp packets made up more than a third of the litter collected by volunteers."
    table = "| Measure | 2025 | 2026 |\n|---|---|---|\n| Paths cleared by volunteers (km) | 300 | 420 |\n"
    assert against_row(claim, table, "| Paths cleared").stance is not Stance.SUPPORTS


def test_a_claim_giving_its_own_ends_is_not_met_by_another_rows_change() -> None:
    claim = (
        "The new tank cut the number of overflows from 52 in 2023 to 12 last year, a fall of more than three quarters."
    )
    table = "| Measure | 2023 | 2025 |\n|---|---|---|\n| Hours of overflow | 410 | 90 |\n"
    assert against_row(claim, table, "| Hours of overflow").stance is not Stance.SUPPORTS


def test_a_season_in_a_later_clause_dates_nothing_of_the_figure() -> None:
    claim = "New applications fell 31 percent this autumn."
    passage = "New applications are down twenty-seven percent on last year, and we cannot make that up by next autumn."
    assert _signals(claim, passage).stance is Stance.CONFLICTS
