import json

import pytest

from factcheck.claimreview import claim_reviewed, claimant_type, claimreview_jsonld, rating_position
from factcheck.export import review_rows
from factcheck.extract import ClaimKind
from factcheck.reviews import DEFAULT_RATINGS, RecordedClaim


def record(**changes):
    """A `ReviewStore.recorded_claims()` record with every field set; `changes` override or blank fields."""
    base = {
        "doc": "a.txt",
        "doc_hash": "26595f0866c3e855",
        "doc_title": "Truce talks",
        "doc_url": "https://news.example/truce",
        "doc_date": "2016-08-26",
        "claim_id": "q-1",
        "kind": "quote",
        "text": "We want a pause for 48 hours,",
        "speaker": "Kerry",
        "sentence": "“We want a pause for 48 hours,” Kerry said.",
        "start": 1,
        "end": 30,
        "quantities": [],
        "checkworthiness": 0.8,
        "rating": "Misattributed",
        "note": "Lavrov said it, not Kerry.",
        "reviewer": "ana",
        "status": "done",
        "evidence": [{"url": "https://un.example/brief", "text": "a 48-hour pause", "passage_id": "p:1"}],
        "version": 2,
        "updated_at": "2016-08-27T09:30:00+00:00",
        "first_seen": "2016-08-26T18:00:00+00:00",
    }
    base.update(changes)
    return RecordedClaim.from_dict(base)


def test_a_fully_known_review_becomes_the_expected_claimreview():
    assert claimreview_jsonld([record()], publisher="Desk") == [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": "We want a pause for 48 hours",
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Person", "name": "Kerry"},
                "datePublished": "2016-08-26",
                "appearance": {
                    "@type": "CreativeWork",
                    "url": "https://news.example/truce",
                    "headline": "Truce talks",
                },
            },
            "author": {"@type": "Organization", "name": "Desk"},
            "datePublished": "2016-08-27",
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": 5,
                "bestRating": 1,
                "worstRating": 7,
                "alternateName": "Misattributed",
            },
            "reviewBody": "Lavrov said it, not Kerry.",
        }
    ]


def test_only_rated_claims_are_exported_in_their_order():
    records = [record(claim_id="a", rating="False"), record(claim_id="b", rating=None), record(claim_id="c")]
    names = [review["reviewRating"]["alternateName"] for review in claimreview_jsonld(records)]
    assert names == ["False", "Misattributed"]


def test_no_reviews_give_an_empty_list():
    assert claimreview_jsonld([]) == []
    assert claimreview_jsonld([record(rating=None)]) == []


@pytest.mark.parametrize(
    ("rating", "ratings", "expected"),
    [
        ("Accurate", DEFAULT_RATINGS, 1),
        ("Mostly accurate", DEFAULT_RATINGS, 2),
        ("Not checkable", DEFAULT_RATINGS, len(DEFAULT_RATINGS)),
        ("True", ("True", "Half true", "False"), 1),
        ("False", ("True", "Half true", "False"), 3),
        ("Pants on fire", DEFAULT_RATINGS, None),
        (None, DEFAULT_RATINGS, None),
    ],
)
def test_rating_position_counts_from_the_best(rating, ratings, expected):
    assert rating_position(rating, ratings) == expected


def test_a_custom_scale_sets_value_and_worst_rating():
    (review,) = claimreview_jsonld([record(rating="Half true")], ratings=("True", "Half true", "False"))
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 1,
        "worstRating": 3,
        "alternateName": "Half true",
    }


def test_a_rating_off_the_scale_keeps_its_name_without_a_value():
    (review,) = claimreview_jsonld([record(rating="Pants on fire")])
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Pants on fire"}


def test_unknown_fields_are_left_out_not_null():
    bare = record(
        kind="numeric",
        text="Almost 600,000 people live under siege.",
        speaker=None,
        doc_title=None,
        doc_url="",
        doc_date=None,
        note="",
        updated_at=None,
    )
    (review,) = claimreview_jsonld([bare])
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "Almost 600,000 people live under siege.",
        "author": {"@type": "Organization", "name": "factcheck"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 5,
            "bestRating": 1,
            "worstRating": 7,
            "alternateName": "Misattributed",
        },
    }


def test_an_appearance_with_only_a_title_keeps_the_title():
    (review,) = claimreview_jsonld([record(doc_url=None, speaker=None, doc_date=None)])
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "headline": "Truce talks"},
    }


def test_output_is_deterministic_and_survives_a_json_round_trip():
    records = [record(claim_id=str(n), rating=DEFAULT_RATINGS[n]) for n in range(len(DEFAULT_RATINGS))]
    first = claimreview_jsonld(records)
    text = json.dumps(first, ensure_ascii=False, indent=2)
    assert json.loads(text) == first == claimreview_jsonld(records)
    assert "null" not in text


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("quote", "We want a pause for 48 hours,", "We want a pause for 48 hours"),
        ("quote", "  Is that so?  ", "Is that so?"),
        ("numeric", "Prices rose 5%,", "Prices rose 5%,"),
    ],
)
def test_claim_reviewed_is_the_quoted_words(kind, text, expected):
    assert claim_reviewed(text, ClaimKind(kind)) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Kerry", "Person"),
        ("John Kerry", "Person"),
        ("the UN", "Organization"),
        ("U.N.", "Organization"),
        ("the health ministry", "Organization"),
        ("United Nations", "Organization"),
    ],
)
def test_claimant_type(speaker, expected):
    assert claimant_type(speaker) == expected


def test_an_empty_publisher_is_refused():
    with pytest.raises(ValueError, match="publisher"):
        claimreview_jsonld([record()], publisher="")


def test_review_rows_carry_flattened_claimreview_columns():
    (row,) = review_rows([record()])
    expected = {
        "claimReviewed": "We want a pause for 48 hours",
        "claimant": "Kerry",
        "claimDate": "2016-08-26",
        "appearance_url": "https://news.example/truce",
        "reviewRating_name": "Misattributed",
        "reviewRating_value": 5,
    }
    assert {key: row[key] for key in expected} == expected
    assert row["text"] == "We want a pause for 48 hours,"  # existing columns are kept


def test_an_unrated_row_has_an_empty_rating_value():
    (row,) = review_rows([record(rating=None)])
    assert (row["reviewRating_name"], row["reviewRating_value"]) == (None, "")
