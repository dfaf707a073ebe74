"""The Articles page's table and the candidate evidence kept with each checked claim."""

from __future__ import annotations

import pandas as pd

from factcheck.articles import list_articles
from factcheck.check import CheckedClaim
from factcheck.reviews import ReviewStore

ARTICLE_COLUMNS = (
    "doc_hash",
    "title",
    "source URL",
    "checked",
    "checked by",
    "claims",
    "in progress",
    "done",
    "reviewed",
    "archived",
)


def articles_table(reviews: ReviewStore, *, include_archived: bool = False) -> pd.DataFrame:
    """One row per checked article: title, source URL, when and by whom it was checked, its claim counts and the
    share of its claims marked done (0-1), most recently checked first."""
    rows = [
        {
            "doc_hash": article.doc_hash,
            "title": article.title,
            "source URL": article.url,
            "checked": article.checked_at.replace("T", " ")[:16],
            "checked by": article.checked_by,
            "claims": article.claims,
            "in progress": article.in_progress,
            "done": article.done,
            "reviewed": round(article.reviewed_share, 3),
            "archived": article.archived,
        }
        for article in list_articles(reviews, include_archived=include_archived)
    ]
    return pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))


def candidate_records(item: CheckedClaim) -> list[dict]:
    """A checked claim's candidates as they are kept with its article: each hit with its stance and reasons (the
    rest of the signals is recomputed by checking again)."""
    records = []
    for position, hit in enumerate(item.candidates):
        record = hit.to_dict()
        if position < len(item.signals):
            record["stance"] = item.signals[position].stance.value
            record["reasons"] = list(item.signals[position].reasons)
        records.append(record)
    return records
