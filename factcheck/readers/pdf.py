"""PDF files: pypdf's text in reading order, broken lines re-joined into paragraphs and hyphenation undone."""

from __future__ import annotations

import io
import re

import pypdf

from factcheck.documents import Document, normalise_text
from factcheck.errors import UnreadableFileError
from factcheck.readers.base import ReadResult, file_name
from factcheck.readers.plain import headline

# A line shorter than this share of the usual line length, that ends a sentence or precedes a capital, ends a
# paragraph: in wrapped text only a paragraph's last line (or a heading) falls well short of the right margin.
_SHORT_LINE_SHARE = 0.7
_SENTENCE_END = tuple('.!?:;"”’»)')
_PARAGRAPH_OPENERS = tuple('"“‘«([•-–—*')
# A page's first or last line that is only its number: "12", "- 12 -", "Page 12", "Page 12 of 40", "12/40".
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
# Line-end characters after which the next line follows without a space; only the first three may be removed.
_HYPHENS = ("-", "\u2010", "¬", "–", "—")
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\r?\n[ \t]*")
_HYPHENATED_WORD = re.compile(r"\b([^\W\d_]+)[-\u2010]([^\W\d_]+)\b")
_WORD_BEFORE_HYPHEN = re.compile(r"([^\W\d_]+)$")
_WORD_AFTER_BREAK = re.compile(r"^([^\W\d_]+)")
_FILE_NAME = re.compile(r"[^ /\\]+\.(?:pdf|docx?|txt|html?|odt|rtf|pages)")
_WORD_PROCESSOR_PREFIX = re.compile(r"^Microsoft (?:Word|PowerPoint) - ", re.IGNORECASE)


def read_pdf(data: bytes, source: str) -> ReadResult:
    """Read a `.pdf` into one Document: its pages' text as paragraphs, its title from the PDF's metadata.

    Raises:
        UnreadableFileError: a damaged or password-protected file, or one with no text layer (a scan).
    """
    name = file_name(source)
    reader = _open(data, name)
    page_texts = _page_texts(reader, name)
    if not any(page.strip() for page in page_texts):
        raise UnreadableFileError(
            f"{name} has no text layer: its {len(page_texts)} page(s) hold no extractable text, so it is "
            "probably a scan. Run OCR on it first (for example with ocrmypdf or your scanner's software) and "
            "add the OCR'd PDF."
        )
    warnings = []
    blank_pages = [str(number) for number, page in enumerate(page_texts, 1) if not page.strip()]
    if blank_pages:
        warnings.append(
            f"{name}: page(s) {', '.join(blank_pages)} have no text layer (blank or scanned); "
            "their content is missing unless you OCR the file."
        )
    metadata = {"pages": str(len(page_texts))}
    text = join_pdf_lines(page_texts)
    info = _info(reader)
    if author := _clean(info.get("/Author")):
        metadata["author"] = author
    document = Document(
        doc_id=name,
        text=text,
        title=_title(info) or headline(text),
        path=source,
        metadata=metadata,
    )
    return ReadResult([document], warnings)


def join_pdf_lines(page_texts: list[str]) -> str:
    """Turn the line-by-line text of PDF pages into normalised paragraphs separated by blank lines.

    Page-number lines at the top or bottom of a page are dropped. Lines are joined with a space, or
    without one where a word was hyphenated at the line end ("humani-" + "tarian" -> "humanitarian"; the
    hyphen stays when the document writes the word with a hyphen elsewhere, or the next line starts with a
    capital or a digit).
    A paragraph ends at a blank line, or at a line well shorter than the usual one that ends a sentence or is
    followed by a line starting like a new paragraph. A paragraph may run on across a page break.
    """
    lines: list[str] = []
    for page_text in page_texts:
        # normalise_text drops soft hyphens, so join the words they split first.
        page_text = normalise_text(_SOFT_HYPHEN_BREAK.sub("", page_text))
        page_lines = [line.strip() for line in page_text.split("\n")]
        lines.extend(_without_page_numbers(page_lines))
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return ""
    usual_length = lengths[(len(lengths) * 3) // 4]
    hyphenated = {match.group(0).lower() for line in lines for match in _HYPHENATED_WORD.finditer(line)}

    paragraphs: list[str] = []
    current = ""
    for index, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line, hyphenated) if current else line
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        if _ends_paragraph(line, next_line, usual_length):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return normalise_text("\n\n".join(paragraphs))


