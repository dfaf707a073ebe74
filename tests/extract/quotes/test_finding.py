"""Direct quotes: which quoted spans are quotes, how marks pair, split and multi-paragraph quotes, odd
marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import normalise_text
from factcheck.extract.quotes.finding import find_quotes
from factcheck.extract.quotes.marks import MAX_PARAGRAPHS, MAX_PART_CHARS
from factcheck.extract.sentences import split_sentences
from factcheck.extract.values import Quote
from tests.helpers import SEEDS


def quotes_in(text: str) -> list[Quote]:
    return find_quotes(text, split_sentences(text))


def texts_in(text: str) -> list[str]:
    return [q.text for q in quotes_in(text)]


# (case, text, the quote texts expected, in order)
FINDING = [
    ("curly", "“We want a ceasefire now,” Kerry said.", ["We want a ceasefire now,"]),
    ("straight", '"We want a ceasefire now," Kerry said.', ["We want a ceasefire now,"]),
    ("curly single", "‘We want a ceasefire now,’ Kerry said.", ["We want a ceasefire now,"]),
    ("straight single", "'We want a ceasefire now,' Kerry said.", ["We want a ceasefire now,"]),
    (
        "two straight singles as a double mark",
        "''We want a ceasefire now,'' Kerry said.",
        ["We want a ceasefire now,"],
    ),
    (
        "guillemets",
        "«Nous voulons un cessez-le-feu maintenant», a dit le ministre.",
        ["Nous voulons un cessez-le-feu maintenant"],
    ),
    ("opened straight, closed curly", '"We want a ceasefire now,” Kerry said.', ["We want a ceasefire now,"]),
    (
        "multi-sentence",
        "“We are here. We want a ceasefire. Now,” Kerry said.",
        ["We are here. We want a ceasefire. Now,"],
    ),
    (
        "apostrophes inside a single-mark quote",
        "‘We’re sure the rebels’ demands can be met,’ Kerry said.",
        ["We’re sure the rebels’ demands can be met,"],
    ),
    ("straight apostrophes", "'It's the rebels' choice now,' Kerry said.", ["It's the rebels' choice now,"]),
    ("elisions are not marks", "He said ’cause of the ’90s boom, 'em too, nothing changed.", []),
    (
        "single quote nested in a double one",
        "“He told me, ‘We want a ceasefire,’ and left,” Kerry said.",
        ["He told me, ‘We want a ceasefire,’ and left,"],
    ),
    (
        "curly quote nested in a straight one",
        '"He told me “we want a ceasefire” and left," Kerry said.',
        ["He told me “we want a ceasefire” and left,"],
    ),
    (
        "straight quote nested in a straight one",
        '"He told me "we want a ceasefire" and left," Kerry said.',
        ['He told me "we want a ceasefire" and left,'],
    ),
    (
        "split by its attribution",
        '"We want," said the envoy, "a ceasefire now."',
        ["We want, a ceasefire now."],
    ),
    (
        "split across sentences by its attribution",
        '"It is late," Smith said. "We should all go home now."',
        ["It is late, We should all go home now."],
    ),
    (
        "two quotes each with its own attribution",
        "“We want peace,” he said. “We will not wait,” he added.",
        ["We want peace,", "We will not wait,"],
    ),
    (
        "a second cue starts a second quote",
        "“We cannot afford this,” Trump said, adding later, “NATO costs us a fortune.”",
        ["We cannot afford this,", "NATO costs us a fortune."],
    ),
    (
        "multi-paragraph quote",
        "Kerry said:\n\n“We want a ceasefire now.\n\n“The talks will go on for weeks.\n\n“We are ready.”"
        "\n\nThen he left.",
        ["We want a ceasefire now. The talks will go on for weeks. We are ready."],
    ),
    # Scare quotes, titles and nicknames are not quotes; a short phrase needs a reporting cue.
    ("scare quote", "Turkey has long lobbied for a “buffer zone” in northern Syria.", []),
    ("headline word", "Kerry: ‘Clarity’ achieved with Russia on Syria truce steps", []),
    ("so-called", "He wants to tax so-called “pass through” income at 15 percent.", []),
    ("title of a show", "Speaking on “Face the Nation,” the senator said little.", []),
    ("nickname", "She was called “Miss Piggy” by the host, the report said.", []),
    ("law title", "The Senate passed the “Justice Against Sponsors of Terrorism Act” on Tuesday.", []),
    ("short phrase with a naming cue", "Christie called Clinton a “disgrace” on Tuesday.", ["disgrace"]),
    (
        "short phrase in reported speech",
        "Roberts said the videos were “inconclusive” for now.",
        ["inconclusive"],
    ),
    ('"Yes," he said', "Mr. Clinton agreed. “Yes,” he said.", ["Yes,"]),
    (
        "long sentence without attribution",
        "The talks ended. “We have discussed how the trucks will be sealed and monitored.”",
        ["We have discussed how the trucks will be sealed and monitored."],
    ),
    ("short phrase without attribution", "The talks ended in “mutual respect” and little else.", []),
    # Odd numbers of marks: a quote is bounded by its paragraph and nothing is swallowed.
    (
        "unclosed at paragraph end",
        "Kerry said “we want a ceasefire now and we will get it.\n\nThe talks went on for hours.",
        ["we want a ceasefire now and we will get it."],
    ),
    ("stray closing mark", "The talks went on” for hours. “We are tired,” Kerry said.", ["We are tired,"]),
    (
        "stray opening mark before a real quote",
        "The “talks went on. “We are tired of waiting for them,” Kerry said.",
        ["We are tired of waiting for them,"],
    ),
    ("a lone straight mark", "He is 6'2\" tall and said nothing.", []),
]

# (case, text, the quote texts expected): one rule each, added after reading PolNeAR dev misses.
RULES = [
    (
        "a closing-shaped mark at a line's start opens",
        "Barabak praised Pence.\n\n” … he delivered a mix of orthodoxy and polish,” Barabak wrote.",
        ["… he delivered a mix of orthodoxy and polish,"],
    ),
    (
        "paragraphs on single lines: the quote goes on at the next line's opening mark",
        "“If Obama is not legitimate, how can you feel good about yourself.\n“I have been thinking about "
        "where we are as a country,” Moore said.",
        [
            "If Obama is not legitimate, how can you feel good about yourself. I have been thinking about where "
            "we are as a country,"
        ],
    ),
    (
        "a nested quote of the other style does not close a paragraph quote",
        'McCrummen reports:\n\n"She was hospitalized after what she called a “rant,” a series of posts.\n\nThe end.',
        ["She was hospitalized after what she called a “rant,” a series of posts."],
    ),
    (
        "a figure with a separator is one word: three words need a cue",
        "The paper found there had been “3,210 shooting victims” in the city.",
        [],
    ),
    ("a nickname inside a name", 'Del. Marcia "Cia" Price said the vote was close.', []),
    ("a show after on, with its full stop", 'Pence said on CNN\'s "State of the Union."', []),
    (
        "a work after its noun",
        "At the end of the civil rights anthem ''A Change Is Gonna Come,'' she added the words, ''Hillary Clinton.''",
        ["Hillary Clinton."],
    ),
    (
        "known as",
        "It is what has become known as the ''Buffett rule'' after Warren Buffett complained that he paid "
        "less tax than his secretary.",
        [],
    ),
    (
        "a title-cased line of its own is a subheading",
        "The trends are clear.\n\n'All Bets Are Off.'\n\nEight years ago, both men agreed.",
        [],
    ),
    (
        "a quote closing a headline",
        "Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON — The caucus met.",
        ["Disgusting Fraud."],
    ),
    (
        "a word quoted inside a headline stays a scare quote",
        "Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting\n\nShe spoke.",
        [],
    ),
    (
        "a new sentence between two quotes keeps them apart",
        "“This is a temporary blip,” Minister Jonas Weber said. Union leader Beatrice Owusu disagreed: "
        "“Workers are losing jobs every single day.”",
        ["This is a temporary blip,", "Workers are losing jobs every single day."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FINDING], ids=[c[0] for c in FINDING])
def test_finds_quotes(text: str, expected: list[str]) -> None:
    assert texts_in(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in RULES], ids=[c[0] for c in RULES])
def test_quote_rules(text: str, expected: list[str]) -> None:
    assert texts_in(text) == expected


def test_a_nickname_does_not_split_the_speakers_name() -> None:
    text = '"This is a big year for our senator!" state Del. Marcia "Cia" Price shouted to the crowd.'
    (quote,) = quotes_in(text)
    assert quote.text == "This is a big year for our senator!"
    assert quote.speaker == "Marcia Cia Price"


def test_split_quote_keeps_both_parts_and_joins_them_with_a_space() -> None:
    text = '"We want," said the envoy, "a ceasefire now."'
    (quote,) = quotes_in(text)
    assert quote.parts == ((1, 9), (28, 44))
    assert [text[s:e] for s, e in quote.parts] == ["We want,", "a ceasefire now."]
    assert (quote.start, quote.end) == (1, 44)
    assert quote.speaker == "the envoy"
    assert quote.cue == "said"


def test_multi_paragraph_quote_has_a_part_per_paragraph() -> None:
    text = "“We want a ceasefire.\n\n“We are ready,” Kerry said."
    (quote,) = quotes_in(text)
    assert [text[s:e] for s, e in quote.parts] == ["We want a ceasefire.", "We are ready,"]
    assert quote.speaker == "Kerry"


def test_an_unclosed_mark_never_runs_past_its_paragraph_or_bounds() -> None:
    paragraphs = ["“This paragraph opens a quote that never closes."] + ["Plain words here."] * 50
    text = "\n\n".join(paragraphs)
    (quote,) = quotes_in(text)
    assert quote.end <= len(paragraphs[0])


def test_a_chain_of_paragraphs_is_bounded() -> None:
    text = "\n\n".join(["“A paragraph that keeps the quote open"] * (MAX_PARAGRAPHS + 10))
    # The chain stops at the bound and the paragraphs after it open a quote of their own.
    assert [len(quote.parts) for quote in quotes_in(text)] == [MAX_PARAGRAPHS, 10]


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        find_quotes(b"bytes", [])  # type: ignore[arg-type]


def test_empty_text() -> None:
    assert find_quotes("", []) == []


# An article in the style of the project's seed: the quotes it has and the phrases that are not quotes.
SEED_LIKE = normalise_text(
    """Kerry: ‘Clarity’ on Syria truce steps

