"""Extraction: sentences, direct quotes with speakers, quantities, and the claims built from them.

`extract_claims` and `score_checkworthiness` load the quote, quantity and date rules on first use (about 0.15 s of
imports), so importing a module of this package for its types or sentences alone, as the store does, stays light.
"""

from typing import TYPE_CHECKING, Any

from factcheck.extract.types import Claim, ClaimKind, Qualifier, Quantity, Quote, Sentence

if TYPE_CHECKING:
    from factcheck.extract.claims import extract_claims, score_checkworthiness

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


def __getattr__(name: str) -> Any:
    if name in ("extract_claims", "score_checkworthiness"):
        from factcheck.extract import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
