"""Retrieval: the passages best matching each query across one or more corpora, by meaning, by words, or both."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal

from factcheck.config import setting_value, switch
from factcheck.embed import Embedder
from factcheck.embed_batching import available_cores
from factcheck.factchecks import CorpusKind, PublishedReview
from factcheck.fusion import fuse_channels
from factcheck.query_adapter import QueryAdapter, configured_adapter
from factcheck.rerank import Reranker, configured_reranker, rerank
from factcheck.serialise import to_record
from factcheck.store import Passage
from factcheck.store.backends import CorpusLike
from factcheck.store.passages import PassageFilter

DEFAULT_TOP_K = 5
# How deep each channel looks before fusion: deep enough that a passage ranked low by one channel and high by the
# other is still seen by both.
CHANNEL_DEPTH = 100
# Whether a hybrid search runs its lexical channel beside the embedding of the queries (see batch_search).
OVERLAP_CHANNELS = True


class SearchMode(enum.Enum):
    DENSE = "dense"
    LEXICAL = "lexical"
    HYBRID = "hybrid"


@dataclass(frozen=True, slots=True)
class Hit:
    """One candidate passage for a query: its rank (1 = best), score and where it comes from.

    `score` is the ranking score of the mode used (cosine for dense, BM25 for lexical, fused for hybrid);
    `similarity` is always the cosine similarity when the dense channel ran, `dense_rank` and `lexical_rank` the
    passage's rank in each channel (None when the channel did not return it), so a reader can see why it is here.
    """

    rank: int
    score: float
    corpus: str
    doc_id: str
    passage_id: str
    text: str
    title: str | None
    url: str | None
    date: str | None
    source: str | None
    start: int
    end: int
    similarity: float | None = None
    dense_rank: int | None = None
    lexical_rank: int | None = None
    review: PublishedReview | None = None
    time: str | None = None

    @classmethod
    def from_passage(cls, passage: Passage, *, rank: int, score: float, corpus: str, **channels) -> Hit:
        return cls(
            rank=rank,
            score=score,
            corpus=corpus,
            doc_id=passage.doc_id,
            passage_id=passage.passage_id,
            text=passage.text,
            title=passage.title,
            url=passage.url,
            date=passage.date,
            source=passage.source,
            start=passage.start,
            end=passage.end,
            review=passage.review,
            time=passage.time,
            **channels,
        )

    def to_dict(self) -> dict:
        """Every field, the score and the similarity rounded to four places."""
        return to_record(self, rounded={"score": 4, "similarity": 4})


def batch_search(
    corpora: Sequence[CorpusLike],
    embedder: Embedder,
    queries: Sequence[str],
    top_k: int = DEFAULT_TOP_K,
    *,
    mode: SearchMode = SearchMode.HYBRID,
    passage_filter: PassageFilter | None = None,
    reranker: Reranker | None | str = "configured",
    adapter: QueryAdapter | None | Literal["configured"] = "configured",
) -> list[list[Hit]]:
    """For each query, the `top_k` best passages over all `corpora`.

    Dense: cosine similarity of the embeddings, merged over corpora by score. Lexical: BM25, merged over corpora by
    each corpus's score relative to its best score for the query (BM25 scores of different corpora are not on one
    scale). Hybrid: the weighted sum of each channel's z-scores over its top 100, the weights set per query by which
    channel's best passages stand out more (fusion.fuse_channels; docs/retrieval.md), then the first fused
    passages (30, or 5 when the fusion is dense-led) re-ordered by `reranker` (rerank.py): a model, None (the fused
    order is kept), or a value of the `rerank` setting ('on', 'off', a model file; "configured", the default, reads
    the setting, FACTCHECK_RERANK). 'on' is the packaged model, or, when every corpus is a fact-check corpus searched
    through the adapter, the re-rank trained with the adapter (its first 50 fused passages). Dense and lexical
    modes are not re-ranked.

    In a fact-check corpus the dense channel matches the query's vector moved by `adapter` (query_adapter.py),
    when it was trained on `embedder`'s vectors: "configured" (the default) takes the `query_adapter` setting
    (FACTCHECK_QUERY_ADAPTER, on unless set to off). Evidence corpora always get the query's own vector; so does
    every corpus when the adapter is None. A hit's `similarity` is the cosine of the vector that was matched.

    Raises:
        ValueError: `top_k` below 1 or no corpus given.
        IndexMismatchError: a corpus was built with another model than `embedder`.
        RerankModelError: the `rerank` setting names a model file that cannot be used.
        QueryAdapterError: the `query_adapter` setting names an adapter file that cannot be used.
    """
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, got {top_k}")
    if not corpora:
        raise ValueError("search needs at least one corpus")
    for corpus in corpora:
        corpus.manifest.check_model(embedder.name, embedder.dimension)
    if adapter == "configured":
        adapter = configured_adapter(setting_value("query_adapter")) if mode is not SearchMode.LEXICAL else None
    if isinstance(reranker, str):
        value = setting_value("rerank") if reranker == "configured" else reranker
        reranker = _chosen_reranker(value, corpora, adapter, embedder) if mode is SearchMode.HYBRID else None
    if not queries:
        return []
    depth = max(top_k, CHANNEL_DEPTH) if mode is SearchMode.HYBRID else top_k
    dense: list[_Ranked] | None
    lexical: list[_Ranked] | None
    if mode is SearchMode.HYBRID and _may_overlap(embedder, len(queries)):
        # BM25 runs on a free core while the model embeds the queries (torch and numpy's large array operations
        # release the GIL): the query costs about the longer of the two, not their sum.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bm25") as pool:
            pending = pool.submit(_lexical, corpora, queries, depth, passage_filter)
            dense = _dense(corpora, embedder, queries, depth, passage_filter, adapter)
            lexical = pending.result()
    else:
        dense = (
            _dense(corpora, embedder, queries, depth, passage_filter, adapter)
            if mode is not SearchMode.LEXICAL
            else None
        )
        lexical = _lexical(corpora, queries, depth, passage_filter) if mode is not SearchMode.DENSE else None
    results = []
    for position in range(len(queries)):
        dense_list = dense[position] if dense is not None else []
        lexical_list = lexical[position] if lexical is not None else []
        results.append(_combine(queries[position], dense_list, lexical_list, mode, top_k, reranker))
    return results


def _may_overlap(embedder: Embedder, count: int) -> bool:
    """Whether BM25 may run beside the embedding of `count` queries: when the model leaves a core free. Torch's
    threads wait for each other when one loses its core to BM25: at a million passages (docs/benchmarks.md) a hybrid
    query took 44 ms p50 overlapped against 39 ms one after the other with the model on both cores, and 29 against
    38 ms with the model on one. A query on the ONNX path (`embed_onnx`) computes on one thread."""
    if not OVERLAP_CHANNELS:
        return False
    query_threads = getattr(embedder, "query_threads", None)
    if query_threads is not None:
        return query_threads(count) < available_cores()
    threads = getattr(embedder, "compute_threads", None)  # None: an embedder without a thread pool (hashing)
    return threads is None or threads() < available_cores()


def search(
    corpora: Sequence[CorpusLike], embedder: Embedder, query: str, top_k: int = DEFAULT_TOP_K, **options
) -> list[Hit]:
    """The single-query form of `batch_search`."""
    return batch_search(corpora, embedder, [query], top_k, **options)[0]


_Ranked = list[tuple[str, Passage, float]]  # (corpus name, passage, score), best first


def _dense(corpora, embedder, queries, depth, passage_filter, adapter: QueryAdapter | None) -> list[_Ranked]:
    vectors = embedder.encode_queries(list(queries))
    adapted = None
    merged: list[_Ranked] = [[] for _ in queries]
    for corpus in corpora:
        searched = vectors
        if adapter is not None and uses_adapter(corpus, adapter, embedder):
            adapted = adapted if adapted is not None else adapter.adapt(vectors)
            searched = adapted
        for slot, found in zip(merged, corpus.search_vectors(searched, depth, passage_filter), strict=True):
            slot.extend((corpus.name, passage, score) for passage, score in found)
    return [_sorted(slot)[:depth] for slot in merged]


def _chosen_reranker(
    value: str | None, corpora: Sequence[CorpusLike], adapter: QueryAdapter | None, embedder: Embedder
) -> Reranker | None:
    """The re-rank a `rerank` setting value names for these corpora: the adapter's own when the value is 'on' and
    every corpus is searched through the adapter (it was trained on the adapted scores), else the setting's."""
    packaged = configured_reranker(value)
    if packaged is None or switch(value) is not True:
        return packaged
    if (
        adapter is not None
        and adapter.reranker is not None
        and all(uses_adapter(c, adapter, embedder) for c in corpora)
    ):
        return adapter.reranker
    return packaged


