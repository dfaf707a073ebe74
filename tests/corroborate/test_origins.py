"""Tests for grouping near-duplicate passages by origin and counting independent sources."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corroborate.origins import _without_dateline, count_independent, group_origins

WIRE = (
    "Government forces and rebels agreed on Monday to a 48-hour ceasefire in the eastern districts of the city, "
    "the United Nations envoy said, after a week of shelling that killed at least 120 civilians. Aid convoys are "
    "expected to reach the besieged neighbourhoods on Wednesday if the truce holds. The envoy said both sides had "
    "promised safe passage for the trucks, which will carry flour, fuel and medical supplies for about 40,000 people. "
    "Previous truces collapsed within hours."
)
REPRINT_REUTERS = "BEIRUT (Reuters) - " + WIRE
REPRINT_AP = "Beirut, May 3 (AP) -- " + WIRE
REPRINT_RESTYLED = "ALEPPO, Syria \u2014 " + WIRE.replace(", the", " \u2014 the").replace(". ", ".  ")
REPRINT_TRIMMED = WIRE.rsplit(" Previous truces", 1)[0]
REPRINT_EDITED = WIRE.replace("on Monday", "on Tuesday")
SHORT = (
    "Rebels and government forces agreed a ceasefire in the eastern districts on Monday, the envoy said, "
    "after a week of heavy shelling."
)
QUOTE = "\u201cThis is the last chance to get food and medicine to people who have had nothing for weeks,\u201d"
STORY_ONE = (
    f"{QUOTE} the envoy told reporters in Geneva. Diplomats said the agreement was brokered by Russia and Turkey "
    "and would be monitored from a joint centre."
)
STORY_TWO = (
    "Residents of the old quarter queued for bread for a third day as prices doubled. "
    f"{QUOTE} a UN statement quoted the envoy as saying, but many doubted the truce would hold past the weekend."
)
OTHER = (
    "The central bank raised its main interest rate by half a point on Thursday, its fourth increase this year, "
    "citing inflation that has stayed above target for eighteen months."
)

# (id, texts, expected groups)
CASES = [
    ("reprint-other-dateline", [REPRINT_REUTERS, REPRINT_AP], [0, 0]),
    ("dateline-vs-none", [WIRE, REPRINT_REUTERS], [0, 0]),
    # 22 words: without dropping the datelines, their shingles alone would leave 18 of 25 shared (0.72).
    ("short-reprint-other-dateline", ["GAZA CITY (Reuters) - " + SHORT, "Gaza, May 3 (AP) -- " + SHORT], [0, 0]),
    ("restyled-marks-and-spacing", [REPRINT_AP, REPRINT_RESTYLED], [0, 0]),
    ("trimmed-last-sentence", [WIRE, REPRINT_TRIMMED], [0, 0]),
    ("one-word-edited", [REPRINT_EDITED, REPRINT_AP], [0, 0]),
    ("shared-quote-otherwise-different", [STORY_ONE, STORY_TWO], [0, 1]),
    ("unrelated", [WIRE, OTHER], [0, 1]),
    ("reprints-among-others", [OTHER, REPRINT_REUTERS, STORY_ONE, REPRINT_AP, WIRE], [0, 1, 2, 1, 1]),
    ("empty-list", [], []),
    ("empty-strings-are-no-copies", ["", "", WIRE], [0, 1, 2]),
    ("punctuation-only-is-empty", ["\u2014 ...", "\u2014 ..."], [0, 1]),
    ("short-identical", ["Ceasefire holds.", "ceasefire HOLDS"], [0, 0]),
    ("short-different", ["Ceasefire holds.", "Ceasefire collapses."], [0, 1]),
    ("case-and-quote-marks", [WIRE, WIRE.upper().replace(",", "")], [0, 0]),
]


@pytest.mark.parametrize(("texts", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_group_origins(texts: list[str], expected: list[int]) -> None:
    assert group_origins(texts) == expected
    assert count_independent(texts) == len(set(expected))


@pytest.mark.parametrize(
    "texts",
    [
        [OTHER, REPRINT_REUTERS, STORY_ONE, REPRINT_AP, WIRE],
        [STORY_ONE, STORY_TWO, "", WIRE, REPRINT_TRIMMED],
    ],
    ids=["reprints-among-others", "quotes-empty-trimmed"],
)
def test_count_is_independent_of_order(texts: list[str]) -> None:
    counts = {count_independent(list(order)) for order in itertools.permutations(texts)}
    assert len(counts) == 1


def test_chained_reprints_share_one_origin_in_any_order() -> None:
    # 60 words, 56 shingles; each one-word edit removes 5 shingles from either side: A~B and B~C at 51/61 = 0.84,
    # A and C at 46/66 = 0.70.
    words = [f"w{k}" for k in range(60)]
    first = " ".join(words)
    second = " ".join(words[:20] + ["x"] + words[21:])
    third = " ".join(words[:20] + ["x"] + words[21:40] + ["y"] + words[41:])
    assert group_origins([first, third]) == [0, 1]
    assert group_origins([first, second, third]) == [0, 0, 0]
    assert group_origins([first, third, second]) == [0, 0, 0]
    for order in itertools.permutations([first, second, third]):
        assert count_independent(list(order)) == 1


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("BEIRUT (Reuters) - Rebels agreed", "Rebels agreed"),
        ("Beirut, May 3 (AP) -- Rebels agreed", "Rebels agreed"),
        ("ALEPPO, Syria \u2014 Rebels agreed", "Rebels agreed"),
        ("NEW YORK (AFP) \u2013 Stocks fell", "Stocks fell"),
        ("Officials - who asked not to be named - said", "Officials - who asked not to be named - said"),
        ("US - China talks resumed", "US - China talks resumed"),
        ("The truce - fragile as it is - held", "The truce - fragile as it is - held"),
    ],
)
def test_dateline_is_dropped(text: str, rest: str) -> None:
    assert _without_dateline(text) == rest


def test_threshold_one_groups_only_identical_wording() -> None:
    assert group_origins([WIRE, REPRINT_TRIMMED, REPRINT_AP], threshold=1.0) == [0, 1, 0]


@pytest.mark.parametrize("threshold", [0, -0.1, 1.01])
def test_threshold_out_of_range(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        group_origins([WIRE], threshold=threshold)


def test_single_string_is_rejected() -> None:
    with pytest.raises(TypeError, match="single string"):
        group_origins(WIRE)


def test_non_string_text_is_rejected() -> None:
    with pytest.raises(TypeError, match="string"):
        group_origins([WIRE, None])  # type: ignore[list-item]


def test_fifty_passages_sharing_a_lead_are_grouped() -> None:
    # Speed is a benchmark's business, not a test's: this only checks the answer on fifty long passages.
    texts = [f"{WIRE} Passage {k} adds {' '.join(str(k * n) for n in range(40))}." for k in range(50)]
    groups = group_origins(texts)
    assert len(groups) == 50
    assert all(group <= index for index, group in enumerate(groups))


_WORDS = st.sampled_from("the ceasefire held in Homs said envoy 48 hours aid convoys reached city".split())
_TEXT = st.lists(_WORDS, max_size=14).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.one_of(_TEXT, st.text(max_size=30)), max_size=12))
def test_groups_point_back_and_are_deterministic(texts: list[str]) -> None:
    groups = group_origins(texts)
    assert len(groups) == len(texts)
    assert all(group <= index for index, group in enumerate(groups))
    assert all(groups[group] == group for group in groups)  # every group is named by its own first text
    assert group_origins(list(texts)) == groups
    assert count_independent(texts) == len(set(groups))
    assert count_independent(texts[::-1]) == len(set(groups))
