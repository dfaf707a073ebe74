"""Readings of session 38 made on round55's list of wrong and missed cards (its README, step 4), in fresh words:
each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.deep_candidates import deep_candidate_test
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim

EXPECTED = numeric_claim(
    "Ten days ago the club had expected about 70 crews and more than 1,800 spectators, and the new pontoon had been "
    "priced at £90,000."
)


def test_what_came_to_pass_neither_supports_nor_contradicts_an_expectation_told_before() -> None:
    # the counts of the day are not evidence of what was expected beforehand, close or not
    held = corroborate(EXPECTED, "On the day we had 73 crews on the water and 1,950 people along the banks.")
    assert held.stance is Stance.RELATED, held.reasons
    assert corroborate(EXPECTED, "Last year's regatta drew 70 crews.").stance is Stance.RELATED
    said = numeric_claim("Earlier this month, the society had said it expected about 4,000 visitors.")
    assert corroborate(said, "| Visitors | 3,650 | 4,120 |").stance is Stance.RELATED


def test_an_expectation_told_before_is_still_met_by_the_expectation_itself() -> None:
    earlier = "The Haverleigh Rowing Club expects about 70 crews and more than 1,800 spectators at its regatta."
    held = corroborate(EXPECTED, earlier)
    assert held.stance is Stance.SUPPORTS, held.reasons


def test_a_figure_joined_after_an_expectation_by_a_verb_of_its_own_is_what_happened() -> None:
    # "had expected 2,000 spectators and had received about 280 entries": the entries are a count, not a hope
    claim = numeric_claim(
        "Three weeks before the event, the union had expected up to 2,000 spectators and had received about 280 "
        "entries."
    )
    held = corroborate(claim, "By Friday about 280 players had registered for the tournament.")
    assert held.stance is Stance.SUPPORTS, held.reasons
    # so is one told after "but"
    storm = numeric_claim("Forecasters had expected rain by noon, but the front stalled about 90 km offshore.")
    assert corroborate(storm, "The front sat about 90 kilometres offshore all day.").stance is Stance.SUPPORTS


def test_a_bare_spoken_amount_after_a_payment_or_beside_pounds_is_in_pounds() -> None:
    # a transcript's "paid thirty thousand" and "up from twenty-four thousand" beside "thirty-six thousand pounds"
    paid = numeric_claim("The survey cost £52,000, of which the county council paid £30,000.")
    spoken = "ODELL: The county council paid thirty thousand and the wildlife trust paid twenty-two thousand."
    held = corroborate(paid, spoken)
    assert held.stance is Stance.SUPPORTS, held.reasons
    grant = numeric_claim("The league will get a council grant of £36,000 next season, up from £24,000 this season.")
    told = "the recommendation is a grant of thirty-six thousand pounds for next season, up from twenty-four thousand"
    held = corroborate(grant, told)
    assert held.stance is Stance.SUPPORTS, held.reasons
    assert not any("cannot be compared" in reason for reason in held.reasons), held.reasons


def test_a_spoken_count_of_people_stays_a_count_beside_money() -> None:
    claim = numeric_claim("The fair raised £30,000 for the lifeboat station.")
    passage = "ODELL: Thirty thousand people came through the gates, and every one of them paid to get in."
    assert corroborate(claim, passage).stance is not Stance.SUPPORTS
    # even in a sentence that names pounds
    priced = "ODELL: Thirty thousand people came through the gates and paid twelve pounds each."
    assert corroborate(claim, priced).stance is not Stance.SUPPORTS


def test_a_time_told_in_words_deep_in_the_list_is_compared_like_one_in_figures() -> None:
    # the cheap test for deep candidates read "half past eleven" as no figure, so a support that stands alone was
    # never compared
    claim = numeric_claim("Heats began at 11.30 a.m. and the final ended at 4.15 p.m., nearly five hours of racing.")
    spoken = "MARLOW: We got going at half past eleven and the last boat crossed the line at quarter past four."
    held = corroborate(claim, spoken)
    assert held.stance is Stance.SUPPORTS and stands_alone(held, spoken, None, claim.sentence), held.reasons
    assert deep_candidate_test(claim)(spoken, None)
    # a passage with neither time, nor any figure of the claim, is still passed over
    assert not deep_candidate_test(claim)("MARLOW: We got going at half past nine and stopped for lunch at one.", None)


FIGURES = """# Regatta figures

