import sqlite3
import threading

import pytest

from factcheck.documents import Document
from factcheck.errors import ReviewConflictError, ReviewStoreError
from factcheck.extract import extract_claims
from factcheck.reviews import Review, ReviewStatus, ReviewStore

ARTICLE = (
    "Almost 600,000 people live under siege across Syria, the UN said.\n\n“We want a pause for 48 hours,” Kerry said."
)


@pytest.fixture
def recorded(review_target):
    store = ReviewStore(review_target)
    document = Document.from_text(ARTICLE, doc_id="a.txt", title="Truce talks")
    claims = extract_claims(document)
    store.record_claims(document, claims)
    return store, claims


def test_a_saved_review_survives_reopening(recorded, review_target):
    store, claims = recorded
    claim_id = claims[0].claim_id
    saved = store.save(
        claim_id,
        rating="Accurate",
        note="UN figure",
        reviewer="ana",
        status=ReviewStatus.DONE,
        evidence=[{"passage_id": "p:1", "url": "https://example.org"}],
        expected_version=0,
    )
    assert saved.version == 1
    again = ReviewStore(review_target).get(claim_id)
    assert (again.rating, again.note, again.reviewer, again.status) == (
        "Accurate",
        "UN figure",
        "ana",
        ReviewStatus.DONE,
    )
    assert again.evidence == ({"passage_id": "p:1", "url": "https://example.org"},)


def test_an_unreviewed_claim_has_an_empty_review(recorded):
    store, claims = recorded
    assert store.get(claims[0].claim_id) == Review(claims[0].claim_id)


def test_a_stale_save_is_a_conflict_and_keeps_the_other_verdict(recorded):
    store, claims = recorded
    claim_id = claims[0].claim_id
    store.save(claim_id, rating="False", reviewer="ben", expected_version=0)
    with pytest.raises(ReviewConflictError, match="ben"):
        store.save(claim_id, rating="Accurate", reviewer="ana", expected_version=0)
    assert store.get(claim_id).rating == "False"
    store.save(claim_id, rating="Accurate", reviewer="ana", expected_version=1)
    assert store.get(claim_id).version == 2


def test_history_keeps_every_version(recorded):
    store, claims = recorded
    claim_id = claims[0].claim_id
    store.save(claim_id, rating="False", expected_version=0)
    store.save(claim_id, rating="Accurate", expected_version=1)
    with store.session() as connection:
        ratings = [
            r[0]
            for r in connection.execute("SELECT rating FROM review_history WHERE claim_id = ? ORDER BY id", (claim_id,))
        ]
    assert ratings == ["False", "Accurate"]


def test_claim_rows_join_claims_and_reviews(recorded):
    store, claims = recorded
    store.save(claims[-1].claim_id, rating="Misattributed", expected_version=0)
    rows = {row.claim_id: row for row in store.recorded_claims()}
    assert set(rows) == {c.claim_id for c in claims}
    assert rows[claims[-1].claim_id].rating == "Misattributed"
    assert rows[claims[0].claim_id].status is ReviewStatus.UNREVIEWED
    assert rows[claims[0].claim_id].doc_title == "Truce talks"


def test_recording_the_same_document_again_keeps_reviews(recorded):
    store, claims = recorded
    store.save(claims[0].claim_id, rating="Accurate", expected_version=0)
    document = Document.from_text(ARTICLE, doc_id="a.txt")
    store.record_claims(document, extract_claims(document))
    assert store.get(claims[0].claim_id).rating == "Accurate"
    assert len(store.recorded_claims()) == len(claims)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(b"these are not the bytes of an SQLite database" * 100)
    before = path.read_bytes()
    with pytest.raises(ReviewStoreError, match="Move it aside"):
        ReviewStore(path)
    assert path.read_bytes() == before


def test_status_must_be_the_enum(recorded):
    store, claims = recorded
    with pytest.raises(TypeError):
        store.save(claims[0].claim_id, rating=None, status="done", expected_version=0)


def test_history_lists_versions_oldest_first_with_who_saved(recorded):
    store, claims = recorded
    claim_id = claims[0].claim_id
    store.save(claim_id, rating="False", reviewer="ana", expected_version=0)
    store.save(claim_id, rating="Accurate", reviewer="ben", note="checked again", expected_version=1)
    history = store.history(claim_id)
    assert [(r.version, r.rating, r.reviewer) for r in history] == [(1, "False", "ana"), (2, "Accurate", "ben")]
    assert store.history(claims[1].claim_id) == []


