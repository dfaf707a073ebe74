"""Readers for the extraction evaluation sets: PolNeAR quotes, quantity specs, MeasEval, QuanTemp, the team set."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import CorpusFormatError
from factcheck.evaluate.quote_gold import is_direct_quote, quoted_fragments

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
        "whom",
        "which",
        "this",
        "that",
        "these",
        "those",
    ]
)


_REPORTING_VERBS = frozenset(["said", "says", "say", "told", "added", "wrote", "asked"])


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A direct quote: the span of its quoted words (marks excluded) and the speaker as the annotators marked it.

    From PolNeAR, one quoted fragment (see `read_polnear`) with `content_span` the extent of its Content span; from
    the team set, one quote as its guideline defines it, with text only and no `spans`.
    """

    spans: tuple[tuple[int, int], ...]
    text: str
    source: str | None
    content_span: tuple[int, int] | None = None

    @property
    def named_source(self) -> bool:
        return bool(self.source and self.source.strip().lower() not in PRONOUNS)


@dataclass(frozen=True, slots=True)
class QuoteExample:
    """A document and its gold quotes. `by_fragment`: the gold lists each quoted fragment on its own, so each part
    of a predicted quote is scored on its own. `unjudged`: quoted fragments the gold neither calls direct quotes nor
    rules out (quoted words inside indirect speech)."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]
    by_fragment: bool = False
    unjudged: tuple[tuple[int, int], ...] = ()


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


def read_polnear(folder: Path, split: str = "dev", *, per_relation: bool = False) -> list[QuoteExample]:
    """Articles of a PolNeAR split with their direct quotes (one annotator's file per article: the first sorted).

    A direct-quote Content span is one that starts or ends with a quote mark (the corpus README's rule). Each quoted
    fragment inside it is one gold quote (`quote_gold.quoted_fragments`): the words between an opening mark and its
    closing mark, with the relation's Source as speaker. So `"We want," he said, "a ceasefire."` gives two gold
    quotes, `that the team wanted to "keep it under wraps."` gives "keep it under wraps.", and the reporter's
    words between fragments (`a "nasty guy," an "anchor baby" and "unstable"`) belong to none. The fragment, not the
    Content span, is the unit because it is what a reader takes as the speaker's own words, and because grouping
    fragments into one quote is a choice the annotators (one Content per attribution relation) and the extractor
    (parts joined only across their attribution) make differently. A relation's second Content span (`Content2`)
    counts like the first; a Source that is only a reporting verb ("said": the annotator selected the cue) gives
    no speaker. Quoted fragments inside the other Content spans (indirect speech: `were "well-paid," making
    $30,000 a year`) go to `unjudged`.

    `per_relation=True` gives the stricter alternative: one gold quote per direct-quote relation (its fragments
    joined), matched against whole predicted quotes.
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
        quotes: dict[tuple[int, int], GoldQuote] = {}
        unjudged: set[tuple[int, int]] = set()
        for relation, pieces in _contents(spans, relations):
            fragments = quoted_fragments(text, pieces)
            if not is_direct_quote(text, pieces):
                unjudged.update(fragments)
                continue
            source = spans.get(relation.get("Source", ""))
            if per_relation and fragments:
                quotes.setdefault(
                    fragments[0],
                    GoldQuote(
                        spans=tuple(fragments),
                        text=" ".join(text[a:b] for a, b in fragments),
                        source=_source_text(source),
                        content_span=(pieces[0][0], pieces[-1][1]),
                    ),
                )
                continue
            for fragment in fragments:
                quotes.setdefault(
                    fragment,
                    GoldQuote(
                        spans=(fragment,),
                        text=text[fragment[0] : fragment[1]],
                        source=_source_text(source),
                        content_span=(pieces[0][0], pieces[-1][1]),
                    ),
                )
        gold = tuple(quotes[fragment] for fragment in sorted(quotes))
        examples.append(
            QuoteExample(article, text, gold, by_fragment=not per_relation, unjudged=tuple(sorted(unjudged)))
        )
    return examples


def _contents(spans: dict, relations: list[dict[str, str]]) -> list[tuple[dict[str, str], list[tuple[int, int]]]]:
    """Each relation's Content spans with their sorted pieces: `Content`, and `Content2` when a relation has two."""
    found = []
    for relation in relations:
        for role in ("Content", "Content2"):
            content = spans.get(relation.get(role, ""))
            if content is not None:
                found.append((relation, sorted(content[1])))
    return found


def _source_text(source: tuple | None) -> str | None:
    """The Source span's words; None when there is none, or when it is a reporting verb (an annotator selected the
    cue, as with eight Sources reading "said" in the dev split: no speaker can match those)."""
    if source is None or source[2].strip().lower() in _REPORTING_VERBS:
        return None
    return source[2]


def _read_brat(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.split("\t")
        if columns[0].startswith("T") and len(columns) >= 3:
            kind, offsets = columns[1].split(" ", 1)
            pieces = [(int(start), int(end)) for start, end in (piece.split() for piece in offsets.split(";"))]
            spans[columns[0]] = (kind, pieces, columns[2])
        elif columns[0].startswith("E") and len(columns) >= 2:
            relations.append(dict(item.split(":", 1) for item in columns[1].split(" ") if ":" in item))
    return spans, relations


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
            if value is None and low is None and high is None:
                # A unit named without a number ("How do I calculate a percentage?", "the dollar", "metric ton")
                # resolves to "null": no figure to check. Kept, it counted as found by any overlapping figure
                # (the span-only rule meant for MeasEval) and as missed otherwise.
                continue
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
