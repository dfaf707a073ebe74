"""What turns a decisive stance into related after the rules have decided it: a support on which only the day, the
time, the period or the bound the claim's figures are told for agrees, and a support on a figure inside quoted
words the source gives to another speaker (`stance.corroborate` applies them in turn; what a document's own dates
say of the claim's figures is `dated_guards.py`)."""

from __future__ import annotations

import re

from factcheck.corroborate.disputed_phrases import bound_of
from factcheck.corroborate.number_rules import measured_compatible
from factcheck.corroborate.quote_parts import compare_quote_parts
from factcheck.corroborate.quote_speaker import role_told_in
from factcheck.corroborate.signals import (
    AGREEING,
    FAITHFUL,
    FigurePair,
    NumberSignal,
    NumberStatus,
    SpeakerStatus,
    Stance,
)
from factcheck.extract import Claim, ClaimKind, Quantity
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME, find_quantities

# The reason a support on the time alone is shown as related (`only_when_agrees`).
ONLY_WHEN_REASON = "Only the day or time agrees; the source counts another figure for what the claim counts."
ONLY_PERIOD_REASON = "Only the period the claim's figures are told for agrees; the source does not give those figures."
ONLY_BOUND_REASON = "Only the bound that picks out what the claim counts agrees; the source does not give its count."


def units_of(claim: Claim) -> dict[str, str | None]:
    """The unit of each of the claim's figures, by its surface (the key a compared pair carries)."""
    return {quantity.surface: quantity.unit for quantity in claim.quantities}


def only_when_agrees(stance: Stance, claim: Claim, numbers: NumberSignal | None, passage_text: str) -> bool:
    """Whether a support agrees only on when things happened (a day, a time of day, not grounded) while the passage
    gives another figure, in the same unit and of a compatible noun, for what the claim counts ("Supply was restored
    to 11,200 of them by 6 p.m." against "By 18:00 on Wednesday, 9,600 homes had their supply back"): the time is
    the frame of the claim, the count its news. Fourteen colleagues lost against 200 workers on shift count two
    groups, and the day then still confirms the claim's day."""
    if stance is not Stance.SUPPORTS or numbers is None:
        return False
    units = units_of(claim)
    when = (CALENDAR_DAY, CLOCK_TIME)
    agreeing = [p for p in numbers.pairs if p.status in AGREEING]
    if not agreeing or any(units.get(p.claim_surface) not in when or p.grounded for p in agreeing):
        return False
    counted = {quantity.surface: quantity.measured for quantity in claim.quantities}
    found = {quantity.start: quantity.measured for quantity in find_quantities(passage_text)}
    return any(
        p.status is NumberStatus.DIFFERENT_THING
        and p.passage_start is not None
        and measured_compatible(counted.get(p.claim_surface), found.get(p.passage_start))
        for p in numbers.pairs
    )


# Words a sentence quotes: straight or curly double quotation marks around at least a few words.
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{8,})[\"\u201d]")


def another_speakers_words(
    stance: Stance,
    claim: Claim,
    numbers: NumberSignal | None,
    passage_text: str,
    document_text: str | None = None,
    passage_start: int | None = None,
) -> str | None:
    """The reason a support is related when its agreeing figure is inside words the claim quotes ("... the whole of
    the first week of December," said Martin Strood) and the source gives those words, unchanged, to another named
    speaker: the figure agrees because the words are the same, and whose words they are is what the source
    disputes (the quote's own card says so). None when that is not the case."""
    if stance is not Stance.SUPPORTS or claim.kind is not ClaimKind.NUMERIC or not claim.speaker or numbers is None:
        return None
    agreeing = {p.claim_surface for p in numbers.pairs if p.status in AGREEING}
    for match in _QUOTED.finditer(claim.sentence):
        words = match.group(1)
        if not any(surface in words for surface in agreeing):
            continue
        quote = compare_quote_parts(words, claim.speaker, passage_text, document_text, passage_start, claim.sentence)
        if (
            quote.speaker is SpeakerStatus.DIFFERENT
            and quote.status in FAITHFUL
            and not role_told_in(quote.source_speaker, claim.sentence, claim.speaker_roles)
        ):
            return f"The source gives the words this figure is in to {quote.source_speaker}, not to {claim.speaker}."
    return None


