"""Readings of session 28 made on round43 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.extract.figures import find_days_and_times
from tests.helpers import against_row


def _days(text: str) -> list[float | None]:
    return [q.value for q in find_days_and_times(text)]


def test_a_range_of_days_in_one_month_reads_both_days() -> None:
    assert _days("The regatta will run from September 4 to 6 next year.") == [904.0, 906.0]
    assert _days("Next year's regatta is due to run from September 4 to 6.") == [904.0, 906.0]
    assert _days("The regatta will run from 4 to 6 September next year.") == [904.0, 906.0]
    assert _days("It will run from the fourth to the sixth of September.") == [904.0, 906.0]
    # the range's other end is a day, not a count as well
    from factcheck.extract.figures import find_quantities

    assert find_quantities("The regatta will run from September 4 to 6.") == []
    # a day followed by another number is no range
    assert _days("On September 4 to 60 boats will sail.") == [904.0]
    assert _days("By May 8, 10 boats had sailed.") == [508.0]
    told = against_row(
        "Next year's regatta will run from September 4 to 6, the club said.",
        "COMMODORE: We are back next year, from the fourth to the sixth of September.\n",
        "COMMODORE",
    )
    assert told.stance is Stance.SUPPORTS, told.reasons
    other = against_row(
        "Next year's regatta will run from September 4 to 6, the club said.",
        "COMMODORE: We are back next year, from the eleventh to the thirteenth of September.\n",
        "COMMODORE",
    )
    assert other.stance is not Stance.SUPPORTS, other.reasons


def test_a_line_saying_who_issued_a_document_and_when_dates_no_figure() -> None:
    from factcheck.extract.datelines import without_date_lines

    line = "Issued by the regatta secretary, Pellow Sailing Club, 12 September 2026.\n"
    assert not without_date_lines(line).strip()
    # a sentence whose last words a wrapped line leaves alone is not a date line
    wrapped = "The regatta secretary expects 40 boats for the final on\nSaturday, September 12.\n"
    assert without_date_lines(wrapped) == wrapped
    claim = "Next year's regatta will be held on September 10, the club said."
    issued = against_row(claim, "Results of the Pellow regatta.\n" + line, "Issued by")
    assert issued.stance is Stance.RELATED, issued.reasons
    # a line that tells of an event on a day is still read
    told = against_row(claim, "The committee said next year's regatta will be held on 10 September.\n", "The committee")
    assert told.stance is Stance.SUPPORTS, told.reasons
