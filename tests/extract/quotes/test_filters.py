"""Quoted words that are not speech: word counts, titles, headlines, nicknames, works, blanked marks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.quotes.filters import (
    blank_marks,
    is_headline,
    is_nickname,
    is_title,
    names_a_work,
    stands_alone,
    word_count,
)
from factcheck.extract.quotes.marks import QuotedSpan, find_marks, pair_marks


def only_span(text: str) -> QuotedSpan:
    (span,) = pair_marks(text, find_marks(text))
    return span


WORD_COUNTS = [
    ("3,210 shooting victims", 3),
    ("$4.7 billion", 2),
    ("don't stop", 2),
    ("Russia’s envoy", 2),
    ("", 0),
]


@pytest.mark.parametrize(("stretch", "expected"), WORD_COUNTS, ids=[c[0] or "empty" for c in WORD_COUNTS])
def test_word_count(stretch: str, expected: int) -> None:
    assert word_count(stretch) == expected


# (quoted words, final_stop allowed, is a title)
TITLES = [
    ("Face the Nation", False, True),
    ("State of the Union.", False, False),  # a full stop makes capitalised words a sentence ...
    ("State of the Union.", True, True),  # ... unless the context shows a name
    ("we will win", True, False),
    ("Yes.", False, False),
]


@pytest.mark.parametrize(("quoted", "final_stop", "expected"), TITLES, ids=[f"{c[0]}-{c[1]}" for c in TITLES])
def test_is_title(quoted: str, final_stop: bool, expected: bool) -> None:
    assert is_title(quoted, final_stop=final_stop) is expected


HEADLINES = [
    ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON", True),
    ("Obama Sees 'Personal Insult' if Blacks Don't Rally for Hillary Clinton.", True),
    ("Kerry said the talks would go on for ‘weeks.’", False),  # lowercase words: a sentence
    ("‘No.’", False),  # too short to tell
]


@pytest.mark.parametrize(("text", "expected"), HEADLINES, ids=[c[0][:30] for c in HEADLINES])
def test_is_headline(text: str, expected: bool) -> None:
    assert is_headline(text, 5) is expected


STANDING_ALONE = [
    ("Text.\n\n'All Bets Are Off.'\n\nMore text.", True),
    ("Text.\n\nHe said 'All Bets Are Off.'\n\nMore text.", False),
    ("'All Bets Are Off,' he said.", False),
]


@pytest.mark.parametrize(("text", "expected"), STANDING_ALONE, ids=[c[0][:30] for c in STANDING_ALONE])
def test_stands_alone(text: str, expected: bool) -> None:
    span = only_span(text)
    assert stands_alone(text, span.open_start, span.close_end) is expected


WORKS = [
    ('Pence said on CNN\'s "State of the Union."', True),
    ("Flynn said on Fox News’s “Fox and Friends.”", True),
    ("She sang the anthem “A Change Is Gonna Come,” to cheers.", True),
    ("A paper titled “How to Foster Long-Term Innovation Investment” came out.", True),
    ("He said on Tuesday “We Will Win.”", False),  # "on Tuesday" is a date, not a show
    ("The commentary, “Melania, tell your story,” is thoughtful.", False),  # a work, but not a title
]


@pytest.mark.parametrize(("text", "expected"), WORKS, ids=[c[0][:30] for c in WORKS])
def test_names_a_work(text: str, expected: bool) -> None:
    assert names_a_work(text, only_span(text)) is expected


NICKNAMES = [
    ('state Del. Marcia "Cia" Price (D-Newport News)', True),
    ('Dwayne "The Rock" Johnson', True),
    ('Kerry called it "Clarity" on Monday', False),  # lowercase word before: not inside a name
    ('Sen. Smith "We Must Act Now" Jones', False),  # too many words for a nickname
]


@pytest.mark.parametrize(("text", "expected"), NICKNAMES, ids=[c[0][:30] for c in NICKNAMES])
def test_is_nickname(text: str, expected: bool) -> None:
    assert is_nickname(text, only_span(text)) is expected


def test_blank_marks_keeps_offsets_and_words() -> None:
    text = 'Del. Marcia "Cia" Price said'
    assert blank_marks(text, [only_span(text)]) == "Del. Marcia  Cia  Price said"


@given(st.lists(st.sampled_from(["Kerry", "said", " ", '"', "“", "”", "'", "’", "word", "\n"]), max_size=60))
def test_blank_marks_changes_only_marks(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = pair_marks(text, find_marks(text))
    blanked = blank_marks(text, spans)
    assert len(blanked) == len(text)
    for before, after in zip(text, blanked, strict=True):
        assert after == before or (after == " " and before in "\"“”'’")
    for span in spans:
        assert all(blanked[start:end] == text[start:end] for start, end in span.parts)


def test_blank_marks_leaves_other_characters_of_broken_marks():
    text = '“""\n“'
    spans = pair_marks(text, find_marks(text))
    blanked = blank_marks(text, spans)
    assert all(after == before or before in "\"“”'’" for before, after in zip(text, blanked, strict=True))
