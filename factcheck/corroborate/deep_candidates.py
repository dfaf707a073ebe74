"""Which candidates from deep in a claim's list could be shown at all: a cheap test before the full comparison.

Below the few passages a claim is always shown with, a candidate is kept only when its decision stands alone
(`confidence.stands_alone`): a support with the claim's own figure, or the claim's quoted words, faithful, by its
speaker. Most deep candidates have neither, and comparing them in full (figure frames, quote alignment, speakers)
is most of the time an article's check takes. `deep_candidate_test(claim)` gives a test that is true for every
passage that could stand alone (a necessary condition, never a guess), so the full comparison runs only for those:

- a numeric claim: the passage has a figure of the same kind with exactly the claim figure's value (`MATCH`, the
  only status a standing-alone support is made of) or its digits in another order (a confident conflict on a likely
  slip in copying the figure stands alone too), its figures read as the comparison reads them
  (`figure_pairing.passage_figures_of`; a time of day told in words too), or a year or month of the claim's
  sentence (`event_years.py`);
- a quote claim: every word of the quote, or of one of its quotations when the article wrote it as two, is a word
  of the passage or of its document (faithful words are found word for word). A source too long to be read whole
  by the quote search (`quotes.LONG_SOURCE_CHARS`) always passes, and so does a passage holding most of the words
  of the quote or of one of its quotations (`SWAP_ALIGNED_SHARE`, counted with repeats): a word or number changed
  there is a conflict that stands alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from factcheck.corroborate.event_years import date_kind, event_years_of
from factcheck.corroborate.figure_pairing import passage_figures_of
from factcheck.corroborate.number_rules import to_figures
from factcheck.corroborate.number_values import same_value, transposed
from factcheck.corroborate.quote_align import tokenize
from factcheck.corroborate.quote_alteration import SWAP_ALIGNED_SHARE
from factcheck.corroborate.quote_parts import quotation_parts
from factcheck.corroborate.quotes import DOCUMENT_CACHE, LONG_SOURCE_CHARS
from factcheck.corroborate.spoken_times import HALF_DAY, spoken_times
from factcheck.extract import Claim, ClaimKind
from factcheck.extract.figures import CLOCK_TIME

__all__ = ["DeepCandidateTest", "deep_candidate_test", "forget_document_words"]

# (passage text, its stored document text or None) -> whether the passage could stand alone.
DeepCandidateTest = Callable[[str, "str | None"], bool]


def deep_candidate_test(claim: Claim) -> DeepCandidateTest:
    """The test for `claim`'s deep candidates (module docstring): true whenever the passage could stand alone."""
    if claim.kind is ClaimKind.QUOTE:
        return _quote_test(claim)
    if claim.quantities:
        return _figure_test(claim)
    return lambda passage_text, document_text: False


def _figure_test(claim: Claim) -> DeepCandidateTest:
    claim_figures = to_figures(list(claim.quantities))
    # the years and months the comparison reads as figures too (`event_years.py`), by their family's kind and value
    dated = {(date_kind(f.family), f.low) for f in event_years_of(claim.sentence, dated=True)}
    # and the times of day a passage tells in words ("half past eleven"), read in either half of the day
    times = [f.anchor + half for f in claim_figures if f.family == CLOCK_TIME for half in (0.0, HALF_DAY)]

    def could_match(passage_text: str, document_text: str | None) -> bool:
        if not claim_figures or not isinstance(passage_text, str):
            return False
        passage_figures = passage_figures_of(passage_text) + (spoken_times(passage_text, times) if times else [])
        if any(same_value(figure, passage) for passage in passage_figures for figure in claim_figures):
            return True
        if any(transposed(figure, passage) for passage in passage_figures for figure in claim_figures):
            return True  # a likely slip in copying the figure may stand alone as a conflict
        return bool(dated) and any(
            (date_kind(f.family), f.low) in dated for f in event_years_of(passage_text, dated=True, with_days=True)
        )

    return could_match


def _quote_test(claim: Claim) -> DeepCandidateTest:
    texts = [claim.text, *quotation_parts(claim.text, claim.sentence)]
    word_sets = [frozenset(t.norm for t in tokenize(text)) for text in texts]
    word_sets = [words for words in word_sets if words]

    token_lists = [[t.norm for t in tokenize(text)] for text in texts]
    token_lists = [tokens for tokens in token_lists if tokens]

    def could_hold(passage_text: str, document_text: str | None) -> bool:
        for source in (passage_text, document_text):
            if not isinstance(source, str) or not source:
                continue
            if len(source) > LONG_SOURCE_CHARS:
                return True
            held = _words_of(source) if source is document_text else frozenset(t.norm for t in tokenize(source))
            if any(words <= held for words in word_sets):
                return True
            # quoted words the passage holds with a word or number changed: most of them line up there
            if source is passage_text and any(
                sum(word in held for word in tokens) >= SWAP_ALIGNED_SHARE * len(tokens) for tokens in token_lists
            ):
                return True
        return False

    return could_hold


@functools.lru_cache(maxsize=DOCUMENT_CACHE)
def _words_of(text: str) -> frozenset[str]:
    """The word forms of `text` as the quote search compares them (a claim's candidates share a few documents)."""
    return frozenset(t.norm for t in tokenize(text))


def forget_document_words() -> None:
    """Drop the remembered word forms of documents."""
    _words_of.cache_clear()
