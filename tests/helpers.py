"""Plain helpers the tests import (fixtures live in conftest.py, which tests never import): paths and documents."""

from __future__ import annotations

from pathlib import Path

from factcheck.documents import Document

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"


def make_documents(*texts: str, prefix: str = "doc") -> list[Document]:
    return [Document.from_text(text, doc_id=f"{prefix}{number}.txt") for number, text in enumerate(texts, start=1)]
