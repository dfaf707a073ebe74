"""A compared pair of figures as a record, with its reason in one plain sentence ("The source says 4,000 civilians,
the claim 8,000 residents: the figures disagree."). Pure functions, no I/O."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck.corroborate.figure_ties import needs_events
from factcheck.corroborate.number_rules import DERIVED_CHANGE, Figure
from factcheck.corroborate.number_values import only_bounds
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus, shortened
from factcheck.extract.figures import CALENDAR_DAY

if TYPE_CHECKING:
    from factcheck.corroborate.paired_frames import PairedFrames

__all__ = [
    "described",
    "different_pair",
    "echo_of",
    "made_pair",
    "overall_status",
    "reason_for",
    "with_reason",
]


def made_pair(
    claim: Figure, passage: Figure | None, status: NumberStatus, grounded: bool = False, misread: bool = False
) -> FigurePair:
    """The pair of `claim` and `passage` (None: no passage figure) with `status` and its reason in words."""
    return FigurePair(
        grounded=grounded,
        misread=misread,
        claim_surface=claim.surface,
        passage_surface=passage.surface if passage else None,
        status=status,
        reason=reason_for(claim, passage, status),
        claim_value=claim.anchor if math.isfinite(claim.anchor) else None,
        passage_value=passage.anchor if passage and math.isfinite(passage.anchor) else None,
        passage_start=passage.start if passage else None,
        passage_end=passage.end if passage else None,
    )


def reason_for(claim: Figure, passage: Figure | None, status: NumberStatus) -> str:
    """One plain sentence saying what was compared and what came of it."""
    said = f"The source says {described(passage)}, the claim {described(claim)}"
    if status is NumberStatus.MATCH:
        return _ended(f"The source gives the same figure: {described(passage)} for the claim's {described(claim)}")
    if status is NumberStatus.WITHIN_ROUNDING:
        return f"{said}: the same figure within rounding."
    if status is NumberStatus.CONSISTENT_WITH_QUALIFIER:
        return f"{said}, which the claim's wording allows."
    if status is NumberStatus.MISMATCH:
        return f"{said}: the figures disagree."
    if status is NumberStatus.UNIT_MISMATCH:
        return f"{said}: these measure different things and cannot be compared."
    if status is NumberStatus.DIFFERENT_THING and passage is not None and only_bounds(claim, passage):
        return (
            f"The source gives only {described(passage)}, which allows the claim's {described(claim)} "
            "but does not report it."
        )
    if status is NumberStatus.DIFFERENT_THING:
        return _ended(f"A different figure: the source counts {described(passage)}, the claim {described(claim)}")
    return _ended(f"The source gives no figure to compare with the claim's {described(claim)}")


def _ended(sentence: str) -> str:
    """A full stop at the end, not a second one after a figure's own ("7.30 a.m.")."""
    return sentence if sentence.endswith(".") else sentence + "."


def described(figure: Figure | None) -> str:
    """A figure as a reason names it: its words, with its qualifier and counted noun when they are not in them."""
    if figure is None:
        return "nothing"
    if figure.measured == DERIVED_CHANGE:  # "314,000 | 412,000": the two ends a change was worked out from
        ends = " to ".join(part.strip() for part in figure.surface.split("|") if part.strip())
        worked_out = figure.written[0] if figure.written[0] is not None else figure.anchor
        return f"a change of {worked_out:.1f} percent ({ends})"
    text = figure.surface
    if figure.qualifier is not None and figure.qualifier.value.lower() not in text.lower():
        text = f"{figure.qualifier.value} {text}"
    if figure.measured and figure.measured.lower() not in figure.surface.lower():
        joiner = " of " if figure.family == "percent" else " "
        text = f"{text}{joiner}{figure.measured}"
    return text


def with_reason(pair: FigurePair, reason: str) -> FigurePair:
    """`pair` with another reason (a rule that decided it says why in its own words)."""
    return replace(pair, reason=reason)


def another_days_figures(claim_figures: list[Figure], pairs: tuple[FigurePair, ...]) -> tuple[FigurePair, ...]:
    """When the days disagree and so does every other figure the passage compares ("peaked at 412 million litres
    on August 3" against "reached 388 million litres on August 1"), the passage gives another day's figure, not
    the claim's figure wrongly told: neither the day nor the count is a conflict (`DIFFERENT_THING`). The same
    count on another day stays a conflict over the day."""
    days = [pair for figure, pair in zip(claim_figures, pairs, strict=True) if figure.family == CALENDAR_DAY]
    others = [
        pair
        for figure, pair in zip(claim_figures, pairs, strict=True)
        if figure.family != CALENDAR_DAY and pair.status is not NumberStatus.NO_NUMBERS
    ]
    if not any(pair.status is NumberStatus.MISMATCH for pair in days) or not others:
        return pairs
    if any(pair.status in AGREEING or pair.status is NumberStatus.UNIT_MISMATCH for pair in others):
        return pairs
    day = next(pair for pair in days if pair.status is NumberStatus.MISMATCH)
    reason = (
        f"Another day's figure: the source gives {day.passage_surface}, the claim {day.claim_surface}, and their "
        "figures differ as well."
    )
    different = NumberStatus.DIFFERENT_THING
    return tuple(
        replace(pair, status=different, reason=reason) if pair.status is NumberStatus.MISMATCH else pair
        for pair in pairs
    )


