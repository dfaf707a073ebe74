"""Has this been checked before: the earlier fact-checks that match each claim, searched apart from evidence."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.embed import Embedder
from factcheck.extract import Claim
from factcheck.factchecks import CorpusKind
from factcheck.search import Hit, SearchMode, batch_search
from factcheck.store import Corpus

MIN_SIMILARITY = 0.6
"""The cosine similarity (all-MiniLM-L6-v2) from which a review counts as checking the same claim.

Chosen on the train split of CLEF 2020 CheckThat! task 2 (docs/earlier-fact-checks.md): most correct matches score
above it and most best-ranked wrong ones below. Without the dense channel (lexical mode) no bound is applied."""


def fact_check_corpora(corpora: Sequence[Corpus]) -> list[Corpus]:
    """The corpora among `corpora` that hold earlier fact-checks."""
    return [corpus for corpus in corpora if corpus.manifest.corpus_kind is CorpusKind.FACT_CHECK]


def find_earlier_fact_checks(
    claims: Sequence[Claim],
    corpora: Sequence[Corpus],
    embedder: Embedder,
    top_k: int,
    mode: SearchMode | None = None,
    min_similarity: float = MIN_SIMILARITY,
) -> list[tuple[Hit, ...]]:
    """For each claim, the reviews of the fact-check corpora among `corpora` that match it, best first.

    A claim is searched by its whole sentence (a fact-check words the claim with its speaker: "X said that ...").
    Source and date filters meant for evidence are not applied: a fact-check from any publisher and any year
    answers "has this been checked before?".

    Returns:
        One tuple per claim (empty when no fact-check corpus is given or none matches).
    """
    archives = fact_check_corpora(corpora)
    if not archives or not claims:
        return [() for _ in claims]
    mode = mode or SearchMode.HYBRID
    found = batch_search(archives, embedder, [claim.sentence or claim.text for claim in claims], top_k, mode=mode)
    if mode is SearchMode.LEXICAL:
        # Lexical mode has no similarity to bound: its hits are the words' best matches, shown as they come.
        return [tuple(hits) for hits in found]
    return [tuple(hit for hit in hits if (hit.similarity or 0.0) >= min_similarity) for hits in found]
