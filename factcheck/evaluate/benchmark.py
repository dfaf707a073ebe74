"""`factcheck bench retrieval`: ingest throughput, query latency and memory of factcheck's retrieval beside the
naive pipeline (`SentenceTransformer.encode` + `IndexFlatIP`), measured in the same run."""

from __future__ import annotations

import gc
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import faiss
import numpy as np

from factcheck.documents import Document
from factcheck.embed import SentenceTransformerEmbedder, packaged_model_path
from factcheck.evaluate.report import Row
from factcheck.rerank import configured_reranker
from factcheck.search import SearchMode, batch_search
from factcheck.store import Corpus, IndexStore, Passage, vector_index

_PLACES = "Aleppo Darayya Jarablus Homs Idlib Raqqa Damascus Geneva Moscow Ankara Beirut Amman Gaziantep".split()
_GROUPS = "the UN|the Red Cross|the ministry|local officials|aid agencies|the council|monitors|the envoy".split("|")
_THINGS = "residents|trucks|families|food parcels|children|medical kits|fighters|displaced people".split("|")
_VERBS = "said|reported|estimated|confirmed|warned|announced".split("|")
_HEDGES = ["almost", "about", "more than", "nearly", "at least", "", "", ""]


def synthetic_passages(count: int, seed: int = 0) -> list[str]:
    """News-like sentences (about 25 words) with figures, places and sources, reproducible from `seed`."""
    rng = np.random.default_rng(seed)
    texts = []
    for number in range(count):
        place, other = rng.choice(_PLACES, 2, replace=False)
        figure = f"{int(rng.integers(2, 900)) * int(rng.choice([1, 10, 100, 1000])):,}"
        texts.append(
            f"{rng.choice(_GROUPS).capitalize()} {rng.choice(_VERBS)} that {rng.choice(_HEDGES)} {figure} "
            f"{rng.choice(_THINGS)} in {place} were affected after a {int(rng.integers(1, 96))}-hour pause near "
            f"{other}, in report {number} of the series."
        )
    return [" ".join(t.split()) for t in texts]


