"""Readings of session 17, made after round20 was read (its held-out run is in its README). Each case is in fresh
words; those of a change failed before it, and the guards beside them held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.corroborate.table_units import in_cell_unit
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def _stance(claim: str, passage: str) -> Stance:
    return corroborate(numeric_claim(claim), passage, passage, passage_start=0).stance


def _read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(q.surface, q.value, q.unit) for q in find_quantities(text)]


def test_a_speaker_introduced_with_an_age_before_the_name_is_the_he_of_the_next_quote() -> None:
    # "One of them, 67-year-old Hugo Brackenbury, has walked dogs there ... "The noise never stops," he said." gave
    # the words to the vet named a paragraph earlier, and a source quoting Brackenbury verbatim became a conflict.
    article = (
        "The ward's head nurse, Dr Priya Lanchester, said beds were full.\n\n"
        "One of the porters, 58-year-old Dennis Oakhurst, has worked there since 1990. "
        '"The lifts break down every single week," he said.'
    )
    quotes = [c for c in extract_claims(Document.from_text(article, doc_id="a")) if c.kind is ClaimKind.QUOTE]
    assert [q.speaker for q in quotes] == ["Dennis Oakhurst"]


def test_money_put_in_over_a_span_meets_the_same_span_told_as_the_past_years() -> None:
    # "has spent £68 million over eight years" against "Over the past eight years we have invested £86 million":
    # "spent" and "invested" shared no event word and "the past eight years" dated only the source's figure, so the
    # two sums were two things and the agreeing "eight years" made a support of a contradicted sum.
    claim = "The water company says it has spent £45 million over six years renewing its pumping stations."
    assert _stance(claim, "Over the past six years we have invested £54 million in pumping stations.") is (
        Stance.CONFLICTS
    )
    assert _stance(claim, "Over the past six years we have invested £45 million in pumping stations.") is (
        Stance.SUPPORTS
    )
    # Another span is another time: no conflict on the sum.
    assert _stance(claim, "Over the past three years we have invested £54 million in pumping stations.") is not (
        Stance.CONFLICTS
    )


def test_a_price_said_as_pounds_and_pence_in_words_is_money() -> None:
    # "An adult session is seven pounds eighty." was read as seven pounds of weight, and eighty as a count.
    assert _read("A child's ticket is now four pounds sixty.") == [("four pounds sixty", 4.6, "GBP")]
    assert _read("It was six pounds twenty-five, I think.") == [("six pounds twenty-five", 6.25, "GBP")]
    # A weight stays a weight.
    assert _read("The lamb weighed seven pounds ten.")[0][2] == "lb"
    assert _stance("A swim now costs £5.40.", "A swim is five pounds ninety.") is Stance.CONFLICTS


def test_a_figure_whose_clause_is_the_figure_alone_is_read_with_its_sentence() -> None:
    # "So far this term, one point eight million pounds." (an answer in a transcript): the clause after the comma
    # is the figure alone, so it shared no word with the claim's "£2.8 million so far this term".
    claim = "The council has spent £3.4 million so far this year on temporary housing."
    assert _stance(claim, "So far this year, two point four million pounds.") is Stance.CONFLICTS


def test_a_temperature_written_minus_or_with_its_conversion_needs_no_weather_word() -> None:
    # "The ice is now kept at minus 5C (23F)": neither figure was read, for want of a word of weather nearby.
    assert _read("The ice is held at minus 4C (25F) now.") == [
        ("minus 4C", -4.0, "celsius"),
        ("25F", 25.0, "fahrenheit"),
    ]
    assert _read("The water is kept at 28C (82.4F).") == [("28C", 28.0, "celsius"), ("82.4F", 82.4, "fahrenheit")]
    assert _read("Route 13F was cut in 2024.") == []


def test_a_row_of_years_is_a_span_unless_it_is_an_age() -> None:
    # "| Average wait for a new applicant (years) | 3.8 | 4.5 |" was read bare, so "four and a half years" measured
    # something else.
    row = "| Average wait for a place (years) | 2.9 | 3.5 |"
    assert [(q.value, q.unit) for q in (in_cell_unit(row, q) for q in find_quantities(row))] == [
        (2.9, "year"),
        (3.5, "year"),
    ]
    aged = "| Median age of members (years) | 44.1 |"
    assert [q.unit for q in (in_cell_unit(aged, q) for q in find_quantities(aged))] == [None]


def test_an_increase_of_a_share_is_a_change() -> None:
    # "That is an increase of 18 percent on the same date last year." was read as a level ("of 18 percent"), so
    # "grows by almost a fifth" measured another kind of figure.
    claim = "Membership of the club rose by almost a fifth this year."
    passage = "Membership of the club shows an increase of 19 percent on last year."
    assert _stance(claim, passage) is Stance.SUPPORTS
    # A level after "of" stays a level.
    assert _stance(claim, "Membership of the club stands at a rate of 19 percent this year.") is not Stance.SUPPORTS


def test_those_who_replied_to_a_survey_are_its_whole() -> None:
    # "Of those who replied, 34 percent said ..." was a narrower group than the claim's "about one in three said".
    claim = "In the union's survey, about one in four tenants said damp had made them ill."
    assert _stance(claim, "Of those who replied, 26 percent said damp had made them ill.") is Stance.SUPPORTS
    # A group narrowed by what its members did stays narrower.
    narrowed = "Of tenants who had complained, 26 percent said damp had made them ill."
    assert _stance(claim, narrowed) is not Stance.SUPPORTS


def test_one_in_four_litres_is_a_share() -> None:
    # "about one in four litres it puts into its network" was read as one, then four litres.
    assert [(q.surface, q.value, q.unit, q.measured) for q in find_quantities("It loses one in five litres.")] == [
        ("one in five litres", 0.2, "fraction", "litres")
    ]


def test_a_table_s_heading_may_name_the_unit_of_its_bare_cells() -> None:
    # "## Table 2: Energy and money (£)" over "| Adult swim price | 4.80 | 4.80 | 5.30 |": the cells were bare numbers,
    # so "a single adult swim will rise from £4.80 to £5.50" had no money to compare with.
    document = (
        "## Table 3: Fees and income (£)\n\n| Item | Last year | This year |\n|---|---|---|\n"
        "| Junior membership | 42.00 | 45.50 |\n| Hall hire income | 18,200 | 19,400 |"
    )
    row = "| Junior membership | 42.00 | 45.50 |"
    claim = numeric_claim("Junior membership will rise from £42 to £47.50.")
    signal = corroborate(claim, row, document, passage_start=document.find(row))
    assert signal.stance is Stance.CONFLICTS, signal.reasons
    # A heading bracketing something other than a unit names none.
    noted = document.replace("(£)", "(draft)")
    quantities = find_quantities(row)
    context = noted[noted.find("| Item") :] + "\nin 3: Fees and income (draft)"
    assert [in_cell_unit(row, q, context).unit for q in quantities] == [None, None]


def test_a_month_compared_as_a_figure_keeps_its_clause_for_the_year_cues() -> None:
    # "The arena, which first opened in 1987 ..., closed in October 2025 after its plant failed twice in one season."
    # against "When the arena closed in October 2025, 51 people worked there.": the clause of "twice" was blanked
    # with the agreeing "October 2025" in it, so the claim's only year left was 1987, a conflict with 2025.
    claim = (
        "The library, which first opened in 1962 and is run by a trust, shut in March 2024 after its roof leaked "
        "twice in one winter."
    )
    assert _stance(claim, "When the library shut in March 2024, 14 people worked there.") is Stance.SUPPORTS
    # Another year for the same closing still conflicts.
    assert _stance(claim, "When the library shut in March 2023, 14 people worked there.") is not Stance.SUPPORTS


def test_a_count_over_the_past_weeks_is_the_count_to_now_of_a_claim_told_with_no_time() -> None:
    # "it had moved 2,400 fish from stretches of the beck" against "Over the past three weeks our teams have rescued
    # and moved 4,200 fish": the span dated only the source's figure, so the two counts were of two times.
    claim = "The charity said it had rehomed 1,300 hens from the closed farm."
    assert _stance(claim, "Over the past five weeks our volunteers have rehomed 3,100 hens from the farm.") is (
        Stance.CONFLICTS
    )
    # A year named on one side still dates it apart.
    assert _stance(claim, "In 2019 our volunteers rehomed 3,100 hens from the farm.") is not Stance.CONFLICTS


def test_the_dateline_and_a_span_over_days_date_no_figure_of_the_sentence() -> None:
    # "MARLSTONE, Feb. 26 - The orchestra will play 14 concerts in 12 towns over 19 days next month" against "Next
    # month we will play 14 concerts in 11 towns in 19 days": the dateline's February dated the claim's towns, and
    # "over 19 days" was read as the base of a change dated "next month", so 12 and 11 towns were of two times.
    claim = "BRELLING, Mar. 3 - The choir will sing 9 concerts in 7 cities over 12 days next month, its longest tour."
    passage = "Next month we will sing 9 concerts in 6 cities in 12 days."
    assert _stance(claim, passage) is Stance.CONFLICTS
    assert _stance(claim, "Next month we will sing 9 concerts in 7 cities in 12 days.") is Stance.SUPPORTS


def test_a_possessive_is_its_noun_among_the_event_words() -> None:
    # "the club's 280 members would lose 16 hours" against "The club has 240 members": "club's" and "club" were two
    # words, so the two counts of members shared nothing and were two things.
    claim = "Ada Fenwick said the club's 180 members would lose 12 hours of river time a month."
    assert _stance(claim, "The club has 150 members and is run by volunteers.") is Stance.CONFLICTS
    # Another body's members stay another count.
    assert _stance(claim, "The league has 150 members and is run by volunteers.") is not Stance.CONFLICTS


def test_all_of_a_group_is_the_whole_group() -> None:
    # "It covers all 640,000 of our customers" was a part of a group ("N of our ..."), so the claim's "covering
    # 590,000 customers" counted the whole and the two were two groups.
    claim = "The water company will impose a hosepipe ban on Friday, covering 310,000 customers."
    assert _stance(claim, "The ban covers all 350,000 of our customers across the region.") is Stance.CONFLICTS
    # A part of the customers stays a part.
    assert _stance(claim, "The ban covers 35,000 of our customers in the north.") is not Stance.CONFLICTS


def test_a_change_given_only_by_its_two_ends_is_worked_out() -> None:
    # "Vet bills went up 31 percent" against "| Vet bills | 314,000 | 412,000 |": the row gives the change only as
    # its two ends, and a fact-checker works it out (31.2 percent).
    claim = "The hospice's heating bills rose 22 percent last year."
    signal = corroborate(numeric_claim(claim), "| Heating bills | 41,000 | 50,000 |", None, passage_start=0)
    assert signal.stance is Stance.SUPPORTS, signal.reasons
    assert "a change of 22.0 percent (41,000 to 50,000)" in signal.reasons[0]
    # A fall told as a fall, worked out in running text.
    fall = "The council grant falls by 20 percent."
    assert _stance(fall, "The council grant goes down from 50,000 to 40,000 next year.") is Stance.SUPPORTS
    # Two ends that make another change are no evidence either way (the claim may measure other years).
    assert _stance(claim, "| Heating bills | 41,000 | 45,000 |") is Stance.RELATED
    # Nor a rise where the claim tells a fall, nor a row whose label and figures the claim does not name.
    assert _stance(fall, "The council grant goes up from 40,000 to 50,000 next year.") is not Stance.SUPPORTS
    assert _stance(claim, "| Staff costs | 41,000 | 50,000 |") is Stance.RELATED
    # A fall told elsewhere in the sentence is not the change's own direction.
    rose = "The hospice's heating bills rose 22 percent last year, although the number of patients it cared for fell."
    assert _stance(rose, "| Heating bills | 41,000 | 50,000 |") is Stance.SUPPORTS
