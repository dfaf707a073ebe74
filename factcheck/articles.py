"""Checked articles as things a newsroom manages: listed with their progress, renamed, given a source URL,
archived, deleted; and each claim's candidate evidence kept with its article for later reviewers."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from factcheck.errors import ArticleError
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.serialise import Record, to_record

MAX_TITLE_CHARACTERS = 300


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One checked article and how far its review has come."""

    doc_hash: str
    title: str
    doc: str
    url: str
    date: str
    checked_at: str
    checked_by: str
    archived: bool
    claims: int
    in_progress: int
    done: int
    saved: int  # claims with a saved verdict of any status: deleted only on confirmation

    @property
    def reviewed_share(self) -> float:
        """The share of its claims marked done (0 for an article without claims)."""
        return self.done / self.claims if self.claims else 0.0

    def to_dict(self) -> dict:
        return {**to_record(self), "reviewed_share": self.reviewed_share}


@dataclass(frozen=True, slots=True)
class Deletion:
    """What deleting an article removed, and how many reviewed claims it kept because they were not confirmed."""

    deleted_claims: int
    kept_reviewed: int
    article_deleted: bool


def list_articles(store: ReviewStore, *, include_archived: bool = True) -> list[Article]:
    """Every checked article, most recently checked first, with its claim counts by review status."""
    with store.session() as connection:
        rows = connection.execute(
            "SELECT d.doc_hash, d.title, d.doc, d.url, d.date, d.checked_at, d.checked_by, d.archived,"
            " COUNT(c.claim_id),"
            " SUM(CASE WHEN r.status = ? THEN 1 ELSE 0 END), SUM(CASE WHEN r.status = ? THEN 1 ELSE 0 END),"
            " SUM(CASE WHEN r.version > 0 THEN 1 ELSE 0 END)"
            " FROM documents d LEFT JOIN claims c ON c.doc_hash = d.doc_hash"
            " LEFT JOIN reviews r ON r.claim_id = c.claim_id"
            " GROUP BY d.doc_hash, d.title, d.doc, d.url, d.date, d.checked_at, d.checked_by, d.archived"
            " ORDER BY d.checked_at DESC, d.doc_hash",
            (ReviewStatus.IN_PROGRESS.value, ReviewStatus.DONE.value),
        ).fetchall()
    articles = [
        Article(
            doc_hash=row[0],
            title=row[1] or row[2],
            doc=row[2],
            url=row[3] or "",
            date=row[4] or "",
            checked_at=row[5],
            checked_by=row[6] or "",
            archived=bool(row[7]),
            claims=row[8] or 0,
            in_progress=row[9] or 0,
            done=row[10] or 0,
            saved=row[11] or 0,
        )
        for row in rows
    ]
    return [article for article in articles if include_archived or not article.archived]


def get_article(store: ReviewStore, doc_hash: str) -> Article:
    """One article by its hash.

    Raises:
        ArticleError: no such article (deleted meanwhile, or a link from another database).
    """
    for article in list_articles(store):
        if article.doc_hash == doc_hash:
            return article
    raise ArticleError(
        f"No checked article has the id {doc_hash!r} (it may have been deleted). Pick one from the list of articles."
    )


def rename_article(store: ReviewStore, doc_hash: str, title: str) -> None:
    """Give an article the title it is known by in the queue, the verdicts and ClaimReview's appearance."""
    title = " ".join(title.split())
    if not title:
        raise ArticleError("The new title is empty: type the headline the article should be listed under.")
    if len(title) > MAX_TITLE_CHARACTERS:
        raise ArticleError(f"The title has {len(title)} characters; keep it under {MAX_TITLE_CHARACTERS}.")
    _update_document(store, doc_hash, "title", title)


def set_source_url(store: ReviewStore, doc_hash: str, url: str) -> None:
    """Where the article was published (ClaimReview's `appearance`); an empty URL clears it."""
    url = url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise ArticleError(f"'{url}' is not a web address: give the article's full URL, starting with https://.")
    _update_document(store, doc_hash, "url", url or None)


def set_archived(store: ReviewStore, doc_hash: str, archived: bool) -> None:
    """Archive an article (its claims leave the queue and the exports, nothing is deleted) or bring it back."""
    _update_document(store, doc_hash, "archived", 1 if archived else 0)


def delete_article(store: ReviewStore, doc_hash: str, *, include_reviewed: bool = False) -> Deletion:
    """Delete an article's unreviewed claims, and its reviewed ones (rated, or saved in any way) only when
    `include_reviewed` is set; the article goes when no claim is left. Verdict history goes with its claim."""
    get_article(store, doc_hash)
    with store.transaction() as connection:
        rows = connection.execute(
            "SELECT c.claim_id, r.version FROM claims c LEFT JOIN reviews r ON r.claim_id = c.claim_id"
            " WHERE c.doc_hash = ?",
            (doc_hash,),
        ).fetchall()
        reviewed = [claim_id for claim_id, version in rows if version]
        doomed = [claim_id for claim_id, version in rows if include_reviewed or not version]
        for claim_id in doomed:
            for table in ("review_history", "reviews", "claim_candidates", "claims"):
                connection.execute(f"DELETE FROM {table} WHERE claim_id = ?", (claim_id,))
        kept = 0 if include_reviewed else len(reviewed)
        if not kept:
            connection.execute("DELETE FROM documents WHERE doc_hash = ?", (doc_hash,))
    return Deletion(deleted_claims=len(doomed), kept_reviewed=kept, article_deleted=not kept)


def save_candidates(store: ReviewStore, candidates: Mapping[str, Sequence[dict]]) -> None:
    """Keep each claim's candidate evidence (hit dicts, with their stance and reasons) as found by its latest check."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as connection:
        for claim_id, hits in candidates.items():
            connection.execute(
                "INSERT INTO claim_candidates (claim_id, candidates, saved_at) VALUES (?, ?, ?)"
                " ON CONFLICT (claim_id) DO UPDATE SET candidates = excluded.candidates, saved_at = excluded.saved_at",
                (claim_id, json.dumps(list(hits), ensure_ascii=False), now),
            )


def saved_candidates(store: ReviewStore, claim_id: str) -> list[dict]:
    """The candidate evidence kept from the latest check of the claim's article (empty if never retrieved)."""
    with store.session() as connection:
        row = connection.execute("SELECT candidates FROM claim_candidates WHERE claim_id = ?", (claim_id,)).fetchone()
    return json.loads(row[0]) if row else []


def _update_document(store: ReviewStore, doc_hash: str, column: str, value) -> None:
    get_article(store, doc_hash)
    with store.transaction() as connection:
        connection.execute(f"UPDATE documents SET {column} = ? WHERE doc_hash = ?", (value, doc_hash))
