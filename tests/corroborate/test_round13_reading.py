"""Readings of session 13, made after round13 was read (its held-out runs are in its README). Each case is in fresh
words; those of a change failed before it, and the guards beside them held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim

RESERVOIRS = """# Reservoir levels, 3 August

| Reservoir | Level (%) | Volume (megalitres) |
|---|---|---|
| Thornby | 42 | 8,100 |
| Ashdyke | 57 | 3,900 |

Levels are read at 06:00.
"""

WEATHER = """## Weather at the airport

| Month | Mean temperature anomaly (°C) | Rainfall (mm) |
|---|---|---|
| March | +0.9 | 40 |
| April | +1.7 | 12 |
"""


def _against_row(claim: str, document: str, row_start: str):
    start = document.index(row_start)
    row = document[start : document.index("\n", start)]
    return corroborate(numeric_claim(claim), row, document, passage_start=start)


def test_a_column_header_s_bracketed_unit_reads_the_cells_below_it() -> None:
    agrees = _against_row("Thornby reservoir was only 42 percent full on Monday.", RESERVOIRS, "| Thornby")
    assert agrees.stance is Stance.SUPPORTS, agrees.reasons
    differs = _against_row("Thornby reservoir was only 47 percent full on Monday.", RESERVOIRS, "| Thornby")
    assert differs.stance is Stance.CONFLICTS, differs.reasons


def test_a_column_unit_reads_a_signed_cell_and_a_list_s_shared_unit_meets_it() -> None:
    signals = _against_row("March and April were warmer than usual, by 0.9 and 1.7 degrees.", WEATHER, "| March")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_cell_in_another_column_keeps_that_column_s_unit() -> None:
    # 40 is millimetres of rain: no temperature of 40 degrees is compared with it
    signals = _against_row("March was 40 degrees warmer than usual.", WEATHER, "| March")
    assert signals.stance is not Stance.SUPPORTS, signals.reasons
    assert not any("40" in reason and "same figure" in reason for reason in signals.reasons), signals.reasons


def test_a_conversion_in_brackets_after_a_figure_does_not_cut_its_clause() -> None:
    # the clause of "52 mm" runs past "(2 inches)" to what fell where: 37 mm of the same rain disagrees, and the
    # day both give does not make the pair a support
    signals = corroborate(
        numeric_claim("Just 52 mm (2 inches) of rain has fallen on the moor since April 1, far below normal."),
        "Only 37 mm of rain has fallen on the moor since April 1, the company said.",
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_two_days_peaks_of_different_size_are_not_a_conflict_over_the_day() -> None:
    signals = corroborate(
        numeric_claim("Water use peaked at 412 million litres on August 3, well above the usual 350 million."),
        "Water use reached 388 million litres on August 1, the highest so far this summer.",
    )
    assert signals.stance is Stance.RELATED, signals.reasons
    # the same figure on another day still conflicts over the day
    same = corroborate(
        numeric_claim("Water use peaked at 412 million litres on August 3."),
        "Water use peaked at 412 million litres on August 1.",
    )
    assert same.stance is Stance.CONFLICTS, same.reasons
