"""Retrieval: the passages nearest each query across one or more corpora, as ranked Hits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.embed import Embedder
from factcheck.store import Corpus, Passage

DEFAULT_TOP_K = 5


@dataclass(frozen=True, slots=True)
class Hit:
    """One candidate passage for a query: its rank (1 = best), similarity score and where it comes from."""

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

    @classmethod
    def from_passage(cls, passage: Passage, *, rank: int, score: float, corpus: str) -> Hit:
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
        )

    def to_dict(self) -> dict:
        return {
            "rank": self.rank,
            "score": round(self.score, 4),
            "corpus": self.corpus,
            "doc_id": self.doc_id,
            "passage_id": self.passage_id,
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "source": self.source,
            "start": self.start,
            "end": self.end,
        }


def batch_search(
    corpora: Sequence[Corpus],
    embedder: Embedder,
    queries: Sequence[str],
    top_k: int = DEFAULT_TOP_K,
) -> list[list[Hit]]:
    """For each query, the `top_k` best passages over all `corpora`, merged by score.

    Raises:
        ValueError: `top_k` below 1 or no corpus given.
        IndexMismatchError: a corpus was built with another model than `embedder`.
    """
    if top_k < 1:
        raise ValueError(f"top_k must be at least 1, got {top_k}")
    if not corpora:
        raise ValueError("search needs at least one corpus")
    for corpus in corpora:
        corpus.manifest.check_model(embedder.name, embedder.dimension)
    if not queries:
        return []
    vectors = embedder.encode_queries(list(queries))
    merged: list[list[tuple[float, str, Passage]]] = [[] for _ in queries]
    for corpus in corpora:
        for slot, results in zip(merged, corpus.search_vectors(vectors, top_k), strict=True):
            slot.extend((score, corpus.name, passage) for passage, score in results)
    hits = []
    for results in merged:
        # Ties are broken by corpus and passage id so the same query always gives the same order.
        results.sort(key=lambda item: (-item[0], item[1], item[2].passage_id))
        hits.append(
            [
                Hit.from_passage(passage, rank=rank, score=score, corpus=name)
                for rank, (score, name, passage) in enumerate(results[:top_k], start=1)
            ]
        )
    return hits


def search(corpora: Sequence[Corpus], embedder: Embedder, query: str, top_k: int = DEFAULT_TOP_K) -> list[Hit]:
    """The single-query form of `batch_search`."""
    return batch_search(corpora, embedder, [query], top_k)[0]
