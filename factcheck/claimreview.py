"""Reviewed claims as schema.org ClaimReview objects (JSON-LD), the format search engines and archives read."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.extract import ClaimKind
from factcheck.recorded_claim import RecordedClaim
from factcheck.review_records import ReviewStatus
from factcheck.reviews import DEFAULT_RATINGS

SCHEMA_CONTEXT = "https://schema.org"
# Words that mark a speaker as an institution rather than a person ("the UN", "the health ministry").
_ORGANISATION_WORDS = frozenset(
    {
        "agency",
        "army",
        "association",
        "bank",
        "commission",
        "committee",
        "council",
        "department",
        "government",
        "group",
        "institute",
        "ministry",
        "nations",
        "office",
        "organisation",
        "organization",
        "police",
        "union",
    }
)
# A quote's extracted text keeps the punctuation that led out of the quotation marks ("We want a pause,").
_TRAILING_QUOTE_PUNCTUATION = " ,;:"


def claimreview_jsonld(
    records: Iterable[RecordedClaim],
    *,
    publisher: str = "factcheck",
    ratings: Sequence[str] = DEFAULT_RATINGS,
    review_url_pattern: str | None = None,
    publisher_url: str | None = None,
) -> list[dict]:
    """ClaimReview objects for the published claims (rated and marked done) among the claims
    that `ReviewStore.recorded_claims()` returns.

    Args:
        records: claim rows joined with their reviews; claims without a rating or not marked done are skipped.
        publisher: the organisation named as the review's author.
        ratings: the rating scale, best first; a rating's position in it is its `ratingValue` (1 = best).
        review_url_pattern: where each review is published, with `{claim_id}` (and optionally `{article}`) in it;
            without it the objects have no `url` and are not publishable (see `factcheck.publication`).
        publisher_url: the publisher's site, given as the author's `url`.

    Returns:
        One dict per published claim, in the records' order, with empty fields left out (never a None value).
    """
    if not publisher:
        raise ValueError("publisher must be a non-empty name, got an empty string")
    return [
        _claimreview(record, publisher, tuple(ratings), review_url_pattern, publisher_url)
        for record in records
        if is_published(record)
    ]


def is_published(record: RecordedClaim) -> bool:
    """Only a claim with a rating whose review is marked done is published."""
    return record.rating is not None and record.status is ReviewStatus.DONE


def claim_reviewed(text: str, kind: ClaimKind) -> str:
    """The words under review: the claim text, or for a quote the quoted words without trailing punctuation."""
    text = text.strip()
    if kind is ClaimKind.QUOTE:
        text = text.rstrip(_TRAILING_QUOTE_PUNCTUATION)
    return text


def rating_position(rating: str | None, ratings: Sequence[str] = DEFAULT_RATINGS) -> int | None:
    """A rating's place in the scale (1 = first and best), or None when it is unset or not on the scale."""
    if rating is None or rating not in ratings:
        return None
    return list(ratings).index(rating) + 1


def claimant_type(speaker: str) -> str:
    """The schema.org type of a speaker: Organization for an acronym (UN) or an institutional word, else Person."""
    words = speaker.replace(".", "").split()
    if any(word.isupper() and len(word) > 1 for word in words):
        return "Organization"
    if any(word.lower() in _ORGANISATION_WORDS for word in words):
        return "Organization"
    return "Person"


def _claimreview(
    record: RecordedClaim,
    publisher: str,
    ratings: tuple[str, ...],
    review_url_pattern: str | None,
    publisher_url: str | None,
) -> dict:
    rating = record.rating
    speaker = record.speaker
    # Where the claim appeared: the article's title and source URL, both set per article on the Articles page.
    appearance = _without_empty({"url": record.doc_url, "headline": record.doc_title})
    item = _without_empty(
        {
            "@type": "Claim",
            "author": {"@type": claimant_type(speaker), "name": speaker} if speaker else None,
            "datePublished": record.doc_date,
            "appearance": {"@type": "CreativeWork", **appearance} if appearance else None,
        }
    )
    position = rating_position(rating, ratings)
    review_rating: dict[str, str | int | None] = {"@type": "Rating"}
    if position is not None:
        # Best and worst only mean something beside a value on the same scale; a rating off the scale keeps its name.
        review_rating.update(ratingValue=position, bestRating=1, worstRating=len(ratings))
    review_rating["alternateName"] = rating
    updated_at = record.updated_at
    return _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "ClaimReview",
            "claimReviewed": claim_reviewed(record.text, record.kind),
            "itemReviewed": item if len(item) > 1 else None,
            "author": _without_empty({"@type": "Organization", "name": publisher, "url": publisher_url}),
            "datePublished": updated_at[:10] if updated_at else None,
            "reviewRating": review_rating,
            "url": (
                review_url_pattern.strip().format(claim_id=record.claim_id, article=record.doc_hash)
                if review_url_pattern
                else None
            ),
            "reviewBody": record.note,
        }
    )


def _without_empty(fields: dict) -> dict:
    """`fields` without the None and empty-string values, which schema.org readers treat as errors."""
    return {key: value for key, value in fields.items() if value is not None and value != ""}
