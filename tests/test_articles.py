"""Articles as things to manage: listing with progress, rename, source URL, archive, delete; candidates kept."""

from __future__ import annotations

import pytest

from factcheck.articles import (
    delete_article,
    get_article,
    list_articles,
    rename_article,
    save_candidates,
    saved_candidates,
    set_archived,
    set_source_url,
)
from factcheck.documents import Document
from factcheck.errors import ArticleError
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import articles_table, export_reviews_csv, queue_table

SIEGE = "Almost 600,000 people live under siege, the UN said.\n\nSome 8,000 residents left Darayya on Friday."
TRUCE = "“We want a pause for 48 hours,” Kerry said."


@pytest.fixture
def store(review_target):
    store = ReviewStore(review_target)
    for name, text, who in (("siege.txt", SIEGE, "ana"), ("truce.txt", TRUCE, "ben")):
        document = Document.from_text(text, doc_id=name, title=f"Pasted: {name}")
        store.record_claims(document, extract_claims(document), checked_by=who)
    return store


def _hash(store, doc: str) -> str:
    return next(article.doc_hash for article in list_articles(store) if article.doc == doc)


def test_articles_are_listed_with_who_checked_them_and_their_progress(store):
    siege = _hash(store, "siege.txt")
    first, second = [row.claim_id for row in store.recorded_claims() if row.doc_hash == siege]
    store.save(first, rating="False", status=ReviewStatus.DONE, expected_version=0)
    store.save(second, rating=None, status=ReviewStatus.IN_PROGRESS, expected_version=0)
    article = get_article(store, siege)
    assert (article.checked_by, article.claims, article.done, article.in_progress, article.saved) == (
        "ana",
        2,
        1,
        1,
        2,
    )
    assert article.reviewed_share == 0.5
    table = articles_table(store)
    assert set(table["checked by"]) == {"ana", "ben"}
    assert list(table.loc[table["doc_hash"] == siege, "reviewed"]) == [0.5]


def test_a_renamed_article_keeps_its_title_and_url_when_checked_again(store):
    siege = _hash(store, "siege.txt")
    rename_article(store, siege, "  Siege   of Aleppo ")
    set_source_url(store, siege, "https://news.example/siege")
    document = Document.from_text(SIEGE, doc_id="siege.txt", title="Pasted: siege.txt")
    store.record_claims(document, extract_claims(document), checked_by="cleo")
    article = get_article(store, siege)
    assert (article.title, article.url, article.checked_by) == ("Siege of Aleppo", "https://news.example/siege", "cleo")
    assert {row.doc_title for row in store.recorded_claims() if row.doc_hash == siege} == {"Siege of Aleppo"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda store, h: rename_article(store, h, "   "), "title is empty"),
        (lambda store, h: set_source_url(store, h, "news.example/siege"), "not a web address"),
        (lambda store, h: rename_article(store, "no-such-article", "Title"), "No checked article"),
    ],
)
def test_unusable_titles_urls_and_ids_are_refused(store, change, message):
    siege = _hash(store, "siege.txt")
    with pytest.raises(ArticleError, match=message):
        change(store, siege)
    assert get_article(store, siege).title == "Pasted: siege.txt"


def test_an_archived_article_leaves_the_queue_and_the_export_and_can_come_back(store):
    truce = _hash(store, "truce.txt")
    set_archived(store, truce, True)
    assert "truce.txt" not in export_reviews_csv(store).decode()
    assert truce not in set(queue_table(store)["article_id"])
    assert truce in set(queue_table(store, include_archived=True)["article_id"])
    assert [a.doc for a in list_articles(store, include_archived=False)] == ["siege.txt"]
    set_archived(store, truce, False)
    assert truce in set(queue_table(store)["article_id"])


def test_deleting_keeps_reviewed_claims_until_confirmed(store):
    siege = _hash(store, "siege.txt")
    first, second = [row.claim_id for row in store.recorded_claims() if row.doc_hash == siege]
    store.save(first, rating="False", reviewer="ana", expected_version=0)
    save_candidates(store, {second: [{"corpus": "demo", "passage_id": "p1"}]})
    deletion = delete_article(store, siege)
    assert (deletion.deleted_claims, deletion.kept_reviewed, deletion.article_deleted) == (1, 1, False)
    assert [row.claim_id for row in store.recorded_claims() if row.doc_hash == siege] == [first]
    assert saved_candidates(store, second) == []
    deletion = delete_article(store, siege, include_reviewed=True)
    assert (deletion.deleted_claims, deletion.article_deleted) == (1, True)
    assert store.history(first) == [] and store.get(first).version == 0
    assert [a.doc for a in list_articles(store)] == ["truce.txt"]
    with pytest.raises(ArticleError):
        delete_article(store, siege)


def test_candidates_are_kept_with_the_claim(store):
    claim_id = store.recorded_claims()[0].claim_id
    hits = [{"corpus": "demo", "passage_id": "p1", "title": "UN briefing", "stance": "supports", "reasons": ["x"]}]
    save_candidates(store, {claim_id: hits})
    assert saved_candidates(store, claim_id) == hits
    save_candidates(store, {claim_id: hits[:0]})  # a later check replaces them
    assert saved_candidates(store, claim_id) == []
