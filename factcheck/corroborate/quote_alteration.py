"""Rules 5 and 6 of quote fidelity (`factcheck/corroborate/quotes.py`): the best-aligned source window, `altered`
when enough of the quote's words line up inside quoted speech, else `not_found`; and `Located`, where a rule found
the quote's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein, Opcode

from factcheck.corroborate.quote_align import (
    Token,
    altered_reason,
    best_window,
    certainty_changed,
    change_blocks,
    describe_change,
    gap_punctuation,
    has_number,
    negation_changed,
    span_text,
    word_swapped,
)
from factcheck.corroborate.quote_speaker import in_quoted_speech, marked_as_speech
from factcheck.corroborate.signals import DiffOp, QuoteStatus

__all__ = ["Located", "aligned_window", "narrowed_superlative"]

MIN_ALIGNED_SHARE = 0.5  # fewer than half of the quote's words aligned: not found
SWAP_ALIGNED_SHARE = 0.75  # a swapped word counts as the change only when the rest of the quote lines up
MAX_WIDEN_WORDS = 2  # source words taken in at either end of an altered window ("A third" for "Half")


@dataclass(frozen=True, slots=True)
class Located:
    """Where the quote's words are in the searched text, as word positions and character offsets."""

    status: QuoteStatus
    pieces: tuple[tuple[int, int], ...]  # source word ranges [start, end) of each piece
    diff: tuple[DiffOp, ...]
    reason: str
    changed_numbers: tuple[str, ...] = ()
    changed_negations: tuple[str, ...] = ()
    changed_words: tuple[str, ...] = ()


def aligned_window(
    quote_tokens: list[Token], source_text: str, source: list[Token], index: dict[str, list[int]], where: str
) -> Located:
    """Rules 5 and 6: the best window, altered when enough words line up inside quoted speech."""
    words = [t.norm for t in quote_tokens]
    window = best_window(words, source, index)
    if window is None:
        return Located(QuoteStatus.NOT_FOUND, (), (), f"None of the quote's words appear in the {where}.")
    start, end = _widen_to_phrase(quote_tokens, source_text, source, window)
    window_tokens = source[start:end]
    opcodes = Levenshtein.opcodes(words, [t.norm for t in window_tokens])
    aligned = sum(op.src_end - op.src_start for op in opcodes if op.tag == "equal")
    diff = tuple(
        DiffOp(
            op.tag,
            " ".join(t.surface for t in quote_tokens[op.src_start : op.src_end]),
            span_text(source_text, window_tokens[op.dest_start : op.dest_end]),
        )
        for op in opcodes
    )
    if aligned < MIN_ALIGNED_SHARE * max(len(words), end - start):
        # fewer than half of the quote's words, or than half of the stretch they line up in ("That is the promise."
        # against "That is not a criticism of the staff"): the words are not there
        reason = (
            f"The quote is not in the {where}: only {aligned} of its {len(words)} words line up with any stretch of it."
        )
        return Located(QuoteStatus.NOT_FOUND, ((start, end),), (), reason)
    span_start, span_end = source[start].start, source[end - 1].end
    if not in_quoted_speech(source_text, span_start, span_end):
        reason = (
            f"The quote is not in the {where}: similar words ({aligned} of {len(words)}) appear only outside "
            "quotation marks, as a paraphrase or indirect speech."
        )
        return Located(QuoteStatus.NOT_FOUND, ((start, end),), (), reason)
    shifted = _told_in_third_person(diff)
    if shifted is not None and not marked_as_speech(source_text, span_start, span_end):
        reason = (
            f"The quote is not in the {where}: similar words ({aligned} of {len(words)}) tell of the speaker in the "
            f"third person ('{shifted[1]}' for '{shifted[0]}'), a report of what was said or done, not the words "
            "themselves."
        )
        return Located(QuoteStatus.NOT_FOUND, ((start, end),), (), reason)
    blocks = change_blocks(diff)
    numbers = tuple(describe_change(block) for block in blocks if has_number(block))
    negations = tuple(describe_change(block) for block in blocks if negation_changed(block))
    swapped: tuple[str, ...] = ()
    for joined in (False, True):  # a word replaced by one; else a run of changes holding a replacement
        swapped = swapped or tuple(
            f"{op.claim_words} -> {op.source_words}"
            for op, (low, high) in _replaced_spans(diff, opcodes, window_tokens, joined)
            if word_swapped(("", op.claim_words, op.source_words)) and in_quoted_speech(source_text, low, high)
        )
    certainty = tuple(describe_change(block) for block in blocks if certainty_changed(block))
    if aligned < SWAP_ALIGNED_SHARE * len(words):
        # Too little lines up for a swapped word or number to be the change ("We are reaching people"; "open for
        # food" against "sufficient for 40,000 people" in a report that never quotes the speaker).
        swapped = certainty = numbers = ()
    reason = altered_reason(blocks, numbers, negations, where, certainty)
    moved = _moved(diff)
    if moved is not None:
        low, high = opcodes[moved[0]], opcodes[moved[1]]
        quote_side = " ".join(t.surface for t in quote_tokens[low.src_start : high.src_end])
        source_side = span_text(source_text, window_tokens[low.dest_start : high.dest_end])
        reason = f"The quote changes the order of the words: the {where} says '{source_side}', not '{quote_side}'."
    return Located(
        QuoteStatus.ALTERED,
        ((start, end),),
        diff,
        reason,
        numbers,
        negations,
        swapped + tuple(change for change in certainty if change not in swapped),
    )


