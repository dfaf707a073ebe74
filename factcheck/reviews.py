"""The review database (a SQLite file or PostgreSQL): claims as checked, and each claim's verdict, note, status and
chosen evidence."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from factcheck import review_database
from factcheck.documents import Document
from factcheck.errors import ReviewConflictError, ReviewStoreError
from factcheck.extract import Claim
from factcheck.recorded_claim import RecordedClaim
from factcheck.review_connection import Connection, Database
from factcheck.review_migrations import SCHEMA_VERSION, migrate
from factcheck.review_records import (
    KEEP,
    REVIEW_FIELDS,
    Review,
    ReviewStatus,
    _Keep,
    current_review,
    implied_status,
    review_from_row,
    write_review,
)

__all__ = [
    "DEFAULT_RATINGS",
    "KEEP",
    "RecordedClaim",
    "Review",
    "ReviewStatus",
    "ReviewStore",
    "implied_status",
    "parse_ratings",
]

DEFAULT_DATABASE_NAME = "reviews.sqlite3"
# The default rating scale; a newsroom can pass its own to the app or the CLI.
DEFAULT_RATINGS = (
    "Accurate",
    "Mostly accurate",
    "Misleading",
    "False",
    "Misattributed",
    "Unverifiable",
    "Not checkable",
)


def parse_ratings(text: str | None) -> tuple[str, ...]:
    """A rating scale written as 'best|...|worst' (empty names dropped); empty when `text` is empty."""
    return tuple(name.strip() for name in (text or "").split("|") if name.strip())


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_hash TEXT PRIMARY KEY, doc TEXT NOT NULL, title TEXT, url TEXT, date TEXT, checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT PRIMARY KEY, doc_hash TEXT NOT NULL, doc TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    speaker TEXT, sentence TEXT, start INTEGER, "end" INTEGER, quantities TEXT NOT NULL,
    checkworthiness DOUBLE PRECISION,
    first_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS reviews (
    claim_id TEXT PRIMARY KEY, rating TEXT, note TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL, evidence TEXT NOT NULL DEFAULT '[]', version INTEGER NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS review_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, claim_id TEXT NOT NULL, rating TEXT, note TEXT, reviewer TEXT,
    status TEXT, evidence TEXT, version INTEGER, updated_at TEXT
);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims (doc_hash);
CREATE TABLE IF NOT EXISTS earlier_fact_checks (
    claim_id TEXT PRIMARY KEY, reviews TEXT NOT NULL DEFAULT '[]', checked_at TEXT NOT NULL
);
"""


