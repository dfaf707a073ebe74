"""The app's "Checked before" banner, claims-table column and filter, and the export, through streamlit.testing."""

from __future__ import annotations

import csv
import io

import pytest
from streamlit.testing.v1 import AppTest

from factcheck.embed import HashEmbedder
from factcheck.readers import read_path
from factcheck.reviews import ReviewStore
from factcheck.store import IndexStore
from factcheck.store.backends import open_store
from factcheck.workbench import export_reviews_csv
from tests.helpers import PROJECT_ROOT, SEEDS

APP = str(PROJECT_ROOT / "app.py")
FEED = SEEDS / "fact-checks" / "sample-feed.json"
ARTICLE = (
    "Damascus approved all of the UN's aid requests filed in August, covering almost 1 million people in besieged "
    "areas, a spokesman said. The council approved a budget of 4.5 million euros on Tuesday."
)


@pytest.fixture(params=["folder", "milvus-lite"])
def app_env(request, tmp_path, monkeypatch):
    """The app on a folder store and on a Milvus Lite store, with an archive of earlier fact-checks in it."""
    monkeypatch.setenv("FACTCHECK_INDEX_DIR", str(tmp_path / "indexes"))
    monkeypatch.setenv("FACTCHECK_REVIEWS", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_EMBEDDER", "hash")
    embedder = HashEmbedder()
    if request.param == "folder":
        store = IndexStore(tmp_path / "indexes")
    else:
        spec = f"milvus-lite:{tmp_path / 'corpora.db'}"
        monkeypatch.setenv("FACTCHECK_STORE", spec)
        store = open_store(spec)
    store.open_or_create("fact-checks", embedder).add_documents(read_path(FEED), embedder)
    return tmp_path


def test_a_claim_checked_before_shows_the_banner_column_filter_and_export(app_env):
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.multiselect(key="corpora").set_value(["demo", "fact-checks"])
    app.text_area(key="pasted").input(ARTICLE)
    app.button(key="check_paste").click().run()
    assert not app.exception, app.exception

    table = app.dataframe[0].value
    checked = table[table["checked before"] != ""]
    assert list(checked["checked before"]) == ["rated False by Sample Fact Desk, 2016-08-30"]
    assert len(table) == 2

    app.selectbox(key="open_claim").set_value(checked["claim_id"].iloc[0]).run()
    banners = [w.value.replace("\\", "") for w in app.warning if "Checked before" in w.value]  # unescaped
    assert len(banners) == 1
    assert "rated False by Sample Fact Desk, 2016-08-30" in banners[0]
    assert "https://factchecks.example.org/2016/08/aid-requests" in banners[0]
    # The banner is above the evidence, and the review is not one of the candidate cards.
    markdown = [m.value for m in app.markdown]
    assert not any("factchecks.example.org" in value for value in markdown)

    app.multiselect(key="filter_checked_before").set_value(["no"]).run()
    assert list(app.dataframe[0].value["checked before"]) == [""]
    app.multiselect(key="filter_checked_before").set_value(["yes"]).run()
    assert len(app.dataframe[0].value) == 1

    store = ReviewStore(app_env / "reviews.sqlite3")
    rows = list(csv.DictReader(io.StringIO(export_reviews_csv(store).decode("utf-8-sig"))))
    before = {row["text"][:8]: row["checked_before"] for row in rows}
    assert before["Damascus"] == (
        "rated False by Sample Fact Desk, 2016-08-30: https://factchecks.example.org/2016/08/aid-requests"
    )
    assert [value for key, value in before.items() if key != "Damascus"] == [""]
