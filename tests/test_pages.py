"""The Queue and Corpora pages through streamlit.testing, and the workbench calls behind them."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.publication import load_publication
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import Settings, add_uploads, corpora_table, queue_table
from tests.helpers import PROJECT_ROOT


def page(name: str) -> AppTest:
    app = AppTest.from_file(str(PROJECT_ROOT / "factcheck" / "app" / "pages" / name), default_timeout=120)
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
    first = store.recorded_claims()[0].claim_id
    store.save(first, rating="False", reviewer="ana", status=ReviewStatus.DONE, expected_version=0)

    app = page("queue.py")
    assert len(app.dataframe[0].value) == 2
    app.multiselect(key="queue_status").set_value(["done"]).run()
    assert list(app.dataframe[0].value["rating"]) == ["False"]
    assert len(queue_table(store, kinds=["quote"])) == 1


def test_corpora_page_lists_the_demo_and_removes_a_document(app_env):
    app = page("corpora.py")
    table = app.dataframe[0].value
    assert "demo" in list(table["corpus"])
    doc_id = app.multiselect(key="corpus_remove_docs-demo-0").options[0]
    app.multiselect(key="corpus_remove_docs-demo-0").set_value([doc_id]).run()
    app.button(key="corpus_remove_docs_button").click().run()
    assert app.multiselect(key="corpus_remove_docs-demo-1").value == []  # the choice is cleared after removing
    assert doc_id not in app.multiselect(key="corpus_remove_docs-demo-1").options
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


def test_corpora_page_on_milvus_lists_kinds_and_adds_with_progress(app_env, monkeypatch):
    from factcheck.embed import HashEmbedder
    from tests.helpers import SEEDS

    monkeypatch.setenv("FACTCHECK_STORE", f"milvus-lite:{app_env / 'corpora.db'}")
    settings = Settings.from_environment()
    steps = []
    feed = (SEEDS / "fact-checks" / "sample-feed.json").read_bytes()
    report, problems = add_uploads(
        settings, "archive", [("feed.json", feed)], HashEmbedder(), lambda *step: steps.append(step)
    )
    assert report.added_documents > 0 and problems == []
    assert steps[-1] == ("saving", 1, 1) and any(stage == "embedding" for stage, _, _ in steps)
    app = page("corpora.py")  # the page builds the demo corpus in Milvus too
    table = app.dataframe[0].value
    assert dict(zip(table["corpus"], table["kind"], strict=True)) == {"archive": "fact-check", "demo": "evidence"}
    assert not (app_env / "indexes" / "archive").exists()
    app.text_input(key="corpus_search_query").input("aid requests in August").run()
    app.multiselect(key="corpus_search_corpora").set_value(["archive"]).run()
    assert any("Fact-check: rated False" in c.value.replace("\\", "") for c in app.caption), [
        c.value for c in app.caption
    ]


def test_export_page_offers_csv_and_claimreview(app_env):
    import json

    from factcheck.workbench import export_reviews_jsonld

    store = ReviewStore(app_env / "reviews.sqlite3")
    document = Document.from_text("“We want a pause for 48 hours,” Kerry said.", doc_id="b.txt")
    store.record_claims(document, extract_claims(document))
    store.save(store.recorded_claims()[0].claim_id, rating="Accurate", status=ReviewStatus.DONE, expected_version=0)
    app = page("export.py")
    assert "1 claims recorded (archived articles left out), 1 with a rating, 1 of them marked done" in (
        app.caption[0].value
    )
    assert any("Set the publisher" in i.value for i in app.info)  # not publishable yet: says what to set
    app.text_input(key="export_publisher").input("The Desk")
    app.text_input[[t.label for t in app.text_input].index("Review URL pattern")].input(
        "https://desk.example/checks/{claim_id}"
    )
    app.button(key="FormSubmitter:publication-Save publication settings").click().run()
    assert not app.exception, app.exception
    assert any("saved" in s.value for s in app.success)
    assert "Download ClaimReview JSON-LD" in [b.label for b in app.get("download_button")]
    [review] = json.loads(export_reviews_jsonld(store, load_publication(store)))
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Accurate"
    assert review["url"].startswith("https://desk.example/checks/") and review["author"]["name"] == "The Desk"


def _record(store: ReviewStore, name: str, text: str, title: str | None = None) -> list[str]:
    document = Document.from_text(text, doc_id=name, title=title)
    claims = extract_claims(document)
    store.record_claims(document, claims)
    return [claim.claim_id for claim in claims]


def test_queue_bulk_change_applies_to_every_claim_shown(app_env):
    store = ReviewStore(app_env / "reviews.sqlite3")
    _record(store, "a.txt", "Almost 600,000 people live under siege, the UN said.")
    _record(store, "b.txt", "“We want a pause for 48 hours,” Kerry said.")
    app = page("queue.py")
    app.button(key="FormSubmitter:queue_bulk-Apply to selected").click().run()
    assert any("Type your name under Reviewer" in e.value for e in app.error)  # a bulk change is attributed
    app.session_state["reviewer"] = "cleo"
    app.button(key="FormSubmitter:queue_bulk-Apply to selected").click().run()
    assert any("Select one or more claims" in e.value for e in app.error)  # nothing selected yet

    app.checkbox(key="queue_select_all").check().run()
    app.selectbox[[s.label for s in app.selectbox].index("Status")].set_value("in progress")
    app.text_input[[t.label for t in app.text_input].index("Assign to reviewer")].input("ana")
    app.button(key="FormSubmitter:queue_bulk-Apply to selected").click().run()
    assert not app.exception, app.exception
    assert any("Updated 2 claims" in s.value for s in app.success)
    table = app.dataframe[0].value
    assert set(table["status"]) == {"in progress"} and set(table["reviewer"]) == {"ana"}
    assert set(table["changed by"]) == {"cleo"}  # who made the change, beside whom the claims are assigned to


def test_verdicts_page_saves_a_verdict_and_shows_its_history(app_env):
    store = ReviewStore(app_env / "reviews.sqlite3")
    _record(store, "a.txt", "Almost 600,000 people live under siege, the UN said.", title="Siege")
    [claim_id] = _record(store, "b.txt", "“We want a pause for 48 hours,” Kerry said.", title="Truce")
    evidence = [{"corpus": "demo", "passage_id": "p9", "doc_id": "briefing.md", "title": "Briefing", "text": "x"}]
    store.save(claim_id, rating="False", reviewer="ben", evidence=evidence, expected_version=0)

    app = page("verdicts.py")
    assert app.selectbox(key="verdict_article").value is not None
    app.selectbox(key="verdict_article").set_value(store.recorded_claim(claim_id).doc_hash).run()
    assert app.selectbox(key="verdict_claim_pick").value == claim_id
    assert app.multiselect(key=f"evidence-{claim_id}").value == ["saved: Briefing (demo)"]
    assert list(app.table[-1].value["changed by"]) == ["ben"]

    app.selectbox(key=f"rating-{claim_id}").set_value("Misattributed")
    app.text_area(key=f"note-{claim_id}").input("Said by the envoy, not Kerry.")
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    assert not app.exception, app.exception
    assert any("Saved (version 2)" in s.value for s in app.success)
    saved = store.get(claim_id)
    assert (saved.rating, saved.note, saved.evidence) == (
        "Misattributed",
        "Said by the envoy, not Kerry.",
        tuple(evidence),
    )
    assert list(app.table[-1].value.index) == [2, 1]


def test_verdicts_page_without_claims_says_where_to_start(app_env):
    app = page("verdicts.py")
    assert any("check an article" in i.value for i in app.info)


def test_corpora_page_searches_a_corpus(app_env):
    app = page("corpora.py")
    app.text_input(key="corpus_search_query").input("residents evacuated from Darayya").run()
    assert not app.exception, app.exception
    shown = " ".join(m.value for m in app.markdown)
    assert "**1. " in shown and "Darayya" in shown  # numbered result cards with the passage text


def test_typed_text_survives_a_visit_to_another_page(app_env):
    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120)
    app.run()
    app.text_area(key="pasted").input("Almost 600,000 people live under siege.").run()
    app.text_input(key="reviewer").input("ana").run()
    app.slider(key="top_k").set_value(7).run()
    app.switch_page("factcheck/app/pages/queue.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Review queue"
    app.switch_page("factcheck/app/pages/check.py").run()
    assert app.text_area(key="pasted").value == "Almost 600,000 people live under siege."
    assert app.text_input(key="reviewer").value == "ana"
    assert app.slider(key="top_k").value == 7


def test_uploads_with_nothing_readable_create_no_corpus(app_env):
    from factcheck.embed import HashEmbedder
    from factcheck.errors import FactcheckError

    settings = Settings.from_environment()
    with pytest.raises(FactcheckError, match="Nothing was added: .*broken.pdf"):
        add_uploads(settings, "archive", [("broken.pdf", b"not a pdf at all")], HashEmbedder())
    with pytest.raises(FactcheckError, match="Invalid corpus name"):
        add_uploads(settings, "../elsewhere", [("note.txt", b"Some 8,000 residents left.")], HashEmbedder())
    assert corpora_table(settings).empty


def test_searching_needs_words_and_a_corpus(app_env):
    from factcheck.embed import HashEmbedder
    from factcheck.errors import FactcheckError
    from factcheck.workbench import search_corpus

    with pytest.raises(FactcheckError, match="Type what to look for"):
        search_corpus([], "  ", HashEmbedder())
    with pytest.raises(FactcheckError, match="Choose at least one corpus"):
        search_corpus([], "siege", HashEmbedder())


def test_csv_uploads_use_the_column_names_given(app_env):
    from factcheck.embed import HashEmbedder
    from factcheck.errors import FactcheckError
    from factcheck.workbench import column_mapping, corpus_documents

    settings = Settings.from_environment()
    data = 'body,headline,link\n"Some 8,000 residents left Darayya.",Darayya evacuated,https://example.org/d\n'
    columns = column_mapping(text="body", id="", title="headline", url="link", date="", source="")
    report, problems = add_uploads(settings, "wire", [("wire.csv", data.encode())], HashEmbedder(), columns=columns)
    assert (report.added_documents, problems) == (1, [])
    assert list(corpus_documents(settings, "wire")["title"]) == ["Darayya evacuated"]
    with pytest.raises(FactcheckError, match="text column needs a name"):
        column_mapping(text=" ", id="id", title="", url="", date="", source="")
    with pytest.raises(FactcheckError, match="Nothing was added"):  # the default mapping finds no "text" column
        add_uploads(settings, "wire2", [("wire.csv", data.encode())], HashEmbedder())
