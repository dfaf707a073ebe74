"""Scoring the extractor: quote spans and speakers, quantity spans, values, units and qualifiers, claim coverage."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from factcheck.evaluate.extraction_data import GoldQuantity, GoldQuote, QuantityExample, QuoteExample
from factcheck.evaluate.metrics import Score, greedy_match, span_overlap, token_overlap, tokens
from factcheck.extract import Quantity, Quote, split_sentences
from factcheck.extract.figures import UNITS, find_dates, find_quantities, to_base
from factcheck.extract.quotes import find_quotes

VALUE_TOLERANCE = 1e-3  # relative: the specs write 2/3 as 0.666666666667 or 0.6667
_EDGE = re.compile(r"^[\s\"“”‘’'«».,;:!?…—–-]+|[\s\"“”‘’'«».,;:!?…—–-]+$")
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "to",
        "and",
        "in",
        "on",
        "at",
        "by",
        "mr",
        "mrs",
        "ms",
        "dr",
        "said",
        "says",
        "told",
    ]
)

# The data sets' unit names mapped to this project's unit codes (None: a plain count). Names missing here are
# units the extractor does not model (electronvolts, bytes, ...); their pairs are left out of unit accuracy.
UNIT_NAMES = {
    "dimensionless": None,
    "metre": "m",
    "kilometre": "km",
    "centimetre": "cm",
    "millimetre": "mm",
    "mile": "mile",
    "inch": "inch",
    "foot": "foot",
    "yard": "yard",
    "square kilometre": "km2",
    "square mile": "square_mile",
    "square metre": "m2",
    "litre": "l",
    "gallon": "gallon",
    "milligram": "mg",
    "gram": "g",
    "kilogram": "kg",
    "tonne": "tonne",
    "pound": "lb",
    "year": "year",
    "day": "day",
    "hour": "hour",
    "week": "week",
    "month": "month",
    "minute": "minute",
    "second": "second",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "kelvin": "kelvin",
    "kilometre per hour": "km/h",
    "mile per hour": "mph",
    "percentage": "percent",
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "cent": "cent",
    "penny": "GBX",
    # Recognizers-Text names
    "meter": "m",
    "kilometer": "km",
    "centimeter": "cm",
    "millimeter": "mm",
    "square meter": "m2",
    "square kilometer": "km2",
    "metric ton": "tonne",
    "ton": "ton",
    "kilometer per hour": "km/h",
    "acre": "acre",
    "barrel": "barrel",
    "ounce": "ounce",
    "milliliter": "ml",
    "cubic foot": "cubic_foot",
    # Was None, which scored micrograms as plain counts; "ug" is the extractor's code for them.
    "microgram": "ug",
    "decimeter": "dm",
    "teaspoon": "teaspoon",
    "tablespoon": "tablespoon",
    "cup": "cup",
    "bit": "bit",
    "megabit": "Mb",
    "megabyte": "MB",
    "c": "celsius",
    "f": "fahrenheit",
    "celsius": "celsius",
    "fahrenheit": "fahrenheit",
    "british pound": "GBP",
    "japanese yen": "JPY",
    "chinese yuan": "CNY",
    "united states dollar": "USD",
    "australian dollar": "AUD",
    "canadian dollar": "CAD",
    "hong kong dollar": "HKD",
    "new zealand dollar": "NZD",
    "mexican peso": "MXN",
    "swiss franc": "CHF",
    "turkish lira": "TRY",
    "bitcoin": "BTC",
    "pence": "GBX",
    "finnish markka": "FIM",
    "peseta": "ESP",
    "netherlands guilder": "NLG",
    "costa rican colón": "CRC",
    "georgian lari": "GEL",
    "lao kip": "LAK",
}
# Names that mean another unit in one data set: the currency spec's "Pound" is sterling, not the weight.
UNIT_NAMES_BY_SOURCE = {"recognizers/currency": {"pound": "GBP"}}


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """`overlap_judged` is `overlap` without the unmatched predictions that fall on an example's `unjudged`
    fragments (quoted words in indirect speech, which the gold neither lists nor rules out)."""

    exact: Score
    overlap: Score
    speaker_named: tuple[int, int]  # (correct, scored)
    speaker_all: tuple[int, int]
    misses: tuple[str, ...] = ()
    overlap_judged: Score = Score(0, 0, 0)


@dataclass(frozen=True, slots=True)
class QuantityScores:
    span_exact: Score
    span_overlap: Score
    value: Score
    unit: tuple[int, int]
    qualifier: tuple[int, int] = (0, 0)
    measured: tuple[int, int] = (0, 0)
    recall_by_tag: dict[str, tuple[int, int]] = field(default_factory=dict)
    misses: tuple[str, ...] = ()


# ---- quotes --------------------------------------------------------------------------------------------------------


def score_quotes(examples: Iterable[QuoteExample], *, strict_speaker: bool = False) -> QuoteScores:
    """Match predicted to gold quotes one to one, best pairs first.

    The unit on both sides is the gold's: for an example scored `by_fragment` (PolNeAR) each part of a predicted
    quote is one prediction with its quote's speaker, so `"We want," he said, "a ceasefire."` is two whichever way
    either side groups the parts; otherwise (the team set) a predicted quote is one prediction, its parts joined.
    exact = the same words once marks, edge punctuation and case are set aside (and overlapping offsets where gold
    has them); overlap = shared words over the longer side's word count at least 0.5, and overlapping offsets.
    Every prediction left unmatched is a false positive, including quoted words inside indirect speech;
    `overlap_judged` leaves out those that fall on the example's `unjudged` fragments. Speakers are scored on
    overlap-matched pairs whose gold has a source: the predicted name or the words beside the quote share a word
    (other than titles and function words) with gold's source; `strict_speaker` instead needs the normalised name
    to equal gold's (the team set gives normalised names). Named = the source is not a pronoun."""
    exact = overlap = judged = Score(0, 0, 0)
    named = [0, 0]
    every = [0, 0]
    misses: list[str] = []
    for example in examples:
        predicted = _predicted_units(example, find_quotes(example.text, split_sentences(example.text)))
        gold = example.quotes
        exact += _match_count(gold, predicted, _exact_quote, threshold=1.0)
        pairs = greedy_match([[_overlap_quote(g, p) for p in predicted] for g in gold], threshold=0.5)
        overlap += Score(len(pairs), len(predicted), len(gold))
        matched_predictions = {p for _, p in pairs}
        unjudged = [
            p
            for index, p in enumerate(predicted)
            if index not in matched_predictions
            and any(span_overlap(u, part) > 0 for u in example.unjudged for part in p.parts)
        ]
        judged += Score(len(pairs), len(predicted) - len(unjudged), len(gold))
        matched = {g for g, _ in pairs}
        misses.extend(f"{example.doc_id}: missed {g.text[:80]!r}" for i, g in enumerate(gold) if i not in matched)
        for g_index, p_index in pairs:
            g, p = gold[g_index], predicted[p_index]
            if not g.source:
                continue
            correct = _same_speaker(g.source, p, strict_speaker)
            every[0] += correct
            every[1] += 1
            if g.named_source:
                named[0] += correct
                named[1] += 1
    return QuoteScores(exact, overlap, (named[0], named[1]), (every[0], every[1]), tuple(misses), judged)


