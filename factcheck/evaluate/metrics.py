"""Scoring arithmetic shared by the evaluations: precision/recall/F1, span overlap, ranking metrics."""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Score:
    """Counts behind a precision/recall/F1 figure, so tables can show n as well as the ratio."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives, self.predicted + other.predicted, self.gold + other.gold
        )


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def token_overlap(a: str, b: str) -> float:
    """Shared word tokens over the longer of the two token lists (1.0 = same words, 0.0 = none shared)."""
    first, second = tokens(a), tokens(b)
    if not first or not second:
        return 0.0
    remaining = list(second)
    shared = 0
    for token in first:
        if token in remaining:
            remaining.remove(token)
            shared += 1
    return shared / max(len(first), len(second))


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_match(scores: Sequence[Sequence[float]], threshold: float) -> list[tuple[int, int]]:
    """Pairs (gold, predicted) matched one-to-one, best scores first, each at least `threshold`."""
    candidates = sorted(
        ((score, g, p) for g, row in enumerate(scores) for p, score in enumerate(row) if score >= threshold),
        reverse=True,
    )
    used_gold, used_predicted, pairs = set(), set(), []
    for _, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p))
    return sorted(pairs)


def reciprocal_rank(ranked_ids: Sequence[str], relevant: set[str]) -> float:
    for position, identifier in enumerate(ranked_ids, start=1):
        if identifier in relevant:
            return 1.0 / position
    return 0.0


def average_precision(ranked_ids: Sequence[Hashable], relevant: AbstractSet[Hashable], k: int) -> float:
    """Average precision of the first `k` ranked ids: the precision at each relevant id's rank, summed and divided
    by the number of relevant ids (CLEF CheckThat! 2020 task 2's AP@k; its MAP@5 is the mean over queries)."""
    if not relevant:
        return 0.0
    found = 0
    total = 0.0
    for position, identifier in enumerate(ranked_ids[:k], start=1):
        if identifier in relevant:
            found += 1
            total += found / position
    return total / len(relevant)
