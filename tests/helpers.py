"""Plain helpers the tests import (fixtures live in conftest.py, which tests never import): paths, documents and
output compared byte for byte with a file written before."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.documents import Document

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"


def numeric_claim(text: str):
    """The one numeric claim extracted from `text` (a test's article sentence)."""
    from factcheck.extract import ClaimKind, extract_claims

    (claim,) = [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.NUMERIC]
    return claim


def speaker_of(text: str, words: str) -> str | None:
    """The resolved speaker of the quote of `text` that holds `words`."""
    from factcheck.extract.quotes.finding import find_quotes
    from factcheck.extract.sentences import split_sentences

    return next(q.speaker for q in find_quotes(text, split_sentences(text)) if words in q.text)


def quote_claim(text: str):
    """The one quote claim extracted from `text` (a test's article sentence, speaker and all)."""
    from factcheck.extract import ClaimKind, extract_claims

    (claim,) = [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]
    return claim


def against_row(claim: str, document: str, row_start: str):
    """The signals of the numeric claim in `claim` against the line of `document` that starts with `row_start` (a
    table row read with its document, as retrieval hands it over)."""
    from factcheck.corroborate.stance import corroborate

    start = document.index(row_start)
    row = document[start : document.index("\n", start)]
    return corroborate(numeric_claim(claim), row, document, passage_start=start)


def make_documents(*texts: str, prefix: str = "doc") -> list[Document]:
    return [Document.from_text(text, doc_id=f"{prefix}{number}.txt") for number, text in enumerate(texts, start=1)]


def assert_same_bytes(expected: Path, data: bytes, rewrite_variable: str) -> None:
    """`data` equals the file `expected`; with the environment variable `rewrite_variable` set to 1 the file is written
    anew first (after a deliberate change of the output, whose diff is then reviewed like any other change)."""
    if os.environ.get(rewrite_variable) == "1":
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(data)
    assert data == expected.read_bytes(), f"{expected.name} differs from the output written before ({rewrite_variable})"
