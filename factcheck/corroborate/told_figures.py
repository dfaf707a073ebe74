"""Figures a sentence tells in words rather than as quantities, added to both sides before they are compared: the
year or month of a named event ("opened in 1978", `event_years.py`) and how often something happens ("twice a
year", `frequencies.py`). Each family is read on the passage only when the claim tells one, and compared only with
its own kind. Pure functions, no I/O.
"""

from __future__ import annotations

from factcheck.corroborate.event_years import event_years_of, outside_quotations
from factcheck.corroborate.frequencies import frequencies_of
from factcheck.corroborate.number_rules import Figure

__all__ = ["with_told_figures"]


def with_told_figures(
    claim_text: str, passage_text: str, claim_figures: list[Figure], passage_figures: list[Figure]
) -> tuple[list[Figure], list[Figure]]:
    """Both sides' figures with the figures told in words added (the passage's in text order)."""
    # the year an event word names ("opened in 1978") is compared with the same event's year only
    events = outside_quotations(claim_text, event_years_of(claim_text, dated=True))
    if events:
        claim_figures = [*claim_figures, *events]
        passage_figures = _merged(passage_figures, event_years_of(passage_text, dated=True, with_days=True))
    often = outside_quotations(claim_text, frequencies_of(claim_text))  # "tested twice a year"
    if often:
        claim_figures = [*claim_figures, *often]
        passage_figures = _merged(passage_figures, frequencies_of(passage_text))
    return claim_figures, passage_figures


def _merged(figures: list[Figure], found: list[Figure]) -> list[Figure]:
    return sorted([*figures, *found], key=lambda f: f.start)