_FIRST_PERSON = frozenset("i me my mine we us our ours i'm we're we've i've we'd i'd".split())
_THIRD_PERSON = frozenset("he him his she her hers they them their theirs who whom whose it its".split())


def _told_in_third_person(diff: tuple[DiffOp, ...]) -> tuple[str, str] | None:
    """The first (quote words, source words) step of `diff` that puts a third-person word where the quote has a
    first-person one ("We started with two tanks" against "Tollemache, 52, who started with two tanks"), or None."""
    for op in diff:
        if op.op != "replace":
            continue
        mine = {w.strip(".,;:!?\"'").lower() for w in op.claim_words.split()}
        theirs = {w.strip(".,;:!?\"'").lower() for w in op.source_words.split()}
        if mine & _FIRST_PERSON and theirs & _THIRD_PERSON:
            return op.claim_words, op.source_words
    return None


def _moved(diff: tuple[DiffOp, ...]) -> tuple[int, int] | None:
    """The first and the last changed step of `diff` when the only changes are the same words
    dropped in one place and added in another ("the bombs, not hunger" for "hunger, not the bombs") or two words
    that trade places, else None."""
    changed = [n for n, op in enumerate(diff) if op.op != "equal"]
    if len(changed) != 2:
        return None
    first, second = (diff[n] for n in changed)
    if {first.op, second.op} == {"insert", "delete"}:
        moved = sorted(_plain(first.claim_words or first.source_words)) == sorted(
            _plain(second.claim_words or second.source_words)
        )
    else:  # two words trading places: "the rain, not the wind" for "the wind, not the rain"
        moved = first.op == second.op == "replace" and (
            _plain(first.claim_words) == _plain(second.source_words)
            and _plain(first.source_words) == _plain(second.claim_words)
        )
    if not moved:
        return None
    return changed[0], changed[1]


def _plain(words: str) -> list[str]:
    return [word.strip(",.;:!?").lower() for word in words.split() if word.strip(",.;:!?")]


