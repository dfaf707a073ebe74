"""Speakers introduced as news introduces them (session 12, read on round11: two verbatim quotes were given to
another person and shown as conflicts): a role, a comma, then the name ("according to the town's surveyor, Marta
Lindqvist."), and a possessive and a relation before the name that opens a clause ending in a colon ("His colleague
Tomas Brenner was blunter: ..."). Fresh wording; each case failed before its change."""

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
            "“The road must reopen,” said Joran Velt, who runs the bakery. Two horses were injured, according to the "
            "town's surveyor, Marta Lindqvist. “They were lucky,” she said.",
            ["Joran Velt", "Marta Lindqvist"],
        ),
        (
            "“We cannot pay twice,” said Hanne Oduya, who chairs the panel. Her colleague Tomas Brenner was blunter: "
            "“This contract should never have been signed.”",
            ["Hanne Oduya", "Tomas Brenner"],
        ),
        (
            "“The figures are wrong,” said Ilka Sorensen. A colleague was blunter: “Nobody checked them.”",
            ["Ilka Sorensen", "A colleague"],
        ),
    ],
)
def test_a_speaker_introduced_by_role_or_relation_is_found(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("claimed", "status"),
    [
        ("Alison Fenmore", "different"),  # one family, two people
        ("Gerald Fenmore", "same"),
        ("G. Fenmore", "same"),
        ("Fenmore", "same"),
        ("DCFO Fenmore", "same"),  # a role in capitals before the surname is no first name
        ("Station Commander Fenmore", "same"),  # nor is a title, nor the word of a role before it
    ],
)
def test_a_shared_surname_is_not_the_same_person_when_the_first_names_differ(claimed: str, status: str) -> None:
    # read on round9 after session 12's role mentions named the mother as the speaker: "Fenmore" matched "Fenmore"
    from factcheck.corroborate.quote_speaker import compare_speaker

    text = 'Liam\'s father, Gerald Fenmore, said: "We waited a year and a half for an answer."'
    start = text.index("We waited")
    assert compare_speaker(claimed, text, ((start, start + 20),))[0].value == status


def test_two_first_names_the_lexicon_does_not_know_are_not_judged_two_people() -> None:
    # a spelling or a nickname ("Ruairi" / "Rory") is as likely as a relative when neither name is a known one
    from factcheck.corroborate.quote_speaker import compare_speaker

    text = 'Station officer Ruairi Vantock said: "We got everyone out in nine minutes."'
    start = text.index("We got")
    assert compare_speaker("Oisin Vantock", text, ((start, start + 20),))[0].value == "same"
