"""Tests for factcheck/readers/pdf.py: paragraphs re-joined, hyphenation undone, scans and damage refused."""

from __future__ import annotations

import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers.pdf import join_pdf_lines, read_pdf
from tests.readers.builders import make_pdf

REPORT_PAGES = [
    [
        "The agency said that the humani-",
        "tarian response had reached 4,500 people in",
        "the region by March.",
        "A second paragraph starts on this line and",
        "ends here.",
    ],
    [
        "2",
        "On the next page the text goes on with a well-",
        "known fact about the well-known convoy route.",
    ],
]


def test_pdf_text_is_joined_into_paragraphs_with_title_from_metadata() -> None:
    documents, warnings = read_pdf(make_pdf(REPORT_PAGES, title="Annual report 2024"), "reports/annual.pdf")
    assert warnings == []
    [document] = documents
    assert document.text == (
        "The agency said that the humanitarian response had reached 4,500 people in the region by March.\n\n"
        "A second paragraph starts on this line and ends here.\n\n"
        "On the next page the text goes on with a well-known fact about the well-known convoy route."
    )
    assert document.title == "Annual report 2024"
    assert document.doc_id == "annual.pdf"
    assert document.path == "reports/annual.pdf"
    assert document.metadata == {"pages": "2"}


def test_pdf_without_title_metadata_has_no_title() -> None:
    [document] = read_pdf(make_pdf([["Just one line of text."]]), "plain.pdf").documents
    assert document.title is None
    assert document.text == "Just one line of text."


def test_scanned_pdf_without_text_layer_is_refused_with_advice_to_ocr() -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(make_pdf([[], []]), "scan.pdf")
    message = str(caught.value)
    assert "scan.pdf has no text layer" in message
    assert "OCR" in message


def test_pages_without_text_among_text_pages_are_reported() -> None:
    documents, warnings = read_pdf(make_pdf([["Page one has text."], [], ["Page three too."]]), "mixed.pdf")
    assert documents[0].text == "Page one has text.\n\nPage three too."
    assert len(warnings) == 1
    assert "mixed.pdf: page(s) 2 have no text layer" in warnings[0]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.4\nthis is not really a pdf", id="truncated"),
        pytest.param(bytes(range(256)) * 4, id="random bytes"),
        pytest.param(make_pdf([["Some text here."]])[:120], id="cut in half"),
    ],
)
def test_corrupt_pdf_is_refused_with_the_file_name_and_what_to_do(data: bytes) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(data, "broken.pdf")
    message = str(caught.value)
    assert "broken.pdf" in message
    assert "new PDF" in message


# Line lengths matter to the joiner: this is a full-width line.
LONG = "Lorem ipsum dolor sit amet consectetur ad"


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        pytest.param([["the humani-", "tarian aid"]], "the humanitarian aid", id="hyphenation undone"),
        pytest.param(
            [["a well-", "known fact, a well-known one"]],
            "a well-known fact, a well-known one",
            id="hyphen kept when the document hyphenates the word elsewhere",
        ),
        pytest.param([["COVID-", "19 cases"]], "COVID-19 cases", id="hyphen kept before a digit"),
        pytest.param([["Franco-", "German talks"]], "Franco-German talks", id="hyphen kept before a capital"),
        pytest.param([["humani\u00ad", "tarian"]], "humanitarian", id="soft hyphen removed"),
        pytest.param([["in 1990 -", "1995 data"]], "in 1990 - 1995 data", id="spaced dash keeps a space"),
        pytest.param([["the minister\u2014", "who spoke"]], "the minister\u2014who spoke", id="em dash"),
        pytest.param(
            [[LONG, LONG, "short end.", LONG, LONG]],
            f"{LONG} {LONG} short end.\n\n{LONG} {LONG}",
            id="short line ending a sentence ends the paragraph",
        ),
        pytest.param(
            [["Introduction", LONG + ".", LONG]],
            f"Introduction\n\n{LONG}. {LONG}",
            id="short heading before a capitalised line",
        ),
        pytest.param(
            [[LONG, LONG, "short but", "continues"]],
            f"{LONG} {LONG} short but continues",
            id="short line followed by lowercase continues",
        ),
        pytest.param([[LONG, "", LONG]], f"{LONG}\n\n{LONG}", id="blank line ends a paragraph"),
        pytest.param([[LONG, LONG], [LONG, "end."]], f"{LONG} {LONG} {LONG} end.", id="runs across pages"),
        pytest.param(
            [["Page 1 of 2", LONG, "12"], ["- 2 -", LONG]],
            f"{LONG} {LONG}",
            id="page numbers at top and bottom dropped",
        ),
        pytest.param([[LONG, "12", "more words"]], f"{LONG} 12 more words", id="number lines inside kept"),
        pytest.param([], "", id="no pages"),
    ],
)
def test_join_pdf_lines(pages: list[list[str]], expected: str) -> None:
    assert join_pdf_lines(["\n".join(lines) for lines in pages]) == expected


@pytest.mark.parametrize("placeholder", ["about:blank", "https://news.example/aid", "aid-report.pdf", "Untitled"])
def test_a_placeholder_metadata_title_gives_way_to_the_headline(placeholder) -> None:
    pages = [["Aid trucks idle at Turkish border", "", "Some 20 trucks waited at the crossing on Monday."]]
    [document] = read_pdf(make_pdf(pages, title=placeholder), "aid.pdf").documents
    assert document.title == "Aid trucks idle at Turkish border"