def uses_adapter(corpus: CorpusLike, adapter: QueryAdapter | None, embedder: Embedder) -> bool:
    """Whether a dense search of `corpus` moves the query vectors by `adapter`: only in a fact-check corpus, and
    only when the adapter was trained on this embedder's vectors (another model's queries are searched as they are)."""
    return (
        adapter is not None
        and corpus.manifest.corpus_kind is CorpusKind.FACT_CHECK
        and adapter.fits(embedder.name, corpus.manifest.dimension)
    )


def _lexical(corpora, queries, depth, passage_filter) -> list[_Ranked]:
    merged: list[_Ranked] = [[] for _ in queries]
    for corpus in corpora:
        for slot, found in zip(merged, corpus.search_lexical(queries, depth, passage_filter), strict=True):
            if not found:
                continue
            best = found[0][1]
            slot.extend((corpus.name, passage, score / best if len(corpora) > 1 else score) for passage, score in found)
    return [_sorted(slot)[:depth] for slot in merged]


def _sorted(ranked: _Ranked) -> _Ranked:
    # Ties are broken by corpus and passage id so the same query always gives the same order.
    return sorted(ranked, key=lambda item: (-item[2], item[0], item[1].passage_id))


def _combine(
    query: str, dense: _Ranked, lexical: _Ranked, mode: SearchMode, top_k: int, reranker: Reranker | None
) -> list[Hit]:
    def key(item):
        return (item[0], item[1].passage_id)

    dense_rank = {key(item): rank for rank, item in enumerate(dense, start=1)}
    lexical_rank = {key(item): rank for rank, item in enumerate(lexical, start=1)}
    similarity = {key(item): item[2] for item in dense}
    passages = {key(item): item for item in lexical + dense}
    if mode is SearchMode.DENSE:
        ordered = [(key(item), item[2]) for item in dense]
    elif mode is SearchMode.LEXICAL:
        ordered = [(key(item), item[2]) for item in lexical]
    else:
        dense_scored = [(key(i), i[2]) for i in dense]
        lexical_scored = [(key(i), i[2]) for i in lexical]
        ordered = fuse_channels(dense_scored, lexical_scored)
        if reranker is not None:
            texts = {item_key: (item[1].text, item[1].title) for item_key, item in passages.items()}
            ordered = rerank(reranker, query, ordered, dense_scored, lexical_scored, texts)
    hits = []
    for rank, (item_key, score) in enumerate(ordered[:top_k], start=1):
        corpus_name, passage, _ = passages[item_key]
        hits.append(
            Hit.from_passage(
                passage,
                rank=rank,
                score=score,
                corpus=corpus_name,
                similarity=similarity.get(item_key),
                dense_rank=dense_rank.get(item_key),
                lexical_rank=lexical_rank.get(item_key),
            )
        )
    return hits
