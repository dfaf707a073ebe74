"""Readers for the extraction evaluation sets: PolNeAR quotes, quantity specs, MeasEval, QuanTemp, the team set."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import CorpusFormatError

QUOTE_MARKS = "\"“”‘’'«»„"
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "its",
        "our",
        "my",
        "your",
        "who",
        "this",
        "that",
        "these",
        "those",
    ]
)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A direct quote: the span of its quoted words (marks excluded) and the speaker as the annotators marked it."""

    spans: tuple[tuple[int, int], ...]
    text: str
    source: str | None
    content_span: tuple[int, int] | None = None

    @property
    def named_source(self) -> bool:
        return bool(self.source) and self.source.strip().lower() not in PRONOUNS


@dataclass(frozen=True, slots=True)
class QuoteExample:
    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    """A figure as a data set annotates it. `start`/`end` are None where the set gives only the surface."""

    surface: str
    start: int | None
    end: int | None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    measured: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuantityExample:
    source: str
    text: str
    quantities: tuple[GoldQuantity, ...]
    tags: tuple[str, ...] = field(default_factory=tuple)


# ---- PolNeAR -------------------------------------------------------------------------------------------------------


def read_polnear(folder: Path, split: str = "dev") -> list[QuoteExample]:
    """Articles of a PolNeAR split with their direct quotes (one annotator's file per article: the first sorted).

    A direct quote is a Content span that starts or ends with a quote mark (the corpus README's rule). Its gold span
    is the part between the first opening mark and the last closing mark, so a partly quoted content
    (`that the team wanted to "keep it under wraps."`) is scored on the words actually quoted.
    """
    text_dir, ann_dir = folder / split / "text", folder / split / "attributions"
    if not text_dir.is_dir():
        raise CorpusFormatError(f"No PolNeAR split at {text_dir}; expected <data>/polnear/{split}/text/*.txt.")
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        article = path.stem.rsplit("_", 1)[0]
        chosen.setdefault(article, path)
    examples = []
    for article, ann_path in sorted(chosen.items()):
        text = (text_dir / f"{article}.txt").read_text(encoding="utf-8")
        spans, relations = _read_brat(ann_path)
        quotes = []
        for relation in relations:
            content = spans.get(relation.get("Content", ""))
            if content is None:
                continue
            pieces = content[1]
            first, last = pieces[0][0], pieces[-1][1]
            covered = text[first:last].strip()
            if not covered or not (covered[0] in QUOTE_MARKS or covered[-1] in QUOTE_MARKS):
                continue
            quoted = _quoted_part(text, pieces)
            if quoted is None:
                continue
            source = spans.get(relation.get("Source", ""))
            quotes.append(
                GoldQuote(
                    spans=(quoted,),
                    text=text[quoted[0] : quoted[1]],
                    source=source[2] if source else None,
                    content_span=(first, last),
                )
            )
        examples.append(QuoteExample(article, text, tuple(sorted(quotes, key=lambda q: q.spans[0]))))
    return examples


def _read_brat(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, str]]]:
    spans, relations = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if columns[0].startswith("T") and len(columns) >= 3:
            kind, offsets = columns[1].split(" ", 1)
            pieces = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
            spans[columns[0]] = (kind, pieces, columns[2])
        elif columns[0].startswith("E") and len(columns) >= 2:
            relations.append(dict(item.split(":", 1) for item in columns[1].split(" ") if ":" in item))
    return spans, relations