_PERIOD_BEFORE = re.compile(
    r"\b(?:(?:in|during|over|within|for|after)\s+(?:(?:the|its|their|our)\s+)?(?:first|last|past|next|previous|following)"
    r"|(?:in|during|over|within)\s+the)\s+$",
    re.I,
)


_SPAN_BEFORE = re.compile(r"\b(?:across|throughout)\s+the\s+$", re.I)


def _lasts(claim: Claim, pair: FigurePair) -> bool:
    """Whether the claim's figure of `pair` is a length of time ("two days", "three nights")."""
    quantity = next((q for q in claim.quantities if q.surface == pair.claim_surface), None)
    return quantity is not None and (quantity.dimension == "duration" or quantity.measured in ("nights", "evenings"))


def only_its_period_agrees(stance: Stance, claim: Claim, numbers: NumberSignal | None, passage_text: str = "") -> bool:
    """Whether a support agrees only on the period the claim's figures are told for ("fell from 88 percent to 71
    percent in the first three days" against "In the first three days, 37 drivers were caught"), or the period the
    passage tells its own figures for ("We will plant 3,000 trees in the first ten years" against "five of the 11
    cemeteries would be full within 10 years"), while the claim's own figures are not confirmed: the period frames
    the news, it is not the news."""
    if stance is not Stance.SUPPORTS or numbers is None:
        return False
    agreeing = [p for p in numbers.pairs if p.status in AGREEING]
    others = [p for p in numbers.pairs if p.status not in AGREEING]
    if not agreeing or not others:
        return False
    sentence = claim.sentence
    for pair in agreeing:
        at = sentence.find(pair.claim_surface)
        before = sentence[max(0, at - 40) : at] if at >= 0 else ""
        # "across the two days" is a stretch of time; "across the 14 km strait" is no period
        told = bool(_PERIOD_BEFORE.search(before)) or (bool(_SPAN_BEFORE.search(before)) and _lasts(claim, pair))
        start = pair.passage_start
        # "would be full within 10 years" against "in the first ten years" of planting: the passage's period
        within = at >= 0 and sentence[max(0, at - 8) : at].rstrip().endswith("within")
        # "up from £8 two years ago" against "have risen in the past two years": a point in time, not that stretch
        ago = at >= 0 and sentence[at + len(pair.claim_surface) :].lstrip().lower().startswith("ago")
        framed = (
            (within or ago) and start is not None and _PERIOD_BEFORE.search(passage_text[max(0, start - 40) : start])
        )
        if not (told or framed):
            return False
    return True


def only_its_bound_agrees(stance: Stance, claim: Claim, numbers: NumberSignal | None) -> bool:
    """Whether a support agrees only on bounds that pick out what another of the claim's figures counts ("about
    520,000 people now live more than 5 km from a pharmacy" against "265,000 people living more than 5 km from a
    pharmacy"), while that figure is not confirmed: the bound defines the group, the count is the news."""
    if stance is not Stance.SUPPORTS or numbers is None:
        return False
    agreeing = [p for p in numbers.pairs if p.status in AGREEING]
    unmet = [claim.sentence.find(p.claim_surface) for p in numbers.pairs if p.status not in AGREEING]
    by_surface = {quantity.surface: quantity for quantity in claim.quantities}
    return bool(agreeing) and all(
        (quantity := by_surface.get(p.claim_surface)) is not None
        and (
            any(at >= 0 and bound_of(claim.sentence, at, quantity) for at in unmet)
            # an age bounding its group ("people aged 55 and over", "riders under 18"): who is counted
            or (bool(unmet) and _age_bound(claim.sentence, quantity))
        )
        for p in agreeing
    )


_OR_OVER = re.compile(r"\s+(?:and|or)\s+(?:over|older|above|under|younger)\b", re.IGNORECASE)


def _age_bound(sentence: str, quantity: Quantity) -> bool:
    """Whether `quantity` is an age that bounds a group ("aged 55 and over", "under 18"), not a person's age told
    beside a name ("Daniel Kerrigan, 52", the news of its clause)."""
    if quantity.unit != "year" or not quantity.surface.isdigit():
        return False
    at = sentence.find(quantity.surface)  # a claim's quantities are placed in its article, not its sentence
    return quantity.qualifier is not None or (at >= 0 and bool(_OR_OVER.match(sentence, at + len(quantity.surface))))


def listed(surfaces) -> str:
    """Surfaces in words: "a", "a and b", "a, b and c"."""
    items = list(surfaces)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
