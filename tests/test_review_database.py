"""The review database is recognised by its marker: another program's SQLite file or an empty file is refused and
left exactly as it was (issue 11, defect 9)."""

import hashlib
import sqlite3

import pytest

from factcheck.errors import ReviewStoreError
from factcheck.reviews import ReviewStore


def _fingerprint(path):
    files = sorted(path.parent.glob(path.name + "*"))
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}


def test_another_programs_database_is_refused_and_not_changed(tmp_path):
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE people (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO people VALUES ('Ana', '555')")
    connection.close()
    before = _fingerprint(path)
    with pytest.raises(ReviewStoreError, match="not a factcheck review database"):
        ReviewStore(path)
    assert _fingerprint(path) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["people"]
    connection.close()


def test_a_database_with_tables_of_the_same_names_but_no_marker_is_refused(tmp_path):
    path = tmp_path / "lookalike.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE reviews (id INTEGER, body TEXT)")
    connection.close()
    before = _fingerprint(path)
    with pytest.raises(ReviewStoreError, match="not a factcheck review database"):
        ReviewStore(path)
    assert _fingerprint(path) == before


def test_an_empty_file_is_refused_not_made_a_database(tmp_path):
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(ReviewStoreError, match="empty"):
        ReviewStore(path)
    assert path.read_bytes() == b""


def test_a_new_database_carries_the_marker_and_reopens(tmp_path):
    path = tmp_path / "new" / "reviews.sqlite3"
    ReviewStore(path)
    with sqlite3.connect(path) as connection:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
    connection.close()
    assert application_id != 0 and user_version >= 1
    ReviewStore(path)  # recognised


def test_a_database_from_before_the_marker_is_recognised_and_marked(tmp_path):
    path = tmp_path / "old.sqlite3"
    ReviewStore(path)
    with sqlite3.connect(path) as connection:  # as written by factcheck before the marker existed
        connection.execute("PRAGMA application_id = 0")
        connection.execute("PRAGMA user_version = 0")
    connection.close()
    ReviewStore(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] != 0
    connection.close()
