"""Speakers as news names them (session 13, read on round13: three verbatim quotes lost their speaker, one was shown
as a misattribution): a company's role with "of" before the name in apposition ("said Harwick Rail's head of
network safety, Odile Brannock"), a churchman's title after "the" ("the Very Rev Mattias Quell"), and a he after a
sentence whose subject is a surname the text named in full, behind an opening clause ("In March, when ..., Quell
had been calm."). Fresh wording; each case failed before its change."""

from __future__ import annotations

import pytest

from factcheck.extract.quotes.finding import find_quotes
from factcheck.extract.sentences import split_sentences


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, split_sentences(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The signals failed safe,” said Harwick Rail's head of network safety, Odile Brannock, “as designed.”",
            ["Odile Brannock"],
        ),
        (
            "“No train was at risk,” said the operator's director of engineering, Piet Lowry.",
            ["Piet Lowry"],
        ),
        (
            "“We pray for dry weather,” the Archdeacon of Wenlow, the Very Rev Mattias Quell, said at the service.",
            ["Mattias Quell"],
        ),
        (
            "“The bells will ring again,” said the Rev Clare Amberley.",
            ["Clare Amberley"],
        ),
    ],
)
def test_a_name_after_a_role_or_a_title_is_the_speaker(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_a_he_after_a_surname_subject_behind_an_opening_clause_is_that_person() -> None:
    text = (
        "“We have seen worse winters,” harbour master Tobias Quell told a local radio station.\n\n"
        "“Nothing like this,” said Ingrid Sallow, a forecaster.\n\n"
        "Ferries were cancelled on three days.\n\n"
        "In early March, when the first gales came, Quell had been calm. “The harbour wall will hold,” he said then."
    )
    assert speakers(text) == ["Tobias Quell", "Ingrid Sallow", "Tobias Quell"]


def test_a_possessive_organisation_is_not_a_name_when_no_name_follows() -> None:
    # the description stays as written: no person is invented from the company's name
    text = "“Refunds start on Monday,” said Harwick Rail's head of customer services."
    assert speakers(text) == ["Harwick Rail's head of customer services"]
