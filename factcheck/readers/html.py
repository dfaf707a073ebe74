"""HTML pages: trafilatura's offline extraction of the article and its metadata, tag-stripping as fallback."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

import lxml.html
import trafilatura
from lxml import etree

from factcheck.documents import Document, normalise_text
from factcheck.errors import UnreadableFileError
from factcheck.readers.base import ReadResult, file_name
from factcheck.readers.claimreview import read_embedded_claimreviews
from factcheck.readers.encoding import decode_text

# A charset declared in the first bytes: <meta charset="x"> or <meta http-equiv=... content="...; charset=x">.
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_WHITESPACE = re.compile(r"\s+")
# Characters XML forbids: lxml refuses to hold them, and a browser shows nothing for them.
_NOT_XML_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Elements that start a new paragraph in the fallback's tag-stripping, and elements whose text is never shown.
_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure"),
        *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav"),
        *("ol", "p", "pre", "section", "table", "tr", "ul"),
    }
)
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")


def read_html(data: bytes, source: str) -> ReadResult:
    """Read an `.html`/`.htm` page into one Document: the article body without navigation, ads and footers.

    trafilatura finds the body, title, date, author, canonical URL and site name without going online.
    When it finds nothing (a page that is not an article), the whole `<body>` is used with its tags
    stripped. Paragraphs and headings are separated by blank lines, list items and table rows by line breaks.
    A page with schema.org ClaimReview JSON-LD (a fact-check) is read as its reviews instead, one Document each.

    Raises:
        UnreadableFileError: binary content, an unknown encoding, or a page with no text at all.
    """
    name = file_name(source)
    html, warnings = decode_html(data, name)
    html = _NOT_XML_CHARACTERS.sub("", html)
    reviews = read_embedded_claimreviews(html, name, source)
    if reviews is not None:  # a fact-check page: its ClaimReviews are the records, not its prose
        return ReadResult(reviews.documents, [*warnings, *reviews.warnings])
    extracted = _extract_article(html)
    text = normalise_text(extracted.get("text") or "")
    title = _clean(extracted.get("title"))
    if not text:
        text, fallback_title = _strip_tags(html)
        if not text:
            # lxml stops at 256 levels of nesting and drops what is deeper; a streaming parser has no such limit.
            text, fallback_title = _stream_text(html)
        title = title or fallback_title
        if text:
            warnings.append(f"{name}: no article body recognised; used all the text of the page.")
    if not text:
        raise UnreadableFileError(
            f"{name} is an HTML file with no readable text (expected an article body, found only markup). "
            "If the page loads its text with JavaScript, save it from the browser with 'Save page as' "
            "after it has loaded, or copy the article into a .txt file."
        )
    metadata = {"author": author} if (author := _clean(extracted.get("author"))) else {}
    document = Document(
        doc_id=name,
        text=text,
        title=title,
        url=_clean(extracted.get("url")),
        date=_clean(extracted.get("date")),
        source=_clean(extracted.get("sitename")),
        path=source,
        metadata=metadata,
    )
    return ReadResult([document], warnings)


def decode_html(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode HTML: a byte-order mark or valid UTF-8 first, then the declared charset, then Windows-1252."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return decode_text(data, name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared is not None:
        try:
            return data.decode(declared.group(1).decode("ascii")), []
        except (LookupError, UnicodeDecodeError):
            pass  # An unknown or wrong declaration: fall through to the plain-text rules.
    return decode_text(data, name)


def _extract_article(html: str) -> dict:
    """trafilatura's article body as paragraphs plus its metadata; an empty dict when it finds no article."""
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    except (ValueError, TypeError, etree.LxmlError):
        # Markup broken badly enough to upset the extractor: the tag-stripping fallback still gets the text.
        return {}
    if result is None:
        return {}
    # trafilatura 2 returns a Document object, 1.x a dict.
    fields = result if isinstance(result, dict) else result.as_dict()
    body = fields.get("body")
    if body is not None and len(body):
        fields["text"] = "\n\n".join(block for block in map(_block_text, body) if block.strip())
    else:
        fields["text"] = "\n\n".join((fields.get("text") or "").splitlines())
    return fields


def _block_text(element: etree._Element) -> str:
    """The text of one block of trafilatura's output XML: list items and table rows on their own lines."""
    if element.tag == "list":
        return "\n".join(_block_text(item) for item in element)
    if element.tag == "table":
        return "\n".join(" | ".join(_block_text(cell).strip() for cell in row) for row in element.iter("row"))
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("list", "table"):
            parts.append("\n" + _block_text(child) + "\n")
        else:
            parts.append(_block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _strip_tags(html: str) -> tuple[str, str | None]:
    """All visible text of the page's `<body>`, one blank line between blocks, and its `<title>`."""
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html))
    except (ValueError, etree.LxmlError):
        return "", None
    title = _clean(root.findtext(".//title"))
    body = root.find("body")
    if body is None:
        body = root
    for hidden in body.xpath("|".join(f".//{tag}" for tag in _HIDDEN_TAGS)):
        hidden.drop_tree()
    # HTML shows any run of whitespace as one space, except inside <pre>.
    preformatted = {element for pre in body.iter("pre") for element in pre.iter()}
    for element in body.iter():
        if element.text and element not in preformatted:
            element.text = _WHITESPACE.sub(" ", element.text)
        if element.tail and element.getparent() not in preformatted:
            element.tail = _WHITESPACE.sub(" ", element.tail)
    for element in body.iter():
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return normalise_text(body.text_content()), title


def _clean(value: object) -> str | None:
    """A metadata value as a stripped string, or None when it is missing or blank."""
    if value is None:
        return None
    text = normalise_text(str(value))
    return text or None


class _TextCollector(HTMLParser):
    """All visible text of a page without building a tree: blocks apart by blank lines, hidden elements skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN_TAGS and tag != "head":
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS and tag != "head":
            self._hidden = max(0, self._hidden - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(_WHITESPACE.sub(" ", data))


def _stream_text(html: str) -> tuple[str, str | None]:
    """The page's visible text read by the standard library's streaming parser (linear, no nesting limit)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return normalise_text("".join(collector.parts)), _clean("".join(collector.title))
