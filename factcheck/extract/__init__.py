"""Extraction: sentences, direct quotes with speakers, quantities, and the claims built from them.

    extract/
        claims.py       claims from quotes and figure-bearing sentences, scored for review (the stage's entry)
        sentences.py    sentence spans with offsets
        values.py       the values extraction produces: Sentence, Quantity, Quote, Claim
        quotes/         direct quotes and their speakers, transcript turns (`find_quotes`, `find_turns`, ...)
        figures/        figures with units, qualifiers and counted things; dates (`find_quantities`, ...)

Other packages import from `factcheck.extract`, `factcheck.extract.quotes` and `factcheck.extract.figures`, never
from the modules inside them.
"""

from factcheck.extract.claims import extract_claims, score_checkworthiness
from factcheck.extract.sentences import split_sentences
from factcheck.extract.values import Claim, ClaimKind, Qualifier, Quantity, Quote, Sentence

__all__ = [
    "Claim",
    "ClaimKind",
    "Qualifier",
    "Quantity",
    "Quote",
    "Sentence",
    "extract_claims",
    "score_checkworthiness",
    "split_sentences",
]
