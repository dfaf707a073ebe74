"""The review queue across every checked article, bulk changes, a claim's history, and the exports."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from factcheck.claimreview import claimreview_jsonld
from factcheck.errors import FactcheckError, MissingReviewerError
from factcheck.export import review_rows, to_csv_bytes
from factcheck.publication import Publication
from factcheck.reviews import DEFAULT_RATINGS, KEEP, RecordedClaim, ReviewStatus, ReviewStore

QUEUE_COLUMNS = (
    "claim_id",
    "article",
    "type",
    "claim",
    "speaker",
    "check-worthiness",
    "status",
    "rating",
    "reviewer",
    "updated",
    "changed by",
    "version",
    "article_id",
    "checked",
)


def queue_table(
    reviews: ReviewStore,
    *,
    statuses: Sequence[str] = (),
    kinds: Sequence[str] = (),
    reviewers: Sequence[str] = (),
    ratings: Sequence[str] = (),
    include_archived: bool = False,
) -> pd.DataFrame:
    """Every recorded claim across every checked article (archived ones only on request), with its review,
    filtered (an empty filter keeps all)."""
    rows = [
        {
            "claim_id": record.claim_id,
            "article": record.article,
            "type": record.kind.value,
            "claim": record.text,
            "speaker": record.speaker or "",
            "check-worthiness": record.checkworthiness,
            "status": record.status.value,
            "rating": record.rating or "",
            "reviewer": record.reviewer,
            "updated": record.updated_at or "",
            "changed by": record.changed_by,
            "version": record.version,
            "article_id": record.doc_hash,
            "checked": record.doc_checked_at[:10],
        }
        for record in reviews.recorded_claims()
        if include_archived or not record.doc_archived
    ]
    table = pd.DataFrame(rows, columns=list(QUEUE_COLUMNS))
    return filter_queue(table, statuses=statuses, kinds=kinds, reviewers=reviewers, ratings=ratings)


def filter_queue(
    table: pd.DataFrame,
    *,
    statuses: Sequence[str] = (),
    kinds: Sequence[str] = (),
    reviewers: Sequence[str] = (),
    ratings: Sequence[str] = (),
    articles: Sequence[str] = (),
    text: str = "",
    checked_from: date | None = None,
    checked_until: date | None = None,
) -> pd.DataFrame:
    """The queue rows whose status, type, reviewer, rating and article (by id) are among the chosen ones (an empty
    choice keeps all), whose claim, speaker or article contains `text` (any case), and whose article was checked
    between the two dates (inclusive)."""
    keep = pd.Series(True, index=table.index)
    for column, wanted in (
        ("status", statuses),
        ("type", kinds),
        ("reviewer", reviewers),
        ("rating", ratings),
        ("article_id", articles),
    ):
        if wanted:
            keep &= table[column].isin(list(wanted))
    needle = text.strip().casefold()
    if needle:
        haystack = table["claim"] + "\n" + table["speaker"] + "\n" + table["article"]
        keep &= haystack.str.casefold().str.contains(needle, regex=False)
    if checked_from is not None:
        keep &= table["checked"] >= checked_from.isoformat()
    if checked_until is not None:
        keep &= table["checked"] <= checked_until.isoformat()
    return table[keep].reset_index(drop=True)


def export_reviews_csv(reviews: ReviewStore, *, excel: bool = False, ratings: Sequence[str] = DEFAULT_RATINGS) -> bytes:
    """Every claim of the articles not archived, with its verdict, as CSV."""
    return to_csv_bytes(review_rows(_exported_records(reviews), ratings=ratings), excel=excel)


def export_reviews_jsonld(
    reviews: ReviewStore, publication: Publication, ratings: Sequence[str] = DEFAULT_RATINGS
) -> bytes:
    """Publishable ClaimReview JSON-LD (a JSON array) of every claim marked done with a rating.

    Raises:
        PublicationError: the publisher or the review URL pattern is missing or unusable.
    """
    publication.check()
    objects = claimreview_jsonld(
        _exported_records(reviews),
        publisher=publication.publisher.strip(),
        ratings=ratings,
        review_url_pattern=publication.review_url_pattern,
        publisher_url=publication.publisher_url.strip() or None,
    )
    return json.dumps(objects, ensure_ascii=False, indent=2).encode()


def _exported_records(reviews: ReviewStore) -> list[RecordedClaim]:
    return [record for record in reviews.recorded_claims() if not record.doc_archived]


@dataclass(frozen=True, slots=True)
class BulkResult:
    saved: int
    conflicts: int

    def message(self) -> str:
        text = f"Updated {self.saved} claim{'s' if self.saved != 1 else ''}."
        if self.conflicts:
            text += (
                f" {self.conflicts} {'was' if self.conflicts == 1 else 'were'} saved by someone else after the queue"
                " was loaded and left as they saved it; look at them again before changing them."
            )
        return text


def bulk_update(
    reviews: ReviewStore,
    selected: pd.DataFrame,
    *,
    changed_by: str,
    status: str | None = None,
    rating: str | None = None,
    reviewer: str | None = None,
    ratings: Sequence[str] = DEFAULT_RATINGS,
    seen_versions: dict[str, int] | None = None,
) -> BulkResult:
    """Apply one status, rating and/or reviewer to the selected queue rows (None leaves a field as it is), as one
    bulk change recorded under `changed_by` (in each claim's history, and undoable as a whole).

    A claim is changed only if it is still at the version the reviewer was shown (`seen_versions`, else the row's
    `version`); claims someone saved since are left as they are and counted as conflicts."""
    if not changed_by.strip():
        raise MissingReviewerError(
            "Type your name under Reviewer in the sidebar first: a bulk change is recorded under the name of who made"
            " it."
        )
    if selected.empty:
        raise FactcheckError("Select one or more claims in the table first.")
    if status is None and rating is None and reviewer is None:
        raise FactcheckError("Choose a status, a rating or a reviewer to apply.")
    if rating is not None and rating not in ratings:
        raise FactcheckError(f"'{rating}' is not on the rating scale ({', '.join(ratings)}).")
    seen = seen_versions or {}
    expected = {str(row["claim_id"]): int(seen.get(row["claim_id"], row["version"])) for _, row in selected.iterrows()}
    parts = [f"{name}: {value}" for name, value in (("status", status), ("rating", rating), ("reviewer", reviewer))]
    saved, conflicts = reviews.update_many(
        expected,
        changed_by=changed_by.strip(),
        status=KEEP if status is None else ReviewStatus(status),
        rating=KEEP if rating is None else rating,
        reviewer=KEEP if reviewer is None else reviewer,
        description=", ".join(part for part in parts if not part.endswith(": None")),
    )
    return BulkResult(len(saved), len(conflicts))


def history_table(reviews: ReviewStore, claim_id: str) -> pd.DataFrame:
    """Every saved version of a claim's verdict, newest first."""
    rows = [
        {
            "version": review.version,
            "saved": review.updated_at or "",
            "changed by": review.changed_by or review.reviewer,
            "change": review.change or "verdict",
            "reviewer": review.reviewer,
            "rating": review.rating or "",
            "status": review.status.value,
            "note": review.note,
            "evidence": "; ".join(str(e.get("title") or e.get("doc_id") or "") for e in review.evidence),
        }
        for review in reversed(reviews.history(claim_id))
    ]
    columns = ["version", "saved", "changed by", "change", "reviewer", "rating", "status", "note", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def queue_label(row: RecordedClaim | pd.Series, limit: int = 90, *, with_article: bool = True) -> str:
    """How a recorded claim (or its row of `queue_table`) is named in a picker: its article (unless the picker is
    within one), kind, speaker and the start of its text."""
    if isinstance(row, RecordedClaim):
        text, kind, speaker, article = row.text, row.kind.value, row.speaker or "", row.article
    else:
        text, kind, speaker, article = str(row["claim"]), str(row["type"]), row["speaker"] or "", str(row["article"])
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    label = f"[{kind}] {speaker + ': ' if speaker else ''}{text}"
    if not with_article:
        return label
    return f"{article} · {label}"


def evidence_key(evidence: dict) -> tuple[str, str]:
    return (str(evidence.get("corpus") or ""), str(evidence.get("passage_id") or evidence.get("doc_id") or ""))


def evidence_options(candidates: Sequence[dict], saved: Sequence[dict]) -> dict[str, dict]:
    """The evidence a reviewer can pick, by label: this check's candidates, then saved evidence that is not among
    them (so re-saving a verdict never drops evidence chosen in an earlier check)."""
    options: dict[str, dict] = {}
    seen = set()
    for hit in candidates:
        options[_unique(f"{hit.get('rank', len(options) + 1)}. {hit.get('title') or hit.get('doc_id')}", options)] = hit
        seen.add(evidence_key(hit))
    for item in saved:
        if evidence_key(item) not in seen:
            name = item.get("title") or item.get("doc_id") or item.get("passage_id")
            label = f"saved: {name} ({item.get('corpus') or 'no corpus'})"
            options[_unique(label, options)] = item
            seen.add(evidence_key(item))
    return options


def saved_evidence_labels(options: Mapping[str, dict], saved: Sequence[dict]) -> list[str]:
    """The labels of `options` that are the saved evidence, for the picker's default."""
    wanted = {evidence_key(item) for item in saved}
    return [label for label, item in options.items() if evidence_key(item) in wanted]


def _unique(label: str, taken: dict) -> str:
    """`label`, or `label (2)`, `label (3)`, ... if it is taken already."""
    candidate, number = label, 1
    while candidate in taken:
        number += 1
        candidate = f"{label} ({number})"
    return candidate
