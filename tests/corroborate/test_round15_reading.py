"""Readings of session 14, made after round15 was read (its held-out run is in its README). Each case is in fresh
words; those of a change failed before it, and the guards beside them held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.extract import without_date_lines, without_dateline
from factcheck.extract.figures import find_quantities
from tests.helpers import against_row, numeric_claim

FUNDING = """## Where the money comes from

| Source | £m |
|---|---|
| Lottery grant | 7.2 |
| Town council | 1.9 |

| Source | Count |
|---|---|
| Donors | 7 |
"""

RIVER = """# River gauge at the weir

| Time | Level (m) | Flow (cubic ft per second) |
|---|---|---|
| 09:15 | 0.8 | 140 |
| 09:30 (peak) | 2.1 | 3,850 |
"""


def test_a_header_cell_that_is_only_a_unit_reads_the_cells_below_it() -> None:
    agrees = against_row("The museum will receive £7.2 million from the lottery grant.", FUNDING, "| Lottery grant")
    assert agrees.stance is Stance.SUPPORTS, agrees.reasons
    differs = against_row("The museum will receive £7.9 million from the lottery grant.", FUNDING, "| Lottery grant")
    assert differs.stance is Stance.CONFLICTS, differs.reasons


PATHS = """| Route | km |
|---|---|
| Coast path | 14 |
"""


def test_a_header_cell_that_is_a_unit_word_reads_the_cells_below_it() -> None:
    agrees = against_row("The coast path is 14 km long.", PATHS, "| Coast path")
    assert agrees.stance is Stance.SUPPORTS, agrees.reasons
    other_unit = against_row("The coast path is 14 miles long.", PATHS, "| Coast path")
    assert other_unit.stance is not Stance.SUPPORTS, other_unit.reasons


def test_a_header_that_names_a_thing_is_no_unit() -> None:
    # "Count" is a heading, not a unit: the cell stays a bare count, which a sum of money does not meet.
    bare = against_row("The appeal raised £7 million from donors.", FUNDING, "| Donors")
    assert bare.stance is Stance.RELATED, bare.reasons


def test_a_row_label_with_a_note_in_brackets_leaves_the_unit_to_the_column() -> None:
    # "(peak)" closes the row label but names no unit: the column's "(cubic ft per second)" reads 3,850.
    agrees = against_row("The river's flow peaked at 3,850 cubic feet per second.", RIVER, "| 09:30")
    assert agrees.stance is Stance.SUPPORTS, agrees.reasons
    differs = against_row("The river's flow peaked at 3,580 cubic feet per second.", RIVER, "| 09:30")
    assert differs.stance is not Stance.SUPPORTS, differs.reasons


def test_cubic_ft_is_cubic_feet() -> None:
    (flow,) = find_quantities("a flow of 900 cubic ft a second")
    assert (flow.unit, flow.value) == ("cubic_foot", 900.0)


def test_the_dateline_s_day_is_not_a_date_of_the_figures() -> None:
    claim = "HARROWGATE, June 9 (Valley News) - The museum has catalogued 41,000 of its 96,000 objects, it says."
    source = "By the end of March the museum had catalogued 41,000 of its 96,000 objects."
    agrees = corroborate(numeric_claim(claim), source)
    assert agrees.stance is Stance.SUPPORTS, agrees.reasons
    assert without_dateline(claim).startswith(" " * 30) and without_dateline(claim).endswith("it says.")
    assert len(without_dateline(claim)) == len(claim)
    # A month the sentence itself gives for its figures still differs from the source's.
    told = "The museum had catalogued 41,000 of its 96,000 objects by the end of June, it says."
    differs = corroborate(numeric_claim(told), source)
    assert differs.stance is Stance.CONFLICTS, differs.reasons


SURVEY = """| Measure | Value |
|---|---|
| Colonies counted | 310 |
"""


def test_a_figure_followed_by_is_planned_is_a_plan() -> None:
    # (290 against the row's 310: values further apart and not named alike are two things, `far_apart.py`)
    planned = against_row("A second count of 290 colonies is planned for June.", SURVEY, "| Colonies counted")
    assert planned.stance is Stance.RELATED, planned.reasons
    assert "as a plan" in planned.reasons[0], planned.reasons
    # A count that was made, told the same way but without the plan, still disagrees.
    made = against_row("A second count of 290 colonies was made in June.", SURVEY, "| Colonies counted")
    assert made.stance is Stance.CONFLICTS, made.reasons


MINISTRY = """Statement from the Transport Minister, Owen Lachlan

4 May

