import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.documents import Document, content_hash, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("  padded \n", "padded"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("no\u00a0break and\u2009thin", "no break and thin"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("many     spaces", "many spaces"),
        ("line end   \nnext", "line end\nnext"),
        ("para\n\n\n\nnext", "para\n\nnext"),
        ("e\u0301", "\u00e9"),  # NFC composes
        ("“curly” ‘quotes’ — dash", "“curly” ‘quotes’ — dash"),  # typography kept for quote checks
        ("", ""),
    ],
)
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_content_hash_ignores_file_name_but_not_text():
    a = Document.from_text("Same words.", doc_id="a.txt")
    b = Document.from_text("Same  words.\n", doc_id="b.txt")
    c = Document.from_text("Other words.", doc_id="a.txt")
    assert a.content_hash == b.content_hash == content_hash("Same words.")
    assert a.content_hash != c.content_hash
