"""How well extraction picks check-worthy sentences: ClaimBuster F1 and CLEF CheckThat! 2019 average precision."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from factcheck.documents import Document
from factcheck.evaluate.metrics import Score, average_precision
from factcheck.evaluate.report import Row, score_rows
from factcheck.extract import extract_claims


def sentence_score(text: str) -> float:
    """The highest check-worthiness among the claims extracted from one sentence (0 when there is none)."""
    claims = extract_claims(Document.from_text(text, doc_id="sentence"))
    return max((c.checkworthiness for c in claims), default=0.0)


def score_average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision (`metrics.average_precision` over the whole list) of ranking the items by score, ties broken
    by original order (as a ranked list is read); `labels` mark the relevant items."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return average_precision(order, {i for i, label in enumerate(labels) if label}, len(order))


def checkworthiness_rows(folder: Path) -> list[Row]:
    records = json.loads((folder / "claimbuster_two_class_test.json").read_text(encoding="utf-8"))
    predicted = [sentence_score(r["text"]) > 0 for r in records]
    gold = [r["label"] == 1 for r in records]
    hits = sum(p and g for p, g in zip(predicted, gold, strict=True))
    rows = score_rows("ClaimBuster two-class test", "'extracted as a claim'", Score(hits, sum(predicted), sum(gold)))

    with open(folder / "clef2019_task1_test.csv", encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
    by_debate: dict[str, list[dict]] = {}
    for line in lines:
        by_debate.setdefault(line["file_name"], []).append(line)
    precisions = []
    for debate_lines in by_debate.values():
        scores = [sentence_score(line["text"]) for line in debate_lines]
        labels = [int(line["label"]) for line in debate_lines]
        if any(labels):
            precisions.append(score_average_precision(scores, labels))
    mean = sum(precisions) / len(precisions) if precisions else 0.0
    rows.append(
        Row("CLEF CheckThat! 2019 test", "MAP of ranking by check-worthiness", mean, f"{len(precisions)} debates")
    )
    return rows