def _open(data: bytes, name: str) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
    except Exception as error:
        # pypdf signals damaged files with many exception types (its own, ValueError, KeyError, struct.error).
        raise UnreadableFileError(
            f"{name} is not a readable PDF ({type(error).__name__}: {error}). The file may be damaged or not "
            "a PDF at all: open it in a PDF viewer, and if it opens, print or export it to a new PDF and add "
            "that."
        ) from error
    if reader.is_encrypted:
        try:
            unlocked = bool(reader.decrypt(""))
        except Exception:
            # Some encryption needs the optional `cryptography` package; without it the file stays locked.
            unlocked = False
        if not unlocked:
            raise UnreadableFileError(
                f"{name} is password-protected. Open it with its password, save a copy without protection "
                "(or print it to a new PDF), and add that copy."
            )
    return reader


def _page_texts(reader: pypdf.PdfReader, name: str) -> list[str]:
    texts = []
    try:
        for page in reader.pages:
            texts.append(page.extract_text() or "")
    except Exception as error:
        # As in `_open`: a damaged page can fail with any of several exception types.
        raise UnreadableFileError(
            f"{name}: page {len(texts) + 1} could not be read ({type(error).__name__}: {error}). The file "
            "may be damaged: open it in a PDF viewer, print or export it to a new PDF, and add that."
        ) from error
    return texts


def _info(reader: pypdf.PdfReader) -> dict:
    try:
        return dict(reader.metadata or {})
    except Exception:
        # A damaged information dictionary loses the title, not the text.
        return {}


def _title(info: dict) -> str | None:
    title = _clean(info.get("/Title"))
    if title is None:
        return None
    title = _WORD_PROCESSOR_PREFIX.sub("", title)
    return None if is_placeholder_title(title) else title


def is_placeholder_title(title: str) -> bool:
    """A metadata title that names no article: a word processor's or browser's default ("Untitled",
    "about:blank"), a web address or a file name, as PDFs printed from a browser or exported from a file carry."""
    lowered = title.strip().lower()
    if lowered in {"untitled", "title", "document", "about:blank"} or lowered.startswith(("about:", "http", "www.")):
        return True
    return bool(_FILE_NAME.fullmatch(lowered))


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = normalise_text(str(value))
    return text or None


def _without_page_numbers(lines: list[str]) -> list[str]:
    content = [index for index, line in enumerate(lines) if line]
    drop = {index for index in content[:1] + content[-1:] if _PAGE_NUMBER.fullmatch(lines[index])}
    return [line for index, line in enumerate(lines) if index not in drop]


def _join(current: str, line: str, hyphenated: set[str]) -> str:
    """Append `line` to the paragraph so far, undoing a hyphenation at the line break."""
    if current.endswith("¬"):
        return current[:-1] + line
    if not current.endswith(_HYPHENS) or len(current) < 2 or current[-2].isspace():
        return f"{current} {line}"
    before = _WORD_BEFORE_HYPHEN.search(current[:-1])
    after = _WORD_AFTER_BREAK.match(line)
    if (
        current.endswith(("-", "\u2010"))
        and before is not None
        and after is not None
        and line[0].islower()
        and f"{before.group(1)}-{after.group(1)}".lower() not in hyphenated
    ):
        return current[:-1] + line
    # "COVID-" + "19", "Franco-" + "German", "well-" + "known" written so elsewhere, "1990-" + "95", dashes.
    return current + line


def _ends_paragraph(line: str, next_line: str, usual_length: int) -> bool:
    if line.endswith(_HYPHENS) or len(line) >= _SHORT_LINE_SHARE * usual_length:
        return False
    if line.endswith(_SENTENCE_END):
        return True
    first = next_line[:1]
    return first.isupper() or first.isdigit() or first in _PARAGRAPH_OPENERS
