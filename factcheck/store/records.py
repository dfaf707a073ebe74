"""What a corpus keeps of each document, and the report of one add."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

from factcheck.documents import Document, content_hash
from factcheck.factchecks import PublishedReview
from factcheck.serialise import Record, from_record, to_record

# Each stored document's record carries a fingerprint of all its other fields (its id, title and metadata as well as
# its text), so a rebuild can tell an intact record from one whose bytes were damaged where the content hash does not
# look. Records written before the fingerprint existed have none and are checked by their content hash alone.
RECORD_CHECK = "record_check"


def record_check(record: dict) -> str:
    """The fingerprint of a stored record's fields (all but the fingerprint itself), in a canonical JSON form."""
    kept = {key: value for key, value in record.items() if key != RECORD_CHECK}
    return content_hash(json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


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

    def to_dict(self) -> dict:
        record = to_record(self)
        return {**record, RECORD_CHECK: record_check(record)}

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


def record_intact(record: dict) -> bool:
    """Whether a stored document's record is as written: its fingerprint agrees with its fields, or (a record from
    before fingerprints) it has none and no key that a record never had (a damaged key name)."""
    check = record.get(RECORD_CHECK)
    if check is None:
        return set(record) <= {f.name for f in fields(StoredDocument)}
    # the first fingerprints (2026-12-04) were 32 characters of the same SHA-256: their first 16 are this one
    return isinstance(check, str) and check[:16] == record_check(record)
