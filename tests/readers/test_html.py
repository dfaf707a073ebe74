"""Tests for factcheck/readers/html.py: article extraction, metadata, the tag-stripping fallback, charsets."""

from __future__ import annotations

import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers import html as html_reader
from factcheck.readers.html import read_html
from tests.readers.builders import ARTICLE_HTML


def test_article_body_is_kept_and_navigation_and_footer_dropped() -> None:
    documents, warnings = read_html(ARTICLE_HTML.encode(), "pages/council.html")
    assert warnings == []
    [document] = documents
    paragraphs = document.text.split("\n\n")
    assert paragraphs[1] == (
        "The city council approved a budget of 4.5 million euros on Tuesday, "
        "after a debate that lasted more than six hours."
    )
    assert paragraphs[2].startswith('"We will build 300 homes this year," the mayor said')
    assert paragraphs[-1].startswith("Opposition councillors said")
    for boilerplate in ("Subscribe now", "Privacy policy", "All rights reserved", "tracking", "font-family"):
        assert boilerplate not in document.text, boilerplate


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("doc_id", "council.html"),
        ("path", "pages/council.html"),
        ("title", "Council approves budget"),
        ("date", "2024-03-05"),
        ("url", "https://news.example.org/2024/03/council-budget"),
        ("source", "The Daily Example"),
    ],
)
def test_article_metadata(field: str, expected: str) -> None:
    [document] = read_html(ARTICLE_HTML.encode(), "pages/council.html").documents
    assert getattr(document, field) == expected


def test_author_goes_into_metadata() -> None:
    [document] = read_html(ARTICLE_HTML.encode(), "council.html").documents
    assert document.metadata == {"author": "Jane Roe"}


def test_falls_back_to_the_body_text_when_no_article_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    page = (
        b"<html><head><title>Index page</title><style>p {color: red}</style></head><body>"
        b"<div>First   block\n   continues</div><p>Second <b>block</b><br>new line</p>"
        b"<script>alert('x')</script><ul><li>item one</li><li>item two</li></ul></body></html>"
    )
    documents, warnings = read_html(page, "index.htm")
    [document] = documents
    assert document.text == "First block continues\n\nSecond block\nnew line\n\nitem one\n\nitem two"
    assert document.title == "Index page"
    assert len(warnings) == 1 and "no article body recognised" in warnings[0]


def test_page_with_no_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    page = b"<html><head><title></title><script>var a = 1;</script></head><body><div> </div></body></html>"
    with pytest.raises(UnreadableFileError, match=r"empty\.html is an HTML file with no readable text"):
        read_html(page, "empty.html")


@pytest.mark.parametrize(
    ("case", "declaration"),
    [
        ("meta charset", b'<meta charset="windows-1252">'),
        ("http-equiv", b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
    ],
)
def test_declared_charset_is_used_without_warning(case: str, declaration: bytes) -> None:
    body = "<p>Le café a coûté 4,50 euros selon la préfecture, qui a publié les chiffres mardi.</p>"
    page = b"<html><head>" + declaration + b"</head><body>" + body.encode("latin-1") + b"</body></html>"
    documents, warnings = read_html(page, "fr.html")
    assert "café a coûté" in documents[0].text, case
    assert warnings == [], case


def test_undeclared_legacy_encoding_is_decoded_with_a_warning() -> None:
    page = "<html><body><p>Le café a coûté 4,50 euros mardi.</p></body></html>".encode("cp1252")
    documents, warnings = read_html(page, "fr.html")
    assert "café a coûté" in documents[0].text
    assert any("Windows-1252" in warning for warning in warnings)
