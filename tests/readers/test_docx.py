"""Tests for factcheck/readers/docx.py: paragraphs and tables in order, title, damaged files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers.docx import read_docx
from tests.readers.builders import make_docx


def test_paragraphs_and_table_rows_in_document_order() -> None:
    data = make_docx(
        ["The ministry published its figures.", "", "Unemployment fell to 7.1% in May."],
        table=[["Region", "Rate"], ["North", "6.8%"]],
        title="Labour market memo",
        author="Statistics desk",
    )
    documents, warnings = read_docx(data, "memos/labour.docx")
    assert warnings == []
    [document] = documents
    assert document.text == (
        "The ministry published its figures.\n\nUnemployment fell to 7.1% in May.\n\nRegion | Rate\nNorth | 6.8%"
    )
    assert document.title == "Labour market memo"
    assert document.metadata == {"author": "Statistics desk"}
    assert document.doc_id == "labour.docx"
    assert document.path == "memos/labour.docx"


def test_title_falls_back_to_a_paragraph_styled_title() -> None:
    [document] = read_docx(make_docx(["Body text."], title_paragraph="Styled headline"), "a.docx").documents
    assert document.title == "Styled headline"
    assert document.text == "Styled headline\n\nBody text."


def test_no_title_when_neither_property_nor_title_style() -> None:
    [document] = read_docx(make_docx(["Body text."]), "a.docx").documents
    assert document.title is None


def test_merged_cells_are_read_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Heading across three columns"
    for column, value in enumerate(["a", "b", "c"]):
        table.cell(1, column).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    [read] = read_docx(buffer.getvalue(), "merged.docx").documents
    assert read.text == "Heading across three columns\na | b | c"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"this is not a zip file at all", id="not a zip"),
        pytest.param(b"PK\x03\x04" + bytes(range(200)), id="broken zip"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), id="old .doc renamed"),
        pytest.param(make_docx(["Some text."])[:300], id="cut short"),
    ],
)
def test_corrupt_docx_is_refused_with_the_file_name_and_what_to_do(data: bytes) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_docx(data, "broken.docx")
    message = str(caught.value)
    assert "broken.docx is not a readable .docx file" in message
    assert "save it as .docx" in message


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableFileError, match="not a readable .docx"):
        read_docx(buffer.getvalue(), "archive.docx")


def test_docx_with_no_text_is_refused() -> None:
    with pytest.raises(UnreadableFileError, match=r"empty\.docx is a \.docx with no text"):
        read_docx(make_docx(["", "   "]), "empty.docx")
