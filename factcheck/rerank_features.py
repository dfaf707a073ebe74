"""What says why a passage matches a query: the features the re-rank weighs (pure functions of texts and scores)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.store.lexical import STOPWORDS, tokenize

# The order of this tuple is the order of every feature vector and of the weights in the model file.
FEATURE_NAMES = (
    "cosine",  # the dense channel's cosine similarity (its lowest in the list when it did not return the passage)
    "dense_z",  # the cosine's z-score within the dense list
    "lexical_z",  # the BM25 score's z-score within the lexical list (its lowest when BM25 did not return it)
    "dense_rank_inverse",  # 1 / rank in the dense list, 0 when absent
    "lexical_rank_inverse",  # 1 / rank in the lexical list, 0 when absent
    "query_coverage",  # share of the query's distinct content words found in the passage or its title
    "passage_coverage",  # share of the passage's distinct content words found in the query
    "bigram_coverage",  # share of the query's adjacent content-word pairs found in the passage or its title
    "numbers_shared",  # 1 when a figure of the query is in the passage
    "numbers_clash",  # 1 when both hold figures and none is shared
    "name_coverage",  # share of the query's capitalised names found in the passage or its title
    "names_missing",  # how many of the query's capitalised names the passage lacks (capped at 5)
    "title_coverage",  # share of the query's content words found in the title (0 without a title)
    "length_ratio",  # log of passage content words over query content words
    "length_gap",  # the absolute value of length_ratio: a passage far longer or shorter than the query
)

_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*\b|\b[A-Z]{2,}\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“]\s+)([A-Z][\w'’-]*)")
_NAMES_CAP = 5


@dataclass(frozen=True, slots=True)
class ChannelEvidence:
    """How the two retrieval channels saw one candidate passage for one query.

    `cosine`, `dense_z`, `lexical_z`: the channel's score and z-scores within its own list, with the list's lowest
    value for a passage that channel did not return (as the fusion does); ranks start at 1, None when absent.
    """

    cosine: float
    dense_z: float
    lexical_z: float
    dense_rank: int | None
    lexical_rank: int | None


@dataclass(frozen=True, slots=True)
class TextProfile:
    """The parts of a text the word features compare, computed once per text."""

    words: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    names: frozenset[str]
    length: int


def profile(text: str) -> TextProfile:
    """A text's content words (the BM25 tokens: stemmed, no stop words, figures whole), adjacent pairs of them,
    figures, and capitalised names (lower-cased; a capitalised word opening a sentence is not taken as a name)."""
    tokens = tokenize(text)
    numbers = frozenset(token for token in tokens if token[0].isdigit())
    openers = {match.group(1) for match in _SENTENCE_START.finditer(text)}
    names = frozenset(
        name.lower()
        for name in _NAME.findall(text)
        if name not in openers and name.lower() not in STOPWORDS and len(name) > 1
    )
    return TextProfile(
        words=frozenset(tokens),
        bigrams=frozenset(zip(tokens, tokens[1:], strict=False)),
        numbers=numbers,
        names=names,
        length=len(tokens),
    )


def features(query: TextProfile, passage: TextProfile, title: TextProfile | None, seen: ChannelEvidence) -> list[float]:
    """The feature vector of one (query, passage) pair, in the order of FEATURE_NAMES.

    `title` is the passage's document title (None without one): a fact-check's headline often words the claim as a
    post would, so words found there count as found.
    """
    words = passage.words | title.words if title else passage.words
    bigrams = passage.bigrams | title.bigrams if title else passage.bigrams
    numbers = passage.numbers | title.numbers if title else passage.numbers
    names = passage.names | title.names if title else passage.names
    names_missing = len(query.names - names)
    ratio = math.log((passage.length + 1) / (query.length + 1))
    return [
        seen.cosine,
        seen.dense_z,
        seen.lexical_z,
        1.0 / seen.dense_rank if seen.dense_rank else 0.0,
        1.0 / seen.lexical_rank if seen.lexical_rank else 0.0,
        _share(query.words, words),
        _share(passage.words, query.words),
        _share(query.bigrams, bigrams),
        1.0 if query.numbers & numbers else 0.0,
        1.0 if query.numbers and numbers and not query.numbers & numbers else 0.0,
        _share(query.names, names),
        float(min(names_missing, _NAMES_CAP)),
        _share(query.words, title.words) if title else 0.0,
        ratio,
        abs(ratio),
    ]


def _share(wanted: frozenset, found: frozenset | set) -> float:
    return len(wanted & found) / len(wanted) if wanted else 0.0


def feature_rows(
    query: str, passages: Sequence[tuple[str, str | None]], seen: Sequence[ChannelEvidence]
) -> list[list[float]]:
    """The feature vectors of one query against each (passage text, title), the channels' view of each beside."""
    if len(passages) != len(seen):
        raise ValueError(f"{len(passages)} passages but {len(seen)} channel records")
    query_profile = profile(query)
    titles: dict[str, TextProfile] = {}
    rows = []
    for (text, title), evidence in zip(passages, seen, strict=True):
        title_profile = None
        if title:
            title_profile = titles.get(title) or titles.setdefault(title, profile(title))
        rows.append(features(query_profile, profile(text), title_profile, evidence))
    return rows
