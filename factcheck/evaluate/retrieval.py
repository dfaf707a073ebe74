"""`factcheck eval retrieval`: dense, BM25 and hybrid retrieval scored on claim-evidence benchmarks in one run."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.evaluate.fusion_choice import SYSTEMS, ClaimLists, claim_lists, rank_fusions, rank_systems
from factcheck.evaluate.metrics import reciprocal_rank
from factcheck.evaluate.report import Row
from factcheck.evaluate.retrieval_sets import (
    HALVES,
    RetrievalSet,
    read_averitec,
    read_clef2020_claims,
    read_climate_fever,
    read_fever_symmetric,
)
from factcheck.fusion import FusionSettings
from factcheck.rerank import Reranker
from factcheck.store.backends import open_store

SPLITS = ("all", "tune", "report", "halves")


def read_sets(data_dir: Path) -> list[RetrievalSet]:
    """Every claim-to-evidence set of the shared data folder, in the order the docs show them."""
    return [
        read_climate_fever(data_dir / "climate-fever"),
        read_climate_fever(data_dir / "climate-fever", use_titles=True),
        read_averitec(data_dir / "averitec"),
        read_averitec(data_dir / "averitec", numerical_only=True),
        read_fever_symmetric(data_dir / "fever-symmetric"),
        read_clef2020_claims(data_dir / "clef2020-checkthat-task2"),
    ]


def compare_stores(
    sets: Sequence[RetrievalSet],
    embedder: Embedder,
    store_kinds: Sequence[str],
    log: Callable[[str], None] = print,
) -> list[Row]:
    """`evaluate_retrieval` on each store kind, each text embedded once for all of them; rows name their store."""
    remembering = _RememberingEmbedder(embedder)
    rows = []
    for kind in store_kinds:
        log(f"store: {kind}")
        for row in evaluate_retrieval(sets, remembering, log=log, store_kind=kind):
            rows.append(Row(f"{row.data} [{kind}]", row.metric, row.value, row.n, row.bar))
    return rows


class _RememberingEmbedder:
    """An embedder that keeps every vector it made, so a second store is built from the same vectors."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self.name = embedder.name
        self.dimension = embedder.dimension
        self._documents: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}

    def encode_documents(self, texts: Sequence[str], progress=None) -> np.ndarray:
        return self._encode(texts, self._documents, lambda new: self._embedder.encode_documents(new, progress))

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._queries, self._embedder.encode_queries)

    def _encode(self, texts, kept: dict, encode) -> np.ndarray:
        new = list(dict.fromkeys(t for t in texts if t not in kept))
        if new:
            kept.update(zip(new, encode(new), strict=True))
        return np.vstack([kept[t] for t in texts]) if texts else np.zeros((0, self.dimension), dtype=np.float32)


def evaluate_retrieval(
    sets: Sequence[RetrievalSet],
    embedder: Embedder,
    log: Callable[[str], None] = print,
    split: str = "all",
    grid: Sequence[FusionSettings] = (),
    reranker: Reranker | None = None,
    store_kind: str = "faiss",
) -> list[Row]:
    """hit@1/5/10, recall@5/10 and MRR of each system on each set; all systems share one index per set.

    The systems: dense, BM25 (lexical), the per-query fusion alone, hybrid (search.batch_search as the app runs it:
    the fusion re-ranked by `reranker`, or the fusion alone when it is None) and, for comparison, the fusion used
    before per-query weights (fixed 0.6 dense / 0.4 BM25 z-scores over the same channel lists), alone and re-ranked.
    With a `reranker`, the systems that fuse are also ranked by the choosing rule on each scored half.
    `split`: "all" scores every claim; "tune" or "report" one fixed half of each set (retrieval_sets.half_of);
    "halves" both halves, one after the other, from the same index. `grid`: fusion settings to rank against the
    better single channel on each scored half (fusion_choice.py), as rows after the systems. `store_kind`
    'milvus-lite' builds each set's index in a temporary Milvus Lite file instead of a FAISS folder (the two stores
    must give the same figures).
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}; got {split!r}")
    if store_kind not in ("faiss", "milvus-lite"):
        raise ValueError(f"store_kind must be 'faiss' or 'milvus-lite', got {store_kind!r}")
    halves = HALVES if split == "halves" else (split,)
    rows: list[Row] = []
    outcomes: dict[str, list[tuple[str, list[ClaimLists]]]] = {half: [] for half in halves}
    for whole_set in sets:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            store = open_store(f"milvus-lite:{folder}/eval.db" if store_kind == "milvus-lite" else folder)
            corpus = store.open_or_create("eval", embedder)
            documents = [
                Document.from_text(text, doc_id=key, title=title if whole_set.use_titles else None)
                for key, (text, title) in whole_set.pool.items()
            ]
            corpus.add_documents(documents, embedder)
            # Identical texts are stored once: a hit on the kept copy counts for every id with the same text.
            alias = {d.doc_id: d.content_hash for d in documents}
            built = time.perf_counter() - started
            log(f"{whole_set.name}: {len(documents)} pool items indexed in {built:.1f}s")
            for half in halves:
                retrieval_set = whole_set.half(half)
                started = time.perf_counter()
                lists = claim_lists(retrieval_set.claims, corpus, embedder, alias, reranker)
                for system in SYSTEMS if reranker is not None else SYSTEMS[:5]:
                    rows.extend(_metric_rows(retrieval_set.name, system, lists))
                outcomes[half].append((whole_set.name, lists))
                log(f"  {retrieval_set.name}: {len(lists)} claims in {time.perf_counter() - started:.1f}s")
            if hasattr(store, "close"):
                store.close()
    if reranker is not None:
        for half in halves:
            label = f"{half} halves" if half != "all" else "whole sets"
            rows.extend(rank_systems([s for s in SYSTEMS if s not in ("dense", "lexical")], outcomes[half], label))
    if grid:
        for half in halves:
            rows.extend(rank_fusions(grid, outcomes[half], f"{half} halves" if half != "all" else "whole sets"))
    return rows


def _metric_rows(name: str, system: str, lists: Sequence[ClaimLists]) -> list[Row]:
    totals = dict.fromkeys(("hit@1", "hit@5", "hit@10", "recall@5", "recall@10", "MRR"), 0.0)
    for claim in lists:
        ranked, gold_items = claim.ranked(system), set(claim.gold)
        for k in (1, 5, 10):
            totals[f"hit@{k}"] += any(r in gold_items for r in ranked[:k])
        for k in (5, 10):
            totals[f"recall@{k}"] += len(gold_items & set(ranked[:k])) / len(gold_items) if gold_items else 0.0
        totals["MRR"] += reciprocal_rank(ranked, gold_items)
    rows = []
    for metric, value in totals.items():
        # The retrieval issue's bar: hybrid hit@5 >= 0.62 on CLIMATE-FEVER (and better than both channels).
        bar = ">= 0.62" if name.startswith("CLIMATE-FEVER") and system == "hybrid" and metric == "hit@5" else ""
        rows.append(Row(name, f"{system} {metric}", value / (len(lists) or 1), f"{len(lists)} claims", bar))
    return rows
