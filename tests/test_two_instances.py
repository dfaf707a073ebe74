"""Two app instances (two Streamlit processes on two ports) sharing one PostgreSQL review database and one corpus
store, as behind a reverse proxy (docs/deployment.md): a verdict saved in one is read in the other, and a save based
on a stale read is refused across instances. Real browser, real server processes, real PostgreSQL."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from factcheck.app.serving import running_app
from factcheck.demo import ensure_demo_corpus
from factcheck.embed import HashEmbedder
from factcheck.reviews import ReviewStore
from factcheck.store import IndexStore
from tests.test_browser import _check_sample

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def instances(tmp_path_factory, postgres_server):
    folder = tmp_path_factory.mktemp("desk")
    reviews = postgres_server.new_database()
    # The shared corpus is built once before the instances start, as a deployment would.
    ensure_demo_corpus(IndexStore(folder / "indexes"), HashEmbedder())
    env = {
        **os.environ,
        "FACTCHECK_INDEX_DIR": str(folder / "indexes"),
        "FACTCHECK_REVIEWS": reviews,
        "FACTCHECK_EMBEDDER": "hash",
    }
    with running_app(env, startup_seconds=240) as first, running_app(env, startup_seconds=240) as second:
        yield [first, second], reviews


def _save_note(page, note: str) -> None:
    page.get_by_label("Note").fill(note)
    page.get_by_label("Note").press("Tab")  # leave the field so the form holds the text
    page.get_by_role("button", name="Save verdict").click()


def test_a_verdict_crosses_instances_and_a_stale_save_is_refused(instances, browser):
    (first_url, second_url), reviews = instances
    first = browser.new_page(viewport={"width": 1400, "height": 1800})
    second = browser.new_page(viewport={"width": 1400, "height": 1800})

    _check_sample(first, first_url)
    _save_note(first, "Saved on the first instance.")
    first.get_by_text("Saved (version 1)").wait_for(timeout=60_000)

    # The second instance reads the verdict from the shared database.
    _check_sample(second, second_url)
    expect(second.get_by_label("Note")).to_have_value("Saved on the first instance.", timeout=60_000)
    _save_note(second, "Corrected on the second instance.")
    second.get_by_text("Saved (version 2)").wait_for(timeout=60_000)

    # The first instance still shows version 1: its save is refused, and the second instance's verdict stays.
    _save_note(first, "A stale change from the first instance.")
    first.get_by_text("after you opened it", exact=False).wait_for(timeout=60_000)
    notes = {row.note for row in ReviewStore(reviews).recorded_claims() if row.version}
    assert notes == {"Corrected on the second instance."}
    first.close()
    second.close()
