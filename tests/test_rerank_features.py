import math

import pytest

from factcheck.rerank_features import FEATURE_NAMES, ChannelEvidence, feature_rows, features, profile

SEEN = ChannelEvidence(cosine=0.7, dense_z=1.5, lexical_z=-0.5, dense_rank=2, lexical_rank=None)


def _named(query: str, passage: str, title: str | None = None, seen: ChannelEvidence = SEEN) -> dict[str, float]:
    row = features(profile(query), profile(passage), profile(title) if title else None, seen)
    assert len(row) == len(FEATURE_NAMES)
    return dict(zip(FEATURE_NAMES, row, strict=True))


def test_profile_keeps_content_words_figures_and_names_not_sentence_openers():
    found = profile("The Governor said 600,000 people fled. Many left Aleppo by bus.")
    assert found.numbers == {"600000"}
    assert found.names == {"governor", "aleppo"}  # "The" and "Many" open sentences; "Governor" follows "The"
    assert "peopl" in found.words and "the" not in found.words  # stemmed, no stop words
    assert ("600000", "peopl") in found.bigrams


def test_channel_features_are_passed_through_with_inverse_ranks():
    named = _named("a", "b")
    assert (named["cosine"], named["dense_z"], named["lexical_z"]) == (0.7, 1.5, -0.5)
    assert named["dense_rank_inverse"] == 0.5 and named["lexical_rank_inverse"] == 0.0


@pytest.mark.parametrize(
    ("case", "query", "passage", "title", "expected"),
    [
        (
            "every query word in the passage",
            "Obama banned the pledge of allegiance",
            "Barack Obama banned the pledge of allegiance in schools",
            None,
            {"query_coverage": 1.0, "bigram_coverage": 1.0, "passage_coverage": 4 / 6},
        ),
        (
            "half the words, no shared pair",
            "vaccines cause autism in children",
            "children autism rates rose",
            None,
            {"query_coverage": 2 / 4, "bigram_coverage": 0.0},
        ),
        (
            "words found only in the title count",
            "Donald Trump tweeted about windmills",
            "A post claimed the president wrote it.",
            "Did Donald Trump tweet about windmills?",
            {"query_coverage": 1.0, "title_coverage": 1.0, "name_coverage": 1.0, "names_missing": 0.0},
        ),
        (
            "same figure",
            "25 trucks reached Aleppo",
            "The first convoy of 25 trucks arrived",
            None,
            {"numbers_shared": 1.0, "numbers_clash": 0.0, "names_missing": 1.0, "name_coverage": 0.0},
        ),
        (
            "figures that clash",
            "25 trucks reached Aleppo",
            "The first convoy into Aleppo had 20 trucks",
            None,
            {"numbers_shared": 0.0, "numbers_clash": 1.0, "name_coverage": 1.0},
        ),
        (
            "a figure on one side only is no clash",
            "trucks reached Aleppo",
            "20 trucks reached Aleppo",
            None,
            {"numbers_shared": 0.0, "numbers_clash": 0.0},
        ),
    ],
)
def test_word_features_on_hand_made_pairs(case, query, passage, title, expected):
    named = _named(query, passage, title)
    for name, value in expected.items():
        assert named[name] == pytest.approx(value), f"{case}: {name}"


def test_length_ratio_is_the_log_of_content_words_and_the_gap_its_size():
    named = _named("convoy trucks Aleppo", "convoy")  # 3 query words, 1 passage word
    assert named["length_ratio"] == pytest.approx(math.log(2 / 4))
    assert named["length_gap"] == pytest.approx(math.log(2))
    assert _named("convoy", "convoy")["length_gap"] == 0.0


def test_no_title_gives_no_title_coverage():
    assert _named("Aleppo convoy", "Aleppo convoy")["title_coverage"] == 0.0


def test_feature_rows_needs_one_channel_record_per_passage():
    rows = feature_rows("Aleppo convoy", [("Aleppo convoy", None), ("other", "Aleppo")], [SEEN, SEEN])
    assert len(rows) == 2 and rows[0][FEATURE_NAMES.index("query_coverage")] == 1.0
    assert rows[1][FEATURE_NAMES.index("title_coverage")] == 0.5
    with pytest.raises(ValueError, match="2 passages but 1"):
        feature_rows("q", [("a", None), ("b", None)], [SEEN])
