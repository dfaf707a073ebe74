"""In a real browser: a claim an archive rated False shows the "Checked before" banner above the evidence."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from factcheck.app.serving import running_app
from tests.helpers import SEEDS

pytestmark = pytest.mark.slow
CLAIM = (
    "Damascus approved all of the UN's aid requests filed in August, covering almost 1 million people in besieged "
    "areas, a spokesman said."
)


@pytest.fixture(scope="module")
def app_with_archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-archive")
    env = {
        **os.environ,
        "FACTCHECK_INDEX_DIR": str(folder / "indexes"),
        "FACTCHECK_REVIEWS": str(folder / "reviews.sqlite3"),
        "FACTCHECK_EMBEDDER": "hash",
    }
    feed = SEEDS / "fact-checks" / "sample-feed.json"
    subprocess.run([sys.executable, "-m", "factcheck", "index", "add", "fact-checks", str(feed)], env=env, check=True)
    with running_app(env) as url:
        yield url


def test_the_checked_before_banner_in_the_browser(app_with_archive, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(app_with_archive)
    corpora = page.get_by_role("combobox", name="Corpora to search")
    corpora.click(timeout=120_000)
    page.get_by_role("option", name="fact-checks").click(timeout=60_000)
    page.keyboard.press("Escape")
    # Choosing a corpus reruns the page; the tab is opened again until its text box shows (a loaded machine
    # can redraw the tabs after the first click).
    text_box = page.get_by_label("Article text")
    for _ in range(10):
        page.get_by_role("tab", name="Paste text").click()
        try:
            text_box.wait_for(state="visible", timeout=6_000)
            break
        except PlaywrightTimeoutError:
            continue
    text_box.fill(CLAIM)
    page.get_by_label("Article text").press("Tab")
    page.get_by_role("button", name="Check pasted text").click()
    banner = page.locator("p", has_text="Checked before:").first
    banner.wait_for(timeout=120_000)
    expect(banner).to_contain_text("rated False by Sample Fact Desk, 2016-08-30")
    link = page.get_by_role("link", name="https://factchecks.example.org/2016/08/aid-requests")
    expect(link).to_be_visible()
    # The banner sits above the candidate evidence.
    evidence = page.get_by_text("Candidate evidence", exact=True).first
    assert banner.bounding_box()["y"] < evidence.bounding_box()["y"]
