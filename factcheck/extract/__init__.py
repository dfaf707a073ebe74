"""Extraction: sentences, direct quotes with speakers, quantities, and the claims built from them.

    extract/
        claims.py       claims from quotes and figure-bearing sentences, scored for review (the stage's entry)
        sentences.py    sentence spans with offsets
        values.py       the values extraction produces: Sentence, Quantity, Quote, Claim
        datelines.py    the day a story was filed, from its dateline (`filed_on`)
        quotes/         direct quotes and their speakers, transcript turns (`find_quotes`, `find_turns`, ...)
        figures/        figures with units, qualifiers and counted things; dates (`find_quantities`, ...)

Other packages import from `factcheck.extract`, `factcheck.extract.quotes` and `factcheck.extract.figures`, never
from the modules inside them. `extract_claims` and `score_checkworthiness` load the quote, quantity and date rules
on first use (about 0.15 s of imports), so importing this package for its types or sentences alone, as the store
does, stays light (the app's first page draws sooner: docs/benchmarks.md, app start).
"""

from typing import TYPE_CHECKING, Any

from factcheck.extract.datelines import Filed, filed_on, without_date_lines, without_dateline, without_stamp_lines
from factcheck.extract.sentences import forget_splits, split_sentences
from factcheck.extract.values import Claim, ClaimKind, Qualifier, Quantity, Quote, Sentence

if TYPE_CHECKING:
    from factcheck.extract.claims import extract_claims, score_checkworthiness

__all__ = [
    "Claim",
    "ClaimKind",
    "Filed",
    "Qualifier",
    "Quantity",
    "Quote",
    "Sentence",
    "extract_claims",
    "filed_on",
    "without_date_lines",
    "without_dateline",
    "without_stamp_lines",
    "score_checkworthiness",
    "forget_splits",
    "split_sentences",
]


def __getattr__(name: str) -> Any:
    if name in ("extract_claims", "score_checkworthiness"):
        from factcheck.extract import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
