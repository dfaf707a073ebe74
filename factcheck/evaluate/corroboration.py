"""`factcheck eval corroboration`: signals and stance scored on the team's pairs, FEVER-symmetric and CLIMATE-FEVER."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from factcheck.corroborate.stance import corroborate
from factcheck.corroborate.types import Signals
from factcheck.evaluate import PROJECT_ROOT
from factcheck.evaluate.report import Row
from factcheck.extract import Claim, ClaimKind
from factcheck.extract.quantities import find_quantities

TEAM_PAIRS = PROJECT_ROOT / "tests" / "data" / "corroboration_gold.jsonl"
_FEVER_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":", "``": '"', "''": '"'}


def make_claim(kind: str, text: str, speaker: str | None = None, sentence: str | None = None) -> Claim:
    """A claim as extraction would give it, for a pair whose claim is given as text."""
    claim_kind = ClaimKind.QUOTE if kind == "quote" else ClaimKind.NUMERIC
    return Claim(
        claim_id="eval",
        doc="eval",
        kind=claim_kind,
        text=text,
        start=0,
        end=len(text),
        sentence=sentence or text,
        speaker=speaker,
        quantities=tuple(find_quantities(text)),
        checkworthiness=0.5,
    )


def team_results(path: Path = TEAM_PAIRS) -> tuple[list[Row], dict[str, Counter]]:
    """Accuracy per signal on the team's hand-annotated pairs, and confusion counts (gold, predicted) per signal."""
    confusion: dict[str, Counter] = {
        "numbers": Counter(),
        "quote": Counter(),
        "speaker": Counter(),
        "stance": Counter(),
    }
    forbidden = 0  # "supports" where gold says a figure mismatches or a quote is altered
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        pair = json.loads(line)
        claim, expected = pair["claim"], pair["expected"]
        signals = corroborate(
            make_claim(claim["kind"], claim["text"], claim.get("speaker"), claim.get("sentence")),
            pair["passage"]["text"],
        )
        predicted = _statuses(signals)
        for name in confusion:
            if expected.get(name) is not None:
                confusion[name][(expected[name], predicted[name])] += 1
        if signals.stance.value == "supports" and (
            expected.get("numbers") == "mismatch" or expected.get("quote") == "altered"
        ):
            forbidden += 1
    data = "team pairs (tests/data)"
    bars = {"numbers": ">= 0.95", "quote": ">= 0.95"}
    rows = [_accuracy_row(data, name, counts, bars.get(name, "")) for name, counts in confusion.items()]
    total = sum(confusion["stance"].values())
    rows.append(
        Row(data, "'supports' where gold has a figure mismatch or an altered quote", forbidden, f"{total} pairs")
    )
    return rows, confusion


def fever_symmetric_rows(folder: Path) -> list[Row]:
    """Among pairs where the stance is decided (supports or conflicts), how often it agrees with the label; and how
    often a REFUTES pair is called "supports"."""
    fired = correct = refutes_supported = refutes = 0
    with open(folder / "fever_symmetric_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            evidence = _detokenise(record["evidence"])
            stance = corroborate(make_claim("numeric", record["claim"]), evidence).stance.value
            label = record["gold_label"]
            refutes += label == "REFUTES"
            if stance == "related":
                continue
            fired += 1
            correct += (stance == "supports") == (label == "SUPPORTS")
            refutes_supported += label == "REFUTES" and stance == "supports"
    data = "FEVER-symmetric dev (708 pairs)"
    return [
        Row(data, "share of pairs with a decided stance", fired / 708, f"{fired}/708"),
        Row(data, "accuracy where decided", correct / fired if fired else 0.0, f"{correct}/{fired}"),
        Row(
            data,
            "REFUTES pairs called 'supports'",
            refutes_supported / refutes if refutes else 0.0,
            f"{refutes_supported}/{refutes}",
        ),
    ]


def climate_fever_rows(folder: Path) -> tuple[list[Row], Counter]:
    """Agreement of the stance with CLIMATE-FEVER's sentence labels (SUPPORTS, REFUTES, NOT_ENOUGH_INFO)."""
    mapping = {"SUPPORTS": "supports", "REFUTES": "conflicts", "NOT_ENOUGH_INFO": "related"}
    confusion: Counter = Counter()
    with open(folder / "climate-fever.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            claim = make_claim("numeric", record["claim"])
            for evidence in record["evidences"]:
                stance = corroborate(claim, evidence["evidence"]).stance.value
                confusion[(mapping[evidence["evidence_label"]], stance)] += 1
    data = "CLIMATE-FEVER (7,675 pairs)"
    total = sum(confusion.values())
    agree = sum(count for (gold, got), count in confusion.items() if gold == got)
    return [
        Row(data, "stance agreement", agree / total, f"{agree}/{total}"),
        Row(data, "stance macro-F1", _macro_f1(confusion), "3 classes"),
    ], confusion


def confusion_table(title: str, confusion: Counter) -> str:
    labels = sorted({g for g, _ in confusion} | {p for _, p in confusion})
    lines = [
        f"**{title}** (rows: expected, columns: predicted)",
        "",
        "| expected \\ predicted | " + " | ".join(labels) + " |",
        "|---|" + "---|" * len(labels),
    ]
    for gold in labels:
        lines.append(f"| {gold} | " + " | ".join(str(confusion.get((gold, got), 0)) for got in labels) + " |")
    return "\n".join(lines)


def _statuses(signals: Signals) -> dict[str, str | None]:
    return {
        "numbers": signals.numbers.status.value if signals.numbers else "no_numbers",
        "quote": signals.quote.status.value if signals.quote else None,
        "speaker": signals.quote.speaker.value if signals.quote else None,
        "stance": signals.stance.value,
    }


def _accuracy_row(data: str, name: str, confusion: Counter, bar: str) -> Row:
    total = sum(confusion.values())
    right = sum(count for (gold, got), count in confusion.items() if gold == got)
    return Row(data, f"{name} status accuracy", right / total if total else 0.0, f"{right}/{total}", bar)


def _macro_f1(confusion: Counter) -> float:
    labels = {g for g, _ in confusion} | {p for _, p in confusion}
    scores = []
    for label in labels:
        tp = confusion.get((label, label), 0)
        predicted = sum(c for (_, got), c in confusion.items() if got == label)
        gold = sum(c for (g, _), c in confusion.items() if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _detokenise(text: str) -> str:
    """FEVER's tokenised Wikipedia sentences back to plain text (-LRB- to "(", spaces before punctuation)."""
    for token, character in _FEVER_TOKENS.items():
        text = text.replace(token, character)
    text = re.sub(r"\s+([,.;:!?)\]'])", r"\1", text)
    return re.sub(r"([(\[])\s+", r"\1", text)


def run(data_dir: Path, log=print) -> tuple[list[Row], list[str]]:
    rows, team_confusion = team_results()
    log("team pairs scored")
    rows += fever_symmetric_rows(data_dir / "fever-symmetric")
    log("FEVER-symmetric scored")
    climate_rows, climate_confusion = climate_fever_rows(data_dir / "climate-fever")
    rows += climate_rows
    log("CLIMATE-FEVER scored")
    tables = [confusion_table(f"team pairs: {name}", counts) for name, counts in team_confusion.items()]
    tables.append(
        confusion_table(
            "CLIMATE-FEVER stance (labels mapped: SUPPORTS->supports, REFUTES->conflicts, NOT_ENOUGH_INFO->related)",
            climate_confusion,
        )
    )
    return rows, tables
