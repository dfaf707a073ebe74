"""Extraction: sentences, direct quotes with speakers, quantities, and the claims built from them."""

from factcheck.extract.claims import extract_claims, score_checkworthiness
from factcheck.extract.types import Claim, ClaimKind, Qualifier, Quantity, Quote, Sentence

__all__ = [
    "Claim",
    "ClaimKind",
    "Qualifier",
    "Quantity",
    "Quote",
    "Sentence",
    "extract_claims",
    "score_checkworthiness",
]
