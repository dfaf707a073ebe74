"""A statement's heading or sign-off names who its words belong to (`factcheck/corroborate/quote_authors.py`)."""

from __future__ import annotations

import pytest

from factcheck.corroborate.quote_authors import author_at, find_statements
from factcheck.corroborate.quote_speaker import compare_speaker
from factcheck.corroborate.signals import SpeakerStatus

SECOND_LINE = (
    "EBBERSLEY PARENTS' ASSOCIATION\n"
    "Statement from the chair, Beatrix Holloway-Nye\n"
    "17 November 2026\n\n"
    '"Parents understand why teachers are angry, but children cannot lose another week of school.\n\n'
    '"We support good pay for teachers."\n\n'
    "Notes for editors\n\n"
    "The association has 2,900 member families.\n"
)
ROLE_THEN_NAME = (
    "MINISTRY OF FINANCE\nPress statement, 12 November\n\n"
    "Statement by the Minister of Finance, Rafael Odum, on today's decision\n\n"
    '"The government respects the bank\'s independence."\n'
)
SECTION = (
    "# Viaduct Inquiry - Terms of Reference\n\n## Terms of reference\n\n1. The inquiry may sit for 18 months.\n\n"
    "## Statement by Marguerite Lanskov\n\nI have accepted this task. Where the evidence leads, we will follow.\n"
)
READ_OUT = (
    "The hospital asks the media to respect the privacy of the patients.\n\n"
    "Statement from Emil Radanic, 34, one of the rescued miners, read on his behalf by the press officer:\n\n"
    '"I want to thank every rescuer.\n\nWe sang to keep awake, and we argued about football to keep sane.\n'
)
SIGNED = "We will rebuild every school that the flood destroyed.\n\n\u2014 Ada Voss, mayor\n\nIn other news, rain.\n"


def speaker(text: str, words: str, claimed: str) -> tuple[SpeakerStatus, str | None]:
    start = text.index(words)
    return compare_speaker(claimed, text, ((start, start + len(words)),))


@pytest.mark.parametrize(
    ("text", "words", "author"),
    [
        (SECOND_LINE, "Parents understand why teachers", "Beatrix Holloway-Nye"),  # heading on the second line
        (SECOND_LINE, "We support good pay", "Beatrix Holloway-Nye"),  # a later quoted paragraph
        (ROLE_THEN_NAME, "The government respects", "Rafael Odum"),  # "the Minister of Finance, Rafael Odum"
        (SECTION, "Where the evidence leads", "Marguerite Lanskov"),  # a Markdown section whose words say "I"
        (READ_OUT, "We sang to keep awake", "Emil Radanic"),  # "we argued" read out for him
        (SIGNED, "We will rebuild", "Ada Voss"),  # a sign-off owns the words above it
    ],
    ids=["second-line", "later-paragraph", "role-then-name", "markdown-section", "read-out", "sign-off"],
)
def test_a_statements_author_owns_its_words(text: str, words: str, author: str) -> None:
    assert speaker(text, words, author) == (SpeakerStatus.SAME, author)
    assert speaker(text, words, "Tom Okafor")[0] is SpeakerStatus.DIFFERENT


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (SECOND_LINE, "2,900 member families"),  # after "Notes for editors"
        (SECTION, "may sit for 18 months"),  # another section of the document
        (SIGNED, "In other news"),  # below the sign-off
    ],
)
def test_words_outside_the_statement_are_not_the_authors(text: str, words: str) -> None:
    assert author_at(text, text.index(words)) is None


def test_an_organisations_statement_without_i_credits_nobody() -> None:
    assert find_statements("## Statement by Bridgewell Aid\n\nWe treated 1,150 children.\n") == []
    assert find_statements("Statement by the chair\n\nI thank the members.\n") == []  # a role, no name


CHAIRED = (
    "# The Pennant Park Inquiry\n\nIt is chaired by Her Honour Honora Vesey, a retired judge.\n\n"
    "## From the chair's opening statement, 27 October\n\n"
    '"The families have waited long enough, and I intend to report by the summer."\n\n'
    "## Hearings\n\nHearings resume in January.\n"
)
TWO_CHAIRS = (
    "The inquiry is chaired by Ana Lima. The council is chaired by Rui Costa.\n\n"
    "Statement by the chair\n\nWe will report in May.\n"
)


def test_a_role_heading_gives_the_words_to_the_person_the_document_names_in_that_role() -> None:
    assert speaker(CHAIRED, "The families have waited", "Honora Vesey") == (SpeakerStatus.SAME, "Honora Vesey")
    assert author_at(CHAIRED, CHAIRED.index("Hearings resume")) is None
    assert find_statements(TWO_CHAIRS) == []  # two people in the role: nobody


def test_a_line_of_prose_that_mentions_a_statement_is_no_heading() -> None:
    text = "".join(f"Paragraph {n} of the report.\n\n" for n in range(8))
    text += "Read the full statement by Mayor Ada Voss on our website\n\nThe council met on Monday.\n"
    assert author_at(text, text.index("The council met")) is None
