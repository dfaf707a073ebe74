"""A Milvus corpus's documents, read on demand: the same mapping of doc id to StoredDocument the FAISS store keeps in
memory, without loading an archive's texts to show one passage in context."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from factcheck.factchecks import PublishedReview
from factcheck.store.milvus.client import PLACEHOLDER_DIMENSION, QUERY_PAGE, TEXT_PART_CHARS, store_errors
from factcheck.store.milvus.filters import in_list
from factcheck.store.records import StoredDocument

_FIELDS = ["doc_id", "part", "content_hash", "text", "meta"]
_META = ("title", "url", "date", "source", "path", "passages", "metadata")


def document_rows(document: StoredDocument) -> list[dict]:
    """The rows of one document: its text and its metadata (JSON) each cut into parts of at most TEXT_PART_CHARS
    characters, so neither a long text nor a long subtitle's cue timings outgrow Milvus's string fields."""
    record = {name: getattr(document, name) for name in _META}
    if document.review is not None:  # an earlier fact-check's published verdict
        record["review"] = document.review.to_dict()
    meta = json.dumps(record, ensure_ascii=False)
    text_parts = _cut(document.text or "")
    meta_parts = _cut(meta)
    count = max(len(text_parts), len(meta_parts))
    return [
        {
            "key": f"{document.doc_id}\x1f{number}",
            "doc_id": document.doc_id,
            "part": number,
            "content_hash": document.content_hash,
            "text": text_parts[number] if number < len(text_parts) else "",
            "meta": meta_parts[number] if number < len(meta_parts) else "",
            "placeholder": [0.0] * PLACEHOLDER_DIMENSION,
        }
        for number in range(count)
    ]


def _cut(text: str) -> list[str]:
    return [text[i : i + TEXT_PART_CHARS] for i in range(0, len(text), TEXT_PART_CHARS)] or [""]


def documents_from_rows(rows: Iterable[dict]) -> dict[str, StoredDocument]:
    by_id: dict[str, list[dict]] = {}
    for row in rows:
        by_id.setdefault(row["doc_id"], []).append(row)
    found = {}
    for doc_id, parts in by_id.items():
        parts.sort(key=lambda row: row["part"])
        meta = _meta(parts)
        found[doc_id] = StoredDocument(
            doc_id=doc_id,
            content_hash=parts[0]["content_hash"],
            text="".join(row["text"] for row in parts),
            title=meta.get("title"),
            url=meta.get("url"),
            date=meta.get("date"),
            source=meta.get("source"),
            path=meta.get("path"),
            passages=int(meta.get("passages") or 0),
            review=PublishedReview.from_dict(meta.get("review")),
            metadata=meta.get("metadata") or None,
        )
    return found


def _meta(parts: list[dict]) -> dict:
    # The first version of this store repeated the whole metadata on every part; a cut piece of a JSON object never
    # parses on its own, so a first part that parses is the whole of it.
    try:
        return json.loads(parts[0]["meta"])
    except ValueError:
        return json.loads("".join(row["meta"] for row in parts))


class MilvusDocuments(Mapping[str, StoredDocument]):
    """doc id -> StoredDocument, queried from the corpus's document collection when asked."""

    def __init__(self, client, collection: str, spec: str = "the Milvus store", corpus: str | None = None) -> None:
        self._client = client
        self._collection = collection
        self._spec = spec
        self._corpus = corpus

    def __getitem__(self, doc_id: str) -> StoredDocument:
        found = self.many([doc_id])
        if doc_id not in found:
            raise KeyError(doc_id)
        return found[doc_id]

    def many(self, doc_ids: list[str]) -> dict[str, StoredDocument]:
        with store_errors(self._spec, self._corpus):
            return self._many(doc_ids)

    def _many(self, doc_ids: list[str]) -> dict[str, StoredDocument]:
        rows = []
        for start in range(0, len(doc_ids), QUERY_PAGE):
            rows.extend(
                self._client.query(
                    self._collection,
                    filter=in_list("doc_id", doc_ids[start : start + QUERY_PAGE]),
                    output_fields=_FIELDS,
                )
            )
        return documents_from_rows(rows)

    def hashes(self, content_hashes: list[str]) -> set[str]:
        """Which of these content hashes a stored document has."""
        with store_errors(self._spec, self._corpus):
            return self._hashes(content_hashes)

    def _hashes(self, content_hashes: list[str]) -> set[str]:
        known: set[str] = set()
        for start in range(0, len(content_hashes), QUERY_PAGE):
            rows = self._client.query(
                self._collection,
                filter=in_list("content_hash", content_hashes[start : start + QUERY_PAGE]) + " and part == 0",
                output_fields=["content_hash"],
            )
            known.update(row["content_hash"] for row in rows)
        return known

    def _all(self) -> dict[str, StoredDocument]:
        with store_errors(self._spec, self._corpus):
            return self._scan()

    def _scan(self) -> dict[str, StoredDocument]:
        iterator = self._client.query_iterator(
            self._collection, batch_size=QUERY_PAGE, filter='doc_id != ""', output_fields=_FIELDS
        )
        rows = []
        try:
            while batch := iterator.next():
                rows.extend(batch)
        finally:
            iterator.close()
        return documents_from_rows(rows)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        with store_errors(self._spec, self._corpus):
            rows = self._client.query(self._collection, filter="part == 0", output_fields=["count(*)"])
        return int(rows[0]["count(*)"])

    def values(self):  # one scan instead of one query per key
        return self._all().values()

    def items(self):
        return self._all().items()
