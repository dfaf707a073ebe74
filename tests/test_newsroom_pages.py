"""The newsroom workflow in the app (streamlit.testing): articles, queue filters, attributed bulk changes and their
undo, claims opened from the address, next/previous, candidates kept with the article."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.articles import list_articles, save_candidates
from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore
from tests.helpers import PROJECT_ROOT

SIEGE = "Almost 600,000 people live under siege, the UN said.\n\nSome 8,000 residents left Darayya on Friday."
TRUCE = "“We want a pause for 48 hours,” Kerry said."


@pytest.fixture
def store(app_env):
    store = ReviewStore(app_env / "reviews.sqlite3")
    for name, text, title in (("siege.txt", SIEGE, "Siege"), ("truce.txt", TRUCE, "Truce")):
        document = Document.from_text(text, doc_id=name, title=title)
        store.record_claims(document, extract_claims(document), checked_by="ana")
    return store


def page(name: str, reviewer: str = "") -> AppTest:
    app = AppTest.from_file(str(PROJECT_ROOT / "factcheck" / "app" / "pages" / name), default_timeout=120)
    if reviewer:
        app.session_state["reviewer"] = reviewer
    app.run()
    assert not app.exception, app.exception
    return app


def _article(store: ReviewStore, doc: str):
    return next(article for article in list_articles(store) if article.doc == doc)


def test_articles_page_lists_renames_archives_and_deletes(store):
    siege = _article(store, "siege.txt")
    first = next(row.claim_id for row in store.recorded_claims() if row.doc_hash == siege.doc_hash)
    store.save(first, rating="False", status=ReviewStatus.DONE, reviewer="ana", expected_version=0)
    app = page("articles.py")
    table = app.dataframe[0].value
    assert set(table["title"]) == {"Siege", "Truce"}
    assert list(table.loc[table["title"] == "Siege", ["claims", "done", "checked by"]].iloc[0]) == [2, 1, "ana"]

    app.selectbox(key="articles_pick").set_value(siege.doc_hash).run()
    app.text_input(key=f"article-title-{siege.doc_hash}-0").input("Siege of Aleppo")
    app.text_input(key=f"article-url-{siege.doc_hash}-0").input("https://news.example/siege")
    app.button(key=f"FormSubmitter:article-edit-{siege.doc_hash}-0-Save title and source URL").click().run()
    assert not app.exception, app.exception
    assert (_article(store, "siege.txt").title, _article(store, "siege.txt").url) == (
        "Siege of Aleppo",
        "https://news.example/siege",
    )

    app.button(key="article_delete").click().run()  # the reviewed claim is kept without confirmation
    assert any("were kept" in w.value for w in app.warning)
    assert [row.claim_id for row in store.recorded_claims() if row.doc_hash == siege.doc_hash] == [first]
    app.checkbox(key=f"article-delete-reviewed-{siege.doc_hash}-2").check().run()
    app.button(key="article_delete").click().run()
    assert any("Deleted Siege of Aleppo" in s.value for s in app.success)
    assert [article.doc for article in list_articles(store)] == ["truce.txt"]

    app.button(key="article_archive").click().run()
    assert any("Archived Truce" in s.value for s in app.success)
    assert any("No articles yet" in i.value for i in app.info)
    app.toggle(key="articles_archived").set_value(True).run()
    app.button(key="article_unarchive").click().run()
    assert not _article(store, "truce.txt").archived


def test_queue_filters_by_article_text_and_date(store):
    siege = _article(store, "siege.txt")
    app = page("queue.py")
    assert len(app.dataframe[0].value) == 3
    app.multiselect(key="queue_article").set_value([siege.doc_hash]).run()
    assert set(app.dataframe[0].value["article"]) == {"Siege"}
    app.text_input(key="queue_text").input("darayya").run()
    assert list(app.dataframe[0].value["claim"]) == ["Some 8,000 residents left Darayya on Friday."]
    app.multiselect(key="queue_article").set_value([]).run()
    app.text_input(key="queue_text").input("").run()
    checked = date.fromisoformat(siege.checked_at[:10])
    app.date_input(key="queue_checked").set_value((checked, checked)).run()
    assert len(app.dataframe[0].value) == 3
    app.date_input(key="queue_checked").set_value((checked + timedelta(days=1), checked + timedelta(days=9))).run()
    assert any("No claims yet" in i.value for i in app.info)


def test_a_bulk_change_is_in_each_claims_history_and_can_be_undone(store):
    app = page("queue.py", reviewer="cleo")
    app.checkbox(key="queue_select_all").check().run()
    app.selectbox[[s.label for s in app.selectbox].index("Status")].set_value("done")
    app.button(key="FormSubmitter:queue_bulk-Apply to selected").click().run()
    assert any("Updated 3 claims" in s.value for s in app.success)
    assert any("by cleo" in c.value for c in app.caption)
    claim_id = store.recorded_claims()[0].claim_id

    verdicts = page("verdicts.py")
    verdicts.selectbox(key="verdict_article").set_value(store.recorded_claim(claim_id).doc_hash).run()
    verdicts.selectbox(key="verdict_claim_pick").set_value(claim_id).run()
    history = verdicts.table[-1].value
    assert list(history.iloc[0][["changed by", "change", "status"]]) == ["cleo", "bulk change", "done"]
    assert any("by cleo" in c.value for c in verdicts.caption)

    app.button(key="queue_undo_bulk").click().run()
    assert not app.exception, app.exception
    assert any("3 claims put back" in s.value for s in app.success)
    assert {row.status for row in store.recorded_claims()} == {ReviewStatus.UNREVIEWED}


def test_the_address_opens_a_claim_and_next_previous_walk_the_article(store):
    siege = _article(store, "siege.txt")
    first, second = [row.claim_id for row in store.recorded_claims() if row.doc_hash == siege.doc_hash]
    app = AppTest.from_file(str(PROJECT_ROOT / "factcheck" / "app" / "pages" / "verdicts.py"), default_timeout=120)
    app.query_params["claim"] = second
    app.run()
    assert not app.exception, app.exception
    assert (app.selectbox(key="verdict_article").value, app.selectbox(key="verdict_claim_pick").value) == (
        siege.doc_hash,
        second,
    )
    shortcuts = {button.label: button.proto.shortcut for button in app.button if button.proto.shortcut}
    assert shortcuts == {"Previous": "alt+p", "Next": "alt+n", "Save verdict": "ctrl+enter"}  # from the keyboard
    app.button(key="verdict_previous").click().run()
    assert app.selectbox(key="verdict_claim_pick").value == first
    assert app.query_params["claim"] in (first, [first])
    app.button(key="verdict_next").click().run()
    assert app.selectbox(key="verdict_claim_pick").value == second


def test_a_reload_of_the_check_page_opens_the_claim_on_verdicts_with_its_kept_candidates(store):
    claim_id = store.recorded_claims()[0].claim_id
    hit = {"corpus": "demo", "passage_id": "p1", "doc_id": "un.md", "title": "UN briefing", "rank": 1}
    save_candidates(store, {claim_id: [{**hit, "stance": "supports", "reasons": ["The figures match."]}]})
    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120)
    app.query_params["claim"] = claim_id
    app.query_params["reviewer"] = "ana"
    app.run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Verdicts"
    assert app.selectbox(key="verdict_claim_pick").value == claim_id
    assert app.text_input(key="reviewer").value == "ana"  # the name survives the reload too
    assert "1. UN briefing" in app.multiselect(key=f"evidence-{claim_id}").options
    assert any("The figures match" in c.value for c in app.caption)  # the kept candidate with its reasons
    app.multiselect(key=f"evidence-{claim_id}").set_value(["1. UN briefing"])
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    assert store.get(claim_id).evidence[0]["passage_id"] == "p1"