def _replaced_spans(diff: tuple[DiffOp, ...], opcodes, window_tokens: list[Token], joined: bool = False):
    """The diff's replace steps with the character span of their source words (a swap counts only inside the
    quoted words, not in the attribution after them: "abandoned us," said Sofia Petrova). `joined`: instead, each
    run of changed steps next to each other that holds a replace step, as one replacement ("by waving" for "with"
    aligns as "by" -> "with" and "waving" added: one change of wording)."""
    run: list[tuple[DiffOp, Opcode]] = []
    for op, code in [*zip(diff, opcodes, strict=True), (None, None)]:
        if op is not None and op.op != "equal":
            run.append((op, code))
            continue
        placed = [(o, c) for o, c in run if c.dest_end > c.dest_start]
        if not joined:
            for o, c in placed:
                if o.op == "replace":
                    yield o, (window_tokens[c.dest_start].start, window_tokens[c.dest_end - 1].end)
        elif len(run) > 1 and any(o.op == "replace" for o, _ in run):
            claim_words = " ".join(o.claim_words for o, _ in run if o.claim_words)
            source_words = " ".join(o.source_words for o, _ in run if o.source_words)
            low, high = min(c.dest_start for _, c in placed), max(c.dest_end for _, c in placed)
            yield DiffOp("replace", claim_words, source_words), (window_tokens[low].start, window_tokens[high - 1].end)
        run = []


def _widen_to_phrase(
    quote_tokens: list[Token], source_text: str, source: list[Token], window: tuple[int, int]
) -> tuple[int, int]:
    """When the quote's first (last) word is not the window's, take in the source words before (after) the window
    up to the nearest punctuation, at most `MAX_WIDEN_WORDS`: the alignment leaves them out because they cost
    nothing outside the window, but "Half" against "A third" should show "A third", not "third"."""
    start, end = window
    if quote_tokens[0].norm != source[start].norm:
        for _ in range(MAX_WIDEN_WORDS):
            if start == 0 or gap_punctuation(source_text, source[start - 1].end, source[start].start):
                break
            start -= 1
    if quote_tokens[-1].norm != source[end - 1].norm:
        for _ in range(MAX_WIDEN_WORDS):
            if end == len(source) or gap_punctuation(source_text, source[end - 1].end, source[end].start):
                break
            end += 1
    return start, end


# "the best we have ever had" quoted from "one of the best we have ever had": the cut words made one of several the
# only one. A superlative opens the quote; "one of" or "among" stands right before it in the source.
_SUPERLATIVE = re.compile(r"(?:best|worst|most|least|[a-z]{2,}est)$")
_NOT_SUPERLATIVE = frozenset(
    "interest forest west guest chest request honest protest harvest contest test nest rest quest arrest suggest "
    "invest digest manifest modest earnest".split()
)
_ONE_OF = (("one", "of"), ("among",), ("amongst",))


def narrowed_superlative(quote_tokens: list[Token], source: list[Token], position: int) -> Located | None:
    """The quote found word for word at `position` of the source, but cut from "one of the best ..." (or "among
    the best ..."): altered, the cut words turning one of several into the only one. None otherwise."""
    if len(quote_tokens) < 2 or quote_tokens[0].norm != "the":
        return None
    superlative = quote_tokens[1].norm
    if not _SUPERLATIVE.search(superlative) or superlative in _NOT_SUPERLATIVE:
        return None
    for before in _ONE_OF:
        low = position - len(before)
        if low >= 0 and tuple(t.norm for t in source[low:position]) == before:
            cut = " ".join(t.surface for t in source[low:position])
            told = " ".join(t.surface for t in source[low : position + len(quote_tokens)])
            quoted = " ".join(t.surface for t in quote_tokens)
            reason = (
                f"The quote leaves out words that change its meaning: the source says \u201c{told}\u201d, and "
                f"without \u201c{cut}\u201d one of several becomes the only one."
            )
            diff = (DiffOp("insert", "", cut), DiffOp("equal", quoted, told[len(cut) + 1 :]))
            return Located(QuoteStatus.ALTERED, ((low, position + len(quote_tokens)),), diff, reason, (), (), (cut,))
    return None
