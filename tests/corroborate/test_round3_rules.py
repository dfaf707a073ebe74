"""Issue 16, round 3: rules found on the seen holdout split (how sure a quoted statement is, shares in words, ...);
each case is a miss or a wrong card of the article set, written here in fresh words."""

from __future__ import annotations

import pytest

from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import QuoteStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims


def claims_of(text: str, kind: ClaimKind):
    return [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is kind]


@pytest.mark.parametrize(
    ("quote", "passage", "change", "reason"),
    [
        (
            "This law will close our schools",
            '"This law could close our schools," the mayor said.',
            "will -> could",
            "The quote changes how sure the words are: the passage says 'could', not 'will'.",
        ),
        (
            "The network is at its limit",
            '"The network is close to its limit," the mayor said.',
            "at -> close to",
            "The quote changes how sure the words are: the passage says 'close to', not 'at'.",
        ),
        (
            "Prices will fall next year",
            '"Prices will probably fall next year," the mayor said.',
            "will -> will probably",
            "The quote changes how sure the words are: the passage says 'will probably', not 'will'.",
        ),
    ],
    ids=["modal-swapped", "hedge-for-preposition", "hedge-dropped"],
)
def test_a_quote_made_surer_or_less_sure_conflicts(quote: str, passage: str, change: str, reason: str) -> None:
    signal = compare_quote(quote, None, passage)
    assert signal.status is QuoteStatus.ALTERED
    assert signal.changed_words == (change,)
    assert signal.reason == reason
    (claim,) = claims_of(f'"{quote}," the mayor said.', ClaimKind.QUOTE)
    assert corroborate(claim, passage).stance is Stance.CONFLICTS


def test_the_same_modal_is_no_change() -> None:
    signal = compare_quote("Prices will fall next year", None, '"Prices will fall next year," the mayor said.')
    assert signal.status is QuoteStatus.VERBATIM
