"""Two reviewers' verdicts on one claim side by side, and the merged verdict offered to the one who saved second."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from factcheck.reviews import Review, ReviewStatus, ReviewStore
from factcheck.serialise import Record
from factcheck.workbench.reviewing import evidence_key

_STATUS_ORDER = {ReviewStatus.UNREVIEWED: 0, ReviewStatus.IN_PROGRESS: 1, ReviewStatus.DONE: 2}
NO_RATING = "(none)"  # the rating picker's "no rating" choice


@dataclass(frozen=True, slots=True)
class Draft(Record):
    """What a reviewer had in the verdict form when their save was refused."""

    rating: str | None
    status: ReviewStatus
    note: str
    evidence: tuple[dict, ...]


def rating_choices(ratings: Sequence[str], *kept: str | None) -> list[str]:
    """The rating picker's choices: no rating, the scale, then each kept rating that is not on it (a rating from an
    older scale is shown, not dropped)."""
    choices = [NO_RATING, *ratings]
    for rating in kept:
        if rating and rating not in choices:
            choices.append(rating)
    return choices


def save_draft(
    reviews: ReviewStore, claim_id: str, draft: Draft, *, reviewer: str, expected_version: int, change: str = "verdict"
) -> Review:
    """Save what the form holds as the claim's verdict, if nobody saved since `expected_version`.

    Raises:
        ReviewConflictError: someone saved the claim since (the draft is then offered for a merge).
    """
    return reviews.save(
        claim_id,
        rating=draft.rating,
        note=draft.note,
        reviewer=reviewer,
        status=draft.status,
        evidence=draft.evidence,
        expected_version=expected_version,
        change=change,
    )


def side_by_side(draft: Draft, saved: Review) -> pd.DataFrame:
    """One row per field: this reviewer's draft and the saved verdict, and whether they differ."""
    rows = []
    for name, mine, theirs in (
        ("rating", draft.rating or NO_RATING, saved.rating or NO_RATING),
        ("status", draft.status.value, saved.status.value),
        ("note", draft.note, saved.note),
        ("evidence", _evidence_names(draft.evidence), _evidence_names(saved.evidence)),
    ):
        rows.append({"field": name, "your draft": mine, "saved": theirs, "differs": mine != theirs})
    return pd.DataFrame(rows, columns=["field", "your draft", "saved", "differs"])


def merged_defaults(draft: Draft, saved: Review) -> Draft:
    """The merge form's starting point: the draft's rating (theirs if the draft has none), the further of the two
    statuses, both notes (theirs first, each once), and the evidence of both."""
    notes = [note.strip() for note in (saved.note, draft.note) if note.strip()]
    note = "\n\n".join(dict.fromkeys(notes))
    evidence: dict[tuple[str, str], dict] = {}
    for item in (*saved.evidence, *draft.evidence):
        evidence.setdefault(evidence_key(item), item)
    status = max((draft.status, saved.status), key=_STATUS_ORDER.__getitem__)
    return Draft(draft.rating or saved.rating, status, note, tuple(evidence.values()))


def _evidence_names(evidence: Sequence[dict]) -> str:
    return "; ".join(str(item.get("title") or item.get("doc_id") or item.get("passage_id") or "") for item in evidence)
