"""Quoted speech around a span of a source and who the source credits with it (quote, transcript label, verb)."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.corroborate.quote_authors import author_at, person_in_role
from factcheck.corroborate.signals import SpeakerStatus
from factcheck.extract import Quote, split_sentences
from factcheck.extract.quotes import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    ROLE_LABELS,
    TITLES,
    Turn,
    find_cues,
    find_quotes,
    find_turns,
    speaker_after_cue,
    speaker_before_cue,
    turn_at,
)

CONTEXT_CHARS = 2000  # quote and speaker detection read this far around the located words in a long document

_NAME_WORD = re.compile(r"[\w'\u2019\-]+")
# `said club captain Luca Ferri after ...`: lower-case role words, then a capitalised name, right after the verb.
_NAME_AFTER_CUE = re.compile(r"\s+((?:[a-z]+\s+){0,4})([A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*)")
_PREPOSITIONS = frozenset({"on", "in", "at", "after", "before", "during", "to", "from", "by", "of", "that", "it"})
_WORD_CHAR = re.compile(r"\w")
_NOT_NAMES = frozenset({"he", "she", "they", "i", "we", "it", "you", "who"})
_FIRST_PERSON = frozenset({"i", "we"})


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraphs around [start, end), at most `CONTEXT_CHARS` either side, so a long document is read
    locally."""
    if len(text) <= 2 * CONTEXT_CHARS + (end - start):
        return 0, len(text)
    low = max(0, start - CONTEXT_CHARS)
    high = min(len(text), end + CONTEXT_CHARS)
    newline = text.find("\n", low, start)
    low = newline + 1 if newline != -1 and low > 0 else low
    newline = text.rfind("\n", end, high)
    high = newline if newline != -1 and high < len(text) else high
    return low, high


def quotes_around(text: str, start: int, end: int) -> tuple[int, str, list[Quote]]:
    """The quotes `find_quotes` finds in the context of [start, end): the context's start offset, its text, and
    the quotes, whose `parts` are offsets into the context."""
    low, high = _context(text, start, end)
    region = text[low:high]
    return low, region, find_quotes(region, split_sentences(region))