def run_benchmark(
    sizes: Sequence[int],
    *,
    embed_sample: int = 10_000,
    queries: int = 200,
    log: Callable[[str], None] = print,
) -> list[Row]:
    """Every figure of docs/retrieval.md's speed table; see the module docstring."""
    rows: list[Row] = []
    texts = synthetic_passages(embed_sample, seed=1)
    query_texts = synthetic_passages(queries, seed=2)

    # ---- ingest: embedding and indexing real text, both pipelines on the same passages
    from sentence_transformers import SentenceTransformer

    naive_model = SentenceTransformer(str(packaged_model_path()), device="cpu")
    started = time.perf_counter()
    naive_vectors = naive_model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    naive_index = faiss.IndexFlatIP(naive_vectors.shape[1])
    naive_index.add(naive_vectors)
    naive_seconds = time.perf_counter() - started
    rows.append(Row(f"ingest {embed_sample:,} passages", "naive passages/s", embed_sample / naive_seconds, "1 run"))
    log(f"naive ingest: {embed_sample / naive_seconds:.0f} passages/s")

    embedder = SentenceTransformerEmbedder()
    embedder.warm_up()
    documents = [Document.from_text(t, doc_id=f"p{i}") for i, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        IndexStore(folder).open_or_create("bench", embedder).add_documents(documents, embedder)
        ours_seconds = time.perf_counter() - started
    rows.append(Row(f"ingest {embed_sample:,} passages", "factcheck passages/s", embed_sample / ours_seconds, "1 run"))
    log(f"factcheck ingest (split, embed, BM25, index, write): {embed_sample / ours_seconds:.0f} passages/s")
    our_vectors = embedder.encode_documents(texts)

    # ---- query embedding time, the same for every corpus size
    naive_encode = _latencies(lambda q: naive_model.encode([q], normalize_embeddings=True), query_texts)
    our_encode = _latencies(lambda q: embedder.encode_queries([q]), query_texts)
    rows.append(Row("query embedding", "naive p50 ms", float(np.percentile(naive_encode, 50)), f"{queries} queries"))
    rows.append(Row("query embedding", "factcheck p50 ms", float(np.percentile(our_encode, 50)), f"{queries} queries"))

    for size in sizes:
        rows.extend(_size_rows(size, our_vectors, naive_vectors, embedder, naive_model, query_texts, log))
    return rows


def _size_rows(size, our_vectors, naive_vectors, embedder, naive_model, query_texts, log) -> list[Row]:
    label = f"{size:,} passages"
    texts = synthetic_passages(size, seed=3)
    # Beyond the embedded sample, vectors are real embeddings resampled with noise: the same distribution, without
    # hours of embedding. Text (for BM25) is synthetic at every size.
    ours = _resample(our_vectors, size, seed=4)
    naive = _resample(naive_vectors, size, seed=4)
    rows = []

    started = time.perf_counter()
    index = faiss.IndexFlatIP(naive.shape[1])
    index.add(naive)
    naive_build = time.perf_counter() - started
    # The naive pipeline holds the flat index and the texts: counted exactly rather than by RSS, which the
    # allocator blurs at this scale.
    naive_bytes = faiss.serialize_index(index).nbytes + sum(len(t.encode("utf-8")) for t in texts)
    naive_queries = naive_model.encode(query_texts, normalize_embeddings=True)
    naive_latency = _search_latencies(index, naive_queries)
    rows += [
        Row(label, "naive index build s", naive_build, "IndexFlatIP"),
        Row(label, "naive search p50 ms", float(np.percentile(naive_latency, 50)), "k=10, one query at a time"),
        Row(label, "naive search p95 ms", float(np.percentile(naive_latency, 95)), "k=10, one query at a time"),
        Row(label, "naive memory bytes/passage", naive_bytes / size, "vectors + texts"),
    ]
    del index
    gc.collect()

    with tempfile.TemporaryDirectory() as folder:
        documents = [Document(doc_id=f"p{i}", text=t) for i, t in enumerate(texts)]
        passages = [Passage(f"{d.doc_id}:0", d.doc_id, d.text, 0, len(d.text)) for d in documents]
        started = time.perf_counter()
        Corpus.create_from_vectors(Path(folder) / "bench", "bench", embedder, documents, passages, ours)
        build = time.perf_counter() - started
        del documents, passages
        gc.collect()
        before = _rss_bytes()
        corpus = Corpus.open(Path(folder) / "bench", embedder)
        loaded = _rss_bytes() - before
        disk = corpus.size_bytes()
        our_queries = embedder.encode_queries(query_texts)
        dense = _latencies(lambda q: corpus.search_vectors(q[None, :], 10), list(our_queries))
        # With and without the re-rank, query by query in turn, so both see the same load on a shared machine.
        reranker = configured_reranker("on")
        hybrid, fused_only = _paired_latencies(
            lambda q: batch_search([corpus], embedder, [q], 10, mode=SearchMode.HYBRID, reranker=reranker),
            lambda q: batch_search([corpus], embedder, [q], 10, mode=SearchMode.HYBRID, reranker=None),
            query_texts,
        )
        rows += [
            Row(label, f"factcheck build s ({corpus.manifest.index_type} + BM25 + files)", build, "1 run"),
            Row(label, "factcheck dense search p50 ms", float(np.percentile(dense, 50)), corpus.manifest.index_type),
            Row(label, "factcheck dense search p95 ms", float(np.percentile(dense, 95)), corpus.manifest.index_type),
            Row(
                label,
                "factcheck hybrid query p50 ms",
                float(np.percentile(hybrid, 50)),
                "embed + dense + BM25 + fusion + re-rank",
            ),
            Row(
                label,
                "factcheck hybrid query p95 ms",
                float(np.percentile(hybrid, 95)),
                "embed + dense + BM25 + fusion + re-rank",
            ),
            Row(label, "hybrid without re-rank p50 ms", float(np.percentile(fused_only, 50)), "same queries, in turn"),
            Row(label, "hybrid without re-rank p95 ms", float(np.percentile(fused_only, 95)), "same queries, in turn"),
            Row(label, "factcheck memory bytes/passage", loaded / size, "RSS growth on open: index, BM25, passages"),
            Row(label, "factcheck vector index bytes/passage", faiss.serialize_index(corpus.index).nbytes / size, ""),
            Row(label, "factcheck disk bytes/passage", disk / size, "all files of the corpus"),
        ]
        if corpus.manifest.index_type != vector_index.FLAT:
            exact = vector_index.build_index(ours, ours.shape[1], vector_index.FLAT)
            _, truth = exact.search(our_queries, 10)
            _, found = corpus.index.search(our_queries, 10)
            recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found, strict=True)])
            rows.append(Row(label, "factcheck ANN recall@10 vs exact", float(recall), f"{len(our_queries)} queries"))
    log(f"{label}: done")
    return rows


