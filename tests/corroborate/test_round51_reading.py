"""Readings of session 34 made on round51's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import QuoteStatus, Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim, quote_claim


def test_one_of_the_best_quoted_as_the_best_is_altered() -> None:
    claim = quote_claim('The show was "the finest we have ever staged", said chair Morwenna Tallisbrook.')
    signals = corroborate(claim, "TALLISBROOK: It was one of the finest we have ever staged, and I thank you all.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert signals.quote is not None and signals.quote.status is QuoteStatus.ALTERED
    assert "one of" in " ".join(signals.reasons)
    among = corroborate(claim, "TALLISBROOK: This was among the finest we have ever staged.")
    assert among.stance is Stance.CONFLICTS, among.reasons
    # the words with nothing cut before them are still the quote
    same = corroborate(claim, "TALLISBROOK: Honestly, the finest we have ever staged, and I thank you all.")
    assert same.stance is Stance.SUPPORTS, same.reasons
    # a quote that already says "one of" is verbatim
    whole = quote_claim('The show was "one of the finest we have ever staged", said chair Morwenna Tallisbrook.')
    kept = corroborate(whole, "TALLISBROOK: It was one of the finest we have ever staged, and I thank you all.")
    assert kept.stance is Stance.SUPPORTS, kept.reasons


def test_a_hedged_simple_fraction_reaches_the_share_news_rounds_to_it() -> None:
    claim = numeric_claim("Fuel made up nearly a third of the lido's running costs, the trust said.")
    near = corroborate(claim, "Fuel accounted for 30 percent of the lido's running costs.")
    assert near.stance is Stance.SUPPORTS, near.reasons
    fifth = numeric_claim("Hedgehog sightings in gardens were down almost a fifth on 2022, the survey found.")
    told = corroborate(fifth, "Garden sightings of hedgehogs were 18 percent lower than in 2022.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    # a share further off still disagrees
    far = corroborate(claim, "Fuel accounted for 26 percent of the lido's running costs.")
    assert far.stance is Stance.CONFLICTS, far.reasons


def test_a_row_naming_the_claims_noun_ties_an_exact_count_from_deep_in_the_list() -> None:
    claim = numeric_claim("The club has grown to 48 swimmers and nine coaches since it was founded.")
    row = corroborate(claim, "| Registered swimmers | 31 | 48 |")
    assert row.stance is Stance.SUPPORTS and row.confident, (row.stance, row.confidence, row.reasons)
    # a row of another noun with the same value stays untied
    other = corroborate(claim, "| Lockers rented | 31 | 48 |")
    assert not (other.stance is Stance.SUPPORTS and other.confident), other.reasons


def test_a_row_labelled_with_another_doing_is_not_the_count_the_claims_verb_tells() -> None:
    claim = numeric_claim("Stewards turned away 14 cars that arrived without passes on the opening morning.")
    table = (
        "| Measure | 2025 | 2026 |\n|---|---|---|\n| Cars parked | 820 | 960 |\n"
        "| Cars turned away by stewards | 9 | 17 |\n| Cars towed without passes | 6 | 14 |"
    )
    towed = corroborate(claim, "| Cars towed without passes | 6 | 14 |", table)
    assert towed.stance is not Stance.SUPPORTS, towed.reasons
    # the row the verb names is the claim's row
    turned = corroborate(claim, "| Cars turned away by stewards | 9 | 17 |", table)
    assert turned.stance is not Stance.SUPPORTS, turned.reasons
    same = corroborate(
        numeric_claim("Stewards towed 14 cars that arrived without passes."),
        "| Cars towed without passes | 6 | 14 |",
        table,
    )
    assert same.stance is Stance.SUPPORTS, same.reasons


def test_next_years_days_are_not_this_years() -> None:
    claim = numeric_claim("Next year's gala will be held on July 10 and 11, 2027, the committee said.")
    this_year = corroborate(claim, "Thank you to all who came to this year's gala on 11 and 12 July.")
    assert this_year.stance is Stance.RELATED, this_year.reasons
    done = numeric_claim("About 2,400 swimmers took part in the gala on July 11 and 12, organisers said.")
    ahead = corroborate(done, "Next year's gala will be held on 10 and 11 July 2027.")
    assert ahead.stance is Stance.RELATED, ahead.reasons
    # next year's days told alike still agree, and so do this year's
    told = corroborate(claim, "Next year's gala will be held on 10 and 11 July 2027.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    now = corroborate(done, "Thank you to all who came to this year's gala on 11 and 12 July.")
    assert now.stance is Stance.SUPPORTS, now.reasons