# Words that make a day the end of the period another figure counts over ("in the week to January 10", "by 10 May"),
# or a duration that period ("fell 17 percent over three years", "in the past 12 months").
_BOUND_BEFORE = re.compile(r"\b(?:to|by|until|till|through|ending|as\s+(?:of|at))\s*$", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:over|(?:in|during|over)\s+the\s+(?:past|last))\s*$", re.IGNORECASE)


def bounding_day_alone(
    claim_text: str | None, claim_figures: list[Figure], pairs: tuple[FigurePair, ...]
) -> tuple[FigurePair, ...]:
    """A day that only ends the period of another figure of the claim ("reached 1,430 in the week to January 10"), or a
    duration that is that period ("a pay rise of 14 percent over two years"), supports nothing when it is all the
    passage agrees on and the passage gives that figure for something else ("six and a half percent over two years",
    "By 10 January, 812 people had been vaccinated"): the same period, another count. Such days and durations become
    `DIFFERENT_THING`, with the reason. A passage with no figure of the kind ("The fund will be paid over 18 months",
    "Reporting year: 1 November to 31 October") still confirms the period: writers check such periods as claims."""
    if not claim_text:
        return pairs
    bounded = []
    for figure, pair in zip(claim_figures, pairs, strict=True):
        if pair.status in AGREEING:
            at = claim_text.find(figure.surface)
            before = claim_text[max(0, at - 20) : at] if at >= 0 else ""
            day = figure.family == CALENDAR_DAY and _BOUND_BEFORE.search(before)
            if not (day or (figure.family == "second" and _PERIOD_BEFORE.search(before))):
                return pairs
            bounded.append(pair)
    others = [
        pair
        for figure, pair in zip(claim_figures, pairs, strict=True)
        if figure.family not in (CALENDAR_DAY, "year", "second")
    ]
    if not bounded or not any(pair.status is NumberStatus.DIFFERENT_THING for pair in others):
        return pairs
    return tuple(
        replace(
            pair,
            status=NumberStatus.DIFFERENT_THING,
            reason=f"The same period, {pair.passage_surface}, but in the claim it only dates another figure, which "
            "the source does not confirm.",
        )
        if pair in bounded
        else pair
        for pair in pairs
    )


# "580 of the company's 1,100", "640 of the 900", "31 of Harwick's 40": a part, then its whole within three words.
_OF_THE = r"\s+of\s+(?:(?:the|its|their|our|his|her|this|[A-Z][\w'\u2019-]*|[\w-]+['\u2019]s)\s+){0,3}"


def whole_without_its_part(claim_text: str | None, pairs: tuple[FigurePair, ...]) -> tuple[FigurePair, ...]:
    """A whole that agrees does not support a part of it that the source gives otherwise or not at all: in "580 of
    the company's 1,100 drivers" against "640 of Tarnbridge Transit's 1,100 drivers", the 1,100 agreeing says nothing
    of the 580 (the claim's figure), so it is not a support on its own (`DIFFERENT_THING`, with the reason)."""
    if not claim_text:
        return pairs
    kept = list(pairs)
    for i, whole in enumerate(pairs):
        if whole.status not in AGREEING:
            continue
        for part in pairs:
            if part is whole or part.status in AGREEING or part.passage_surface is None:
                continue
            of_whole = re.escape(part.claim_surface) + _OF_THE + re.escape(whole.claim_surface)
            if re.search(of_whole, claim_text):
                kept[i] = replace(
                    whole,
                    status=NumberStatus.DIFFERENT_THING,
                    reason=f"The source gives the same whole, {whole.passage_surface}, but not the claim's part of "
                    f"it, {part.claim_surface}.",
                )
                break
    return tuple(kept)


def overall_status(pairs: tuple[FigurePair, ...]) -> NumberStatus:
    statuses = {pair.status for pair in pairs}
    if NumberStatus.MISMATCH in statuses:
        return NumberStatus.MISMATCH
    if any(pair.misread for pair in pairs):
        return NumberStatus.UNIT_MISMATCH  # "5%" read as "5 percentage points": no agreement elsewhere undoes it
    for weakest in (*reversed(AGREEING), NumberStatus.UNIT_MISMATCH, NumberStatus.DIFFERENT_THING):
        if weakest in statuses:
            return weakest
    return NumberStatus.NO_NUMBERS


def different_pair(claim: Figure, passage: Figure, frames: PairedFrames) -> FigurePair:
    """A pair whose figures are in the same unit but count different things (another place, period or event)."""
    difference = frames.kind(claim, passage) or frames.difference(claim, passage, needs_events(claim, passage))
    if difference is None:  # nothing but the unit in common: show each figure's own clause
        claim_frame, passage_frame = frames.of_claim(claim), frames.of_passage(passage)
        difference = (
            f"in \u201c{shortened(passage_frame.clause)}\u201d",
            f"in \u201c{shortened(claim_frame.clause if claim_frame else claim.surface)}\u201d",
        )
    passage_side, claim_side = difference
    reason = (
        f"A different figure: the source counts {described(passage)} {passage_side}, "
        f"the claim {described(claim)} {claim_side}."
    )
    return with_reason(made_pair(claim, passage, NumberStatus.DIFFERENT_THING), reason)


def echo_of(claim: Figure, passage: list[Figure], comparable: list[Figure]) -> Figure | None:
    """A passage figure that is not comparable but repeats the claim's number ("5 percentage points" for "5%")."""
    if claim.written == (None, None, None):
        return None
    return next((p for p in passage if p not in comparable and p.written == claim.written), None)
