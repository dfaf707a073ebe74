"""Has this been checked before: the earlier fact-checks that match each claim, searched apart from evidence."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from factcheck.config import setting_value
from factcheck.embed import Embedder
from factcheck.extract import Claim
from factcheck.factchecks import CorpusKind
from factcheck.query_adapter import QueryAdapter, configured_adapter
from factcheck.rerank import Reranker
from factcheck.search import Hit, SearchMode, batch_search, uses_adapter
from factcheck.store.backends import CorpusLike

MIN_SIMILARITY = 0.6
"""The cosine similarity (all-MiniLM-L6-v2) from which a review is shown as an earlier check of a claim.

Chosen for precision on the train split of CLEF 2020 CheckThat! task 2 (docs/earlier-fact-checks.md): showing the
best review only from 0.6, 90% of those shown were the right fact-check (59% of the tweets had theirs shown); from
0.5 it was 83% (74%). A wrong "rated False" is worse than none. Lexical mode has no similarity and no bound. A
search through the query adapter uses the adapter's own bound (query_adapter.py), chosen by the same rule."""

# Links, including the bare forms tweets show ("pic.twitter.com/x", "t.co/x", "www.x.org").
_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/|t\.co/)\S*", re.IGNORECASE)
# The end of an embedded tweet's signature, "(@handle) May 1, 2020"; the author's name before it is kept, as a
# fact-check often names who posted the claim (choosing this over dropping the whole signature: train split, docs/).
_SIGNATURE = re.compile(r"\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$")
_HANDLE_OR_TAG = re.compile(r"(?<![\w@#])[@#](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_SPACES = re.compile(r"\s+")


def clean_social_text(text: str) -> str:
    """A social-media post as the claim it carries: links, an embedded tweet's handle and date, and emoji removed,
    `@` and `#` dropped with the joined words split ("#AustralianFires" -> "Australian Fires").

    Fact-checkers word a claim as a sentence; a post wraps it in links, tags and pictographs that only add noise to
    both retrieval channels.
    """
    text = _SIGNATURE.sub("", text)
    text = _LINK.sub(" ", text)
    text = _HANDLE_OR_TAG.sub(lambda match: " " + _CAMEL.sub(" ", match.group(1)).replace("_", " "), text)
    text = "".join(" " if _is_pictograph(character) else character for character in text)
    return _SPACES.sub(" ", text).strip()


def _is_pictograph(character: str) -> bool:
    # Emoji and other symbols ("So"), plus the joiners and variation selectors that glue emoji sequences together.
    return (
        unicodedata.category(character) == "So"
        or character in "\u200d\ufe0f"
        or "\U0001f1e6" <= character <= "\U0001f1ff"
    )


def fact_check_corpora(corpora: Sequence[CorpusLike]) -> list[CorpusLike]:
    """The corpora among `corpora` that hold earlier fact-checks."""
    return [corpus for corpus in corpora if corpus.manifest.corpus_kind is CorpusKind.FACT_CHECK]


def find_earlier_fact_checks(
    claims: Sequence[Claim],
    corpora: Sequence[CorpusLike],
    embedder: Embedder,
    top_k: int,
    mode: SearchMode | None = None,
    min_similarity: float | None = None,
    reranker: Reranker | None | str = "configured",
    adapter: QueryAdapter | None | Literal["configured"] = "configured",
) -> list[tuple[Hit, ...]]:
    """For each claim, the reviews of the fact-check corpora among `corpora` that match it, best first.

    A claim is searched by its whole sentence (a fact-check words the claim with its speaker: "X said that ...").
    Source and date filters meant for evidence are not applied: a fact-check from any publisher and any year
    answers "has this been checked before?". A review is kept from `min_similarity`; None (the default): the
    adapter's own bound when the fact-check corpora are searched through it (its cosines run lower), else
    MIN_SIMILARITY.

    Returns:
        One tuple per claim (empty when no fact-check corpus is given or none matches).
    """
    archives = fact_check_corpora(corpora)
    if not archives or not claims:
        return [() for _ in claims]
    mode = mode or SearchMode.HYBRID
    queries = [clean_social_text(claim.sentence or claim.text) for claim in claims]
    if adapter == "configured":
        adapter = configured_adapter(setting_value("query_adapter"))
    found = batch_search(archives, embedder, queries, top_k, mode=mode, reranker=reranker, adapter=adapter)
    if mode is SearchMode.LEXICAL:
        # Lexical mode has no similarity to bound: its hits are the words' best matches, shown as they come.
        return [tuple(hits) for hits in found]
    if min_similarity is None:
        adapted = adapter is not None and all(uses_adapter(archive, adapter, embedder) for archive in archives)
        own = adapter.min_similarity if adapter is not None and adapted else None
        min_similarity = MIN_SIMILARITY if own is None else own
    return [tuple(hit for hit in hits if (hit.similarity or 0.0) >= min_similarity) for hits in found]
