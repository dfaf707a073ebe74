"""Readings of session 22 made on round30 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract.figures.quantities import find_quantities
from tests.helpers import against_row, numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def test_an_age_range_is_ages_not_a_count() -> None:
    (ages,) = [q for q in find_quantities("Members ranged in age from 11 to 74 last year.") if q.low is not None]
    assert (ages.unit, ages.low, ages.high) == ("year", 11.0, 74.0)
    claim = "Members ranged in age from 11 to 74, and gave more than 9,000 hours of their time."
    assert _signals(claim, "| Members | 150 | 210 | 290 |").stance is not Stance.CONFLICTS
    # a range of members is still a count
    (members,) = find_quantities("between 40 and 60 members")
    assert members.unit is None
    # a row labelled with an age range reads its cell as ages too
    claim = "Guests at the shelter were aged from 19 to 68."
    assert against_row(claim, "| Age range of guests | 19 to 68 |\n", "| Age").stance is Stance.SUPPORTS
    average = "The wardens' average age is 61."
    assert against_row(average, "| Average age (years) | 61 |\n", "| Average").stance is Stance.SUPPORTS


def test_a_limit_is_compared_at_its_own_precision() -> None:
    claim = "Each boat will be allowed to land up to 400 kg of fish a day at first."
    rule = (
        "To protect the stocks, the regulator has set a limit of 350 kg of fish per boat per day for the first season."
    )
    signals = _signals(claim, rule)
    assert signals.stance is Stance.CONFLICTS
    # the same limit still supports
    assert (
        _signals(claim, "The regulator has set a limit of 400 kg of fish per boat per day.").stance is Stance.SUPPORTS
    )


def test_giving_up_is_no_rise() -> None:
    claim = "The club said it had lost nine players over the winter."
    assert _signals(claim, "Nine of our players gave up over the winter, and few will return.").stance is (
        Stance.SUPPORTS
    )
    # a rise against a fall still conflicts
    assert _signals("Prices went up by 9 percent.", "Prices fell by 9 percent.").stance is Stance.CONFLICTS


_RATINGS = (
    "In all, 18 cafes were rated five, the best score, and 31 of the 52 cafes were rated four or five. "
    "Six cafes were rated two or below."
)


def test_a_rating_beside_a_count_is_the_counted_group_not_a_figure() -> None:
    claim = "Twenty-two cafes earned the top rating of five, and 14 were rated four."
    first, second = _RATINGS.split(". ")
    assert _signals(claim, first + ".").stance is Stance.CONFLICTS  # 18 cafes rated five, not 22
    assert _signals(claim, second).stance is Stance.RELATED  # the cafes rated two or below are another group
    again = "Inspectors will go back to every cafe rated two or below within four months."
    assert _signals(again, "Six of the 52 cafes were rated two or below.").stance is Stance.RELATED
    # a share of the group rated so meets the source's part of the whole; a group rated otherwise is another group
    share = "About one in five were rated two or below, meaning major improvement is needed."
    assert _signals(share, "Eleven of the 52 cafes were rated two or below.").stance is Stance.SUPPORTS
    assert _signals(share, "One of them was the cafe rated zero.").stance is Stance.RELATED
    # the rating of one named place is still its figure
    one = "The Harbour Cafe was rated two by the inspectors in May."
    assert _signals(one, "The Harbour Cafe was rated four by the inspectors in May.").stance is Stance.CONFLICTS


def test_a_row_of_a_breakdown_by_area_is_a_part() -> None:
    table = "| Cafes | 2026 |\n|---|---|\n| Cafes by area: riverside | 25 |\n| Cafes by area: old town | 27 |\n"
    claim = "The council inspected all 52 cafes in the borough over eight weeks."
    assert against_row(claim, table, "| Cafes by area: riverside").stance is Stance.RELATED
    # a claim about the riverside still meets its row
    riverside = "Of the 52 cafes, 19 are on the riverside."
    assert against_row(riverside, table, "| Cafes by area: riverside").stance is Stance.CONFLICTS


def test_a_recommended_minimum_is_not_met_by_a_count_above_it() -> None:
    claim = "The agency recommends that towns keep a reserve of at least 2,000 filled bags during the winter."
    assert _signals(claim, "| Bags handed out in the winter | 2,600 | 3,100 |").stance is not Stance.SUPPORTS
    # the guidance itself still supports
    guidance = "We recommend that towns keep a reserve of at least 2,000 filled bags throughout the winter."
    assert _signals(claim, guidance).stance is Stance.SUPPORTS
    # a minimum the source tells as one is the same rule, whatever words it is told in
    assert _signals(claim, "Towns need to keep at least 2,000 filled bags in winter.").stance is Stance.SUPPORTS
    # a stock told roughly is a count, not the advice
    assert _signals(claim, "The town had about 3,000 filled bags in stock.").stance is not Stance.SUPPORTS
    age = "Carers must be at least 21 to apply."
    assert _signals(age, "You need to be 21 or over and have a spare room.").stance is not Stance.RELATED
    # an actual count told with "at least" is still met by a larger count
    assert _signals("At least 2,000 bags were handed out.", "The ward handed out 2,300 bags.").stance is (
        Stance.SUPPORTS
    )


def test_the_start_of_another_change_is_not_compared_with_the_claims_start() -> None:
    claim = "The evening rate rises from £4 to £5, and children will pay £1.50 an hour."
    plan = "The plan sets a daytime rate of £8 an hour from 1 May, up from £5.50, and an evening rate of £5."
    assert _signals(claim, plan).stance is Stance.SUPPORTS
    # the same start still conflicts when the ends agree
    other = "The evening rate rises from £4.50 to £5 an hour."
    assert _signals(claim, other).stance is Stance.CONFLICTS


def test_a_future_rate_is_not_the_start_of_the_change_to_it() -> None:
    claim = "From May, children will pay £1.50 an hour."
    change = "The child rate is going up from £1.50 to £2.20 an hour."
    assert _signals(claim, change).stance is Stance.CONFLICTS
    table = "| Charge | 2025-26 | 2026-27 |\n|---|---|---|\n| Child, any time (per hour) | £1.50 | £2.20 |\n"
    assert against_row(claim, table, "| Child, any time").stance is Stance.CONFLICTS
    # a row's later cells are a later time only in a price row of two cells; other rows hold parts and totals
    shops = "The chain will close 38 of its 142 shops by the spring."
    totals = "| Shops | Open now | Closing | Staying |\n|---|---|---|---|\n| All shops | 142 | 38 | 104 |\n"
    assert against_row(shops, totals, "| All shops").stance is Stance.SUPPORTS
    # today's rate told as today's still agrees with the start
    assert _signals("Children pay £1.50 an hour at present.", change).stance is Stance.SUPPORTS


def test_a_share_restated_as_a_fraction_meets_the_same_cell() -> None:
    claim = "A poll of 800 residents taken after the opening found that 64 percent approved of it, nearly two thirds."
    table = "| Response | March | June |\n|---|---|---|\n| Approve | 51% | 64% |\n"
    start = table.index("|---")
    passage = table[start : table.index("\n", table.index("| Approve"))]
    signals = corroborate(numeric_claim(claim), passage, table, passage_start=start)
    assert signals.stance is Stance.SUPPORTS


def test_the_rise_of_another_rate_is_another_figure() -> None:
    claim = "From May, adults will pay £8 an hour at busy times, up from £6, a rise of 33 percent."
    child = "The child rate is going up from £1.50 to £2.20 an hour, a rise of 47 percent."
    signals = _signals(claim, child)
    assert signals.stance is Stance.RELATED
    assert any("share no value" in reason for reason in signals.reasons)
    # the same rate told with another end still conflicts
    assert _signals(claim, "Adults will pay £8.50 an hour at busy times from May, up from £6.").stance is (
        Stance.CONFLICTS
    )
