"""Training the same-thing model offline: a logistic regression on mined figure pairs, and its threshold.

    factcheck eval articles --mine-same-thing PAIRS.jsonl                  # the labelled pairs of every split
    python -m factcheck.evaluate.same_thing_training PAIRS.jsonl --out factcheck/corroborate/same_thing_model.json
    python -m factcheck.evaluate.same_thing_training PAIRS.jsonl --leave-out round3 --out /tmp/without-round3.json

The weights are fitted on every mined pair of the training splits (the rules' decided pairs and the ones they
called `different_thing`: those are most of the pairs of different things). The threshold is chosen on the
training splits alone: each training split's pairs are scored by a model fitted on the other training splits, and
over those out-of-split scores of the decided pairs (the ones the gate reads) the threshold keeps the best
balance: same-thing pairs kept minus `WRONG_COST` times other pairs kept. A precision target on pairs (0.95, the
article set's bar for cards) was tried first: pair labels are noisier than cards and no threshold below 0.98
reached it, which dropped nine pairs of the same thing in ten.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.corroborate.same_thing import GATED, SameThingModel, asked
from factcheck.corroborate.same_thing_features import FEATURE_NAMES, pair_features
from factcheck.evaluate.same_thing_mining import MinedPair, read_pairs

WRONG_COST = 4.0  # a wrong decisive pair costs this many right ones (chosen before any held-out run, not tuned)
L2 = 1.0  # the ridge penalty on the standardised weights (the pairs are few: a few hundred per split)


def feature_matrix(pairs: Sequence[MinedPair]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, decided) of the pairs that can be placed in their texts; `decided`: the gate asks the
    model about it (a status the gate reads: match, rounding, qualifier or mismatch, and `same_thing.asked`)."""
    rows, labels, decided = [], [], []
    for mined in pairs:
        texts = mined.texts
        if texts is None:
            continue
        features = pair_features(texts, mined.pair)
        rows.append(features)
        labels.append(mined.label)
        decided.append(mined.pair.status in GATED and asked(features))
    return np.array(rows, dtype=float).reshape(-1, len(FEATURE_NAMES)), np.array(labels), np.array(decided)


def fit(features: np.ndarray, labels: np.ndarray, threshold: float = 0.5, provenance: dict | None = None):
    """A `SameThingModel` fitted by Newton steps on the L2-penalised log loss of standardised features."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale < 1e-6] = 1.0
    x = np.hstack([np.ones((len(features), 1)), (features - mean) / scale])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return SameThingModel(
        tuple(float(v) for v in w[1:]),
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        float(w[0]),
        threshold,
        provenance or {},
    )


def probabilities(model: SameThingModel, features: np.ndarray) -> np.ndarray:
    return np.array([model.probability(row) for row in features])


def choose_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold over decided pairs' out-of-split scores that keeps the best balance (module docstring); the
    lowest of equal ones."""
    best = (-np.inf, 0.0)
    for t in sorted({0.0, *(float(s) for s in scores)}):
        kept = scores >= t
        balance = int((labels[kept] == 1).sum()) - WRONG_COST * int((labels[kept] == 0).sum())
        if balance > best[0]:
            best = (balance, t)
    return best[1]


def train(pairs: Sequence[MinedPair], provenance: dict | None = None) -> SameThingModel:
    """The model fitted on all `pairs`, with its threshold chosen by out-of-split scores within them."""
    splits = sorted({p.split for p in pairs})
    placed = [p for p in pairs if p.texts is not None]
    x, y, decided = feature_matrix(placed)  # read once: the features of 40 splits take minutes to read
    of_split = np.array([p.split for p in placed])
    scores, labels = [], []
    for held in splits if len(splits) > 1 else []:
        inside = of_split == held
        inner = fit(x[~inside], y[~inside])
        scores.append(probabilities(inner, x[inside & decided]))
        labels.append(y[inside & decided])
    threshold = choose_threshold(np.concatenate(scores), np.concatenate(labels)) if scores else 0.5
    return fit(x, y, threshold, {**(provenance or {}), "splits": splits, "pairs": len(y)})


def pair_report(model: SameThingModel, pairs: Sequence[MinedPair]) -> dict[str, int]:
    """How the gate treats decided pairs: same-thing pairs kept and dropped, other pairs kept and dropped."""
    x, y, decided = feature_matrix(pairs)
    kept = probabilities(model, x[decided]) >= model.threshold
    y = y[decided]
    return {
        "same_kept": int((kept & (y == 1)).sum()),
        "same_dropped": int((~kept & (y == 1)).sum()),
        "other_kept": int((kept & (y == 0)).sum()),
        "other_dropped": int((~kept & (y == 0)).sum()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the same-thing model on mined figure pairs.")
    parser.add_argument("pairs", help="the JSON lines of `factcheck eval articles --mine-same-thing`")
    parser.add_argument("--out", required=True, help="the model file to write")
    parser.add_argument("--leave-out", action="append", default=[], metavar="SPLIT", help="a split not trained on")
    argv = list(sys.argv[1:] if argv is None else argv)
    arguments = parser.parse_args(argv)
    pairs = list(read_pairs(arguments.pairs))
    training = [p for p in pairs if p.split not in arguments.leave_out]
    command = "python -m factcheck.evaluate.same_thing_training " + " ".join(argv)
    model = train(training, {"command": command.strip(), "left_out": arguments.leave_out})
    held = [p for p in pairs if p.split in arguments.leave_out]
    report = {"threshold": round(model.threshold, 4), "training": pair_report(model, training)}
    if held:
        report["left_out"] = pair_report(model, held)
    Path(arguments.out).write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
