"""Evaluation results as rows, and those rows as a Markdown table (what docs/*.md show)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.evaluate.metrics import Score
from factcheck.serialise import Record


@dataclass(frozen=True, slots=True)
class Row(Record):
    """One measured figure: which data, which metric, the value, what it is out of, and a bar if the issue sets one."""

    data: str
    metric: str
    value: float
    n: str
    bar: str = ""


def score_rows(data: str, name: str, score: Score, bar_f1: str = "") -> list[Row]:
    return [
        Row(data, f"{name} precision", score.precision, f"{score.true_positives}/{score.predicted}"),
        Row(data, f"{name} recall", score.recall, f"{score.true_positives}/{score.gold}"),
        Row(data, f"{name} F1", score.f1, f"{score.gold} gold", bar_f1),
    ]


def ratio_row(data: str, metric: str, counts: Sequence[int], bar: str = "") -> Row:
    correct, total = counts
    return Row(data, metric, correct / total if total else 0.0, f"{correct}/{total}", bar)


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| data | metric | value | n | bar |", "|---|---|---|---|---|"]
    for row in rows:
        verdict = ""
        if row.bar:
            threshold = float(row.bar.lstrip(">= "))
            verdict = f"{row.bar} {'met' if row.value >= threshold else '**not met**'}"
        lines.append(f"| {row.data} | {row.metric} | {row.value:.3f} | {row.n} | {verdict} |")
    return "\n".join(lines)
