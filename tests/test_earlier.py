"""Earlier fact-checks in a check: found and shown apart, never counted as supporting or conflicting evidence."""

from __future__ import annotations

import json

import pytest

from factcheck.check import check_document, judge
from factcheck.corroborate.signals import Stance
from factcheck.documents import Document
from factcheck.errors import CorpusKindError
from factcheck.export import check_rows
from factcheck.factchecks import CorpusKind, PublishedReview
from factcheck.readers import read_bytes
from factcheck.search import search
from factcheck.store import IndexStore
from tests.helpers import make_documents

DEBUNKED = "The first convoy into eastern Aleppo consisted of 25 trucks."
FEED = {
    "@type": "DataFeed",
    "dataFeedElement": [
        {
            "@type": "ClaimReview",
            "url": "https://checks.example.org/convoy",
            "datePublished": "2016-09-21",
            "author": {"name": "Example Checks"},
            "claimReviewed": DEBUNKED,
            "reviewRating": {"alternateName": "False"},
        },
        {
            "@type": "ClaimReview",
            "url": "https://checks.example.org/bread",
            "author": {"name": "Example Checks"},
            "claimReviewed": "Bread prices in Damascus doubled in one month.",
        },
    ],
}


@pytest.fixture
def corpora(index_dir, embedder):
    store = IndexStore(index_dir)
    evidence = store.open_or_create("reports", embedder)
    evidence.add_documents(
        make_documents("Planning documents describe a first convoy of 20 trucks into eastern Aleppo."), embedder
    )
    archive = store.open_or_create("archive", embedder)
    archive.add_documents(read_bytes(json.dumps(FEED).encode(), "feed.json"), embedder)
    return evidence, archive


def test_a_fact_check_corpus_is_a_kind_and_listed(corpora, index_dir):
    evidence, archive = corpora
    assert archive.manifest.corpus_kind is CorpusKind.FACT_CHECK
    assert evidence.manifest.corpus_kind is CorpusKind.EVIDENCE
    kinds = {info.name: info.kind for info in IndexStore(index_dir).list()}
    assert kinds == {"archive": "fact-check", "reports": "evidence"}
    # The kind survives reopening, and every passage of the archive keeps its review.
    reopened = IndexStore(index_dir).open("archive")
    assert reopened.manifest.corpus_kind is CorpusKind.FACT_CHECK
    assert {p.review.rating for p in reopened.passages} == {"False", None}


def test_search_hits_from_a_fact_check_corpus_carry_the_review(corpora, embedder):
    _, archive = corpora
    [hit, *_] = search([archive], embedder, DEBUNKED, top_k=2)
    assert hit.review == PublishedReview("False", "Example Checks", "2016-09-21", "https://checks.example.org/convoy")
    assert hit.to_dict()["review"]["rating"] == "False"


def test_a_debunked_sentence_never_supports_the_false_claim(corpora, embedder):
    evidence, archive = corpora
    article = Document.from_text(f"Officials said that {DEBUNKED[0].lower()}{DEBUNKED[1:]}", doc_id="a.txt")
    [checked] = check_document(article, [evidence, archive], embedder, top_k=3)
    assert [hit.corpus for hit in checked.candidates] == ["reports"]
    assert all(signal.stance is not Stance.SUPPORTS for signal in checked.signals)
    assert [hit.review.rating for hit in checked.earlier_fact_checks][:1] == ["False"]
    record = checked.to_dict()
    [alone] = check_document(article, [evidence], embedder, top_k=3)
    assert record["independent_sources"] == alone.to_dict()["independent_sources"]  # the review adds nothing
    assert record["independent_sources"]["supports"] == 0
    assert record["earlier_fact_checks"][0]["review"]["url"] == "https://checks.example.org/convoy"
    assert record["earlier_fact_checks"][0]["similarity"] > 0.6
    [row] = check_rows([record])
    assert row["checked_before"].startswith("rated False by Example Checks, 2016-09-21")
    # Judged as evidence, the same review passage would have been a Supports card: the split is what prevents it.
    [review_hit, *_] = search([archive], embedder, DEBUNKED, top_k=1)
    naive = judge(checked.claim, [_as_evidence(review_hit)], {})
    assert naive.signals[0].stance is Stance.SUPPORTS
    assert judge(checked.claim, [review_hit], {}).candidates == ()


