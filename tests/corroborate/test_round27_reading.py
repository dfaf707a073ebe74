"""Readings of session 20 made on round27 after its held-out run (its README, step 4), in fresh words: each failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


def _signals(claim_text: str, passage: str, document: str | None = None):
    document = document or passage
    return corroborate(numeric_claim(claim_text), passage, document, passage_start=document.index(passage))


def test_a_header_row_contradicts_no_figure() -> None:
    document = "| Cause | Fires | Share of 58 |\n|---|---|---|\n| Charging | 40 | 69% |"
    header = "| Cause | Fires | Share of 58 |"
    assert _signals("Two people died in those fires and 31 were hurt.", header, document).stance is Stance.RELATED
    # a data row still conflicts
    row = "| Injured | 27 |"
    table = "| Measure | Count |\n|---|---|\n| Injured | 27 |"
    assert _signals("Two people died in those fires and 31 were injured.", row, table).stance is Stance.CONFLICTS


def test_a_price_under_negotiation_is_a_proposal_not_the_price_agreed() -> None:
    wire = "The trust is understood to be negotiating a price of about £450,000."
    signals = _signals("Residents have agreed a £440,000 deal to buy the old chapel.", wire)
    assert signals.stance is Stance.RELATED
    agreed = "The trust has agreed a price of about £450,000."
    assert _signals("Residents have agreed a £440,000 deal to buy the old chapel.", agreed).stance is Stance.SUPPORTS


def test_a_chair_calling_the_next_asker_by_name_gives_them_the_question() -> None:
    minutes = (
        "Chair: Our next public question is from Mabel Quint of Harrow Lane.\n\n"
        "QUESTION: My daughter has waited two years. When will she get a place?"
    )
    signal = compare_quote("When will she get a place?", "Mabel Quint", minutes, minutes)
    assert signal.speaker is SpeakerStatus.SAME
    # a chair's line naming someone else still leaves the words to a questioner
    other = minutes.replace("Mabel Quint", "Tobias Wren")
    assert compare_quote("When will she get a place?", "Mabel Quint", other, other).speaker is SpeakerStatus.DIFFERENT


def test_a_row_labelled_with_the_clause_of_another_figure_is_that_figures_row() -> None:
    table = (
        "| Measure | 2024-25 | 2025-26 |\n|---|---|---|\n| Owners prosecuted | 12 | 17 |\n| Owners convicted | 5 | 8 |"
    )
    claim = "Seventeen owners were prosecuted and eight were convicted."
    convicted = _signals(claim, "| Owners convicted | 5 | 8 |", table)
    prosecuted = _signals(claim, "| Owners prosecuted | 12 | 17 |", table)
    assert convicted.stance is Stance.SUPPORTS and prosecuted.stance is Stance.SUPPORTS
    # the row of the figure's own clause still conflicts
    wrong = table.replace("| 5 | 8 |", "| 5 | 6 |")
    assert _signals(claim, "| Owners convicted | 5 | 6 |", wrong).stance is Stance.CONFLICTS


def test_the_year_of_a_change_base_is_no_period_set_against_the_source() -> None:
    table = "| Year | Fires | Change |\n|---|---|---|\n| 2024 | 38 | +52% |\n| 2025 | 57 | +50% |"
    signals = _signals(
        "Crews were called to 57 battery fires last year, up 50 percent from 38 in 2024.", "| 2025 | 57 | +50% |", table
    )
    assert signals.stance is Stance.SUPPORTS
    assert not any("year as" in reason for reason in signals.reasons)
    # a year the claim gives its own figure still disagrees with another
    dated = _signals("Crews were called to 57 battery fires in 2024, the service said.", "| 2025 | 57 | +50% |", table)
    assert dated.stance is not Stance.SUPPORTS


def test_an_offer_that_raised_money_is_what_happened_not_a_proposal() -> None:
    signals = _signals(
        "A community share offer raised £215,000 from more than 1,500 investors.",
        "We raised £215,000 from 1,340 investors.",
    )
    assert signals.stance is Stance.CONFLICTS
    # an offer still proposes what it offers
    proposed = _signals("The club has offered £1,500 to each of its players.", "Each player was paid £1,200.")
    assert proposed.stance is not Stance.CONFLICTS


def test_members_of_staff_count_staff() -> None:
    signals = _signals(
        "The cinema has two screens, and all 14 members of staff will keep their jobs.",
        "All 11 staff will keep their jobs.",
    )
    assert signals.stance is Stance.CONFLICTS
