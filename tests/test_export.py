import csv
import io

import pytest

from factcheck.export import check_rows, describe_quantity, flat_claim, neutralise_cell, to_csv_bytes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain text", "plain text"),
        ("\tplain", "'\tplain"),  # a leading tab or line break is itself a formula trigger (OWASP CSV injection)
        ("\rtext", "'\rtext"),
        ("\nA1", "'\nA1"),
        ("a\tb", "a\tb"),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_csv_neutralises_formulas_and_excel_option_adds_bom():
    rows = [{"text": "=1+1", "note": "fine"}]
    plain = to_csv_bytes(rows)
    assert list(csv.DictReader(io.StringIO(plain.decode("utf-8")))) == [{"text": "'=1+1", "note": "fine"}]
    assert to_csv_bytes(rows, excel=True).startswith(b"\xef\xbb\xbf")


def test_quantities_are_flattened_readably():
    quantity = {
        "surface": "almost 600,000",
        "value": 600000.0,
        "unit": None,
        "qualifier": "approximately",
        "low": None,
        "high": None,
        "measured": "people",
    }
    assert describe_quantity(quantity) == "almost 600,000 = 600000 people (approximately)"
    row = flat_claim({"claim_id": "n-1", "text": "t", "quantities": [quantity]})
    assert row["values"] == "600000" and row["qualifiers"] == "approximately"
    assert "quantities" in row and "candidates" not in row


def test_check_rows_one_per_candidate_or_one_without():
    record = {
        "claim_id": "q-1",
        "text": "t",
        "quantities": [],
        "candidates": [{"rank": 1, "text": "a"}, {"rank": 2, "text": "b"}],
    }
    assert [r["candidate_rank"] for r in check_rows([record])] == [1, 2]
    assert len(check_rows([{**record, "candidates": []}])) == 1


def test_review_rows_carry_the_quote_and_every_piece_of_evidence_with_its_offsets():
    from factcheck.export import review_rows
    from factcheck.reviews import RecordedClaim

    record = {
        "doc": "a.txt",
        "doc_hash": "26595f0866c3e855",
        "claim_id": "q-1",
        "kind": "quote",
        "text": "We want a pause",
        "speaker": "Kerry",
        "quantities": [],
        "evidence": [
            {
                "title": "Transcript",
                "url": "https://example.org/t",
                "corpus": "c",
                "doc_id": "t",
                "text": "x",
                "start": 0,
                "end": 9,
            },
            {"title": "Wire", "url": None, "corpus": "c", "doc_id": "w", "text": "y", "start": 40, "end": 52},
        ],
        "rating": "Accurate",
        "status": "done",
    }
    [row] = review_rows([RecordedClaim.from_dict(record)])
    assert row["quote"] == "We want a pause" and row["claimant"] == "Kerry"
    assert row["evidence_title"] == "Transcript | Wire"
    assert row["evidence_url"] == "https://example.org/t | "
    assert (row["evidence_start"], row["evidence_end"]) == ("0 | 40", "9 | 52")
    assert (row["reviewRating_name"], row["reviewRating_value"]) == ("Accurate", 1)
    numeric = review_rows([RecordedClaim.from_dict({**record, "kind": "numeric", "evidence": []})])[0]
    assert numeric["quote"] == "" and numeric["evidence_passage"] == ""


@pytest.mark.parametrize(
    "value",
    ["\r=1+1", "\n=1+1", " =1+1", "\t=SUM(A1)", "\r\n@SUM(A1)", "  +1", "\u00a0=1+1", "line one\r=1+1"],
)
def test_formulas_after_leading_whitespace_or_line_breaks_stay_one_plain_cell(value):
    data = to_csv_bytes([{"text": value, "note": "after"}]).decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == 2, rows  # the header and one row: a line break inside a cell never starts a new row
    cell = rows[1][0]
    assert rows[1][1] == "after"
    assert not cell.lstrip().startswith(("=", "+", "-", "@")), cell
    assert cell.lstrip("'") == value or cell.startswith("'")


def test_every_cell_holding_a_carriage_return_or_line_feed_is_quoted():
    data = to_csv_bytes([{"a": "x\ry", "b": "x\ny", "c": "plain"}])
    assert b'"x\ry"' in data and b'"x\ny"' in data