def test_update_many_changes_only_the_named_fields(recorded):
    store, claims = recorded
    first, second = claims[0].claim_id, claims[1].claim_id
    store.save(
        first, rating="False", note="keep me", reviewer="ana", evidence=[{"passage_id": "p"}], expected_version=0
    )
    saved, conflicts = store.update_many({first: 1, second: 0}, status=ReviewStatus.DONE, changed_by="cleo")
    assert (saved, conflicts) == ([first, second], [])
    after = store.get(first)
    assert (after.rating, after.note, after.reviewer, after.evidence, after.status, after.version) == (
        "False",
        "keep me",
        "ana",
        ({"passage_id": "p"},),
        ReviewStatus.DONE,
        2,
    )
    assert store.get(second).status is ReviewStatus.DONE and store.get(second).rating is None
    assert [r.version for r in store.history(first)] == [1, 2]


def test_update_many_skips_claims_saved_by_someone_else_since(recorded):
    store, claims = recorded
    first, second = claims[0].claim_id, claims[1].claim_id
    store.save(first, rating="Accurate", reviewer="ben", expected_version=0)  # after the queue was read at version 0
    saved, conflicts = store.update_many({first: 0, second: 0}, rating="False", reviewer="ana", changed_by="cleo")
    assert (saved, conflicts) == ([second], [first])
    assert (store.get(first).rating, store.get(first).reviewer) == ("Accurate", "ben")
    assert (store.get(second).rating, store.get(second).reviewer) == ("False", "ana")


def test_claim_row_finds_one_claim(recorded):
    store, claims = recorded
    row = store.recorded_claim(claims[1].claim_id)
    assert row is not None and row.text == claims[1].text and row.doc_title == "Truce talks"
    assert store.recorded_claim("no-such-claim") is None


def test_a_bulk_change_records_who_made_it_and_when(recorded):
    store, claims = recorded
    first = claims[0].claim_id
    store.update_many({first: 0}, status=ReviewStatus.DONE, changed_by="cleo", description="status: done")
    latest = store.history(first)[-1]
    assert (latest.changed_by, latest.change, latest.reviewer) == ("cleo", "bulk change", "")
    assert latest.updated_at and store.get(first).changed_by == "cleo"
    assert store.recorded_claim(first).changed_by == "cleo"


@pytest.mark.parametrize(
    ("rating", "status", "expected"),
    [
        ("False", ReviewStatus.UNREVIEWED, ReviewStatus.IN_PROGRESS),
        ("False", ReviewStatus.DONE, ReviewStatus.DONE),
        (None, ReviewStatus.UNREVIEWED, ReviewStatus.UNREVIEWED),
        (None, ReviewStatus.IN_PROGRESS, ReviewStatus.IN_PROGRESS),
    ],
)
def test_a_rating_implies_at_least_in_progress(recorded, rating, status, expected):
    store, claims = recorded
    assert store.save(claims[0].claim_id, rating=rating, status=status, expected_version=0).status is expected
    assert store.get(claims[0].claim_id).status is expected


def test_a_bulk_rating_of_unreviewed_claims_sets_them_in_progress(recorded):
    store, claims = recorded
    store.update_many({claims[0].claim_id: 0}, rating="False", changed_by="cleo")
    assert store.get(claims[0].claim_id).status is ReviewStatus.IN_PROGRESS


SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    doc_hash TEXT PRIMARY KEY, doc TEXT NOT NULL, title TEXT, url TEXT, date TEXT, checked_at TEXT NOT NULL
);
CREATE TABLE claims (
    claim_id TEXT PRIMARY KEY, doc_hash TEXT NOT NULL, doc TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    speaker TEXT, sentence TEXT, start INTEGER, end INTEGER, quantities TEXT NOT NULL, checkworthiness REAL,
    first_seen TEXT NOT NULL
);
CREATE TABLE reviews (
    claim_id TEXT PRIMARY KEY, rating TEXT, note TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL, evidence TEXT NOT NULL DEFAULT '[]', version INTEGER NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE review_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, claim_id TEXT NOT NULL, rating TEXT, note TEXT, reviewer TEXT,
    status TEXT, evidence TEXT, version INTEGER, updated_at TEXT
);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO documents VALUES ('h1', 'old.txt', 'Old article', NULL, NULL, '2025-01-02T10:00:00+00:00');
INSERT INTO claims VALUES ('c1', 'h1', 'old.txt', 'numeric', '12 trucks waited.', NULL, '12 trucks waited.', 0, 17,
    '[]', 0.5, '2025-01-02T10:00:00+00:00');
