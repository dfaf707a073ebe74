"""Tests for what the same-thing judgement reads of a figure pair (`same_thing_features.py`)."""

from __future__ import annotations

import pytest

from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.same_thing_features import FEATURE_NAMES, PairTexts, pair_features, texts_of
from factcheck.corroborate.signals import FigurePair, NumberStatus
from factcheck.extract.figures import find_quantities


def features_of(claim: str, passage: str) -> dict[str, float]:
    """The features of the first figure pair the rules compare (the model off), by name."""
    signal = compare_numbers(find_quantities(claim), passage, claim, None, same_thing=None)
    pair = next(p for p in signal.pairs if p.passage_start is not None)
    texts = texts_of(pair, claim, passage, None)
    assert texts is not None
    values = pair_features(texts, pair)
    assert len(values) == len(FEATURE_NAMES)
    return dict(zip(FEATURE_NAMES, values, strict=True))


@pytest.mark.parametrize(
    ("claim", "passage", "feature"),
    [
        pytest.param(
            "The fire burned 12,000 hectares.",
            "The previous fire in the province, in July 2019, burned 12,000 hectares.",
            "era_passage_only",
            id="a-year-on-the-passage-side-only",
        ),
        pytest.param(
            "The viaduct carried about 38,000 vehicles a day.",
            "The Dorrance bridge upstream was built for about 38,000 vehicles a day.",
            "names_passage_only",
            id="a-name-in-the-passage-clause-only",
        ),
        pytest.param(
            "Gusts reached 90 km/h on Monday.",
            "Gusts of up to 90 km/h are forecast for the coast.",
            "cue_forecast_one_side",
            id="a-forecast-on-one-side",
        ),
        pytest.param(
            "The office received 18,000 appeals this week.",
            "In a normal year the office handles around 18,000 appeals.",
            "cue_usual_one_side",
            id="a-usual-year-on-one-side",
        ),
    ],
)
def test_another_time_place_or_measure_is_read(claim, passage, feature):
    assert (
        features_of(claim, passage)[feature] == 1.0
        if feature != "names_passage_only"
        else features_of(claim, passage)[feature] > 0
    )


def test_the_same_thing_in_other_words_shares_its_words_and_names_nothing_else():
    values = features_of(
        "Officials said 8,000 remaining residents of Darayya were evacuated.",
        "Some 8,000 residents remaining in Darayya were evacuated, officials said.",
    )
    assert values["sentence_overlap"] >= 0.75
    assert values["same_counted_noun"] == 1.0
    assert values["era_passage_only"] == values["era_claim_only"] == 0.0
    assert values["names_passage_only"] == values["names_claim_only"] == 0.0
    assert values["cue_kinds_one_side"] == 0.0


def test_a_synonym_counts_the_same_noun():
    values = features_of("The 8,000 remaining residents left.", "Around 4,000 civilians remained in Darayya.")
    assert values["same_counted_noun"] == 1.0
    assert values["counted_noun_missing"] == 0.0


def test_a_pair_whose_figures_cannot_be_placed_has_no_texts():
    pair = FigurePair("9,000", None, NumberStatus.NO_NUMBERS, "")
    assert texts_of(pair, "The claim says 9,000.", "No figure here.", None) is None
    placed = FigurePair("9,000", "9,000", NumberStatus.MATCH, "", passage_start=4, passage_end=9)
    assert texts_of(placed, "The claim says 9,000.", "Now 9,000 remain.", None) == PairTexts(
        "The claim says 9,000.", 15, 20, "Now 9,000 remain.", 4, 9, None
    )
