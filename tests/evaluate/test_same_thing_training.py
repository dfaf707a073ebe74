"""Tests for training the same-thing model (`same_thing_training.py`): the fit, the threshold, the model file."""

from __future__ import annotations

import json

import numpy as np

from factcheck.corroborate.same_thing import load_model
from factcheck.corroborate.same_thing_features import FEATURE_NAMES
from factcheck.evaluate.same_thing_training import choose_threshold, fit


def test_the_fit_learns_which_way_a_feature_points():
    rng = np.random.default_rng(0)
    features = rng.random((200, len(FEATURE_NAMES)))
    era = FEATURE_NAMES.index("era_passage_only")
    labels = (features[:, era] < 0.5).astype(int)  # a year on the passage side only: another thing
    model = fit(features, labels)
    assert model.weights[era] < 0
    same, other = features[labels == 1][0], features[labels == 0][0]
    assert model.probability(same) > 0.5 > model.probability(other)


def test_the_threshold_keeps_the_best_balance_of_right_and_wrong_pairs():
    scores = np.array([0.1, 0.2, 0.6, 0.7, 0.8, 0.9])
    labels = np.array([0, 0, 1, 0, 1, 1])
    assert choose_threshold(scores, labels) == 0.8  # keeping the 0.6 and 0.7 pairs adds one right for one wrong
    assert choose_threshold(np.array([0.3, 0.4]), np.array([1, 1])) == 0.0  # nothing to drop


def test_a_trained_model_is_written_and_loaded(tmp_path):
    rng = np.random.default_rng(1)
    features = rng.random((50, len(FEATURE_NAMES)))
    labels = (features[:, 0] > 0.5).astype(int)
    model = fit(features, labels, threshold=0.4, provenance={"splits": ["dev"]})
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = load_model(path)
    assert loaded.threshold == 0.4
    assert np.allclose(loaded.weights, model.weights, atol=1e-5)


def _mined(split: str, number: int, same: bool):
    from factcheck.corroborate.signals import FigurePair, NumberStatus
    from factcheck.evaluate.same_thing_mining import MinedPair

    claim = f"The appeal raised {number} pounds for the hospice this spring."
    passage = f"Donors gave {number} pounds to the hospice." if same else f"Last year the fair sold {number} books."
    at = passage.index(str(number))
    pair = FigurePair(str(number), str(number), NumberStatus.MATCH, "", float(number), float(number), at, at + 3)
    return MinedPair(split, "a", "s.txt", claim, passage, None, pair, (), int(same))


def test_training_reads_each_pair_once_and_chooses_the_threshold_out_of_split(monkeypatch):
    import factcheck.evaluate.same_thing_training as training

    pairs = [_mined(split, 100 + n, n % 3 != 0) for split in ("dev", "test", "round3") for n in range(12)]
    calls = []
    reading = training.pair_features
    monkeypatch.setattr(training, "pair_features", lambda texts, pair: calls.append(1) or reading(texts, pair))
    model = training.train(pairs)
    assert len(calls) == len(pairs)  # not once per fold
    # the threshold is the one the out-of-split scores give, fold by fold
    x, y, decided = training.feature_matrix(pairs)
    splits = np.array([p.split for p in pairs])
    scores, labels = [], []
    for held in ("dev", "round3", "test"):
        inner = fit(x[splits != held], y[splits != held])
        scores.append(training.probabilities(inner, x[(splits == held) & decided]))
        labels.append(y[(splits == held) & decided])
    assert model.threshold == choose_threshold(np.concatenate(scores), np.concatenate(labels))
    assert model.provenance["pairs"] == len(pairs)
