"""Undo: the last change of a claim's verdict, and the last bulk change, put back as new, attributed versions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from factcheck.errors import MissingReviewerError, NothingToUndoError
from factcheck.reviews import Review, ReviewStore
from factcheck.serialise import Record


@dataclass(frozen=True, slots=True)
class BulkChange(Record):
    """One bulk change from the queue: who made it, when, what it set and on how many claims."""

    batch: str
    changed_by: str
    changed_at: str
    description: str
    claim_count: int


def undo_last_save(store: ReviewStore, claim_id: str, *, seen_version: int, changed_by: str) -> Review:
    """Put the claim's verdict back as it was before its latest version (as a new version by `changed_by`).

    Raises:
        NothingToUndoError: the verdict was never saved, or someone saved it after `seen_version` was read.
    """
    history = store.history(claim_id)
    if not history:
        raise NothingToUndoError("This claim's verdict was never saved: there is nothing to undo.")
    latest = history[-1]
    if latest.version != seen_version:
        who = latest.changed_by or latest.reviewer or "Another reviewer"
        raise NothingToUndoError(
            f"{who} saved this claim since you opened it (version {latest.version}); look at their verdict before"
            " undoing anything."
        )
    earlier = _state_before(history, latest.version)
    saved, _ = store.restore_many(
        {claim_id: latest.version}, {claim_id: earlier}, changed_by=changed_by, description="undo"
    )
    if not saved:
        raise NothingToUndoError("Someone saved this claim at the same moment; nothing was undone. Look again.")
    return store.get(claim_id)


def last_bulk_change(store: ReviewStore) -> BulkChange | None:
    """The most recent bulk change not undone yet, or None."""
    with store.session() as connection:
        row = connection.execute(
            "SELECT batch, changed_by, changed_at, description, claim_count FROM bulk_changes"
            " WHERE undone_at IS NULL ORDER BY changed_at DESC, batch DESC LIMIT 1"
        ).fetchone()
    return BulkChange(*row) if row else None


def undo_bulk_change(store: ReviewStore, batch: str, *, changed_by: str) -> tuple[int, int]:
    """Put every claim of bulk change `batch` back as it was before it; a claim saved by anyone since is left as it
    is. Returns (claims put back, claims left because they changed since).

    Raises:
        MissingReviewerError: no name to record the undo under.
        NothingToUndoError: the bulk change is unknown or already undone.
    """
    if not changed_by.strip():
        raise MissingReviewerError("Type your name under Reviewer in the sidebar: an undo is recorded under it.")
    with store.session() as connection:
        found = connection.execute("SELECT undone_at FROM bulk_changes WHERE batch = ?", (batch,)).fetchone()
        rows = connection.execute(
            "SELECT claim_id, version FROM review_history WHERE batch = ? ORDER BY claim_id", (batch,)
        ).fetchall()
    if found is None or found[0] is not None:
        raise NothingToUndoError("That bulk change was already undone (or never made); nothing was changed.")
    expected = {claim_id: version for claim_id, version in rows}
    earlier = {claim_id: _state_before(store.history(claim_id), version) for claim_id, version in rows}
    description = "undo of a bulk change"
    saved, conflicts = store.restore_many(expected, earlier, changed_by=changed_by.strip(), description=description)
    with store.transaction() as connection:
        connection.execute(
            "UPDATE bulk_changes SET undone_at = ?, undone_by = ? WHERE batch = ?",
            (datetime.now(UTC).isoformat(timespec="seconds"), changed_by.strip(), batch),
        )
    return len(saved), len(conflicts)


def _state_before(history: list[Review], version: int) -> Review:
    """The verdict as it stood just before `version` (an empty verdict before the first save)."""
    before = [review for review in history if review.version < version]
    if not before:
        return Review(history[0].claim_id)
    return replace(before[-1])
