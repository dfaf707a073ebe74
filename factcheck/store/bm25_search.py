"""Exact BM25 top-k over precomputed term postings, fast at a million passages (max-score pruning, plain numpy).

bm25s scores a query by adding every posting of every query term into an array as long as the corpus (`np.add.at`)
and then sorting that array. For a news archive most query terms are rare, but a few (a month, "said", a place in
every story) have postings of hundreds of thousands of passages. Here the terms are taken from the highest possible
contribution down (max-score): the passages of the first terms, as many as the merge budget allows, are scored
exactly (the other terms looked up for them: binary search in their sorted postings, or by position for a term in
every passage); once their k-th best score exceeds what all other terms together could add, no passage outside them
can enter the top k. Results equal the full computation.

When every query term is common (each in a large share of a big archive), merging is no cheaper than the dense
pass. Then each term's postings are read from its highest contribution down (a threshold algorithm, in rounds):
the passages in the first L postings of any term are scored exactly, and a passage in none of them can score at
most the sum of each term's L+1-th contribution; once the k-th best scored passage beats that bound, the top k are
final. L grows fourfold per round; past the merge budget the dense pass is made after all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Above this share of the corpus in the postings to merge, one pass over a dense score array is cheaper.
_DENSE_SHARE = 0.05
# In the dense pass, terms that together could add at most this share of a query's bound are looked up afterwards
# for the passages still in reach of the top k instead of being added over the whole array.
_LIGHT_SHARE = 0.05
# Postings per term read in the threshold algorithm's first round.
_FIRST_DEPTH = 256


@dataclass(frozen=True, slots=True)
class Postings:
    """BM25 contributions by term, column-compressed: term t's passages are `rows[starts[t]:starts[t+1]]` (sorted)
    with contributions `scores[...]`; `term_max[t]` is its largest contribution."""

    scores: np.ndarray
    rows: np.ndarray
    starts: np.ndarray
    passages: int
    term_max: np.ndarray
    by_impact: np.ndarray  # positions into `rows`/`scores`, each term's postings by contribution, highest first

    @classmethod
    def from_csc(cls, scores: np.ndarray, rows: np.ndarray, starts: np.ndarray, passages: int) -> Postings:
        """From bm25s's arrays (data, indices, indptr); each term's rows are sorted if they are not already."""
        scores = np.asarray(scores, dtype=np.float32)
        rows = np.asarray(rows)
        starts = np.asarray(starts, dtype=np.int64)
        lengths = np.diff(starts)
        # The term of each posting, and pairwise comparisons rather than 64-bit copies: at a million passages the
        # postings are tens of millions long, and these temporaries set the peak memory of the first search.
        owner = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        if len(rows) > 1 and np.any((rows[1:] <= rows[:-1]) & (owner[1:] == owner[:-1])):
            order = np.lexsort((rows, owner))
            rows, scores = rows[order], scores[order]
        term_max = np.zeros(len(lengths), dtype=np.float32)
        filled = lengths > 0
        if np.any(filled):
            term_max[filled] = np.maximum.reduceat(scores, starts[:-1][filled])
        by_impact = np.lexsort((-scores, owner))
        by_impact = by_impact.astype(np.int32 if len(scores) < 2**31 else np.int64)
        return cls(scores, rows, starts, int(passages), term_max, by_impact)

    def top_k(self, term_ids: np.ndarray, top_k: int, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) of the `top_k` passages with a positive score, best first. A term repeated in the query
        counts as often as it appears; `mask` (1 = allowed) restricts the passages."""
        if top_k < 1:
            raise ValueError(f"top_k must be at least 1, got {top_k}")
        terms, counts = np.unique(np.asarray(term_ids, dtype=np.int64), return_counts=True)
        if len(terms) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        bounds = self.term_max[terms] * counts
        order = np.argsort(-bounds, kind="stable")
        terms, counts, bounds = terms[order], counts[order], bounds[order]
        sizes = self.starts[terms + 1] - self.starts[terms]
        remaining = np.concatenate([np.cumsum(bounds[::-1])[::-1][1:], [0.0]])  # bound of the terms after each
        # One attempt at pruning, with as many terms as fit the merge budget: merging is a sort, so trying split
        # after split would cost more than the dense pass it avoids (as on queries made only of common words).
        split = int(np.searchsorted(np.cumsum(sizes), _DENSE_SHARE * self.passages, side="right"))
        if split >= 1:
            rows, partial = self._merge(terms[:split], counts[:split], mask)
            if split == len(terms):
                return _best(rows, partial, top_k)
            if len(rows) >= top_k:
                # The candidates' exact scores (the other terms looked up for them): their k-th best is a floor
                # under the final k-th best. A passage holding none of the merged terms scores at most what the
                # other terms could add; below the floor, no such passage can enter the top k (max-score).
                for term, count in zip(terms[split:], counts[split:], strict=True):
                    partial += np.float32(count) * self._lookup(term, rows)
                floor = float(np.partition(partial, len(partial) - top_k)[len(partial) - top_k])
                if floor > remaining[split - 1]:
                    return _best(rows, partial, top_k)
                # The threshold rounds read the same kind of postings and would fail alike: the dense pass, with
                # the floor known.
                return self._dense(terms, counts, top_k, mask, floor)
        found = self._threshold(terms, counts, top_k, mask)
        return found if found is not None else self._dense(terms, counts, top_k, mask)

    def _threshold(self, terms, counts, top_k, mask) -> tuple[np.ndarray, np.ndarray] | None:
        """The exact top k read from the highest contributions down (see the module docstring), or None once
        the postings to read pass the merge budget."""
        depth = max(_FIRST_DEPTH, top_k)
        while depth * len(terms) <= _DENSE_SHARE * self.passages:
            parts, bound = [], 0.0
            for term, count in zip(terms, counts, strict=True):
                begin, end = self.starts[term], self.starts[term + 1]
                taken = min(depth, end - begin)
                parts.append(self.rows[self.by_impact[begin : begin + taken]])
                if taken < end - begin:
                    bound += float(count * self.scores[self.by_impact[begin + taken]])
            candidates = np.unique(np.concatenate(parts)).astype(np.int64)
            if mask is not None:
                candidates = candidates[mask[candidates] > 0]
            total = np.zeros(len(candidates), dtype=np.float32)
            for term, count in zip(terms, counts, strict=True):
                total += np.float32(count) * self._lookup(term, candidates)
            if bound == 0.0:  # every posting was read
                return _best(candidates, total, top_k)
            if len(candidates) >= top_k:
                kth = np.partition(total, len(total) - top_k)[len(total) - top_k]
                if kth > bound:
                    return _best(candidates, total, top_k)
            depth *= 4
        return None

    def _merge(self, terms, counts, mask) -> tuple[np.ndarray, np.ndarray]:
        """The passages of `terms` and their summed contributions."""
        rows = np.concatenate([self.rows[self.starts[t] : self.starts[t + 1]] for t in terms])
        values = np.concatenate(
            [
                self.scores[self.starts[t] : self.starts[t + 1]] * np.float32(c)
                for t, c in zip(terms, counts, strict=True)
            ]
        )
        unique, where = np.unique(rows, return_inverse=True)
        sums = np.bincount(where, weights=values, minlength=len(unique)).astype(np.float32)
        if mask is not None:
            keep = mask[unique] > 0
            unique, sums = unique[keep], sums[keep]
        return unique.astype(np.int64), sums

    def _lookup(self, term: int, rows: np.ndarray) -> np.ndarray:
        """The contribution of `term` to each of `rows` (0 where the passage lacks it)."""
        begin, end = self.starts[term], self.starts[term + 1]
        if end - begin == self.passages:  # in every passage (rows 0..n-1 in order): posting r is passage r
            return self.scores[begin + rows]
        postings = self.rows[begin:end]
        rows = rows.astype(postings.dtype, copy=False)  # else searchsorted converts the whole postings list each call
        found = np.searchsorted(postings, rows)
        inside = found < len(postings)
        hit = np.zeros(len(rows), dtype=bool)
        hit[inside] = postings[found[inside]] == rows[inside]
        values = np.zeros(len(rows), dtype=np.float32)
        values[hit] = self.scores[begin + found[hit]]
        return values

    def _dense(self, terms, counts, top_k, mask, floor: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
        """One pass over a score array for the terms that weigh (`terms` come highest bound first); the terms that
        could add at most `_LIGHT_SHARE` of the query's bound together (a word in nearly every passage has an idf
        near 0) are only looked up for the passages that could still enter the top k with them. `floor`: a score
        the k-th best is known to reach (the exact score of k passages), which spares finding it."""
        bounds = self.term_max[terms] * counts
        tail = np.concatenate([np.cumsum(bounds[::-1])[::-1], [0.0]])  # bound of terms[i:]
        split = int(np.argmax(tail <= _LIGHT_SHARE * tail[0])) if len(terms) > 1 else len(terms)
        split = max(split, 1)
        scores = np.zeros(self.passages, dtype=np.float32)
        for term, count in zip(terms[:split], counts[:split], strict=True):
            begin, end = self.starts[term], self.starts[term + 1]
            values = self.scores[begin:end] if count == 1 else self.scores[begin:end] * np.float32(count)
            np.add.at(scores, self.rows[begin:end], values)  # unbuffered: twice as fast as `scores[rows] += values`
        if mask is not None:
            scores *= mask
        k = min(top_k, self.passages)
        if split < len(terms):
            kth = floor if floor > 0 else np.partition(scores, self.passages - k)[self.passages - k]
            # True scores are at least the partial ones, so the k-th best is at least `kth`; a passage whose
            # partial score plus everything the light terms could add stays below it cannot be in the top k.
            rows = np.flatnonzero(scores + np.float32(tail[split]) >= kth)
            if mask is not None:
                rows = rows[mask[rows] > 0]
            partial = scores[rows]  # a copy (rows picked by index): added to in place
            for term, count in zip(terms[split:], counts[split:], strict=True):
                partial += np.float32(count) * self._lookup(term, rows)
            return _best(rows, partial, top_k)
        picked = np.argpartition(scores, self.passages - k)[self.passages - k :]
        return _best(picked, scores[picked], top_k)


def _best(rows: np.ndarray, scores: np.ndarray, top_k: int) -> tuple[np.ndarray, np.ndarray]:
    positive = scores > 0
    rows, scores = rows[positive], scores[positive]
    if len(rows) > top_k:
        picked = np.argpartition(-scores, top_k - 1)[:top_k]
        rows, scores = rows[picked], scores[picked]
    order = np.lexsort((rows, -scores))  # best first; ties by row, so the same query always gives the same order
    return rows[order].astype(np.int64), scores[order].astype(np.float32)
