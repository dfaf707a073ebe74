"""The reviewer app through streamlit.testing (no browser): demo on start, check a sample, save a verdict, export."""

from __future__ import annotations

import csv
import io

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.reviews import ReviewStore
from tests.helpers import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")


def start() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    return app


def _address(app: AppTest, name: str) -> str:
    """A query parameter of the app's address as the browser would show it."""
    value = app.query_params[name]
    return value[0] if isinstance(value, list) else value


def check_sample(app: AppTest, name: str = "aleppo_truce_talks.txt") -> AppTest:
    app.selectbox(key="sample").set_value(name)
    app.button(key="check_sample").click().run()
    assert not app.exception, app.exception
    return app


def test_opens_on_the_demo_corpus(app_env):
    app = start()
    assert app.multiselect(key="corpora").value == ["demo"]
    assert (app_env / "indexes" / "demo" / "manifest.json").is_file()
    assert "aleppo_truce_talks.txt" in app.selectbox(key="sample").options


def test_checking_a_sample_lists_claims_and_candidates(app_env):
    app = check_sample(start())
    table = app.dataframe[0].value
    assert len(table) >= 5
    assert {"quote", "numeric"} <= set(table["type"])
    markdown = " ".join(m.value for m in app.markdown)
    assert "Candidate evidence" in markdown and "similarity" in markdown


def test_a_verdict_is_saved_and_still_there_after_a_restart(app_env):
    app = check_sample(start())
    claim_label = app.selectbox(key="open_claim").value
    claim_id = next(b.key.split("rating-", 1)[1] for b in app.selectbox if (b.key or "").startswith("rating-"))
    app.selectbox(key=f"rating-{claim_id}").set_value("Misleading")
    app.text_area(key=f"note-{claim_id}").input("Source says 590,000.")
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    assert not app.exception, app.exception
    assert any("Saved" in s.value for s in app.success)

    stored = ReviewStore(app_env / "reviews.sqlite3").get(claim_id)
    assert (stored.rating, stored.note) == ("Misleading", "Source says 590,000.")

    restarted = check_sample(start())
    restarted.selectbox(key="open_claim").set_value(claim_label).run()
    assert restarted.selectbox(key=f"rating-{claim_id}").value == "Misleading"
    assert restarted.text_area(key=f"note-{claim_id}").value == "Source says 590,000."


def test_pasting_nothing_is_a_readable_error(app_env):
    app = start()
    app.button(key="check_paste").click().run()
    assert not app.exception
    assert any("empty" in e.value for e in app.error)


def test_pasted_text_is_checked(app_env):
    app = start()
    app.text_area(key="pasted").input("Almost 600,000 people live under siege, the UN said on Tuesday.")
    app.button(key="check_paste").click().run()
    assert not app.exception, app.exception
    assert len(app.dataframe[0].value) == 1


def test_csv_export_holds_claims_and_verdicts(app_env):
    check_sample(start())
    store = ReviewStore(app_env / "reviews.sqlite3")
    rows = store.recorded_claims()
    store.save(rows[0].claim_id, rating="False", expected_version=0)
    from factcheck.workbench import export_reviews_csv

    exported = list(csv.DictReader(io.StringIO(export_reviews_csv(store, excel=True).decode("utf-8-sig"))))
    assert len(exported) == len(rows)
    assert {"claim_id", "text", "speaker", "quantities", "rating", "note", "evidence_url"} <= set(exported[0])
    assert [r["rating"] for r in exported if r["claim_id"] == rows[0].claim_id] == ["False"]


