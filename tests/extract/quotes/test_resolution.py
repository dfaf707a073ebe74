"""Speakers resolved across an article: pronouns to the person a sentence opens on, "the minister" to the name
given with that title (`factcheck/extract/quotes/resolution.py`)."""

from __future__ import annotations

import pytest

from factcheck.extract import split_sentences
from factcheck.extract.quotes import find_quotes

ODUM = (
    '"Households will feel this," Ferreby said.\n\n'
    "Finance Minister Rafael Odum declined to criticise the decision. "
    '"The government respects the bank\'s independence," he said in a statement.\n'
)
APPOSED = (
    '"Rates will stay high," Governor Ilona Ferreby said.\n\n'
    "Mira Joss, chief economist at Harbourline Bank, is among those expecting a larger step. "
    '"A half-point move would be a clear signal," she said.\n'
)
GRENDT = (
    "Interior Minister Paula Grendt welcomed the fall. Applicants wait 14 months, Grendt said, and the minister "
    "said the extra staff were making a difference.\n\n"
    '"We have cut processing times in half," she said.\n\n'
    '"The backlog is falling," the minister said.\n'
)
NOT_A_SUBJECT = (
    "Northvale Water chief executive Sarah Pennington said the company had overhauled its approvals. "
    '"We have tightened every control," she said in a statement.\n'
)


def speaker_of(text: str, words: str) -> str | None:
    quotes = find_quotes(text, split_sentences(text))
    return next(q.speaker for q in quotes if words in q.text)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (ODUM, "The government respects", "Rafael Odum"),  # not the earlier speaker Ferreby
        (APPOSED, "A half-point move", "Mira Joss"),  # a subject set off by its role
        (GRENDT, "We have cut processing times", "Paula Grendt"),  # she -> "the minister" -> Paula Grendt
        (GRENDT, "The backlog is falling", "Paula Grendt"),  # "the minister" -> Interior Minister Paula Grendt
        (NOT_A_SUBJECT, "We have tightened", "Sarah Pennington"),  # the company's name is no subject here
    ],
    ids=["titled-subject", "apposed-subject", "pronoun-via-title", "title-description", "organisation-then-name"],
)
def test_the_article_speaker_is_resolved_through_subjects_and_titles(text: str, words: str, speaker: str) -> None:
    assert speaker_of(text, words) == speaker


def test_a_description_without_a_titled_name_stays_as_written() -> None:
    text = 'Officials met on Monday. "We are ready," the minister said.\n'
    assert speaker_of(text, "We are ready") == "the minister"
