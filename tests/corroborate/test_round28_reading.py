"""Readings of session 21 made on round28 after its held-out run (its README, step 4), in fresh words: each failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from tests.helpers import against_row, numeric_claim


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]


def _signals(claim_text: str, passage: str, document: str | None = None):
    document = document or passage
    return corroborate(numeric_claim(claim_text), passage, document, passage_start=document.index(passage))


# --- who spoke ---------------------------------------------------------------------------------------------------


def test_a_quote_its_own_sentence_introduces_keeps_that_speaker_over_the_next_sentence() -> None:
    text = (
        'Odile Marchetti, whose company runs the ferry, said bookings had been "well beyond anything we planned for". '
        "Marchetti & Lowe charges the county a fee of 12 percent of every fare."
    )
    assert _speakers(text) == ["Odile Marchetti"]
    # a quote standing alone still takes the speaker of the short sentence after it
    alone = '"Are we really expected to wait another year?" Councillor Ibsen asked.'
    assert _speakers(alone) == ["Councillor Ibsen"]


def test_a_name_a_relative_clause_about_a_person_follows_is_who_a_later_he_stands_for() -> None:
    text = (
        '"We kept the old boards," said Priya Valdane of the trust.\n\n'
        "Waiting at the gate was Ambrose Kettlewell, who is 88 and first skated here as a boy. "
        '"The ice is smoother than I remember," he said.'
    )
    assert _speakers(text) == ["Priya Valdane", "Ambrose Kettlewell"]


# --- which row is the figure's --------------------------------------------------------------------------------------


def test_a_row_whose_label_names_the_place_of_another_figure_is_that_figures_row() -> None:
    table = (
        "| District | Crossings | Failed | Repaired same day |\n|---|---|---|---|\n"
        "| Ashcombe | 19 | 7 | 5 |\n| Pellby | 16 | 6 | 4 |\n"
    )
    claim = "Ashcombe was hit hardest, with seven crossings dark, ahead of Pellby with six."
    assert against_row(claim, table, "| Ashcombe").stance is Stance.SUPPORTS
    assert against_row(claim, table, "| Pellby").stance is Stance.SUPPORTS
    # the row of the place of the figure's own clause still conflicts
    wrong = table.replace("| Pellby | 16 | 6 | 4 |", "| Pellby | 16 | 5 | 4 |")
    assert against_row(claim, wrong, "| Pellby").stance is Stance.CONFLICTS
    # a row holding both figures, the other in its own cell, is this figure's row too
    gifts = "| Source | Amount | Donors |\n|---|---|---|\n| Public gifts | £518,000 | from 7,200 donors |\n"
    both = "Members of the public gave £518,000, from 2,700 donors."
    assert against_row(both, gifts, "| Public gifts").stance is Stance.CONFLICTS


def test_a_row_whose_sentence_case_label_is_a_word_of_another_figures_clause_is_that_figures_row() -> None:
    table = "| Item | Amount |\n|---|---|\n| Station cycle hub | £1.4 million |\n| Cost to build | £420,000 |\n"
    claim = "The rank has 12 bays, against 18 at the station, and cost £480,000 to build."
    assert against_row(claim, table, "| Station cycle hub").stance is Stance.RELATED
    # the row its own clause names still conflicts
    assert against_row(claim, table, "| Cost to build").stance is Stance.CONFLICTS


# --- when a value held ----------------------------------------------------------------------------------------------


def test_the_value_after_one_change_is_not_confirmed_by_the_start_of_the_next() -> None:
    claim = "Stall rents last went up in 2022, from £24 to £30."
    proposal = "The plan is to raise the stall rent from £30 to £42 a day from 1 May."
    signals = _signals(claim, proposal)
    assert signals.stance is Stance.RELATED
    assert any("value after its change" in reason for reason in signals.reasons)
    # the same change told in the source still supports
    told = "Rents went from £24 to £30 in 2022."
    assert _signals(claim, told).stance is Stance.SUPPORTS


def test_a_row_labelled_with_a_word_the_claim_writes_before_its_noun_counts_that_noun() -> None:
    table = "| Measure | 2024 | 2025 |\n|---|---|---|\n| Rescue boats in service | 12 | 12 |\n"
    claim = "The trust said its 14 rescue boats had spent about 3,100 hours at sea, at 22 stations."
    assert against_row(claim, table, "| Rescue boats").stance is Stance.CONFLICTS
    # a word the claim does not write still picks out a group of its own
    other = table.replace("Rescue boats", "Inshore boats")
    assert against_row(claim, other, "| Inshore boats").stance is not Stance.CONFLICTS


def test_a_vote_told_with_other_counts_stands_alone() -> None:
    from factcheck.corroborate.confidence import stands_alone

    signals = _signals("The plan was passed by eleven votes to six on Monday.", "Eleven for, five against.")
    assert signals.stance is Stance.CONFLICTS and stands_alone(signals)
    # a vote told the same way is no conflict
    same = _signals("The plan was passed by eleven votes to six on Monday.", "Eleven for, six against.")
    assert same.stance is Stance.SUPPORTS


def test_a_day_that_only_ends_a_count_period_supports_nothing_beside_another_count() -> None:
    claim = "Hospital admissions reached 812 in the week to March 6, up from 640."
    other_count = _signals(claim, "By 6 March, 1,940 over-75s had had a booster.")
    assert other_count.stance is Stance.RELATED
    assert any("only dates another figure" in reason for reason in other_count.reasons)
    # the count told with the day still supports; a day with no count beside it still confirms the period; a day
    # that is the claim's own figure still supports
    assert _signals(claim, "In the week to 6 March there were 812 admissions.").stance is Stance.SUPPORTS
    assert _signals(claim, "Figures for the week to 6 March.").stance is Stance.SUPPORTS
    assert _signals("The new fees start on March 6.", "From 6 March, the fees apply.").stance is Stance.SUPPORTS


def test_a_duration_that_is_only_the_period_of_another_value_supports_nothing() -> None:
    claim = "The drivers' union is seeking a pay rise of 9 percent over three years."
    signals = _signals(claim, "We have put a fair offer on the table: four and a half percent over three years.")
    assert signals.stance is Stance.RELATED
    # the rise told over the same period still supports, and the period alone still confirms the period
    assert _signals(claim, "Drivers want 9 percent over three years.").stance is Stance.SUPPORTS
    assert _signals(claim, "Any deal would run over three years.").stance is Stance.SUPPORTS


def test_a_month_inside_quoted_words_is_no_figure_of_the_sentence() -> None:
    words = "Every empty seat in March is a hospital bed we may need in April"
    passage = "Demand rose sharply after the first reports of rising hospital cases in early March, and stocks ran out."
    quoted = f'"{words}," said Ines Calloway, who has approved a £2.4 million campaign.'
    assert _signals(quoted, passage).stance is Stance.RELATED
    # the same month outside quotation marks is still the sentence's figure
    told = f"{words}, said Ines Calloway, who has approved a £2.4 million campaign."
    assert _signals(told, passage).stance is Stance.SUPPORTS


def test_the_words_of_a_time_told_past_the_hour_are_no_counts() -> None:
    claim = "Lights at 31 junctions failed, leaving pupils at 21 schools without a crossing."
    passage = "Thirty-one junctions at 18 schools were hit. The last was fixed at twenty past eleven."
    signals = _signals(claim, passage)
    assert not any("twenty" in reason for reason in signals.reasons)
    # a count told in words elsewhere is still a count
    counted = _signals("The council sent 20 engineers.", "The council sent twenty engineers out at once.")
    assert counted.stance is Stance.SUPPORTS


def test_a_row_of_a_channel_the_claim_does_not_single_out_is_a_subgroup() -> None:
    table = "| Measure | Count |\n|---|---|\n| Tickets sold | 3,410 |\n| Tickets sold online | 1,180 |\n"
    assert against_row("The festival sold 3,200 tickets.", table, "| Tickets sold online").stance is Stance.RELATED
    both = "The festival sold 3,200 tickets at the gate and online."
    assert against_row(both, table, "| Tickets sold online").stance is Stance.RELATED
    # the row of the whole still conflicts, and so does the channel's row for a claim that gives it alone
    assert against_row("The festival sold 3,200 tickets.", table, "| Tickets sold |").stance is Stance.CONFLICTS
    alone = "The festival sold 1,300 tickets online."
    assert against_row(alone, table, "| Tickets sold online").stance is Stance.CONFLICTS


def test_a_row_label_of_the_claim_verbs_stem_ties_a_small_count_to_it() -> None:
    from factcheck.corroborate.confidence import stands_alone

    table = "| Measure | 2024 | 2025 |\n|---|---|---|\n| Vandalism reports | 19 | 44 |\n"
    signals = against_row("Park benches were vandalised 44 times last year.", table, "| Vandalism")
    assert (
        signals.stance is Stance.SUPPORTS
        and signals.confident
        and stands_alone(signals, "| Vandalism reports | 19 | 44 |")
    )
    # a label of another stem leaves the value alone, tentative; a name is matched whole, not by its stem
    other = against_row("Park benches were repainted 44 times last year.", table, "| Vandalism")
    assert not other.confident
    grants = "| Source | Amount |\n|---|---|\n| Riverside Communities Fund grant | £90,000 |\n"
    offer = "The hall was bought for £600,000 after a community share offer raised £240,000."
    assert against_row(offer, grants, "| Riverside").stance is not Stance.CONFLICTS


def test_hours_and_minutes_are_one_duration() -> None:
    from factcheck.extract.figures import find_quantities

    (duration,) = find_quantities("| Time the bridge was shut | 4 h 25 min |")
    assert duration.unit == "hour" and abs(duration.value - (4 + 25 / 60)) < 1e-9
    table = "| Measure | Value |\n|---|---|\n| Time the bridge was shut | 4 h 25 min |\n"
    claim = "The bridge reopened at 11 a.m., more than four hours after it shut."
    assert against_row(claim, table, "| Time the bridge").stance is Stance.SUPPORTS
    # minutes that cannot be the minutes of an hour stay apart, and so do parts that seconds follow
    assert len(find_quantities("it took 4 hours 75 minutes")) == 2
    assert len(find_quantities("she swam it in 8 hours, 12 minutes and 40 seconds")) == 3


def test_the_place_in_the_clause_of_a_time_does_not_make_a_row_the_times() -> None:
    # "at Harlow Quay at about 4 a.m.": the place belongs to the whole sentence, not to the time beside it
    table = "| Measure | Value |\n|---|---|\n| Tide peak at Harlow Quay | 4.6 m (15.1 ft) |\n"
    claim = "The tide peaked at 5.2 metres (17.1 feet) at Harlow Quay at about 4 a.m. the next day."
    assert against_row(claim, table, "| Tide peak").stance is Stance.CONFLICTS
