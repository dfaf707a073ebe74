"""Word `.docx` files: paragraphs and table rows in document order, the title from the properties."""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from factcheck.documents import Document, normalise_text
from factcheck.errors import UnreadableFileError
from factcheck.readers.base import ReadResult, file_name


def read_docx(data: bytes, source: str) -> ReadResult:
    """Read a `.docx` into one Document: body paragraphs, and table rows as "cell | cell" lines, in order.

    The title is the document's Title property, else a first paragraph styled "Title". Headers, footers,
    footnotes, comments and text boxes are not read.

    Raises:
        UnreadableFileError: not a valid `.docx` (an old `.doc`, a damaged file) or a document with no text.
    """
    name = file_name(source)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [_block_text(block) for block in document.iter_inner_content()]
        properties = document.core_properties
        property_title, author = properties.title, properties.author
    except Exception as error:
        # python-docx reports a non-zip, a zip without Word parts and bad XML with different exception types.
        raise UnreadableFileError(
            f"{name} is not a readable .docx file ({type(error).__name__}: {error}). It may be damaged, or "
            "an old .doc or another format renamed: open it in Word or LibreOffice, save it as .docx, and "
            "add that."
        ) from error
    text = normalise_text("\n\n".join(block for block in blocks if block.strip()))
    if not text:
        raise UnreadableFileError(
            f"{name} is a .docx with no text in its body (expected paragraphs or tables). If its text is in "
            "text boxes or images, copy it into the body or into a .txt file."
        )
    title = _clean(property_title) or _styled_title(document)
    metadata = {"author": author} if (author := _clean(author)) else {}
    return ReadResult([Document(doc_id=name, text=text, title=title, path=source, metadata=metadata)], [])


def _block_text(block: Paragraph | Table) -> str:
    if isinstance(block, Paragraph):
        return block.text
    lines = []
    for row in block.rows:
        cells = []
        previous = None
        for cell in row.cells:
            # A cell merged across columns is returned once per column it spans.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" ".join(_block_text(inner).strip() for inner in cell.iter_inner_content()).strip())
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def _styled_title(document: docx.document.Document) -> str | None:
    for paragraph in document.paragraphs:
        if paragraph.text.strip():
            style = paragraph.style.name if paragraph.style is not None else ""
            return _clean(paragraph.text) if style == "Title" else None
    return None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = normalise_text(str(value))
    return text or None
