"""Whose age a figure is: an age told of a named person in the claim ("Zelphine Merriclough, 67, beat 31
exhibitors") is the same figure as the age that person gives of themselves in a transcript turn ("MERRICLOUGH: I'm
67") or that a passage tells of them ("Mr Thorold Chadwin, 84, of Cradlewick"; "Ambrin Frisby, who is 19"). The
person ties the two ages as a counted noun ties two counts: without it an age of 67 matches any 67 of a story
(round48: six ages of named people went unconfirmed). Pure functions over the texts, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.paired_frames import PairedFrames
from factcheck.extract.quotes import find_turns, speaker_at

__all__ = ["age_holder", "aged_alike", "same_age_holder"]

_NAME = r"(?:Mc|Mac|O')?[A-Z][a-z'\u2019\-]+(?:\s+(?:Mc|Mac|O')?[A-Z][a-z'\u2019\-]+){0,3}"
# "Zelphine Merriclough, 67," and "Ambrin Frisby, who is 19": the name right before the age
_NAME_BEFORE = re.compile(rf"({_NAME}),\s+(?:who\s+(?:is|was|turned)\s+)?$")
# the age ends its phrase ("67," "19 and", "84.")
_AGE_ENDS = re.compile(r"(?:\s*[,.;)]|\s+and\b)")
# "84-year-old grower Thorold Chadwin": up to three lower-case words, then the name
_YEAR_OLD_NAME = re.compile(rf"(?:[- ]years?[- ]old)?\s+(?:[a-z]+\s+){{0,3}}({_NAME})")
_FIRST_PERSON = re.compile(r"\b(?:I'm|I\u2019m|I\s+am|I\s+turned)\s+$")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "captain", "coach", "the"})


def age_holder(text: str, start: int, end: int, context: str | None = None) -> frozenset[str]:
    """The name words of the person whose age the figure at [start, end) of `text` is, lower-cased; for "I'm 67"
    the speaker of the transcript turn holding it (`context`: the passage's paragraph, where its label is); empty
    when the words do not tie the figure to a named person."""
    before = text[max(0, start - 60) : start]
    if _FIRST_PERSON.search(before):
        return _speaker_words(text, start, context)
    named = _NAME_BEFORE.search(before)
    if named and _AGE_ENDS.match(text, end):
        return _words(named.group(1))
    surface = text[start:end]
    if surface.lower().endswith("old") or re.match(r"[- ]years?[- ]old\b", text[end:]):
        after = _YEAR_OLD_NAME.match(text, end)
        if after:
            return _words(after.group(1))
    return frozenset()


def same_age_holder(claim: tuple[str, int, int], passage: tuple[str, int, int], context: str | None) -> bool:
    """Whether both figures (text, start, end) are ages told of one named person: a surname in common."""
    claim_person = age_holder(*claim)
    return bool(claim_person) and bool(claim_person & age_holder(*passage, context))


def aged_alike(claim: Figure, passage: Figure, frames: PairedFrames | None) -> bool:
    """Whether two ages in years are told of one named person (`same_age_holder`), read from the paired frames'
    texts: an age told of the same person ties the two figures."""
    if frames is None or claim.family != passage.family or "year" not in (claim.measured or "year"):
        return False
    at = frames.claim_text.find(claim.surface)
    if at < 0:
        return False
    return same_age_holder(
        (frames.claim_text, at, at + len(claim.surface)),
        (frames.passage_text, passage.start, passage.end),
        frames.context,
    )


def _speaker_words(text: str, start: int, context: str | None) -> frozenset[str]:
    for source, position in ((text, start), (context, None)):
        if not source:
            continue
        if position is None:
            position = source.find(text[start : start + 40]) if text[start : start + 40] else -1
            if position < 0:
                continue
        speaker = speaker_at(find_turns(source), position)
        if speaker:
            return _words(speaker.title())
    return frozenset()


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z'\u2019\-]+", name.lower()) if w not in _TITLES and len(w) > 1)
