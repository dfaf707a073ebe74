"""`factcheck bench scale`: newsroom-archive figures (embedding paths, ingest, query latency at up to 1M passages,
a 1,000-word article, bulk checking), each beside the naive pipeline measured in the same run, interleaved."""

from __future__ import annotations

import gc
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from factcheck.bulk import check_articles
from factcheck.check import check_claims, forget_remembered_texts
from factcheck.documents import Document
from factcheck.embed import SentenceTransformerEmbedder, packaged_model_path
from factcheck.embed_cache import CachedEmbedder, EmbeddingCache
from factcheck.embed_onnx import SAMPLE
from factcheck.evaluate.benchmark import _resample, synthetic_passages
from factcheck.extract import extract_claims
from factcheck.readers import read_path
from factcheck.search import SearchMode, batch_search
from factcheck.store import Corpus, IndexStore, Passage
from factcheck.store.manifest import read_manifest
from factcheck.store.passages import indexed_text


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure, the naive pipeline's beside factcheck's (None where a side has no such figure)."""

    section: str
    what: str
    naive: float | None
    ours: float | None
    note: str = ""
    bar: str = ""


Log = Callable[[str], None]


def embedding_paths(embedder: SentenceTransformerEmbedder, texts: Sequence[str]) -> list[Figure]:
    profile = embedder.calibrate(texts)
    figures = []
    for m in profile.measurements:
        chosen = " (chosen)" if m.path == profile.chosen else ""
        note = f"min cosine {m.min_cosine:.5f}, same top-10 {m.neighbour_agreement:.3f}, " + (
            "faithful" if m.faithful else "not faithful"
        )
        figures.append(Figure("embedding paths", f"{m.path.label}{chosen}, texts/s", None, m.texts_per_second, note))
    return figures


def ingest(size: int, naive_model, embedder, folder: Path, log: Log) -> tuple[list[Figure], np.ndarray]:
    """Both pipelines over the same `size` passages, in two halves run naive, ours, ours, naive (so a change in the
    machine's load during the run falls on both). Then a re-add (rebuild) through the cache."""
    texts = synthetic_passages(size, seed=1)
    documents = [Document.from_text(t, doc_id=f"p{i}") for i, t in enumerate(texts)]
    halves = [slice(0, size // 2), slice(size // 2, size)]
    cache = CachedEmbedder(embedder, EmbeddingCache(folder / f"cache-{size}.sqlite"))
    corpus = IndexStore(folder).open_or_create(f"ingest-{size}", cache)
    naive_index = faiss.IndexFlatIP(embedder.dimension)
    naive_seconds = ours_seconds = 0.0
    for step, (who, part) in enumerate([("naive", 0), ("ours", 0), ("ours", 1), ("naive", 1)]):
        started = time.perf_counter()
        if who == "naive":
            naive_index.add(naive_model.encode(texts[halves[part]], normalize_embeddings=True))
            naive_seconds += time.perf_counter() - started
        else:
            corpus.add_documents(documents[halves[part]], cache)
            ours_seconds += time.perf_counter() - started
        log(f"ingest {size:,}: step {step + 1}/4 ({who}) done")
    started = time.perf_counter()
    corpus.rebuild(cache)
    readd = time.perf_counter() - started
    label = f"{size:,} passages"
    figures = [
        Figure("ingest", f"{label}: passages/s", size / naive_seconds, size / ours_seconds, "whole pipeline"),
        Figure("ingest", f"{label}: speed-up over naive", 1.0, naive_seconds / ours_seconds, "", ">= 1.5"),
        Figure(
            "ingest",
            f"{label}: re-add (rebuild) passages/s",
            size / naive_seconds,
            size / readd,
            f"naive re-embeds everything; factcheck embedded {cache.embedded:,} texts in all (cache)",
        ),
    ]
    vectors = cache.encode_documents([indexed_text(p) for p in corpus.passages])  # from the cache: no model call
    return figures, vectors


def open_or_build(folder: Path, size: int, base: np.ndarray, embedder, log: Log) -> tuple[Corpus, np.ndarray, float]:
    """The synthetic corpus of `size` passages in `folder` (built once, reused by later runs) and its vectors."""
    vectors = _resample(base, size, seed=4)
    directory = folder / f"synthetic-{size}"
    build = float("nan")
    try:
        same = read_manifest(directory).passages == size
    except Exception:  # noqa: BLE001 - anything unreadable is simply built again
        same = False
    if not same:
        shutil.rmtree(directory, ignore_errors=True)
        texts = synthetic_passages(size, seed=3)
        documents = [Document(doc_id=f"p{i}", text=t) for i, t in enumerate(texts)]
        passages = [Passage(f"{d.doc_id}:0", d.doc_id, d.text, 0, len(d.text)) for d in documents]
        started = time.perf_counter()
        Corpus.create_from_vectors(directory, f"synthetic-{size}", embedder, documents, passages, vectors)
        build = time.perf_counter() - started
        del texts, documents, passages
        gc.collect()
        log(f"built the {size:,}-passage corpus in {build:.0f} s")
    return Corpus.open(directory, embedder), vectors, build


def query_latency(corpus: Corpus, vectors: np.ndarray, embedder, naive_model, queries: Sequence[str]) -> list[Figure]:
    """Per query, interleaved: naive (embed + exact flat scan) and factcheck's stages and whole hybrid query."""
    label = f"{len(vectors):,} passages"
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    stages: dict[str, list[float]] = {k: [] for k in ("naive", "embed", "dense", "bm25", "bm25s", "hybrid")}
    query_vectors = embedder.encode_queries(list(queries))
    from factcheck.store.lexical import tokenize

    # The earlier channel (bm25s over the whole corpus) as the naive BM25; indexing a million passages with it takes
    # longer than the rest of this section, so above that size only factcheck's channel is timed.
    model = None
    if len(corpus.passages) <= _BM25S_UP_TO:
        import bm25s

        model = bm25s.BM25()
        model.index([tokenize(indexed_text(p)) or ["\x00empty"] for p in corpus.passages], show_progress=False)

    def timed(name: str, call: Callable[[], object]) -> None:
        started = time.perf_counter()
        call()
        stages[name].append((time.perf_counter() - started) * 1000)

    for number, text in enumerate(queries):
        vector = query_vectors[number : number + 1]
        timed("naive", lambda: exact.search(naive_model.encode([text], normalize_embeddings=True), 10))  # noqa: B023
        timed("embed", lambda: embedder.encode_queries([text]))  # noqa: B023
        timed("dense", lambda: corpus.search_vectors(vector, 100))  # noqa: B023
        timed("bm25", lambda: corpus.search_lexical([text], 100))  # noqa: B023
        if model is not None:
            timed("bm25s", lambda: model.retrieve([tokenize(text)], k=100, show_progress=False, n_threads=1))  # noqa: B023
        timed("hybrid", lambda: batch_search([corpus], embedder, [text], 10, mode=SearchMode.HYBRID))  # noqa: B023
    _, truth = exact.search(query_vectors, 10)
    _, found = corpus.index.search(query_vectors, 10)
    recall = float(np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found, strict=True)]))
    p50 = {k: float(np.percentile(v[1:], 50)) if v[1:] else None for k, v in stages.items()}  # first call warms
    p95 = {k: float(np.percentile(v[1:], 95)) if v[1:] else None for k, v in stages.items()}
    kind = corpus.manifest.index_type
    n = f"{len(queries) - 1} queries"
    return [
        Figure(
            "query", f"{label}: query p50 ms", p50["naive"], p50["hybrid"], f"naive: embed + exact scan; {n}", "<= 20"
        ),
        Figure("query", f"{label}: query p95 ms", p95["naive"], p95["hybrid"], "factcheck: hybrid, k=10", "<= 50"),
        Figure("query", f"{label}: embedding the query p50 ms", None, p50["embed"]),
        Figure("query", f"{label}: dense search p50 ms", None, p50["dense"], f"{kind}, depth 100"),
        Figure(
            "query",
            f"{label}: BM25 p50 ms",
            p50["bm25s"],
            p50["bm25"],
            "naive: bm25s retrieve (the previous channel); factcheck: max-score top-k, depth 100",
        ),
        Figure("query", f"{label}: BM25 p95 ms", p95["bm25s"], p95["bm25"]),
        Figure(
            "query", f"{label}: dense recall@10 vs exact", 1.0, recall, f"{kind}; {len(queries)} queries", ">= 0.97"
        ),
    ]


