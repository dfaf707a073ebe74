"""Tests for the learned same-thing gate (`same_thing.py`): the gate in `compare_numbers`, and the weights file."""

from __future__ import annotations

import json
import os
import warnings

import pytest

from factcheck.corroborate import same_thing
from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.same_thing import (
    PACKAGED_MODEL,
    SETTING,
    SameThingModel,
    configured_model,
    load_model,
    parse_model,
)
from factcheck.corroborate.same_thing_features import FEATURE_NAMES
from factcheck.corroborate.signals import NumberStatus
from factcheck.errors import SameThingModelError
from factcheck.extract.figures import find_quantities


def hand_model(threshold: float = 0.5) -> SameThingModel:
    """A model whose weights say: the same thing unless one side names another time, place or kind of measure."""
    against = {"era_passage_only": -3.0, "names_passage_only": -9.0, "cue_kinds_one_side": -3.0}
    weights = tuple(against.get(name, 0.0) for name in FEATURE_NAMES)
    count = len(FEATURE_NAMES)
    return SameThingModel(weights, (0.0,) * count, (1.0,) * count, 2.0, threshold)


def compared(claim: str, passage: str, model: SameThingModel | None):
    return compare_numbers(find_quantities(claim), passage, claim, None, same_thing=model)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        pytest.param(
            "The fire burned 12,000 hectares.",
            "The previous fire in the province, at Lousa in July 2019, burned 12,000 hectares.",
            id="another-year",
        ),
        pytest.param(
            "The viaduct carried about 38,000 vehicles a day.",
            # (not "was built for": a capacity is told apart by the rules, `figure_kinds.py`)
            "The Dorrance bridge upstream was used by about 38,000 vehicles a day.",
            id="another-bridge",
        ),
    ],
)
def test_a_pair_of_another_time_or_place_is_not_decisive(claim, passage):
    assert compared(claim, passage, None).status is NumberStatus.MATCH  # the rules alone decide it
    signal = compared(claim, passage, hand_model())
    assert signal.status is NumberStatus.DIFFERENT_THING
    assert "is of another " in signal.pairs[0].reason


@pytest.mark.parametrize(
    ("claim", "passage", "status"),
    [
        pytest.param(
            "Officials said 8,000 residents of Darayya were evacuated.",
            "Some 8,000 people who lived in Darayya were moved out, officials said.",
            NumberStatus.MATCH,
            id="same-figure-other-words",
        ),
        pytest.param(
            "The 8,000 remaining residents were bussed out.",
            "Around 4,000 civilians remained in Darayya.",
            NumberStatus.MISMATCH,
            id="named-alike-conflict-is-not-overruled",
        ),
    ],
)
def test_the_same_thing_in_other_words_stays_decisive(claim, passage, status):
    refusing = hand_model(threshold=1.0)  # would reject every pair it is asked about
    expected = compared(claim, passage, None).status
    assert expected is status
    if status is NumberStatus.MISMATCH:
        assert compared(claim, passage, refusing).status is status
    else:
        assert compared(claim, passage, hand_model()).status is status


def test_without_a_claim_sentence_the_gate_is_not_asked():
    quantities = find_quantities("The fire burned 12,000 hectares.")
    passage = "The previous fire, at Lousa in July 2019, burned 12,000 hectares."
    signal = compare_numbers(quantities, passage, None, None, same_thing=hand_model(threshold=1.0))
    assert signal.status is NumberStatus.MATCH


def test_the_packaged_model_loads_and_fits_the_features():
    model = load_model(PACKAGED_MODEL)
    assert len(model.weights) == len(FEATURE_NAMES)
    assert 0.0 < model.threshold < 1.0
    assert model.provenance.get("splits")


def test_a_model_round_trips_through_its_file(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps(hand_model(0.25).to_dict()), encoding="utf-8")
    loaded = load_model(path)
    assert loaded.threshold == 0.25
    assert loaded.weights == hand_model().weights


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "cannot be read", id="missing"),
        pytest.param("{not json", "is not valid JSON", id="corrupt"),
        pytest.param('{"format": "other/1"}', "expected format", id="other-format"),
        pytest.param("features", "its features", id="other-features"),
        pytest.param("weights", "'weights' must be a list of numbers", id="bad-weights"),
    ],
)
def test_an_unusable_model_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "model.json"
    record = hand_model().to_dict()
    if content == "features":
        path.write_text(json.dumps({**record, "features": ["x"]}), encoding="utf-8")
    elif content == "weights":
        path.write_text(json.dumps({**record, "weights": "many"}), encoding="utf-8")
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SameThingModelError, match=message) as raised:
        load_model(path)
    assert SETTING in str(raised.value)


def test_a_wrong_number_of_weights_is_refused():
    record = {**hand_model().to_dict(), "weights": [0.0]}
    with pytest.raises(SameThingModelError, match="one per feature"):
        parse_model(record)


def test_the_setting_chooses_the_model(tmp_path, monkeypatch):
    monkeypatch.setenv(SETTING, "off")
    assert configured_model() is None
    monkeypatch.setenv(SETTING, str(tmp_path / "absent.json"))
    with pytest.raises(SameThingModelError, match="cannot be read"):
        configured_model()
    monkeypatch.setenv(SETTING, "on")
    assert configured_model() == load_model(PACKAGED_MODEL)
    monkeypatch.delenv(SETTING)
    assert configured_model() is None  # off by default (docs/corroboration.md, round 4)


def test_a_damaged_packaged_model_falls_back_to_the_rules_with_a_warning(tmp_path, monkeypatch):
    damaged = tmp_path / "same_thing_model.json"
    damaged.write_text("{", encoding="utf-8")
    monkeypatch.setattr(same_thing, "PACKAGED_MODEL", damaged)
    monkeypatch.setenv(SETTING, "on")
    same_thing._packaged.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="judged by the rules alone"):
            assert configured_model() is None
        claim = "The fire burned 12,000 hectares."
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            signal = compare_numbers(find_quantities(claim), "In July 2019 a fire burned 12,000 hectares.", claim)
        assert signal.status is NumberStatus.MATCH
    finally:
        same_thing._packaged.cache_clear()


def test_the_cli_option_chooses_the_model_for_one_command(tmp_path, capsys, monkeypatch):
    """`check --same-thing FILE` gates the figure pairs of that command only; a file that cannot be used is a
    one-line error before any work; the environment is as it was afterwards."""
    from factcheck.cli import main

    monkeypatch.delenv(SETTING, raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text(
        "The previous fire in the province, at Lousa in July 2019, burned 12,000 hectares.\n", encoding="utf-8"
    )
    article = tmp_path / "article.txt"
    article.write_text("The fire burned 12,000 hectares, officials said on Monday.\n", encoding="utf-8")
    model = tmp_path / "model.json"
    model.write_text(json.dumps(hand_model().to_dict()), encoding="utf-8")
    common = ["--index-dir", str(tmp_path / "indexes"), "--embedder", "hash"]
    assert main([*common, "index", "add", "fires", str(corpus)]) == 0
    capsys.readouterr()

    def stances(*option: str) -> list[str]:
        assert main([*common, "check", str(article), "--corpus", "fires", *option]) == 0
        records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        return [c["signals"]["stance"] for r in records for c in r["candidates"] if "signals" in c]

    assert stances("--same-thing", "off") == ["supports"]
    assert stances("--same-thing", str(model)) == ["related"]
    assert SETTING not in os.environ
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main([*common, "check", str(article), "--corpus", "fires", "--same-thing", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "is not valid JSON" in captured.err and captured.out == ""
