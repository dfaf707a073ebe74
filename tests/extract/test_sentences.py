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
