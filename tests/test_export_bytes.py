"""The review exports byte for byte: the CSV (plain and for Excel) and the ClaimReview JSON-LD of a fixed review
database, from the CLI and from the app's calls, against files written before the recorded claims became typed.

To write the expected files anew after a deliberate change of the export format, run this module with
FACTCHECK_WRITE_EXPORTS=1 and review the diff of tests/data/export/ like any other change.
"""

from pathlib import Path

import pytest

from factcheck import reviews as reviews_module
from factcheck.articles import set_archived
from factcheck.cli import main
from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.publication import Publication
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import export_reviews_csv, export_reviews_jsonld
from tests.helpers import assert_same_bytes

EXPECTED = Path(__file__).parent / "data" / "export"
ARTICLES = (
    (
        "siege.txt",
        "Siege of Aleppo",
        "https://news.example/siege",
        "Almost 600,000 people live under siege across Syria, the UN said.\n\n"
        "“We want a pause for 48 hours,” Kerry said. Prices rose 3.5% to $1.2 billion last year, officials said.",
    ),
    (
        "budget.txt",
        None,
        None,
        "The health ministry said spending grew by between 2 and 3 percent.\n\n"
        "“=SUM(A1) is not a figure we use,” said Ms. Dupont.",
    ),
    ("archived.txt", "Old piece", None, "About 12,000 residents were evacuated, the mayor said."),
)


@pytest.fixture
def reviews_path(tmp_path, monkeypatch):
    """A review database of three articles (one archived) with rated, unrated, done and in-progress claims, evidence
    with offsets, a formula-like note and an earlier fact-check, every timestamp fixed."""
    monkeypatch.setattr(reviews_module, "_now", lambda: "2026-01-02T03:04:05+00:00")
    path = tmp_path / "reviews.sqlite3"
    store = ReviewStore(path)
    claims = []
    for doc_id, title, url, text in ARTICLES:
        document = Document.from_text(text, doc_id=doc_id, title=title, url=url, date="2025-12-30" if url else None)
        found = extract_claims(document)
        store.record_claims(document, found, "ana")
        claims.extend(found)
        last_article = document.content_hash
    assert len(claims) >= 6, [claim.text for claim in claims]
    verdicts = (
        ("Misattributed", ReviewStatus.DONE, '=HYPERLINK("https://evil.example")'),
        ("False", ReviewStatus.DONE, "Line one\r\nline two, with a comma"),
        ("Made-up rating", ReviewStatus.DONE, ""),
        ("Accurate", ReviewStatus.IN_PROGRESS, "still checking"),
        (None, ReviewStatus.DONE, "no rating yet"),
    )
    for claim, (rating, status, note) in zip(claims, verdicts, strict=False):
        evidence = (
            [
                {
                    "corpus": "un",
                    "doc_id": "brief-1",
                    "passage_id": "brief-1:0",
                    "title": "UN brief",
                    "start": 0,
                    "end": 42,
                    "url": "https://un.example/brief",
                    "text": "a 48-hour pause | agreed",
                },
                {"corpus": "wire", "doc_id": "w-7", "title": None, "start": 5, "end": 9, "text": "+7 more"},
            ]
            if rating == "False"
            else []
        )
        store.save(
            claim.claim_id,
            rating=rating,
            note=note,
            reviewer="ana",
            status=status,
            evidence=evidence,
            expected_version=0,
        )
    earlier = {
        "corpus": "archive",
        "doc_id": "fc-1",
        "text": "Kerry asked for a pause",
        "rank": 1,
        "score": 0.9,
        "review": {
            "rating": "False",
            "publisher": "Example Checks",
            "date": "2016-09-21",
            "url": "https://checks.example/1",
            "claimant": "Kerry",
        },
    }
    store.record_earlier_fact_checks({claims[1].claim_id: [earlier]})
    set_archived(store, last_article, True)
    return path


def _check(name: str, data: bytes) -> None:
    assert_same_bytes(EXPECTED / name, data, "FACTCHECK_WRITE_EXPORTS")


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("reviews.csv", ()),
        ("reviews-excel.csv", ("--excel",)),
        ("reviews.jsonld", ("--format", "jsonld", "--review-url", "https://desk.example/{article}/{claim_id}")),
    ],
)
def test_cli_export_bytes_are_unchanged(reviews_path, tmp_path, name, options):
    out = tmp_path / name
    assert main(["export", "--reviews", str(reviews_path), "--out", str(out), *options]) == 0
    _check(name, out.read_bytes())


def test_app_export_bytes_are_unchanged(reviews_path):
    store = ReviewStore(reviews_path)
    _check("app-reviews.csv", export_reviews_csv(store))
    _check("app-reviews-excel.csv", export_reviews_csv(store, excel=True, ratings=("True", "False")))
    publication = Publication("Example Desk", "https://desk.example", "https://desk.example/checks/{claim_id}")
    _check("app-reviews.jsonld", export_reviews_jsonld(store, publication))
