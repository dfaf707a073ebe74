"""Publishable ClaimReview: the newsroom's publication settings and Google's required ClaimReview fields."""

from __future__ import annotations

import json

import pytest

from factcheck.articles import set_source_url
from factcheck.documents import Document
from factcheck.errors import PublicationError
from factcheck.extract import extract_claims
from factcheck.publication import Publication, load_publication, save_publication
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import export_reviews_jsonld

# Google's required properties of a ClaimReview (developers.google.com/search/docs/appearance/structured-data/
# factcheck): the object's own, and those of its reviewRating and author.
GOOGLE_REQUIRED = ("claimReviewed", "reviewRating", "url", "author", "datePublished")
DESK = Publication("The Desk", "https://desk.example", "https://desk.example/checks/{article}/{claim_id}")


@pytest.fixture
def store(review_target):
    store = ReviewStore(review_target)
    text = "Almost 600,000 people live under siege, the UN said.\n\n“We want a pause for 48 hours,” Kerry said."
    document = Document.from_text(text, doc_id="pasted text", title="Pasted: Almost 600,000 people")
    store.record_claims(document, extract_claims(document))
    return store


def test_published_claimreviews_have_every_field_google_requires(store):
    rows = store.recorded_claims()
    set_source_url(store, rows[0].doc_hash, "https://news.example/siege")
    store.save(rows[0].claim_id, rating="False", status=ReviewStatus.DONE, reviewer="ana", expected_version=0)
    store.save(rows[1].claim_id, rating="Accurate", status=ReviewStatus.IN_PROGRESS, expected_version=0)
    save_publication(store, DESK)
    [review] = json.loads(export_reviews_jsonld(store, load_publication(store)))  # only the claim marked done
    missing = [name for name in GOOGLE_REQUIRED if not review.get(name)]
    assert missing == []
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["author"] == {"@type": "Organization", "name": "The Desk", "url": "https://desk.example"}
    assert review["url"] == f"https://desk.example/checks/{rows[0].doc_hash}/{rows[0].claim_id}"
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/siege"
    assert len(review["datePublished"]) == 10


@pytest.mark.parametrize(
    ("publication", "message"),
    [
        (Publication("", "", "https://desk.example/{claim_id}"), "Set the publisher"),
        (Publication("Desk", "", ""), "Set the review URL pattern"),
        (Publication("Desk", "", "desk.example/{claim_id}"), "not a web address"),
        (Publication("Desk", "", "https://desk.example/checks"), "must contain {claim_id}"),
        (Publication("Desk", "", "https://desk.example/{claim_id}/{slug}"), "unknown placeholder"),
        (Publication("Desk", "desk.example", "https://desk.example/{claim_id}"), "publisher's site"),
    ],
)
def test_unpublishable_settings_are_refused_and_not_stored(store, publication, message):
    with pytest.raises(PublicationError, match=message):
        save_publication(store, publication)
    with pytest.raises(PublicationError):
        export_reviews_jsonld(store, publication)
    assert load_publication(store) == Publication()
