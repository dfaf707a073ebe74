"""The Queue and Corpora pages through streamlit.testing, and the workbench calls behind them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import Settings, add_uploads, corpora_table, queue_table
from tests.conftest import PROJECT_ROOT


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_INDEX_DIR", str(tmp_path / "indexes"))
    monkeypatch.setenv("FACTCHECK_REVIEWS", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_EMBEDDER", "hash")
    return tmp_path


def page(name: str) -> AppTest:
    app = AppTest.from_file(str(PROJECT_ROOT / "pages" / name), default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def test_queue_lists_and_filters_claims_of_every_article(app_env):
    store = ReviewStore(app_env / "reviews.sqlite3")
    for name, text in [
        ("a.txt", "Almost 600,000 people live under siege, the UN said."),
        ("b.txt", "“We want a pause for 48 hours,” Kerry said."),
    ]:
        document = Document.from_text(text, doc_id=name)
        store.record_claims(document, extract_claims(document))
    first = store.claim_rows()[0]["claim_id"]
    store.save(first, rating="False", reviewer="ana", status=ReviewStatus.DONE, expected_version=0)

    app = page("1_Queue.py")
    assert len(app.dataframe[0].value) == 2
    app.multiselect(key="queue_status").set_value(["done"]).run()
    assert list(app.dataframe[0].value["rating"]) == ["False"]
    assert len(queue_table(store, kinds=["quote"])) == 1


def test_corpora_page_lists_the_demo_and_removes_a_document(app_env):
    app = page("2_Corpora.py")
    table = app.dataframe[0].value
    assert "demo" in list(table["corpus"])
    doc_id = app.multiselect(key="corpus_remove_docs").options[0]
    app.multiselect(key="corpus_remove_docs").set_value([doc_id]).run()
    app.button(key="corpus_remove_docs_button").click().run()
    assert any("Removed 1" in s.value for s in app.success)


def test_uploads_are_added_and_unreadable_files_reported(app_env):
    from factcheck.embed import HashEmbedder

    settings = Settings.from_environment()
    uploads = [
        ("note.txt", b"Some 8,000 residents were evacuated from Darayya on Friday."),
        ("broken.pdf", b"not a pdf at all"),
        ("empty.txt", b""),
    ]
    report, problems = add_uploads(settings, "archive", uploads, HashEmbedder())
    assert report.added_documents == 1
    assert len(problems) == 2 and any("broken.pdf" in p for p in problems)
    assert list(corpora_table(settings)["corpus"]) == ["archive"]


def test_export_page_offers_csv_and_claimreview(app_env):
    import json

    from factcheck.workbench import export_reviews_jsonld

    store = ReviewStore(app_env / "reviews.sqlite3")
    document = Document.from_text("“We want a pause for 48 hours,” Kerry said.", doc_id="b.txt")
    store.record_claims(document, extract_claims(document))
    store.save(store.claim_rows()[0]["claim_id"], rating="Accurate", expected_version=0)
    app = page("3_Export.py")
    assert "1 claims recorded, 1 with a rating" in app.caption[0].value
    [review] = json.loads(export_reviews_jsonld(store))
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Accurate"
