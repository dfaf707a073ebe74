"""Quantity scoring: precision/recall/F1 arithmetic, span and value matching, units, the spec reader, by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.evaluate import extraction
from factcheck.evaluate.extraction import quantity_coverage, score_quantities
from factcheck.evaluate.extraction_data import GoldQuantity, QuantityExample, read_recognizers
from factcheck.evaluate.metrics import Score, greedy_match, span_overlap, token_overlap
from factcheck.extract.figures.units import dimension_of
from factcheck.extract.values import Qualifier, Quantity

# ---- metrics.py ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "precision", "recall", "f1"),
    [
        (Score(1, 1, 1), 1.0, 1.0, 1.0),
        (Score(3, 4, 5), 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),  # 0.6667
        (Score(1, 2, 1), 0.5, 1.0, 2 / 3),  # one extra prediction
        (Score(0, 3, 2), 0.0, 0.0, 0.0),
        (Score(0, 0, 0), 0.0, 0.0, 0.0),  # nothing predicted, nothing to find: no division by zero
    ],
)
def test_score_arithmetic(score, precision, recall, f1):
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(f1)


def test_scores_add_up_their_counts():
    assert Score(1, 2, 3) + Score(4, 5, 6) == Score(5, 7, 9)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [((0, 5), (3, 8), 2), ((3, 8), (0, 5), 2), ((0, 3), (3, 6), 0), ((0, 2), (5, 9), 0), ((2, 4), (0, 9), 2)],
)
def test_span_overlap_counts_shared_characters(a, b, overlap):
    assert span_overlap(a, b) == overlap  # end offsets are exclusive: (0, 3) and (3, 6) share nothing


@pytest.mark.parametrize(
    ("scores", "threshold", "pairs"),
    [
        ([[0.9, 0.2], [0.8, 0.7]], 0.5, [(0, 0), (1, 1)]),  # the best pair first, then the best left
        ([[0.9, 0.2], [0.8, 0.7]], 0.75, [(0, 0)]),  # gold 1's best prediction is taken
        ([[0.4]], 0.5, []),
        ([], 0.5, []),
    ],
)
def test_greedy_match_is_one_to_one_best_first(scores, threshold, pairs):
    assert greedy_match(scores, threshold) == pairs


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [("the big cat", "big cat", 2 / 3), ("Big cat", "big  cat!", 1.0), ("a b", "c d", 0.0), ("", "a", 0.0)],
)
def test_token_overlap(a, b, overlap):
    assert token_overlap(a, b) == pytest.approx(overlap)


# ---- score_quantities ----------------------------------------------------------------------------------------------

TEXT = "Aid reached 80 km west, 12% of the 48 hours."  # 80 km at 12-17, 12% at 24-27, 48 hours at 35-43


def gold(surface: str, value=None, *, low=None, high=None, unit=None, text: str = TEXT, **fields) -> GoldQuantity:
    start = text.index(surface)
    return GoldQuantity(surface, start, start + len(surface), value, low, high, unit, **fields)


def found(surface: str, value=None, *, low=None, high=None, unit=None, text: str = TEXT, **fields) -> Quantity:
    start = text.index(surface)
    return Quantity(surface, start, start + len(surface), value, unit, dimension_of(unit), low=low, high=high,
                    **fields)  # fmt: skip


@pytest.fixture
def predicted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Quantity]]:
    """The quantities the extractor is made to find, by text, so the figures can be worked by hand."""
    by_text: dict[str, list[Quantity]] = {}
    monkeypatch.setattr(extraction, "find_quantities", lambda text: by_text.get(text, []))
    return by_text


def example(*quantities: GoldQuantity, source: str = "recognizers/dimension", text: str = TEXT) -> QuantityExample:
    return QuantityExample(source, text, quantities)


def counts(score: Score) -> tuple[int, int, int]:
    return score.true_positives, score.predicted, score.gold


def test_a_perfect_prediction_scores_one(predicted):
    predicted[TEXT] = [found("80 km", 80, unit="km")]
    scores = score_quantities([example(gold("80 km", 80, unit="Kilometer"))])
    assert counts(scores.span_exact) == counts(scores.span_overlap) == counts(scores.value) == (1, 1, 1)
    assert scores.value.f1 == 1.0
    assert scores.unit == (1, 1)  # "Kilometer" is the spec's name for "km"
    assert scores.misses == ()


def test_a_wrong_value_is_a_span_match_but_not_a_value_match(predicted):
    predicted[TEXT] = [found("80 km", 90, unit="km")]
    scores = score_quantities([example(gold("80 km", 80, unit="Kilometer"))])
    assert counts(scores.span_overlap) == (1, 1, 1)
    assert counts(scores.value) == (0, 1, 1)
    assert scores.value.f1 == 0.0
    assert scores.unit == (0, 0)  # units are judged on value-matched pairs only
    assert len(scores.misses) == 1 and "'80 km' = 80" in scores.misses[0]


def test_one_extra_prediction_halves_precision(predicted):
    predicted[TEXT] = [found("80 km", 80, unit="km"), found("48 hours", 48, unit="hour")]
    scores = score_quantities([example(gold("80 km", 80))])
    assert counts(scores.value) == (1, 2, 1)
    assert (scores.value.precision, scores.value.recall) == (0.5, 1.0)
    assert scores.value.f1 == pytest.approx(2 / 3)
    # The spec's filter drops what it does not annotate: then the prediction set is exact.
    kept = score_quantities([example(gold("80 km", 80))], keep=lambda q: q.dimension == "length")
    assert counts(kept.value) == (1, 1, 1)


def test_a_missed_figure_lowers_recall(predicted):
    predicted[TEXT] = [found("80 km", 80, unit="km")]
    scores = score_quantities([example(gold("80 km", 80), gold("12%", 12))])
    assert counts(scores.value) == (1, 1, 2)
    assert (scores.value.precision, scores.value.recall) == (1.0, 0.5)


def test_spans_must_overlap_even_when_values_agree(predicted):
    predicted[TEXT] = [found("48 hours", 80, unit="hour")]  # the right number in the wrong place
    scores = score_quantities([example(gold("80 km", 80))])
    assert counts(scores.value) == (0, 1, 1)


RANGE_TEXT = "between 5 and 10 km"


@pytest.mark.parametrize(
    ("prediction", "matches"),
    [
        (found("5 and 10 km", low=5, high=10, unit="km", text=RANGE_TEXT), True),  # both bounds
        (found("5 and 10 km", 7.5, unit="km", text=RANGE_TEXT), True),  # the midpoint (quantulum's convention)
        (found("5", 5, text=RANGE_TEXT), True),  # one bound
        (found("5 and 10 km", low=5, high=11, unit="km", text=RANGE_TEXT), False),
        (found("5", 6, text=RANGE_TEXT), False),
    ],
)
def test_a_range_matches_on_its_bounds_or_midpoint(predicted, prediction, matches):
    predicted[RANGE_TEXT] = [prediction]
    gold_range = gold("5 and 10 km", 7.5, low=5, high=10, text=RANGE_TEXT)
    scores = score_quantities([example(gold_range, text=RANGE_TEXT)])
    assert scores.value.true_positives == int(matches)


@pytest.mark.parametrize(("gold_value", "matches"), [(10, True), (8, True), (9, False)])
def test_a_predicted_range_matches_a_single_gold_value_at_a_bound(predicted, gold_value, matches):
    text = "walls eight to 10 feet tall"
    predicted[text] = [found("eight to 10 feet", low=8, high=10, unit="foot", text=text)]
    scores = score_quantities([example(gold("10 feet", gold_value, text=text), text=text)])
    assert scores.value.true_positives == int(matches)


@pytest.mark.parametrize(("value", "matches"), [(2 / 3, True), (0.6667, True), (0.67, False)])
def test_values_agree_within_a_relative_tolerance_of_one_in_a_thousand(predicted, value, matches):
    text = "two thirds"
    predicted[text] = [found("two thirds", value, unit="fraction", text=text)]
    scores = score_quantities([example(gold("two thirds", 0.666666666667, text=text), text=text)])
    assert scores.value.true_positives == int(matches)


def test_durations_compare_in_seconds(predicted):
    text = "a 48-hour truce"
    predicted[text] = [found("48-hour", 48, unit="hour", text=text)]
    examples = [example(gold("48-hour", 172_800, unit="second", text=text), text=text)]
    assert score_quantities(examples, in_seconds=True).value.true_positives == 1
    assert score_quantities(examples).value.true_positives == 0


def test_a_span_only_gold_accepts_any_value(predicted):
    predicted[TEXT] = [found("80 km", 80, unit="km")]
    scores = score_quantities([example(gold("80 km", None, unit="km"), source="measeval/eval")])
    assert counts(scores.value) == (1, 1, 1)


def test_a_gold_without_offsets_matches_on_its_surface(predicted):
    predicted[TEXT] = [found("80 km", 80, unit="km")]
    no_offsets = GoldQuantity("80 km", None, None, 80.0)
    assert counts(score_quantities([example(no_offsets)]).value) == (1, 1, 1)


@pytest.mark.parametrize(
    ("source", "name", "unit", "judged"),
    [
        ("recognizers/dimension", "Kilometer", "km", (1, 1)),
        ("recognizers/dimension", "Mile", "km", (0, 1)),
        ("recognizers/dimension", "Electronvolt", "km", (0, 0)),  # a unit the extractor does not model
        ("recognizers/currency", "Pound", "GBP", (1, 1)),  # the currency spec's "Pound" is sterling
        ("recognizers/dimension", "Pound", "lb", (1, 1)),
    ],
)
def test_unit_accuracy_maps_the_data_sets_names(predicted, source, name, unit, judged):
    predicted[TEXT] = [found("80 km", 80, unit=unit)]
    assert score_quantities([example(gold("80 km", 80, unit=name), source=source)]).unit == judged


def test_the_team_set_scores_qualifiers_and_measured_things(predicted):
    text = "almost 600,000 people"
    predicted[text] = [found("600,000", 600_000, text=text, qualifier=Qualifier.APPROXIMATELY, measured="people")]
    team = gold("600,000", 600_000, text=text, qualifier="approximately", measured="people")
    scores = score_quantities([example(team, source="team/p001", text=text)])
    assert (scores.unit, scores.qualifier, scores.measured) == ((1, 1), (1, 1), (1, 1))


def test_recall_by_tag(predicted):
    predicted[TEXT] = [found("80 km", 80, unit="km")]
    golds = (gold("80 km", None, tags=("IsApproximate",)), gold("12%", None, tags=("IsApproximate", "IsRange")))
    scores = score_quantities([example(*golds, source="measeval/eval")])
    assert scores.recall_by_tag == {"IsApproximate": (1, 2), "IsRange": (0, 1)}


# ---- the Recognizers-Text reader and claim coverage ----------------------------------------------------------------


def test_read_recognizers_makes_inclusive_ends_exclusive_and_drops_figures_without_a_number(tmp_path: Path):
    cases = [
        {"Input": "it rose 12%", "Results": [{"Text": "12%", "Start": 8, "End": 10, "Resolution": {"value": "12%"}}]},
        {
            "Input": "How do I calculate a percentage?",
            "Results": [{"Text": "percentage", "Start": 21, "End": 30, "Resolution": {"value": "null"}}],
        },
    ]
    (tmp_path / "Number").mkdir()
    (tmp_path / "Number" / "PercentModel.json").write_text(json.dumps(cases), encoding="utf-8")
    first, second = read_recognizers(tmp_path, "percent")
    (twelve,) = first.quantities
    assert (twelve.start, twelve.end, twelve.value) == (8, 11, 12.0)
    assert first.text[twelve.start : twelve.end] == "12%"
    assert second.quantities == ()  # a unit named without a figure is nothing to check


def test_quantity_coverage_counts_claims_with_a_figure_or_a_date():
    claims = ["Prices rose 5% last year.", "The minister spoke.", "In 2015 the law changed."]
    assert quantity_coverage(claims, with_dates=False) == (1, 3)
    assert quantity_coverage(claims, with_dates=True) == (2, 3)
