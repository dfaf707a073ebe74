"""Quote fidelity and speaker: how faithfully a claim's quote appears in a passage, and who the source credits.

Normalisation is documented in `factcheck/corroborate/quote_align.py`: quote marks, apostrophes, dashes, the
ellipsis character, Unicode compatibility forms (NFKC), whitespace and letter case are layout, not wording;
punctuation between words is compared apart from the words.

Rules, tried in order on the words of the quote (`quote_align.tokenize`):

1. `verbatim`: all the quote's words are found contiguously, with the same punctuation between every pair of words.
   The punctuation before the first and after the last word is not compared (news style moves a final comma or
   full stop inside the closing mark). A quote the source splits with its attribution (`"We want," said the
   envoy, "a ceasefire now."`) counts as contiguous, the punctuation at the split not compared. An ellipsis the
   source has too is punctuation, so "Wait... really" in "Wait… really" is verbatim.
2. `punctuation_only`: the same words contiguously, but some punctuation between them differs.
3. `ellipsis`: the quote contains "..." or "…" and each piece between the marks is found word for word in the
   source, in order, with words cut between them.
4. `stitched`: the quote is covered by two or more pieces of at least `MIN_PIECE_WORDS` words each, each found word
   for word, where consecutive pieces are out of order or separated in the source by a sentence end (`.!?`), a
   quotation mark or a line break, and no ellipsis marks the join; unless one stretch of the source lines up with
   the quote but for a changed number, negation, content word or certainty (rule 5 with such a change: "will be
   asked" for "may be asked", with "will be" found in another sentence, is altered).
5. `altered`: the best-aligned source window shares at least half of the quote's words (`MIN_ALIGNED_SHARE`) and
   lies inside quoted speech (between quotation marks, or in a transcript turn `KERRY: ...`), or in a source with
   no quotation marks and no reporting verb in its sentence. Words aligned outside quoted speech are indirect
   speech ("said the strike would go ahead"), which is `not_found`: a paraphrase, not the quote.
6. `not_found`: otherwise.

Speaker: who the source credits with the located words (or, when the quote is not found, with the best window
or the whole passage), compared with the claim's speaker; the rules are in `quote_speaker.compare_speaker`.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from factcheck.corroborate.quote_align import (
    ELLIPSIS,
    Token,
    candidate_regions,
    find_run,
    find_runs,
    gap_punctuation,
    index_words,
    longest_run_at,
    pieces_diff,
    punctuation_name,
    tokenize,
    tokenize_regions,
)
from factcheck.corroborate.quote_alteration import SWAP_ALIGNED_SHARE, Located, aligned_window, narrowed_superlative
from factcheck.corroborate.quote_speaker import (
    CONTEXT_CHARS,
    compare_speaker,
    passage_offset,
    split_by_attribution,
    turns_of,
    whole_span,
)
from factcheck.corroborate.signals import FAITHFUL, DiffOp, QuoteSignal, QuoteStatus, SpeakerStatus

MIN_PIECE_WORDS = 2  # a stitched piece is a phrase, not a single common word
LONG_SOURCE_CHARS = 20_000  # longer sources are tokenised only where rapidfuzz places the quote or its pieces
REGION_MIN_SCORE = 50  # rapidfuzz partial ratio below which a place is not worth aligning
DOCUMENT_CACHE = 64  # (quote, document) searches remembered: a claim's candidates come from a few documents

_SENTENCE_BREAK = re.compile(r"[.!?\"'\u201c\u201d\u2018\u2019\n]")


def compare_quote(
    quote_text: str,
    claim_speaker: str | None,
    passage_text: str,
    document_text: str | None = None,
    passage_start: int | None = None,
) -> QuoteSignal:
    """How faithfully `quote_text` appears in `passage_text` (or, failing that, in `document_text`), and whether
    the source credits `claim_speaker` with it.

    Args:
        quote_text: the quoted words of the claim, without their quotation marks.
        claim_speaker: who the claim says spoke (a name), or None.
        passage_text: the candidate passage.
        document_text: the passage's whole document, searched when the quote is not found in the passage, and
            read for the speaker: a transcript turn runs from its label to the next one, across passages.
        passage_start: the passage's offset in `document_text` (found by search when missing or wrong).

    Returns:
        A `QuoteSignal`; `source_start`/`source_end` index into the passage, or into the document when
        `in_document` is set. The module docstring gives the rules.
    """
    quote_text = quote_text if isinstance(quote_text, str) else ""
    passage_text = passage_text if isinstance(passage_text, str) else ""
    quote_tokens = tokenize(quote_text)
    if not quote_tokens:
        return QuoteSignal(QuoteStatus.NOT_FOUND, "The claim's quote has no words to look for.")
    signal, window = _compare_in(quote_text, quote_tokens, passage_text, "passage")
    searched, in_document = passage_text, False
    if signal.status not in FAITHFUL and isinstance(document_text, str) and document_text:
        # Not found, or only part of it (a quote split across passages): the whole document may have it all.
        in_document_signal, document_window = _compare_in_document(quote_text, document_text)
        better = in_document_signal.status in FAITHFUL or signal.status is QuoteStatus.NOT_FOUND
        if in_document_signal.status is not QuoteStatus.NOT_FOUND and better:
            signal, window, searched, in_document = in_document_signal, document_window, document_text, True
    offset = passage_offset(passage_text, document_text, passage_start)
    if in_document and offset is not None and _within(window, offset, offset + len(passage_text)):
        # the words lie in this passage, which alone could not show they are quoted speech (it holds the end of a
        # quotation whose opening mark is in the passage before): a finding of this passage, not of its document
        in_document = False
        signal = dataclasses.replace(
            signal,
            source_start=None if signal.source_start is None else signal.source_start - offset,
            source_end=None if signal.source_end is None else signal.source_end - offset,
            reason=signal.reason.replace("the document", "the passage"),
        )
    elif in_document:
        offset = None
    elif offset is not None and isinstance(document_text, str):
        searched, window = document_text, tuple((start + offset, end + offset) for start, end in window)
    spans = window or whole_span(offset, passage_text)
    if in_document:  # the same for every passage of the document: asked once per claim and document
        speaker_status, source_speaker = _speaker_in_document(claim_speaker, searched, spans)
    else:
        speaker_status, source_speaker = compare_speaker(claim_speaker, searched, spans)
    return QuoteSignal(
        status=signal.status,
        reason=signal.reason,
        source_start=signal.source_start,
        source_end=signal.source_end,
        in_document=in_document,
        diff=signal.diff,
        changed_numbers=signal.changed_numbers,
        changed_negations=signal.changed_negations,
        changed_words=signal.changed_words,
        speaker=speaker_status,
        source_speaker=source_speaker,
    )


# A claim's candidates are often several passages of one document (a transcript cut into passages), and a quote not
# in a passage is looked for in its whole document: the same search for each of them. Both functions are pure, so
# the search and the speaker it finds are remembered per (quote, document) for the last few documents.
@functools.lru_cache(maxsize=DOCUMENT_CACHE)
def _compare_in_document(quote_text: str, document_text: str) -> tuple[QuoteSignal, tuple[tuple[int, int], ...]]:
    return _compare_in(quote_text, tokenize(quote_text), document_text, "document")


@functools.lru_cache(maxsize=DOCUMENT_CACHE)
def _speaker_in_document(
    claim_speaker: str | None, document_text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[SpeakerStatus, str | None]:
    return compare_speaker(claim_speaker, document_text, spans)


def forget_document_searches() -> None:
    """Drop the remembered (quote, document) searches."""
    _compare_in_document.cache_clear()
    _speaker_in_document.cache_clear()


def _compare_in(
    quote_text: str, quote_tokens: list[Token], source_text: str, where: str
) -> tuple[QuoteSignal, tuple[tuple[int, int], ...]]:
    """The quote against one source text: the signal (no speaker yet) and the character spans of its pieces
    (for not_found, the best window below the threshold, if any, for reading who the source credits)."""
    if len(source_text) > LONG_SOURCE_CHARS:
        source = tokenize_regions(source_text, _regions_of_interest(quote_text, quote_tokens, source_text))
    else:
        source = tokenize(source_text)
    index = index_words(source)
    located = _locate(quote_text, quote_tokens, source_text, source, index, where)
    spans = tuple((source[s].start, source[e - 1].end) for s, e in located.pieces if e > s)
    start = spans[0][0] if spans else None
    end = max(span[1] for span in spans) if spans else None
    status, reason = located.status, located.reason
    if (
        status is not QuoteStatus.NOT_FOUND
        and start is not None
        and end is not None
        and _across_label(source_text, start, end)
    ):
        # a transcript's speaker label is nobody's words: a stretch running through one ("[REPORTER, ORMSGATE ECHO]:
        # Will the rally keep ...") is two people's lines, not the quote told otherwise
        reason = f"The quote is not in the {where}: the closest words run across a speaker's label."
        return QuoteSignal(status=QuoteStatus.NOT_FOUND, reason=reason), spans
    signal = QuoteSignal(
        status=status,
        reason=reason,
        source_start=start if status is not QuoteStatus.NOT_FOUND else None,
        source_end=end if status is not QuoteStatus.NOT_FOUND else None,
        diff=located.diff,
        changed_numbers=located.changed_numbers,
        changed_negations=located.changed_negations,
        changed_words=located.changed_words,
    )
    return signal, spans


def _across_label(source_text: str, start: int, end: int) -> bool:
    """Whether a transcript turn's label lies within [start, end) of the source."""
    return any(start < turn.start and turn.label_start < end for turn in turns_of(source_text))


