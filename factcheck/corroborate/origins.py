"""Near-duplicate passages (wire copy reprinted by several outlets) grouped by origin, to count independent sources.

Two texts are near-duplicates when the Jaccard similarity of their sets of word 5-gram shingles is at least the
threshold (0.8 by default). Why these choices:

- Word 5-grams, not single words: two reports of the same event share most of their vocabulary ("ceasefire",
  "Aleppo", "said") without one being a copy of the other; a run of five words in the same order is rarely
  shared by chance, so shared 5-grams measure copied text. A single shared quote adds only its own few shingles.
- Jaccard at 0.8: a reprint keeps the body and changes little (a dateline, a trimmed last sentence, "on Tuesday"
  for "on Monday"). Each changed word removes up to five shingles from either side, so one edit in a passage of
  n words leaves (n - 9) / (n + 1) of the shingles shared: at least 0.8 from about 50 words on, 0.88 at 80 words.
  A story that quotes the same statement but is otherwise written anew shares only the quote's shingles, about
  0.2 for an 18-word quote in two passages of 40 to 50 words. Shorter passages must match all but their datelines and
  layout: below about 50 words an edited reprint counts as a second origin (a lower threshold groups it).
- Words are case-folded runs of letters and digits, so quote marks, dashes and spacing (which outlets restyle) do
  not matter. A leading dateline ("BEIRUT (Reuters) -", "Beirut, May 3 (AP) --") is dropped first: every outlet
  rewrites it, and in a short passage its shingles alone would push a verbatim reprint below the threshold.
- A text of fewer than five words is one shingle, its whole word sequence; a text with no words is a near-duplicate
  of nothing (an empty passage cannot be shown to be a copy).
- Grouping is transitive (single linkage): when B is a reprint of A and C a lightly edited reprint of B, all three
  share one origin even if C and A fall just below the threshold. This makes the number of origins independent of
  the order of the texts.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence

SHINGLE_WORDS = 5

_WORD = re.compile(r"\w+")
# A capitalised place (the dateline city), optional ", Month day" or ", Country" parts, an optional agency in
# brackets, then a dash. Accepted only with an agency or an all-capitals place of three letters or more, so
# "Officials - who" and "US - China" are kept.
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3})"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+\d{1,2})?){0,2}"
    r"[ \t]*(?P<agency>\([^()\n]{1,40}\))?"
    r"[ \t]*(?:--|[-\u2013\u2014])[ \t]*"
)


def group_origins(
    texts: Sequence[str], threshold: float = 0.8, same_source: Sequence[Hashable] | None = None
) -> list[int]:
    """For each text, the index of the first text of its near-duplicate group (itself if it has none).

    Args:
        texts: the passages, in any order (for example the agreeing candidates of one claim).
        threshold: the least Jaccard similarity of word 5-gram shingles for two texts to be near-duplicates,
            in (0, 1]. The module docstring gives the reasons for the defaults.
        same_source: optional, one key per text (a passage's corpus and document): texts with equal keys share an
            origin whatever their words, since two passages of one document are one source.

    Returns:
        One index per text, never greater than the text's own index; texts with the same index share an origin.

    Raises:
        TypeError: `texts` is a single string, or holds something other than strings.
        ValueError: `threshold` is not in (0, 1].
    """
    if isinstance(texts, str):
        raise TypeError("group_origins expects a sequence of texts, not a single string; wrap it in a list.")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}.")
    shingle_sets = [_shingles(text) for text in texts]
    parent = list(range(len(shingle_sets)))
    for i, first in enumerate(shingle_sets):
        for j in range(i + 1, len(shingle_sets)):
            second = shingle_sets[j]
            if not first or not second:
                continue
            # Jaccard can be no higher than the ratio of the set sizes: skip the intersection when that is too low.
            if min(len(first), len(second)) < threshold * max(len(first), len(second)):
                continue
            shared = len(first & second)
            if shared >= threshold * (len(first) + len(second) - shared):
                _union(parent, i, j)
    if same_source is not None:
        if len(same_source) != len(shingle_sets):
            raise ValueError(f"same_source has {len(same_source)} keys for {len(shingle_sets)} texts.")
        first_with: dict[Hashable, int] = {}
        for i, key in enumerate(same_source):
            _union(parent, first_with.setdefault(key, i), i)
    return [_root(parent, i) for i in range(len(parent))]


def count_independent(texts: Sequence[str], threshold: float = 0.8) -> int:
    """How many independent origins `texts` come from: near-duplicates (see `group_origins`) count once."""
    return len(set(group_origins(texts, threshold)))


def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    if not isinstance(text, str):
        raise TypeError(f"Each text must be a string, got {type(text).__name__}.")
    words = [word.casefold() for word in _WORD.findall(_without_dateline(text))]
    if len(words) < SHINGLE_WORDS:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[k : k + SHINGLE_WORDS]) for k in range(len(words) - SHINGLE_WORDS + 1))


def _without_dateline(text: str) -> str:
    match = _DATELINE.match(text)
    if match is None:
        return text
    place = match.group("place")
    if match.group("agency") or (place.isupper() and len(place) >= 3):
        return text[match.end() :]
    return text


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    """Join the groups of i and j under the smaller root, so each group is named by its first text."""
    first, second = _root(parent, i), _root(parent, j)
    if first != second:
        parent[max(first, second)] = min(first, second)
