"""What checking remembers of texts it has read: the same answers as reading afresh, never shared between callers."""

from __future__ import annotations

import random

from factcheck.check import forget_remembered_texts
from factcheck.corroborate import quotes
from factcheck.corroborate.quote_align import _semi_global
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import QuoteStatus, SpeakerStatus
from factcheck.extract import split_sentences
from factcheck.extract.sentences import CACHED_CHARS

TRANSCRIPT = (
    "MINISTER ALVES: Thank you all for coming. The figures are in front of you.\n\n"
    "We will reopen the northern crossing on Monday, and not a day later.\n\n"
    "REPORTER: Will the southern one follow?\n\n"
    "DEPUTY RANA: The southern crossing needs another survey first."
)


def test_a_split_is_a_fresh_list_each_time() -> None:
    text = "The dam holds. The river fell by two metres overnight."
    first = split_sentences(text)
    first.clear()
    assert [s.text for s in split_sentences(text)] == ["The dam holds.", "The river fell by two metres overnight."]


def test_a_long_text_is_split_as_before() -> None:
    text = "The council met on Tuesday. " * (CACHED_CHARS // 20)
    sentences = split_sentences(text)
    assert len(sentences) == CACHED_CHARS // 20
    assert all(text[s.start : s.end] == "The council met on Tuesday." for s in sentences)


def _passages() -> list[tuple[str, int]]:
    """The transcript cut into its paragraphs, each with its offset: none holds the minister's quote but the second."""
    out, start = [], 0
    for paragraph in TRANSCRIPT.split("\n\n"):
        start = TRANSCRIPT.index(paragraph, start)
        out.append((paragraph, start))
    return out


def test_every_passage_of_a_document_gets_the_same_finding_and_its_own_speaker_check() -> None:
    forget_remembered_texts()
    quote = "We will reopen the northern crossing on Monday"
    found = [
        compare_quote(quote, "Alves", text, TRANSCRIPT, start) for text, start in _passages() if "northern" not in text
    ]
    assert {(s.status, s.in_document, s.source_start, s.speaker) for s in found} == {
        (QuoteStatus.VERBATIM, True, TRANSCRIPT.index(quote), SpeakerStatus.SAME)
    }
    # The same document and words for another claimed speaker: the remembered search, a speaker check of its own.
    other = compare_quote(quote, "Rana", _passages()[0][0], TRANSCRIPT, 0)
    assert (other.status, other.speaker, other.source_speaker) == (
        QuoteStatus.VERBATIM,
        SpeakerStatus.DIFFERENT,
        "Minister Alves",
    )
    assert quotes._compare_in_document.cache_info().hits >= 2


def test_forgetting_empties_what_was_remembered() -> None:
    compare_quote("another survey first", "Rana", "Thank you all.", TRANSCRIPT, 0)
    split_sentences("One. Two.")
    forget_remembered_texts()
    assert quotes._compare_in_document.cache_info().currsize == 0
    assert quotes._speaker_in_document.cache_info().currsize == 0


def _reference_alignment(words: list[str], window: list[str]) -> tuple[int, int, int]:
    """The alignment written plainly (a full table), to hold the fast one to."""
    rows, columns = len(words), len(window)
    cost = [[0] * (columns + 1) for _ in range(rows + 1)]
    start = [list(range(columns + 1))] + [[0] * (columns + 1) for _ in range(rows)]
    for r in range(1, rows + 1):
        cost[r][0] = r
        for c in range(1, columns + 1):
            options = [
                (cost[r - 1][c - 1] + (window[c - 1] != words[r - 1]), start[r - 1][c - 1]),
                (cost[r - 1][c] + 1, start[r - 1][c]),
                (cost[r][c - 1] + 1, start[r][c - 1]),
            ]
            cost[r][c], start[r][c] = min(options, key=lambda option: option[0])
    end = min(range(columns + 1), key=lambda c: (cost[rows][c], -c))
    return cost[rows][end], start[rows][end], end


def test_the_fast_alignment_equals_the_plain_one() -> None:
    chooser = random.Random(7)
    for _ in range(3000):
        vocabulary = "we will not reopen the crossing".split()[: chooser.randint(1, 6)]
        words = [chooser.choice(vocabulary) for _ in range(chooser.randint(0, 7))]
        window = [chooser.choice(vocabulary) for _ in range(chooser.randint(0, 11))]
        assert _semi_global(words, window) == _reference_alignment(words, window), (words, window)
