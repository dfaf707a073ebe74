"""The cheap test for deep candidates: true for every passage that could stand alone, false for most others."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.deep_candidates import deep_candidate_test
from factcheck.corroborate.quotes import LONG_SOURCE_CHARS
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.embed import HashEmbedder
from factcheck.evaluate.article_set import read_article_set
from factcheck.extract import ClaimKind, extract_claims
from factcheck.readers import read_path
from factcheck.store import IndexStore

ARTICLE_SET = Path(__file__).resolve().parents[1] / "data" / "article_set"


def _claim(text: str, kind: ClaimKind):
    claims = [c for c in extract_claims(Document.from_text(text, doc_id="a")) if c.kind is kind]
    assert claims, f"no {kind.value} claim in {text!r}"
    return claims[0]


def test_a_passage_with_the_claims_figure_could_stand_alone_and_one_without_cannot() -> None:
    claim = _claim("Aid agencies said 8,000 residents remain in the town.", ClaimKind.NUMERIC)
    could = deep_candidate_test(claim)
    assert could("About 8,000 people still live there, the council said.", None)
    assert could("Eight thousand residents were counted in March.", None)  # the same value written in words
    assert not could("About 4,000 people still live there, the council said.", None)
    assert not could("The council met on Tuesday to discuss the roads.", None)


def test_a_quote_could_stand_alone_where_all_its_words_are_or_most_of_them_in_the_passage() -> None:
    claim = _claim('"We will reopen the northern crossing on Monday," the minister, Ada Alves, said.', ClaimKind.QUOTE)
    could = deep_candidate_test(claim)
    transcript = "ALVES: We will reopen the northern crossing on Monday, and not a day later."
    assert could(transcript, None)
    assert could("ALVES: Thank you all for coming.", transcript)  # the passage's document holds the words
    # one word changed in the passage: a conflict that stands alone
    assert could("ALVES: We will reopen the southern crossing on Monday.", "ALVES: The southern one first.")
    assert not could("ALVES: The southern one opens first.", "ALVES: The southern one opens first.")
    assert not could("The northern crossing stays shut.", None)


def test_one_quotation_of_a_quote_written_in_two_is_enough() -> None:
    claim = _claim(
        '"The water is safe to drink," Mayor Ina Ruud said on Friday. "Every test since Sunday has been clean."',
        ClaimKind.QUOTE,
    )
    could = deep_candidate_test(claim)
    assert could("RUUD: Every test since Sunday has been clean.", None)
    assert not could("RUUD: We are still waiting for results.", None)


def test_a_source_too_long_for_a_whole_reading_always_passes() -> None:
    claim = _claim('"We will reopen the northern crossing on Monday," Ada Alves said.', ClaimKind.QUOTE)
    long_document = "The council met. " * (LONG_SOURCE_CHARS // 10)
    assert deep_candidate_test(claim)("The council met.", long_document)


@pytest.mark.parametrize(
    "split",
    ["dev", pytest.param("test", marks=pytest.mark.slow), pytest.param("round4", marks=pytest.mark.slow)],
)
def test_no_passage_that_stands_alone_is_turned_away(split: str, tmp_path: Path) -> None:
    """Over a whole split, each article's every claim against every passage of its corpus: a passage the test turns
    away never stands alone when compared in full, and the test turns away most passages (it is worth running)."""
    article_set = read_article_set(ARTICLE_SET / split)
    store = IndexStore(tmp_path)
    embedder = HashEmbedder()
    turned_away = standing = compared = 0
    for number, article_id in enumerate(sorted(article_set.articles)):
        corpus = store.open_or_create(f"a{number}", embedder)
        folder = article_set.corpora[article_id]
        corpus.add_documents([doc for path in sorted(folder.iterdir()) for doc in read_path(path)], embedder)
        (article,) = read_path(article_set.articles[article_id])
        for claim in extract_claims(article):
            could = deep_candidate_test(claim)
            for passage in corpus.passages:
                document = corpus.documents.get(passage.doc_id)
                document_text = document.text if document else None
                signals = corroborate(claim, passage.text, document_text, None, passage.start)
                compared += 1
                alone = stands_alone(signals)
                standing += alone
                if not could(passage.text, document_text):
                    turned_away += 1
                    assert not alone, (article_id, claim.text, passage.text)
    assert standing > 0
    assert turned_away > compared / 2, (turned_away, compared)
