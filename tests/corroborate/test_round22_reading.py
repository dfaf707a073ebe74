"""Readings of session 18, made after round22 was read (its held-out run is in its README). Each case is in fresh
words; those of a change failed before it, and the guards beside them held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.figure_frames import frame_at
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims, filed_on
from tests.helpers import against_row, numeric_claim


def _stance(claim: str, passage: str, document: str | None = None) -> Stance:
    return corroborate(numeric_claim(claim), passage, document or passage, passage_start=0).stance


def test_two_ranges_agree_only_end_by_end() -> None:
    # "from £540 to £750" against a row's "£540 to £720" was a support "which the claim's wording allows": the
    # second range lies inside the first, but a range's ends are figures and the raised charge is the news.
    claim = "The club will raise the fee for members aged 18 to 25 from £310 to £395."
    table = "| Item | Change |\n|---|---|\n| Members aged 18-25 | £310 to £365 a year |\n"
    assert against_row(claim, table, "| Members").stance is Stance.CONFLICTS
    # told as two figures ("from £310 to £395"), the claim's end met nothing: the row's range held the start only
    plain = "The club will raise its yearly membership fee from £310 to £395."
    assert against_row(plain, table, "| Members").stance is Stance.CONFLICTS
    # the same ends, or ends within the rounding of either side, still agree
    same = table.replace("£365", "£395")
    assert against_row(claim, same, "| Members").stance is Stance.SUPPORTS
    assert against_row(plain, same, "| Members").stance is Stance.SUPPORTS
    rounded = "The season lasts 18 to 22 weeks, the club said."
    assert _stance(rounded, "The season lasts between 18 and 22 weeks.") is Stance.SUPPORTS


def test_an_agency_byline_dates_its_story() -> None:
    # "CENTRAL COUNTIES PRESS - March 6" over a wire read as no date, so the wire's count "so far" five days before
    # the article's conflicted with the article's count "so far".
    assert str(filed_on("HILLSIDE NEWS AGENCY - 3 June\n\nQuarry plan faces vote\n\nBODMIN - ...")) == "June 3"
    assert str(filed_on("Fellgate Wire, 7 March 2026\n\nPark to vote on charges\n")) == "March 7, 2026"
    assert str(filed_on("COASTAL PRESS SERVICE - May 14\n")) == "May 14"
    # a headline that only ends in a day is no byline, nor a sentence that mentions a press office
    assert filed_on("Council to vote on the bridge plan - May 4\n\nThe council ...") is None
    assert filed_on("The press office said it would reply - 4 May\n") is None
    claim = "LANMOUTH, June 9 - Sixty-two volunteers have signed up so far, and the trust hopes to reach 90."
    wire = (
        "HILLSIDE NEWS AGENCY - June 3\n\nLANMOUTH - The trust is looking for helpers.\n\n"
        "About 40 volunteers have signed up so far."
    )
    passage = "About 40 volunteers have signed up so far."
    assert _stance(claim, passage, wire) is Stance.RELATED
    # the same wire filed the article's own day still contradicts it
    same_day = wire.replace("June 3", "June 9")
    assert _stance(claim, passage, same_day) is Stance.CONFLICTS


FIGURES = """## Table 1: The new boat

