"""The lexical channel: BM25 over a corpus's passages, assembled from append-only segments of term counts."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.store.bm25_search import Postings
from factcheck.store.lexical_segment import LexicalSegment
from factcheck.store.tokens import STOPWORDS, tokenize

__all__ = ["STOPWORDS", "LexicalIndex", "LexicalSegment", "bm25_postings", "tokenize"]

# BM25, Lucene variant (as bm25s computes it, so figures stay comparable with the earlier channel).
K1 = 1.5
B = 0.75


class LexicalIndex:
    """BM25 (Lucene variant, k1 1.5, b 0.75) over passage texts; row i is passage i of the corpus.

    Held as the corpus's segments; the weighted postings are computed from them when first searched (weights depend
    on every passage, so an append only drops them, and the next search computes them again).
    """

    def __init__(self, segments: Sequence[LexicalSegment], legacy: tuple[dict[str, int], Postings] | None = None):
        self.segments = tuple(segments)
        self.size = sum(s.size for s in self.segments) if legacy is None else legacy[1].passages
        self._searchable = legacy

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        return cls([LexicalSegment.build(texts)] if texts else [])

    def appended(self, segment: LexicalSegment) -> LexicalIndex:
        """This index with `segment`'s passages after its own (nothing recomputed until the next search)."""
        if self._searchable is not None and not self.segments and self.size:
            raise ValueError("a BM25 index of format 2 cannot take segments: compact the corpus instead")
        return LexicalIndex([*self.segments, segment])

    @classmethod
    def load_legacy(cls, directory: Path) -> LexicalIndex:
        """A BM25 folder written by bm25s (corpus format 2): its weights are used as saved."""
        import bm25s

        size = int((directory / "size").read_text())
        if size == 0:
            return cls([])
        with _quiet():
            model = bm25s.BM25.load(str(directory), show_progress=False)
        arrays = model.scores
        postings = Postings.from_csc(arrays["data"], arrays["indices"], arrays["indptr"], size)
        return cls([], (dict(model.vocab_dict), postings))

    def search(
        self, queries: Sequence[str], top_k: int, mask: np.ndarray | None = None
    ) -> list[list[tuple[int, float]]]:
        """For each query the rows with a positive BM25 score, best first (at most `top_k`).

        `mask` (1 = allowed) restricts the rows, for filters.
        """
        results: list[list[tuple[int, float]]] = [[] for _ in queries]
        if self.size == 0:
            return results
        if self._searchable is None:
            self._searchable = bm25_postings(self.segments)
        vocabulary, postings = self._searchable
        for slot, query in enumerate(queries):
            term_ids = [vocabulary[token] for token in tokenize(query) if token in vocabulary]
            if not term_ids:
                continue
            rows, scores = postings.top_k(np.asarray(term_ids), min(top_k, self.size), mask)
            results[slot] = [(int(r), float(s)) for r, s in zip(rows, scores, strict=True)]
        return results


def bm25_postings(segments: Sequence[LexicalSegment]) -> tuple[dict[str, int], Postings]:
    """The vocabulary (term -> id) and BM25-weighted postings of the passages of `segments`, in order."""
    merged = LexicalSegment.concatenate(segments) if segments else LexicalSegment.build([])
    passages = merged.size
    frequencies = np.diff(merged.starts).astype(np.float64)
    idf = np.log1p((passages - frequencies + 0.5) / (frequencies + 0.5))
    lengths = merged.lengths.astype(np.float32)
    average = float(lengths.mean()) if passages else 1.0
    norm = np.float32(K1) * (np.float32(1 - B) + np.float32(B) * lengths / np.float32(average))
    counts = merged.counts.astype(np.float32)
    term_of = np.repeat(np.arange(len(merged.terms), dtype=np.int32), np.diff(merged.starts))
    weights = idf.astype(np.float32)[term_of] * counts / (norm[merged.rows] + counts)
    vocabulary = {term: number for number, term in enumerate(merged.terms)}
    return vocabulary, Postings.from_csc(weights, merged.rows, merged.starts, passages)


@contextlib.contextmanager
def _quiet():
    """bm25s prints progress and notices on stdout/stderr; the CLI's output must stay clean JSONL."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield
