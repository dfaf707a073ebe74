"""Claims from a document: every direct quote, and every sentence with figures outside quotes, scored for review."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence

from factcheck.documents import Document
from factcheck.extract.datelines import filed_on
from factcheck.extract.figures.dates import find_days_and_times, find_spoken_clock_times
from factcheck.extract.figures.quantities import find_quantities
from factcheck.extract.quotes.finding import find_quotes
from factcheck.extract.quotes.roles import roles_of
from factcheck.extract.sentences import split_sentences
from factcheck.extract.values import Claim, ClaimKind, Quantity, Quote, Sentence
from factcheck.limits import Limits


def extract_claims(document: Document, limits: Limits | None = None) -> list[Claim]:
    """The checkable claims of `document`, in document order.

    A quote is one claim whatever its length and lists the figures inside it. A sentence whose figures are not all
    inside quotes is one numeric claim with those figures.

    Raises:
        InputTooLargeError: the text is longer than `limits.document_chars` (by default the environment's limits).
    """
    text = document.text
    (limits or Limits.from_environment()).check_length(len(text), f"The document {document.doc_id[:80]!r}")
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences)
    # Days of a month and times of day are compared like figures ("September 6" against "9 September", "2.17 a.m."
    # against "02:17"), though not quantities.
    # A time told in words ("set off at half past seven") is one time of day, not the count of its hour.
    spoken = find_spoken_clock_times(text)
    found = [q for q in find_quantities(text) if not any(t.start <= q.start < t.end for t in spoken)]
    quantities = sorted(found + find_days_and_times(text) + spoken, key=lambda quantity: quantity.start)
    starts = [s.start for s in sentences]

    claims: list[tuple[int, ClaimKind, str, int, int, str, str | None, tuple[Quantity, ...]]] = []
    quoted_spans = [part for quote in quotes for part in quote.parts]
    for quote in quotes:
        inside = tuple(q for q in quantities if _inside_parts(q, quote.parts))
        context = _sentence_context(text, sentences, starts, quote.start, quote.end)
        claims.append(
            (quote.start, ClaimKind.QUOTE, quote.text, quote.start, quote.end, context, quote.speaker, inside)
        )

    by_sentence: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        if any(start <= quantity.start and quantity.end <= end for start, end in quoted_spans):
            continue
        position = bisect.bisect_right(starts, quantity.start) - 1
        if position < 0 or quantity.start >= sentences[position].end:
            continue  # between sentences (a stray figure in whitespace): nothing to anchor a claim to
        by_sentence.setdefault(position, []).append(quantity)
    for position, found in by_sentence.items():
        sentence = sentences[position]
        if is_table_row(sentence.text):
            continue  # a table's cells ("Trucks | 20") are data beside the article, not a sentence that claims
        speaker = _speaker_of_sentence(quotes, sentence)
        claims.append(
            (
                sentence.start,
                ClaimKind.NUMERIC,
                sentence.text,
                sentence.start,
                sentence.end,
                sentence.text,
                speaker,
                tuple(found),
            )
        )

    claims.sort(key=lambda c: (c[0], c[1].value))
    filed = filed_on(text)
    roles: dict[str | None, tuple[str, ...]] = {}  # per speaker: a document quotes few people, many times
    results = []
    seen: dict[str, int] = {}
    for _, kind, claim_text, start, end, context, speaker, figures in claims:
        claim_id = _claim_id(document, kind, claim_text, seen)
        results.append(
            Claim(
                claim_id=claim_id,
                doc=document.doc_id,
                kind=kind,
                text=claim_text,
                start=start,
                end=end,
                sentence=context,
                speaker=speaker,
                quantities=figures,
                checkworthiness=score_checkworthiness(kind, claim_text, speaker, figures),
                filed=filed,
                speaker_roles=_roles(roles, speaker, sentences) if kind is ClaimKind.QUOTE else (),
            )
        )
    return results


def _roles(known: dict[str | None, tuple[str, ...]], speaker: str | None, sentences: list[Sentence]) -> tuple[str, ...]:
    if speaker not in known:
        known[speaker] = roles_of(speaker, sentences)
    return known[speaker]


def is_table_row(text: str) -> bool:
    """A line the readers wrote from a table row (cells joined by " | ", as `.docx` tables are read)."""
    return " | " in text and "\n" not in text.strip()


def score_checkworthiness(kind: ClaimKind, text: str, speaker: str | None, quantities: Sequence[Quantity]) -> float:
    """A 0-1 score to sort claims for review: figures with units, hedges and counted things rank high; short or
    unattributed quotes low. A readable heuristic; the extraction evaluation reports how well it ranks."""
    score = 0.2
    if kind is ClaimKind.QUOTE:
        score += 0.2 if speaker else 0.05
        score += min(len(text.split()), 30) / 150  # longer quotes say more that can be checked
    if quantities:
        score += 0.25 + min(len(quantities), 3) * 0.05
        if any(q.qualifier is not None for q in quantities):
            score += 0.05
        if any(q.measured or q.unit for q in quantities):
            score += 0.1
    return round(min(score, 1.0), 3)


def _inside_parts(quantity: Quantity, parts: Sequence[tuple[int, int]]) -> bool:
    return any(start <= quantity.start and quantity.end <= end for start, end in parts)


def _sentence_context(text: str, sentences: Sequence[Sentence], starts: list[int], start: int, end: int) -> str:
    """The text of the sentences a span touches, so a quote is shown with its attribution."""
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    last = max(bisect.bisect_right(starts, max(end - 1, start)) - 1, first)
    if not sentences:
        return text[start:end]
    begin = min(sentences[first].start, start)
    finish = max(sentences[last].end, end)
    # The attribution often follows in the next sentence piece (`"...," he said.` after a quote ending a sentence).
    if last + 1 < len(sentences) and sentences[last].end <= end + 2:
        following = sentences[last + 1]
        if "\n\n" not in text[finish : following.start] and len(following.text) < 200:
            finish = following.end
    return text[begin:finish]


def _speaker_of_sentence(quotes: Sequence[Quote], sentence: Sentence) -> str | None:
    """A numeric sentence that also carries a quote is attributed to that quote's speaker."""
    for quote in quotes:
        if quote.start < sentence.end and sentence.start < quote.end:
            return quote.speaker
    return None


def _claim_id(document: Document, kind: ClaimKind, text: str, seen: dict[str, int]) -> str:
    """Stable across runs and file names: the same words in the same document give the same id."""
    digest = hashlib.sha1(f"{document.content_hash}|{kind.value}|{text}".encode()).hexdigest()[:10]
    count = seen.get(digest, 0)
    seen[digest] = count + 1
    return f"{kind.value[0]}-{digest}" + (f"-{count}" if count else "")
