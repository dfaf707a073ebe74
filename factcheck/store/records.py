"""What a corpus keeps of each document, and the report of one add."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.documents import Document
from factcheck.factchecks import PublishedReview
from factcheck.serialise import Record, from_record


@dataclass(frozen=True, slots=True)
class StoredDocument(Record):
    """A document as a corpus keeps it: metadata, content hash and the full text (to show passages in context).

    `review` is an earlier fact-check's published verdict; `metadata` the reader's extra fields (a subtitle
    file's cue timings among them), so a rebuild cuts the same passages.
    """

    doc_id: str
    content_hash: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    path: str | None = None
    passages: int = 0
    review: PublishedReview | None = None
    metadata: dict[str, str] | None = None

    @classmethod
    def from_dict(cls, record: dict) -> StoredDocument:
        return from_record(cls, record, review=PublishedReview.from_dict(record.get("review")))

    @classmethod
    def of(cls, document: Document, passages: int) -> StoredDocument:
        """How a corpus keeps `document`, cut into `passages` passages."""
        return cls(
            doc_id=document.doc_id,
            content_hash=document.content_hash,
            text=document.text,
            title=document.title,
            url=document.url,
            date=document.date,
            source=document.source,
            path=document.path,
            passages=passages,
            review=document.review,
            metadata=dict(document.metadata) or None,
        )

    def to_document(self) -> Document:
        """The document again, as read (for a rebuild)."""
        return Document(
            self.doc_id,
            self.text,
            self.title,
            self.url,
            self.date,
            self.source,
            self.path,
            metadata=dict(self.metadata or {}),
            review=self.review,
        )


@dataclass(frozen=True, slots=True)
class AddReport(Record):
    """What one `add_documents` call did."""

    added_documents: int = 0
    replaced_documents: int = 0
    added_passages: int = 0
    skipped_duplicates: tuple[str, ...] = field(default_factory=tuple)
