"""Reporting cues in text: the verbs ("said", "told", "called") and phrases ("according to") of speech."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from factcheck.extract.quotes.lexicon import CUE_PHRASES, CUE_WORDS, DETERMINERS, HEADLINE_CUES, NAMING_VERBS


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue's span and its words as written."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def names(self) -> bool:
        """A naming verb (`called the plan "a disaster"`) rather than a verb of saying."""
        return self.lower in NAMING_VERBS

    @property
    def participle(self) -> bool:
        """`saying`, `adding`: its subject is the subject of the sentence it hangs on."""
        return self.lower.endswith("ing")


_WORD = re.compile(r"[A-Za-z]+(?:[’'\-][A-Za-z]+)*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")
# Two-word cues by their first word: "according" -> {"to"}.
_PHRASE_ENDS: dict[str, set[str]] = {}
for _phrase in CUE_PHRASES:
    _first, _second = _phrase.split()
    _PHRASE_ENDS.setdefault(_first, set()).add(_second)
# After these a cue word is a noun ("the report", "his claims"); "that", "all", "both" and "no" are left out
# of the determiners here because "officials that said" and "all said" are verbs.
_NOUN_MARKERS = DETERMINERS - {"that", "all", "both", "no"}
# Words whose 's is "has" or "is" before a verb: "he's said", "it's claimed".
_CONTRACTED = frozenset({"he", "she", "it", "that", "who", "what", "there", "here", "one", "everyone", "nobody"})


def _marks_a_noun(previous: str) -> bool:
    """Whether the word before a cue word makes it a noun: a determiner ("the report") or a possessive
    ("Clinton’s comments"), but not a contraction ("he's said")."""
    if previous in _NOUN_MARKERS:
        return True
    return previous.endswith(("'s", "’s")) and previous[:-2] not in _CONTRACTED


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Reporting cues that lie within `text[start:end]`, in order, leaving out nouns ("the report", "his
    claims") and capitalised words that are not headline verbs.

    The whole text is read once and the cues of each window looked up, since attribution asks about many
    overlapping windows of the same document.
    """
    cues, starts = _document_cues(text)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return [cue for cue in cues[first:last] if cue.end <= end]


@functools.lru_cache(maxsize=8)
def _document_cues(text: str) -> tuple[list[Cue], list[int]]:
    cues = []
    previous = ""
    previous_end = 0
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if text[previous_end : match.start()].strip():
            # Punctuation or a quote mark between the words: "this,” said" is a verb after a quote, not a noun.
            previous = ""
        cue = None
        if lower in _PHRASE_ENDS:
            following = _NEXT_WORD.match(text, match.end(), match.end() + 20)
            if following and following.group(1).lower() in _PHRASE_ENDS[lower]:
                cue = Cue(match.start(), following.end(), text[match.start() : following.end()])
        if cue is None and lower in CUE_WORDS:
            cue = Cue(match.start(), match.end(), word)
        capital_noun = word[0].isupper() and word not in HEADLINE_CUES
        if cue is not None and not capital_noun and not _marks_a_noun(previous):
            cues.append(cue)
        previous = lower
        previous_end = match.end()
    return cues, [cue.start for cue in cues]
