"""Attribution of a quote: the reporting cue near it and the speaker phrase that goes with that cue.

Each `attribution_*` function reads one place an attribution can stand and returns an `Attribution` or None;
`factcheck.extract.quotes.finding` decides which place to trust first. Speakers found here are as written ("he",
"Secretary of State John Kerry"); `resolution.py` turns them into one name per person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.quotes.lexicon import CLAUSE_WORDS, LEADING_CONNECTIVES, OPENING_WORDS, TITLES
from factcheck.extract.quotes.phrases import (
    SpeakerKind,
    SpeakerPhrase,
    leading_speaker,
    parse_speaker,
    tokens_of,
    trailing_speaker,
)
from factcheck.extract.quotes.reporting_cues import Cue, find_cues


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker with the cue that attributes a quote to them.

    `cue` is the reporting verb as written ("said", "according to"), the dash of a credit line ("—") or ":"
    for a colon introduction. `adjacent` is True when the attribution touches the quote (`"...," she said`,
    `said: "..."`, `called it a "..."`). `end` is where the attribution's words end.
    """

    speaker: SpeakerPhrase
    cue: str
    adjacent: bool
    end: int


# Where a speaker phrase ends: punctuation, dashes and double quote marks (not ’, mostly an apostrophe).
SPEAKER_BOUNDARY = re.compile(r"[,;:!?—–―\"“”«»\n]|--|(?<=\s)-(?=\s)|''")
_FULL_STOP = re.compile(r"\.(?=\s)")
# Characters before a reporting verb searched for its subject (and three asides before it); a sentence is longer
# than this only when its text has no full stops.
_LOOK_BACK = 1000
_COORDINATED = re.compile(r"\b(?:and|but|then)\s+(?:(?:also|later|then)\s+)?$")  # "bemoaned the unrest and said"
_PROGRESSIVE_END = re.compile(r"\s+(?:is|are|was|were|been|be)\s*$")  # "is calling"
# "X, who chairs the committee, has called ...", "X, an economist, had said ...": an auxiliary alone after the aside
_AUXILIARY_ONLY = re.compile(r"^\s*(?:has|have|had|would\s+have|had\s+also|has\s+also|also)\s*$")
_DASH_CREDIT = re.compile(r"[^\S\n]*(?:--|[—–―‒-])[^\S\n]*(?=\S)")
_LEADING_PUNCTUATION = re.compile(r"[\s,;:.]*")
_GAP_BREAK = re.compile(r"[,;:()]")
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that"})
_RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})  # "whose spokesman said": the spokesman speaks
MAX_GAP_WORDS_ADJACENT = 4  # words between a cue and the quote it introduces: "told reporters on Tuesday: "
MAX_GAP_WORDS_NAMING = 9  # words between a naming verb and its label: "described all young black men as "
MAX_SUBJECT_WORDS_AFTER = 25  # words between a closing mark and the verb whose subject follows the quote
MAX_WORDS_AFTER_CLOSING_CUE = 3  # "..., Schiff said on Tuesday." still closes its sentence


def attribution_after(text: str, close_end: int, limit: int) -> Attribution | None:
    """An attribution in `text[close_end:limit]`, the words after a closing mark up to the sentence end.

    Tries, in order: a dash credit line (`"..." — Commissioner X` ending the line); then the first cues in the
    window: `according to X` or an inverted verb (`, said the envoy`), else a subject and verb (`, Kerry
    said`, `, X, a spokeswoman for Y, said`), the subject being the phrase right after the quote when commas
    enclose an aside and the phrase just before the verb otherwise (`A cashier who "..." is held accountable,
    Warren said`).
    """
    dash = _dash_credit(text, close_end, limit)
    if dash is not None:
        return dash
    leading = _LEADING_PUNCTUATION.match(text, close_end, limit)
    begin = leading.end() if leading else close_end
    for cue in find_cues(text, begin, limit)[:2]:
        if cue.names:
            continue
        if cue.start == begin or cue.lower == "according to":
            speaker = speaker_after_cue(text, cue.end, limit)
            if speaker is not None:
                return Attribution(speaker, cue.text, cue.start == begin, max(speaker.end, cue.end))
            continue
        speaker, adjacent = _subject_after_quote(text, begin, cue.start)
        if speaker is not None:
            return Attribution(speaker, cue.text, adjacent, max(speaker.end, cue.end))
        if text[begin : cue.start].strip():
            break  # words before the first cue that are not its subject: another clause
    return None


