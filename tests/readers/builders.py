"""Small files of every supported format, built in memory for the reader tests (no PDF writer needed)."""

from __future__ import annotations

import io

import docx

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves budget - The Daily Example</title>
  <link rel="canonical" href="https://news.example.org/2024/03/council-budget">
  <meta name="author" content="Jane Roe">
  <meta property="og:site_name" content="The Daily Example">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <script>var tracking = "do not read me";</script>
  <style>body { font-family: serif; }</style>
</head>
<body>
  <header>
    <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/subscribe">Subscribe now</a></nav>
  </header>
  <main>
    <article>
      <h1>Council approves budget</h1>
      <p>The city council approved a budget of 4.5 million euros on Tuesday,
         after a debate that lasted more than six hours.</p>
      <p>"We will build 300 homes this year," the mayor said after the vote, adding that
         construction would start in the spring.</p>
      <p>Opposition councillors said the figures did not add up and asked for an independent audit.</p>
    </article>
  </main>
  <footer>
    <p>Copyright 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a>
  </footer>
</body>
</html>
"""


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A valid PDF whose pages show the given lines, one text line each, in Helvetica; `title` in its Info.

    Written by hand: one object per catalog, page tree, font, content stream and page, and a byte-exact xref.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    page_tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        operators = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            operators.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
        operators.append(b"ET")
        stream = b"\n".join(operators)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (page_tree, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    references = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (references, len(kids))
    info = add(b"<< /Title (%s) >>" % title.encode("latin-1")) if title else None

    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_offset = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    info_entry = b" /Info %d 0 R" % info if info else b""
    output += b"trailer\n<< /Size %d /Root %d 0 R%s >>\n" % (len(objects) + 1, catalog, info_entry)
    output += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(output)


def make_docx(
    paragraphs: list[str],
    *,
    table: list[list[str]] | None = None,
    title: str | None = None,
    author: str | None = None,
    title_paragraph: str | None = None,
) -> bytes:
    """A .docx with an optional "Title"-styled first paragraph, the paragraphs, then an optional table."""
    document = docx.Document()
    document.core_properties.title = title or ""
    document.core_properties.author = author or ""
    if title_paragraph:
        document.add_paragraph(title_paragraph, style="Title")
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row_index, row in enumerate(table):
            for column_index, value in enumerate(row):
                grid.cell(row_index, column_index).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
