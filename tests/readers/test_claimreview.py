"""ClaimReview readers: every shape fact-checkers publish, one record per review, ratings and claimants kept."""

from __future__ import annotations

import json

import pytest

from factcheck.errors import CorpusFormatError
from factcheck.factchecks import PublishedReview
from factcheck.readers import read_bytes, read_bytes_with_report

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "@id": "https://checks.example.org/convoy#review",
    "url": "https://checks.example.org/convoy",
    "name": "No, the first convoy did not carry 25 trucks",
    "datePublished": "2016-09-21",
    "author": {"@type": "Organization", "name": "Example Checks"},
    "claimReviewed": "The first convoy into eastern Aleppo carried 25 trucks. Aid reached every district.",
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Minister"}},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False"},
}
EXPECTED = PublishedReview(
    rating="False",
    publisher="Example Checks",
    date="2016-09-21",
    url="https://checks.example.org/convoy",
    claimant="A. Minister",
)


def _second(**changes) -> dict:
    review = {**REVIEW, "@id": "https://checks.example.org/siege#review", "url": "https://checks.example.org/siege"}
    review["claimReviewed"] = "Almost 600,000 people live under siege in Syria."
    return {**review, **changes}


FEED = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "dataFeedElement": [
        {"@type": "DataFeedItem", "item": [REVIEW]},
        {"@type": "DataFeedItem", "item": _second()},
        _second(**{"@id": "third", "claimReviewed": "A direct element."}),
    ],
}

SHAPES = {
    "one ClaimReview": (REVIEW, 1),
    "a list": ([REVIEW, _second()], 2),
    "@graph": ({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, REVIEW, _second()]}, 2),
    "DataFeed with dataFeedElement": (FEED, 3),
    "typed with a prefix": ({**REVIEW, "@type": ["schema:ClaimReview"]}, 1),
}


@pytest.mark.parametrize("extension", [".json", ".jsonld"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_published_shape_gives_one_document_per_review(shape: str, extension: str) -> None:
    value, count = SHAPES[shape]
    documents = read_bytes(json.dumps(value).encode(), f"feed{extension}")
    assert len(documents) == count, shape
    first = documents[0]
    assert first.text == REVIEW["claimReviewed"]  # two sentences: still one record
    assert first.title == REVIEW["name"]
    assert first.review == EXPECTED
    assert first.doc_id == REVIEW["@id"]
    assert first.source == "Example Checks" and first.date == "2016-09-21"


def test_a_review_without_a_rating_is_kept_with_rating_none() -> None:
    review = {key: value for key, value in REVIEW.items() if key != "reviewRating"}
    [document] = read_bytes(json.dumps(review).encode(), "one.json")
    assert document.review is not None and document.review.rating is None
    assert document.review.publisher == "Example Checks"


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        ({"ratingValue": 2, "worstRating": 1, "bestRating": 5}, "2 on 1-5"),
        ({"ratingValue": "4"}, "4"),
        ([{"alternateName": "Mostly false"}], "Mostly false"),
        ({"name": "Pants on fire"}, "Pants on fire"),
    ],
)
def test_a_numeric_rating_is_placed_on_its_scale(rating, expected: str) -> None:
    [document] = read_bytes(json.dumps({**REVIEW, "reviewRating": rating}).encode(), "one.json")
    assert document.review.rating == expected


def test_headline_and_publisher_fill_in_for_name_and_author() -> None:
    review = {key: value for key, value in REVIEW.items() if key not in ("name", "author")}
    review.update(headline="Convoy claim checked", publisher={"name": "Checks Desk"})
    [document] = read_bytes(json.dumps(review).encode(), "one.json")
    assert document.title == "Convoy claim checked" and document.review.publisher == "Checks Desk"


