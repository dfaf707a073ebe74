"""Plain text and Markdown files: the text as written, a Markdown file's leading `# Title` as its title, a text
file's headline (a short first line) as its title."""

from __future__ import annotations

import re

from factcheck.documents import Document, normalise_text
from factcheck.errors import UnreadableFileError
from factcheck.readers.base import ReadResult, file_name
from factcheck.readers.encoding import decode_text

# An ATX level-one heading on the first non-blank line: "# Title" (closing hashes allowed, as in "# Title #").
_LEADING_HEADING = re.compile(r"\A# +(?P<title>[^\n]*?)(?: +#+)? *(?:\n|\Z)")
# A headline is one short line standing alone above the text, not ending like a sentence.
MAX_HEADLINE_WORDS = 20
_SENTENCE_ENDINGS = tuple('.,;:!?"”’»')


def read_plain(data: bytes, source: str) -> ReadResult:
    """Read a `.txt` or `.md` file into one Document whose `doc_id` is the file name.

    Markdown stays as written (its markup is part of the text); a `.md` file whose first line is a level-one
    heading gets that heading as its title.

    Raises:
        UnreadableFileError: binary content, an unknown encoding, or no text at all.
    """
    name = file_name(source)
    raw_text, warnings = decode_text(data, name)
    text = normalise_text(raw_text)
    if not text:
        raise UnreadableFileError(f"{name} contains only whitespace; expected some text. Check it is the right file.")
    title = markdown_title(text) if name.lower().endswith(".md") else headline(text)
    document = Document(doc_id=name, text=text, title=title, path=source)
    return ReadResult([document], warnings)


def markdown_title(text: str) -> str | None:
    """The text of a level-one heading on the first line of normalised `text`, or None."""
    match = _LEADING_HEADING.match(text)
    if match is None:
        return None
    return match.group("title").strip() or None


def headline(text: str) -> str | None:
    """The first paragraph of normalised `text` when it reads as a headline: one line of at most
    `MAX_HEADLINE_WORDS` words, not ending like a sentence, with more text below it; else None."""
    first, separator, rest = text.partition("\n\n")
    first = first.strip()
    if not separator or not rest.strip() or "\n" in first or not first:
        return None
    if len(first.split()) > MAX_HEADLINE_WORDS or first.endswith(_SENTENCE_ENDINGS):
        return None
    return first