def _search_latencies(index: faiss.Index, queries: np.ndarray) -> np.ndarray:
    return _latencies(lambda q: index.search(q[None, :], 10), list(queries))


def _resample(vectors: np.ndarray, size: int, seed: int) -> np.ndarray:
    if size <= len(vectors):
        return np.ascontiguousarray(vectors[:size])
    rng = np.random.default_rng(seed)
    picked = vectors[rng.integers(0, len(vectors), size)]
    picked = picked + rng.normal(scale=0.02, size=picked.shape).astype(np.float32)
    return np.ascontiguousarray(picked / np.linalg.norm(picked, axis=1, keepdims=True), dtype=np.float32)


def _latencies(call: Callable, items: Sequence) -> np.ndarray:
    call(items[0])  # warm caches and lazy state
    times = []
    for item in items:
        started = time.perf_counter()
        call(item)
        times.append((time.perf_counter() - started) * 1000)
    return np.array(times)


def _paired_latencies(first: Callable, second: Callable, items: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Milliseconds of two calls on each item, run one after the other item by item (after one warm-up each)."""
    first(items[0])
    second(items[0])
    times: tuple[list[float], list[float]] = ([], [])
    for item in items:
        for call, found in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            call(item)
            found.append((time.perf_counter() - started) * 1000)
    return np.array(times[0]), np.array(times[1])


def _rss_bytes() -> int:
    gc.collect()
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


_NAIVE_FIGURE = re.compile(r"\d[\d,.]*")
_NAIVE_QUOTE = re.compile(r"[\"“]([^\"”]+)[\"”]")


def run_extraction_benchmark(articles: Sequence[str], *, words: int = 1_000, repeats: int = 200) -> list[Row]:
    """Milliseconds to extract claims from a `words`-word article built from `articles`, beside a naive baseline
    (syntok sentences plus one regex for digits and one for double-quoted strings: no attribution, no units)."""
    from factcheck.extract import extract_claims, split_sentences

    pool = " ".join(articles).split()
    text = " ".join((pool * (words // max(len(pool), 1) + 1))[:words])
    document = Document.from_text(text, doc_id="bench")

    def naive() -> None:
        split_sentences(document.text)
        _NAIVE_FIGURE.findall(document.text)
        _NAIVE_QUOTE.findall(document.text)

    timings = {
        "naive (sentences + regex)": _latencies(lambda _: naive(), range(repeats)),
        "factcheck extract_claims": _latencies(lambda _: extract_claims(document), range(repeats)),
    }
    label = f"{words:,}-word article"
    rows = []
    for name, times in timings.items():
        rows.append(Row(label, f"{name} p50 ms", float(np.percentile(times, 50)), f"{repeats} runs"))
        rows.append(Row(label, f"{name} p95 ms", float(np.percentile(times, 95)), f"{repeats} runs"))
    return rows
