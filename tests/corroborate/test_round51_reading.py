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
    # nor a row whose label the noun does not head, or a part's row
    for label in ("Complaints about swimmers", "Junior and masters swimmers (included above)"):
        part = corroborate(claim, f"| {label} | 31 | 48 |")
        assert not (part.stance is Stance.SUPPORTS and part.confident), (label, part.reasons)


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
    # words before a count that tell no doing ("dogs from 112 breeds") pick no row
    breeds = (
        "| Measure | 2025 | 2026 |\n|---|---|---|\n| Dogs entered | 1,510 | 1,648 |\n| Breeds entered | 108 | 112 |"
    )
    entered = corroborate(
        numeric_claim("A record 1,648 dogs from 112 breeds were shown."), "| Breeds entered | 108 | 112 |", breeds
    )
    assert entered.stance is Stance.SUPPORTS, entered.reasons
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


def test_a_non_word_before_the_noun_counts_a_narrower_group() -> None:
    claim = numeric_claim("Surveyors logged 186 species of moth across the reserve this summer.")
    narrower = corroborate(claim, "This year's surveyors found 14 non-native species on the reserve.")
    assert narrower.stance is not Stance.CONFLICTS, narrower.reasons
    same = corroborate(claim, "This year's surveyors found 172 species on the reserve.")
    assert same.stance is Stance.CONFLICTS, same.reasons
    both = numeric_claim("Surveyors logged 16 non-native species on the reserve this summer.")
    told = corroborate(both, "This year's surveyors found 14 non-native species on the reserve.")
    assert told.stance is Stance.CONFLICTS, told.reasons


def test_a_total_row_counts_the_noun_its_tables_heading_opens_with() -> None:
    document = (
        "# Lido figures\n\n## Table 2. Swimmers by session\n\n| Session | 2025 | 2026 |\n|---|---|---|\n"
        "| Dawn | 640 | 720 |\n| Noon | 910 | 1,040 |\n| Total | 1,550 | 1,760 |\n\n## Table 3. Lido at a glance\n\n"
        "| Measure | 2025 | 2026 |\n|---|---|---|\n| Lifeguards | 14 | 16 |\n| Total | 1,550 | 1,760 |\n"
    )
    claim = numeric_claim("Nearly 1,800 swimmers braved the water over the winter, the club said.")
    tied = corroborate(claim, "| Total | 1,550 | 1,760 |", document)
    assert tied.stance is Stance.SUPPORTS and tied.confident, (tied.confidence, tied.reasons)
    # an earlier year's cell of the row is no figure of now
    hoped = corroborate(
        numeric_claim("The club had hoped for about 1,550 swimmers."), "| Total | 1,550 | 1,760 |", document
    )
    assert not hoped.confident, hoped.reasons
    # a heading opening with no plural noun ties nothing
    untitled = document.split("## Table 3.")[1]
    loose = corroborate(claim, "| Total | 1,550 | 1,760 |", "## Table 3." + untitled)
    assert not loose.confident, loose.reasons


def test_a_heading_in_thousands_of_pounds_scales_its_tables_cells() -> None:
    document = (
        "# Lido accounts\n\n## Table 2. Money, winter season (£000)\n\n| Item | Budget | Actual |\n|---|---|---|\n"
        "| Ticket income | 410 | 465 |\n| Heating costs | 220 | 255 |\n"
    )
    claim = numeric_claim("Ticket income came to £465,000 over the winter, the trust said.")
    scaled = corroborate(claim, "| Ticket income | 410 | 465 |", document)
    assert scaled.stance is Stance.SUPPORTS, scaled.reasons
    wrong = corroborate(
        numeric_claim("Ticket income came to £485,000 over the winter."), "| Ticket income | 410 | 465 |", document
    )
    assert wrong.stance is Stance.CONFLICTS, wrong.reasons


def test_the_county_is_a_place_not_a_count() -> None:
    claim = numeric_claim("It was the first sighting in the county for 12 years, and hundreds of walkers came to look.")
    other = corroborate(claim, "I have been ringing birds in this county for thirty years.")
    assert other.stance is not Stance.CONFLICTS, other.reasons
    same = corroborate(claim, "It was the first sighting in the county for 14 years.")
    assert same.stance is Stance.CONFLICTS, same.reasons


def test_a_year_naming_which_season_is_the_season_a_claim_tells_without_one() -> None:
    claim = numeric_claim("The town council backed the season with a grant of £38,000, the club said.")
    told = corroborate(claim, "The council supported the 2026 season of the lido club with a grant of £83,000.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    same = corroborate(claim, "The council supported the 2026 season of the lido club with a grant of £38,000.")
    assert same.stance is Stance.SUPPORTS, same.reasons
    # a claim dated otherwise stays apart
    last = numeric_claim("Last season the town council gave the club a grant of £38,000.")
    apart = corroborate(last, "The council supported the 2026 season of the lido club with a grant of £83,000.")
    assert apart.stance is not Stance.CONFLICTS, apart.reasons


def test_a_provisional_total_in_another_order_of_digits_is_a_slip_not_an_earlier_count() -> None:
    claim = numeric_claim("On Saturday the swim raised £27,400 for the lifeboat station, organisers said.")
    slip = corroborate(claim, "The provisional total is £24,700, and it will go to the lifeboat station.")
    assert slip.stance is Stance.CONFLICTS, slip.reasons
    earlier = corroborate(claim, "The provisional total is £25,100, and it will go to the lifeboat station.")
    assert earlier.stance is not Stance.CONFLICTS, earlier.reasons


def test_a_year_a_plan_is_measured_against_does_not_date_its_days() -> None:
    claim = numeric_claim("Next year's festival will run from June 4 to June 14, organisers said.")
    plan = corroborate(claim, "We will run from 4 to 14 June, one day longer than this year.")
    assert plan.stance is Stance.SUPPORTS, plan.reasons


def test_a_change_worked_out_from_the_row_of_a_rare_figure_lets_it_stand_alone() -> None:
    from factcheck.corroborate.confidence import stands_alone

    claim = numeric_claim("Entries were nearly a third higher than last year's 1,860, organisers said.")
    row = "| Entries | 1,510 | 1,860 | 2,430 |"
    signals = corroborate(claim, row)
    assert signals.stance is Stance.SUPPORTS and stands_alone(signals, row), signals.reasons


def test_a_conflict_beside_a_rare_figure_given_exactly_stands_alone() -> None:
    from factcheck.corroborate.confidence import stands_alone

    claim = numeric_claim("The gala began at 6.15 p.m. and ran past the pool's 9.30 p.m. closing time.")
    passage = "The first race started at 18:15, and we were still racing at the 21:00 closing time."
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.CONFLICTS and stands_alone(signals, passage), signals.reasons
    # a conflict with nothing given exactly still needs a passage ranked near the top
    alone = corroborate(claim, "We were still racing at the 21:00 closing time.")
    assert alone.stance is Stance.CONFLICTS and not stands_alone(alone, "x"), alone.reasons


def test_a_table_rows_agreeing_cell_does_not_let_a_conflict_stand_alone() -> None:
    from factcheck.corroborate.confidence import stands_alone

    claim = numeric_claim("More than 52,000 books were donated, and 23,750 of them were sold.")
    row = "| Books sold | 19,100 | 20,600 | 23,750 |"
    signals = corroborate(claim, row)
    assert not (signals.stance is Stance.CONFLICTS and stands_alone(signals, row)), signals.reasons
