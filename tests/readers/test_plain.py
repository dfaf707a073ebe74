"""Tests for factcheck/readers/plain.py: .txt and .md files."""

from __future__ import annotations

import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers.plain import headline, markdown_title, read_plain


def test_text_file_is_one_normalised_document_named_after_the_file() -> None:
    data = "Headline\r\n\r\n\r\nFirst  paragraph.\u00a0 Second sentence.   \r\n".encode()
    documents, warnings = read_plain(data, "/corpus/articles/story.txt")
    assert warnings == []
    [document] = documents
    assert document.doc_id == "story.txt"
    assert document.path == "/corpus/articles/story.txt"
    assert document.text == "Headline\n\nFirst paragraph. Second sentence."
    assert document.title == "Headline"  # a short first line standing alone is the headline


def test_markdown_keeps_its_markup_and_takes_the_leading_heading_as_title() -> None:
    data = b"# Budget approved\n\nThe council **approved** 4.5 million euros.\n"
    [document] = read_plain(data, "story.md").documents
    assert document.title == "Budget approved"
    assert document.text == "# Budget approved\n\nThe council **approved** 4.5 million euros."


def test_a_text_file_never_gets_a_title_from_a_hash_line() -> None:
    [document] = read_plain(b"# not a title in a .txt\nbody", "notes.txt").documents
    assert document.title is None


@pytest.mark.parametrize(
    ("case", "text", "title"),
    [
        ("level-one heading", "# Title\nbody", "Title"),
        ("closing hashes", "# Title #\nbody", "Title"),
        ("heading only", "# Title", "Title"),
        ("level-two heading", "## Section\nbody", None),
        ("hashtag, no space", "#hashtag\nbody", None),
        ("heading not first", "Intro\n# Title", None),
        ("empty heading", "# \nbody", None),
    ],
)
def test_markdown_title(case: str, text: str, title: str | None) -> None:
    assert markdown_title(text) == title, case


def test_whitespace_only_file_is_refused() -> None:
    with pytest.raises(UnreadableFileError, match=r"blank\.txt contains only whitespace"):
        read_plain(b" \n\t\r\n ", "blank.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid trucks idle at Turkish border\n\nSome 20 trucks waited.", "Aid trucks idle at Turkish border"),
        ("Some 20 trucks waited at the border.\n\nThey left on Monday.", None),  # a sentence, not a headline
        ("Aid trucks idle at Turkish border", None),  # nothing below it
        ("Aid trucks idle\nat the border\n\nSome 20 trucks waited.", None),  # two lines: a paragraph
        (" ".join(["word"] * 25) + "\n\nBody.", None),  # too long for a headline
    ],
)
def test_a_text_files_headline_is_its_short_first_line(text, expected) -> None:
    assert headline(text) == expected