def attribution_before(
    text: str, clause_start: int, open_start: int, sentence_start: int | None = None
) -> Attribution | None:
    """An attribution in `text[clause_start:open_start]`, the words of the sentence before an opening mark.

    The last cue wins: `He added: "..."`, `Kerry said that "..."`, `According to X, "..."`, `The second
    element, he said, "..."`, `Said Ellis: "..."`. The subject is read backwards from the verb; an aside
    between commas (`X, a lawyer, said`) is skipped for the name before it. A participle (`Trump attacked
    Clinton, saying "..."`) or a second verb (`Trump bemoaned the unrest and said "..."`) takes the sentence's
    subject, looked for from `sentence_start` (which may stand before an earlier quote in the sentence). A
    speaker "it" gives way to the cue before it, if that one names someone.
    """
    cues = find_cues(text, clause_start, open_start)
    subject_start = clause_start if sentence_start is None else min(sentence_start, clause_start)
    fallback = None
    for cue in reversed(cues[-2:]):
        speaker = _speaker_of_cue_before(text, clause_start, subject_start, cue, open_start)
        if speaker is None:
            continue
        attribution = Attribution(
            speaker, cue.text, _introduces(text, cue, speaker, open_start), max(speaker.end, cue.end)
        )
        if speaker.surface.lower() != "it":
            return attribution
        fallback = fallback or attribution
    return fallback


def _speaker_of_cue_before(
    text: str, clause_start: int, subject_start: int, cue: Cue, open_start: int
) -> SpeakerPhrase | None:
    if cue.lower == "according to":
        return speaker_after_cue(text, cue.end, open_start)
    if cue.participle and text[clause_start : cue.start].rstrip().endswith(","):
        verbs = [c for c in find_cues(text, clause_start, cue.start) if not c.participle]
        if verbs:  # `"...," Sanders said, suggesting a few questions: "..."`: the verb's subject
            speaker = speaker_before_cue(text, clause_start, verbs[-1].start)
            if speaker is not None:
                return speaker
        return sentence_subject(text, subject_start, cue.start)
    speaker = speaker_before_cue(text, clause_start, cue.start)
    if speaker is None and not text[clause_start : cue.start].strip():
        speaker = speaker_after_cue(text, cue.end, open_start)
    if speaker is None and (cue.participle or _COORDINATED.search(text, clause_start, cue.start)):
        speaker = sentence_subject(text, subject_start, cue.start)
    return speaker


def _introduces(text: str, cue: Cue, speaker: SpeakerPhrase, open_start: int) -> bool:
    """Whether a cue before a quote leads straight into it: `said: "`, `told reporters "`, `According to X,
    "`, or a naming verb and its object with no clause break between (`called the plan a "`, `condemned the
    test as "`)."""
    if cue.lower == "according to":
        return _word_count(text, speaker.end, open_start) == 0
    gap_words = tokens_of(text, cue.end, open_start)
    if len(gap_words) <= MAX_GAP_WORDS_ADJACENT:
        return True
    if not cue.names or len(gap_words) > MAX_GAP_WORDS_NAMING or _GAP_BREAK.search(text, cue.end, open_start):
        return False
    return not any(w.lower in CLAUSE_WORDS and w.lower != "as" for w in gap_words)


def attribution_ending_sentence(text: str, sentence_start: int, sentence_end: int) -> Attribution | None:
    """`..., Schiff said.` closing the sentence before a quote that opens the next: the quote goes on with
    what the speaker said. Not adjacent (the quote is in another sentence), so a short phrase is not made a
    quote."""
    cues = [c for c in find_cues(text, sentence_start, sentence_end) if not c.names]
    if not cues:
        return None
    cue = cues[-1]
    words_after = _word_count(text, cue.end, sentence_end)
    if words_after > MAX_WORDS_AFTER_CLOSING_CUE:
        return None  # the sentence goes on after its verb: reported speech, not a closing attribution
    speaker = speaker_before_cue(text, sentence_start, cue.start)
    if speaker is None or (speaker.kind is SpeakerKind.DESCRIPTION and words_after):
        return None
    return Attribution(speaker, cue.text, False, max(speaker.end, cue.end))


def speaker_after_cue(text: str, cue_end: int, limit: int) -> SpeakerPhrase | None:
    """The speaker after an inverted verb or `according to`, up to the next comma, full stop or mark; an aside
    after it can give the gender (`said Jane Roe, a spokeswoman for the ministry`) or, after a description, the
    name (`said the ministry's spokeswoman, Jane Roe`)."""
    end = _phrase_end(text, cue_end, limit)
    speaker = parse_speaker(text, cue_end, end)
    if speaker is None:
        return None
    if speaker.kind is SpeakerKind.NAME and speaker.gender is None and text[end : end + 1] == ",":
        aside = parse_speaker(text, end + 1, _phrase_end(text, end + 1, limit))
        if aside is not None and aside.gender is not None:
            speaker = speaker.with_gender(aside.gender)
    elif speaker.kind is not SpeakerKind.NAME and text[end : end + 1] == ",":
        # "said the alliance's regional director, Ines Varga": the name in apposition is the speaker
        aside = parse_speaker(text, end + 1, _phrase_end(text, end + 1, limit))
        if aside is not None and aside.kind is SpeakerKind.NAME:
            speaker = aside
    return speaker


