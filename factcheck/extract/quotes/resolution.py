"""Speakers across a document: one name per person and pronouns resolved to the names they stand for."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.extract.quotes.attribution import speaker_after_cue, speaker_before_cue
from factcheck.extract.quotes.layout import Layout
from factcheck.extract.quotes.lexicon import (
    OPENING_WORDS,
    ROLE_ENDINGS,
    ROLE_NOUNS,
)
from factcheck.extract.quotes.mentions import (
    BODIES,
    aged_mentions,
    headline_end,
    honorific_mentions,
    name_words,
    role_mentions,
    subject_mentions,
)
from factcheck.extract.quotes.phrases import SpeakerKind, SpeakerPhrase, first_name_gender
from factcheck.extract.quotes.reporting_cues import find_cues

# A pronoun resolves to a named speaker at most this many characters back (about six paragraphs of news copy).
PRONOUN_WINDOW = 3000
# Two to five capitalised words: a mention that may hold a full name ("Secretary of State John Kerry").
_NAME_MENTION = re.compile(
    r"(?<![\w'’])(?:[A-Z][\w'’\-]*|[A-Z]\.)(?:[ ]+(?:(?:de|van|von|der|bin|al|da|del|la|le)[ ]+)?"
    r"(?:[A-Z][\w'’\-]*+|[A-Z]\.)){1,4}"
)
_WORDS = re.compile(r"[\w'’\-]+")
_OPENING_MARKS = "\"“‘'"
_GROUP_ENDINGS = ("ans", "ats", "ists", "ers", "ites", "ians")  # "Republicans", "Democrats", "protesters"


@dataclass(frozen=True, slots=True)
class ResolvedSpeaker:
    """The normalised speaker of one quote (None when unresolved) and the words the text used."""

    speaker: str | None
    surface: str


@dataclass(slots=True)
class _Person:
    name: str
    gender: str | None = None


class SpeakerDirectory:
    """The people a document names, keyed by their full name, with what the text says of their gender."""

    def __init__(self, text: str, phrases: Sequence[SpeakerPhrase]):
        self._full_names: dict[str, Counter[str]] = {}
        for mention in _NAME_MENTION.finditer(text):
            tokens = name_words(mention.group().split())
            if 2 <= len(tokens) <= 4:
                self._full_names.setdefault(tokens[-1], Counter())[" ".join(tokens)] += 1
        self.people: dict[str, _Person] = {}
        for phrase in phrases:
            if phrase.kind is SpeakerKind.NAME and phrase.name:
                person = self.person(phrase.name, phrase.gender)
                person.gender = person.gender or phrase.gender

    def person(self, name: str, gender: str | None = None) -> _Person:
        canonical = self.canonical(name, gender)
        if canonical not in self.people:
            self.people[canonical] = _Person(canonical, first_name_gender(canonical))
        return self.people[canonical]

    def canonical(self, name: str, gender: str | None = None) -> str:
        """The full name in the document that ends like `name` and holds its words ("Kerry" -> "John Kerry").

        Full names are mentions of two to four capitalised words once titles and labels are removed
        ("Secretary of State John Kerry" and "Republican Donald Trump" count as "John Kerry" and "Donald
        Trump"). When several fit ("Hillary Clinton", "Bill Clinton"), a gender the text gives picks among
        them, then the most mentioned, then the longest. A first name alone that no full name ends with is the
        one person whose full name opens with it ("Ilse said" for "Ilse Marrack"), if there is one.
        """
        tokens = name_words(name.split())
        if not tokens:
            return name
        fitting = [
            (count, full)
            for full, count in self._full_names.get(tokens[-1], Counter()).items()
            if _contains_in_order(full.split(), tokens)
        ]
        if gender is not None:
            fitting = [f for f in fitting if first_name_gender(f[1]) in (gender, None)] or fitting
        if not fitting and len(tokens) == 1:
            # a first name alone ("Ilse said") for the one person of the text with that first name
            first = {full for names in self._full_names.values() for full in names if full.split()[0] == tokens[0]}
            if len(first) == 1:
                return first.pop()
        if not fitting:
            return " ".join(tokens)
        return max(fitting, key=lambda f: (f[0], len(f[1].split())))[1]

    def knows(self, surname: str) -> bool:
        """Whether a full name of the text ends with `surname` ("Trevethan" for "Marisol Trevethan")."""
        return surname in self._full_names

    def name_inside(self, surface: str) -> str | None:
        """A known speaker whose surname is a word of a longer phrase (a headline: "Elizabeth Warren Hammers
        Wells Fargo CEO", "A lesson from Loretta Lynch")."""
        words = set(_WORDS.findall(surface))
        found = [p.name for p in self.people.values() if p.name.split()[-1] in words]
        return max(found, key=len) if found else None


def resolve_speakers(
    text: str, layout: Layout, phrases: Sequence[SpeakerPhrase | None], quoted: Sequence[tuple[int, int]] = ()
) -> list[ResolvedSpeaker | None]:
    """Normalised speakers for quotes whose attributions gave `phrases` (document order; None: no
    attribution).

    Names become the full form the document gives (`SpeakerDirectory.canonical`). "he"/"she" take the nearest
    preceding named speaker (of a quote, of reported speech outside the `quoted` spans, a Mr./Ms. mention, or a
    person a sentence opens on: "Finance Minister Rafael Odum declined ...") whose gender does not contradict the
    pronoun; a description of one role ("the minister", also when a pronoun stands for it) becomes the nearest
    earlier name given with that role ("Interior Minister Paula Grendt", "Paula Grendt, the interior minister").
    The person a pronoun resolves to then takes its gender, so a later "she" skips a man. "they", "I", "we",
    "it" and pronouns with no named speaker within `PRONOUN_WINDOW` characters stay unresolved (`speaker` None,
    `surface` the pronoun). Other descriptions stay as written, except a capitalised phrase holding a known
    speaker's surname (a headline before a colon), which becomes that speaker.
    """
    spans = sorted(quoted)
    starts = [start for start, _ in spans]
    outside = [s for s in _reported_speech_speakers(text, layout) if not _inside(s.start, spans, starts)]
    aged = [s for s in aged_mentions(text) if not _inside(s.start, spans, starts)]
    subjects = [s for s in subject_mentions(text, layout) if not _inside(s.start, spans, starts)]
    introduced = [s for s in role_mentions(text) if not _inside(s.start, spans, starts)]
    others = outside + honorific_mentions(text) + aged + subjects + introduced
    directory = SpeakerDirectory(text, [p for p in phrases if p is not None] + others)
    surnames = [s for s in _surname_subjects(text, layout, directory) if not _inside(s.start, spans, starts)]
    # "Recount confirms challenger's narrow win": a headline's one capitalised word before a reporting verb, that
    # no full name of the text ends with, is not a person a he or she can stand for
    headline = headline_end(text)
    unknown = {
        id(s)
        for s in outside
        if s.start < headline and s.name is not None and " " not in s.name and not directory.knows(s.name)
    }
    events = sorted(
        (p for p in [*phrases, *others, *surnames] if p is not None and id(p) not in unknown and _can_be_antecedent(p)),
        key=_start,
    )
    results: list[ResolvedSpeaker | None] = []
    for phrase in phrases:
        if phrase is None:
            results.append(None)
        elif phrase.kind is SpeakerKind.NAME and phrase.name:
            results.append(ResolvedSpeaker(directory.person(phrase.name, phrase.gender).name, phrase.surface))
        elif phrase.kind is SpeakerKind.PRONOUN:
            found = _named_just_before(text, layout, directory, events, phrase) or _antecedent(
                directory, events, phrase
            )
            if found is not None and found == _surface_of_description(events, phrase):
                found = _named_by_role(text, directory, found, phrase.start) or found
            results.append(ResolvedSpeaker(found, phrase.surface))
        else:
            inside = directory.name_inside(phrase.surface) if phrase.surface[:1].isupper() else None
            named = _named_by_role(text, directory, phrase.surface, phrase.start) if inside is None else None
            results.append(ResolvedSpeaker(inside or named or phrase.surface, phrase.surface))
    return results


def _antecedent(directory: SpeakerDirectory, events: list[SpeakerPhrase], pronoun: SpeakerPhrase) -> str | None:
    """The speaker a he/she stands for: the nearest earlier named speaker, or unnamed person ("a UN logistics
    officer said ... "...," she said"), whose gender does not contradict the pronoun."""
    if pronoun.gender is None:
        return None
    for event in reversed(events):
        if event.start >= pronoun.start:
            continue
        if pronoun.start - event.start > PRONOUN_WINDOW:
            return None
        if event.kind is SpeakerKind.DESCRIPTION:
            if event.gender in (None, pronoun.gender):
                return event.surface
            continue
        if event.name is None:  # only named speakers are left here; said again so the type narrows
            continue
        person = directory.person(event.name, event.gender)
        if person.gender in (None, pronoun.gender):
            person.gender = pronoun.gender
            return person.name
    return None


def _named_just_before(
    text: str, layout: Layout, directory: SpeakerDirectory, events: list[SpeakerPhrase], pronoun: SpeakerPhrase
) -> str | None:
    """The person a he/she of a sentence opening on a quote stands for when the sentence before it, in the same
    paragraph (or, for a quote opening its paragraph, the last of the paragraph before), names one person in full
    and that paragraph no speaker ("The cup went to Wilhelmina Oakes for a damson jam. "I almost left it at home,"
    she said."): news copy introduces the one who then speaks. None when that sentence names two people or opens on
    the name, when its paragraph names a speaker or a subject before the pronoun (`events`), or when the gender
    disagrees."""
    if pronoun.gender is None:
        return None
    start = layout.sentence_start(pronoun.start)
    if text[start : start + 1] not in _OPENING_MARKS:
        return None
    previous = layout.previous_sentence(start)
    paragraph = layout.paragraph_start(start)
    if previous is None and paragraph == start:
        previous = _last_of_paragraph_before(layout, start)  # the quote opens its paragraph
        paragraph = layout.paragraph_start(previous.start) if previous is not None else paragraph
    if previous is None or any(paragraph <= event.start < pronoun.start for event in events):
        return None  # a speaker or subject earlier in the paragraph is still who the pronoun means
    names = set()
    for mention in _NAME_MENTION.finditer(text, previous.start, previous.end):
        tokens = name_words(mention.group().split())
        if 2 <= len(tokens) <= 4 and directory.knows(tokens[-1]):
            names.add((mention.start() == previous.start, directory.person(" ".join(tokens)).name))
    if len(names) != 1 or next(iter(names))[0]:
        return None  # a sentence opening on a name is read by its subject (`subject_mentions`), a firm's name too
    person = directory.person(names.pop()[1])
    if person.gender not in (None, pronoun.gender):
        return None
    person.gender = pronoun.gender
    return person.name


def _last_of_paragraph_before(layout: Layout, start: int):
    """The last sentence of the paragraph before the one opening at `start`, if there is one."""
    index = layout.sentence_index(start)
    return layout.sentences[index - 1] if index else None


def _surface_of_description(events: list[SpeakerPhrase], pronoun: SpeakerPhrase) -> str | None:
    """The words of the nearest earlier description a pronoun could stand for (to tell a description from a
    name among `_antecedent`'s answers)."""
    earlier = [e for e in events if e.start < pronoun.start and e.kind is SpeakerKind.DESCRIPTION]
    return earlier[-1].surface if earlier else None


def _named_by_role(text: str, directory: SpeakerDirectory, description: str, position: int) -> str | None:
    """The person "the minister" stands for: the nearest earlier name the text gave with that role as its title
    ("Interior Minister Paula Grendt") or in apposition ("Paula Grendt, the interior minister"), within
    `PRONOUN_WINDOW` characters; None for other descriptions ("a resident", "the ministry")."""
    words = description.split()
    if len(words) != 2 or words[0].lower() != "the" or not words[1].islower() or words[1] in BODIES:
        return None
    role = re.escape(words[1])
    titled = re.compile(rf"(?i:\b{role})[ ]+((?:[A-Z][\w'’\-]+[ ]+){{0,2}}[A-Z][\w'’\-]+)")
    apposed = re.compile(rf"([A-Z][\w'’\-]+[ ]+[A-Z][\w'’\-]+),[ ]+(?:the[ ]+|a[ ]+)?(?:[\w\-]+[ ]+){{0,3}}{role}\b")
    low = max(0, position - PRONOUN_WINDOW)
    found = [(m.start(), m.group(1)) for pattern in (titled, apposed) for m in pattern.finditer(text, low, position)]
    named = [(start, name_words(name.split())) for start, name in found]
    named = [(start, tokens) for start, tokens in named if len(tokens) >= 2]
    if not named:
        return None
    return directory.person(" ".join(max(named)[1])).name


def _can_be_antecedent(phrase: SpeakerPhrase) -> bool:
    """A named person, or one person described ("a senior official", "the envoy"): not a pronoun, a group
    ("Republicans", "officials") or a body ("the ministry")."""
    if phrase.kind is SpeakerKind.NAME:
        return phrase.name is not None and not (" " not in phrase.name and phrase.name.endswith(_GROUP_ENDINGS))
    if phrase.kind is not SpeakerKind.DESCRIPTION:
        return False
    words = phrase.surface.split()
    last = words[-1].lower()
    return (
        len(words) >= 2
        and words[0].lower() in ("a", "an", "the")
        and words[-1].islower()
        and not last.endswith("s")
        and last not in BODIES
        and (last.endswith(ROLE_ENDINGS) or last in ROLE_NOUNS)
    )


def _start(phrase: SpeakerPhrase) -> int:
    return phrase.start


def _reported_speech_speakers(text: str, layout: Layout) -> list[SpeakerPhrase]:
    """Subjects of reporting verbs anywhere in the text (`Stumpf said on Tuesday that ...`, `..., said Stumpf`)."""
    speakers = []
    for cue in find_cues(text, 0, len(text)):
        speaker = speaker_before_cue(text, layout.sentence_start(cue.start), cue.start)
        if speaker is None and text[max(0, cue.start - 2) : cue.start] == ", ":
            # an inverted verb after what was said: "Entries closed at noon, said Piers Hallam, chairman of ..."
            after = speaker_after_cue(text, cue.end, layout.paragraph_end(cue.end))
            speaker = after if after is not None and after.kind is SpeakerKind.NAME else None
        if speaker is not None and speaker.kind is not SpeakerKind.PRONOUN:
            speakers.append(speaker)
    return speakers


# A sentence opening on one capitalised word, then a verb, an apposition or the age set off: "Trevethan thanked the
# counters", "Vosburgh, 31, a physiotherapist, took the lead".
_SURNAME_SUBJECT = re.compile(r"([A-Z][\w'’\-]+)(?=,[ ]+[a-z]|,[ ]+\d{1,3},[ ]+[a-z]|[ ]+[a-z]{2,})")
# The same after an opening clause: "In mid-January, when 12 lifts were open, Vautrin had been hopeful."
_SURNAME_AFTER_OPENING = re.compile(r",[ ]+([A-Z][\w'’\-]+)(?=[ ]+[a-z]{2,})")


def _surname_subjects(text: str, layout: Layout, directory: SpeakerDirectory) -> list[SpeakerPhrase]:
    """Sentences opening on the surname of a person the text names in full ("Trevethan thanked the counters and
    her volunteers."): that person is the subject, so a he or she after it can mean them."""
    mentions = []
    for sentence in layout.sentences:
        found = _SURNAME_SUBJECT.match(text, sentence.start)
        first = text[sentence.start : sentence.start + 12].split(maxsplit=1)
        if (found is None or not directory.knows(found.group(1))) and first and first[0].lower() in OPENING_WORDS:
            found = _SURNAME_AFTER_OPENING.search(text, sentence.start, sentence.end)
        if found is None or not directory.knows(found.group(1)):
            continue
        person = directory.person(found.group(1))
        mentions.append(
            SpeakerPhrase(found.group(1), found.start(), found.end(), SpeakerKind.NAME, person.name, person.gender)
        )
    return mentions


def _inside(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `position` falls in one of the sorted, non-overlapping `spans`."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _contains_in_order(full: list[str], part: list[str]) -> bool:
    position = 0
    for word in full:
        if position < len(part) and word == part[position]:
            position += 1
    return position == len(part)