INSERT INTO reviews VALUES ('c1', 'False', 'old note', 'ana', 'done', '[]', 1, '2025-01-02T11:00:00+00:00');
INSERT INTO review_history (claim_id, rating, note, reviewer, status, evidence, version, updated_at)
    VALUES ('c1', 'False', 'old note', 'ana', 'done', '[]', 1, '2025-01-02T11:00:00+00:00');
"""


def test_a_schema_1_database_is_migrated_and_keeps_its_verdicts(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA_1)
    store = ReviewStore(path)
    review = store.get("c1")
    assert (review.rating, review.note, review.reviewer, review.version) == ("False", "old note", "ana", 1)
    row = store.recorded_claim("c1")
    assert (row.doc_title, row.doc_archived, row.changed_by) == ("Old article", False, "")
    assert store.save("c1", rating="Accurate", reviewer="ben", expected_version=1).version == 2
    assert [r.reviewer for r in store.history("c1")] == ["ana", "ben"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    ReviewStore(path)  # opening a migrated file again changes nothing and does not fail


def test_restore_many_writes_earlier_states_as_new_versions(recorded):
    store, claims = recorded
    first, second = claims[0].claim_id, claims[1].claim_id
    store.save(first, rating="False", reviewer="ana", expected_version=0)
    store.save(second, rating="False", reviewer="ana", expected_version=0)
    store.save(second, rating="Accurate", reviewer="ben", expected_version=1)
    earlier = {first: Review(first), second: Review(second)}
    saved, conflicts = store.restore_many({first: 1, second: 1}, earlier, changed_by="cleo", description="undo")
    assert (saved, conflicts) == ([first], [second])
    restored = store.get(first)
    assert (restored.rating, restored.version, restored.changed_by) == (None, 2, "cleo")
    assert store.history(first)[-1].change == "undo"


def test_reviewers_saving_one_claim_at_once_leave_exactly_one_verdict(recorded):
    store, claims = recorded
    claim_id = claims[0].claim_id
    names = [f"reviewer{n}" for n in range(6)]
    start = threading.Barrier(len(names))
    outcomes: dict[str, str] = {}

    def review(name: str) -> None:
        start.wait()
        try:
            store.save(claim_id, rating=name, reviewer=name, expected_version=0)
            outcomes[name] = "saved"
        except ReviewConflictError:
            outcomes[name] = "refused"

    threads = [threading.Thread(target=review, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = [name for name, outcome in outcomes.items() if outcome == "saved"]
    assert len(outcomes) == len(names) and len(saved) == 1
    assert (store.get(claim_id).rating, store.get(claim_id).version) == (saved[0], 1)
    assert [r.reviewer for r in store.history(claim_id)] == saved


def test_concurrent_read_modify_write_loses_no_update(recorded):
    # Each reviewer adds one to a count in the note, re-reading after every refusal: with no lost update the count
    # equals the number of accepted saves, and every save is a version in the history.
    store, claims = recorded
    claim_id = claims[0].claim_id
    reviewers, rounds = 4, 5
    refused = []

    def review(name: str) -> None:
        done = 0
        while done < rounds:
            current = store.get(claim_id)
            try:
                store.save(
                    claim_id,
                    rating=None,
                    note=str(int(current.note or 0) + 1),
                    reviewer=name,
                    expected_version=current.version,
                )
                done += 1
            except ReviewConflictError:
                refused.append(name)

    threads = [threading.Thread(target=review, args=(f"r{n}",)) for n in range(reviewers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    final = store.get(claim_id)
    assert (final.note, final.version) == (str(reviewers * rounds), reviewers * rounds)
    assert [r.version for r in store.history(claim_id)] == list(range(1, reviewers * rounds + 1))


def test_an_unreachable_postgresql_server_is_a_clear_error():
    with pytest.raises(ReviewStoreError, match="PostgreSQL") as raised:
        ReviewStore("postgresql://factcheck:secret@127.0.0.1:1/reviews")
    assert "secret" not in str(raised.value)  # the password is never shown


def test_instances_starting_together_on_a_new_postgresql_database_all_open_it(postgres_url):
    # Each app instance creates the tables on first use; started together they must not trip over each other.
    start = threading.Barrier(6)
    problems = []

    def open_store() -> None:
        start.wait()
        try:
            ReviewStore(postgres_url)
        except ReviewStoreError as error:
            problems.append(str(error))

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