_BM25S_UP_TO = 200_000


def article_check(corpus: Corpus, vectors: np.ndarray, embedder, naive_model, article: Document, runs: int):
    """A 1,000-word article end to end (extract, retrieve, compare), warm; naive: the same claims, each embedded
    and scanned exactly one at a time."""
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    ours, naive = [], []
    for _ in range(runs + 1):
        started = time.perf_counter()
        claims = extract_claims(article)
        for claim in claims:
            exact.search(naive_model.encode([claim.sentence], normalize_embeddings=True), 5)
        naive.append(time.perf_counter() - started)
        forget_remembered_texts()  # warm: the model and corpus loaded, but no passage of this article seen before
        started = time.perf_counter()
        check_claims(extract_claims(article), [corpus], embedder, 5)
        ours.append(time.perf_counter() - started)
    label = f"1,000-word article, {len(vectors):,} passages"
    note = f"{len(claims)} claims, median of {runs} warm runs; naive: claims embedded and scanned one by one"
    return [Figure("article", f"{label}: s", float(np.median(naive[1:])), float(np.median(ours[1:])), note, "<= 1")]


def bulk(corpus: Corpus, embedder, articles: Sequence[Path], count: int, folder: Path) -> list[Figure]:
    """Articles per minute: one at a time (as `check` did) beside grouped, in halves run A B B A."""
    target = folder / "articles"
    target.mkdir(exist_ok=True)
    for number in range(count):
        source = articles[number % len(articles)]
        shutil.copy(source, target / f"{number:05d}_{source.name}")
    paths = sorted(target.iterdir())
    halves = [paths[: count // 2], paths[count // 2 :]]
    seconds = {1: 0.0, 16: 0.0}
    for group, half in [(1, 0), (16, 0), (16, 1), (1, 1)]:
        started = time.perf_counter()
        for _ in check_articles(halves[half], [corpus], embedder, read_path, 5, group=group):
            pass
        seconds[group] += time.perf_counter() - started
    return [
        Figure(
            "bulk check",
            f"{count} articles, {len(corpus.passages):,} passages: articles/minute",
            60 * count / seconds[1],
            60 * count / seconds[16],
            "naive: one article at a time; factcheck: 16 articles per retrieval batch",
        )
    ]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def query_runtime(embedder: SentenceTransformerEmbedder) -> list[Figure]:
    """How one query is embedded here (`embed_onnx`'s verdict, judged when the embedder warmed up): torch's and
    ONNX Runtime's median time for one text on one thread, and whether the ONNX path is used."""
    verdict = embedder.query_runtime_verdict()
    if verdict is None:
        return [Figure("embedding paths", "one query on ONNX Runtime", None, None, "ONNX Runtime not installed")]
    note = (
        f"{'used' if verdict.use else 'not used'}: {verdict.reason}; lowest cosine {verdict.min_cosine:.6f}, "
        f"same top-10 {verdict.neighbour_agreement:.3f} over {len(SAMPLE)} query-like texts"
    )
    return [
        Figure("embedding paths", "one query, torch fp32 on 1 thread, median ms", None, verdict.torch_ms),
        Figure("embedding paths", "one query, ONNX Runtime fp32 on 1 thread, median ms", None, verdict.onnx_ms, note),
    ]


def run_scale_benchmark(
    *,
    ingest_sizes: Sequence[int],
    query_sizes: Sequence[int],
    queries: int,
    articles: int,
    work_dir: Path | None,
    article_paths: Sequence[Path],
    app_runs: int = 2,
    ingest_stand_in: int = 0,
    log: Log = print,
) -> list[Figure]:
    from sentence_transformers import SentenceTransformer

    naive_model = SentenceTransformer(str(packaged_model_path()), device="cpu")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        embedder = SentenceTransformerEmbedder(cache_dir=scratch_dir)
        embedder.warm_up()
        figures += embedding_paths(embedder, synthetic_passages(256, seed=7))
        figures += query_runtime(embedder)
        log("embedding paths measured")
        base = None
        for size in ingest_sizes:
            rows, base = ingest(size, naive_model, embedder, scratch_dir, log)
            figures += rows
        if ingest_stand_in:
            from factcheck.evaluate.bench_ingest import stand_in_ingest

            figures += stand_in_ingest(ingest_stand_in, scratch_dir / "stand-in", log)
            shutil.rmtree(scratch_dir / "stand-in", ignore_errors=True)
        folder = work_dir or scratch_dir
        folder.mkdir(parents=True, exist_ok=True)
        # The synthetic corpora resample real embeddings; a work folder keeps both, so a later run reuses them.
        if (folder / "base.npy").is_file():
            base = np.load(folder / "base.npy")
        elif base is None:
            base = embedder.encode_documents(synthetic_passages(2000, seed=1))
        np.save(folder / "base.npy", base)
        query_texts = synthetic_passages(queries + 1, seed=2)
        pool = " ".join(d.text for p in article_paths for d in read_path(p)).split()
        article = Document.from_text(" ".join((pool * (1000 // max(len(pool), 1) + 1))[:1000]), doc_id="bench")
        for size in query_sizes:
            before = peak_rss_mb()
            corpus, vectors, build = open_or_build(folder, size, base, embedder, log)
            label = f"{size:,} passages"
            figures.append(
                Figure(
                    "memory",
                    f"{label}: peak RSS MB of this benchmark process after build and open",
                    None,
                    peak_rss_mb(),
                    f"{before:.0f} MB before; build {build:.0f} s (nan: reused); it also holds every vector and an "
                    "exact index of them for the naive column: the bound applies to the fresh-process row below",
                )
            )
            from factcheck.evaluate.bench_open import open_and_search

            figures += open_and_search(folder / f"synthetic-{size}", queries, size)
            figures += query_latency(corpus, vectors, embedder, naive_model, query_texts)
            log(f"{label}: queries measured")
            figures += article_check(corpus, vectors, embedder, naive_model, article, runs=3)
            log(f"{label}: article measured")
            if size == query_sizes[0] and articles:
                figures += bulk(corpus, embedder, article_paths, articles, scratch_dir)
                log("bulk check measured")
            del corpus, vectors
            gc.collect()
    if app_runs:
        from factcheck.evaluate.bench_app import app_start

        figures += app_start(app_runs)
        log("app start measured")
    return figures
