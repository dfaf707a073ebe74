"""Shared fixtures: a fake embedder, temporary index folders, the demo corpus built with the fake embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.documents import Document
from factcheck.embed import HashEmbedder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "indexes"


def make_documents(*texts: str, prefix: str = "doc") -> list[Document]:
    return [Document.from_text(text, doc_id=f"{prefix}{number}.txt") for number, text in enumerate(texts, start=1)]
