"""A claim's verdict as a value (`Review`, `ReviewStatus`) and as rows of the review database's two review tables."""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.review_connection import Connection
from factcheck.serialise import Record


class _Keep(enum.Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # "leave this field as it is" in ReviewStore.update_many


class ReviewStatus(enum.Enum):
    UNREVIEWED = "unreviewed"
    IN_PROGRESS = "in progress"
    DONE = "done"


def implied_status(rating: str | None, status: ReviewStatus) -> ReviewStatus:
    """A rated claim is at least in progress: a rating with the status left at 'unreviewed' means work has begun."""
    if rating is not None and status is ReviewStatus.UNREVIEWED:
        return ReviewStatus.IN_PROGRESS
    return status


@dataclass(frozen=True, slots=True)
class Review(Record):
    """A reviewer's judgement of one claim. `version` counts saves, so a stale save is detected, not applied."""

    claim_id: str
    rating: str | None = None
    note: str = ""
    reviewer: str = ""
    status: ReviewStatus = ReviewStatus.UNREVIEWED
    evidence: tuple[dict, ...] = field(default_factory=tuple)
    version: int = 0
    updated_at: str | None = None
    changed_by: str = ""  # who made this version (a bulk change or an undo may be someone other than `reviewer`)
    change: str = ""  # what made it, in the history: verdict, merge, bulk change, undo


REVIEW_FIELDS = "rating, note, reviewer, status, evidence, version, updated_at, changed_by"


def current_review(connection: Connection, claim_id: str) -> Review:
    row = connection.execute(f"SELECT {REVIEW_FIELDS} FROM reviews WHERE claim_id = ?", (claim_id,)).fetchone()
    return review_from_row(claim_id, row) if row else Review(claim_id)


def write_review(connection: Connection, review: Review, *, batch: str | None) -> None:
    """Store `review` as its claim's current verdict and add it to the history."""
    values = (
        review.rating,
        review.note,
        review.reviewer,
        review.status.value,
        json.dumps(list(review.evidence), ensure_ascii=False),
        review.version,
        review.updated_at,
        review.changed_by,
        review.claim_id,
    )
    connection.execute(
        "INSERT INTO reviews (rating, note, reviewer, status, evidence, version, updated_at, changed_by, claim_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET rating = excluded.rating,"
        " note = excluded.note, reviewer = excluded.reviewer, status = excluded.status,"
        " evidence = excluded.evidence, version = excluded.version, updated_at = excluded.updated_at,"
        " changed_by = excluded.changed_by",
        values,
    )
    connection.execute(
        "INSERT INTO review_history (rating, note, reviewer, status, evidence, version, updated_at, changed_by,"
        " claim_id, change, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*values, review.change, batch),
    )


def review_from_row(claim_id: str, row: Sequence) -> Review:
    rating, note, reviewer, status, evidence, version, updated_at, changed_by, *change = row
    return Review(
        claim_id=claim_id,
        rating=rating,
        note=note or "",
        reviewer=reviewer or "",
        status=ReviewStatus(status),
        evidence=tuple(json.loads(evidence or "[]")),
        version=version,
        updated_at=updated_at,
        changed_by=changed_by or "",
        change=(change[0] if change else "") or "",
    )
