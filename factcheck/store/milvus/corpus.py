"""A corpus in Milvus: passages with their dense vectors and a BM25 full-text index, searched with the same filters
and returning the same passages and scores as the FAISS store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import numpy as np

from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.factchecks import CorpusKind
from factcheck.store.kinds import kind_after_adding
from factcheck.store.manifest import Manifest
from factcheck.store.milvus import client as milvus
from factcheck.store.milvus.documents import MilvusDocuments, document_rows
from factcheck.store.milvus.filters import filter_expression, in_list
from factcheck.store.milvus.rows import PASSAGE_FIELDS, milvus_words, passage_from_row, passage_row
from factcheck.store.passages import Passage, PassageFilter, indexed_text, split_passages
from factcheck.store.queries import query_vectors
from factcheck.store.records import AddReport, StoredDocument

__all__ = ["INDEX_TYPE", "MilvusCorpus", "milvus_words"]
_INSERT_BATCH = 2_000
INDEX_TYPE = "milvus-flat"


class MilvusCorpus:
    """One corpus in a Milvus store. Milvus has no transaction over several rows: a change writes passages, then
    documents, then the manifest (counts and model), and passages are keyed by content, so repeating an interrupted
    `add` completes it rather than duplicating anything."""

    def __init__(self, client, manifest: Manifest, spec: str = "the Milvus store") -> None:
        self._client = client
        self.spec = spec
        self.manifest = manifest
        self._passages = milvus.collection_name(manifest.name, "passages")
        self.documents = MilvusDocuments(
            client, milvus.collection_name(manifest.name, "documents"), spec, manifest.name
        )

    @property
    def name(self) -> str:
        return self.manifest.name

    # ---- changing ------------------------------------------------------------------------------------------------

    def add_documents(self, documents: Iterable[Document], embedder: Embedder, progress=None) -> AddReport:
        """Embed and add documents, as `Corpus.add_documents`: a text already stored is skipped, a known id with new
        text replaces the old version, only new passages are embedded, and earlier fact-checks and evidence are
        never mixed in one corpus.

        Raises:
            CorpusKindError: fact-checks added to an evidence corpus or the reverse (refused before embedding).
            StoreConnectionError, CorruptIndexError: the store failed; what was stored before stays whole.
        """
        with milvus.store_errors(self.spec, self.name):
            return self._add_documents(list(documents), embedder, progress)

    def _add_documents(self, candidates: list[Document], embedder: Embedder, progress) -> AddReport:
        self.manifest.check_model(embedder.name, embedder.dimension)
        self._reload_manifest()  # another process may have added to the corpus since it was opened
        incoming: dict[str, Document] = {}
        skipped: list[str] = []
        known_hashes = self.documents.hashes(sorted({d.content_hash for d in candidates}))
        for document in candidates:
            if document.content_hash in known_hashes or not document.text:
                skipped.append(document.doc_id)
                continue
            known_hashes.add(document.content_hash)
            incoming[document.doc_id] = document
        if skipped:
            already = set(skipped)
            self._finish_replaced([d for d in candidates if d.doc_id in already and d.text])
        if not incoming:
            return AddReport(skipped_duplicates=tuple(skipped))
        kind = kind_after_adding(self.manifest, incoming.values())
        passages = [p for d in incoming.values() for p in split_passages(d)]
        if progress is not None:
            progress("embedding", 0, len(passages))

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress("embedding", done, total)

        vectors = embedder.encode_documents([indexed_text(p) for p in passages], progress=report)
        replaced = set(self.documents.many(sorted(incoming)))
        if progress is not None:
            progress("saving", 0, 1)
        self._write(incoming.values(), passages, vectors, replaced, kind)
        if progress is not None:
            progress("saving", 1, 1)
        return AddReport(
            added_documents=len(incoming) - len(replaced),
            replaced_documents=len(replaced),
            added_passages=len(passages),
            skipped_duplicates=tuple(skipped),
        )

    def add_embedded(self, documents: Sequence[Document], passages: Sequence[Passage], vectors: np.ndarray) -> None:
        """Add passages already embedded with this corpus's model (migration from another store, benchmarks)."""
        if len(vectors) != len(passages):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        with milvus.store_errors(self.spec, self.name):
            kind = kind_after_adding(self.manifest, documents) if documents else None
            replaced = set(self.documents.many(sorted({d.doc_id for d in documents})))
            self._write(documents, passages, vectors, replaced, kind)

    def remove_documents(self, doc_ids: Iterable[str]) -> int:
        """Remove documents and their passages; returns how many documents were removed."""
        with milvus.store_errors(self.spec, self.name):
            present = sorted(set(self.documents.many(sorted(set(doc_ids)))))
            if not present:
                return 0
            self._delete(present)
            self._commit()
        return len(present)

    def rebuild(self, embedder: Embedder, progress=None) -> int:
        """Re-cut and re-embed every stored document with `embedder`'s model; returns the number of passages."""
        with milvus.store_errors(self.spec, self.name):
            return self._rebuild(embedder, progress)

    def _rebuild(self, embedder: Embedder, progress) -> int:
        documents = [d.to_document() for d in self.documents.values()]
        passages = [p for d in documents for p in split_passages(d)]

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress("embedding", done, total)

        vectors = embedder.encode_documents([indexed_text(p) for p in passages], progress=report)
        # Only the passages are dropped: the stored documents stay whole whatever happens next, so an interrupted
        # rebuild is simply run again.
        milvus.drop_corpus_collections(self._client, self.name, kinds=("passages",))
        milvus.create_corpus_collections(self._client, self.name, embedder.dimension)
        self.manifest = replace(self.manifest, model=embedder.name, dimension=embedder.dimension)
        self._write(documents, passages, vectors, set(), self.manifest.corpus_kind)
        return len(passages)

    # ---- reading -------------------------------------------------------------------------------------------------

    def search_vectors(
        self, queries: np.ndarray, top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]:
        """The `top_k` passages nearest each query vector by inner product (exact), best first."""
        queries = query_vectors(queries, top_k, self.manifest.dimension)
        if self.manifest.passages == 0 or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        with milvus.store_errors(self.spec, self.name):
            found = self._client.search(
                self._passages,
                data=queries.tolist(),
                anns_field="dense",
                limit=top_k,
                filter=filter_expression(passage_filter),
                output_fields=PASSAGE_FIELDS,
                search_params={"metric_type": "IP"},
            )
        return [[(passage_from_row(hit["entity"]), float(hit["distance"])) for hit in hits] for hits in found]

    def search_lexical(
        self, queries: Sequence[str], top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]:
        """The `top_k` passages with the highest BM25 score for each query (Milvus's BM25 over the FAISS store's
        tokens), only those sharing a word."""
        if top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {top_k}")
        results: list[list[tuple[Passage, float]]] = [[] for _ in queries]
        words = [milvus_words(q) for q in queries]
        asked = [i for i, text in enumerate(words) if text]
        if self.manifest.passages == 0 or not asked:
            return results
        with milvus.store_errors(self.spec, self.name):
            found = self._client.search(
                self._passages,
                data=[words[i] for i in asked],
                anns_field="bm25",
                limit=top_k,
                filter=filter_expression(passage_filter),
                output_fields=PASSAGE_FIELDS,
                search_params={"metric_type": "BM25"},
            )
        for slot, hits in zip(asked, found, strict=True):
            # A BM25 score is never negative; Milvus Lite reports it negated (as a distance), a server as it is.
            # Milvus's BM25 carries the classic (k1 + 1) factor that the Lucene variant of the FAISS store drops:
            # divided out, both stores give the same scores (equal within 0.1% on the demo corpus, same order).
            scored = [
                (passage_from_row(hit["entity"]), abs(float(hit["distance"])) / (milvus.BM25_K1 + 1)) for hit in hits
            ]
            results[slot] = sorted(
                [(passage, score) for passage, score in scored if score > 0], key=lambda item: -item[1]
            )
        return results

    def iter_embedded(self, batch_size: int = milvus.QUERY_PAGE) -> Iterator[tuple[list[Passage], np.ndarray]]:
        """Every passage with its stored vector, a batch at a time (for moving the corpus without re-embedding)."""
        iterator = self._client.query_iterator(
            self._passages, batch_size=batch_size, filter='passage_id != ""', output_fields=[*PASSAGE_FIELDS, "dense"]
        )
        try:
            while batch := iterator.next():
                yield (
                    [passage_from_row(row) for row in batch],
                    np.asarray([row["dense"] for row in batch], dtype=np.float32),
                )
        finally:
            iterator.close()

    def size_bytes(self) -> int:
        """An estimate of the corpus's stored size: vectors at 4 bytes a dimension plus texts (Milvus does not report
        it per collection; its own index files come on top)."""
        return self.manifest.passages * self.manifest.dimension * 4 + self._text_bytes()

    # ---- internals -----------------------------------------------------------------------------------------------

    def _text_bytes(self) -> int:
        rows = self._client.query(self.documents._collection, filter="part >= 0", output_fields=["count(*)"])
        # Parts are at most TEXT_PART_CHARS characters; without a per-row scan, count parts at half full.
        return int(rows[0]["count(*)"]) * milvus.TEXT_PART_CHARS // 2

    def _write(
        self,
        documents: Iterable[Document],
        passages: Sequence[Passage],
        vectors: np.ndarray,
        replaced: set[str],
        kind: CorpusKind | None,
    ) -> None:
        """Store new passages, then the documents, then drop replaced versions' passages, then the manifest.

        A failure at any step loses nothing: a replaced document's old passages and row stay until its new passages
        and row are stored. Running the same add again finishes the job: a document whose row was not written is
        added again, and one whose row was written has its old version's passages dropped then (`_finish_replaced`).
        """
        documents = list(documents)
        counts: dict[str, int] = {}
        for passage in passages:
            counts[passage.doc_id] = counts.get(passage.doc_id, 0) + 1
        vectors = np.asarray(vectors, dtype=np.float32)
        for start in range(0, len(passages), _INSERT_BATCH):
            chunk = passages[start : start + _INSERT_BATCH]
            rows = [passage_row(p, v) for p, v in zip(chunk, vectors[start : start + len(chunk)], strict=True)]
            self._client.upsert(self._passages, rows)
        document_rows_all = []
        for document in documents:
            stored = StoredDocument.of(document, counts.get(document.doc_id, 0))
            document_rows_all.extend(document_rows(stored))
        for start in range(0, len(document_rows_all), _INSERT_BATCH):
            self._client.upsert(self.documents._collection, document_rows_all[start : start + _INSERT_BATCH])
        if replaced:
            self._delete_stale_passages({d.doc_id: d.content_hash for d in documents if d.doc_id in replaced})
            self._delete_extra_parts(documents)
        self._commit(kind)

    def _delete_stale_passages(self, current: dict[str, str]) -> None:
        """Passages of these documents (doc id -> content hash now stored) cut from another version of their text
        (passage ids are `<content hash>:<n>`)."""
        doc_ids = sorted(current)
        for start in range(0, len(doc_ids), milvus.QUERY_PAGE):
            rows = self._client.query(
                self._passages,
                filter=in_list("doc_id", doc_ids[start : start + milvus.QUERY_PAGE]),
                output_fields=["passage_id", "doc_id"],
            )
            stale = sorted(
                row["passage_id"] for row in rows if not row["passage_id"].startswith(current[row["doc_id"]] + ":")
            )
            for begin in range(0, len(stale), milvus.QUERY_PAGE):
                chunk = stale[begin : begin + milvus.QUERY_PAGE]
                self._client.delete(self._passages, filter=in_list("passage_id", chunk))

    def _finish_replaced(self, documents: list[Document]) -> None:
        """Drop what an interrupted replacement of these (already stored) documents left behind, then commit."""
        stored = self.documents.many(sorted({d.doc_id for d in documents}))
        current = {d.doc_id: d.content_hash for d in documents if d.doc_id in stored}
        current = {doc_id: digest for doc_id, digest in current.items() if stored[doc_id].content_hash == digest}
        if not current:
            return
        before = self._client.query(self._passages, filter='passage_id != ""', output_fields=["count(*)"])
        self._delete_stale_passages(current)
        self._client.flush(self._passages)
        after = self._client.query(self._passages, filter='passage_id != ""', output_fields=["count(*)"])
        if int(after[0]["count(*)"]) != int(before[0]["count(*)"]) or self.manifest.passages != int(
            after[0]["count(*)"]
        ):
            self._commit()

    def _delete_extra_parts(self, documents: list[Document]) -> None:
        """Text parts left over from a longer earlier version of a replaced document."""
        for document in documents:
            parts = len(document_rows(StoredDocument.of(document, 0)))
            self._client.delete(
                self.documents._collection, filter=f"{in_list('doc_id', [document.doc_id])} and part >= {parts}"
            )

    def _reload_manifest(self) -> None:
        stored = milvus.read_manifests(self._client).get(self.name)
        if isinstance(stored, Manifest):
            self.manifest = stored

    def _delete(self, doc_ids: list[str]) -> None:
        for start in range(0, len(doc_ids), milvus.QUERY_PAGE):
            chunk = doc_ids[start : start + milvus.QUERY_PAGE]
            self._client.delete(self._passages, filter=in_list("doc_id", chunk))
            self._client.delete(self.documents._collection, filter=in_list("doc_id", chunk))

    def _commit(self, kind: CorpusKind | None = None) -> None:
        self._client.flush(self._passages)
        self._client.flush(self.documents._collection)
        passages = self._client.query(self._passages, filter='passage_id != ""', output_fields=["count(*)"])
        documents = len(self.documents)
        self.manifest = self.manifest.next(
            documents=documents, passages=int(passages[0]["count(*)"]), index_type=INDEX_TYPE, kind=kind
        )
        milvus.write_manifest(self._client, self.manifest)