| Item | 2025 | 2026 |
|---|---|---|
| Clubs taking part | 31 | 34 |
| Crews | 180 | 212 |
"""


def test_where_a_count_comes_from_is_no_base_of_a_change() -> None:
    # "212 rowers from 31 clubs": the 31 is this year's count of clubs, read in this year's column, not a change's
    # base read in any column
    row = "| Clubs taking part | 31 | 34 |"
    claim = numeric_claim(
        "The regatta drew 4,100 visitors this month, up from 3,600 last year, as 212 crews from 31 clubs raced."
    )
    held = corroborate(claim, row, FIGURES, None, FIGURES.find(row))
    assert held.stance is Stance.CONFLICTS, held.reasons
    headline = numeric_claim("Regatta draws 4,100 as crews travel from 31 clubs")
    assert corroborate(headline, row, FIGURES, None, FIGURES.find(row)).stance is Stance.CONFLICTS
    # a change's base told with "from" is still read in no column
    grown = numeric_claim("The number of crews rose to 212 from 180.")
    crews = "| Crews | 180 | 212 |"
    assert corroborate(grown, crews, FIGURES, None, FIGURES.find(crews)).stance is Stance.SUPPORTS


def test_a_count_under_the_age_of_a_bound_is_a_part_of_the_field() -> None:
    claim = numeric_claim("The club now has 38 rowers under the age of 16, the most in its history.")
    held = corroborate(claim, "We had 96 rowers from 16 clubs on the water this weekend.")
    assert held.stance is not Stance.CONFLICTS, held.reasons
    # the same bound told on both sides is still compared
    same = corroborate(claim, "The club has 41 rowers under the age of 16 on its books.")
    assert same.stance is Stance.CONFLICTS, same.reasons


def test_the_same_time_phrase_after_two_times_of_day_does_not_make_them_one_event() -> None:
    # "full by 11 a.m. on both days" and "Gates closed at 18:00 on both days": two events of each day
    claim = numeric_claim("The club said parking on the east meadow had been full by 11 a.m. on both days.")
    passage = "Gates closed at 18:00 on both days, and the showground was cleared by Monday morning."
    held = corroborate(claim, passage)
    assert held.stance is not Stance.CONFLICTS, held.reasons
    # the same event told of both days is still compared
    parked = corroborate(claim, "Parking on the east meadow was full by 10 a.m. on both days, stewards said.")
    assert parked.stance is Stance.CONFLICTS, parked.reasons


def test_the_charity_a_passage_names_by_its_kind_is_the_one_the_claim_names() -> None:
    # "for the charity" refers back to a charity named before; it is no other beneficiary than "for Hollin Hospice"
    claim = numeric_claim("The duck race raised £9,400 for Hollin Hospice.")
    held = corroborate(claim, "Volunteers said the duck race had raised £7,900 for the charity.")
    assert held.stance is Stance.CONFLICTS, held.reasons
    # a beneficiary told by more than its kind is still another one
    other = corroborate(claim, "Volunteers said the duck race had raised £7,900 for the village school.")
    assert other.stance is not Stance.CONFLICTS, other.reasons


def test_goods_supplied_are_the_goods_sent() -> None:
    claim = numeric_claim("Hobb Farm supplied 7,300 pumpkins, worth nearly £2,200, free of charge.")
    passage = "MARROW: We sent three thousand seven hundred pumpkins, worth about two thousand two hundred pounds."
    held = corroborate(claim, passage)
    assert held.stance is Stance.CONFLICTS, held.reasons


def test_what_the_winner_takes_home_is_the_first_prize() -> None:
    claim = numeric_claim("Baker Ottoline Vesk took the £640 first prize after the three judges gave her rye loaf 46.")
    held = corroborate(claim, "Our winner goes home with four hundred and sixty pounds, courtesy of the mill.")
    assert held.stance is Stance.CONFLICTS, held.reasons


def test_a_cap_under_consideration_is_a_limit_not_a_count() -> None:
    claim = numeric_claim(
        "The club said it was also considering a cap on entries, possibly at 180 crews, so that heats end in daylight."
    )
    held = corroborate(claim, "| Total crews | 120 | 146 | 171 |")
    assert held.stance is not Stance.CONFLICTS, held.reasons