def speaker_before_cue(text: str, clause_start: int, cue_start: int) -> SpeakerPhrase | None:
    """The subject of a verb starting at `cue_start`, read backwards within the clause: the words right before
    the verb (or their end, "with what | multiple lawmakers"), or, when a comma closes an aside right before
    the verb, the name before the aside ("X, a lawyer for Y, said"). A relative pronoun with no subject of its
    own after it stands for the phrase before it (`the police department which reported`, `McConnell, now the
    majority leader, who in 2010 said`)."""
    # Only the phrase before the verb and the three before it are read: looking further back in a sentence that goes
    # on for pages (a text with no full stops) made each cue cost the length of the sentence, and a text quadratic.
    if cue_start - clause_start > _LOOK_BACK:
        window = text.rfind(" ", clause_start, cue_start - _LOOK_BACK)
        clause_start = window + 1 if window >= 0 else cue_start - _LOOK_BACK
    segments = clause_segments(text, clause_start, cue_start)
    nearest_start, nearest_end = segments[-1]
    if text[cue_start : cue_start + 20].split()[0].lower().endswith("ing"):
        # "is calling": a progressive, not a passive ("was told"), so the auxiliary goes
        nearest_end = nearest_start + len(_PROGRESSIVE_END.sub("", text[nearest_start:nearest_end]))
    earlier = [s for s in reversed(segments[:-1]) if text[s[0] : s[1]].strip()]
    if _AUXILIARY_ONLY.match(text[nearest_start:nearest_end]):
        nearest_end = nearest_start  # the subject is before the aside, as for a bare verb
    if text[nearest_start:nearest_end].strip():
        speaker = parse_speaker(text, nearest_start, nearest_end)
        speaker = speaker or trailing_speaker(text, nearest_start, nearest_end)
        shared = _COORDINATED.match(text, nearest_start, nearest_end) if speaker is None else None
        if shared is not None:  # "Grendt welcomed the fall but warned": coordinated verbs share one subject
            speaker = parse_speaker(text, shared.start(1), shared.end(1))
        if speaker is None:
            return _antecedent(text, nearest_start, nearest_end, earlier)
        return speaker
    return _pick_from_asides(text, earlier[:3])


# A subject, a past-tense verb and its object, then "but"/"and" right before the cue verb.
_COORDINATED = re.compile(r"\s*((?:[A-Z][\w.'\u2019-]*\s+){1,5}?)[a-z]+ed\b[^,;:]*?\s(?:but|and)\s*$")


def _antecedent(text: str, start: int, end: int, earlier: list[tuple[int, int]]) -> SpeakerPhrase | None:
    """For a subject `text[start:end]` that opens with, or ends in, a relative clause with no subject of its
    own ("which", "who in 2010"): the phrase the relative pronoun stands for, in the same segment or in the
    comma-separated phrases before it."""
    relatives = [t for t in tokens_of(text, start, end) if t.lower in _RELATIVE_SUBJECTS]
    if not relatives:
        return None
    relative = relatives[-1]
    if text[start : relative.start].strip():
        return parse_speaker(text, start, relative.start) or trailing_speaker(text, start, relative.start)
    # `He met McConnell, now the majority leader, who ...`: the name ending a phrase before, else a description
    phrases = [parse_speaker(text, *segment) or trailing_speaker(text, *segment) for segment in earlier[:3]]
    found = [phrase for phrase in phrases if phrase is not None]
    named = [phrase for phrase in found if phrase.kind is SpeakerKind.NAME]
    return next(iter(named or found), None)


def sentence_subject(text: str, sentence_start: int, cue_start: int) -> SpeakerPhrase | None:
    """The subject of the sentence a participle or a second verb hangs on (`Trump attacked Clinton ..., saying
    "..."`). Opening phrases ("During a speech,", "On July 6, 2015,", "Meanwhile,") and the words of an
    earlier quote in the sentence are skipped."""
    for start, end in clause_segments(text, sentence_start, cue_start):
        if not text[start:end].strip() or _opens_quote(text, start):
            continue
        tokens = tokens_of(text, start, end)
        first = tokens[0] if tokens else None
        if first is not None and (
            first.lower in OPENING_WORDS
            or first.word.endswith("ing")
            or first.word[0].isdigit()
            or (len(tokens) == 1 and first.lower in LEADING_CONNECTIVES)
        ):
            continue
        speaker = leading_speaker(text, start, end)
        if speaker is not None:
            return speaker
    return None


