"""Confidence of decisive stances, quotes compared part by part, swapped words, and the sources counted."""

from __future__ import annotations

from factcheck.check import judge
from factcheck.corroborate.quote_parts import compare_quote_parts
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import QuoteStatus, Stance
from factcheck.corroborate.stance import corroborate, passage_context
from factcheck.documents import Document
from factcheck.evaluate.corroboration import make_claim
from factcheck.search import Hit
from factcheck.store import IndexStore


def signals_of(claim_text: str, passage: str, kind: str = "numeric", speaker: str | None = None):
    return corroborate(make_claim(kind, claim_text, speaker), passage)


def test_a_match_on_the_same_counted_thing_is_confident():
    signals = signals_of("Officials evacuated 8,000 residents.", "The council said 8,000 residents left.")
    assert signals.stance is Stance.SUPPORTS and signals.confident


def test_a_value_with_nothing_else_in_common_is_tentative():
    signals = signals_of("The ministry counted 40 on Monday.", "Only 40 were seen at the crossing.")
    assert signals.stance is Stance.SUPPORTS and not signals.confident


def test_related_is_never_confident():
    signals = signals_of("The ministry counted 40 trucks.", "It rained all day.")
    assert signals.stance is Stance.RELATED and signals.confidence == 0 and not signals.confident


def test_a_swapped_word_in_quoted_speech_conflicts_but_not_one_in_the_attribution():
    swapped = compare_quote(
        "My client accepts the verdict but not the sentence",
        "Ruth Hale",
        '"My client respects the verdict but not the sentence," Ruth Hale said.',
    )
    assert swapped.status is QuoteStatus.ALTERED and swapped.changed_words == ("accepts -> respects",)
    trailing = compare_quote(
        "The government abandoned us completely", None, '"The government abandoned us," said Sofia Petrova.'
    )
    assert trailing.changed_words == ()


def test_separate_quotations_are_compared_part_by_part():
    context = '"We need access every day, not once a month," she said. "People are skipping meals."'
    claim_text = "We need access every day, not once a month, People are skipping meals."
    turn = "SAYEED: We need access every day, not once a week. People are skipping meals."
    second = compare_quote_parts(
        claim_text, "Sayeed", "People are skipping meals.", turn, turn.index("People"), context
    )
    assert second.status is QuoteStatus.VERBATIM and second.source_speaker == "Sayeed"
    first = compare_quote_parts(claim_text, "Sayeed", turn[8:59], turn, 8, context)
    assert first.status is QuoteStatus.ALTERED and first.changed_words == ("month -> week",)


def test_one_quotation_whose_sentences_the_source_has_apart_stays_stitched():
    claim_text = "The economy is recovering. Taxes will come down next year"
    passage = '"The economy is recovering," Ortiz said. Later he said "taxes will come down next year, if possible."'
    signal = compare_quote_parts(claim_text, "Ortiz", passage, None, None, f'"{claim_text}," Ortiz said.')
    assert signal.status is QuoteStatus.STITCHED


def test_the_passage_context_is_its_paragraph_and_heading():
    document = "# Report\n\n## Aleppo\n\nPlans describe a first convoy of 20 trucks. It waits.\n\n## Darayya\n\nMore."
    passage = "Plans describe a first convoy of 20 trucks."
    assert passage_context(document, passage, document.index(passage)) == (
        "Plans describe a first convoy of 20 trucks. It waits.\nin Aleppo"
    )
    assert passage_context(document, "not there", None) is None


def test_only_confident_stances_count_as_independent_sources(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(
        [
            Document.from_text("The council said 8,000 residents left Darayya.", doc_id="sure.txt"),
            Document.from_text("Only 8,000 were seen at the crossing.", doc_id="tentative.txt"),
        ],
        embedder,
    )
    claim = make_claim("numeric", "Officials said 8,000 residents left Darayya.")
    hits = [Hit.from_passage(p, rank=n, score=1.0, corpus="reports") for n, p in enumerate(corpus.passages, 1)]
    checked = judge(claim, hits, {"reports": corpus})
    assert [s.stance for s in checked.signals] == [Stance.SUPPORTS, Stance.SUPPORTS]
    assert [s.confident for s in checked.signals] == [True, False]
    assert checked.independent(Stance.SUPPORTS) == 1


def test_a_body_as_the_claims_speaker_is_neither_the_same_nor_another():
    turn = "OSEI: Clean water is now our most urgent need, more than food."
    signal = compare_quote("now our most urgent need, more than food", "The Tarvana Red Cross", turn, turn, 0)
    assert signal.status is QuoteStatus.VERBATIM and signal.speaker.value == "unknown"


def test_cues_of_a_joined_quote_are_read_on_the_part_compared():
    context = '"We are reaching people," he said. "But we are not reaching them fast enough."'
    claim = make_claim(
        "quote", "We are reaching people, But we are not reaching them fast enough.", "Omar Ali", context
    )
    signals = corroborate(claim, "Tanker deliveries are reaching parts of Port Selby.")
    assert signals.stance is not Stance.CONFLICTS, signals.reasons
