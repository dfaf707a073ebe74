"""A conflict over one figure of a sentence that confirms the sentence's other figures (session 14, read on round15:
"hired 420 people so far ... will employ 650 by 2028" against "hired 402 ... employ 650 by 2028" was one conflict
card, and the 650 the source confirms was lost). The card stays a conflict and names the figures it confirms."""

from __future__ import annotations

from factcheck.check import CheckedClaim
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.evaluate.article_run import cards_of
from factcheck.search import Hit
from factcheck.workbench import stance_heading
from tests.helpers import numeric_claim

ARTICLE = "The bakery has taken on 46 bakers since May and will employ 90 by the end of next year."
PASSAGE = "We have taken on 64 bakers since May, and we will employ 90 by the end of next year."


def test_the_confirmed_figure_is_named_beside_the_conflict() -> None:
    signals = corroborate(numeric_claim(ARTICLE), PASSAGE, PASSAGE, passage_start=0)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert signals.agreed == ("90",), signals.reasons
    assert signals.reasons[-1] == (
        "The claim's other figures agree: the source confirms its 90 and contradicts only its 46."
    )
    assert stance_heading(signals) == "⚠ Conflicts on 46 · Supports 90"


def test_nothing_is_confirmed_when_every_figure_is_disputed_or_the_rest_would_not_support() -> None:
    every = corroborate(numeric_claim(ARTICLE), "We have taken on 64 bakers since May and will employ 95 by then.")
    assert every.stance is Stance.CONFLICTS and every.agreed == (), every.reasons
    assert stance_heading(every) == "⚠ Conflicts"
    # What is left agrees only on the period the figures are told for: that confirms nothing on its own.
    period = corroborate(
        numeric_claim("In the first three days, 37 drivers were caught and 12 were fined."),
        "In the first three days, 73 drivers were caught.",
    )
    assert period.stance is Stance.CONFLICTS and period.agreed == (), period.reasons
    # A conflict that disputes no figure (a change of direction) confirms none of them.
    turned = corroborate(numeric_claim("Ticket sales rose 12 percent in May."), "Ticket sales fell 12 percent in May.")
    assert turned.stance is Stance.CONFLICTS and turned.agreed == (), turned.reasons


def test_a_shared_small_count_is_confirmed_only_when_more_than_its_value_ties_it() -> None:
    bare = corroborate(
        numeric_claim("Crews worked on 3 sites and cleared 1,240 tonnes of debris by Friday."),
        "By Friday 1,420 tonnes of debris had been cleared; 3 more are planned.",
    )
    assert bare.stance is Stance.CONFLICTS, bare.reasons
    assert bare.agreed == (), bare.reasons  # "3" alone: many passages give small counts
    named = corroborate(
        numeric_claim("Two ferries carried 1,240 passengers on Sunday."),
        "Two ferries carried 1,420 passengers on Sunday.",
    )
    assert named.stance is Stance.CONFLICTS and named.agreed == ("Two",), named.reasons  # the same ferries


def test_a_figure_in_one_phrase_with_the_disputed_one_is_not_confirmed_apart() -> None:
    rate = corroborate(
        numeric_claim("Volunteers said there was one shower for every 90 people at the camp."),
        "At the camp there is one shower for every 60 people.",
    )
    assert rate.stance is Stance.CONFLICTS and rate.agreed == (), rate.reasons
    period = corroborate(
        numeric_claim("The nurses were offered a pay rise of 11 percent over three years."),
        "The board has offered the nurses 4 percent over three years.",
    )
    assert period.stance is Stance.CONFLICTS and period.agreed == (), period.reasons
    change = corroborate(
        numeric_claim("The season ticket will rise from 540 pounds to 610 pounds."),
        "The season ticket rises from 540 pounds to 585 pounds.",
    )
    assert change.stance is Stance.CONFLICTS and change.agreed == (), change.reasons


def test_the_evaluation_scores_the_confirmed_figure_as_a_support_of_its_own() -> None:
    claim = numeric_claim(ARTICLE)
    signals = corroborate(claim, PASSAGE, PASSAGE, passage_start=0)
    hit = Hit(1, 0.9, "c", "docs/report.txt", "p1", PASSAGE, None, None, None, None, 0, len(PASSAGE))
    cards = cards_of("a1", [CheckedClaim(claim, (hit,), (signals,))])
    assert [(card.stance, ARTICLE[card.claim_start : card.claim_end]) for card in cards] == [
        ("conflicts", ARTICLE),
        ("supports", "90"),
    ]
    assert {card.source for card in cards} == {"report.txt"}
    assert cards[1].confident == signals.agreed_confident and signals.agreed_confidence > 0
