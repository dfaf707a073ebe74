"""Quote scoring: PolNeAR gold read from brat files, and precision, recall and speaker accuracy worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import CorpusFormatError
from factcheck.evaluate import extraction
from factcheck.evaluate.extraction import score_quotes
from factcheck.evaluate.extraction_data import GoldQuote, QuoteExample, read_polnear
from factcheck.extract.values import Quote


def write_article(folder: Path, article: str, text: str, relations: list[dict], annotator: str = "4e07") -> None:
    """A PolNeAR-style article: `<folder>/dev/text/<article>.txt` and its brat `.ann`. Each relation maps a role
    (Source, Cue, Content, Content2) to the stretches of text it covers, found in order from the start."""
    (folder / "dev" / "text").mkdir(parents=True, exist_ok=True)
    (folder / "dev" / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "dev" / "text" / f"{article}.txt").write_text(text, encoding="utf-8")
    lines, number = [], 0
    for event, relation in enumerate(relations, start=1):
        roles = []
        for role, stretches in relation.items():
            number += 1
            pieces, cursor = [], 0
            for stretch in [stretches] if isinstance(stretches, str) else stretches:
                start = text.index(stretch, cursor)
                pieces.append(f"{start} {start + len(stretch)}")
                cursor = start + len(stretch)
            covered = " ".join([stretches] if isinstance(stretches, str) else stretches)
            kind = "Content" if role.startswith("Content") else role
            lines.append(f"T{number}\t{kind} {';'.join(pieces)}\t{covered}")
            roles.append(f"{role}:T{number}")
        lines.append(f"E{event}\tAttribution:T0 {' '.join(roles)}")
    path = folder / "dev" / "attributions" / f"{article}_{annotator}.ann"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


ENVOY = "“We want,” said the envoy, “a ceasefire now.”"


def test_each_quoted_fragment_of_a_direct_quote_is_a_gold_quote(tmp_path: Path) -> None:
    write_article(tmp_path, "a", ENVOY, [{"Source": "the envoy", "Content": ["“We want,”", "“a ceasefire now.”"]}])
    (example,) = read_polnear(tmp_path)
    assert [(q.text, q.source) for q in example.quotes] == [
        ("We want,", "the envoy"),
        ("a ceasefire now.", "the envoy"),
    ]
    assert example.by_fragment and example.unjudged == ()


def test_partial_quotes_and_indirect_speech(tmp_path: Path) -> None:
    text = (
        "Clinton’s team wanted to “keep the details under wraps.” "
        "Stumpf said the employees were “well-paid,” earning $60,000 a year."
    )
    relations = [
        {"Source": "Clinton’s team", "Content": "wanted to “keep the details under wraps.”"},
        {"Source": "Stumpf", "Content": "the employees were “well-paid,” earning $60,000 a year"},
    ]
    write_article(tmp_path, "a", text, relations)
    (example,) = read_polnear(tmp_path)
    assert [q.text for q in example.quotes] == ["keep the details under wraps."]
    assert [text[start:end] for start, end in example.unjudged] == ["well-paid,"]


def test_a_second_content_and_a_verb_as_source(tmp_path: Path) -> None:
    text = '"We will not wait," Chaffetz said. "I think it is the way this committee should operate."'
    relation = {
        "Source": "said",  # an annotator selected the cue: no speaker can match it
        "Content": '"We will not wait,"',
        "Content2": '"I think it is the way this committee should operate."',
    }
    write_article(tmp_path, "a", text, [relation])
    (example,) = read_polnear(tmp_path)
    assert [(q.text, q.source) for q in example.quotes] == [
        ("We will not wait,", None),
        ("I think it is the way this committee should operate.", None),
    ]


def test_the_first_annotator_file_is_read(tmp_path: Path) -> None:
    write_article(tmp_path, "a", ENVOY, [{"Source": "the envoy", "Content": "“We want,”"}], annotator="1111")
    write_article(tmp_path, "a", ENVOY, [{"Source": "the envoy", "Content": "“a ceasefire now.”"}], annotator="2222")
    (example,) = read_polnear(tmp_path)
    assert [q.text for q in example.quotes] == ["We want,"]


def test_a_missing_split_is_a_corpus_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusFormatError, match="expected <data>/polnear/dev/text"):
        read_polnear(tmp_path)


@pytest.mark.parametrize(
    ("source", "named"), [("Kerry", True), ("the envoy", True), ("he", False), ("which", False), ("who", False)]
)
def test_named_sources_are_not_pronouns(source: str, named: bool) -> None:
    assert GoldQuote(spans=(), text="", source=source).named_source is named


def quote(text: str, *stretches: str, speaker: str | None = None, surface: str | None = None) -> Quote:
    """A predicted quote whose parts are `stretches`, found in order in `text`."""
    parts, cursor = [], 0
    for stretch in stretches:
        start = text.index(stretch, cursor)
        parts.append((start, start + len(stretch)))
        cursor = start + len(stretch)
    return Quote(" ".join(stretches), parts[0][0], parts[-1][1], tuple(parts), speaker, surface or speaker, "said")


@pytest.fixture
def predicted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Quote]]:
    """The quotes the extractor is made to find, by document text, so the figures can be worked by hand."""
    by_text: dict[str, list[Quote]] = {}
    monkeypatch.setattr(extraction, "find_quotes", lambda text, sentences: by_text.get(text, []))
    return by_text


ARTICLE = (
    "“We want,” said the envoy, “a ceasefire now.” Officials were “well-paid,” earning more than most. "
    "Turkey wants a “buffer zone” there. “We will not wait,” Kerry said. "
    "The team wanted to “keep the details of her medical treatment under wraps.”"
)
ARTICLE_RELATIONS = [
    {"Source": "the envoy", "Content": ["“We want,”", "“a ceasefire now.”"]},
    {"Source": "Officials", "Content": "were “well-paid,” earning more than most"},
    {"Source": "Kerry", "Content": "“We will not wait,”"},
    {"Source": "he", "Content": "wanted to “keep the details of her medical treatment under wraps.”"},
]


def test_precision_recall_and_speakers_by_hand(tmp_path: Path, predicted: dict[str, list[Quote]]) -> None:
    write_article(tmp_path, "a", ARTICLE, ARTICLE_RELATIONS)
    predicted[ARTICLE] = [
        quote(ARTICLE, "We want,", "a ceasefire now.", speaker="the envoy"),  # two parts: two predictions
        quote(ARTICLE, "well-paid,", speaker="Officials"),  # indirect speech: unjudged
        quote(ARTICLE, "buffer zone"),  # a scare quote: a false positive
        quote(ARTICLE, "We will not wait,", speaker="Sergei Lavrov"),  # found, wrong speaker
        quote(ARTICLE, "under wraps.", speaker="Hillary Clinton", surface="he"),  # 2 of 9 words: a miss
    ]
    scores = score_quotes(read_polnear(tmp_path))
    # Gold: 4 fragments. Predictions: 6 parts; 3 match (the envoy's two, Kerry's).
    assert (scores.overlap.true_positives, scores.overlap.predicted, scores.overlap.gold) == (3, 6, 4)
    assert scores.overlap.precision == pytest.approx(0.5)
    assert scores.overlap.recall == pytest.approx(0.75)
    assert scores.overlap.f1 == pytest.approx(0.6)
    assert scores.exact == scores.overlap
    # Left out of the judged figure: the unmatched "well-paid," (inside indirect speech), so 3 of 5.
    assert scores.overlap_judged.predicted == 5
    assert scores.overlap_judged.precision == pytest.approx(0.6)
    # Speakers of the matched pairs: the envoy twice right, Kerry wrong; all three are named sources.
    assert scores.speaker_named == (2, 3)
    assert scores.speaker_all == (2, 3)
    assert len(scores.misses) == 1 and "keep the details" in scores.misses[0]


def test_half_the_words_match_but_not_exactly(tmp_path: Path, predicted: dict[str, list[Quote]]) -> None:
    write_article(tmp_path, "a", ARTICLE, ARTICLE_RELATIONS[3:])
    predicted[ARTICLE] = [quote(ARTICLE, "her medical treatment under wraps.", surface="he")]
    scores = score_quotes(read_polnear(tmp_path))
    # 5 shared words of gold's 9: overlap 5/9 >= 0.5 matches; the words differ, so no exact match.
    assert (scores.overlap.true_positives, scores.exact.true_positives) == (1, 0)
    # A pronoun source: only in the all-sources figure, matched on the words beside the quote ("he").
    assert scores.speaker_named == (0, 0)
    assert scores.speaker_all == (1, 1)


def test_a_prediction_must_overlap_the_gold_span(tmp_path: Path, predicted: dict[str, list[Quote]]) -> None:
    text = "“We will win,” Kerry said. Later he repeated it: “We will win.”"
    write_article(tmp_path, "a", text, [{"Source": "Kerry", "Content": "“We will win,”"}])
    predicted[text] = [quote(text, "We will win.", speaker="Kerry")]  # the same words, the other place
    scores = score_quotes(read_polnear(tmp_path))
    assert (scores.overlap.true_positives, scores.overlap.predicted, scores.overlap.gold) == (0, 1, 1)


def test_the_team_set_scores_whole_quotes(predicted: dict[str, list[Quote]]) -> None:
    text = ENVOY
    gold = QuoteExample("p1", text, (GoldQuote(spans=(), text="We want, a ceasefire now.", source="the envoy"),))
    predicted[text] = [quote(text, "We want,", "a ceasefire now.", speaker="the envoy")]
    scores = score_quotes([gold], strict_speaker=True)
    assert (scores.exact.true_positives, scores.exact.predicted, scores.exact.gold) == (1, 1, 1)
    assert scores.speaker_named == (1, 1)


def test_with_the_real_extractor(tmp_path: Path) -> None:
    text = "“We want a ceasefire now,” Kerry said. Turkey wants a “buffer zone” in the north."
    write_article(tmp_path, "a", text, [{"Source": "Kerry", "Content": "“We want a ceasefire now,”"}])
    scores = score_quotes(read_polnear(tmp_path))
    assert (scores.exact.true_positives, scores.exact.predicted, scores.exact.gold) == (1, 1, 1)
    assert scores.speaker_named == (1, 1)