def _predicted_units(example: QuoteExample, predicted: list[Quote]) -> list[Quote]:
    """The predictions in the gold's unit: each part as a quote of its own when the gold lists fragments."""
    if not example.by_fragment:
        return predicted
    return [
        replace(quote, text=example.text[start:end], start=start, end=end, parts=((start, end),))
        for quote in predicted
        for start, end in quote.parts
    ]


def _clean(text: str) -> str:
    return " ".join(_EDGE.sub("", text).split()).lower()


def _exact_quote(gold: GoldQuote, predicted: Quote) -> float:
    if gold.spans:
        return 1.0 if _clean(predicted.text) == _clean(gold.text) and _spans_touch(gold, predicted) else 0.0
    return 1.0 if _clean(gold.text) == _clean(predicted.text) else 0.0


def _overlap_quote(gold: GoldQuote, predicted: Quote) -> float:
    if gold.spans and not _spans_touch(gold, predicted):
        return 0.0
    return token_overlap(gold.text, predicted.text)


def _spans_touch(gold: GoldQuote, predicted: Quote) -> bool:
    return any(span_overlap(g, p) > 0 for g in gold.spans for p in predicted.parts)


def _same_speaker(source: str, predicted: Quote, strict: bool) -> bool:
    if strict:
        return (predicted.speaker or "").strip().lower() == source.strip().lower()
    gold_words = set(tokens(source)) - _NOT_NAMES
    if not gold_words:
        gold_words = set(tokens(source))
    said = set(tokens(predicted.speaker or "")) | set(tokens(predicted.speaker_surface or ""))
    return bool(gold_words & said)


def _match_count(gold: Sequence, predicted: Sequence, similarity: Callable, threshold: float) -> Score:
    pairs = greedy_match([[similarity(g, p) for p in predicted] for g in gold], threshold)
    return Score(len(pairs), len(predicted), len(gold))


# ---- quantities ----------------------------------------------------------------------------------------------------


