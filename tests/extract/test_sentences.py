"""Sentence segmentation: offsets into the text, and no dateline dash at the start of a claim."""

import pytest

from factcheck.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GENEVA (Sample Wire) — The first convoy would have 20 trucks.",
            ["GENEVA (Sample Wire)", "The first convoy would have 20 trucks."],
        ),
        ("BEIRUT (Reuters) - Some 8,000 residents left.", ["BEIRUT (Reuters)", "Some 8,000 residents left."]),
        ("- a list item with 5 things", ["a list item with 5 things"]),
        ("-5 degrees was the low.", ["-5 degrees was the low."]),  # a negative figure keeps its sign
        ("A headline\n\nThe body has 3 parts. It ends here.", ["A headline", "The body has 3 parts.", "It ends here."]),
    ],
)
def test_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_clock_time_ends_a_sentence_before_a_capitalised_word_that_does_not_carry_it_on():
    # Session 15, read on round18: "between 11 p.m. and 7 a.m. Dunhallow ward ..." was one sentence, and the claim of
    # its night-time complaints took the next sentence's figures along.
    text = "Most came between 11 p.m. and 7 a.m. Dunhallow ward, in the centre, produced 2,960."
    assert [s.text for s in split_sentences(text)] == [
        "Most came between 11 p.m. and 7 a.m.",
        "Dunhallow ward, in the centre, produced 2,960.",
    ]
    kept = [
        "The shop opens at 9 a.m. Monday to Friday.",
        "Polls close at 8 p.m. London time, and counting starts at once.",
        "By 10 a.m. GMT the runway had reopened.",
        "At 6.40 a.m. Harbour staff opened the gates.",
        "Shortly after 3.40 a.m. Firefighters reached the hut.",
        "The talks resumed at 10 p.m. Eastern on Sunday.",
    ]
    for sentence in kept:
        assert [s.text for s in split_sentences(sentence)] == [sentence]
    spans = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
