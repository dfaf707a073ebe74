"""Readings of session 24 made on round33 and round34 after their held-out runs and blind adjudications (their
READMEs, step 4), in fresh words: each failed before its change, and the guards beside it held before and still
hold."""

from __future__ import annotations

from factcheck.corroborate.figure_ties import bound_of_one
from factcheck.corroborate.number_rules import to_figures
from factcheck.corroborate.signals import SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from factcheck.extract.figures import find_quantities
from tests.helpers import against_row, numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def _quote_claim(article: str):
    (claim,) = [c for c in extract_claims(Document.from_text(article, doc_id="a")) if c.kind is ClaimKind.QUOTE]
    return claim


def test_a_day_of_the_month_ending_in_zero_is_not_rounded() -> None:
    claim = "The pool's last public swim will be on Saturday, March 20, before the works."
    assert _signals(claim, "The pool will shut for ten weeks from 21 March.").stance is not Stance.SUPPORTS
    assert _signals(claim, "The last public swim is set for 20 March.").stance is Stance.SUPPORTS
    assert _signals(claim, "The last public swim is set for 23 March.").stance is not Stance.SUPPORTS


_MINUTES = (
    "Present: Cllr Odile Fenwarth (chair), Mr Petros Lanyon (officer).\n\n"
    "Lanyon: The figures are in the pack.\n\n"
    "Chair: We have heard every side of this tonight and the village deserves a clear answer.\n\n"
)


def test_a_turn_labelled_with_a_role_alone_is_the_speaker_the_article_gives_that_role() -> None:
    claim = _quote_claim(
        '"We have heard every side of this tonight and the village deserves a clear answer," said Odile '
        "Fenwarth, who chairs the parish council."
    )
    signals = corroborate(claim, _MINUTES)
    assert signals.quote is not None and signals.quote.speaker is SpeakerStatus.SAME
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    # the same words given to someone the sentence gives no such role stay another speaker's
    other = _quote_claim(
        '"We have heard every side of this tonight and the village deserves a clear answer," said Petros Lanyon.'
    )
    assert corroborate(other, _MINUTES).stance is Stance.CONFLICTS


def test_a_year_a_figure_is_set_against_or_a_run_began_in_does_not_date_it() -> None:
    claim = "Oyster landings fell 12 percent to 96 tonnes this year, the lowest since the survey began in 2011."
    passage = "Landings of oysters fell to 96 tonnes this year, 12 percent lower than in 2025."
    assert _signals(claim, passage).stance is Stance.SUPPORTS
    # a year that is the figure's own still differs
    dated = "Landings of oysters fell to 96 tonnes in 2019, 12 percent lower than the year before."
    assert _signals("Oyster landings fell 12 percent to 96 tonnes in 2024.", dated).stance is not Stance.SUPPORTS


def test_an_age_bound_of_a_group_is_an_age_not_a_count() -> None:
    (age,) = [q for q in find_quantities("Half the swims were booked by children under 16.") if q.surface == "16"]
    assert age.unit == "year"
    crowd = [q for q in find_quantities("Crowds over 600 came each night.") if q.surface == "600"]
    assert crowd and crowd[0].unit is None
    table = "| Item | 2025 | 2026 |\n|---|---|---|\n| Clubs using the pool | 23 | 27 |\n"
    claim = "Half the lanes were booked by swimmers under 16, and 27 clubs use the pool."
    assert against_row(claim, table, "| Clubs").stance is Stance.SUPPORTS


def test_at_least_one_of_something_beside_a_count_is_who_is_counted() -> None:
    claim = "About 4,100 people borrowed at least one book from the library last year."
    definition = "Notes: a borrower is anyone who borrowed at least one book in the year."
    assert _signals(claim, definition).stance is Stance.RELATED
    assert _signals(claim, "Some 4,100 people borrowed books last year.").stance is Stance.SUPPORTS
    # alone in its sentence, "at least one" is the figure told
    (alone,) = to_figures(find_quantities("At least one bridge was closed."), "At least one bridge was closed.")
    assert not bound_of_one(alone, [alone])


def test_a_word_of_a_rows_name_inside_another_name_does_not_name_the_row() -> None:
    table = "| Source | £ |\n|---|---|\n| Marine Heritage Fund | 410,000 |\n"
    claim = "The Dunmarrow Marine Forum heard that the project will cost £1.2 million."
    assert against_row(claim, table, "| Marine").stance is not Stance.CONFLICTS
    named = "The Marine Heritage Fund gave £1.2 million to the project."
    assert against_row(named, table, "| Marine").stance is Stance.CONFLICTS


