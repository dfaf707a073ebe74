"""The cases of issue 16, reproduced against the demo corpus built from seeds/: each claim set beside the stored
passage a user saw it judged against, through `check.judge` (the stored document is used as in the app)."""

from __future__ import annotations

import re

import pytest

from factcheck.check import judge
from factcheck.corroborate.signals import Stance
from factcheck.demo import ensure_demo_corpus
from factcheck.documents import Document
from factcheck.embed import HashEmbedder
from factcheck.extract import extract_claims
from factcheck.search import Hit
from factcheck.store import IndexStore
from tests.helpers import SEEDS

# An article pasted by a new user, written for these tests (the cases, in sentences of their own).
ARTICLE = """Aid reaches a besieged suburb as Geneva talks drag on

A convoy of 30 trucks reached Moadamiyeh on Thursday, the first delivery to the town in a month.

Across Syria, 590,000 people are besieged, the UN says. In eastern Aleppo about 275,000 people are cut off.

Planners say each convoy can feed 40,000 people.

Each convoy is loaded with 2,500 parcels.

Only 12 percent of people in besieged areas were reached with food in August.

The 8,000 remaining residents of Darayya were bussed out on Friday.

\u201cWashington and Moscow are both unhappy with how the truce has been holding up, and that is the reason we are \
meeting again,\u201d Kerry said.

\u201cOur experts will stay in Geneva for three more days to finish the work,\u201d Lavrov said.
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    corpus, _ = ensure_demo_corpus(IndexStore(tmp_path_factory.mktemp("indexes")), HashEmbedder(), SEEDS)
    claims = extract_claims(Document.from_text(ARTICLE, doc_id="pasted.txt"))
    return corpus, claims


def card(demo, claim_words: str, evidence_words: str):
    """The signals of the claim containing `claim_words` against the stored passage containing `evidence_words`."""
    corpus, claims = demo
    claim = next(c for c in claims if claim_words in c.text)
    passage = next(p for p in corpus.passages if evidence_words in p.text)
    hit = Hit.from_passage(passage, rank=1, score=1.0, corpus=corpus.name)
    checked = judge(claim, [hit], {corpus.name: corpus})
    return checked.signals[0]


@pytest.mark.parametrize(
    ("claim_words", "evidence_words", "counted"),
    [
        ("30 trucks reached Moadamiyeh", "first convoy into eastern Aleppo", "trucks"),
        ("590,000 people are besieged", "About 275,000 people are thought to remain", "people"),
        ("275,000 people are cut off", "enough food to feed 40,000 people", "people"),
        ("can feed 40,000 people", "deliver aid to almost 1 million people", "people"),
        ("2,500 parcels", "enough food to feed 40,000 people", "parcels"),
    ],
)
def test_figures_that_count_different_things_are_related_not_conflicts(demo, claim_words, evidence_words, counted):
    signals = card(demo, claim_words, evidence_words)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert any(r.startswith("A different figure: the source counts") for r in signals.reasons), signals.reasons


def test_remaining_residents_and_civilians_who_remained_are_the_same_thing(demo):
    signals = card(demo, "8,000 remaining residents", "Around 4,000 civilians remained in Darayya")
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert signals.confident


def test_a_share_of_people_reached_does_not_support_a_share_of_requests_approved(demo):
    signals = card(demo, "12 percent of people", "approved less than half of those requests")
    assert signals.stance is not Stance.SUPPORTS, signals.reasons


def test_a_transcript_label_a_sentence_before_the_quote_names_its_speaker(demo):
    signals = card(demo, "Washington and Moscow are both unhappy", "Washington and Moscow are both unhappy")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    assert signals.quote.source_speaker == "Kerry"


@pytest.mark.parametrize("evidence_words", ["Is there a deal on Aleppo or not?", "Our experts will stay in Geneva"])
def test_a_questioner_turn_is_never_the_speaker_of_a_quote(demo, evidence_words):
    signals = card(demo, "Our experts will stay in Geneva", evidence_words)
    assert signals.stance is not Stance.CONFLICTS, signals.reasons
    assert not any("Question" in reason for reason in signals.reasons), signals.reasons


def test_the_lavrov_turn_after_a_question_on_the_same_line_supports_his_quote(demo):
    signals = card(demo, "Our experts will stay in Geneva", "Our experts will stay in Geneva")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    assert signals.quote.source_speaker == "Lavrov"


def test_a_quote_claim_is_not_contradicted_by_figures_in_a_passage_without_its_words(demo):
    signals = card(demo, "Our experts will stay in Geneva", "a 48-hour pause so that convoys")
    assert signals.stance is Stance.RELATED, signals.reasons


_UNREADABLE = re.compile(
    r"\b(?:match|within_rounding|consistent_with_qualifier|mismatch|unit_mismatch|no_numbers|verbatim|"
    r"punctuation_only|not_found)\)|'nothing'|\bOne food\b|_"
)


def test_every_reason_is_a_plain_sentence(demo):
    corpus, claims = demo
    hits = [Hit.from_passage(p, rank=n, score=0.0, corpus=corpus.name) for n, p in enumerate(corpus.passages, 1)]
    for claim in claims:
        for signals in judge(claim, hits, {corpus.name: corpus}).signals:
            for reason in signals.reasons:
                assert not _UNREADABLE.search(reason), (claim.text, reason)
                assert reason[:1].isupper() and reason.rstrip().endswith((".", "?", "!")), (claim.text, reason)
