"""A corpus on disk: a FAISS index, its passages and documents, and the manifest that ties them together."""

from __future__ import annotations

import contextlib
import fcntl
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import faiss
import numpy as np

from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.errors import CorruptIndexError
from factcheck.store import vector_index
from factcheck.store.files import directory_size, read_index, read_jsonl, read_lexical, write_jsonl
from factcheck.store.lexical import LexicalIndex
from factcheck.store.manifest import Manifest, read_manifest, write_manifest
from factcheck.store.passages import Passage, PassageFilter, indexed_text, split_passages
from factcheck.store.records import AddReport, StoredDocument

ProgressCallback = Callable[[str, int, int], None]  # (stage, done, total)


class Corpus:
    """One reference corpus. Open it with `Corpus.open` or `Corpus.create`; change it with `add_documents`.

    Every change writes a new generation of data files and then the manifest, so a crash at any point leaves the
    corpus as it was before that change.
    """

    def __init__(
        self,
        directory: Path,
        manifest: Manifest,
        index: faiss.Index,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
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
        """Make an empty corpus for `embedder` in `directory` (which must not hold one yet)."""
        directory.mkdir(parents=True, exist_ok=True)
        manifest = Manifest(name=name, model=embedder.name, dimension=embedder.dimension)
        corpus = cls(directory, manifest, faiss.IndexFlatIP(manifest.dimension), [], {}, LexicalIndex.build([]))
        with corpus._locked():
            corpus._write_generation(manifest, corpus.index, [], {}, corpus.lexical)
        return corpus

    @classmethod
    def create_from_vectors(
        cls,
        directory: Path,
        name: str,
        embedder: Embedder,
        documents: Sequence[Document],
        passages: Sequence[Passage],
        vectors: np.ndarray,
    ) -> Corpus:
        """A corpus from passages already embedded by `embedder`'s model (imports and benchmarks)."""
        if len(vectors) != len(passages):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        corpus = cls.create(directory, name, embedder)
        counts: dict[str, int] = {}
        for passage in passages:
            counts[passage.doc_id] = counts.get(passage.doc_id, 0) + 1
        stored = {
            d.doc_id: StoredDocument(
                d.doc_id, d.content_hash, d.text, d.title, d.url, d.date, d.source, d.path, counts.get(d.doc_id, 0)
            )
            for d in documents
        }
        with corpus._locked():
            corpus._commit(vector_index.build_index(vectors, embedder.dimension), list(passages), stored)
        return corpus

    @classmethod
    def open(cls, directory: Path, embedder: Embedder | None = None) -> Corpus:
        """Load a corpus, checking its files against the manifest and, when given, the manifest against `embedder`.

        Raises:
            CorruptIndexError: files missing, unreadable or disagreeing with the manifest.
            IndexMismatchError: the corpus was built with another model.
        """
        manifest = read_manifest(directory)
        if embedder is not None:
            manifest.check_model(embedder.name, embedder.dimension)
        index = read_index(directory / manifest.file("index"))
        try:
            passages = [Passage.from_dict(r) for r in read_jsonl(directory / manifest.file("passages"))]
            documents = {r["doc_id"]: StoredDocument(**r) for r in read_jsonl(directory / manifest.file("documents"))}
        except (TypeError, KeyError, AttributeError) as error:
            raise CorruptIndexError(
                f"Corpus '{manifest.name}' in {directory} has records of the wrong shape ({error}). "
                f"Rebuild it with `factcheck index rebuild {manifest.name}` or remove it and add its files again."
            ) from error
        problems = []
        if index.d != manifest.dimension:
            problems.append(f"the index has {index.d} dimensions, the manifest says {manifest.dimension}")
        if not (index.ntotal == len(passages) == manifest.passages):
            problems.append(
                f"the index holds {index.ntotal} vectors and the passage file {len(passages)} passages, "
                f"the manifest says {manifest.passages}"
            )
        lexical = read_lexical(directory / manifest.file("lexical"))
        if lexical.size != len(passages):
            problems.append(f"the BM25 index holds {lexical.size} passages, the passage file {len(passages)}")
        if len(documents) != manifest.documents:
            problems.append(f"{len(documents)} documents stored, the manifest says {manifest.documents}")
        if problems:
            raise CorruptIndexError(
                f"Corpus '{manifest.name}' in {directory} is inconsistent: {'; '.join(problems)}. "
                f"Rebuild it with `factcheck index rebuild {manifest.name}` or remove it and add its files again."
            )
        return cls(directory, manifest, vector_index.prepare_loaded(index), passages, documents, lexical)

    # ---- changing ------------------------------------------------------------------------------------------------

    def add_documents(
        self,
        documents: Iterable[Document],
        embedder: Embedder,
        progress: ProgressCallback | None = None,
    ) -> AddReport:
        """Embed and add documents; only passages of new or changed documents are embedded.

        A document whose text is already in the corpus is skipped. A document with a known `doc_id` but new text
        replaces the old version.
        """
        self.manifest.check_model(embedder.name, embedder.dimension)
        known_hashes = {d.content_hash for d in self.documents.values()}
        new_documents: dict[str, Document] = {}
        skipped: list[str] = []
        for document in documents:
            digest = document.content_hash
            if digest in known_hashes or not document.text:
                skipped.append(document.doc_id)
                continue
            known_hashes.add(digest)
            new_documents[document.doc_id] = document
        if not new_documents:
            return AddReport(skipped_duplicates=tuple(skipped))

        new_passages = [p for d in new_documents.values() for p in split_passages(d)]
        if progress is not None:
            progress("embedding", 0, len(new_passages))

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress("embedding", done, total)

        vectors = embedder.encode_documents([indexed_text(p) for p in new_passages], progress=report)
        replaced = {doc_id for doc_id in new_documents if doc_id in self.documents}
        with self._locked():
            self._reload_if_changed()
            keep_rows = [i for i, p in enumerate(self.passages) if p.doc_id not in replaced]
            index = self._index_with(keep_rows, vectors)
            passages = [self.passages[i] for i in keep_rows] + new_passages
            stored = {k: v for k, v in self.documents.items() if k not in replaced}
            per_document: dict[str, int] = {}
            for passage in new_passages:
                per_document[passage.doc_id] = per_document.get(passage.doc_id, 0) + 1
            for doc_id, document in new_documents.items():
                stored[doc_id] = StoredDocument(
                    doc_id=doc_id,
                    content_hash=document.content_hash,
                    text=document.text,
                    title=document.title,
                    url=document.url,
                    date=document.date,
                    source=document.source,
                    path=document.path,
                    passages=per_document.get(doc_id, 0),
                )
            if progress is not None:
                progress("saving", 0, 1)
            self._commit(index, passages, stored)
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
        with self._locked():
            self._reload_if_changed()
            present = wanted & set(self.documents)
            if not present:
                return 0
            keep_rows = [i for i, p in enumerate(self.passages) if p.doc_id not in present]
            index = self._index_with(keep_rows, None)
            passages = [self.passages[i] for i in keep_rows]
            stored = {k: v for k, v in self.documents.items() if k not in present}
            self._commit(index, passages, stored)
        return len(present)

    def rebuild(self, embedder: Embedder, progress: ProgressCallback | None = None) -> int:
        """Re-cut and re-embed every stored document (after a model change or to repair derived files).

        Returns the number of passages. The corpus takes `embedder`'s model; until the new manifest is written the
        old generation stays in force.
        """
        documents = [
            Document(d.doc_id, d.text, d.title, d.url, d.date, d.source, d.path) for d in self.documents.values()
        ]
        passages = [p for d in documents for p in split_passages(d)]

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress("embedding", done, total)

        vectors = embedder.encode_documents([indexed_text(p) for p in passages], progress=report)
        with self._locked():
            index = vector_index.build_index(vectors, embedder.dimension)
            stored = {
                d.doc_id: StoredDocument(
                    **{**self.documents[d.doc_id].to_dict(), "passages": sum(p.doc_id == d.doc_id for p in passages)}
                )
                for d in documents
            }
            self._commit(index, passages, stored, model=embedder.name, dimension=embedder.dimension)
        return len(passages)

    # ---- reading -------------------------------------------------------------------------------------------------

    def search_vectors(
        self, queries: np.ndarray, top_k: int, passage_filter: PassageFilter | None = None
    ) -> list[list[tuple[Passage, float]]]:
        """The `top_k` passages nearest each query vector by inner product, best first."""
        if top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {top_k}")
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if queries.ndim != 2 or queries.shape[1] != self.manifest.dimension:
            raise ValueError(f"query vectors must have shape (n, {self.manifest.dimension}), got {queries.shape}")
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
        return np.array([i for i, p in enumerate(self.passages) if passage_filter.allows(p)], dtype=np.int64)

    def size_bytes(self) -> int:
        """Bytes on disk of the current generation and its manifest."""
        return directory_size(self.directory)

    # ---- internals -----------------------------------------------------------------------------------------------

    def _index_with(self, keep_rows: Sequence[int], new_vectors: np.ndarray | None) -> faiss.Index:
        """A new index of the kept rows' vectors (read back from the current index) followed by new vectors."""
        if len(keep_rows) == self.index.ntotal:
            kept = vector_index.reconstruct(self.index)
        else:
            kept = vector_index.reconstruct(self.index, np.asarray(keep_rows, dtype=np.int64))
        parts = [kept] + ([new_vectors] if new_vectors is not None and len(new_vectors) else [])
        return vector_index.build_index(np.vstack(parts), self.manifest.dimension)

    def _commit(
        self,
        index: faiss.Index,
        passages: list[Passage],
        documents: dict[str, StoredDocument],
        *,
        model: str | None = None,
        dimension: int | None = None,
    ) -> None:
        """Write a new generation and switch this object to it (call with the lock held)."""
        lexical = LexicalIndex.build([indexed_text(p) for p in passages])
        manifest = self.manifest.next(
            documents=len(documents),
            passages=len(passages),
            index_type=vector_index.kind_of(index),
            model=model,
            dimension=dimension,
        )
        self._write_generation(manifest, index, passages, documents, lexical)
        self.manifest, self.index, self.passages, self.documents, self.lexical = (
            manifest,
            index,
            passages,
            documents,
            lexical,
        )

    def _write_generation(
        self,
        manifest: Manifest,
        index: faiss.Index,
        passages: Sequence[Passage],
        documents: dict[str, StoredDocument],
        lexical: LexicalIndex,
    ) -> None:
        previous = self.manifest.generation if manifest.generation != self.manifest.generation else None
        faiss.write_index(index, str(self.directory / manifest.file("index")))
        write_jsonl(self.directory / manifest.file("passages"), (p.to_dict() for p in passages))
        write_jsonl(self.directory / manifest.file("documents"), (d.to_dict() for d in documents.values()))
        lexical_dir = self.directory / manifest.file("lexical")
        if lexical_dir.exists():
            shutil.rmtree(lexical_dir)  # left by an earlier interrupted change of the same generation
        lexical.save(lexical_dir)
        write_manifest(self.directory, manifest)  # the commit point
        if previous is not None:
            for kind in ("index", "passages", "documents"):
                with contextlib.suppress(FileNotFoundError):
                    (self.directory / self.manifest.file(kind, previous)).unlink()
            shutil.rmtree(self.directory / self.manifest.file("lexical", previous), ignore_errors=True)

    def _reload_if_changed(self) -> None:
        """Another process may have changed the corpus since it was opened: start from what is on disk."""
        on_disk = read_manifest(self.directory)
        if on_disk.generation != self.manifest.generation:
            fresh = Corpus.open(self.directory)
            self.manifest, self.index, self.passages, self.documents, self.lexical = (
                fresh.manifest,
                fresh.index,
                fresh.passages,
                fresh.documents,
                fresh.lexical,
            )

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.directory / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