def test_the_largest_single_item_of_a_budget_is_a_part_of_its_total() -> None:
    claim = "Fireworks were the largest single cost at £42,000."
    assert _signals(claim, "The festival cost £97,000 to put on this year.").stance is not Stance.CONFLICTS
    assert _signals(claim, "Fireworks cost the festival £24,000.").stance is Stance.CONFLICTS
    assert _signals(claim, "The fireworks display cost £42,000.").stance is Stance.SUPPORTS


def test_a_period_a_count_is_told_within_is_not_its_news() -> None:
    claim = "Officers said four of the county's 9 libraries would close within 10 years."
    assert _signals(claim, "We will plant 2,000 trees in the first ten years.").stance is not Stance.SUPPORTS
    assert _signals(claim, "Four of the nine libraries will close within ten years.").stance is Stance.SUPPORTS


def test_a_row_named_for_a_place_the_claim_does_not_name_is_that_places() -> None:
    table = "| District | 2024 | 2025 |\n|---|---|---|\n| Pellow Heath | 410 | 530 |\n| Garrow Vale | 380 | 290 |\n"
    claim = "Tressick Moor, once the quietest district, recorded 530 sightings this year."
    assert against_row(claim, table, "| Pellow").stance is not Stance.SUPPORTS
    named = "Pellow Heath recorded 530 sightings this year."
    assert against_row(named, table, "| Pellow").stance is Stance.SUPPORTS
    assert against_row(named.replace("530", "350"), table, "| Pellow").stance is Stance.CONFLICTS


def test_a_news_release_line_with_its_date_is_the_day_it_was_issued() -> None:
    claim = "The scheme, which began in March 2024, now reaches two in five of the county's libraries."
    passage = "News release, 2 October 2026\n\nThe scheme now runs in 40 percent of the county's libraries."
    assert _signals(claim, passage).stance is Stance.SUPPORTS


def test_entries_count_whatever_was_entered() -> None:
    passage = "The show has confirmed a record entry of 412 rabbits for this year's competition."
    assert _signals("The show drew a record 412 entries.", passage).stance is Stance.SUPPORTS
    # as "people" stands for another noun, "entries" does only for the value written the same: another value may
    # count something else the show had ("a record 124 handlers")
    assert _signals("The show drew a record 421 entries.", passage).stance is Stance.RELATED
    handlers = "This year's trials have attracted 124 handlers, a record number."
    assert _signals("The trials drew a record 318 entries.", handlers).stance is Stance.RELATED
    # two nouns of things still count two things
    assert _signals("The show drew 412 visitors.", passage).stance is not Stance.SUPPORTS


def test_a_verb_after_and_is_not_a_second_group_counted_in() -> None:
    passage = "The club now has 61 members and holds races on the first Sunday of every month."
    assert _signals("The club now has 58 members on its books.", passage).stance is Stance.CONFLICTS
    assert _signals("The club now has 61 members on its books.", passage).stance is Stance.SUPPORTS


_SHOW = (
    "# Show figures\n\n| Class | Dogs | Handlers | Share (%) |\n|---|---|---|---|\n"
    "| Home county | 150 | 60 | 55 |\n| All | 272 | 113 | 100 |\n"
)


def test_a_column_header_noun_says_what_a_total_rows_cells_count() -> None:
    assert against_row("The dogs came with 131 handlers.", _SHOW, "| All").stance is Stance.CONFLICTS
    assert against_row("The dogs came with 113 handlers.", _SHOW, "| All").stance is Stance.SUPPORTS
    # a part's row is not the claim's whole
    assert against_row("The dogs came with 131 handlers.", _SHOW, "| Home").stance is not Stance.CONFLICTS


def test_a_small_share_in_a_row_labelled_as_a_percentage_is_not_a_small_count() -> None:
    table = "| Measure | 2019 | 2026 |\n|---|---|---|\n| Berried hens returned (% of lobsters measured) | 4 | 7 |\n"
    claim = "Berried hens made up 7 percent of the lobsters measured, up from 4 percent in 2019."
    assert against_row(claim, table, "| Berried").stance is Stance.SUPPORTS


def test_the_same_thing_counted_in_a_stock_or_told_of_one_event_is_one_figure() -> None:
    assert (
        _signals(
            "To protect the reef, 18 mooring buoys have been laid, the trust said.",
            "There are now 15 mooring buoys in the bay.",
        ).stance
        is Stance.CONFLICTS
    )
    share = "The survey found that 74 percent of the hedges planted by farmers had survived their first year."
    assert _signals("The group said 74 percent of the hedges survived their first year.", share).stance is (
        Stance.SUPPORTS
    )
    assert _signals("The group said 64 percent of the hedges survived their first year.", share).stance is (
        Stance.CONFLICTS
    )
    # two clauses of two events still count two groups
    assert (
        _signals(
            "Eighteen mooring buoys have been laid this year.", "Four mooring buoys broke loose in the storm last week."
        ).stance
        is not Stance.CONFLICTS
    )


