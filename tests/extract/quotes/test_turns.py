"""Transcript turns: which labels open a turn, what each turn owns, and who is no speaker."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.quotes.turns import find_turns, speaker_at, turn_at

TRANSCRIPT = (
    "KERRY: Thank you all for waiting. It has been a long day.\n\n"
    "We spent many hours on the details.\n"
    "QUESTION: Is there a deal or not? LAVROV: Our experts will stay. After that, we decide.\n"
    ">> Q: And the convoys?\n"
    "[HALVORSEN] They are loaded.\n"
    "<v Maria Lopez>Hola a todos.</v>\n"
)


def speaker_of(text: str, words: str) -> str | None:
    return speaker_at(find_turns(text), text.index(words))


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("Thank you all", "Kerry"),
        ("It has been a long day", "Kerry"),  # a sentence after the label
        ("We spent many hours", "Kerry"),  # a paragraph after the label
        ("Is there a deal", None),  # a questioner is nobody to quote
        ("Our experts will stay", "Lavrov"),  # a label after a sentence end on the same line
        ("After that, we decide", "Lavrov"),
        ("And the convoys", None),  # >> Q:
        ("They are loaded", "Halvorsen"),  # [NAME]
        ("Hola a todos", "Maria Lopez"),  # WebVTT voice tag
    ],
)
def test_a_label_owns_every_line_until_the_next(words, speaker):
    assert speaker_of(TRANSCRIPT, words) == speaker


def test_questioner_turns_are_marked():
    turns = find_turns(TRANSCRIPT)
    assert [t.speaker for t in turns if t.questioner] == ["Question", "Q"]
    assert turn_at(turns, TRANSCRIPT.index("Is there")).questioner


@pytest.mark.parametrize(
    "text",
    [
        "Washington: The city woke to snow.\nNothing else happened.",  # one capitalised label is a dateline
        "NOTE: figures are provisional.\nThey may change.",  # a heading, not a speaker
        "Source: UN OCHA.\nMore later.",
        "The ratio was 3:1 in the end.",
    ],
)
def test_headings_datelines_and_ratios_are_not_turns(text):
    assert find_turns(text) == []


def test_capitalised_labels_count_when_there_are_two():
    text = "Kerry: We met today.\nLavrov: We agreed on most steps.\n"
    assert [t.speaker for t in find_turns(text)] == ["Kerry", "Lavrov"]
    assert speaker_of(text, "most steps") == "Lavrov"


def test_a_closed_voice_tag_owns_nothing_after_it():
    text = "<v Ana>Yes.</v> Applause."
    assert speaker_of(text, "Yes") == "Ana" and speaker_of(text, "Applause") is None


def test_long_all_capitals_labels_are_title_cased():
    text = "SENIOR STATE DEPARTMENT OFFICIAL: Every truck will be sealed."
    assert speaker_of(text, "Every truck") == "Senior State Department Official"


def test_text_must_be_a_string():
    with pytest.raises(TypeError):
        find_turns(None)


@given(st.text(max_size=300))
def test_turns_are_ordered_and_inside_the_text(text):
    turns = find_turns(text)
    for turn in turns:
        assert 0 <= turn.label_start < turn.start <= turn.end <= len(text)
    assert [t.start for t in turns] == sorted(t.start for t in turns)
