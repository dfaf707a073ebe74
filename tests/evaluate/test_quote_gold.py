"""Gold quotes from attribution Content spans: the README's direct-quote rule and the quoted fragments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.evaluate.quote_gold import is_direct_quote, quoted_fragments


def pieces_of(text: str, *stretches: str) -> list[tuple[int, int]]:
    """The offsets of each stretch, found in order in `text`."""
    pieces, cursor = [], 0
    for stretch in stretches:
        start = text.index(stretch, cursor)
        pieces.append((start, start + len(stretch)))
        cursor = start + len(stretch)
    return pieces


# (case, text, the Content's pieces as written, whether it is a direct quote)
DIRECT = [
    ("starts with a mark", "“We want peace,” he said.", ["“We want peace,”"], True),
    ("ends with a mark", "He said the plan was “dead.”", ["the plan was “dead.”"], True),
    (
        "marks only inside: indirect speech",
        'They were "well-paid," earning $30,000.',
        ['were "well-paid," earning'],
        False,
    ),
    ("no marks", "He said the plan was dead.", ["the plan was dead"], False),
]


@pytest.mark.parametrize(("text", "stretches", "expected"), [c[1:] for c in DIRECT], ids=[c[0] for c in DIRECT])
def test_is_direct_quote(text: str, stretches: list[str], expected: bool) -> None:
    assert is_direct_quote(text, pieces_of(text, *stretches)) is expected


# (case, text, the Content's pieces as written, the fragments' words)
FRAGMENTS = [
    (
        "a quote split by its attribution: one fragment per piece",
        "“We want,” said the envoy, “a ceasefire now.”",
        ["“We want,”", "“a ceasefire now.”"],
        ["We want,", "a ceasefire now."],
    ),
    (
        "a partial quote: only the quoted words",
        "The team wanted to “keep the details under wraps.”",
        ["The team wanted to “keep the details under wraps.”"],
        ["keep the details under wraps."],
    ),
    (
        "an apostrophe before the quote is not a mark",
        "Clinton’s team wanted to “keep it quiet.”",
        ["Clinton’s team wanted to “keep it quiet.”"],
        ["keep it quiet."],
    ),
    (
        "the reporter's words between fragments belong to none",
        'He called the senator a "nasty guy," an "anchor baby" and "unstable."',
        ['the senator a "nasty guy," an "anchor baby" and "unstable."'],
        ["nasty guy,", "anchor baby", "unstable."],
    ),
    (
        "a quote inside the quote stays in its words",
        "“He told me, ‘We want peace,’ and left,” Kerry said.",
        ["“He told me, ‘We want peace,’ and left,”"],
        ["He told me, ‘We want peace,’ and left,"],
    ),
    (
        "a same-style quote inside the quote nests",
        "“I’d rather live in what he calls “hell” than live with him.”",
        ["“I’d rather live in what he calls “hell” than live with him.”"],
        ["I’d rather live in what he calls “hell” than live with him."],
    ),
    (
        "single marks when there are no double ones",
        "Pat Caddell: It’s ‘in Their Heads.’",
        ["It’s ‘in Their Heads.’"],
        ["in Their Heads."],
    ),
    (
        "two straight singles as one double mark",
        "''It is tinkering,'' he said.",
        ["''It is tinkering,''"],
        ["It is tinkering,"],
    ),
    (
        "a piece that begins inside the quote",
        "“Trump may emerge,” Graham said. “But this is one reason he is hurting.”",
        ["“Trump may emerge,”", "But this is one reason he is hurting.”"],
        ["Trump may emerge,", "But this is one reason he is hurting."],
    ),
    (
        "pieces split at white space are one stretch",
        "“Trump is a fraud. By any definition, he is a fraud!”",
        ["“Trump is a fraud.", "By any definition, he is a fraud!”"],
        ["Trump is a fraud. By any definition, he is a fraud!"],
    ),
    (
        "a mistyped opening mark at a line's start",
        "Barabak wrote.\n\n” … he delivered a mix of orthodoxy,”",
        ["” … he delivered a mix of orthodoxy,”"],
        ["… he delivered a mix of orthodoxy,"],
    ),
    (
        "a quote over two paragraphs, one piece each",
        "“Mitt Romney was prepared.\n\n“Mitt Romney was a worthy foe.”",
        ["“Mitt Romney was prepared.", "“Mitt Romney was a worthy foe.”"],
        ["Mitt Romney was prepared.", "Mitt Romney was a worthy foe."],
    ),
    ("an unclosed quote runs to the span's end", "“We will win and", ["“We will win and"], ["We will win and"]),
    ("marks around no word", "“...” he said.", ["“...”"], []),
]


@pytest.mark.parametrize(("text", "stretches", "expected"), [c[1:] for c in FRAGMENTS], ids=[c[0] for c in FRAGMENTS])
def test_quoted_fragments(text: str, stretches: list[str], expected: list[str]) -> None:
    fragments = quoted_fragments(text, pieces_of(text, *stretches))
    assert [text[start:end] for start, end in fragments] == expected


def test_pieces_in_any_order() -> None:
    text = "“We want,” said the envoy, “a ceasefire now.”"
    pieces = pieces_of(text, "“We want,”", "“a ceasefire now.”")
    assert quoted_fragments(text, pieces[::-1]) == quoted_fragments(text, pieces)


_PIECES = st.sampled_from(["We", "want", "’s", " ", " ", ",", ".", "\n\n", '"', "“", "”", "‘", "’", "'", "''"])


@given(st.lists(_PIECES, min_size=1, max_size=60), st.data())
def test_fragments_lie_inside_the_pieces_in_order(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    if not pieces:
        return
    previous_end = -1
    for start, end in quoted_fragments(text, pieces):
        assert any(low <= start < end <= high for low, high in _joined(text, pieces))
        assert start >= previous_end
        assert text[start:end] == text[start:end].strip()
        previous_end = end


def _joined(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces with only white space between them taken as one, as the gold reader does."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