class ReviewStore:
    """Reviews in one SQLite file or PostgreSQL database. Every save is its own transaction; old versions are kept
    in `review_history`.

    Args:
        target: a file path (SQLite) or a `postgresql://user:password@host:port/database` URL.
    """

    def __init__(self, target: str | Path) -> None:
        self._database = Database(target)
        self.target = self._database.target
        self.name = self._database.name
        if not self._database.postgres:
            # Recognised by its marker before anything is written: another program's database is refused unchanged.
            review_database.check_or_create(Path(self.target), _SCHEMA, SCHEMA_VERSION)
        try:
            self._database.prepare()
            with self._session() as connection:
                self._database.hold_write_lock(connection)
                connection.executescript(self._database.schema(_SCHEMA))
                found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                if found is None:
                    connection.execute(
                        "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                    )
                elif int(found[0]) > SCHEMA_VERSION:
                    raise ReviewStoreError(
                        f"{self.name} was written by a newer factcheck (schema {found[0]}, this one reads "
                        f"{SCHEMA_VERSION}). Upgrade factcheck; the database was not changed."
                    )
                migrate(connection)
                if not self._database.postgres:
                    review_database.mark(connection.raw, SCHEMA_VERSION)  # the marker follows every migration
        except self._database.errors as error:
            if self._database.postgres:
                raise ReviewStoreError(
                    f"Cannot use the PostgreSQL review database {self.name} ({_first_line(error)}). Check the URL, "
                    "that the server is running and that the user may create tables there; nothing was changed."
                ) from error
            raise ReviewStoreError(
                f"{self.name} is not a usable review database ({_first_line(error)}). Move it aside (it was not "
                "changed) or choose another path or postgresql:// URL with --reviews."
            ) from error
        except OSError as error:
            raise ReviewStoreError(f"Cannot create the review database at {self.name} ({error}).") from error

    @property
    def path(self) -> Path:
        """The SQLite file (a PostgreSQL database has none)."""
        if not isinstance(self.target, Path):
            raise ValueError(f"{self.name} is a PostgreSQL database, not a file")
        return self.target

    # ---- claims --------------------------------------------------------------------------------------------------

    def record_claims(self, document: Document, claims: Sequence[Claim], checked_by: str = "") -> None:
        """Remember a checked document, who checked it, and its claims (existing reviews, a title or source URL
        the newsroom set and the archived mark are untouched)."""
        now = _now()
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO documents (doc_hash, doc, title, url, date, checked_at, checked_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_hash) DO UPDATE SET checked_at = excluded.checked_at,"
                " checked_by = excluded.checked_by",
                (document.content_hash, document.doc_id, document.title, document.url, document.date, now, checked_by),
            )
            connection.executemany(
                'INSERT INTO claims (claim_id, doc_hash, doc, kind, text, speaker, sentence, start, "end",'
                " quantities, checkworthiness, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (claim_id) DO UPDATE SET speaker = excluded.speaker, sentence = excluded.sentence,"
                ' start = excluded.start, "end" = excluded."end", quantities = excluded.quantities,'
                " checkworthiness = excluded.checkworthiness",
                [
                    (
                        c.claim_id,
                        document.content_hash,
                        c.doc,
                        c.kind.value,
                        c.text,
                        c.speaker,
                        c.sentence,
                        c.start,
                        c.end,
                        json.dumps([q.to_dict() for q in c.quantities], ensure_ascii=False),
                        c.checkworthiness,
                        now,
                    )
                    for c in claims
                ],
            )

    def record_earlier_fact_checks(self, found: dict[str, list[dict]]) -> None:
        """Remember the earlier fact-checks (hit records with their `review`) found for each claim id in the latest
        check, replacing what an earlier check found; the export carries them."""
        now = _now()
        with self._transaction() as connection:
            connection.executemany(
                "INSERT INTO earlier_fact_checks (claim_id, reviews, checked_at) VALUES (?, ?, ?) "
                "ON CONFLICT (claim_id) DO UPDATE SET reviews = excluded.reviews, checked_at = excluded.checked_at",
                [(claim_id, json.dumps(hits, ensure_ascii=False), now) for claim_id, hits in found.items()],
            )

    def recorded_claims(self, claim_id: str | None = None) -> list[RecordedClaim]:
        """Every recorded claim (or the one with `claim_id`) with its review or defaults, newest document first:
        the export's input."""
        where, arguments = ("WHERE c.claim_id = ?", (claim_id,)) if claim_id is not None else ("", ())
        with self._session() as connection:
            rows = connection.dict_rows(
                "SELECT c.*, d.title AS doc_title, d.url AS doc_url, d.date AS doc_date,"
                " d.checked_at AS doc_checked_at, d.archived AS doc_archived, r.rating, r.note, r.reviewer, r.status,"
                " r.evidence, r.version, r.updated_at, r.changed_by, e.reviews AS earlier_fact_checks"
                " FROM claims c JOIN documents d ON d.doc_hash = c.doc_hash"
                " LEFT JOIN reviews r ON r.claim_id = c.claim_id"
                f" LEFT JOIN earlier_fact_checks e ON e.claim_id = c.claim_id {where}"
                " ORDER BY d.checked_at DESC, c.doc_hash, c.start",
                arguments,
            )
        records = []
        for record in rows:
            for name in ("quantities", "evidence", "earlier_fact_checks"):  # stored as JSON text
                record[name] = json.loads(record[name] or "[]")
            records.append(RecordedClaim.from_dict(record))
        return records

    def recorded_claim(self, claim_id: str) -> RecordedClaim | None:
        """One recorded claim with its review, as in `recorded_claims`, or None if it was never recorded."""
        rows = self.recorded_claims(claim_id)
        return rows[0] if rows else None

    # ---- reviews -------------------------------------------------------------------------------------------------

    def get(self, claim_id: str) -> Review:
        """The claim's review, or an empty one at version 0."""
        with self._session() as connection:
            row = connection.execute(
                f"SELECT {REVIEW_FIELDS} FROM reviews WHERE claim_id = ?",
                (claim_id,),
            ).fetchone()
        if row is None:
            return Review(claim_id)
        return review_from_row(claim_id, row)

    def reviews(self, claim_ids: Sequence[str]) -> dict[str, Review]:
        """Reviews of many claims at once (missing ones are empty reviews)."""
        found = {claim_id: Review(claim_id) for claim_id in claim_ids}
        with self._session() as connection:
            for start in range(0, len(claim_ids), 500):
                chunk = list(claim_ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for row in connection.execute(
                    f"SELECT claim_id, {REVIEW_FIELDS} FROM reviews WHERE claim_id IN ({marks})",
                    chunk,
                ):
                    found[row[0]] = review_from_row(row[0], row[1:])
        return found

    def save(
        self,
        claim_id: str,
        *,
        rating: str | None,
        note: str = "",
        reviewer: str = "",
        status: ReviewStatus = ReviewStatus.IN_PROGRESS,
        evidence: Sequence[dict] = (),
        expected_version: int,
        change: str = "verdict",
    ) -> Review:
        """Save a review if nobody saved another since `expected_version` was read; returns the stored review.

        The reviewer is recorded as the one who made the change; a rating with the status 'unreviewed' is saved as
        'in progress' (`implied_status`).

        Raises:
            ReviewConflictError: someone saved this claim's review after it was loaded; their review is in the message
                and nothing was overwritten.
        """
        if not isinstance(status, ReviewStatus):
            raise TypeError(f"status must be a ReviewStatus, got {status!r}")
        with self._transaction() as connection:
            current = current_review(connection, claim_id)
            if current.version != expected_version:
                raise ReviewConflictError(
                    f"{current.changed_by or current.reviewer or 'another reviewer'} saved this claim (rating:"
                    f" {current.rating or 'none'}) after you opened it. Your change was not saved; reload to see their"
                    " verdict, then save again."
                )
            review = Review(
                claim_id,
                rating,
                note,
                reviewer,
                implied_status(rating, status),
                tuple(evidence),
                current.version + 1,
                _now(),
                reviewer,
                change,
            )
            write_review(connection, review, batch=None)
        return review

    def history(self, claim_id: str) -> list[Review]:
        """Every saved version of a claim's review, oldest first (what each save changed, who made it and how)."""
        with self._session() as connection:
            rows = connection.execute(
                f"SELECT {REVIEW_FIELDS}, change FROM review_history WHERE claim_id = ? ORDER BY version, id",
                (claim_id,),
            ).fetchall()
        return [review_from_row(claim_id, row) for row in rows]

    def update_many(
        self,
        expected_versions: dict[str, int],
        *,
        changed_by: str,
        rating: str | None | _Keep = KEEP,
        reviewer: str | _Keep = KEEP,
        status: ReviewStatus | _Keep = KEEP,
        description: str = "bulk change",
    ) -> tuple[list[str], list[str]]:
        """Set the rating, reviewer and/or status of many claims at once (fields left at KEEP are not touched; notes
        and evidence never are), as one bulk change by `changed_by` that `bulk_changes` lists and undo can revert.
        Each claim is saved only if it is still at the version the caller saw.

        Returns (saved claim ids, conflicting claim ids): a claim someone else saved since is left as they saved it.
        """
        if status is not KEEP and not isinstance(status, ReviewStatus):
            raise TypeError(f"status must be a ReviewStatus, got {status!r}")
        updates = {}
        with self._transaction() as connection:
            for claim_id in expected_versions:
                current = current_review(connection, claim_id)
                new_rating = current.rating if rating is KEEP else rating
                updates[claim_id] = replace(
                    current,
                    rating=new_rating,
                    reviewer=current.reviewer if reviewer is KEEP else reviewer,
                    status=implied_status(new_rating, current.status if status is KEEP else status),
                )
            return self._write_batch(connection, expected_versions, updates, changed_by, "bulk change", description)

    def restore_many(
        self, expected_versions: dict[str, int], reviews: dict[str, Review], *, changed_by: str, description: str
    ) -> tuple[list[str], list[str]]:
        """Write `reviews` (earlier states, e.g. for an undo) as new versions of their claims, as one change by
        `changed_by`; like `update_many`, a claim saved by someone since `expected_versions` is left alone.

        Returns (saved claim ids, conflicting claim ids).
        """
        with self._transaction() as connection:
            return self._write_batch(connection, expected_versions, reviews, changed_by, "undo", description)

    def _write_batch(
        self,
        connection: Connection,
        expected_versions: dict[str, int],
        reviews: dict[str, Review],
        changed_by: str,
        change: str,
        description: str,
    ) -> tuple[list[str], list[str]]:
        now = _now()
        batch = uuid.uuid4().hex
        saved, conflicts = [], []
        for claim_id, expected in expected_versions.items():
            current = current_review(connection, claim_id)
            if current.version != expected:
                conflicts.append(claim_id)
                continue
            review = replace(
                reviews[claim_id], version=current.version + 1, updated_at=now, changed_by=changed_by, change=change
            )
            write_review(connection, review, batch=batch)
            saved.append(claim_id)
        if saved and change == "bulk change":
            connection.execute(
                "INSERT INTO bulk_changes (batch, changed_by, changed_at, description, claim_count)"
                " VALUES (?, ?, ?, ?, ?)",
                (batch, changed_by, now, description, len(saved)),
            )
        return saved, conflicts

    def session(self) -> contextlib.AbstractContextManager[Connection]:
        """A connection for reading (and the schema's other tables: articles, undo), closed after use."""
        return self._session()

    def transaction(self) -> contextlib.AbstractContextManager[Connection]:
        """One write transaction that no other writer runs beside; a database error is a ReviewStoreError and
        changes nothing."""
        return self._transaction()

    # ---- connection ----------------------------------------------------------------------------------------------

    def _session(self) -> contextlib.AbstractContextManager[Connection]:
        """A connection that commits on success and is always closed."""
        return self._database.session()

    def _transaction(self) -> contextlib.AbstractContextManager[Connection]:
        return self._database.transaction()


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