def in_quoted_speech(text: str, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a quote or a transcript turn; or, in a region with no quote marks at all,
    is not reported speech."""
    if marked_as_speech(text, start, end):
        return True
    _, region, _ = quotes_around(text, start, end)
    if re.search(r"[\"\u201c\u201d\u00ab\u00bb]|(?<!\w)['\u2018]|['\u2019](?!\w)", region):
        return False
    sentence_low, sentence_high = _sentence_around(text, start, end)
    return not find_cues(text, sentence_low, sentence_high)


def marked_as_speech(text: str, start: int, end: int) -> bool:
    """Whether [start, end) overlaps words in quotation marks or a transcript turn."""
    low, _, quotes = quotes_around(text, start, end)
    if any(low + s < end and start < low + e for quote in quotes for s, e in quote.parts):
        return True
    return turn_at(turns_of(text), start) is not None


def split_by_attribution(source_text: str, first_end: int, second_start: int) -> bool:
    """Whether the words ending at `first_end` close one part of a quote and those at `second_start` open the
    next part of the same quote (`"We want," said the envoy, "a ceasefire now."`): only the attribution is
    between them."""
    if second_start <= first_end:
        return False
    low, _, quotes = quotes_around(source_text, first_end, second_start)
    for quote in quotes:
        for (_, a_end), (b_start, _) in zip(quote.parts, quote.parts[1:], strict=False):
            closes = low + a_end >= first_end and not _WORD_CHAR.search(source_text, first_end, low + a_end)
            opens = low + b_start <= second_start and not _WORD_CHAR.search(source_text, low + b_start, second_start)
            if closes and opens:
                return True
    return False


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    low, high = _context(text, start, end)
    for sentence in split_sentences(text[low:high]):
        if low + sentence.start <= start < low + sentence.end:
            last = max(low + sentence.end, end)
            return low + sentence.start, min(last, len(text))
    return start, end


@lru_cache(maxsize=64)
def _cached_turns(text: str) -> tuple[Turn, ...]:
    return tuple(find_turns(text))


def turns_of(text: str) -> list[Turn]:
    """The transcript turns of `text` (cached: one document is read for each of its candidate passages)."""
    return list(_cached_turns(text))


def compare_speaker(
    claim_speaker: str | None, text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[SpeakerStatus, str | None]:
    """Who `text` credits with the words at `spans` (no spans: with the whole text's statement), compared with
    the claim's speaker.

    The speaker of a span is the quote `find_quotes` finds over it and attributes, else the speaker of the
    transcript turn it lies in (`factcheck/extract/quotes/turns.py`: a label owns everything up to the next label; a
    questioner's turn names nobody), else the subject of a reporting verb in its sentence. A
    speaker counts as named when its last word is capitalised ("Prosecutor Tomasz Wilk"), otherwise it is a
    description ("the statement", "one resident") and the status is `unknown`. Names match (`same`) when the last
    word of one is a word of the other, case-insensitive ("Chen" = "Chen Hao", "Mr. Ortiz" = "Rafael Ortiz").

    Returns:
        The status and the source's speaker (the first named one, or the one that differs), or None.
    """
    if not text.strip():
        return SpeakerStatus.UNKNOWN, None
    spans = spans or ((0, len(text)),)
    speakers = [_named_role(_speaker_of_span(text, start, end), text) for start, end in spans]
    named = [s for s in speakers if s and _is_name(s)]
    source_speaker = named[0] if named else next((s for s in speakers if s), None)
    if not named and claim_speaker and not _is_description(claim_speaker) and _asked(text, spans):
        if _called_before(claim_speaker, text, spans[0][0]) or _asker_named_first(claim_speaker, text, spans[0][0]):
            # "Chair: ... Mrs Dorothy Pirrie." then "QUESTION: I plan every trip ...": the chair called the asker
            return SpeakerStatus.SAME, claim_speaker
        # "Isn't this a budget built on hope?" in a reporter's turn: the words are the question's, not the answer's
        return SpeakerStatus.DIFFERENT, QUESTIONER
    if not named or not claim_speaker or _is_description(claim_speaker):  # "the regional director" names nobody
        return SpeakerStatus.UNKNOWN, source_speaker
    if all(_same_person(claim_speaker, name) for name in named):
        return SpeakerStatus.SAME, source_speaker
    different = next(name for name in named if not _same_person(claim_speaker, name))
    return SpeakerStatus.DIFFERENT, different


QUESTIONER = "a questioner"  # who the source gives words in a QUESTION / Q / REPORTER turn to


def _called_before(claim_speaker: str, text: str, at: int) -> bool:
    """Whether the line before the questioner's line holding `at` ends by naming the claim's speaker, or is a short
    line naming them as the one who asks: a chair calling the next asker ("We have one question from a member of the
    public. Mrs Dorothy Pirrie.", "Our next public question is from Oona Ffoulkes of Wyndham Rise.")."""
    surname = claim_speaker.split()[-1]
    line_start = text.rfind("\n", 0, at) + 1
    before = text[:line_start].rstrip()
    previous = before[before.rfind("\n") + 1 :]
    if re.search(rf"\b{re.escape(surname)}\W*$", previous, re.IGNORECASE):
        return True
    asker = re.search(rf"\b(?:question|questions|asked|asks)\b[^.?!]*\b{re.escape(surname)}\b", previous, re.IGNORECASE)
    return asker is not None and len(previous.split()) <= _CALLING_LINE_WORDS


_CALLING_LINE_WORDS = 25  # a chair's line calling the next asker is short


def _asker_named_first(claim_speaker: str, text: str, at: int) -> bool:
    """Whether the questioner's turn holding `at` opens, before the words, on a short sentence naming the claim's
    speaker: an asker giving their name as minutes record it ("QUESTION: Councillor Marchbanks again. Why ask
    ...?", "Q: Tom Reyes, Harbour FM. How many ...?")."""
    turn = turn_at(turns_of(text), at)
    if turn is None or not turn.questioner:
        return False
    opening = re.match(r"\s*([^.?!\n]{2,60})\.\s", text[turn.start : at])
    if opening is None or len(opening.group(1).split()) > 6:
        return False
    surname = claim_speaker.split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", opening.group(1), re.IGNORECASE) is not None


def _asked(text: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """Every span lies in a questioner's transcript turn, outside any quotation attributed there."""
    for start, end in spans:
        low, _, quotes = quotes_around(text, start, end)
        if any(low + s < end and start < low + e for quote in quotes for s, e in quote.parts):
            return False
        turn = turn_at(turns_of(text), start)
        if turn is None or not turn.questioner:
            return False
    return bool(spans)


def _speaker_of_span(text: str, start: int, end: int) -> str | None:
    low, _, quotes = quotes_around(text, start, end)
    for quote in quotes:
        if any(low + s < end and start < low + e for s, e in quote.parts):
            if quote.speaker and quote.speaker.casefold() not in _FIRST_PERSON:
                return quote.speaker
            # a quotation in a statement with no speaker of its own ("..." paragraphs under "Statement by Zora
            # Petkan", or "I"/"we" there) is the statement's author's
            author = author_at(text, start)
            if author is not None:
                return author
    turn = turn_at(turns_of(text), start)
    if turn is not None:
        return None if turn.questioner else turn.speaker
    sentence_low, sentence_high = _sentence_around(text, start, end)
    for cue in find_cues(text, sentence_low, sentence_high):
        phrase = speaker_after_cue(text, cue.end, sentence_high) or speaker_before_cue(text, sentence_low, cue.start)
        if phrase is not None:
            said_by = phrase.name or phrase.surface
            if said_by.casefold() in _FIRST_PERSON:  # "we argued about football" in Emil Radanic's statement
                return author_at(text, start) or said_by
            return said_by
        named = _NAME_AFTER_CUE.match(text, cue.end, sentence_high)
        if named is not None and not set(named.group(1).split()) & _PREPOSITIONS:
            return named.group(2)
    if not any(low + s < end and start < low + e for quote in quotes for s, e in quote.parts):
        return author_at(text, start)  # unquoted words under "Sentencing remarks of Judge Miriam Osei" are hers
    return None


def _named_role(speaker: str | None, text: str) -> str | None:
    """A speaker described by a role ("the Minister", "THE CHAIR", a turn labelled "Chair:") as the one person `text`
    names in that role ("The Minister for Social Security, Helen Pascoe"; "Judge Helena Marsk (retired), chair";
    "Present: Mayor Ottoline Brackwater (in the chair)"), else unchanged."""
    if not speaker:
        return speaker
    words = _name_words(speaker)
    if len(words) == 1 and words[0] in ROLE_LABELS:
        return person_in_role(text, words[0]) or speaker
    if len(words) < 2 or words[0] not in _DETERMINERS:
        return speaker
    return person_in_role(text, " ".join(words[1:])) or speaker


def _name_words(name: str) -> list[str]:
    return [w.casefold().replace("\u2019", "'") for w in _NAME_WORD.findall(name)]


_DETERMINERS = frozenset({"the", "a", "an", "one", "some", "his", "her", "their", "its", "our", "this", "that"})


def _is_description(speaker: str) -> bool:
    """A speaker described, not named: no words, a pronoun, or a phrase opening with a determiner ("the regional
    director"; also "The Tarvana Red Cross": a body speaks through people the check cannot tie to it, so its
    words in a spokesperson's turn are neither the same speaker nor another)."""
    words = _name_words(speaker)
    return not words or words[0] in _DETERMINERS or (len(words) == 1 and words[0] in _NOT_NAMES)


def _is_name(speaker: str) -> bool:
    """A named person (last word capitalised: "Dr Omar Saleh", "KERRY"), not a description ("the statement")."""
    found = _NAME_WORD.findall(speaker)
    return bool(found) and found[-1][0].isupper() and found[-1].casefold() not in _NOT_NAMES


def _same_person(first: str, second: str) -> bool:
    """Same person when the last word (surname) of one is a word of the other: titles and first names can
    differ or be missing."""
    first_words, second_words = _name_words(first), _name_words(second)
    if not first_words or not second_words:
        return False
    if not (first_words[-1] in second_words or second_words[-1] in first_words):
        return False
    return not _other_first_names(first, second)


def _other_first_names(first: str, second: str) -> bool:
    """Two people of one family: both names give a first name just before the surname ("Alison Fenmore", "Gerald
    Fenmore"), at least one of them a first name the lexicon knows, and no word of one's first names is a word of
    the other's. A title or role before a surname ("Station Commander Vantock", "DCFO Corrigan") is no first name;
    an initial stands for any first name it begins ("J. Okafor", "Joy Okafor")."""
    words = [_NAME_WORD.findall(name) for name in (first, second)]
    given = [_given_names(tokens) for tokens in words]
    if not given[0] or not given[1]:
        return False
    if not any(tokens[-2] in MALE_FIRST_NAMES | FEMALE_FIRST_NAMES for tokens in words):
        return False
    return not any(
        one == other or (len(one) == 1 and other.startswith(one)) or (len(other) == 1 and one.startswith(other))
        for one in given[0]
        for other in given[1]
    )


def _given_names(tokens: list[str]) -> set[str]:
    """The first names of a name's words (lower case), when the word before the surname is one: capitalised, not
    all capitals, not a title; none otherwise."""
    if len(tokens) < 2:
        return set()
    before = tokens[-2].rstrip(".")
    if not before[:1].isupper() or (len(before) > 1 and before.isupper()) or tokens[-2] in TITLES:
        return set()
    return {t.rstrip(".").casefold() for t in tokens[:-1] if t not in TITLES and not (len(t) > 1 and t.isupper())}


def passage_offset(passage_text: str, document_text: str | None, passage_start: int | None) -> int | None:
    """Where the passage lies in its document, so the speaker is read in the document (None when it is not
    there)."""
    if not isinstance(document_text, str) or not passage_text:
        return None
    if passage_start is not None and document_text.startswith(passage_text, passage_start):
        return passage_start
    found = document_text.find(passage_text)
    return found if found >= 0 else None


def whole_span(offset: int | None, passage_text: str) -> tuple[tuple[int, int], ...]:
    """The passage's own span in its document (no located words: the passage as a whole is attributed)."""
    return ((offset, offset + len(passage_text)),) if offset is not None else ()


def role_told_in(source_speaker: str | None, sentence: str, speaker_roles: tuple[str, ...] = ()) -> bool:
    """Whether the source's speaker is a role a transcript labels its turns with ("THE JUDGE:", "THE CORONER:") and
    the claim's sentence gives its words to that role ("..., the judge said"): both give the words to the judge, and
    the article's named speaker is the one holding the role. Another role ("THE CHAIR" for words the article gives
    to counsel) still differs. A label that is a role word alone ("Chair:", "MAYOR:") is that role too, told in the
    sentence by a word of its stem ("said Marek Tamsk, who chairs the committee", "the committee's chairman"), or
    among the `speaker_roles` the article gives the claim's speaker elsewhere ("Chair Severine Strang told the
    meeting ..." before '"...," she said.')."""
    if not source_speaker:
        return False
    words = _name_words(source_speaker)
    said = set(_name_words(sentence))
    if len(words) == 1 and words[0] in ROLE_LABELS:
        return words[0] in speaker_roles or any(word.startswith(words[0]) for word in said)
    if len(words) < 2 or words[0] != "the":
        return False
    return all(word in said for word in words[1:])
