"""What a corpus keeps of each document, and the report of one add."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as a corpus keeps it: metadata, content hash and the full text (to show passages in context)."""

    doc_id: str
    content_hash: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    path: str | None = None
    passages: int = 0

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one `add_documents` call did."""

    added_documents: int = 0
    replaced_documents: int = 0
    added_passages: int = 0
    skipped_duplicates: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "added_documents": self.added_documents,
            "replaced_documents": self.replaced_documents,
            "added_passages": self.added_passages,
            "skipped_duplicates": list(self.skipped_duplicates),
        }