The ferry to Skarra will run again from Monday. The Minister said: "We will not let this island be cut off again."
"""


def _quote_claim(article: str):
    from factcheck.documents import Document
    from factcheck.extract import ClaimKind, extract_claims

    (claim,) = [c for c in extract_claims(Document.from_text(article, doc_id="a")) if c.kind is ClaimKind.QUOTE]
    return claim


def _against_statement(article: str):
    start = MINISTRY.index("The Minister said")
    passage = MINISTRY[start:].strip()
    return corroborate(_quote_claim(article), passage, MINISTRY, passage_start=start)


def test_a_role_the_statement_names_in_its_heading_is_that_person() -> None:
    told = _against_statement(
        'Transport minister Owen Lachlan visited the harbour. "We will not let this island be cut off again," he said.'
    )
    assert told.stance is Stance.SUPPORTS, told.reasons
    other = _against_statement(
        'Harbour master Priya Sandhu met the crew. "We will not let this island be cut off again," she said.'
    )
    assert other.stance is Stance.CONFLICTS, other.reasons


def test_jobs_and_posts_inmates_and_prisoners_count_the_same_thing() -> None:
    jobs = corroborate(
        numeric_claim("The mill will shed 265 jobs this year."), "The mill is to cut 265 posts this year."
    )
    assert jobs.stance is Stance.SUPPORTS, jobs.reasons
    held = corroborate(
        numeric_claim("Guards found 14 inmates on the roof."), "Officers found 14 prisoners on the roof of C wing."
    )
    assert held.stance is Stance.SUPPORTS, held.reasons


def test_the_date_line_a_statement_opens_with_is_not_a_date_of_its_figures() -> None:
    # The article's dateline is blanked, and so is the statement's own date line: neither is the figures' month.
    statement = (
        "9 March\n\nThe board has today told the museum that its new wing will cost £48 million, against a budget of"
        " £35 million."
    )
    claim = (
        "DUNMORE, March 9 - The museum's new wing will open in May 2027 and cost £48 million, against a budget of"
        " £35 million."
    )
    agrees = corroborate(numeric_claim(claim), statement, statement, passage_start=0)
    assert agrees.stance is Stance.SUPPORTS, agrees.reasons
    assert without_date_lines(statement).startswith(" " * 7 + "\n\nThe board")
    assert without_date_lines("Sales fell on 9 March.") == "Sales fell on 9 March."


def test_planned_before_a_noun_is_an_adjective_not_a_plan() -> None:
    # "143 planned operations" were booked ahead and were postponed: a count of what happened.
    done = corroborate(
        numeric_claim("The outage delayed 212 operations at the hospital."),
        "Since Monday we have postponed 212 planned operations at the hospital.",
    )
    assert done.stance is Stance.SUPPORTS, done.reasons


def test_a_transcript_label_s_title_after_the_name_is_no_second_person() -> None:
    transcript = (
        "[THE VERY REV MARGARET TALLIS, DEAN OF ASHCOMBE]: Good morning. Every year the damp climbs higher up the"
        " walls.\n"
    )
    start = transcript.index("Every year")
    claim = _quote_claim(
        '"Every year the damp climbs higher up the walls," the Dean of Ashcombe, the Very Rev Margaret Tallis, said.'
    )
    said = corroborate(claim, transcript[start:].strip(), transcript, passage_start=start)
    assert said.stance is Stance.SUPPORTS, said.reasons


def test_a_date_read_only_from_a_heading_confirms_nothing() -> None:
    claim = numeric_claim("The ferry left Skarra at 7.05 a.m. on April 2 with 212 passengers on board.")
    log = (
        "## Crossing log (2 April)\n\n| Stage | Clock time | Note |\n|---|---|---|\n"
        "| 07:05 | Ferry leaves Skarra | on time |\n"
    )
    heading = log[: log.index("\n|---")]
    labelled = corroborate(claim, heading, log, passage_start=0)
    assert labelled.stance is Stance.RELATED, labelled.reasons
    # A row of the timeline under the heading is data: its time confirms the claim's.
    row_start = log.index("| 07:05")
    row = log[row_start : log.index("\n", row_start)]
    assert corroborate(claim, row, log, passage_start=row_start).stance is Stance.SUPPORTS
    told = "The ferry sailed from Skarra at 07:05 on 2 April."
    assert corroborate(claim, told, told, passage_start=0).stance is Stance.SUPPORTS


def test_the_period_a_figure_is_told_over_confirms_nothing_alone() -> None:
    # "over the two days" is when the shares fell; a strike of 48 hours says nothing of the 3 percent.
    over = corroborate(
        numeric_claim("Shares in the carrier fell 3 percent over the two days."),
        "The 48-hour strike ends at midnight tonight.",
    )
    assert over.stance is Stance.RELATED, over.reasons
    both = corroborate(
        numeric_claim("Shares in the carrier fell 3 percent over the two days."),
        "Shares in the carrier lost 3 percent over the two days of the strike.",
    )
    assert both.stance is Stance.SUPPORTS, both.reasons
