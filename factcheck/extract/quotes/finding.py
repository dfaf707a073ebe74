"""Direct quotes in a document, joined when split by their attribution, with the speaker of each.

How it works, in order (each step documents its own rules):

1. `marks.py`: each quote mark is classed as opening, closing or apostrophe from its neighbours, and marks
   pair into spans. A quote over several paragraphs (opening mark repeated at each paragraph, closing mark
   only at the end) is one span with a part per paragraph; an unpaired mark never runs past its paragraph.
   Spans that name something rather than quote it are set aside before attribution (`filters.py`): a
   nickname inside a name (`Marcia "Cia" Price`, whose marks are then blanked so the name reads whole) and a
   title the words before announce (`on CNN's "State of the Union."`, `the anthem "A Change Is Gonna Come,"`).
2. `_attribute` (here, reading with `speakers`): each span takes the attribution that touches it, trying in
   turn a colon introduction (`X said: "..."`), the words right after it (`"...," Kerry said`, `said the
   envoy`, `— X`), the words before it in its sentence (`He added, "..."`, `According to X, "..."`), a cue
   further away in its sentence, a previous sentence closing on `X said.`, and a headline colon (`Warren:
   '...'`, or in a headline `Pat Caddell: ... It’s ‘in Their Heads.’`).
3. `_join_split_quotes`: two spans with only an attribution between (`"We want," said the envoy, "a ceasefire
   now."`) are one quote: `parts` holds both spans, `text` their words joined by one space ("We want, a
   ceasefire now."). The same holds for `"...," X said. "..."` when the second span has no attribution of its
   own.
4. `_inherit_speakers`: a span with no attribution takes its neighbour's when only that attribution stands
   between them (`X said: "..." "..."`), or when it is a sentence of its own in the paragraph of the
   attributed quote before it with no other cue between but a participle of that attribution's sentence
   (`"...," Obama said after meeting Putin. He did not suggest retaliation. "Our goal is ..."`; `"...," Imhoff
   said, adding that ... "I will be ..."`).
5. `_is_speech`: a span is a quote if it has an attribution, or `MIN_UNATTRIBUTED_WORDS` words or more, or
   if it closes a headline (`Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’`). Titles of works,
   shows and nicknames (every longer word capitalised, no full stop: "Face the Nation", "Miss Piggy"),
   title-cased lines of their own with no attribution (subheadings: 'All Bets Are Off.') and phrases after
   "so-called" or "known as" are not quotes. So a "buffer zone" or 'Clarity' with no cue is not a quote,
   while `called it a "disaster"` and `"Yes," he said` are.
6. `resolution.py`: names become the full form the document gives ("Kerry" -> "John Kerry"), he/she resolve
   to the nearest preceding named speaker whose gender fits, descriptions ("a coalition official") stay as
   written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.extract.quotes.attribution import (
    Attribution,
    attribution_after,
    attribution_before,
    attribution_ending_sentence,
)
from factcheck.extract.quotes.colon_attribution import attribution_colon_sentence, attribution_headline_colon
from factcheck.extract.quotes.filters import (
    blank_marks,
    is_headline,
    is_nickname,
    is_title,
    names_a_work,
    stands_alone,
    word_count,
)
from factcheck.extract.quotes.layout import Layout
from factcheck.extract.quotes.lexicon import CLAUSE_WORDS, PRONOUNS
from factcheck.extract.quotes.marks import QuotedSpan, find_marks, pair_marks
from factcheck.extract.quotes.reporting_cues import find_cues
from factcheck.extract.quotes.resolution import resolve_speakers
from factcheck.extract.values import Quote, Sentence

MIN_UNATTRIBUTED_WORDS = 4  # "several words forming a clause"; shorter phrases need a reporting cue
MAX_SPLIT_GAP_CHARS = 200  # the attribution between two halves of one quote is short
MAX_NEIGHBOUR_GAP_WORDS = 3  # words between a quote and the neighbour it takes its speaker from
MAX_CONTINUATION_GAP_CHARS = 300  # a quote goes on with the last speaker over at most a sentence or two

_WORD = re.compile(r"[\w'’]+")
_NEW_SENTENCE = re.compile(r"[.!?]\s+[\w(]")  # a sentence end with words after it
# Words that present a name or a label, not speech: the so-called "safe harbour", known as the "Buffett rule".
_SCARE_MARKER = re.compile(r"\b(?:so[- ]called|known as(?: the| an?)?)\s*$", re.IGNORECASE)
# After an attribution, an aside about the speaker: ", a lawyer for ...", " (D-Mo.), head of ...", ", who
# ...".
_SPEAKER_ASIDE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,\s*(?:(?:a|an|the|who|whose|which|his|her|their|its|one|head|chief|director"
    r"|president|chairman|chairwoman|spokesman|spokeswoman|leader|member)\b|[A-Z])"
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    parts: tuple[tuple[int, int], ...]
    open_start: int
    close_end: int
    closed: bool
    attribution: Attribution | None
    own_attribution: bool = True  # False when the attribution came from a neighbouring quote

    @property
    def own(self) -> Attribution | None:
        return self.attribution if self.own_attribution else None


def find_quotes(text: str, sentences: Sequence[Sentence]) -> list[Quote]:
    """Direct quotes in `text` with their speakers, in document order; offsets index into `text`.

    Args:
        text: the document text (normalised or raw; offsets are into it as given).
        sentences: `split_sentences(text)`, used for the context windows around each quote.

    Returns:
        One `Quote` per direct quote. `parts` are the quoted spans without their marks, `text` their words
        joined by one space; `speaker` the normalised name, a description as written, or None;
        `speaker_surface` the words next to the quote ("he", "Secretary of State John Kerry"); `cue` the
        reporting verb as written, "according to", the dash of a credit line, ":" for a colon introduction, or
        None when the speaker comes from a neighbouring quote.

    Raises:
        TypeError: `text` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quotes expects the document text as str, got {type(text).__name__}")
    spans = pair_marks(text, find_marks(text))
    nicknames = [span for span in spans if is_nickname(text, span)]
    # Attribution reads the text with a nickname's marks blanked (offsets unchanged), so that `Del. Marcia
    # "Cia" Price` is one name; the quotes' words come from `text` as given.
    reading = blank_marks(text, nicknames)
    spans = [span for span in spans if span not in nicknames and not names_a_work(reading, span)]
    layout = Layout(reading, sentences)
    candidates = [_attribute(reading, layout, spans, i) for i in range(len(spans))]
    candidates = _join_split_quotes(reading, candidates)
    candidates = _inherit_speakers(reading, layout, candidates)
    candidates = [c for c in candidates if _is_speech(reading, layout, c)]
    phrases = [c.attribution.speaker if c.attribution else None for c in candidates]
    quoted = [part for c in candidates for part in c.parts]
    resolved = resolve_speakers(reading, layout, phrases, quoted)
    quotes = []
    for candidate, speaker in zip(candidates, resolved, strict=True):
        quotes.append(
            Quote(
                text=" ".join(text[start:end] for start, end in candidate.parts),
                start=candidate.parts[0][0],
                end=candidate.parts[-1][1],
                parts=candidate.parts,
                speaker=speaker.speaker if speaker else None,
                speaker_surface=speaker.surface if speaker else None,
                cue=candidate.own.cue if candidate.own else None,
            )
        )
    return _without_overlaps(quotes)


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Quotes of one document never share characters: with malformed marks (`“ '' '' ... “`) pairing can
    produce spans that cross; the first quote in document order keeps its place, a crossing one is dropped."""
    kept: list[Quote] = []
    previous_end = -1
    for quote in sorted(quotes, key=lambda q: q.start):
        ordered = all(a[1] <= b[0] for a, b in zip(quote.parts, quote.parts[1:], strict=False))
        if ordered and quote.parts[0][0] >= previous_end:
            kept.append(quote)
            previous_end = quote.parts[-1][1]
    return kept


def _attribute(text: str, layout: Layout, spans: Sequence[QuotedSpan], index: int) -> _Candidate:
    """The span `spans[index]` with the attribution that fits it best (see the module docstring, step 2)."""
    span = spans[index]
    previous_close = spans[index - 1].close_end if index > 0 else 0
    next_open = spans[index + 1].open_start if index + 1 < len(spans) else len(text)
    sentence_start = layout.sentence_start(span.open_start)
    clause_start = max(sentence_start, previous_close)

    def candidate(attribution: Attribution | None) -> _Candidate:
        return _Candidate(span.parts, span.open_start, span.close_end, span.closed, attribution)

    if text[clause_start : span.open_start].rstrip().endswith(":"):
        introduced = attribution_before(text, clause_start, span.open_start)
        if introduced is not None and introduced.adjacent:
            return candidate(introduced)  # `X scolded him: "..."`
    after = _attribution_after(text, layout, span, next_open) if span.closed else None
    if after is not None and after.adjacent:
        return candidate(after)
    clause_start = _colon_introduction(text, layout, clause_start, span.open_start, previous_close)
    before = attribution_before(text, clause_start, span.open_start, sentence_start)
    if before is None and text[clause_start : span.open_start].rstrip().endswith(":") and _ends_sentence(text, span):
        before = attribution_colon_sentence(text, clause_start, text.rfind(":", clause_start, span.open_start))
    attribution = before or after
    if attribution is None and not text[sentence_start : span.open_start].strip():
        previous = layout.previous_sentence(span.open_start)
        if previous is not None and previous.start >= previous_close:
            attribution = attribution_ending_sentence(text, previous.start, previous.end)
    if attribution is None and _ends_line(text, span.close_end):
        line_start = text.rfind("\n", 0, span.open_start) + 1
        if line_start >= previous_close:
            headline = is_headline(text, span.open_start)
            attribution = attribution_headline_colon(text, line_start, span.open_start, headline)
    return candidate(attribution)


def _attribution_after(text: str, layout: Layout, span: QuotedSpan, next_open: int) -> Attribution | None:
    """The attribution after a closing mark. A quote that ends its sentence (`"... the timing." Gov. X said it
    would be "improper"`) only takes one that touches it and ends the next sentence (`"...?" Vitter
    demanded.`), and only when no verb of speech before it in its own sentence introduces it (`X, whose firm ran
    the sale, said demand had been "...". Sperrin & Gable charges the council ...`)."""
    sentence_end = layout.after_window_end(span.close_end)
    after = attribution_after(text, span.close_end, min(sentence_end, next_open))
    if after is None:
        return None
    if _ends_sentence(text, span) and not (
        after.adjacent
        and _only_adds_to_attribution(text, after.end, sentence_end, participle_ok=True)
        and not find_cues(text, layout.sentence_start(span.open_start), span.open_start)
    ):
        return None
    return after


def _colon_introduction(text: str, layout: Layout, clause_start: int, open_start: int, previous_close: int) -> int:
    """Where to read an attribution for a quote that opens its sentence or paragraph after `X said:` (press
    releases): the sentence with the colon."""
    if text[clause_start:open_start].strip():
        return clause_start
    before = text[:open_start].rstrip()
    if before.endswith(":") and len(before) > previous_close:
        return max(layout.sentence_start(len(before) - 1), previous_close)
    return clause_start


def _ends_sentence(text: str, span: QuotedSpan | _Candidate) -> bool:
    """Whether a quote closes its sentence (`...: "Of course. I was kidding."`), unlike a word quoted inside
    a headline (`Kerry: 'Clarity' achieved ...`)."""
    last_char = text[span.parts[-1][1] - 1] if span.parts else ""
    after = text[span.close_end : span.close_end + 1]
    return last_char in ".!?" or after in (".", "!", "?") or _ends_line(text, span.close_end)


def _ends_line(text: str, position: int) -> bool:
    rest = text[position : position + 3].lstrip(".!?")
    return not rest or rest[0] == "\n"


def _join_split_quotes(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """`"We want," said the envoy, "a ceasefire now."`: two spans with only their attribution between are
    one."""
    joined: list[_Candidate] = []
    for candidate in candidates:
        between = _splitting_attribution(text, joined[-1], candidate) if joined else None
        if between is not None:
            first = joined[-1]
            parts = first.parts + candidate.parts
            joined[-1] = _Candidate(parts, first.open_start, candidate.close_end, candidate.closed, between)
        else:
            joined.append(candidate)
    return joined


def _splitting_attribution(text: str, first: _Candidate, second: _Candidate) -> Attribution | None:
    """The attribution that splits one quote into `first` and `second`, or None if they are two quotes.

    Split when, in one paragraph, an attribution touches the end of `first`, nothing but an aside or a place
    follows it (`_only_adds_to_attribution`) within its sentence (`"...," X said. Y disagreed: "..."` are two),
    `first` has no attribution before it (`She says "...". She adds, "..."` are two) and `second` none after it
    (`"...," he said. "...," he added` are two).
    """
    gap = text[first.close_end : second.open_start]
    if not first.closed or len(gap) > MAX_SPLIT_GAP_CHARS or "\n" in gap or not gap.strip(" ,.;:"):
        return None
    between = attribution_after(text, first.close_end, second.open_start)
    if between is None or not between.adjacent:
        return None
    if not _only_adds_to_attribution(text, between.end, second.open_start, participle_ok=True):
        return None
    if _NEW_SENTENCE.search(text, between.end, second.open_start):
        return None
    if first.attribution is not None and first.attribution.speaker.start < first.close_end:
        return None
    if second.attribution is not None and second.attribution.speaker.start > second.close_end:
        return None
    return between


def _only_adds_to_attribution(text: str, start: int, end: int, participle_ok: bool = False) -> bool:
    """Whether `text[start:end]`, after an attribution, only says where, when or who: nothing, an aside about
    the speaker (", a lawyer for the Sierra Club, who ..."), a phrase with no verb ("in an interview with
    CNN"), or with `participle_ok` a participle (", looking out on the crowd"). Not a second cue (", adding
    later,") nor a clause ("it underscores that", "it would be")."""
    trailing = text[start:end]
    found = _WORD.findall(trailing)
    if not found:
        return True
    if find_cues(text, start, end):
        return False
    if _SPEAKER_ASIDE.match(trailing):
        return True
    if found[0].lower().endswith("ing"):
        return participle_ok and trailing.lstrip().startswith(",")
    return not any(w.lower() in CLAUSE_WORDS or w.lower() in PRONOUNS for w in found)


def _inherit_speakers(text: str, layout: Layout, candidates: list[_Candidate]) -> list[_Candidate]:
    """Spans with no attribution take the attribution of the span just before them when only that attribution
    stands between (`X said: "..." "..."`, `"...," said X, speaking of Y. "..."`), else of the span just after
    when at most `MAX_NEIGHBOUR_GAP_WORDS` words stand between (`"..." workers. "...," Warren said.`), else of
    the span before when they make a sentence of their own in its paragraph (`_continues_speaker`)."""
    result = list(candidates)
    for index, candidate in enumerate(result):
        if candidate.attribution is not None:
            continue
        previous = result[index - 1] if index > 0 else None
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        if previous is not None and previous.attribution and _only_attribution_between(text, previous, candidate):
            result[index] = replace(candidate, attribution=previous.attribution, own_attribution=False)
        elif following is not None and following.attribution and _near(text, candidate.close_end, following):
            result[index] = replace(candidate, attribution=following.attribution, own_attribution=False)
        elif previous is not None and previous.attribution and _continues_speaker(text, layout, previous, candidate):
            result[index] = replace(candidate, attribution=previous.attribution, own_attribution=False)
    return result


def _continues_speaker(text: str, layout: Layout, previous: _Candidate, candidate: _Candidate) -> bool:
    """A quote that is a whole sentence, in the paragraph of the attributed quote before it, with no reporting
    cue between but that quote's own: the news convention that the speaker goes on (`"...," Obama said after
    meeting Putin. He did not suggest retaliation. "Our goal is ..."`)."""
    gap = text[previous.close_end : candidate.open_start]
    if "\n" in gap or len(gap) > MAX_CONTINUATION_GAP_CHARS:
        return False
    if text[layout.sentence_start(candidate.open_start) : candidate.open_start].strip():
        return False
    if not _ends_sentence(text, candidate):
        return False
    if previous.attribution is None:
        return False
    own_cue_end = max(previous.close_end, previous.attribution.end)
    # `"...," Imhoff said, adding that heads had been told to open. "I will be ..."`: a participle in the
    # attribution's own sentence has that sentence's subject, and the cues after it are what the speaker reports,
    # so the speaker still goes on
    own_sentence = layout.sentence_index(max(own_cue_end - 1, 0))
    participle = False
    for cue in find_cues(text, own_cue_end, candidate.open_start):
        if layout.sentence_index(cue.start) != own_sentence:
            return False
        participle = participle or cue.participle
        if not participle:
            return False
    return True


def _only_attribution_between(text: str, previous: _Candidate, candidate: _Candidate) -> bool:
    gap_start, gap_end = previous.close_end, candidate.open_start
    if "\n" in text[gap_start:gap_end]:
        return False
    attribution = previous.attribution
    if attribution is None:
        return False
    if gap_start <= attribution.speaker.start < gap_end:
        return _only_adds_to_attribution(text, attribution.end, gap_end, participle_ok=True)
    return _word_count(text[gap_start:gap_end]) <= MAX_NEIGHBOUR_GAP_WORDS


def _near(text: str, close_end: int, following: _Candidate) -> bool:
    gap = text[close_end : following.open_start]
    return "\n" not in gap and _word_count(gap) <= MAX_NEIGHBOUR_GAP_WORDS


def _is_speech(text: str, layout: Layout, candidate: _Candidate) -> bool:
    """Whether a span is a quote rather than a scare quote, a title, a heading or a nickname (module docstring,
    step 5)."""
    quoted = " ".join(text[start:end] for start, end in candidate.parts)
    if word_count(quoted) == 0:
        return False
    open_start, close_end = candidate.open_start, candidate.close_end
    # A title-cased line of its own with no attribution is a heading even with a full stop ('All Bets Are Off.').
    heading = candidate.attribution is None and stands_alone(text, open_start, close_end)
    if is_title(quoted, final_stop=heading) and not _answers(text, layout, candidate):
        return False
    if _SCARE_MARKER.search(text, max(0, open_start - 16), open_start):
        return False
    if candidate.attribution is not None or word_count(quoted) >= MIN_UNATTRIBUTED_WORDS:
        return True
    # Headlines quote in single marks and put the quoted words last (`... As A ‘Disgusting Fraud.’`); a word
    # quoted inside a headline (`Kerry: ‘Clarity’ achieved ...`) stays a scare quote.
    return _ends_line(text, close_end) and is_headline(text, open_start)


def _answers(text: str, layout: Layout, candidate: _Candidate) -> bool:
    """Capitalised words that are speech after all: a sentence of their own attributed right after (`"Yes," he
    said.`), or a headline quote after a colon (`Warren: 'You Should Be Criminally Investigated.'`)."""
    attribution = candidate.own
    if attribution is None or not attribution.adjacent:
        return False
    if attribution.cue == ":":
        return True
    opens_sentence = not text[layout.sentence_start(candidate.open_start) : candidate.open_start].strip()
    return opens_sentence and attribution.speaker.start > candidate.close_end


def _word_count(stretch: str) -> int:
    return word_count(stretch)