def _within(window: tuple[tuple[int, int], ...], low: int, high: int) -> bool:
    return bool(window) and all(low <= start and end <= high for start, end in window)


def _regions_of_interest(quote_text: str, quote_tokens: list[Token], source_text: str) -> list[tuple[int, int]]:
    """Where in a long source the quote, each piece between ellipsis marks and each of its sentences fit best."""
    needles = [" ".join(t.norm for t in quote_tokens)]
    for piece in re.split(r"\.\s*\.\s*\.|\u2026|[.;:!?]", quote_text):
        needles.append(" ".join(t.norm for t in tokenize(piece)))
    return candidate_regions(needles, source_text, CONTEXT_CHARS, REGION_MIN_SCORE)


def _locate(
    quote_text: str,
    quote_tokens: list[Token],
    source_text: str,
    source: list[Token],
    index: dict[str, list[int]],
    where: str,
) -> Located:
    words = [t.norm for t in quote_tokens]
    runs = [
        _contiguous(quote_text, quote_tokens, source_text, source, p, where) for p in find_runs(words, source, index)
    ]
    if runs:  # the quote may occur more than once: a verbatim occurrence wins
        return next((run for run in runs if run.status is QuoteStatus.VERBATIM), runs[0])
    if ELLIPSIS.search(quote_text):
        located = _by_ellipsis(quote_text, quote_tokens, source_text, source, index, where)
        if located is not None:
            return located
    stitched = _stitched(quote_text, quote_tokens, source_text, source, index, where)
    window = aligned_window(quote_tokens, source_text, source, index, where)
    if stitched is not None and not _one_sentence_changed(window, len(quote_tokens), source_text, source):
        return stitched
    return window


