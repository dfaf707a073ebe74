"""Shared fixtures: a fake embedder, temporary index folders, the app's environment pointed at a temporary folder, and
the headless browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.app.serving import CHROMIUM, CHROMIUM_FLAGS
from factcheck.embed import HashEmbedder


@pytest.fixture(scope="session")
def embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "indexes"


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's settings pointed at `tmp_path` (indexes/, reviews.sqlite3) with the hash embedder (no model)."""
    monkeypatch.setenv("FACTCHECK_INDEX_DIR", str(tmp_path / "indexes"))
    monkeypatch.setenv("FACTCHECK_REVIEWS", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_EMBEDDER", "hash")
    return tmp_path


def pytest_addoption(parser):
    parser.addoption(
        "--soak", action="store_true", help="run the long reliability soak (tests marked soak; see docs/reliability.md)"
    )


def pytest_collection_modifyitems(config, items):
    if config.getoption("--soak"):
        return
    skip = pytest.mark.skip(reason="the long soak runs with --soak (make soak)")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)


# ---- a real PostgreSQL server for the review database (pgserver: PostgreSQL binaries from PyPI) ------------------


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole session, its data directory in a new folder under /tmp (removed after)."""
    from tests.postgres import start_postgres

    server = start_postgres()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A `postgresql://` URL of a new, empty database on the session's server."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def review_target(request, tmp_path):
    """The review database of a test, once as a SQLite file and once as a PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "reviews.sqlite3"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright (the browser tests, all marked slow)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: `make test` installs it with apt-get (package chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
