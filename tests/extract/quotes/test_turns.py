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


ROLE_TRANSCRIPT = (
    "RUTH CALLOWAY (Director, Emergency Management Office): Good afternoon.\n\n"
    "If you are told to leave, leave.\n\n"
    "Q: Were warnings late?\n\n"
    "DET. SUPT. CALLUM BRECK (regional police): There is an investigation.\n\n"
    "[RUI FALCOEIRA, REGIONAL CIVIL PROTECTION COMMANDER] The wind is the enemy tonight.\n\n"
    "[REPORTER] When can they return?\n"
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("If you are told", "Ruth Calloway"),  # a paragraph after a label with its role in brackets
        ("Were warnings late", None),
        ("There is an investigation", "Det. Supt. Callum Breck"),
        ("The wind is the enemy", "Rui Falcoeira"),  # [NAME, ROLE]
        ("When can they return", None),
    ],
)
def test_a_label_may_give_the_speaker_role(words, speaker):
    assert speaker_of(ROLE_TRANSCRIPT, words) == speaker


def test_a_role_after_a_comma_counts_but_a_date_does_not():
    text = "Ada Voss, mayor: We will rebuild.\nBen Ode, council leader: We agree.\n"
    assert speaker_of(text, "We agree") == "Ben Ode"
    assert find_turns("WASHINGTON, March 3: snow fell.\n") == []
    prose = "However, the minister said: we will see.\nMeanwhile, officials added: nothing changes.\n"
    assert find_turns(prose) == []  # sentence openers, not names with roles