| Measure | Value |
|---|---|
| Students on roll, ages 16-19 | 2,310 |
| Old boat fuel use, litres per year | 1.2 million |
| Peak crew on board | 14 |
| Largest group per booking | 9 |
| Opening, 2025 | 640 |
| Students funded by the county | 410 |
| Maximum boat length | 12 m |
"""


def test_a_row_label_that_names_the_claim_s_noun_says_what_its_cell_counts() -> None:
    # "| Pupils on roll, ages 11-18 | 1,140 |" against "The school's 1,410 pupils": the bare cell had no noun and its
    # row gave none, so the two counts were two things.
    claim = "The college's 2,130 students will move to the new campus."
    assert against_row(claim, FIGURES, "| Students on roll").stance is Stance.CONFLICTS
    # a row that names another noun is still another row
    other = "The college's 2,130 lecturers will move to the new campus."
    assert against_row(other, FIGURES, "| Students on roll").stance is Stance.RELATED
    # nor is a row whose label picks out a part of the claim's noun ("| Residents funded by the council |")
    assert against_row(claim, FIGURES, "| Students funded").stance is not Stance.CONFLICTS


def test_a_unit_after_a_comma_closing_the_row_label_is_the_cell_s_unit() -> None:
    # "| Kelpie Star diesel use, litres per year | 1.1 million |" had no unit, so "1.4 million litres" met nothing.
    claim = "The old boat burned about 1.6 million litres of fuel a year."
    assert against_row(claim, FIGURES, "| Old boat fuel").stance is Stance.CONFLICTS
    agrees = "The old boat burned about 1.2 million litres of fuel a year."
    assert against_row(agrees, FIGURES, "| Old boat fuel").stance is Stance.SUPPORTS


def test_a_table_row_with_no_time_is_not_an_outcome_against_a_forecast() -> None:
    # "expects to have 280 workers on site at the peak" against "| Peak workforce on site | 180 |": the expectation
    # was read as a forecast and the undated row as what happened, two times.
    claim = "The operator expects to have 18 crew on board at the peak of the season."
    assert against_row(claim, FIGURES, "| Peak crew").stance is Stance.CONFLICTS
    # a row dated to a year is still another time than the forecast
    dated = "The operator expects the opening to draw 900 visitors."
    assert against_row(dated, FIGURES, "| Opening, 2025").stance is not Stance.CONFLICTS


def test_two_limits_state_the_same_rule() -> None:
    # "up to five nights" against "We agreed to cap the charge at seven nights" and "| Maximum nights charged per
    # stay | 7 |" shared no event word near the figures, so the limit was not compared.
    claim = "Guests will pay the fee for up to four nights of any stay."
    assert _stance(claim, "We agreed to cap the charge at six nights.") is Stance.CONFLICTS
    assert _stance(claim, "We agreed to cap the charge at four nights.") is Stance.SUPPORTS
    # two limits of different values disagree, though the one allows the other ("up to 360 metres" against a
    # maximum of 350 m was a support)
    boats = "The new pontoon will take boats of up to 15 metres."
    assert against_row(boats, FIGURES, "| Maximum boat length").stance is Stance.CONFLICTS
    assert against_row(boats.replace("15", "12"), FIGURES, "| Maximum boat length").stance is Stance.SUPPORTS
    # two "up to"s alone are two estimates of a largest value, not one rule
    assert _stance("Repairs could take up to 18 months.", "Loan repayments may pause for up to 12 months.") is not (
        Stance.CONFLICTS
    )
    # a limit against a count that is no limit stays apart
    assert _stance(claim, "The harbour festival runs for six nights.") is not Stance.CONFLICTS


def test_asking_words_before_a_main_verb_do_not_make_its_figure_a_proposal() -> None:
    # "A petition asking for the lights to go off an hour earlier was signed by 312 residents" was read as a
    # proposal of 312, and the source's 212 signatures as a fact: two kinds, no comparison.
    claim = "A letter asking for a new crossing was signed by 418 parents."
    assert _stance(claim, "Our letter, signed by 481 parents, asks the council for a crossing.") is Stance.CONFLICTS
    # asking words right before the figure still make it a proposal
    asked = "Parents are asking for 30 more crossing patrols."
    assert _stance(asked, "There are 12 crossing patrols in the town.") is not Stance.CONFLICTS


def test_consulting_on_a_figure_puts_it_forward() -> None:
    # "is proposing to cut 12 bus routes" against "We are consulting on withdrawing 14 routes": the source's figure
    # was read as a fact, the claim's as a proposal.
    claim = "The council is proposing to close 9 libraries."
    assert _stance(claim, "We are consulting on closing 11 libraries.") is Stance.CONFLICTS


def test_those_who_answered_are_the_respondents() -> None:
    # "62 percent of those who answered supported a levy" against "58 percent of respondents were in favour".
    claim = "The survey drew 900 replies, and 71 percent of those who answered backed the plan."
    assert _stance(claim, "The survey found that 67 percent of respondents backed the plan.") is Stance.CONFLICTS
    assert _stance(claim, "The survey found that 71 percent of respondents backed the plan.") is Stance.SUPPORTS


def test_the_same_digits_in_another_order_are_one_figure_misreported() -> None:
    # "It would cost an estimated £8.6 million" against "The current estimate is £6.8 million": nothing tied the two
    # sums but their unit, and the transposed digits, the commonest slip in copying a figure, went unflagged.
    claim = "The sea wall would cost an estimated £7.4 million, the council said."
    found = corroborate(numeric_claim(claim), "Our latest estimate is £4.7 million.")
    assert found.stance is Stance.CONFLICTS, found.reasons
    assert "the same digits in another order" in found.reasons[0]
    # other digits, or a place or time the two sides tell apart, still keep them apart
    assert _stance(claim, "Our latest estimate is £5.2 million.") is not Stance.CONFLICTS
    dated = "The harbour wall cost £7.4 million in 2019."
    assert _stance(dated, "In 2024 the bridge repairs cost £4.7 million.") is not Stance.CONFLICTS


def test_a_question_the_chair_called_by_name_is_the_named_asker_s() -> None:
    # "Chair: We have one question from a member of the public. Mrs Dorothy Pirrie." then "QUESTION: I plan every
    # trip ...": the words were given to "a questioner", a conflict with the article's verbatim quote of Pirrie.
    minutes = (
        "Chair: We take one question from the public gallery. Mr Ansel Brightwater.\n\n"
        "QUESTION: Why was the bus stop moved without telling anyone?\n\n"
        "Leader: It was moved for safety reasons."
    )
    called = compare_quote("Why was the bus stop moved without telling anyone?", "Ansel Brightwater", minutes)
    assert called.speaker is SpeakerStatus.SAME
    # a reporter's question is still no answer of the official named in the turn before
    briefing = (
        "MAYOR HOLLIS: We will publish the figures next week.\n\n"
        "QUESTION: Why was the bus stop moved without telling anyone?"
    )
    asked = compare_quote("Why was the bus stop moved without telling anyone?", "Greta Hollis", briefing)
    assert (asked.speaker, asked.source_speaker) == (SpeakerStatus.DIFFERENT, "a questioner")


def test_project_as_a_noun_foretells_nothing() -> None:
    # "The £16.4 million project will replace ..." and "The £18.6 million project is backed by ..." were read as
    # forecasts ("project" matched as "projected"), so a figure told plainly was of another time than a source's.
    def eras(text: str) -> frozenset[str]:
        return frame_at(text, text.index("£8.9"), text.index("£8.9") + len("£8.9 million")).eras

    assert "forecast" not in eras("The £8.9 million project was paid for by the county.")
    assert "forecast" in eras("The county projected that the scheme would cost £8.9 million.")


def test_a_share_of_people_for_or_against_is_not_the_change_they_judge() -> None:
    # "has approved a rise of about 42 percent" against "71 percent opposed the rise": both "rise", so the share of
    # people opposed was compared with the size of the rise, a conflict.
    claim = "The trust has approved a rise of about 35 percent in the price of a season ticket."
    assert _stance(claim, "Its survey drew 900 replies, and 68 percent opposed the rise.") is Stance.RELATED
    # two shares of people for or against are still compared, in words or in a row's label
    view = "Of those who answered, 72 percent opposed the rise."
    assert _stance(view, "Its survey drew 900 replies, and 68 percent opposed the rise.") is Stance.CONFLICTS
    table = "| Measure | Value |\n|---|---|\n| Opposed to the rise, all respondents | 72% |\n"
    assert against_row(view, table, "| Opposed").stance is Stance.SUPPORTS
    # a share told as neither a change nor a level ("took 39.6% of the vote") may be the same share of people
    backed = "Around 40% of voters backed the independent candidate."
    assert _stance(backed, "The independent candidate took 39.6% of the vote, final results showed.") is (
        Stance.SUPPORTS
    )


def test_the_value_before_a_change_meets_only_a_value_told_as_before() -> None:
    # "will go up from £3.20 to £4" against "The all-day ticket will cost £8.50 and the two-hour ticket £4.00": the
    # starting £3.20 was contradicted by the other ticket's new price, though the source confirms the £4.
    claim = "A weekly pass will go up from £12.40 to £15."
    passage = "A day pass will cost £3.80 and a weekly pass £15.00 from May."
    found = corroborate(numeric_claim(claim), passage)
    assert found.stance is Stance.SUPPORTS, found.reasons
    # a starting value the source tells as one still disagrees, in words or as a row's earlier cell
    assert _stance(claim, "A weekly pass, which was £13.40, will cost £15 from May.") is not Stance.SUPPORTS
    row = "| Pass | Now | From May |\n|---|---|---|\n| Weekly | £13.40 | £15.00 |\n"
    assert against_row(claim, row, "| Weekly").stance is Stance.CONFLICTS


def test_a_name_with_an_organisation_s_role_is_the_he_of_the_next_quote() -> None:
    # "Stefan Isaksen, Larchsound's chief engineer, led the project from the design stage. "The batteries are the
    # easy part ...," he said.": the statement's quote had no speaker, so its words given to another person in the
    # article were not shown as misattributed.
    statement = (
        "Torvane Ferries - statement, 8 June\n\n"
        "Agnes Pellow, Torvane's harbour manager, oversaw the new pontoon from the start. "
        '"The pontoon was the easy part; the tides were the hard part," she said.'
    )
    quotes = [c for c in extract_claims(Document.from_text(statement, doc_id="s")) if c.kind is ClaimKind.QUOTE]
    assert [q.speaker for q in quotes] == ["Agnes Pellow"]
    # a sentence opening on an organisation's name is no person a "she" can stand for
    company = (
        "Torvane Ferries, Ambry's largest employer, opened the pontoon on Monday. "
        '"The pontoon was the easy part," she said.'
    )
    quotes = [c for c in extract_claims(Document.from_text(company, doc_id="c")) if c.kind is ClaimKind.QUOTE]
    assert [q.speaker for q in quotes] != ["Torvane Ferries"]
