"""`factcheck eval corroboration`: signals and stance scored on the team's pairs, FEVER-symmetric and CLIMATE-FEVER."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from factcheck.corroborate.nli import NliModel
from factcheck.corroborate.signals import Signals
from factcheck.corroborate.stance import claim_statement, corroborate
from factcheck.evaluate import PROJECT_ROOT
from factcheck.evaluate.report import Row
from factcheck.extract import Claim, ClaimKind
from factcheck.extract.figures import find_quantities

TEAM_PAIRS = PROJECT_ROOT / "tests" / "data" / "corroboration_gold.jsonl"
_FEVER_TOKENS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":", "``": '"', "''": '"'}


def corroborate_all(pairs: list[tuple[Claim, str]], nli: NliModel | None = None) -> list[Signals]:
    """Signals for many (claim, passage) pairs; with an NLI model its scores are computed in one batch."""
    entailments = nli.score([(passage, claim_statement(claim)) for claim, passage in pairs]) if nli else None
    return [
        corroborate(claim, passage, None, entailments[i] if entailments else None)
        for i, (claim, passage) in enumerate(pairs)
    ]


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


def team_results(path: Path = TEAM_PAIRS, nli: NliModel | None = None) -> tuple[list[Row], dict[str, Counter]]:
    """Accuracy per signal on the team's hand-annotated pairs, and confusion counts (gold, predicted) per signal."""
    confusion: dict[str, Counter] = {
        "numbers": Counter(),
        "quote": Counter(),
        "speaker": Counter(),
        "stance": Counter(),
    }
    forbidden = 0  # "supports" where gold says a figure mismatches or a quote is altered
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = [
        make_claim(r["claim"]["kind"], r["claim"]["text"], r["claim"].get("speaker"), r["claim"].get("sentence"))
        for r in records
    ]
    judged = corroborate_all([(claim, r["passage"]["text"]) for claim, r in zip(claims, records, strict=True)], nli)
    for pair, signals in zip(records, judged, strict=True):
        expected = pair["expected"]
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


def fever_symmetric_rows(folder: Path, nli: NliModel | None = None) -> list[Row]:
    """Among pairs where the stance is decided (supports or conflicts), how often it agrees with the label; and how
    often a REFUTES pair is called "supports"."""
    fired = correct = refutes_supported = refutes = 0
    with open(folder / "fever_symmetric_dev.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    judged = corroborate_all([(make_claim("numeric", r["claim"]), _detokenise(r["evidence"])) for r in records], nli)
    for record, signals in zip(records, judged, strict=True):
        stance = signals.stance.value
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


def climate_fever_rows(folder: Path, nli: NliModel | None = None) -> tuple[list[Row], Counter]:
    """Agreement of the stance with CLIMATE-FEVER's sentence labels (SUPPORTS, REFUTES, NOT_ENOUGH_INFO)."""
    mapping = {"SUPPORTS": "supports", "REFUTES": "conflicts", "NOT_ENOUGH_INFO": "related"}
    confusion: Counter = Counter()
    pairs, labels = [], []
    with open(folder / "climate-fever.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            claim = make_claim("numeric", record["claim"])
            for evidence in record["evidences"]:
                pairs.append((claim, evidence["evidence"]))
                labels.append(mapping[evidence["evidence_label"]])
    for label, signals in zip(labels, corroborate_all(pairs, nli), strict=True):
        confusion[(label, signals.stance.value)] += 1
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


def run(data_dir: Path, log=print, nli: NliModel | None = None) -> tuple[list[Row], list[str]]:
    """Every table of `factcheck eval corroboration` (`nli`: also use the optional NLI model)."""
    rows, team_confusion = team_results(nli=nli)
    log("team pairs scored")
    rows += fever_symmetric_rows(data_dir / "fever-symmetric", nli)
    log("FEVER-symmetric scored")
    climate_rows, climate_confusion = climate_fever_rows(data_dir / "climate-fever", nli)
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
