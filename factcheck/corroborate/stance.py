"""The stance of a candidate passage towards a claim, from its signals, with the reasons in plain language."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.corroborate import dated_guards
from factcheck.corroborate.confidence import COMMON_FIGURES_REASON, confidence_of, rests_on_common_figures
from factcheck.corroborate.cues import conflicting_cues, focused_sentence, weekday_cue
from factcheck.corroborate.disputed_phrases import confirmable_apart
from factcheck.corroborate.figure_frames import frame_at
from factcheck.corroborate.figure_times import told_before, without_base_years
from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.quote_parts import compare_quote_parts
from factcheck.corroborate.quote_speaker import role_told_in
from factcheck.corroborate.signals import (
    AGREED_LINE,
    AGREEING,
    FAITHFUL,
    Entailment,
    FigurePair,
    NumberSignal,
    NumberStatus,
    QuoteSignal,
    QuoteStatus,
    Signals,
    SpeakerStatus,
    Stance,
)
from factcheck.corroborate.stance_guards import (
    ONLY_BOUND_REASON,
    ONLY_PERIOD_REASON,
    ONLY_WHEN_REASON,
    another_speakers_words,
    listed,
    only_its_bound_agrees,
    only_its_period_agrees,
    only_when_agrees,
)
from factcheck.corroborate.table_units import money_note_of
from factcheck.corroborate.vote_tallies import with_tally
from factcheck.extract import Claim, ClaimKind, without_date_lines, without_dateline
from factcheck.extract.figures import find_dates, find_days_and_times, find_quantities, range_heads

_COMPARED = (*AGREEING, NumberStatus.MISMATCH)  # a figure of the same thing is in the passage


NLI_CONFIDENCE = 0.9  # an NLI probability at or above this is stated as a reason; a contradiction is a conflict


def claim_statement(claim: Claim) -> str:
    """The words a passage is compared with: a quote's own words, a numeric claim's sentence."""
    return claim.sentence if claim.kind is ClaimKind.NUMERIC else claim.text


def corroborate(
    claim: Claim,
    passage_text: str,
    document_text: str | None = None,
    entailment: Entailment | None = None,
    passage_start: int | None = None,
) -> Signals:
    """Every signal for one (claim, passage) pair and the stance they add up to (`entailment`: the optional NLI
    model's scores for the pair; `document_text` and `passage_start`: the passage's stored document and its place
    there, read for transcript turns and for the places of a passage sentence that names none)."""
    context = passage_context(document_text, passage_text, passage_start)
    numbers = None
    if claim.quantities:
        # the day a story was filed dates none of its figures ("MARLSTONE, Feb. 26 - ... 14 concerts in 12 towns")
        numbers = compare_numbers(
            claim.quantities,
            passage_text,
            without_dateline(claim.sentence),
            context,
            money_note=money_note_of(document_text),
        )
    quote = None
    if claim.kind is ClaimKind.QUOTE:
        quote = compare_quote_parts(
            claim.text, claim.speaker, passage_text, document_text, passage_start, claim.sentence
        )
        if quote.speaker is SpeakerStatus.DIFFERENT and role_told_in(
            quote.source_speaker, claim.sentence, claim.speaker_roles
        ):
            quote = replace(quote, speaker=SpeakerStatus.SAME)  # "THE JUDGE:" for words "the judge said"
    cues: tuple[str, ...] = ()
    weekdays: list[str] = []  # the weekday cue of the compared figures' clauses, when they name different days
    if claim.kind is ClaimKind.NUMERIC and numbers is not None and numbers.status in _COMPARED:
        focus = next(
            (
                (p.passage_start, p.passage_end)
                for p in numbers.pairs
                if p.status in AGREEING and p.passage_start is not None and p.passage_end is not None
            ),
            None,
        )
        # A date or place in the clause of a figure that was not compared belongs to that figure ("up from 54.6
        # percent in 2022" says nothing about the year of the claim's 68.1 percent), so it is left out here.
        compared_pairs = [p for p in numbers.pairs if p.status in _COMPARED]
        # a day or year compared as a figure ("closed in October 2025", not a quantity) keeps its clause too
        quantity_surfaces = {q.surface for q in claim.quantities}
        compared_dates: list[tuple[str, int | None]] = [
            (p.claim_surface, None) for p in compared_pairs if p.claim_surface not in quantity_surfaces
        ]
        statement = without_dateline(claim_statement(claim))
        # so is a day or month the claim gives another clause ("planned for October 2027, and ... cap entries at 500":
        # the source's "open registration in June" is no other month for the 500)
        told_dates = [(q.surface, None) for q in find_dates(statement) + find_days_and_times(statement)]
        compared_surfaces = {p.claim_surface for p in compared_pairs}
        # the day that names a range's month goes with the range's other end ("June 12 and 13": the 13's June)
        compared_surfaces |= {head.surface for end, head in range_heads(statement) if end.surface in compared_surfaces}
        claim_text = _without_other_figures(
            statement,
            [*((q.surface, None) for q in claim.quantities), *compared_dates, *told_dates],
            compared_surfaces,
        )
        passage_cued = _without_other_figures(
            without_dateline(without_date_lines(passage_text)),  # the day a source was filed or issued dates nothing
            [(q.surface, q.start) for q in find_quantities(passage_text)],
            {p.passage_start for p in compared_pairs if p.passage_start is not None},
        )
        claim_text, passage_cued = _without_compared_years(without_base_years(claim_text), passage_cued, compared_pairs)
        found = conflicting_cues(
            claim_text,
            passage_cued,
            focus,
            negation_and_direction=False,
            weekdays=False,
            periods=not told_before(focused_sentence(passage_text, focus)),  # a plan since changed keeps its dates
        )
        clauses = _figure_clauses(claim.sentence, passage_text, numbers)
        if clauses is not None:
            # When the figures agree, a negation counts only when it governs a word of the other side ("did not
            # approve" / "approved"): otherwise it is how the other side was worded ("found no problems at the 61
            # stalls" / "found nothing of concern"; "30 percent unsafe" / "three in ten cannot be entered"), not
            # a denial (six seen splits: 5 of 5 such conflicts were wrong). A change of direction still conflicts.
            agree = numbers.status in AGREEING
            found += conflicting_cues(*clauses, None, places_and_periods=False, negation_on_shared_words=agree)
            weekdays = weekday_cue(*clauses)
            found += weekdays
        cues = tuple(found)
    elif quote is not None and quote.status in (QuoteStatus.ALTERED, QuoteStatus.STITCHED):
        # Words cut or changed around a negation change the meaning ("Nothing we have seen means ...").
        # Read on the quoted words that were compared (one part of a claim the article wrote as two quotations).
        compared = " ".join(op.claim_words for op in quote.diff if op.claim_words) or claim.text
        cues = tuple(conflicting_cues(compared, passage_text, None, places_and_periods=False))
    stance, reasons = decide_stance(claim.kind, numbers, quote, cues, entailment)
    if claim.kind is ClaimKind.NUMERIC and (
        earlier := dated_guards.next_years_days_told_earlier(stance, claim, numbers, passage_text, document_text)
    ):
        stance, reasons = Stance.RELATED, [earlier, *reasons]
    if stance is Stance.CONFLICTS and claim.kind is ClaimKind.NUMERIC:
        other_day = dated_guards.no_contradiction(claim, numbers, weekdays, passage_text, document_text, passage_start)
        if other_day is not None:
            stance, reasons = Stance.RELATED, [other_day, *reasons]  # what decides the label, first
    confidence = confidence_of(claim.kind, stance, numbers, quote, cues)
    if claim.kind is ClaimKind.NUMERIC and rests_on_common_figures(stance, confidence, numbers, claim.sentence):
        stance, confidence = Stance.RELATED, 0.0
        reasons = [*reasons, COMMON_FIGURES_REASON]
    elif claim.kind is ClaimKind.NUMERIC and only_when_agrees(stance, claim, numbers, passage_text):
        stance, confidence = Stance.RELATED, 0.0
        reasons = [*reasons, ONLY_WHEN_REASON]
    elif claim.kind is ClaimKind.NUMERIC and dated_guards.only_a_heading_agrees(
        stance, claim, numbers, passage_text, document_text, passage_start
    ):
        stance, confidence = Stance.RELATED, 0.0
        reasons = [*reasons, dated_guards.ONLY_HEADING_REASON]
    elif claim.kind is ClaimKind.NUMERIC and only_its_period_agrees(stance, claim, numbers, passage_text):
        stance, confidence = Stance.RELATED, 0.0
        reasons = [*reasons, ONLY_PERIOD_REASON]
    elif claim.kind is ClaimKind.NUMERIC and only_its_bound_agrees(stance, claim, numbers):
        stance, confidence = Stance.RELATED, 0.0
        reasons = [*reasons, ONLY_BOUND_REASON]
    elif dated_guards.earlier_rounder(stance, claim, numbers, document_text):
        stance, confidence, reasons = Stance.RELATED, 0.0, [*reasons, dated_guards.EARLIER_ROUNDER_REASON]
    elif spoken := another_speakers_words(stance, claim, numbers, passage_text, document_text, passage_start):
        stance, confidence, reasons = Stance.RELATED, 0.0, [spoken, *reasons]
    if claim.kind is ClaimKind.NUMERIC:
        stance, confidence, reasons = with_tally(stance, confidence, reasons, claim.sentence, passage_text)
    agreed = _agreed_beside_a_conflict(stance, claim, passage_text, document_text, passage_start, numbers)
    if agreed is None or agreed.numbers is None or numbers is None:
        return Signals(stance, tuple(reasons), numbers, quote, cues, entailment, confidence)
    surfaces = tuple(dict.fromkeys(p.claim_surface for p in agreed.numbers.pairs if p.status in AGREEING))
    reasons = [
        *reasons,
        f"{AGREED_LINE} the source confirms its {listed(surfaces)} and contradicts only its "
        f"{listed(numbers.disputed)}.",
    ]
    return Signals(stance, tuple(reasons), numbers, quote, cues, entailment, confidence, surfaces, agreed.confidence)


def _agreed_beside_a_conflict(
    stance: Stance,
    claim: Claim,
    passage_text: str,
    document_text: str | None,
    passage_start: int | None,
    numbers: NumberSignal | None,
) -> Signals | None:
    """A figure conflict that leaves the sentence's other figures confirmed: the passage read against the claim
    without its contradicted figures, when that reading supports (every rule of a support applies to it: a shared
    small count alone, or the period of a claim's figures alone, confirms nothing); None otherwise. A fact-checker
    is told which figure of a sentence a source contradicts and which it confirms. A figure in one phrase with a
    contradicted one ("one toilet for every 120 people", "£5.4 million over three years") or a bound right after it
    ("43 percent stayed at least one night") is part of that claim, not confirmed apart from it
    (`disputed_phrases.py`)."""
    if stance is not Stance.CONFLICTS or claim.kind is not ClaimKind.NUMERIC or numbers is None:
        return None
    contradicted = numbers.disputed
    if not contradicted or not any(p.status in AGREEING and p.claim_surface not in contradicted for p in numbers.pairs):
        return None
    rest = confirmable_apart(claim.sentence, claim.quantities, contradicted)
    if not rest or len(rest) >= len(claim.quantities):
        return None  # nothing left apart, or nothing taken away (read again, it would be read the same, for ever)
    if only_its_period_agrees(Stance.SUPPORTS, claim, numbers):  # "in its first nine nights, 131 people"
        return None  # decided before the second comparison: only the period agrees
    alone = corroborate(replace(claim, quantities=rest), passage_text, document_text, passage_start=passage_start)
    if alone.stance is not Stance.SUPPORTS or alone.numbers is None:
        return None
    return alone


_YEAR_FIGURE = re.compile(r"(?:18|19|20)\d\d")


def _without_compared_years(claim_text: str, passage_text: str, pairs: list[FigurePair]) -> tuple[str, str]:
    """Both texts with the years compared as figures ("built in 1968": `event_years.py`) blanked: a year that is the
    figure itself is not a date that tells the two sentences apart."""
    for pair in pairs:
        if not _YEAR_FIGURE.fullmatch(pair.claim_surface) or pair.passage_start is None:
            continue
        claim_text = claim_text.replace(pair.claim_surface, " " * len(pair.claim_surface))
        end = pair.passage_end if pair.passage_end is not None else pair.passage_start
        passage_text = passage_text[: pair.passage_start] + " " * (end - pair.passage_start) + passage_text[end:]
    return claim_text, passage_text


def _without_other_figures(text: str, figures: list[tuple[str, int | None]], kept: set) -> str:
    """`text` with the clauses of its figures that are not `kept` blanked (offsets unchanged), unless such a clause
    also holds a kept figure. `figures`: (surface, start or None to find the surface); `kept`: surfaces or starts."""
    spans: list[tuple[int, int]] = []
    keep_spans: list[tuple[int, int]] = []
    for surface, start in figures:
        at = _find_figure(text, surface) if start is None else start
        if at < 0:
            continue
        clause = frame_at(text, at, at + len(surface)).clause
        clause_at = text.find(clause, max(0, at - len(clause)))
        if not clause or clause_at < 0:
            continue
        span = (clause_at, clause_at + len(clause))
        (keep_spans if (surface if start is None else start) in kept else spans).append(span)
    blanked = list(text)
    for low, high in spans:
        if any(low < k_high and k_low < high for k_low, k_high in keep_spans):
            continue
        blanked[low:high] = " " * (high - low)
    return "".join(blanked)


def _find_figure(text: str, surface: str) -> int:
    """Where a figure's surface stands in `text` as a whole token ("20" of "reach 20 µg/m³", not of "2027"), else
    where it first stands at all, or -1."""
    whole = re.search(rf"(?<![\w.,]){re.escape(surface)}(?![\w])", text)
    return whole.start() if whole else text.find(surface)


def _figure_clauses(claim_sentence: str, passage_text: str, numbers: NumberSignal) -> tuple[str, str] | None:
    """The clauses around the first compared pair of figures (claim's, passage's): a negation or a direction
    elsewhere in a long sentence says nothing about this figure."""
    for pair in numbers.pairs:
        if pair.status in _COMPARED and pair.passage_start is not None and pair.passage_end is not None:
            at = claim_sentence.find(pair.claim_surface)
            if at < 0:
                return None
            claim_frame = frame_at(claim_sentence, at, at + len(pair.claim_surface))
            return claim_frame.clause, frame_at(passage_text, pair.passage_start, pair.passage_end).clause
    return None


def passage_context(document_text: str | None, passage_text: str, passage_start: int | None) -> str | None:
    """The paragraph holding the passage in its document and the heading above it ("## Aleppo"), or None."""
    if not isinstance(document_text, str) or not passage_text:
        return None
    start = (
        passage_start if passage_start is not None and document_text.startswith(passage_text, passage_start) else None
    )
    if start is None:
        found = document_text.find(passage_text)
        if found < 0:
            return None
        start = found
    end = start + len(passage_text)
    low = document_text.rfind("\n\n", 0, start)
    high = document_text.find("\n\n", end)
    paragraph = document_text[low + 2 if low >= 0 else 0 : high if high >= 0 else len(document_text)]
    headings = [line for line in document_text[:start].splitlines() if line.lstrip().startswith("#")]
    # A heading names the section's subject: read as "in <heading>" so a place in it is found; a report's generic
    # section names ("Summary", "Key findings") are left out, or "in Summary" would be read as a place.
    subject = _heading_subject(headings[-1]) if headings else ""
    return paragraph + ("\nin " + subject if subject else "")


_SECTION_WORDS = frozenset(
    """summary background overview introduction conclusion conclusions findings finding key main points point
    recommendations recommendation casualties details notes context timeline response outlook highlights
    situation update updates next steps annex appendix contents table figures data sources contact contacts
    methodology method methods results assessment analysis and of the""".split()
)


def _heading_subject(heading: str) -> str:
    """A section heading without its leading generic words ("Key findings", "Summary"); empty when nothing else."""
    words = heading.strip().lstrip("#").split()
    while words and words[0].lower().strip(":.,") in _SECTION_WORDS:
        words.pop(0)
    return " ".join(words)


def decide_stance(
    kind: ClaimKind,
    numbers: NumberSignal | None,
    quote: QuoteSignal | None,
    cues: tuple[str, ...],
    entailment: Entailment | None = None,
) -> tuple[Stance, list[str]]:
    """The rules, in order of precedence (a conflict is never hidden by an agreement elsewhere):

    - conflicts: for a numeric claim, a figure mismatch on the same thing, or a negation or direction cue on a
      passage whose figure counts the same thing (a negation must govern a word of the other side); for a
      quote claim, a quote altered in a number, a negation or a content word ("accepts" for "respects"), or a
      faithful quote the source gives to someone else;
    - supports: for a quote claim, a verbatim, punctuation-only or properly elided quote by the same speaker; for a
      numeric claim, every comparable figure matching, within rounding or within the claim's qualifier;
    - related: anything else (similar words only, no comparable figure, a figure of another place, period or event,
      a unit mismatch, a quote whose speaker the source does not name, an altered quote with words only added or
      dropped, a stitched quote). The figures of a quote claim are read by the quote comparison, never alone.

    With the optional NLI model, a contradiction at NLI_CONFIDENCE or above is a conflict; a confident entailment is
    stated as a reason but never supports on its own (it cannot vouch for a figure or for the exact words).
    Every reason is a sentence a reader can follow.
    """
    reasons: list[str] = []
    conflict = support = False
    blocked = False  # an altered quote or a mismatch may never support
    if numbers is not None:
        reasons.extend(pair.reason for pair in numbers.pairs if pair.status is not NumberStatus.NO_NUMBERS)
        if numbers.status is NumberStatus.MISMATCH:
            blocked = True
            conflict = kind is ClaimKind.NUMERIC
        elif numbers.status in AGREEING and kind is ClaimKind.NUMERIC:
            support = True
        elif numbers.status is NumberStatus.NO_NUMBERS and kind is ClaimKind.NUMERIC:
            reasons.append("The source has no figure to compare with the claim's.")
    if quote is not None:
        reasons.append(quote.reason)
        if quote.status in FAITHFUL:
            if quote.speaker is SpeakerStatus.SAME:
                support = True
            elif quote.speaker is SpeakerStatus.DIFFERENT:
                conflict = True
                reasons.append(f"The source gives these words to {quote.source_speaker}, not to the claim's speaker.")
            else:
                reasons.append("The source does not say who spoke these words.")
        elif quote.status is QuoteStatus.ALTERED:
            blocked = True
            if quote.changed_numbers or quote.changed_negations or quote.changed_words:
                conflict = True
        elif quote.status is QuoteStatus.STITCHED:
            blocked = True
        if kind is ClaimKind.QUOTE and quote.status not in FAITHFUL:
            support = False
    if cues:
        conflict = True
        reasons.extend(cues)
    if entailment is not None and entailment.contradiction >= NLI_CONFIDENCE:
        conflict = True
        reasons.append(f"The NLI model reads a contradiction (probability {entailment.contradiction:.2f}).")
    elif entailment is not None and entailment.entailment >= NLI_CONFIDENCE:
        reasons.append(
            f"The NLI model reads the passage as saying the claim (probability {entailment.entailment:.2f})."
        )
    if kind is ClaimKind.QUOTE and quote is not None:
        reasons = _quote_reasons_first(reasons, quote)
    if conflict:
        return Stance.CONFLICTS, reasons
    if support and not blocked:
        return Stance.SUPPORTS, reasons
    return Stance.RELATED, reasons or ["The passage only has similar words."]


def _quote_reasons_first(reasons: list[str], quote: QuoteSignal) -> list[str]:
    """A quote card's reasons with what its label rests on first: who the source says spoke the words when that is
    another person, then how the words compare; the figures the quote shares come after."""
    lead = [r for r in reasons if r.startswith("The source gives these words to ")]
    lead += [r for r in reasons if r == quote.reason and r not in lead]
    return lead + [r for r in reasons if r not in lead]