def _one_sentence_changed(window: Located, quote_words: int, source_text: str, source: list[Token]) -> bool:
    """Whether one stretch of the source within a sentence lines up with the quote but for a changed number,
    negation, word or certainty ("may be asked" written "will be asked"): that is one sentence altered, not pieces
    stitched, even when the changed word also appears elsewhere in the source."""
    changed = window.changed_numbers or window.changed_negations or window.changed_words
    if window.status is not QuoteStatus.ALTERED or not changed or len(window.pieces) != 1:
        return False
    aligned = sum(len(op.claim_words.split()) for op in window.diff if op.op == "equal")
    if aligned < SWAP_ALIGNED_SHARE * quote_words:
        return False  # "I am not saying there will be no deal" is not "The talks have collapsed. There will be ..."
    start, end = window.pieces[0]
    return not _SENTENCE_BREAK.search(source_text, source[start].end, source[end - 1].start)


def _by_ellipsis(
    quote_text: str,
    quote_tokens: list[Token],
    source_text: str,
    source: list[Token],
    index: dict[str, list[int]],
    where: str,
) -> Located | None:
    """Rule 1: each piece between ellipsis marks found word for word, in order; None otherwise."""
    cuts = [m.start() for m in ELLIPSIS.finditer(quote_text)]
    pieces: list[list[Token]] = [[]]
    cut_index = 0
    for token in quote_tokens:
        while cut_index < len(cuts) and token.start >= cuts[cut_index]:
            pieces.append([])
            cut_index += 1
        pieces[-1].append(token)
    pieces = [piece for piece in pieces if piece]
    found: list[tuple[int, int]] = []
    not_before = 0
    for piece in pieces:
        position = find_run([t.norm for t in piece], source, index, not_before)
        if position is None:
            return None
        found.append((position, position + len(piece)))
        not_before = position + len(piece)
    diff = pieces_diff(pieces, found, source_text, source)
    count = len(pieces)
    reason = (
        f"Each of the {count} pieces around the ellipsis appears word for word in the {where}, in order."
        if count > 1
        else f"The words before or after the ellipsis appear word for word in the {where}."
    )
    return Located(QuoteStatus.ELLIPSIS, tuple(found), diff, reason)


