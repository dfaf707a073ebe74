"""`factcheck bench stores`: what a corpus costs in the FAISS folder store and in Milvus (Milvus Lite here), side by
side in one run: build time, disk and memory per passage, dense / BM25 / hybrid query latency."""

from __future__ import annotations

import gc
import hashlib
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from factcheck.documents import Document
from factcheck.evaluate.benchmark import _latencies, _rss_bytes, synthetic_passages
from factcheck.evaluate.report import Row
from factcheck.search import CHANNEL_DEPTH, SearchMode, batch_search
from factcheck.store import Corpus, Passage
from factcheck.store.backends import CorpusLike
from factcheck.store.corpus_files import directory_size
from factcheck.store.milvus import MilvusStore

DIMENSION = 384


class RandomUnitEmbedder:
    """Stands in for the model in a cost benchmark: a unit vector seeded by the text (cost, not quality, is
    measured; query embedding is left out of the latencies, it is the same for both stores)."""

    name = "random-unit-vectors"
    dimension = DIMENSION

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.vstack([_unit(text) for text in texts])

    def encode_documents(self, texts: Sequence[str], progress=None) -> np.ndarray:
        return self.encode_queries(texts)


def _unit(text: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
    vector = np.random.default_rng(seed).normal(size=DIMENSION).astype(np.float32)
    return vector / np.linalg.norm(vector)


def run_store_benchmark(sizes: Sequence[int], *, queries: int = 100, log: Callable[[str], None] = print) -> list[Row]:
    """For each size: the same synthetic passages and vectors in both stores, then the same queries on both."""
    embedder = RandomUnitEmbedder()
    query_texts = synthetic_passages(queries, seed=2)
    rows: list[Row] = []
    for size in sizes:
        texts = synthetic_passages(size, seed=3)
        documents = [Document(doc_id=f"p{i}", text=t) for i, t in enumerate(texts)]
        passages = [Passage(f"{d.doc_id}:0", d.doc_id, d.text, 0, len(d.text)) for d in documents]
        vectors = np.random.default_rng(4).normal(size=(size, DIMENSION)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        with tempfile.TemporaryDirectory() as folder:
            for store in ("faiss", "milvus-lite"):
                rows.extend(_one_store(store, Path(folder), documents, passages, vectors, embedder, query_texts, log))
                gc.collect()
    return rows


def _one_store(kind, folder, documents, passages, vectors, embedder, query_texts, log) -> list[Row]:
    corpus: CorpusLike
    size = len(passages)
    label = f"{size:,} passages, {kind}"
    before = _rss_bytes()
    started = time.perf_counter()
    if kind == "faiss":
        Corpus.create_from_vectors(folder / "faiss" / "bench", "bench", embedder, documents, passages, vectors)
    else:
        store = MilvusStore(f"milvus-lite:{folder / 'milvus.db'}")
        store.create("bench", embedder.name, embedder.dimension).add_embedded(documents, passages, vectors)
    build = time.perf_counter() - started
    log(f"{label}: built in {build:.1f}s")
    if kind == "faiss":
        opened_before = _rss_bytes()
        corpus = Corpus.open(folder / "faiss" / "bench", embedder)
        memory = _rss_bytes() - opened_before
        disk = directory_size(folder / "faiss" / "bench")
        memory_note = "RSS growth on open"
    else:
        corpus = store.open("bench", embedder)
        memory = _rss_bytes() - before  # Milvus Lite runs in this process: its growth over the build and the load
        disk = sum(path.stat().st_size for path in folder.rglob("*") if "milvus" in str(path) and path.is_file())
        memory_note = "RSS growth of the process (Milvus Lite in-process) over build and load"
    query_vectors = list(embedder.encode_queries(query_texts))
    dense = _latencies(lambda q: corpus.search_vectors(q[None, :], CHANNEL_DEPTH), query_vectors)
    lexical = _latencies(lambda q: corpus.search_lexical([q], CHANNEL_DEPTH), query_texts)
    hybrid = _latencies(lambda q: batch_search([corpus], embedder, [q], 10, mode=SearchMode.HYBRID), query_texts)
    n = f"{len(query_texts)} queries, one at a time"
    rows = [
        Row(label, "build s", build, "from vectors: no embedding; BM25 and files included"),
        Row(label, "build passages/s", size / build, ""),
        Row(label, "disk bytes/passage", disk / size, "all files"),
        Row(label, "memory bytes/passage", memory / size, memory_note),
    ]
    for name, values in (("dense top-100", dense), ("BM25 top-100", lexical), ("hybrid top-10", hybrid)):
        rows.append(Row(label, f"{name} p50 ms", float(np.percentile(values, 50)), n))
        rows.append(Row(label, f"{name} p95 ms", float(np.percentile(values, 95)), n))
    if kind != "faiss":
        store.close()
    log(f"{label}: done")
    return rows
