"""The optional NLI model: loading a local cross-encoder directory, its labels, and what its scores decide."""

from __future__ import annotations

import json

import pytest

from factcheck.corroborate.nli import NliModel
from factcheck.corroborate.signals import Entailment, Stance
from factcheck.corroborate.stance import decide_stance
from factcheck.errors import NliModelError
from factcheck.extract import ClaimKind

WORDS = "the ceasefire held did not hold aid arrived residents left , .".split()


def tiny_model(folder, labels=("contradiction", "entailment", "neutral")):
    """A randomly initialised three-way BERT classifier with its own tiny vocabulary: only the loading code and the
    shape of the scores are tested with it, never its judgement."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n")
    BertTokenizerFast(vocab_file=str(folder / "vocab.txt")).save_pretrained(folder)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=5 + len(WORDS),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    BertForSequenceClassification(config).save_pretrained(folder)
    return folder


@pytest.mark.slow
def test_a_local_nli_model_scores_pairs_with_named_probabilities(tmp_path):
    model = NliModel(tiny_model(tmp_path / "nli", labels=("neutral", "CONTRADICTION", "Entailment")))
    scores = model.score([("the ceasefire held .", "the ceasefire did not hold ."), ("aid arrived", "residents left")])
    assert len(scores) == 2
    for score in scores:
        assert abs(score.entailment + score.contradiction + score.neutral - 1) < 1e-5
    assert model.score([]) == []


@pytest.mark.slow
def test_a_classifier_without_nli_labels_is_refused(tmp_path):
    model = NliModel(tiny_model(tmp_path / "sentiment", labels=("negative", "positive", "mixed")))
    with pytest.raises(NliModelError, match="labels negative, positive, mixed"):
        model.warm_up()


def test_a_folder_without_a_model_is_a_readable_error(tmp_path):
    with pytest.raises(NliModelError, match="No NLI model in"):
        NliModel(tmp_path)
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "bert"}))
    with pytest.raises(ValueError, match="batch_size"):
        NliModel(tmp_path, batch_size=0)


@pytest.mark.parametrize(
    ("entailment", "expected", "reason"),
    [
        (Entailment(0.02, 0.95, 0.03), Stance.CONFLICTS, "The NLI model reads a contradiction"),
        (Entailment(0.95, 0.02, 0.03), Stance.RELATED, "The NLI model reads the passage as saying"),
        (Entailment(0.40, 0.50, 0.10), Stance.RELATED, None),
        (None, Stance.RELATED, None),
    ],
)
def test_only_a_confident_contradiction_changes_the_stance(entailment, expected, reason):
    stance, reasons = decide_stance(ClaimKind.NUMERIC, None, None, (), entailment)
    assert stance is expected
    assert any(r.startswith(reason) for r in reasons) if reason else not any(r.startswith("meaning") for r in reasons)


@pytest.mark.slow
def test_check_command_reports_nli_scores(tmp_path, capsys):
    from factcheck.cli import main

    model = tiny_model(tmp_path / "nli")
    corpus_file = tmp_path / "reports.txt"
    corpus_file.write_text("Some 8,000 residents were evacuated on Friday.", encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Officials said 8,000 residents were evacuated.", encoding="utf-8")
    index = ["--index-dir", str(tmp_path / "indexes"), "--embedder", "hash"]
    assert main([*index, "index", "add", "reports", str(corpus_file)]) == 0
    capsys.readouterr()
    assert main([*index, "check", str(article), "--corpus", "reports", "--nli-model", str(model)]) == 0
    [record] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(record["candidates"][0]["signals"]["nli"]) == {"entailment", "contradiction", "neutral"}
    assert main([*index, "check", str(article), "--corpus", "reports", "--nli-model", str(tmp_path)]) == 1
    assert "No NLI model in" in capsys.readouterr().err
