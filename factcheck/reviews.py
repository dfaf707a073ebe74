"""The review database (SQLite): claims as checked, and each claim's verdict, note, status and chosen evidence."""

from __future__ import annotations

import contextlib
import enum
import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from factcheck.documents import Document
from factcheck.errors import ReviewConflictError, ReviewStoreError
from factcheck.extract import Claim

SCHEMA_VERSION = 1
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


class _Keep(enum.Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # "leave this field as it is" in ReviewStore.update_many


class ReviewStatus(enum.Enum):
    UNREVIEWED = "unreviewed"
    IN_PROGRESS = "in progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Review:
    """A reviewer's judgement of one claim. `version` counts saves, so a stale save is detected, not applied."""

    claim_id: str
    rating: str | None = None
    note: str = ""
    reviewer: str = ""
    status: ReviewStatus = ReviewStatus.UNREVIEWED
    evidence: tuple[dict, ...] = field(default_factory=tuple)
    version: int = 0
    updated_at: str | None = None

    def to_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "rating": self.rating,
            "note": self.note,
            "reviewer": self.reviewer,
            "status": self.status.value,
            "evidence": list(self.evidence),
            "version": self.version,
            "updated_at": self.updated_at,
        }


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_hash TEXT PRIMARY KEY, doc TEXT NOT NULL, title TEXT, url TEXT, date TEXT, checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT PRIMARY KEY, doc_hash TEXT NOT NULL, doc TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    speaker TEXT, sentence TEXT, start INTEGER, end INTEGER, quantities TEXT NOT NULL, checkworthiness REAL,
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
"""


class ReviewStore:
    """Reviews in one SQLite file. Every save is its own transaction; old versions are kept in `review_history`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._session() as connection:
                connection.executescript(_SCHEMA)
                found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                if found is None:
                    connection.execute(
                        "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                    )
                elif int(found[0]) > SCHEMA_VERSION:
                    raise ReviewStoreError(
                        f"{self.path} was written by a newer factcheck (schema {found[0]}, this one reads "
                        f"{SCHEMA_VERSION}). Upgrade factcheck; the file was not changed."
                    )
        except sqlite3.DatabaseError as error:
            raise ReviewStoreError(
                f"{self.path} is not a usable review database ({error}). Move it aside (it was not changed) "
                "or choose another path with --reviews."
            ) from error
        except OSError as error:
            raise ReviewStoreError(f"Cannot create the review database at {self.path} ({error}).") from error

    # ---- claims --------------------------------------------------------------------------------------------------

    def record_claims(self, document: Document, claims: Sequence[Claim]) -> None:
        """Remember a checked document and its claims (existing reviews are untouched)."""
        now = _now()
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO documents (doc_hash, doc, title, url, date, checked_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (doc_hash) DO UPDATE SET checked_at = excluded.checked_at",
                (document.content_hash, document.doc_id, document.title, document.url, document.date, now),
            )
            connection.executemany(
                "INSERT INTO claims (claim_id, doc_hash, doc, kind, text, speaker, sentence, start, end, quantities,"
                " checkworthiness, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (claim_id) DO UPDATE SET speaker = excluded.speaker, sentence = excluded.sentence,"
                " start = excluded.start, end = excluded.end, quantities = excluded.quantities,"
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

    def claim_rows(self, claim_id: str | None = None) -> list[dict]:
        """Every recorded claim (or the one with `claim_id`) with its review or defaults, newest document first:
        the export's input."""
        where, arguments = ("WHERE c.claim_id = ?", (claim_id,)) if claim_id is not None else ("", ())
        with self._session() as connection:
            connection.row_factory = sqlite3.Row
            rows = connection.execute(
                "SELECT c.*, d.title AS doc_title, d.url AS doc_url, d.date AS doc_date, r.rating, r.note,"
                " r.reviewer, r.status, r.evidence, r.version, r.updated_at"
                " FROM claims c JOIN documents d ON d.doc_hash = c.doc_hash"
                f" LEFT JOIN reviews r ON r.claim_id = c.claim_id {where}"
                " ORDER BY d.checked_at DESC, c.doc_hash, c.start",
                arguments,
            ).fetchall()
        records = []
        for row in rows:
            record = dict(row)
            record["quantities"] = json.loads(record["quantities"] or "[]")
            record["evidence"] = json.loads(record["evidence"] or "[]")
            record["status"] = record["status"] or ReviewStatus.UNREVIEWED.value
            record["version"] = record["version"] or 0
            record["note"] = record["note"] or ""
            record["reviewer"] = record["reviewer"] or ""
            records.append(record)
        return records

    def claim_row(self, claim_id: str) -> dict | None:
        """One recorded claim with its review, as in `claim_rows`, or None if it was never recorded."""
        rows = self.claim_rows(claim_id)
        return rows[0] if rows else None

    # ---- reviews -------------------------------------------------------------------------------------------------

    def get(self, claim_id: str) -> Review:
        """The claim's review, or an empty one at version 0."""
        with self._session() as connection:
            row = connection.execute(
                "SELECT rating, note, reviewer, status, evidence, version, updated_at FROM reviews WHERE claim_id = ?",
                (claim_id,),
            ).fetchone()
        if row is None:
            return Review(claim_id)
        return _review_from_row(claim_id, row)

    def reviews(self, claim_ids: Sequence[str]) -> dict[str, Review]:
        """Reviews of many claims at once (missing ones are empty reviews)."""
        found = {claim_id: Review(claim_id) for claim_id in claim_ids}
        with self._session() as connection:
            for start in range(0, len(claim_ids), 500):
                chunk = list(claim_ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for row in connection.execute(
                    "SELECT claim_id, rating, note, reviewer, status, evidence, version, updated_at FROM reviews"
                    f" WHERE claim_id IN ({marks})",
                    chunk,
                ):
                    found[row[0]] = _review_from_row(row[0], row[1:])
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
    ) -> Review:
        """Save a review if nobody saved another since `expected_version` was read; returns the stored review.

        Raises:
            ReviewConflictError: someone saved this claim's review after it was loaded; their review is in the message
                and nothing was overwritten.
        """
        if not isinstance(status, ReviewStatus):
            raise TypeError(f"status must be a ReviewStatus, got {status!r}")
        now = _now()
        evidence_json = json.dumps(list(evidence), ensure_ascii=False)
        with self._transaction() as connection:
            row = connection.execute("SELECT version, reviewer, rating FROM reviews WHERE claim_id = ?", (claim_id,))
            current = row.fetchone()
            current_version = current[0] if current else 0
            if current_version != expected_version:
                who = current[1] or "another reviewer"
                raise ReviewConflictError(
                    f"{who} saved this claim (rating: {current[2] or 'none'}) after you opened it. Your change was not"
                    " saved; reload to see their verdict, then save again."
                )
            version = current_version + 1
            values = (rating, note, reviewer, status.value, evidence_json, version, now)
            connection.execute(
                "INSERT INTO reviews (rating, note, reviewer, status, evidence, version, updated_at, claim_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET rating = excluded.rating,"
                " note = excluded.note, reviewer = excluded.reviewer, status = excluded.status,"
                " evidence = excluded.evidence, version = excluded.version, updated_at = excluded.updated_at",
                (*values, claim_id),
            )
            connection.execute(
                "INSERT INTO review_history (rating, note, reviewer, status, evidence, version, updated_at, claim_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, claim_id),
            )
        return Review(claim_id, rating, note, reviewer, status, tuple(evidence), version, now)

    def history(self, claim_id: str) -> list[Review]:
        """Every saved version of a claim's review, oldest first (what each save changed, and who made it)."""
        with self._session() as connection:
            rows = connection.execute(
                "SELECT rating, note, reviewer, status, evidence, version, updated_at FROM review_history"
                " WHERE claim_id = ? ORDER BY version, id",
                (claim_id,),
            ).fetchall()
        return [_review_from_row(claim_id, row) for row in rows]

    def update_many(
        self,
        expected_versions: dict[str, int],
        *,
        rating: str | None | _Keep = KEEP,
        reviewer: str | _Keep = KEEP,
        status: ReviewStatus | _Keep = KEEP,
    ) -> tuple[list[str], list[str]]:
        """Set the rating, reviewer and/or status of many claims at once (fields left at KEEP are not touched; notes
        and evidence never are). Each claim is saved only if it is still at the version the caller saw.

        Returns (saved claim ids, conflicting claim ids): a claim someone else saved since is left as they saved it.
        """
        if status is not KEEP and not isinstance(status, ReviewStatus):
            raise TypeError(f"status must be a ReviewStatus, got {status!r}")
        now = _now()
        saved, conflicts = [], []
        with self._transaction() as connection:
            for claim_id, expected in expected_versions.items():
                row = connection.execute(
                    "SELECT rating, note, reviewer, status, evidence, version, updated_at FROM reviews"
                    " WHERE claim_id = ?",
                    (claim_id,),
                ).fetchone()
                current = _review_from_row(claim_id, row) if row else Review(claim_id)
                if current.version != expected:
                    conflicts.append(claim_id)
                    continue
                values = (
                    current.rating if rating is KEEP else rating,
                    current.note,
                    current.reviewer if reviewer is KEEP else reviewer,
                    (current.status if status is KEEP else status).value,
                    json.dumps(list(current.evidence), ensure_ascii=False),
                    current.version + 1,
                    now,
                )
                connection.execute(
                    "INSERT INTO reviews (rating, note, reviewer, status, evidence, version, updated_at, claim_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET rating = excluded.rating,"
                    " reviewer = excluded.reviewer, status = excluded.status, version = excluded.version,"
                    " updated_at = excluded.updated_at",
                    (*values, claim_id),
                )
                connection.execute(
                    "INSERT INTO review_history (rating, note, reviewer, status, evidence, version, updated_at,"
                    " claim_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, claim_id),
                )
                saved.append(claim_id)
        return saved, conflicts

    # ---- connection ----------------------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute("PRAGMA journal_mode=WAL")
        return connection

    @contextlib.contextmanager
    def _session(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and is always closed (sqlite3's own `with` does not close)."""
        connection = self._connect()
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connect()
        connection.isolation_level = None
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise ReviewStoreError(f"Could not write to {self.path} ({error}). Nothing was changed.") from error
        finally:
            connection.close()


def _review_from_row(claim_id: str, row: Sequence) -> Review:
    rating, note, reviewer, status, evidence, version, updated_at = row
    return Review(
        claim_id=claim_id,
        rating=rating,
        note=note or "",
        reviewer=reviewer or "",
        status=ReviewStatus(status),
        evidence=tuple(json.loads(evidence or "[]")),
        version=version,
        updated_at=updated_at,
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