def test_a_claim_with_no_matching_review_has_none(corpora, embedder):
    evidence, archive = corpora
    article = Document.from_text("The council approved a budget of 4.5 million euros on Tuesday.", doc_id="b.txt")
    [checked] = check_document(article, [evidence, archive], embedder, top_k=3)
    assert checked.earlier_fact_checks == ()
    assert checked.to_dict()["earlier_fact_checks"] == []


def test_fact_checks_and_evidence_are_never_mixed_in_one_corpus(corpora, embedder):
    evidence, archive = corpora
    reviews = read_bytes(json.dumps(FEED).encode(), "again.json")
    changed = [Document(**{**_fields(d), "text": d.text + " Again.", "doc_id": "new"}) for d in reviews[:1]]
    with pytest.raises(CorpusKindError, match="is an evidence corpus"):
        evidence.add_documents(changed, embedder)
    with pytest.raises(CorpusKindError, match="corpus of earlier fact-checks"):
        archive.add_documents(make_documents("Plain evidence text about trucks."), embedder)
    with pytest.raises(CorpusKindError, match="one kind"):
        archive.add_documents([*changed, *make_documents("Plain evidence text.")], embedder)
    assert evidence.manifest.documents == 1 and archive.manifest.documents == 2  # nothing was added


def test_rebuild_keeps_reviews_and_the_kind(corpora, embedder, index_dir):
    _, archive = corpora
    archive.rebuild(embedder)
    reopened = IndexStore(index_dir).open("archive", embedder)
    assert reopened.manifest.corpus_kind is CorpusKind.FACT_CHECK
    assert reopened.documents["https://checks.example.org/convoy"].review.rating == "False"
    assert len(reopened.passages) == 2


def _fields(document: Document) -> dict:
    return {name: getattr(document, name) for name in Document.__slots__}


def _as_evidence(hit):
    import dataclasses

    return dataclasses.replace(hit, review=None)


def test_two_publishers_reviewing_the_same_claim_are_two_records(index_dir, embedder):
    same = [{**FEED["dataFeedElement"][0], "author": {"name": name}, "url": f"https://{name}.example"} for name in "ab"]
    archive = IndexStore(index_dir).open_or_create("archive", embedder)
    report = archive.add_documents(read_bytes(json.dumps(same).encode(), "two.json"), embedder)
    assert report.added_documents == 2 and report.skipped_duplicates == ()
    assert {hit.review.publisher for hit in search([archive], embedder, DEBUNKED, top_k=2)} == {"a", "b"}


@pytest.mark.parametrize(
    ("bound", "model", "shown"),
    [(None, "hash-bag-of-words", True), (0.99, "hash-bag-of-words", False), (0.99, "another-model", True)],
    ids=["adapter-without-bound", "adapter-bound-applies", "adapter-of-another-model"],
)
def test_the_adapter_brings_its_own_similarity_bound(corpora, embedder, tmp_path, monkeypatch, bound, model, shown):
    """Adapted cosines run lower than plain ones, so a review is shown from the adapter's own bound when the archive
    is searched through it; an adapter that does not apply leaves MIN_SIMILARITY (0.6) in force."""
    import numpy as np

    from factcheck.query_adapter import QueryAdapter, write_adapter

    evidence, archive = corpora
    path = tmp_path / "adapter.npz"
    write_adapter(QueryAdapter(np.zeros((384, 384), np.float32), model, min_similarity=bound), path)
    monkeypatch.setenv("FACTCHECK_QUERY_ADAPTER", str(path))
    article = Document.from_text(f"Officials said that {DEBUNKED[0].lower()}{DEBUNKED[1:]}", doc_id="a.txt")
    [checked] = check_document(article, [evidence, archive], embedder, top_k=3)
    assert [bool(checked.earlier_fact_checks)] == [shown]
    if shown:
        assert 0.6 <= checked.earlier_fact_checks[0].similarity < 0.99  # so only the bound tells the cases apart
