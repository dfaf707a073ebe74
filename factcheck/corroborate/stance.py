"""The stance of a candidate passage towards a claim, from its signals, with the reasons in plain language."""

from __future__ import annotations

from factcheck.corroborate.cues import conflicting_cues
from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.types import (
    Entailment,
    NumberSignal,
    NumberStatus,
    QuoteSignal,
    QuoteStatus,
    Signals,
    SpeakerStatus,
    Stance,
)
from factcheck.extract import Claim, ClaimKind

_AGREEING = (NumberStatus.MATCH, NumberStatus.WITHIN_ROUNDING, NumberStatus.CONSISTENT_WITH_QUALIFIER)
_FAITHFUL = (QuoteStatus.VERBATIM, QuoteStatus.PUNCTUATION_ONLY, QuoteStatus.ELLIPSIS)


NLI_CONFIDENCE = 0.9  # an NLI probability at or above this is stated as a reason; a contradiction is a conflict


def claim_statement(claim: Claim) -> str:
    """The words a passage is compared with: a quote's own words, a numeric claim's sentence."""
    return claim.sentence if claim.kind is ClaimKind.NUMERIC else claim.text


def corroborate(
    claim: Claim, passage_text: str, document_text: str | None = None, entailment: Entailment | None = None
) -> Signals:
    """Every signal for one (claim, passage) pair and the stance they add up to (`entailment`: the optional NLI
    model's scores for the pair)."""
    numbers = compare_numbers(claim.quantities, passage_text) if claim.quantities else None
    quote = None
    if claim.kind is ClaimKind.QUOTE:
        quote = compare_quote(claim.text, claim.speaker, passage_text, document_text)
    claim_text = claim_statement(claim)
    on_topic = (numbers is not None and numbers.status is not NumberStatus.NO_NUMBERS) or (
        quote is not None and quote.status is not QuoteStatus.NOT_FOUND
    )
    focus = None
    if numbers is not None:
        agreeing = [p for p in numbers.pairs if p.status in _AGREEING and p.passage_start is not None]
        first = agreeing[0] if agreeing else None
        if first is not None and first.passage_start is not None and first.passage_end is not None:
            focus = (first.passage_start, first.passage_end)
    cues = tuple(conflicting_cues(claim_text, passage_text, focus)) if on_topic else ()
    stance, reasons = decide_stance(claim.kind, numbers, quote, cues, entailment)
    return Signals(stance, tuple(reasons), numbers, quote, cues, entailment)


def decide_stance(
    kind: ClaimKind,
    numbers: NumberSignal | None,
    quote: QuoteSignal | None,
    cues: tuple[str, ...],
    entailment: Entailment | None = None,
) -> tuple[Stance, list[str]]:
    """The rules, in order of precedence (a conflict is never hidden by an agreement elsewhere):

    - conflicts: a figure mismatch; a quote altered in a number or a negation; a quote the source gives to someone
      else; a negation, direction, period or place cue on a passage that is about the claim;
    - supports: for a quote claim, a verbatim, punctuation-only or properly elided quote by the same speaker; for a
      numeric claim, every comparable figure matching, within rounding or within the claim's qualifier;
    - related: anything else (similar words only, no comparable figure, a quote whose speaker the source does not
      name, an altered or stitched quote without a changed number or negation).

    With the optional NLI model, a contradiction at NLI_CONFIDENCE or above is a conflict; a confident entailment is
    stated as a reason but never supports on its own (it cannot vouch for a figure or for the exact words).
    """
    reasons: list[str] = []
    conflict = support = False
    blocked = False  # an altered quote or a mismatch may never support
    if numbers is not None:
        for pair in numbers.pairs:
            if pair.status is not NumberStatus.NO_NUMBERS:
                reasons.append(f"figures ({pair.status.value}): {pair.reason}")
        if numbers.status is NumberStatus.MISMATCH:
            conflict = blocked = True
        elif numbers.status in _AGREEING and kind is ClaimKind.NUMERIC:
            support = True
        elif numbers.status is NumberStatus.NO_NUMBERS and kind is ClaimKind.NUMERIC:
            reasons.append("no comparable figure in the source")
    if quote is not None:
        reasons.append(f"quote ({quote.status.value}): {quote.reason}")
        if quote.status in _FAITHFUL:
            if quote.speaker is SpeakerStatus.SAME:
                support = True
            elif quote.speaker is SpeakerStatus.DIFFERENT:
                conflict = True
                reasons.append(f"misattributed: the source gives these words to {quote.source_speaker}")
            else:
                reasons.append("the source does not say who spoke these words")
        elif quote.status is QuoteStatus.ALTERED:
            blocked = True
            if quote.changed_numbers or quote.changed_negations:
                conflict = True
        elif quote.status is QuoteStatus.STITCHED:
            blocked = True
        if kind is ClaimKind.QUOTE and quote.status not in _FAITHFUL:
            support = False
    if cues:
        conflict = True
        reasons.extend(cues)
    if entailment is not None and entailment.contradiction >= NLI_CONFIDENCE:
        conflict = True
        reasons.append(f"meaning: the NLI model reads a contradiction (probability {entailment.contradiction:.2f})")
    elif entailment is not None and entailment.entailment >= NLI_CONFIDENCE:
        reasons.append(f"meaning: the NLI model reads the passage as saying the claim ({entailment.entailment:.2f})")
    if conflict:
        return Stance.CONFLICTS, reasons
    if support and not blocked:
        return Stance.SUPPORTS, reasons
    return Stance.RELATED, reasons or ["similar wording only"]
