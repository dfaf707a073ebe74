import csv
import io
import json

import pytest

from factcheck.cli import main
from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore

ARTICLE = (
    "Almost 600,000 people live under siege across Syria, the UN said.\n\n“We want a pause for 48 hours,” Kerry said."
)
NOTE = '=HYPERLINK("https://evil.example")'
REVIEW_URL = ("--review-url", "https://desk.example/checks/{claim_id}")
CLAIMREVIEW_COLUMNS = (
    "claimReviewed",
    "claimant",
    "claimDate",
    "appearance_url",
    "reviewRating_name",
    "reviewRating_value",
)


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def reviews_path(tmp_path):
    """A review database with two recorded claims: the quote rated Misattributed with a formula-like note."""
    path = tmp_path / "reviews.sqlite3"
    store = ReviewStore(path)
    document = Document.from_text(ARTICLE, doc_id="a.txt", title="Truce talks")
    claims = extract_claims(document)
    store.record_claims(document, claims)
    quote = next(claim for claim in claims if claim.kind.value == "quote")
    store.save(
        quote.claim_id,
        rating="Misattributed",
        note=NOTE,
        reviewer="ana",
        status=ReviewStatus.DONE,
        evidence=[{"passage_id": "p:1", "url": "https://un.example/brief", "text": "a 48-hour pause"}],
        expected_version=0,
    )
    return path


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_has_review_and_claimreview_columns(capsys, reviews_path):
    code, out, err = run(capsys, "export", "--reviews", str(reviews_path))
    assert code == 0, err
    rows = read_csv(out)
    assert len(rows) == 2
    assert {"claim_id", "text", "rating", "note", "evidence_url", *CLAIMREVIEW_COLUMNS} <= set(rows[0])
    rated = next(row for row in rows if row["rating"])
    assert rated["claimReviewed"] == "We want a pause for 48 hours"
    assert [rated[key] for key in ("claimant", "reviewRating_name", "reviewRating_value")] == [
        "Kerry",
        "Misattributed",
        "5",
    ]
    assert "2 claims exported" in err


def test_a_note_starting_with_equals_is_neutralised(capsys, reviews_path):
    _, out, _ = run(capsys, "export", "--reviews", str(reviews_path))
    rated = next(row for row in read_csv(out) if row["rating"])
    assert rated["note"] == "'" + NOTE


def test_excel_csv_starts_with_a_byte_order_mark(capsys, reviews_path, tmp_path):
    out_file = tmp_path / "reviews.csv"
    code, out, _ = run(capsys, "export", "--reviews", str(reviews_path), "--excel", "--out", str(out_file))
    assert (code, out) == (0, "")
    data = out_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(read_csv(data[3:].decode("utf-8"))) == 2


def test_jsonld_export_is_an_array_of_reviewed_claims(capsys, reviews_path):
    code, out, err = run(capsys, "export", "--reviews", str(reviews_path), "--format", "jsonld", *REVIEW_URL)
    assert code == 0, err
    assert out.startswith("[\n  {")  # pretty printed
    (review,) = json.loads(out)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "We want a pause for 48 hours"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Kerry"}
    assert review["reviewRating"]["alternateName"] == "Misattributed"
    assert review["reviewBody"] == NOTE  # JSON is data, not a spreadsheet


def test_the_default_database_is_in_the_index_dir(capsys, reviews_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_REVIEWS", raising=False)
    code, out, _ = run(capsys, "--index-dir", str(reviews_path.parent), "export", "--format", "jsonld", *REVIEW_URL)
    assert code == 0
    assert len(json.loads(out)) == 1


def test_an_empty_database_gives_an_empty_export_and_a_note(capsys, tmp_path):
    path = tmp_path / "empty.sqlite3"
    ReviewStore(path)
    code, out, err = run(capsys, "export", "--reviews", str(path), "--format", "jsonld", *REVIEW_URL)
    assert (code, json.loads(out)) == (0, [])
    assert "empty" in err
    code, out, err = run(capsys, "export", "--reviews", str(path))
    assert (code, out) == (0, "")
    assert "empty" in err


def test_a_missing_database_is_a_one_line_user_error(capsys, tmp_path):
    missing = tmp_path / "nowhere" / "reviews.sqlite3"
    code, out, err = run(capsys, "export", "--reviews", str(missing))
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "No review database" in err
    assert not missing.exists()  # the export must not create a database


def test_excel_with_jsonld_is_a_user_error(capsys, reviews_path):
    code, _, err = run(capsys, "export", "--reviews", str(reviews_path), "--format", "jsonld", "--excel")
    assert code == 1
    assert "--excel" in err


def test_a_newsroom_scale_and_publisher_set_the_rating_value_and_author(capsys, reviews_path):
    scale = "Accurate|Misattributed|False"
    code, out, err = run(
        capsys,
        "export",
        "--reviews",
        str(reviews_path),
        "--format",
        "jsonld",
        *REVIEW_URL,
        "--ratings",
        scale,
        "--publisher",
        "Desk",
    )
    assert code == 0, err
    (review,) = json.loads(out)
    assert review["reviewRating"]["ratingValue"] == 2 and review["reviewRating"]["worstRating"] == 3
    assert review["author"]["name"] == "Desk"
    _, out, _ = run(capsys, "export", "--reviews", str(reviews_path), "--ratings", scale)
    assert next(row for row in read_csv(out) if row["rating"])["reviewRating_value"] == "2"
