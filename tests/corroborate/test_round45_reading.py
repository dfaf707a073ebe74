"""Readings of session 29 made on round45 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.figures import find_days_and_times
from tests.helpers import numeric_claim, quote_claim, speaker_of


def test_a_score_with_a_half_or_told_in_words_is_one_score() -> None:
    claim = numeric_claim("The Ferry Larks won the final on Sunday, beating the Owls by 9½ rounders to 7 in the heat.")
    told = corroborate(claim, "The Ferry Larks beat the Owls 9½-6 in Sunday's final at the park.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    dashed = corroborate(
        numeric_claim("On the six-rink green the captain Oriel Fenn won the pairs final 18½-11."),
        "In the pairs final our captain, Oriel Fenn, beat the holders by 18½-15 on the last end.",
    )
    assert dashed.stance is Stance.CONFLICTS, dashed.reasons
    assert dashed.agreed == (), dashed.reasons


def test_a_rise_of_a_share_with_its_base_further_on_is_a_change() -> None:
    told = corroborate(
        numeric_claim("Footfall in the town centre was up 14 percent on the same week last year, the traders said."),
        "Our counters recorded a rise of 24 percent in the town centre compared with the same week last year.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons
    # a rise of a share with no base is still read as before (the offer's level may be meant)
    offer = corroborate(
        numeric_claim("The union said its members were offered a 4 percent pay rise."),
        "The employers proposed a pay rise of 4 percent for all grades.",
    )
    assert offer.stance is Stance.SUPPORTS, offer.reasons


def test_a_fee_that_has_not_changed_is_no_denial_of_the_fee() -> None:
    told = corroborate(
        numeric_claim("The regatta charges an entry fee of £30 a crew."),
        "The £30 entry fee per crew has not changed for eight years.",
    )
    assert told.stance is Stance.SUPPORTS, told.reasons
    # a fee that was not charged is still denied
    denied = corroborate(
        numeric_claim("The regatta charges an entry fee of £30 a crew."),
        "The regatta did not charge the £30 entry fee per crew this year.",
    )
    assert denied.stance is not Stance.SUPPORTS, denied.reasons


def test_a_speaker_called_by_first_name_is_the_person_of_that_name() -> None:
    article = (
        "A 13-year-old pupil, Ilse Marrack, won the county science fair with a rain gauge made from bottles.\n\n"
        '"I just wanted to know how wet our garden really gets," Ilse said after the prize-giving.\n'
    )
    assert speaker_of(article, "I just wanted to know") == "Ilse Marrack"
    claim = quote_claim(article)
    told = corroborate(
        claim,
        "MARRACK: I'm 13. I just wanted to know how wet our garden really gets.",
        "JUDGE: Thank you.\nMARRACK: I'm 13. I just wanted to know how wet our garden really gets.\n",
        passage_start=18,
    )
    assert told.stance is Stance.SUPPORTS, told.reasons
    # two people of that first name leave the name as written
    two = 'Ilse Marrack and Ilse Dunmore shared the prize.\n\n"We never expected it," Ilse said.\n'
    assert speaker_of(two, "We never expected it") == "Ilse"


def test_two_days_joined_by_and_before_a_comma_are_both_days() -> None:
    days = [q.value for q in find_days_and_times("Next year's regatta will be held on June 19 and 20, the club said.")]
    assert days == [619.0, 620.0]
    # a count after the comma is still no day
    assert [q.value for q in find_days_and_times("On June 19 and 20 boats sailed.")] == [619.0]


def test_the_period_a_change_is_counted_on_is_not_confirmed_apart_from_it() -> None:
    told = corroborate(
        numeric_claim(
            "Footfall in the town centre was up 14 percent on the same ten days last year, the traders said."
        ),
        "Our counters recorded a rise of 24 percent in the town centre compared with the same ten days last year.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons
    assert told.agreed == (), told.reasons


def test_a_score_in_a_dated_statement_is_still_the_same_score() -> None:
    told = corroborate(
        numeric_claim(
            "KELHAM, June 15 (Vale Wire) - The Ferry Larks won the county final on Sunday, beating the Owls by "
            "9½ rounders to 7 in a final played in 27C (81F) heat."
        ),
        "15 June 2026\n\nThe association congratulates the Ferry Larks, winners of the 2026 county tournament, who "
        "beat the Owls 9½-6 in Sunday's final at the park.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons
