"""Readings of session 19 made on round25 after its held-out run (its README, step 4), in fresh words: each failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims, without_date_lines
from tests.helpers import numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]


def test_a_group_after_a_numbered_compound_or_a_vessel_is_no_person_a_she_stands_for() -> None:
    # "the 300-member Kettle Lane Rowers" and "the trawler Morning Star" name a club and a boat, not people
    club = (
        "Ottilie Brandt, who chairs the 300-member Kettle Lane Rowers, said the towpath was unsafe. "
        '"We have waited long enough for a proper ramp," she said.'
    )
    assert _speakers(club) == ["Ottilie Brandt"]
    boat = (
        "Mairi Calloway, 38, who skippers the trawler Morning Star and has fished since she left school, said prices "
        'had doubled. "Nobody can run a boat on these margins," she told the hearing.'
    )
    assert _speakers(boat) == ["Mairi Calloway"]
    # a role before a person's name still introduces them: "chief executive Alma Rusk"
    titled = 'The board met. Its chief executive Alma Rusk spoke first. "We will not close the site," she said.'
    assert _speakers(titled) == ["Alma Rusk"]


def test_the_period_of_a_contradicted_figure_is_not_confirmed_apart_from_it() -> None:
    # "In its first ten days, 214 people used the clinic" against "Over the ten days, 241 people ...": the ten days
    # frame the count, so the conflict stands alone, with no support for the period beside it
    claim = numeric_claim("In its first ten days, 214 different people used the clinic, the board said.")
    passage = "Over the ten days, 241 different people used the clinic, of whom 30 were children."
    signals = corroborate(claim, passage, passage, passage_start=0)
    assert signals.stance is Stance.CONFLICTS
    assert signals.agreed == ()


def test_a_line_saying_when_a_statement_was_issued_dates_the_statement() -> None:
    assert without_date_lines("Statement issued 4 June 2026").strip() == ""
    assert without_date_lines("Published on 3 May 2025").strip() == ""
    # a sentence that issues something on a day is kept
    assert without_date_lines("The council issued 4 June figures.").strip() != ""
    statement = "Statement issued 4 June 2026\n\nThe union condemns the cabinet's decision to close 31 depots."
    signals = _signals("HARTWELL, June 5 - The cabinet will close 31 depots from October 1.", statement)
    assert not any("month" in reason for reason in signals.reasons)


def test_a_change_base_dated_over_the_whole_of_a_year_dates_only_the_base() -> None:
    # "up from 51 in the whole of last year": last year is the base's, not the 386 hours'
    claim = "The pumps ran 70 times this year, up from 51 in the whole of last year, for a total of 386 hours."
    assert _signals(claim, "The pumps ran 70 times this year, totalling 368 hours.").stance is Stance.CONFLICTS


def test_a_fronted_group_makes_its_figure_a_part_of_it() -> None:
    # "Of the roughly 9,000 tickets sold, 1,640 were never used" and "1,460 of them were never used": two parts
    claim = "Of the roughly 9,000 tickets sold, 1,640 were never used, the club said."
    assert _signals(claim, "We sold about 9,000 tickets and 1,460 of them were never used.").stance is Stance.CONFLICTS


def test_of_two_rows_contradicting_one_figure_the_row_of_another_party_is_related() -> None:
    # a funding table lists every funder: the agency's row is the claim's, the company's equity another party's,
    # though both differ from the claim's £19 million
    from factcheck.corroborate.within_source import settled_within_sources

    claim = numeric_claim(
        "The Tarrow Valley Development Agency put £19 million into the plant, with the rest coming from Brisco "
        "itself and a bank loan."
    )
    table = (
        "## Table 2. Funding (GBP million)\n\n| Source | Amount |\n|---|---|\n| Brisco Metals equity | 41 |\n"
        "| Tarrow Valley Development Agency grant | 15 |\n"
    )
    cards = []
    for label in ("| Brisco Metals equity", "| Tarrow Valley Development Agency grant"):
        start = table.index(label)
        row = table[start : table.index("\n", start)]
        cards.append((("c", "funding.md"), row, corroborate(claim, row, table, passage_start=start)))
    assert [signals.stance for _, _, signals in cards] == [Stance.CONFLICTS, Stance.CONFLICTS]
    settled = settled_within_sources(cards, claim.sentence)
    assert [signals.stance for signals in settled] == [Stance.RELATED, Stance.CONFLICTS]
    assert settled[0].reasons[0].startswith("A different row")
    # without the sentence both conflicts stand
    assert [s.stance for s in settled_within_sources(cards)] == [Stance.CONFLICTS, Stance.CONFLICTS]