def test_a_named_events_year_with_its_digits_reordered_is_a_slip() -> None:
    claim = (
        "The Marlow Almshouses, a row of cottages built in 1726 for the parish poor, reopened on Saturday after a "
        "£1.2 million restoration."
    )
    assert _signals(claim, "The row was built in 1762 by a cloth merchant.").stance is Stance.CONFLICTS
    assert _signals(claim, "The row was built in 1726 by a cloth merchant.").stance is Stance.SUPPORTS
    # another year, not a slip, is still only shown
    assert _signals(claim, "The row was built in 1731 by a cloth merchant.").stance is not Stance.CONFLICTS


def test_a_figure_told_roughly_for_another_dated_year_is_not_the_claims() -> None:
    claim = "The trust spent £8.7 million on its hostels last year."
    assert _signals(claim, "It must close a budget gap of about £9 million for next year.").stance is not (
        Stance.SUPPORTS
    )
    assert _signals(claim, "The trust spent about £9 million on its hostels last year.").stance is Stance.SUPPORTS


def test_a_part_of_a_whole_named_with_a_possessive_is_the_share_it_makes() -> None:
    claim = "Ancient woodland covers about a quarter of the site, the trust said."
    assert _signals(claim, "About 4.5 of the site's 18 hectares are ancient woodland.").stance is Stance.SUPPORTS
    lights = "The county has switched four in five of its streetlights to amber LEDs."
    assert _signals(lights, "It has converted 9,040 of the county's 11,300 streetlights.").stance is Stance.SUPPORTS


def test_how_often_something_happens_is_a_figure_of_its_own() -> None:
    claim = "The depot is 300 metres from the river, and the water will be tested twice a year."
    assert _signals(claim, "The water will be tested twice a year, with results published.").stance is (Stance.SUPPORTS)
    # another frequency, the same one of something else, or one asked, decides nothing
    assert _signals(claim, "The water will be tested four times a year.").stance is not Stance.SUPPORTS
    assert _signals(claim, "The committee meets twice a year in the town hall.").stance is not Stance.SUPPORTS
    assert _signals(claim, "Will the water be tested twice a year?").stance is not Stance.SUPPORTS
    both = "Each stop will get a visit once a fortnight rather than every week, and 12 stops will close."
    assert _signals(both, "Stops will get a visit once a fortnight from June.").stance is Stance.SUPPORTS


def test_a_count_that_has_passed_a_value_is_more_than_it() -> None:
    claim = "A petition against the closure has gathered more than 2,700 signatures."
    assert _signals(claim, "Our petition has now passed 2,700 signatures.").stance is Stance.SUPPORTS
    # a motion that passed by a vote keeps its tally
    (votes,) = [q for q in find_quantities("The motion passed 31 votes to 24.") if q.surface.startswith("31")]
    assert votes.qualifier is None


def test_an_age_alone_agreeing_is_the_bound_of_the_group_counted() -> None:
    claim = "The number of people aged 65 and over rose by 12 percent to 940, the survey found."
    passage = "The rise among people over 65 is the one we did not expect."
    assert _signals(claim, passage).stance is Stance.RELATED
    assert _signals(claim, "People aged 65 and over now number 940, up 12 percent.").stance is Stance.SUPPORTS


def test_a_relative_year_against_a_written_year_may_be_one_year() -> None:
    claim = "The station attended about 1,600 incidents last year."
    assert _signals(claim, "| Incidents attended by the station, 2025 | 1,608 |").stance is Stance.SUPPORTS


def test_an_age_bound_in_a_rows_label_is_an_age() -> None:
    table = "| Ticket | 2025 | 2026 |\n|---|---|---|\n| Child (under 16) single entry | £2.20 | £3.00 |\n"
    signals = against_row("Children under 16 pay £3 a swim.", table, "| Child")
    assert signals.stance is Stance.SUPPORTS and not any("cannot be compared" in r for r in signals.reasons)


def test_a_hedge_between_an_addition_word_and_its_figure_does_not_part_them() -> None:
    claim = "The council will build a further roughly 300 homes on the estate."
    # an addition is not the estate's total: another value there is no conflict
    assert _signals(claim, "The estate will have about 420 homes when it is finished.").stance is Stance.RELATED
    assert _signals(claim, "The council will build a further 300 homes on the estate.").stance is Stance.SUPPORTS
