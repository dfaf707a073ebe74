"""Quote fidelity and speaker: each status, the normalisation, speakers (with transcript labels), long documents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corroborate.quote_align import tokenize
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import QuoteStatus, SpeakerStatus

# (case, quote, passage, expected status)
STATUSES = [
    # verbatim: layout differences only
    ("verbatim plain", "The bridge will reopen in May", '"The bridge will reopen in May," Vance said.', "verbatim"),
    ("verbatim curly apostrophe", "It's too late", "“It’s too late,” Vance said.", "verbatim"),
    ("verbatim dash style", "We will go — but slowly", '"We will go - but slowly," Vance said.', "verbatim"),
    ("verbatim em vs en dash", "We will go – but slowly", '"We will go — but slowly," Vance said.', "verbatim"),
    ("verbatim capital and spacing", "the plan   is ready", '"The plan is ready." Vance said.', "verbatim"),
    ("verbatim final mark moved", "The plan is ready.", '"The plan is ready," Vance said.', "verbatim"),
    ("verbatim question mark kept", "Who pays?", 'Vance asked: "Who pays? Nobody knows."', "verbatim"),
    ("verbatim ellipsis char", "Wait… really", '"Wait... really," Vance said.', "verbatim"),
    ("verbatim full-width letters", "ｔhe plan is ready", '"The plan is ready," Vance said.', "verbatim"),
    ("verbatim percent sign", "Turnout hit 70% today", '"Turnout hit 70 percent today," Vance said.', "verbatim"),
    (
        "verbatim split by attribution",
        "We want a ceasefire now",
        '"We want," said Vance, "a ceasefire now."',
        "verbatim",
    ),
    # punctuation_only
    ("comma dropped", "If they come, we fight", '"If they come we fight," Vance said.', "punctuation_only"),
    ("comma to full stop", "Not now, not ever", '"Not now. Not ever," Vance said.', "punctuation_only"),
    ("semicolon to full stop", "We lost; we learn", '"We lost. We learn," Vance said.', "punctuation_only"),
    ("comma to dash", "We lost the game, not hope", '"We lost the game - not hope," Vance said.', "punctuation_only"),
    # ellipsis
    (
        "ellipsis dots",
        "We will rebuild ... every school",
        '"We will rebuild, with help, every school," Vance said.',
        "ellipsis",
    ),
    (
        "ellipsis char",
        "We will rebuild … every school",
        '"We will rebuild, with help, every school," Vance said.',
        "ellipsis",
    ),
    (
        "ellipsis across sentences",
        "We have money ... what we lack is time",
        '"We have money. We have staff. What we lack is time," Vance said.',
        "ellipsis",
    ),
    (
        "ellipsis reversing meaning",
        "We will not ... raise taxes",
        '"We will not cut pay, but we will raise taxes," Vance said.',
        "ellipsis",
    ),
    # altered
    ("number word changed", "We need two more days", '"We need three more days," Vance said.', "altered"),
    ("digits changed", "Only 19 trucks got through", '"Only 90 trucks got through," Vance said.', "altered"),
    ("negation added", "The truce is holding", '"The truce is not holding," Vance said.', "altered"),
    ("negation dropped", "We will never sign this deal", '"We will sign this deal," Vance said.', "altered"),
    ("can vs cannot", "We can win this vote", '"We cannot win this vote," Vance said.', "altered"),
    (
        "word swapped",
        "The roads are getting worse every day",
        '"The roads are getting busier every day," Vance said.',
        "altered",
    ),
    ("word added", "They left us completely alone", '"They left us alone," Vance said.', "altered"),
    (
        "clause cut from one sentence",
        "The count will go on and results come Friday",
        '"The count will go on, if power holds, and results come Friday," Vance said.',
        "altered",
    ),
    # stitched
    (
        "two remarks glued",
        "The plan failed. We start again",
        '"The plan failed," Vance said. Later she added: "We start again in spring."',
        "stitched",
    ),
    (
        "out of order pieces",
        "We start again. The plan failed",
        '"The plan failed," Vance said. Later she added: "We start again in spring."',
        "stitched",
    ),
    # not_found
    (
        "paraphrase",
        "Pensions are safe with us",
        "Vance said the government had no plans to touch pensions.",
        "not_found",
    ),
    (
        "indirect speech",
        "The strike will go ahead on Monday",
        "Vance said the strike would go ahead on Monday unless a deal was reached.",
        "not_found",
    ),
    ("unrelated", "The referee decided this match", "Rain fell all afternoon over the stadium.", "not_found"),
    ("empty passage", "The referee decided this match", "", "not_found"),
    ("empty quote", "", '"The plan failed," Vance said.', "not_found"),
]


@pytest.mark.parametrize(("quote", "passage", "expected"), [c[1:] for c in STATUSES], ids=[c[0] for c in STATUSES])
def test_status(quote: str, passage: str, expected: str) -> None:
    signal = compare_quote(quote, "Vance", passage)
    assert signal.status.value == expected, signal.reason
    assert signal.reason


# (case, quote, passage, changed numbers, changed negations)
CHANGES = [
    ("number word", "We need two more days", '"We need three more days," Vance said.', ("two -> three",), ()),
    ("digits", "Only 19 trucks got through", '"Only 90 trucks got through," Vance said.', ("19 -> 90",), ()),
    (
        "fraction",
        "Half of our trains are old",
        '"A third of our trains are old," Vance said.',
        ("Half -> A third",),
        (),
    ),
    ("not added", "The truce is holding", '"The truce is not holding," Vance said.', (), ("is -> is not",)),
    (
        "never dropped",
        "We will never sign this deal",
        '"We will sign this deal," Vance said.',
        (),
        ("will never -> will",),
    ),
    ("cannot", "We can win this vote", '"We cannot win this vote," Vance said.', (), ("can -> cannot",)),
    ("n't", "We did win the vote", '"We didn\'t win the vote," Vance said.', (), ("did -> didn't",)),
    ("word swap only", "The roads are worse", '"The roads are busier," Vance said.', (), ()),
]


@pytest.mark.parametrize(
    ("quote", "passage", "numbers", "negations"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_altered_changes(quote: str, passage: str, numbers: tuple, negations: tuple) -> None:
    signal = compare_quote(quote, "Vance", passage)
    assert signal.status is QuoteStatus.ALTERED
    assert signal.changed_numbers == numbers
    assert signal.changed_negations == negations


def test_altered_reason_names_the_source_words() -> None:
    signal = compare_quote("We need two more days", "Vance", '"We need three more days," Vance said.')
    assert signal.reason == "The quote changes a number: the passage says 'three', not 'two'."
    assert [d.op for d in signal.diff] == ["equal", "replace", "equal"]
    assert signal.diff[1].claim_words == "two" and signal.diff[1].source_words == "three"


def test_located_span_indexes_the_passage() -> None:
    passage = 'Asked again, Vance said: "The bridge will reopen in May." Nobody believed her.'
    signal = compare_quote("the bridge will reopen in may", "Vance", passage)
    assert passage[signal.source_start : signal.source_end] == "The bridge will reopen in May"


def test_ellipsis_diff_shows_the_cut_words() -> None:
    signal = compare_quote("We will not ... raise taxes", "Vance", '"We will not cut pay, but we will raise taxes."')
    assert [d.op for d in signal.diff] == ["equal", "insert", "equal"]
    assert signal.diff[1].source_words == "cut pay, but we will"


# (case, quote, claim speaker, passage, expected status, expected source speaker)
SPEAKERS = [
    ("full name", "No new taxes", "Rafael Ortiz", '"No new taxes," Rafael Ortiz said.', "same", "Rafael Ortiz"),
    ("surname only", "No new taxes", "Rafael Ortiz", 'Ortiz said: "No new taxes this year."', "same", "Ortiz"),
    (
        "title ignored",
        "The ward is full",
        "Omar Saleh",
        '"The ward is full," said Dr Omar Saleh.',
        "same",
        "Omar Saleh",
    ),
    ("case-insensitive", "No new taxes", "rafael ortiz", '"No new taxes," Ortiz said.', "same", "Ortiz"),
    (
        "misattributed",
        "This budget is a betrayal",
        "Daniel Reyes",
        '"This budget is a betrayal," said Marta Solis.',
        "different",
        "Marta Solis",
    ),
    (
        "role words before name",
        "We lost the game",
        "Anders Holm",
        '"We lost the game," said club captain Luca Ferri after the match.',
        "different",
        "Luca Ferri",
    ),
    (
        "anonymous",
        "The models were wrong",
        "Chen Hao",
        '"The models were wrong," one senior scientist said.',
        "unknown",
        "one senior scientist",
    ),
    ("statement", "Aid is late", "Chen Hao", '"Aid is late," the statement said.', "unknown", "the statement"),
    (
        "no attribution",
        "Vaccines save lives",
        "Chen Hao",
        '"Vaccines save lives." The slogan is everywhere.',
        "unknown",
        None,
    ),
    ("no claim speaker", "No new taxes", None, '"No new taxes," Ortiz said.', "unknown", "Ortiz"),
    (
        "indirect speech",
        "The evidence is overwhelming",
        "Tomasz Wilk",
        "Judge Anna Kowal said the evidence was strong.",
        "different",
        "Anna Kowal",
    ),
]


@pytest.mark.parametrize(
    ("quote", "claim_speaker", "passage", "expected", "source_speaker"),
    [c[1:] for c in SPEAKERS],
    ids=[c[0] for c in SPEAKERS],
)
def test_speaker(
    quote: str, claim_speaker: str | None, passage: str, expected: str, source_speaker: str | None
) -> None:
    signal = compare_quote(quote, claim_speaker, passage)
    assert (signal.speaker.value, signal.source_speaker) == (expected, source_speaker)


TRANSCRIPT = "MODERATOR: Will you stay?\nKERRY: We will not back down. Not now.\nLAVROV: We disagree with that.\n"

# (case, quote, claim speaker, expected status, expected quote status, source speaker)
TRANSCRIPT_CASES = [
    ("label same", "We will not back down", "John Kerry", "same", "verbatim", "Kerry"),
    ("label different", "We disagree with that", "John Kerry", "different", "verbatim", "Lavrov"),
    ("label altered", "We will back down", "Kerry", "same", "altered", "Kerry"),
]


@pytest.mark.parametrize(
    ("quote", "claim_speaker", "speaker", "status", "source_speaker"),
    [c[1:] for c in TRANSCRIPT_CASES],
    ids=[c[0] for c in TRANSCRIPT_CASES],
)
def test_transcript_labels(quote: str, claim_speaker: str, speaker: str, status: str, source_speaker: str) -> None:
    signal = compare_quote(quote, claim_speaker, TRANSCRIPT)
    assert (signal.speaker.value, signal.status.value, signal.source_speaker) == (speaker, status, source_speaker)


def _long_document(middle: str) -> str:
    filler = "The committee met again on Tuesday and discussed the budget for the coming year. " * 3000
    return filler + "\n\n" + middle + "\n\n" + filler


def test_document_fallback_in_a_long_document() -> None:
    document = _long_document('"We need three more days to close the gaps," Farouk told reporters.')
    assert len(document) > 400_000
    signal = compare_quote("We need two more days to close the gaps", "Ahmed Farouk", "Talks went on.", document)
    assert signal.in_document
    assert signal.status is QuoteStatus.ALTERED
    assert signal.changed_numbers == ("two -> three",)
    assert signal.speaker is SpeakerStatus.SAME
    assert document[signal.source_start : signal.source_end] == "We need three more days to close the gaps"


def test_passage_wins_over_document() -> None:
    signal = compare_quote("The plan failed", "Vance", '"The plan failed," Vance said.', _long_document(""))
    assert signal.status is QuoteStatus.VERBATIM and not signal.in_document


def test_tokens_keep_offsets() -> None:
    text = "“It’s 12,000 — ﬁne,” she said."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.surface
    assert [t.norm for t in tokenize(text)] == ["it's", "12,000", "fine", "she", "said"]


_TEXT = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "S")), max_size=80)


@settings(max_examples=200, deadline=None)
@given(quote=_TEXT, passage=_TEXT, speaker=st.none() | _TEXT)
def test_never_raises(quote: str, passage: str, speaker: str | None) -> None:
    signal = compare_quote(quote, speaker, passage, passage)
    assert isinstance(signal.status, QuoteStatus)


_WORDS = st.lists(st.sampled_from("we will not two three the plan failed said and".split()), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(before=_WORDS, quote=_WORDS, after=_WORDS)
def test_verbatim_when_the_passage_contains_the_quote(before: list, quote: list, after: list) -> None:
    text = " ".join(quote)
    passage = f'{" ".join(before)}: "{text}," {" ".join(after)}.'
    signal = compare_quote(text, None, passage)
    assert signal.status is QuoteStatus.VERBATIM


def test_a_word_changed_in_one_sentence_is_altered_even_when_the_new_word_is_elsewhere() -> None:
    passage = (
        '"Schools that stay open may be asked to take in pupils from neighbouring schools. Heads will be told '
        'on Monday," the minister said.'
    )
    signal = compare_quote(
        "Schools that stay open will be asked to take in pupils from neighbouring schools", None, passage
    )
    assert signal.status is QuoteStatus.ALTERED
    assert signal.changed_words == ("will -> may",)


def test_pieces_of_two_remarks_stay_stitched_when_no_one_sentence_lines_up() -> None:
    passage = (
        '"The talks have collapsed in the past and we have always come back," Farouk said. '
        '"I am not saying there will be no deal."'
    )
    assert (
        compare_quote("The talks have collapsed. There will be no deal", None, passage).status is QuoteStatus.STITCHED
    )