The UN wants a 48-hour pause in Aleppo so that aid can reach the city.

“We are here because neither of us is happy with how the truce has held”, Kerry said.

When Kerry met President Bashar al-Assad’s allies in July, the plan was to share intelligence.

Aid was approved for less than half of the requests. “We want a pause for 48 hours”, he said. The fighting
went on.

“We have discussed how the trucks will be sealed, how they will be watched and how only aid goes in”.
Officials say food would be handed out in the west too.

Ankara has long lobbied for a “buffer zone” in northern Syria.

The second element, he said, “is to hand out food in western Aleppo at the same time”.
"""
)


def test_seed_like_article() -> None:
    found = [(q.text, q.speaker, q.speaker_surface) for q in quotes_in(SEED_LIKE)]
    assert found == [
        ("We are here because neither of us is happy with how the truce has held", "Kerry", "Kerry"),
        ("We want a pause for 48 hours", "Kerry", "he"),
        (
            "We have discussed how the trucks will be sealed, how they will be watched and how only aid goes in",
            None,
            None,
        ),
        ("is to hand out food in western Aleppo at the same time", "Kerry", "he"),
    ]


def test_project_seed_article_quotes() -> None:
    text = normalise_text((SEEDS / "articles" / "aleppo_truce_talks.txt").read_text(encoding="utf-8"))
    found = {q.text[:30]: q.speaker for q in quotes_in(text)}
    assert found["Washington and Moscow are both"] == "John Kerry"
    assert found["Our experts will stay in Genev"] == "Sergei Lavrov"  # He added: "..."
    assert found["What we are asking for, is a 4"] == "the envoy"  # split by "the envoy said"
    assert found["Every truck will be sealed at "] == "a senior State Department official"
    assert not any("buffer zone" in q.text for q in quotes_in(text))


# Property tests: random text with random marks never crashes and gives well-formed spans.
_PIECES = st.sampled_from(
    [
        "word",
        "Kerry",
        "said",
        "he",
        "told",
        "reporters",
        "a",
        "the",
        "official",
        "We’re",
        "rebels’",
        ",",
        ".",
        ":",
        "?",
        "—",
        "-",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "''",
        "«",
        "»",
        "„",
        "``",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=120).map(lambda pieces: " ".join(pieces))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_quotes_are_well_formed_on_any_text(text: str) -> None:
    quotes = find_quotes(text, split_sentences(text))
    previous_end = -1
    for quote in quotes:
        assert quote.parts, quote
        assert quote.start == quote.parts[0][0] and quote.end == quote.parts[-1][1]
        for start, end in quote.parts:
            assert 0 <= start < end <= len(text)
            assert start >= previous_end  # ordered, not overlapping (within and across quotes)
            assert text[start:end] in quote.text
            assert end - start <= MAX_PART_CHARS
            previous_end = end
        assert quote.text == " ".join(text[s:e] for s, e in quote.parts)
        assert len(quote.parts) <= MAX_PARAGRAPHS


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_no_crash_on_arbitrary_unicode(text: str) -> None:
    for quote in find_quotes(text, split_sentences(text)):
        assert all(0 <= s < e <= len(text) for s, e in quote.parts)


@pytest.mark.parametrize(
    "text",
    [
        "“It was hunger that decided this,” said Karim Haddad.",
        "“We saw this,” said Karim Haddad.",
        "“Nobody wanted that,” Karim Haddad said.",
    ],
    ids=["this-before-mark", "short-this", "that-before-mark"],
)
def test_a_determiner_ending_the_quote_does_not_hide_the_cue(text):
    [quote] = find_quotes(text, split_sentences(text))
    assert quote.speaker == "Karim Haddad"


def test_malformed_marks_never_give_crossing_quotes():
    text = "“ '' '' word word word word \n “"
    quotes = find_quotes(text, split_sentences(text))
    ends = [-1] + [q.end for q in quotes]
    assert all(q.start >= end for q, end in zip(quotes, ends, strict=False))


def test_table_rows_from_a_word_file_are_not_claims() -> None:
    from factcheck.documents import Document
    from factcheck.extract import extract_claims

    text = "Aid trucks idle at the border.\n\nTrucks | 20\n\nBakeries | 12 | open\n\nSome 20 trucks waited on Monday."
    claims = extract_claims(Document.from_text(text, doc_id="aid.docx"))
    assert [claim.text for claim in claims] == ["Some 20 trucks waited on Monday."]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a participle of the attribution's sentence, and what it reports, keep the speaker going
            '"Schools will stay open," Imhoff said in a statement, adding that heads had been told to keep buildings '
            'open. "I will be at the table on Monday morning."',
            "Imhoff",
        ),
        (  # another person's reporting verb between: the next quote is not the first speaker's
            '"We are ready," Imhoff said, while Ruth Calloway told reporters the talks had failed. '
            '"I will be at the table on Monday morning."',
            None,
        ),
    ],
    ids=["adding-that", "another-cue"],
)
def test_a_quote_after_its_speakers_participle_goes_on_with_that_speaker(text: str, speaker: str | None) -> None:
    quotes = find_quotes(text, split_sentences(text))
    assert quotes[-1].text.startswith("I will be at the table")
    assert quotes[-1].speaker == speaker
