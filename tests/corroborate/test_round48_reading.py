"""Readings of session 32 made on round48's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.ages import age_holder
from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def test_an_age_told_of_a_named_person_is_confirmed_by_that_person() -> None:
    claim = numeric_claim("Ottoline Brackwater, 58, won the marrow class for a third year.")
    turn = "PRESENTER: How old are you now?\n\nBRACKWATER: I'm 58, and I still dig the beds myself."
    spoken = corroborate(claim, "BRACKWATER: I'm 58, and I still dig the beds myself.", turn, passage_start=36)
    assert spoken.stance is Stance.SUPPORTS and spoken.confident, spoken.reasons
    told = corroborate(claim, "The judges praised Mrs Ottoline Brackwater, 58, of Hollins Lane, for her marrow.")
    assert told.stance is Stance.SUPPORTS and told.confident, told.reasons
    other = corroborate(claim, "The steward, Wilmot Saxby, who is 62 and a judge for decades, weighed the marrow.")
    assert other.stance is not Stance.CONFLICTS, other.reasons  # another person's age is another figure
    # another person's "I'm 58" is no confident support of her age
    someone = "SAXBY: I'm 58 myself, so I know how heavy those marrows are."
    assert not corroborate(claim, someone, someone, passage_start=0).confident


def test_who_is_a_bare_number_is_an_age_and_the_holder_is_read() -> None:
    (age,) = find_quantities("We spoke to Piran Loveday, who is 23 and works nights at the bakery.")
    assert age.unit == "year"
    (points,) = find_quantities("The side, who is 23 points clear, won again.")
    assert points.unit != "year"
    text = "Seventy-one-year-old beekeeper Hestia Marlow sold out by noon."
    assert age_holder(text, 0, len("Seventy-one-year-old")) == frozenset({"hestia", "marlow"})


def test_taking_part_and_entering_or_donating_and_handing_over_are_one_event() -> None:
    claim = numeric_claim("Some 64 crews entered the regatta over two days.")
    told = corroborate(claim, "This year 61 crews took part, a little down on last summer.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    given = numeric_claim("Shoppers handed over 3,400 tins of food at the drop-off points.")
    donated = corroborate(given, "Shoppers donated 3,100 tins of food, the food bank said.")
    assert donated.stance is Stance.CONFLICTS, donated.reasons
    # two groups told of two events stay apart
    crews = corroborate(claim, "Some 61 crews capsized in the first heat.")
    assert crews.stance is not Stance.CONFLICTS, crews.reasons


def test_the_last_few_of_a_sequence_is_not_its_length() -> None:
    claim = numeric_claim("The Anchor, who had led by 17 points after the fourth round, faded in the last two rounds.")
    told = corroborate(claim, "We were 17 up after four rounds, yes.")
    assert told.stance is not Stance.CONFLICTS, told.reasons
    # a stretch told as a stretch on both sides still disagrees
    both = corroborate(
        numeric_claim("The visitors scored four goals in the last ten minutes."),
        "The visitors scored three goals in the last ten minutes of the match.",
    )
    assert both.stance is Stance.CONFLICTS, both.reasons


def test_a_row_holding_another_figure_of_the_sentence_is_that_figures_row() -> None:
    claim = numeric_claim("Members paid £12 and guests £15 for the evening.")
    row = corroborate(claim, "| Member ticket | £10 | £11 | £12 |")
    assert row.stance is not Stance.CONFLICTS, row.reasons
    # the same row told of the guests' price is still read against it
    guests = corroborate(numeric_claim("Members paid £14 for the evening."), "| Member ticket | £10 | £11 | £12 |")
    assert guests.stance is Stance.CONFLICTS, guests.reasons
    # the two ends of one change are one thing's: the row holding the start still contradicts the end
    change = corroborate(numeric_claim("Gorse cover rose from 6 percent to 19 percent."), "| Gorse cover | 6% | 15% |")
    assert change.stance is Stance.CONFLICTS, change.reasons


def test_a_coach_named_before_a_quote_is_its_he() -> None:
    text = (
        "Harrowfield Otters beat Lindon Pike 9-7 in the final on Sunday.\n\n"
        'Pike coach Rosalind Vantongeren was calm afterwards. "We lost the middle of the game and never got it '
        'back," she said.\n'
    )
    (quote,) = [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]
    assert quote.speaker == "Rosalind Vantongeren"


def test_a_measure_told_to_a_decimal_place_stands_alone_and_a_unit_symbol_in_a_row_label_is_read() -> None:
    claim = numeric_claim("Her marrow weighed 9.3 kg (20 lb 8 oz), beating the old record of 8.8 kg.")
    passage = "Winner, heavyweight class: Mrs Delphine Oakes, with an entry of 9.3 kg."
    told = corroborate(claim, passage)
    assert told.stance is Stance.SUPPORTS and stands_alone(told, passage), told.reasons
    # a half is common: "2.5 hours" alone does not tie a passage to the claim
    coach = "The coach journey from the coast was 2.5 hours each way."
    half = corroborate(numeric_claim("Judging of the marrows lasted 2.5 hours."), coach)
    assert not stands_alone(half, coach), half.reasons
    row = corroborate(
        numeric_claim("The winning leek weighed 41.7 grams per stem."), "| Winning leek (g) | 39.2 | 41.7 |"
    )
    assert row.stance is Stance.SUPPORTS, row.reasons


def test_a_sum_asked_of_someone_is_a_request_not_what_was_given() -> None:
    claim = numeric_claim("The parish council gave £3,500 towards the new scoreboard.")
    asked = corroborate(claim, "Early on we asked the parish council for £5,000, and the rest came from a raffle.")
    assert asked.stance is not Stance.CONFLICTS, asked.reasons
    given = corroborate(claim, "The parish council gave £5,000 towards the new scoreboard.")
    assert given.stance is Stance.CONFLICTS, given.reasons


def test_a_fused_counts_noun_is_its_plural_and_another_noun_is_another_count() -> None:
    (fused,) = find_quantities("It was a 12-man crew.")
    assert fused.measured == "men"
    claim = numeric_claim("The 38-point margin flattered the winners on a wet night.")
    other = corroborate(claim, "The club thanked the 38 stewards who worked through the rain.")
    assert other.stance is not Stance.SUPPORTS, other.reasons
    same = corroborate(claim, "The winners finished 38 points clear on a wet night.")
    assert same.stance is Stance.SUPPORTS, same.reasons


def test_a_fused_word_that_is_no_noun_keeps_its_reading() -> None:
    (party,) = find_quantities("An 11-strong party sheltered in the bothy.")
    assert party.measured == "strong"
    claim = numeric_claim("An 11-strong party sheltered in the bothy overnight.")
    told = corroborate(claim, "The bothy held all 11 members of the club party through the night.")
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_a_score_told_in_one_cell_is_not_held_by_its_other_half() -> None:
    claim = numeric_claim("Marsh scored 613 points in the final game to Dunne's 405.")
    told = corroborate(claim, "| Final game score (winner-runner-up) | 566-530 | 631-405 |")
    assert told.stance is Stance.CONFLICTS, told.reasons