def score_quantities(
    examples: Iterable[QuantityExample],
    keep: Callable[[Quantity], bool] = lambda _: True,
    *,
    in_seconds: bool = False,
) -> QuantityScores:
    """Score `find_quantities` on examples. `keep` filters predictions to what a spec annotates (a currency spec
    does not list the counts in its sentences); `in_seconds` compares durations after conversion to seconds."""
    exact = spans = values = Score(0, 0, 0)
    unit, qualifier, measured = [0, 0], [0, 0], [0, 0]
    by_tag: dict[str, list[int]] = {}
    misses = []
    for example in examples:
        predicted = [q for q in find_quantities(example.text) if keep(q)]
        gold = example.quantities
        exact += _match_count(
            gold, predicted, lambda g, p: float(_clean(g.surface) == _clean(p.surface) and _touch(g, p)), 1.0
        )
        span_pairs = greedy_match([[_overlap_amount(g, p) for p in predicted] for g in gold], threshold=1e-9)
        spans += Score(len(span_pairs), len(predicted), len(gold))
        value_pairs = greedy_match(
            [[_overlap_amount(g, p) if _values_agree(g, p, in_seconds) else 0.0 for p in predicted] for g in gold],
            threshold=1e-9,
        )
        values += Score(len(value_pairs), len(predicted), len(gold))
        found = {g for g, _ in span_pairs}
        for index, g in enumerate(gold):
            for tag in g.tags or example.tags:
                counts = by_tag.setdefault(tag, [0, 0])
                counts[0] += index in found
                counts[1] += 1
            if index not in {gi for gi, _ in value_pairs}:
                misses.append(f"{example.source}: {g.surface!r} = {g.value} in {example.text[:90]!r}")
        for g_index, p_index in value_pairs:
            g, p = gold[g_index], predicted[p_index]
            if g.unit is not None or example.source.startswith("team/"):
                expected = _our_unit(g.unit, example.source)
                if expected is not _UNMAPPED:
                    unit[0] += p.unit == expected
                    unit[1] += 1
            if example.source.startswith("team/"):
                qualifier[0] += (p.qualifier.value if p.qualifier else None) == g.qualifier
                qualifier[1] += 1
                if g.measured:
                    measured[0] += (p.measured or "").lower() == g.measured.lower()
                    measured[1] += 1
    return QuantityScores(
        exact,
        spans,
        values,
        (unit[0], unit[1]),
        (qualifier[0], qualifier[1]),
        (measured[0], measured[1]),
        {tag: (counts[0], counts[1]) for tag, counts in sorted(by_tag.items())},
        tuple(misses),
    )


_UNMAPPED = object()


def _our_unit(name: str | None, source: str):
    if source.startswith("team/") or source.startswith("measeval"):
        return name
    if name is None:
        return None
    key = name.strip().lower()
    if key in UNIT_NAMES_BY_SOURCE.get(source, {}):
        return UNIT_NAMES_BY_SOURCE[source][key]
    if key in UNITS:
        return key
    return UNIT_NAMES.get(key, _UNMAPPED)


def _touch(gold: GoldQuantity, predicted: Quantity) -> bool:
    if gold.start is None or gold.end is None:
        return True
    return span_overlap((gold.start, gold.end), (predicted.start, predicted.end)) > 0


def _overlap_amount(gold: GoldQuantity, predicted: Quantity) -> float:
    if gold.start is None or gold.end is None:
        return (
            1.0
            if _clean(gold.surface) in _clean(predicted.surface) or _clean(predicted.surface) in _clean(gold.surface)
            else 0.0
        )
    return float(span_overlap((gold.start, gold.end), (predicted.start, predicted.end)))


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def _values_agree(gold: GoldQuantity, predicted: Quantity, in_seconds: bool) -> bool:
    candidates = [predicted.value, predicted.low, predicted.high]
    if in_seconds and predicted.unit:
        candidates = [to_base(v, predicted.unit)[0] if v is not None else None for v in candidates]
    value, low, high = candidates
    if gold.low is not None or gold.high is not None:
        if gold.low is not None and gold.high is not None and _close(low, gold.low) and _close(high, gold.high):
            return True
        # A range also matches on its midpoint (quantulum's convention) or, when open, on its one bound.
        return any(_close(value, bound) for bound in (gold.value, gold.low, gold.high) if bound is not None)
    if gold.value is None:
        return True  # a span-only annotation (MeasEval): any value
    # The converse of the rule above: a set without ranges marks "eight to 10 feet" as "10 feet", so a predicted
    # range matches a single gold value at one of its bounds (the spans must overlap as well).
    return _close(value, gold.value) or (value is None and (_close(low, gold.value) or _close(high, gold.value)))


# ---- claim coverage ------------------------------------------------------------------------------------------------


def quantity_coverage(claims: Sequence[str], *, with_dates: bool) -> tuple[int, int]:
    """How many claims have at least one quantity (and, with `with_dates`, a date or period counts too)."""
    found = 0
    for claim in claims:
        if find_quantities(claim) or (with_dates and find_dates(claim)):
            found += 1
    return found, len(claims)