def _quoted_part(text: str, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    start, end = pieces[0][0], pieces[-1][1]
    opening = next((i for i in range(start, end) if text[i] in QUOTE_MARKS), None)
    closing = next((i for i in range(end - 1, start - 1, -1) if text[i] in QUOTE_MARKS), None)
    if opening is None:
        return None
    if closing is None or closing <= opening:
        # A quote whose closing mark lies outside the content (a paragraph-spanning quote): take the rest.
        closing = end
    inner_start, inner_end = opening + 1, closing
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return (inner_start, inner_end) if inner_end > inner_start else None


# ---- quantity specs ------------------------------------------------------------------------------------------------


def read_quantulum(folder: Path) -> list[QuantityExample]:
    """quantulum3's English fixtures (quantities.json and the ambiguity set). Ranges are midpoint ± uncertainty."""
    examples = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for case in json.loads((folder / name).read_text(encoding="utf-8")):
            gold = []
            cursor = 0
            for item in case["res"]:
                start = case["req"].find(item["surface"], cursor)
                if start >= 0:
                    cursor = start + len(item["surface"])
                uncertainty = item.get("uncertainty")
                value = float(item["value"])
                gold.append(
                    GoldQuantity(
                        surface=item["surface"],
                        start=start if start >= 0 else None,
                        end=start + len(item["surface"]) if start >= 0 else None,
                        value=value,
                        low=value - uncertainty if uncertainty else None,
                        high=value + uncertainty if uncertainty else None,
                        unit=item["unit"],
                    )
                )
            examples.append(QuantityExample(f"quantulum3/{name}", case["req"], tuple(gold)))
    return examples


RECOGNIZER_SPECS = {
    "number": "Number/NumberModel.json",
    "percent": "Number/PercentModel.json",
    "range": "Number/NumberRangeModel.json",
    "currency": "NumberWithUnit/CurrencyModel.json",
    "dimension": "NumberWithUnit/DimensionModel.json",
    "temperature": "NumberWithUnit/TemperatureModel.json",
    "duration": "DateTime/DurationParser.json",
}


def read_recognizers(folder: Path, spec: str) -> list[QuantityExample]:
    """One Microsoft Recognizers-Text English spec as quantity examples (End is inclusive there; made exclusive)."""
    examples = []
    for case in json.loads((folder / RECOGNIZER_SPECS[spec]).read_text(encoding="utf-8")):
        gold = []
        for result in case.get("Results", []):
            start = result.get("Start")
            end = start + result["Length"] if "Length" in result else result.get("End")
            if start is not None and "Length" not in result:
                end = end + 1
            resolution = result.get("Resolution") or {}
            value = low = high = None
            unit = resolution.get("unit")
            if spec == "range":
                low, high = _interval(resolution.get("value", ""))
            elif spec == "duration":
                seconds = (result.get("Value") or {}).get("FutureResolution", {}).get("duration")
                value = float(seconds) if seconds else None
                unit = "second"
            else:
                value = _number(resolution.get("value"))
            gold.append(GoldQuantity(result["Text"], start, end, value, low, high, unit))
        examples.append(QuantityExample(f"recognizers/{spec}", case["Input"], tuple(gold)))
    return examples


def _number(raw) -> float | None:
    if raw is None:
        return None
    try:
        return float(str(raw).rstrip("%").replace(",", ""))
    except ValueError:
        return None


def _interval(raw: str) -> tuple[float | None, float | None]:
    match = re.match(r"^[\[(]\s*([^,]*)\s*,\s*([^\])]*)\s*[\])]$", raw.strip())
    if not match:
        return None, None
    return _number(match.group(1) or None), _number(match.group(2) or None)


def read_measeval(folder: Path, split: str = "eval") -> list[QuantityExample]:
    """MeasEval paragraphs with their Quantity spans, unit strings and modifiers (IsApproximate, IsRange...)."""
    examples = []
    for text_path in sorted((folder / split / "text").glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        tsv = folder / split / "tsv" / f"{text_path.stem}.tsv"
        gold = []
        if tsv.is_file():
            with open(tsv, encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    if row["annotType"] != "Quantity":
                        continue
                    other = json.loads(row.get("other") or "{}")
                    start, end = int(row["startOffset"]), int(row["endOffset"])
                    gold.append(
                        GoldQuantity(row["text"], start, end, unit=other.get("unit"), tags=tuple(other.get("mods", [])))
                    )
        examples.append(QuantityExample(f"measeval/{split}", text, tuple(gold)))
    return examples


def read_quantemp(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """QuanTemp test claims, and the taxonomy subset as (claim, category)."""
    with open(folder / "test_claimdecomp.csv", encoding="utf-8", newline="") as handle:
        claims = [row["claims"].strip().strip('"').strip() for row in csv.DictReader(handle, delimiter="@")]
    with open(folder / "complex_num_facts_categorized_subset.csv", encoding="utf-8", newline="") as handle:
        categorised = [
            (row["claim"].strip().strip('"'), row["taxonomy_labels"].strip())
            for row in csv.DictReader(handle, delimiter="@")
        ]
    return claims, categorised


# ---- the team's own set --------------------------------------------------------------------------------------------


def read_team_set(path: Path) -> tuple[list[QuoteExample], list[QuantityExample]]:
    """tests/data/extraction_gold.jsonl: hand-annotated news paragraphs (see tests/data/README.md)."""
    quote_examples, quantity_examples = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        text, tags = record["text"], tuple(record.get("cases", []))
        quotes = tuple(GoldQuote(spans=(), text=q["text"], source=q.get("speaker")) for q in record.get("quotes", []))
        quote_examples.append(QuoteExample(record["id"], text, quotes))
        gold = []
        for item in record.get("quantities", []):
            start = -1
            for _ in range(int(item.get("occurrence", 1))):
                start = text.find(item["surface"], start + 1)
            if start < 0:
                raise CorpusFormatError(f"{path} line {number}: surface {item['surface']!r} is not in the text.")
            gold.append(
                GoldQuantity(
                    surface=item["surface"],
                    start=start,
                    end=start + len(item["surface"]),
                    value=item.get("value"),
                    low=item.get("low"),
                    high=item.get("high"),
                    unit=item.get("unit"),
                    qualifier=item.get("qualifier"),
                    measured=item.get("measured"),
                )
            )
        quantity_examples.append(QuantityExample(f"team/{record['id']}", text, tuple(gold), tags))
    return quote_examples, quantity_examples