@pytest.mark.slow
def test_opens_on_the_demo_with_the_real_model(app_env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_EMBEDDER", "minilm")
    app = check_sample(start())
    assert app.multiselect(key="corpora").value == ["demo"]
    table = app.dataframe[0].value
    assert table["best match"].notna().all()
    assert any("similarity" in m.value for m in app.markdown)


def test_a_verdict_saved_meanwhile_by_another_reviewer_is_shown_beside_the_draft_and_merged(app_env):
    app = check_sample(start())
    app.sidebar.text_input(key="reviewer").input("ana").run()
    claim_id = next(b.key.split("rating-", 1)[1] for b in app.selectbox if (b.key or "").startswith("rating-"))
    # Someone else saves this claim after this browser opened it.
    store = ReviewStore(app_env / "reviews.sqlite3")
    store.save(claim_id, rating="False", reviewer="ben", note="ben's source", expected_version=0)
    app.selectbox(key=f"rating-{claim_id}").set_value("Accurate")
    app.text_area(key=f"note-{claim_id}").input("my own draft")
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    assert not app.exception, app.exception
    assert any("ben saved this claim" in e.value for e in app.error)
    assert store.get(claim_id).rating == "False"  # not overwritten
    # Both verdicts side by side, and a merge that starts from both: nothing this reviewer typed is lost.
    table = app.table[0].value
    note_row = table.loc["note"]
    assert (note_row["your draft"], note_row["saved"], bool(note_row["differs"])) == (
        "my own draft",
        "ben's source",
        True,
    )
    assert app.selectbox(key=f"merge-rating-{claim_id}-1").value == "Accurate"
    assert app.text_area(key=f"merge-note-{claim_id}-1").value == "ben's source\n\nmy own draft"
    app.selectbox(key=f"merge-rating-{claim_id}-1").set_value("Misleading")
    app.button[[b.label for b in app.button].index("Save merged verdict")].click().run()
    assert not app.exception, app.exception
    merged = store.get(claim_id)
    assert (merged.version, merged.rating, merged.note, merged.changed_by) == (
        2,
        "Misleading",
        "ben's source\n\nmy own draft",
        "ana",
    )
    assert store.history(claim_id)[-1].change == "merge"
    assert any("Merged verdict saved" in s.value for s in app.success)
    assert app.selectbox(key=f"rating-{claim_id}-1").value == "Misleading"  # the form again, with the merge


def test_the_losing_reviewer_can_discard_the_draft_and_see_the_saved_verdict(app_env):
    app = check_sample(start())
    claim_id = next(b.key.split("rating-", 1)[1] for b in app.selectbox if (b.key or "").startswith("rating-"))
    ReviewStore(app_env / "reviews.sqlite3").save(claim_id, rating="False", reviewer="ben", expected_version=0)
    app.selectbox(key=f"rating-{claim_id}").set_value("Accurate")
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    app.button(key=f"reload-{claim_id}").click().run()
    assert app.selectbox(key=f"rating-{claim_id}-1").value == "False"
    app.selectbox(key=f"rating-{claim_id}-1").set_value("Misleading")
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    assert ReviewStore(app_env / "reviews.sqlite3").get(claim_id).version == 2


def test_a_rating_saved_as_unreviewed_is_in_progress_and_the_last_change_can_be_undone(app_env):
    app = check_sample(start())
    app.sidebar.text_input(key="reviewer").input("ana").run()
    claim_id = next(b.key.split("rating-", 1)[1] for b in app.selectbox if (b.key or "").startswith("rating-"))
    app.selectbox(key=f"rating-{claim_id}").set_value("False")
    app.button[[b.label for b in app.button].index("Save verdict")].click().run()
    assert any("in progress" in s.value for s in app.success)
    assert app.selectbox(key=f"status-{claim_id}-1").value == "in progress"
    app.button(key=f"undo-{claim_id}").click().run()
    assert not app.exception, app.exception
    undone = ReviewStore(app_env / "reviews.sqlite3").get(claim_id)
    assert (undone.rating, undone.status.value, undone.version, undone.change) == (None, "unreviewed", 2, "")
    assert ReviewStore(app_env / "reviews.sqlite3").history(claim_id)[-1].change == "undo"
    assert app.selectbox(key=f"rating-{claim_id}-2").value == "(none)"


def test_checking_another_article_opens_its_first_claim_and_the_address_names_it(app_env):
    app = check_sample(start())
    first_article = _address(app, "article")
    options = app.selectbox(key="open_claim").options
    app.selectbox(key="open_claim").set_value(app.selectbox(key="open_claim").value).run()
    app.button(key="check_next").click().run()
    assert app.selectbox(key="open_claim").index == 1
    assert _address(app, "claim") == app.selectbox(key="open_claim").value
    samples = [name for name in app.selectbox(key="sample").options if name != "aleppo_truce_talks.txt"]
    check_sample(app, samples[0])
    assert _address(app, "article") != first_article
    assert app.selectbox(key="open_claim").index == 0
    assert app.selectbox(key="open_claim").options != options


def test_a_newsroom_rating_scale_replaces_the_default(app_env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_RATINGS", "True | Half true | False")
    app = check_sample(start())
    rating = next(b for b in app.selectbox if (b.key or "").startswith("rating-"))
    assert rating.options == ["(none)", "True", "Half true", "False"]


def test_claims_table_filters(app_env):
    app = check_sample(start())
    everything = len(app.dataframe[0].value)
    app.multiselect(key="filter_type").set_value(["quote"]).run()
    quotes = app.dataframe[0].value
    assert 0 < len(quotes) < everything and set(quotes["type"]) == {"quote"}
    app.multiselect(key="filter_status").set_value(["done"]).run()
    assert len(app.dataframe[0].value) == 0


def test_a_damaged_corpus_is_a_readable_error_and_is_left_alone(app_env):
    start()  # builds the demo corpus
    index_file = next((app_env / "indexes" / "demo").glob("index.*.faiss"))
    index_file.write_bytes(b"this is not a faiss index")
    app = start()
    app.button(key="check_sample").click().run()
    assert not app.exception, app.exception
    assert any("demo" in e.value for e in app.error), [e.value for e in app.error]
    assert index_file.read_bytes() == b"this is not a faiss index"  # not repaired or deleted behind the user's back


def test_a_wrong_nli_model_folder_is_a_warning_and_the_check_goes_on(app_env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(app_env / "no-model-here"))
    app = check_sample(start())
    assert any("Checking without the NLI model" in w.value for w in app.warning)
    assert len(app.dataframe[0].value) >= 5


def test_the_app_runs_on_a_milvus_store(app_env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_STORE", f"milvus-lite:{app_env / 'corpora.db'}")
    app = check_sample(start())
    assert app.multiselect(key="corpora").value == ["demo"]
    assert not (app_env / "indexes" / "demo").exists()  # the demo corpus was built in Milvus, not in the folder
    markdown = " ".join(m.value for m in app.markdown)
    assert "Candidate evidence" in markdown and "similarity" in markdown
