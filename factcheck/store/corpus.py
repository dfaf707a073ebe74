"""A corpus on disk: a FAISS index, its passages and documents, and the manifest that ties them together."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import faiss
import numpy as np

from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.errors import CorruptIndexError
from factcheck.factchecks import CorpusKind
from factcheck.store import vector_index
from factcheck.store.changes import can_append, documents_to_add, lexical_after
from factcheck.store.embedding import ProgressCallback, embed_documents
from factcheck.store.generations import generation_size, refuse_orphaned_data
from factcheck.store.kinds import kind_after_adding
from factcheck.store.lexical import LexicalIndex, LexicalSegment
from factcheck.store.locking import reader_lock, writer_lock
from factcheck.store.manifest import MANIFEST_NAME, Manifest, read_manifest
from factcheck.store.passages import Passage, PassageFilter, indexed_text
from factcheck.store.queries import query_vectors
from factcheck.store.records import AddReport, StoredDocument
from factcheck.store.segments import read_segments, write_segment
from factcheck.store.stored_rows import StoredDocuments, StoredPassages, open_rows

__all__ = ["AddReport", "Corpus", "ProgressCallback", "StoredDocument", "refuse_orphaned_data"]

# Without a readers lock (a read-only folder) a writer may delete the generation being read: read it again this often.
_OPEN_ATTEMPTS = 5


class Corpus:
    """One reference corpus. Open it with `Corpus.open` or `Corpus.create`; change it with `add_documents`.

    Every change writes a new generation of data files and then the manifest, so a crash at any point leaves the
    corpus as it was before that change. Adding documents writes only the new passages, as a segment after the
    existing ones; removing or replacing documents writes the whole corpus as one segment (see `Manifest`).
    """

    def __init__(
        self,
        directory: Path,
        manifest: Manifest,
        index: faiss.Index,
        passages: StoredPassages,
        documents: StoredDocuments,
        lexical: LexicalIndex,
    ) -> None:
        self.directory = directory
        self.manifest = manifest
        self.index = index
        self.passages = passages
        self.documents = documents
        self.lexical = lexical

    @property
    def name(self) -> str:
        return self.manifest.name

    # ---- opening -------------------------------------------------------------------------------------------------

    @classmethod
    def create(cls, directory: Path, name: str, embedder: Embedder) -> Corpus:
        """Make an empty corpus for `embedder` in `directory`; if another process created one there meanwhile,
        open that one instead.

        Raises:
            CorruptIndexError: the folder holds a corpus's data files but no manifest (deleted or lost): starting
                over would hide them, so the message says how to restore it.
        """
        directory.mkdir(parents=True, exist_ok=True)
        with writer_lock(directory):
            if (directory / MANIFEST_NAME).exists():
                return cls.open(directory, embedder)
            refuse_orphaned_data(directory)
            manifest = Manifest(name=name, model=embedder.name, dimension=embedder.dimension)
            corpus = cls.empty(directory, manifest)
            corpus.manifest = write_segment(directory, manifest, corpus.index, [], [], LexicalSegment.build([]))
            corpus._reopen_rows()
        return corpus

    @classmethod
    def empty(cls, directory: Path, manifest: Manifest) -> Corpus:
        """An object holding no passages for `manifest` (nothing read or written: the caller commits to it)."""
        index = faiss.IndexFlatIP(manifest.dimension)
        return cls(directory, manifest, index, StoredPassages(), StoredDocuments(), LexicalIndex.build([]))

    @classmethod
    def create_from_vectors(
        cls,
        directory: Path,
        name: str,
        embedder: Embedder,
        documents: Sequence[Document],
        passages: Sequence[Passage],
        vectors: np.ndarray,
        *,
        kind: CorpusKind | None = None,
    ) -> Corpus:
        """A corpus from passages already embedded by `embedder`'s model (imports, migration and benchmarks)."""
        if len(vectors) != len(passages):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        corpus = cls.create(directory, name, embedder)
        counts: dict[str, int] = {}
        for passage in passages:
            counts[passage.doc_id] = counts.get(passage.doc_id, 0) + 1
        stored = {d.doc_id: StoredDocument.of(d, counts.get(d.doc_id, 0)) for d in documents}
        with writer_lock(directory):
            index = vector_index.build_index(vectors, embedder.dimension)
            corpus._commit(index, passages, stored.values(), len(stored), kind=kind)
        return corpus

    @classmethod
    def open(cls, directory: Path, embedder: Embedder | None = None) -> Corpus:
        """Load a corpus, checking its files against the manifest and, when given, the manifest against `embedder`.

        Raises:
            CorruptIndexError: files missing, unreadable or disagreeing with the manifest.
            IndexMismatchError: the corpus was built with another model.
        """
        for attempt in range(_OPEN_ATTEMPTS):
            # The readers lock keeps this generation's files from deletion until they are loaded.
            with reader_lock(directory):
                manifest = read_manifest(directory)
                if embedder is not None:
                    manifest.check_model(embedder.name, embedder.dimension)
                try:
                    return cls._load(directory, manifest)
                except CorruptIndexError:
                    moved_on = read_manifest(directory).generation != manifest.generation
                    if not moved_on or attempt == _OPEN_ATTEMPTS - 1:
                        raise
        raise AssertionError("unreachable")

    @classmethod
    def _load(cls, directory: Path, manifest: Manifest) -> Corpus:
        """The corpus at `manifest`'s generation, its files checked against the manifest and each other."""
        data = read_segments(directory, manifest)
        return cls(directory, manifest, data.index, data.passages, data.documents, data.lexical)

    # ---- changing ------------------------------------------------------------------------------------------------

    def add_documents(
        self,
        documents: Iterable[Document],
        embedder: Embedder,
        progress: ProgressCallback | None = None,
    ) -> AddReport:
        """Embed and add documents; only passages of new or changed documents are embedded.

        A document whose text is already in the corpus is skipped. A document with a known `doc_id` but new text
        replaces the old version. Earlier fact-checks (documents with a `review`) make a fact-check corpus; they
        and evidence documents are never mixed in one corpus. Both decisions are made again under the writer lock on
        the corpus as it is then, so simultaneous adds of the same files store each document once.

        Raises:
            CorpusKindError: fact-checks added to an evidence corpus, or evidence to a fact-check corpus.
        """
        self.manifest.check_model(embedder.name, embedder.dimension)
        documents = list(documents)
        # Embedding is slow, so it happens outside the lock for what looks new now; what another writer added or
        # removed meanwhile is settled under the lock (and anything not embedded yet is embedded there).
        guessed, _ = documents_to_add(self.documents, documents)
        if guessed:
            kind_after_adding(self.manifest, guessed.values())  # refused before the slow embedding, not after
        embedded = embed_documents(list(guessed.values()), embedder, progress)
        with writer_lock(self.directory):
            self._reload_if_changed()
            self.manifest.check_model(embedder.name, embedder.dimension)
            new_documents, skipped = documents_to_add(self.documents, documents)
            if not new_documents:
                return AddReport(skipped_duplicates=tuple(skipped))
            kind = kind_after_adding(self.manifest, new_documents.values())
            missing = [d for d in new_documents.values() if embedded.get(d.doc_id, (None,))[0] is not d]
            embedded.update(embed_documents(missing, embedder, None))
            new_passages = [p for doc_id in new_documents for p in embedded[doc_id][1]]
            parts = [embedded[doc_id][2] for doc_id in new_documents]
            vectors = np.vstack(parts) if parts else np.zeros((0, embedder.dimension), np.float32)
            replaced = {doc_id for doc_id in new_documents if doc_id in self.documents}
            added = {
                doc_id: StoredDocument.of(document, len(embedded[doc_id][1]))
                for doc_id, document in new_documents.items()
            }
            if progress is not None:
                progress("saving", 0, 1)
            if can_append(self.manifest, self.index, replaced, len(new_passages)):
                self._append(vectors, new_passages, added, kind)
            else:
                self._rewrite(replaced, vectors, new_passages, added, kind)
        if progress is not None:
            progress("saving", 1, 1)
        return AddReport(
            added_documents=len(new_documents) - len(replaced),
            replaced_documents=len(replaced),
            added_passages=len(new_passages),
            skipped_duplicates=tuple(skipped),
        )

    def remove_documents(self, doc_ids: Iterable[str]) -> int:
        """Remove documents and their passages; returns how many documents were removed. Nothing is re-embedded."""
        wanted = set(doc_ids)
        with writer_lock(self.directory):
            self._reload_if_changed()
            present = {doc_id for doc_id in wanted if doc_id in self.documents}
            if not present:
                return 0
            self._rewrite(present, None, [], {}, None)
        return len(present)

    def rebuild(self, embedder: Embedder, progress: ProgressCallback | None = None) -> int:
        """Re-cut and re-embed every stored document (after a model change or to repair derived files).

        Returns the number of passages. The corpus takes `embedder`'s model. The documents are read under the writer
        lock, which is held until the new generation is written, so no add or removal made meanwhile is lost; until
        the new manifest is written the old generation stays in force. `factcheck.store.repair` rebuilds a corpus
        that no longer opens.
        """
        from factcheck.store.repair import rebuild_corpus

        rebuild_corpus(self.directory, embedder, progress)
        self._take(Corpus.open(self.directory, embedder))
        return len(self.passages)

    # ---- reading -------------------------------------------------------------------------------------------------

    def search_vectors(
        self, queries: np.ndarray, top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]:
        """The `top_k` passages nearest each query vector by inner product, best first."""
        queries = query_vectors(queries, top_k, self.manifest.dimension)
        if self.index.ntotal == 0 or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        scores, rows = vector_index.search(self.index, queries, top_k, self.allowed_rows(passage_filter))
        return [
            [(self.passages[row], float(score)) for row, score in zip(row_list, score_list, strict=True) if row >= 0]
            for row_list, score_list in zip(rows, scores, strict=True)
        ]

    def search_lexical(
        self, queries: Sequence[str], top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]:
        """The `top_k` passages with the highest BM25 score for each query (only those sharing a word)."""
        if top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {top_k}")
        allowed = self.allowed_rows(passage_filter)
        mask = None
        if allowed is not None:
            mask = np.zeros(len(self.passages), dtype=np.float32)
            mask[allowed] = 1.0
        found = self.lexical.search(queries, top_k, mask)
        return [[(self.passages[row], score) for row, score in hits] for hits in found]

    def allowed_rows(self, passage_filter: PassageFilter | None) -> np.ndarray | None:
        """Row numbers a filter lets through (sorted), or None when there is no filter."""
        if passage_filter is None or passage_filter.empty:
            return None
        return self.passages.allowed(passage_filter)

    def size_bytes(self) -> int:
        """Bytes on disk of the current generation and its manifest."""
        return generation_size(self.directory, [MANIFEST_NAME, *self.manifest.files().values()])

    # ---- internals -----------------------------------------------------------------------------------------------

    def _index_with(self, keep_rows: Sequence[int] | np.ndarray, new_vectors: np.ndarray | None) -> faiss.Index:
        """A new index of the kept rows' vectors (read back from the current index) followed by new vectors."""
        if len(keep_rows) == self.index.ntotal:
            kept = vector_index.reconstruct(self.index)
        else:
            kept = vector_index.reconstruct(self.index, np.asarray(keep_rows, dtype=np.int64))
        parts = [kept] + ([new_vectors] if new_vectors is not None and len(new_vectors) else [])
        return vector_index.build_index(np.vstack(parts), self.manifest.dimension)

    def _append(
        self, vectors: np.ndarray, passages: list[Passage], documents: dict[str, StoredDocument], kind: CorpusKind
    ) -> None:
        """Write the new passages as one segment after the existing ones, then take them in (call with the lock)."""
        lexical = LexicalSegment.build([indexed_text(p) for p in passages])
        manifest = self.manifest.next(
            documents=len(self.documents) + len(documents),
            passages=len(self.passages) + len(passages),
            index_type=self.manifest.index_type,
            kind=kind,
            append=True,
        )
        segment = vector_index.segment_like(self.index, vectors)
        self.manifest = write_segment(self.directory, manifest, segment, passages, documents.values(), lexical)
        if len(vectors):
            self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        files = self.manifest.newest_files()
        self.documents.add_segment(self.directory / files["documents"])
        self.passages.add_segment(self.directory / files["passages"], self.documents)
        self.lexical = self.lexical.appended(lexical)

    def _rewrite(
        self,
        dropped: set[str],
        vectors: np.ndarray | None,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        kind: CorpusKind | None,
    ) -> None:
        """Write the corpus as one segment without the documents `dropped` (removed or replaced) and with the new
        ones after the rest (call with the lock). Kept records are copied as stored, their BM25 counts kept."""
        dropping = self.passages.rows_of_documents(dropped, self.documents)
        keep_rows = np.flatnonzero(~dropping)
        index = self._index_with(keep_rows, vectors)
        kept_ids = [doc_id for doc_id in self.documents if doc_id not in dropped]
        lexical = lexical_after(self.lexical, passages, None if not dropped else ~dropping)
        self._commit(
            index,
            itertools.chain(self.passages.raws(keep_rows), passages),
            itertools.chain(self.documents.raws(kept_ids), documents.values()),
            len(kept_ids) + len(documents),
            kind=kind,
            lexical=lexical,
        )

    def _commit(
        self,
        index: faiss.Index,
        passages: Iterable[Passage | bytes],
        documents: Iterable[StoredDocument | bytes],
        document_count: int,
        *,
        model: str | None = None,
        dimension: int | None = None,
        kind: CorpusKind | None = None,
        lexical: LexicalIndex | None = None,
    ) -> None:
        """Write everything as one new segment and switch this object to it (call with the lock held): the passages
        in row order (as many as `index` holds vectors) and `document_count` documents. `lexical`, when given, is the
        BM25 index of `passages` already (as one segment); else their texts are tokenised (then `passages` are
        values, not stored bytes)."""
        if lexical is None or len(lexical.segments) != 1:
            values = [Passage.from_dict(json.loads(p)) if isinstance(p, bytes) else p for p in passages]
            lexical = LexicalIndex.build([indexed_text(p) for p in values])
            passages = values
        manifest = self.manifest.next(
            documents=document_count,
            passages=index.ntotal,
            index_type=vector_index.kind_of(index),
            model=model,
            dimension=dimension,
            kind=kind,
        )
        segment = lexical.segments[0] if lexical.segments else LexicalSegment.build([])
        self.manifest = write_segment(self.directory, manifest, index, passages, documents, segment)
        self.index, self.lexical = index, lexical
        self._reopen_rows()

    # The files held until now are closed when nothing refers to them any more, not here: a search running in another
    # thread may still be reading them.

    def _reopen_rows(self) -> None:
        """Read the passages and documents of the manifest's segments from their files (after writing them)."""
        self.passages, self.documents = open_rows(self.directory, self.manifest.segment_files())

    def _take(self, fresh: Corpus) -> None:
        """Switch to `fresh` (this folder opened again)."""
        self.manifest, self.index, self.lexical = fresh.manifest, fresh.index, fresh.lexical
        self.passages, self.documents = fresh.passages, fresh.documents

    def _reload_if_changed(self) -> None:
        """Another process may have changed the corpus since it was opened: start from what is on disk."""
        on_disk = read_manifest(self.directory)
        if on_disk.generation != self.manifest.generation:
            self._take(Corpus.open(self.directory))
