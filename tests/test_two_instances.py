"""Two app instances (two Streamlit processes on two ports) sharing one PostgreSQL review database and one corpus
store, as behind a reverse proxy (docs/deployment.md): a verdict saved in one is read in the other, and a save based
on a stale read is refused across instances. Real browser, real server processes, real PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from factcheck.demo import ensure_demo_corpus
from factcheck.embed import HashEmbedder
from factcheck.reviews import ReviewStore
from factcheck.store import IndexStore
from tests.helpers import PROJECT_ROOT
from tests.test_browser import CHROMIUM, CHROMIUM_FLAGS, _check_sample, _free_port

pytestmark = pytest.mark.slow


def _start_app(port: int, env: dict) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_healthy(url: str) -> None:
    for _ in range(240):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"the app at {url} did not start within 120 s")


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
    ports = [_free_port(), _free_port()]
    servers = [_start_app(port, env) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            _wait_healthy(url)
        yield urls, reviews
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


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
    notes = {row.note for row in ReviewStore(reviews).claim_rows() if row.version}
    assert notes == {"Corrected on the second instance."}
    first.close()
    second.close()
