"""A quote claim the article wrote as two or more quotations (`"A," she said. "B."`), compared part by part."""

from __future__ import annotations

import re

from factcheck.corroborate.quote_align import tokenize
from factcheck.corroborate.quote_alteration import SWAP_ALIGNED_SHARE
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import FAITHFUL, QuoteSignal, QuoteStatus, SpeakerStatus

__all__ = ["compare_quote_parts", "quotation_parts"]

# A quotation shorter than this is not read as altered on its own: "What we are asking for," lines up with "what we
# are still waiting for" in any transcript, a different sentence sharing its small words rather than a changed quote.
MIN_ALTERED_PART_WORDS = 6
_QUOTED = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"]+)\"")


def compare_quote_parts(
    quote_text: str,
    claim_speaker: str | None,
    passage_text: str,
    document_text: str | None = None,
    passage_start: int | None = None,
    context: str | None = None,
) -> QuoteSignal:
    """`compare_quote`, part by part for a claim the article wrote as two or more quotations (`"A," she said.
    "B."` is one claim): a passage holding one part is judged on the parts it holds, so a source with only "B"
    supports it and a source with "A" changed conflicts with it. `context`: the claim's sentences in the article,
    where the quotation marks show the parts. One quotation whose sentences the source has apart stays one
    (stitched).

    A part of fewer than `MIN_ALTERED_PART_WORDS` words counts only where it is found faithfully. The parts found in
    the passage are preferred to those found only elsewhere in its document; among them the
    most decisive result is kept (a changed word, then another speaker, then an altered or stitched quote, then a
    faithful one by the same speaker).
    """
    whole = compare_quote(quote_text, claim_speaker, passage_text, document_text, passage_start)
    parts = quotation_parts(quote_text, context)
    if len(parts) < 2 or whole.status in FAITHFUL:
        return whole
    signals = [compare_quote(part, claim_speaker, passage_text, document_text, passage_start) for part in parts]
    located = [
        signal
        for part, signal in zip(parts, signals, strict=True)
        if signal.status is not QuoteStatus.NOT_FOUND
        and not (signal.status is QuoteStatus.ALTERED and len(tokenize(part)) < MIN_ALTERED_PART_WORDS)
    ]
    if all(signal.status is QuoteStatus.ALTERED and _loose(signal) for signal in located):
        # every part found lines up only loosely ("and the sea was very, very cold" with "and no serious injuries.
        # Sunday was very cold"): another remark sharing small words, unless a part is found in earnest
        located = []
    chosen = [signal for signal in located if not signal.in_document] or located
    return min(chosen, key=_decisiveness) if chosen else whole


def _loose(signal: QuoteSignal) -> bool:
    """Whether fewer than `SWAP_ALIGNED_SHARE` of the part's words line up with the source's."""
    equal = sum(len(op.claim_words.split()) for op in signal.diff if op.op == "equal")
    words = sum(len(op.claim_words.split()) for op in signal.diff)
    return equal < SWAP_ALIGNED_SHARE * words


def quotation_parts(quote_text: str, context: str | None) -> list[str]:
    """The separate quotations of `context` that make up the claim's words (empty unless two or more)."""
    if not context:
        return []
    claim_words = " ".join(t.norm for t in tokenize(quote_text))
    parts = []
    for match in _QUOTED.finditer(context):
        part = (match.group(1) or match.group(2)).strip()
        words = " ".join(t.norm for t in tokenize(part))
        if words and words in claim_words:
            parts.append(part)
    return parts if len(parts) >= 2 else []


def _decisiveness(signal: QuoteSignal) -> int:
    if signal.status is QuoteStatus.ALTERED and (
        signal.changed_numbers or signal.changed_negations or signal.changed_words
    ):
        return 0
    if signal.status in FAITHFUL and signal.speaker is SpeakerStatus.DIFFERENT:
        return 1
    if signal.status in (QuoteStatus.ALTERED, QuoteStatus.STITCHED):
        return 2
    if signal.status in FAITHFUL and signal.speaker is SpeakerStatus.SAME:
        return 3
    return 4
