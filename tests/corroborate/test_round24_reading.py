"""Readings of session 19 made on round24 after its held-out run (its README, step 4), in fresh words: each failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.signals import AGREEING, NumberStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims, filed_on, without_dateline
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def test_a_dateline_with_the_day_first_dates_the_wire_not_its_figures() -> None:
    # "HARLOW BAY, 9 May (Tidewater Wire) - ...": British wires put the day first; it is read as the day the story
    # was filed, and its month is no conflict with a month the claim gives for the event both report.
    wire = "HARLOW BAY, 9 May (Tidewater Wire) - The ferry service, which resumed on 2 March, has carried about 9,000"
    assert str(filed_on(wire)) == "May 9"
    assert without_dateline(wire).startswith(" " * 10)
    signals = _signals("The ferry service resumed on March 2 after the storm repairs.", wire)
    assert signals.stance is Stance.SUPPORTS
    assert not any("month" in reason for reason in signals.reasons)
    # the month first, as before
    assert str(filed_on("HARLOW BAY, May 9 (Tidewater Wire) - The ferry")) == "May 9"


def test_a_weekday_naming_a_weekly_event_is_no_day_of_the_story() -> None:
    # "the town's Sunday car boot sale" is held every Sunday; the vote that moved it was on another day.
    claim = (
        "Brackley's Sunday car boot sale will move to the leisure centre next month, after councillors approved the "
        "plan on Monday by seven votes to two."
    )
    passage = "At 20:05 the committee voted seven to two to move the Sunday car boot sale to the leisure centre."
    signals = _signals(claim, passage)
    assert not any("the day as" in reason for reason in signals.reasons)
    assert signals.stance is not Stance.CONFLICTS
    # a weekday that dates an event still conflicts with another day
    dated = _signals(
        "The committee voted 11 to three on Monday to approve the plan.",
        "The committee voted 11 to three on Thursday to approve the plan.",
    )
    assert any("the day as" in reason for reason in dated.reasons)


def test_a_one_letter_unit_ending_a_table_cell_is_read() -> None:
    # "| Grain sent for animal feed | 15 t | 420 t |": tonnes, not a bare count the claim's 420 farms could match
    assert [q.unit for q in find_quantities("| Grain sent for animal feed | 15 t | 420 t |")] == ["tonne", "tonne"]
    assert [q.unit for q in find_quantities("| Drive time | 3 h |")] == ["hour"]
    signals = _signals("The county's 420 farms grow mostly barley.", "| Grain sent for animal feed | 15 t | 420 t |")
    assert signals.stance is Stance.RELATED
    # in running text a lone "t" after a number stays unread
    assert [q.unit for q in find_quantities("They shipped 420 t of grain.")] == [None]


def test_two_bounds_told_at_the_same_precision_disagree() -> None:
    # "more than 380 members" against "more than 830 members": two tellings of one bound, not one allowing the other
    bound = find_quantities("more than 380 members")
    assert compare_numbers(bound, "More than 830 members have joined.").status is NumberStatus.MISMATCH
    signals = _signals(
        "The choir said more than 380 members had joined this season.", "More than 830 members have joined the choir."
    )
    assert signals.stance is Stance.CONFLICTS
    # a rounder, weaker bound is the source's rounded down, and still agrees
    rounder = find_quantities("more than 800 members")
    assert compare_numbers(rounder, "More than 830 members have joined.").status in AGREEING


def test_a_figure_inside_words_the_source_gives_to_another_speaker_does_not_support() -> None:
    article = (
        'Ines Varga, who chairs the allotment society, said the waiting list was long. "We had more plot requests '
        'in the first week of March than in the whole of last year," said Colm Rafter, who has kept bees there for '
        "14 years."
    )
    source = (
        'Ines Varga, who chairs the allotment society, said demand was rising. "We had more plot requests in the '
        'first week of March than in the whole of last year," she said.'
    )
    claims = extract_claims(Document.from_text(article, doc_id="a.txt"))
    (numeric,) = [c for c in claims if c.kind is ClaimKind.NUMERIC and "14 years" in c.sentence]
    assert numeric.speaker == "Colm Rafter"
    signals = corroborate(numeric, source, source, passage_start=0)
    assert signals.stance is Stance.RELATED
    # since round28 (session 21) a month inside quoted words is no figure of the numeric claim at all: the quote claim
    # compares those words, with their speaker
    own = 'Colm Rafter said: "We had more plot requests in the first week of March than in the whole of last year."'
    assert corroborate(numeric, own, own, passage_start=0).stance is Stance.RELATED
    (quote,) = [c for c in claims if c.kind is ClaimKind.QUOTE and "plot requests" in c.text]
    assert corroborate(quote, own, own, passage_start=0).stance is Stance.SUPPORTS
    assert corroborate(quote, source, source, passage_start=0).stance is Stance.CONFLICTS


def test_a_she_after_a_person_of_an_organisation_is_the_person() -> None:
    # "Name, chair of the Westbank Economy Forum, ... said": the forum is no person a "she" can stand for
    text = (
        "Dervla Okonjo, chair of the Westbank Economy Forum, a group of about 60 shops, said footfall had "
        'recovered. "The riverside has never been busier on a weekday," she said.'
    )
    quotes = [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]
    assert [q.speaker for q in quotes] == ["Dervla Okonjo"]


def test_an_aim_or_a_budget_is_no_count_of_what_happened() -> None:
    # "hopes to reach 500 by June" is an aim; "set a budget of £80,000" a plan: neither backs nor contradicts a count
    aim = "WESTBY, 2 April (Coast Wire) - The lifeboat appeal has about 430 donors and hopes to reach 500 by June."
    assert _signals("The lifeboat appeal now has more than 500 donors.", aim).stance is Stance.RELATED
    budget = "The council set a budget of £80,000 for the summer festival."
    assert _signals("The council paid £64,500 towards the summer festival.", budget).stance is not Stance.CONFLICTS
    # a count of the same thing with no plan word still conflicts
    counted = "The council paid £80,000 towards the summer festival."
    assert _signals("The council paid £64,500 towards the summer festival.", counted).stance is Stance.CONFLICTS


def test_a_small_count_in_a_compound_does_not_support_beside_a_figure_of_another_thing() -> None:
    # "a three-bay extension" named in both, while the passage's figure counts pupils and the claim's is a cost
    claim = "The merged school would teach about 260 children; a three-bay extension costing £1.4 million is planned."
    passage = "Westcombe had 174 pupils last year and is nearly full, and a three-bay extension will not end that."
    assert _signals(claim, passage).stance is Stance.RELATED
    # the extension's own cost still supports
    cost = "The three-bay extension will cost £1.4 million, the council said."
    assert _signals(claim, cost).stance is Stance.SUPPORTS


def test_a_hedge_widens_a_figure_by_one_step_of_its_last_digit() -> None:
    # "about 6,300 entries" is 6,200 to 6,400: 6,050 is another figure, though under 5 percent away
    hedged = find_quantities("about 6,300 entries")
    assert compare_numbers(hedged, "The show had 6,050 entries.").status is NumberStatus.MISMATCH
    assert compare_numbers(hedged, "The show had 6,240 entries.").status is NumberStatus.WITHIN_ROUNDING
    # a figure that rounds to the other still agrees, hedge or not
    assert compare_numbers(find_quantities("about 6,000 entries"), "It had 6,240 entries.").status in AGREEING
    # a share in words keeps its reach: "almost two in three" for 64%
    words = find_quantities("almost two in three members")
    assert compare_numbers(words, "64% of members agreed.").status in AGREEING


def test_a_budget_on_both_sides_is_compared_and_a_row_label_is_one_phrase() -> None:
    # "its £12 million budget" and "a budget of £12.0 million": the same planned amount
    claim = "The overspend leaves the service over its £12 million budget, the director said."
    passage = "The forecast is £14.1 million, against a budget of £12.0 million."
    assert _signals(claim, passage).stance is Stance.SUPPORTS
    # "is spending £6.2 million this year" against "a repair budget of £6.2 million for this year"
    spending = _signals(
        "The county is spending £6.2 million on bridge repairs this year.",
        "The county's bridge repair budget of £6.2 million for this year will not clear the backlog.",
    )
    assert spending.stance is Stance.SUPPORTS
    # "| Shelter capacity, all sites | 900 |" is what the shelters can hold, not how many they held
    held = _signals("The shelters housed 870 people on the coldest night.", "| Shelter capacity, all sites | 900 |")
    assert held.stance is Stance.RELATED


def test_a_date_line_over_a_statement_dates_the_statement_only() -> None:
    # "12 June" alone above a club's statement is the day it was issued, not the day the claim's report came out
    statement = "12 June\n\nThe Harriers Running Club has about 640 members across the borough."
    signals = _signals("The census counted 2,310 runners, in figures the council published on June 12.", statement)
    assert signals.stance is Stance.RELATED
    # the same day told in a sentence of the source still supports
    told = "The council published its runner census on 12 June."
    assert _signals("The council published its census of runners on June 12.", told).stance is Stance.SUPPORTS


def test_last_seasons_figure_as_a_change_base_is_dated_to_last_season() -> None:
    # "rose 9 percent on last season's 2,210 visitors" gives last season's count: this season's is another figure
    claim = "The total rose 9 percent on last season's 2,210 visitors, the museum said."
    assert _signals(claim, "The museum welcomed 2,410 visitors this season.").stance is Stance.RELATED
    assert _signals(claim, "Last season the museum welcomed 2,210 visitors.").stance is Stance.SUPPORTS


def test_a_table_header_row_supports_no_figure() -> None:
    # "| Roll three years ago (pupils) |" names a column: its "three years" reports nothing the claim says
    document = "| School | Roll now | Roll three years ago |\n|---|---|---|\n| Ashby | 58 | 77 |\n"
    claim = numeric_claim("Ashby has 58 pupils, down from 77 three years ago.")
    header = document.splitlines()[0]
    assert corroborate(claim, header, document, passage_start=0).stance is Stance.RELATED
    row_start = document.index("| Ashby")
    row = document[row_start : document.index("\n", row_start)]
    assert corroborate(claim, row, document, passage_start=row_start).stance is Stance.SUPPORTS