def _contiguous(
    quote_text: str, quote_tokens: list[Token], source_text: str, source: list[Token], position: int, where: str
) -> Located:
    """Rules 2 and 3: all the words in one run; verbatim unless the punctuation between them differs."""
    length = len(quote_tokens)
    differences = []
    for k in range(length - 1):
        claim_gap = gap_punctuation(quote_text, quote_tokens[k].end, quote_tokens[k + 1].start)
        source_gap = gap_punctuation(source_text, source[position + k].end, source[position + k + 1].start)
        if claim_gap != source_gap:
            differences.append((k, claim_gap, source_gap))
    surface = source_text[source[position].start : source[position + length - 1].end]
    diff = (DiffOp("equal", quote_text[quote_tokens[0].start : quote_tokens[-1].end], surface),)
    pieces = ((position, position + length),)
    narrowed = narrowed_superlative(quote_tokens, source, position)
    if narrowed is not None:
        return narrowed  # "the best we have ever had" cut from "one of the best we have ever had"
    if not differences:
        return Located(QuoteStatus.VERBATIM, pieces, diff, f"The quote is verbatim in the {where}.")
    k, claim_gap, source_gap = differences[0]
    after = quote_text[quote_tokens[k].start : quote_tokens[k].end]
    more = f", and in {len(differences) - 1} more places" if len(differences) > 1 else ""
    reason = (
        f"The words match the {where} exactly; only the punctuation differs: after \u201c{after}\u201d the claim "
        f"has {punctuation_name(claim_gap)} where the {where} has {punctuation_name(source_gap)}{more}."
    )
    return Located(QuoteStatus.PUNCTUATION_ONLY, pieces, diff, reason)


def _stitched(
    quote_text: str,
    quote_tokens: list[Token],
    source_text: str,
    source: list[Token],
    index: dict[str, list[int]],
    where: str,
) -> Located | None:
    """Rule 4: pieces found word for word but taken from separate sentences or remarks; None otherwise."""
    words = [t.norm for t in quote_tokens]
    found: list[tuple[int, int]] = []
    claim_pieces: list[list[Token]] = []
    start, not_before = 0, 0
    while start < len(words):
        length, position = longest_run_at(words, start, source, index, not_before)
        if length < MIN_PIECE_WORDS:
            return None
        found.append((position, position + length))
        claim_pieces.append(quote_tokens[start : start + length])
        start += length
        not_before = position + length
    if len(found) < 2:
        return None
    joins = list(zip(found, found[1:], strict=False))
    if all(split_by_attribution(source_text, source[a[1] - 1].end, source[b[0]].start) for a, b in joins):
        return _split_quote(quote_text, claim_pieces, found, source_text, source, where)
    for (_, first_end), (second_start, _) in joins:
        in_order = second_start >= first_end
        between = source_text[source[first_end - 1].end : source[second_start].start] if in_order else ""
        if in_order and not _SENTENCE_BREAK.search(between):
            return None  # one sentence with words cut from its middle: altered, not stitched
    diff = pieces_diff(claim_pieces, found, source_text, source)
    shown = " and ".join(f"'{source_text[source[s].start : source[e - 1].end]}'" for s, e in found)
    reason = (
        f"The quote joins {len(found)} pieces that appear separately in the {where} ({shown}) "
        "with no ellipsis marking the cut."
    )
    return Located(QuoteStatus.STITCHED, tuple(found), diff, reason)


def _split_quote(
    quote_text: str,
    claim_pieces: list[list[Token]],
    found: list[tuple[int, int]],
    source_text: str,
    source: list[Token],
    where: str,
) -> Located:
    """Rules 2 and 3 for a quote the source splits with its attribution: the punctuation at each split is the
    closing and opening of the parts, so it is not compared."""
    differences = 0
    for piece, (start, _) in zip(claim_pieces, found, strict=True):
        for k in range(len(piece) - 1):
            claim_gap = gap_punctuation(quote_text, piece[k].end, piece[k + 1].start)
            source_gap = gap_punctuation(source_text, source[start + k].end, source[start + k + 1].start)
            differences += claim_gap != source_gap
    diff = pieces_diff(claim_pieces, found, source_text, source)
    status = QuoteStatus.PUNCTUATION_ONLY if differences else QuoteStatus.VERBATIM
    detail = "word for word" if not differences else "with only punctuation differing"
    reason = f"The quote is in the {where} {detail}, split by its attribution."
    return Located(status, tuple(found), diff, reason)
