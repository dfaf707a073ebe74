"""Each claim's channel lists kept once, so every fusion setting is scored on them in milliseconds, and the rule
that picks one: never below the better single channel on any set first, then the worst margin, then the mean."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from factcheck.embed import Embedder
from factcheck.evaluate.report import Row
from factcheck.fusion import DEFAULT_FUSION, FusionSettings, confidence, fuse_channels
from factcheck.rerank import Reranker, rerank
from factcheck.search import CHANNEL_DEPTH, SearchMode, batch_search
from factcheck.store.backends import CorpusLike

# The fusion used before per-query weights: a fixed 0.6 dense / 0.4 BM25 over the same z-scores.
BEFORE = FusionSettings(dense_led=0.6, lexical_led=0.6)
# "fusion": the per-query fusion alone; "hybrid": what search runs (the fusion, then the re-rank when one is given).
SYSTEMS = ("dense", "lexical", "fusion", "hybrid", "fixed 0.6/0.4", "fixed 0.6/0.4 + re-rank")
SCORED_PASSAGES = 30  # a pool item of several sentences is several passages: 30 passages give 10 distinct items


@dataclass(frozen=True, slots=True)
class ClaimLists:
    """One claim's dense and BM25 lists (top CHANNEL_DEPTH), the app's hybrid hits, and the pool item of each key;
    with the claim's `query` text and each passage's (text, title) when the re-rank is to be trained or tried."""

    gold: frozenset[str]
    dense: list[tuple[Hashable, float]]
    lexical: list[tuple[Hashable, float]]
    hybrid: list[Hashable]
    item_of: dict[Hashable, str]
    query: str = ""
    texts: dict[Hashable, tuple[str, str | None]] = field(default_factory=dict)
    fixed_reranked: list[Hashable] = field(default_factory=list)

    def ranked(self, system: str | FusionSettings) -> list[str]:
        """The first 10 distinct pool items of a system's ranking."""
        if isinstance(system, FusionSettings):
            keys = [key for key, _ in fuse_channels(self.dense, self.lexical, system)]
        elif system == "dense":
            keys = [key for key, _ in self.dense]
        elif system == "lexical":
            keys = [key for key, _ in self.lexical]
        elif system == "fusion":
            keys = [key for key, _ in fuse_channels(self.dense, self.lexical, DEFAULT_FUSION)]
        elif system == "hybrid":
            keys = self.hybrid
        elif system == SYSTEMS[4]:
            keys = [key for key, _ in fuse_channels(self.dense, self.lexical, BEFORE)]
        elif system == SYSTEMS[5]:
            keys = self.fixed_reranked
        else:
            raise ValueError(f"unknown system {system!r}; expected one of {SYSTEMS} or FusionSettings")
        return list(dict.fromkeys(self.item_of[key] for key in keys[:SCORED_PASSAGES]))[:10]

    def hit(self, system: str | FusionSettings, k: int = 5) -> bool:
        return any(item in self.gold for item in self.ranked(system)[:k])


def claim_lists(
    claims: Sequence[tuple[str, set[str]]],
    corpus: CorpusLike,
    embedder: Embedder,
    alias: dict[str, str],
    reranker: Reranker | None = None,
) -> list[ClaimLists]:
    """Search every claim once per channel (and once as the app's hybrid, re-ranked by `reranker`) in one corpus.

    `alias` maps a pool id to the id of the copy kept in the corpus (identical texts are stored once).
    """
    texts = [claim for claim, _ in claims]
    dense = batch_search([corpus], embedder, texts, CHANNEL_DEPTH, mode=SearchMode.DENSE)
    lexical = batch_search([corpus], embedder, texts, CHANNEL_DEPTH, mode=SearchMode.LEXICAL)
    hybrid = batch_search([corpus], embedder, texts, SCORED_PASSAGES, mode=SearchMode.HYBRID, reranker=reranker)
    found = []
    for query, (_, gold), dense_hits, lexical_hits, hybrid_hits in zip(
        texts, claims, dense, lexical, hybrid, strict=True
    ):
        every = list(itertools.chain(dense_hits, lexical_hits, hybrid_hits))
        item_of: dict[Hashable, str] = {
            (hit.corpus, hit.passage_id): alias.get(hit.doc_id, hit.doc_id) for hit in every
        }
        dense_scored: list[tuple[Hashable, float]] = [((hit.corpus, hit.passage_id), hit.score) for hit in dense_hits]
        lexical_scored: list[tuple[Hashable, float]] = [
            ((hit.corpus, hit.passage_id), hit.score) for hit in lexical_hits
        ]
        passages: dict[Hashable, tuple[str, str | None]] = {
            (hit.corpus, hit.passage_id): (hit.text, hit.title) for hit in every
        }
        fixed_reranked: list[Hashable] = []
        if reranker is not None:
            fixed = fuse_channels(dense_scored, lexical_scored, BEFORE)
            fixed_reranked = [key for key, _ in rerank(reranker, query, fixed, dense_scored, lexical_scored, passages)]
        found.append(
            ClaimLists(
                gold=frozenset(alias[g] for g in gold if g in alias),
                dense=dense_scored,
                lexical=lexical_scored,
                hybrid=[(hit.corpus, hit.passage_id) for hit in hybrid_hits],
                item_of=item_of,
                query=query,
                texts=passages,
                fixed_reranked=fixed_reranked,
            )
        )
    return found