def _subject_after_quote(text: str, begin: int, cue_start: int) -> tuple[SpeakerPhrase | None, bool]:
    """The subject between a closing mark (`begin`, after its punctuation) and the verb after it, and whether
    it starts next to the quote: as the name, or as a description that an aside names (`"...!" Scott's niece,
    state Del. Marcia Price, shouted`)."""
    segments = [s for s in clause_segments(text, begin, cue_start) if text[s[0] : s[1]].strip()]
    if not segments or _word_count(text, begin, cue_start) > MAX_SUBJECT_WORDS_AFTER:
        return None, False
    if text[segments[-1][1] : cue_start].strip():  # a comma before the verb closes an aside
        speaker = _pick_from_asides(text, segments[:4])
        if speaker is None:
            return None, False
        if speaker.start < segments[0][1]:
            return speaker, _word_count(text, begin, speaker.start) == 0
        return speaker, _word_count(text, begin, segments[0][0]) == 0 and parse_speaker(text, *segments[0]) is not None
    speaker = parse_speaker(text, *segments[-1]) or trailing_speaker(text, *segments[-1])  # ", as a memo put it"
    return speaker, len(segments) == 1 and speaker is not None and _word_count(text, begin, speaker.start) == 0


def _pick_from_asides(text: str, segments: list[tuple[int, int]]) -> SpeakerPhrase | None:
    """Among comma-separated phrases around a verb (`X, a spokeswoman for Y, said`): the name (or pronoun),
    else the first description; a description beside the name gives it a gender. Of two names, the one written
    first is the subject and the other its aside (`Ann Poole, Director of Parks, said`, `Honora Raddlestone,
    secretary of the Lowmarsh and District Guild, said`: not "Parks" or "District Guild")."""
    parsed = [p for p in (parse_speaker(text, start, end) for start, end in segments) if p is not None]
    named = sorted((p for p in parsed if p.kind is not SpeakerKind.DESCRIPTION), key=lambda p: p.start)
    if not named:
        return parsed[0] if parsed else None
    speaker = named[0]
    if speaker.gender is None:
        gendered = [p.gender for p in parsed if p.gender is not None and p is not speaker]
        if gendered:
            return speaker.with_gender(gendered[0])
    return speaker


def _dash_credit(text: str, close_end: int, limit: int) -> Attribution | None:
    """`"..." — Jane Roe, CEO of Acme` ending its line: a credit line, as in press releases and quote
    lists."""
    match = _DASH_CREDIT.match(text, close_end, limit)
    if match is None:
        return None
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end == -1 else line_end
    end = _phrase_end(text, match.end(), line_end)
    speaker = parse_speaker(text, match.end(), end)
    if speaker is None or speaker.kind is SpeakerKind.PRONOUN:
        return None
    rest = text[end:line_end]
    if rest.strip(" .") and not rest.startswith(","):
        return None  # a dash inside a sentence, not a credit line
    return Attribution(speaker, match.group().strip(), True, end)


def clause_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`text[start:end]` cut at punctuation, dashes, double quote marks and full stops, in order."""
    cuts = [(m.start(), m.end()) for m in SPEAKER_BOUNDARY.finditer(text, start, end)]
    cuts += [(m.start(), m.end()) for m in _FULL_STOP.finditer(text, start, end) if _ends_sentence(text, m.start())]
    segments = []
    cursor = start
    for cut_start, cut_end in sorted(cuts):
        if cut_start >= cursor:
            segments.append((cursor, cut_start))
            cursor = cut_end
    segments.append((cursor, end))
    return segments


def _ends_sentence(text: str, dot: int) -> bool:
    """A full stop that is not part of a title, an initial or an abbreviation with inner dots (U.S.)."""
    found = re.search(r"[\w.'’\-]*$", text[max(0, dot - 20) : dot])
    word = found.group() if found else ""
    return not (word + "." in TITLES or len(word) == 1 or "." in word)


def _phrase_end(text: str, start: int, limit: int) -> int:
    """The end of the phrase starting at `start`: the next boundary, a full stop not closing an abbreviation,
    or a relative clause ("a senior official | who briefed reporters")."""
    boundary = SPEAKER_BOUNDARY.search(text, start, limit)
    end = boundary.start() if boundary else limit
    for token in tokens_of(text, start, end):
        if token.lower in _RELATIVE_WORDS:
            return token.start
        if token.end < len(text) and text[token.end] == "." and not token.word.endswith("."):
            return token.end
    return end


def _opens_quote(text: str, position: int) -> bool:
    """Whether `position` is just after an opening double quote mark."""
    before = text[max(0, position - 2) : position]
    if before.endswith(("“", "«")):
        return True
    return before.endswith('"') and (len(before) < 2 or before[0].isspace() or before[0] in "(—-")


def _word_count(text: str, start: int, end: int) -> int:
    return len(tokens_of(text, start, end)) if end > start else 0