def test_reviews_sharing_one_url_keep_separate_ids() -> None:
    untagged = [{k: v for k, v in r.items() if k != "@id"} for r in (REVIEW, _second(url=REVIEW["url"]))]
    documents = read_bytes(json.dumps(untagged).encode(), "two.json")
    assert [d.doc_id for d in documents] == [f"{REVIEW['url']}#1", f"{REVIEW['url']}#2"]


def test_reviews_without_a_claim_are_skipped_and_counted() -> None:
    documents, warnings = read_bytes_with_report(json.dumps([REVIEW, {"@type": "ClaimReview"}]).encode(), "f.json")
    assert len(documents) == 1
    assert "skipped 1 of 2" in warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"@type": "DataFeed", "dataFeedElement": [', "not valid JSON"),
        (b'{"@type": "DataFeed", "dataFeedElement": {"item": 1}}', "dataFeedElement is a JSON object"),
        (b'{"@type": "WebPage", "name": "x"}', "holds no ClaimReview"),
        (json.dumps({**REVIEW, "claimReviewed": ["a", "b"]}).encode(), "'claimReviewed' as a JSON array"),
        (json.dumps({**REVIEW, "reviewRating": "False"}).encode(), "reviewRating as a JSON string"),
        (b'[{"@type": "ClaimReview", "claimReviewed": "  "}]', "none of its 1 ClaimReviews"),
    ],
)
def test_a_malformed_feed_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(CorpusFormatError, match=message):
        read_bytes(data, "feed.json")


def test_jsonl_of_claimreviews() -> None:
    data = "\n".join(json.dumps(r) for r in (REVIEW, _second())).encode()
    documents = read_bytes(data, "reviews.jsonl")
    assert [d.review.rating for d in documents] == ["False", "False"]
    assert documents[1].text == "Almost 600,000 people live under siege in Syria."


def test_jsonl_of_claimreviews_with_another_record_is_an_error() -> None:
    data = (json.dumps(REVIEW) + '\n{"text": "plain"}\n').encode()
    with pytest.raises(CorpusFormatError, match="line 2 .* not a ClaimReview"):
        read_bytes(data, "reviews.jsonl")


def test_csv_with_mapped_review_columns() -> None:
    data = (
        b"claim,rating,url,publisher,date,claimant\n"
        b"The first convoy carried 25 trucks.,False,https://c.example/1,Example Checks,2016-09-21,A. Minister\n"
        b"Unemployment fell to 7.1%.,,https://c.example/2,Example Checks,2016-10-01,\n"
    )
    documents, warnings = read_bytes_with_report(data, "checks.csv")
    assert [d.review for d in documents] == [
        PublishedReview("False", "Example Checks", "2016-09-21", "https://c.example/1", "A. Minister"),
        PublishedReview(None, "Example Checks", "2016-10-01", "https://c.example/2", None),
    ]
    assert documents[0].text == "The first convoy carried 25 trucks."
    assert any("2 earlier fact-checks" in warning for warning in warnings)


def test_csv_without_a_rating_column_is_plain_evidence() -> None:
    [document] = read_bytes(b"id,text\na1,The council met.\n", "plain.csv")
    assert document.review is None


def test_html_page_with_embedded_claimreview() -> None:
    page = f"""<html><head><title>Fact check</title>
    <script type="application/ld+json">{{ not json }}</script>
    <script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": [REVIEW]})}</script>
    </head><body><article><p>Our long explanation of the convoy claim, with many words.</p></article></body></html>"""
    documents, warnings = read_bytes_with_report(page.encode(), "check.html")
    assert [d.text for d in documents] == [REVIEW["claimReviewed"]]
    assert documents[0].review == EXPECTED
    assert any("block 1 is not valid JSON" in warning for warning in warnings)


def test_html_page_without_claimreview_is_an_article() -> None:
    page = b"""<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head>
    <body><article><p>The council approved the budget of 4.5 million euros on Tuesday evening.</p></article></body>
    </html>"""
    [document] = read_bytes(page, "news.html")
    assert document.review is None and "4.5 million" in document.text
