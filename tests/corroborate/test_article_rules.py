"""Issue 16, round 2: rules found on whole articles (dates and days read where their figure is, speakers of
headed documents and coordinated verbs, negations that name a group); each case is a miss or a wrong card of the
article set, written here in fresh words."""

from __future__ import annotations

from factcheck.corroborate.cues import conflicting_cues
from factcheck.corroborate.figure_frames import frame_at, frame_difference
from factcheck.corroborate.quote_authors import document_author
from factcheck.corroborate.quote_speaker import compare_speaker
from factcheck.corroborate.signals import SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims


def claims_of(text: str, kind: ClaimKind):
    return [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is kind]


def test_a_year_in_another_figures_clause_is_not_a_date_cue() -> None:
    (claim,) = claims_of("Turnout reached 68.1 percent, up from 54.6 percent in 2022.", ClaimKind.NUMERIC)
    passage = "Turnout: 68.1 percent\n\nTurnout was the highest in a provincial election since 2006."
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_weekday_is_read_in_the_figures_clauses() -> None:
    (claim,) = claims_of("The line opens on 14 June, the operator said on Tuesday.", ClaimKind.NUMERIC)
    signals = corroborate(claim, "Passenger services on the line will begin on Saturday 14 June.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    (other,) = claims_of("The line opens on Tuesday 14 June.", ClaimKind.NUMERIC)
    assert corroborate(other, "The line opens on Saturday 14 June.").stance is Stance.CONFLICTS


def test_a_negation_in_a_relative_clause_names_a_group() -> None:
    passage = "All children who have not received two doses should be vaccinated."
    assert conflicting_cues("Two doses give lasting protection.", passage, places_and_periods=False) == []
    assert conflicting_cues("Two doses give lasting protection.", "Two doses do not give lasting protection.")


def test_a_persons_name_is_not_a_place() -> None:
    def frame(text: str, figure: str):
        return frame_at(text, text.index(figure), text.index(figure) + len(figure))

    claim = frame("Some 12 runners finished ahead of Ruth Chebet.", "12")
    passage = frame("Some 14 runners finished ahead of Maria Lindgren.", "14")
    assert frame_difference(claim, passage) is None
    assert frame_difference(frame("30 trucks reached Moadamiyeh.", "30"), frame("20 trucks reached Aleppo.", "20"))


def test_a_sentence_opening_word_is_not_a_speaker_and_coordinated_verbs_share_one() -> None:
    text = (
        "Nearly 19,000 people have reached the islands by sea since January.\n\n"
        "Interior Minister Paula Grendt welcomed the fall but warned against reading too much into it. "
        '"Fewer boats does not mean the problem is solved," she told national radio on Sunday.'
    )
    (quote,) = claims_of(text, ClaimKind.QUOTE)
    assert quote.speaker == "Paula Grendt"


HEADED = (
    "# Brenmoor Crown Court\n\n"
    "## R v Daniel Kerrigan - Summary of sentencing remarks of Judge Miriam Osei\n\n"
    "You treated a public utility as your private bank. This was not a moment of weakness.\n"
)


def test_a_document_headed_as_ones_remarks_gives_its_unquoted_words_to_that_person() -> None:
    assert document_author(HEADED) == "Judge Miriam Osei"
    start = HEADED.index("You treated")
    span = ((start, start + len("You treated a public utility as your private bank")),)
    assert compare_speaker("Miriam Osei", HEADED, span)[0] is SpeakerStatus.SAME
    assert compare_speaker("Alan Drummond", HEADED, span) == (SpeakerStatus.DIFFERENT, "Judge Miriam Osei")


def test_an_organisations_statement_credits_nobody() -> None:
    assert document_author("Statement from Bridgewell Aid\n\nWe treated 1,150 children.") is None
    assert document_author("Notes\n\nRemarks by Judge Ann Lee were read out.") is None  # not a heading