def default_grid() -> list[FusionSettings]:
    """The settings tried for docs/retrieval.md: fixed weights 0.5-0.9 and the per-query switch around them."""
    fixed = [FusionSettings(dense_led=w, lexical_led=w) for w in (0.5, 0.6, 0.7, 0.8, 0.9)]
    switched = [
        FusionSettings(dense_led=hi, lexical_led=lo, margin=margin, top=top)
        for hi in (0.8, 0.85, 0.9, 0.95)
        for lo in (0.4, 0.5, 0.6)
        for margin in (-0.75, -0.5, -0.25, 0.0)
        for top in (1, 3, 5)
    ]
    return fixed + switched


def describe_fusion(settings: FusionSettings) -> str:
    if settings.dense_led == settings.lexical_led:
        return f"fixed {settings.dense_led:g}/{1 - settings.dense_led:g}"
    return (
        f"dense {settings.dense_led:g} if dense top-{settings.top} z >= BM25's {settings.margin:+g}, "
        f"else {settings.lexical_led:g}"
    )


def rank_fusions(
    grid: Sequence[FusionSettings], sets: Sequence[tuple[str, list[ClaimLists]]], label: str, shown: int = 10
) -> list[Row]:
    """The `shown` best settings of `grid` by the choosing rule, as rows: value = mean hit@5 margin over the better
    single channel across `sets`; n says on how many sets the fusion is at or above it, and the worst margin."""
    best_single = {name: max(_hit_rate(lists, "dense"), _hit_rate(lists, "lexical")) for name, lists in sets}
    scorer = _GridScorer()
    ranked = _by_the_rule(
        grid, lambda settings: [scorer.hit_rate(lists, settings) - best_single[name] for name, lists in sets]
    )
    return [
        _margin_row(f"fusion grid, {label}", describe_fusion(settings), outcome, len(sets))
        for settings, outcome in ranked[:shown]
    ]


def rank_systems(systems: Sequence[str], sets: Sequence[tuple[str, list[ClaimLists]]], label: str) -> list[Row]:
    """The systems that fuse, ranked by the same rule as `rank_fusions` (value: mean hit@5 margin over the better
    single channel; n: on how many sets it is at or above it, and the worst margin)."""
    ranked = _by_the_rule(
        systems,
        lambda system: [
            _hit_rate(lists, system) - max(_hit_rate(lists, "dense"), _hit_rate(lists, "lexical")) for _, lists in sets
        ],
    )
    return [_margin_row(f"systems by the rule, {label}", system, outcome, len(sets)) for system, outcome in ranked]


Candidate = TypeVar("Candidate")


def _by_the_rule(
    candidates: Sequence[Candidate], margins_of: Callable[[Candidate], list[float]]
) -> list[tuple[Candidate, tuple[int, float, float]]]:
    """Each candidate with (sets at or above the better channel, worst margin, mean margin), best first by the
    choosing rule: most sets at or above, then the best worst margin, then the best mean; ties keep their order."""
    ranked = []
    for candidate in candidates:
        margins = margins_of(candidate)
        at_or_above = sum(margin >= -1e-12 for margin in margins)
        ranked.append((candidate, (at_or_above, min(margins), sum(margins) / len(margins))))
    ranked.sort(key=lambda entry: (-entry[1][0], -entry[1][1], -entry[1][2]))
    return ranked


def _margin_row(data: str, metric: str, outcome: tuple[int, float, float], sets: int) -> Row:
    at_or_above, worst, mean = outcome
    return Row(data, metric, mean, f"{at_or_above}/{sets} sets >= better channel; worst {worst:+.3f}")


def _hit_rate(lists: Sequence[ClaimLists], system: str | FusionSettings) -> float:
    return sum(claim.hit(system) for claim in lists) / len(lists) if lists else 0.0


class _GridScorer:
    """hit@5 of many settings on the same claims: a grid has few distinct weights, so each claim's confidences and
    its hit at each weight are computed once (the same figures as `_hit_rate`, about ten times sooner)."""

    def __init__(self) -> None:
        self._confidences: dict[tuple[int, int], tuple[float, float]] = {}
        self._hits: dict[tuple[int, float], bool] = {}

    def hit_rate(self, lists: Sequence[ClaimLists], settings: FusionSettings) -> float:
        return sum(self._hit(claim, settings) for claim in lists) / len(lists) if lists else 0.0

    def _hit(self, claim: ClaimLists, settings: FusionSettings) -> bool:
        if claim.dense and claim.lexical:
            key = (id(claim), settings.top)
            if key not in self._confidences:
                self._confidences[key] = (
                    confidence(claim.dense, settings.top),
                    confidence(claim.lexical, settings.top),
                )
            dense_confidence, lexical_confidence = self._confidences[key]
            dense_leads = dense_confidence >= lexical_confidence + settings.margin
            weight = settings.dense_led if dense_leads else settings.lexical_led
        else:
            weight = settings.dense_led
        if (id(claim), weight) not in self._hits:
            self._hits[id(claim), weight] = claim.hit(FusionSettings(dense_led=weight, lexical_led=weight))
        return self._hits[id(claim), weight]
