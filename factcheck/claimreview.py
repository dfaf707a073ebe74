"""Reviewed claims as schema.org ClaimReview objects (JSON-LD), the format search engines and archives read."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
    records: Iterable[dict], *, publisher: str = "factcheck", ratings: Sequence[str] = DEFAULT_RATINGS
) -> list[dict]:
    """ClaimReview objects for the reviewed claims (rating set) among `ReviewStore.claim_rows()` records.

    Args:
        records: claim rows joined with their reviews; unrated claims are skipped.
        publisher: the organisation named as the review's author.
        ratings: the rating scale, best first; a rating's position in it is its `ratingValue` (1 = best).

    Returns:
        One dict per reviewed claim, in the records' order, with empty fields left out (never a None value).
    """
    if not publisher:
        raise ValueError("publisher must be a non-empty name, got an empty string")
    return [_claimreview(record, publisher, tuple(ratings)) for record in records if record.get("rating") is not None]


def claim_reviewed(record: dict) -> str:
    """The words under review: the claim text, or for a quote the quoted words without trailing punctuation."""
    text = (record.get("text") or "").strip()
    if record.get("kind") == "quote":
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


def _claimreview(record: dict, publisher: str, ratings: tuple[str, ...]) -> dict:
    rating = record["rating"]
    speaker = record.get("speaker")
    appearance = _without_empty({"url": record.get("doc_url"), "headline": record.get("doc_title")})
    item = _without_empty(
        {
            "@type": "Claim",
            "author": {"@type": claimant_type(speaker), "name": speaker} if speaker else None,
            "datePublished": record.get("doc_date"),
            "appearance": {"@type": "CreativeWork", **appearance} if appearance else None,
        }
    )
    position = rating_position(rating, ratings)
    review_rating = {"@type": "Rating"}
    if position is not None:
        # Best and worst only mean something beside a value on the same scale; a rating off the scale keeps its name.
        review_rating.update(ratingValue=position, bestRating=1, worstRating=len(ratings))
    review_rating["alternateName"] = rating
    updated_at = record.get("updated_at")
    return _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "ClaimReview",
            "claimReviewed": claim_reviewed(record),
            "itemReviewed": item if len(item) > 1 else None,
            "author": {"@type": "Organization", "name": publisher},
            "datePublished": updated_at[:10] if updated_at else None,
            "reviewRating": review_rating,
            "url": record.get("review_url"),
            "reviewBody": record.get("note"),
        }
    )


def _without_empty(fields: dict) -> dict:
    """`fields` without the None and empty-string values, which schema.org readers treat as errors."""
    return {key: value for key, value in fields.items() if value is not None and value != ""}
