"""`factcheck eval extraction`: every extraction data set scored in one run, as rows for docs/extraction.md."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.evaluate import PROJECT_ROOT
from factcheck.evaluate.checkworthiness import checkworthiness_rows
from factcheck.evaluate.extraction import quantity_coverage, score_quantities, score_quotes
from factcheck.evaluate.extraction_data import (
    read_measeval,
    read_polnear,
    read_quantemp,
    read_quantulum,
    read_recognizers,
    read_team_set,
)
from factcheck.evaluate.report import Row, ratio_row, score_rows
from factcheck.extract import Quantity

TEAM_SET = PROJECT_ROOT / "tests" / "data" / "extraction_gold.jsonl"
# DimensionModel's kinds. Temperatures are TemperatureModel's (DimensionModel lists "the temperature is 24 degrees"
# with no result), so scoring them here counted right answers as false positives; angles and data sizes are its.
_MEASURES = ("length", "area", "volume", "mass", "speed", "angle", "data")

# What each Recognizers-Text spec annotates, so predictions of other kinds in its sentences are not counted.
SPEC_FILTERS: dict[str, Callable[[Quantity], bool]] = {
    "number": lambda q: True,
    "percent": lambda q: q.dimension in ("percent", "percentage_point"),
    "range": lambda q: q.low is not None or q.high is not None or q.qualifier is not None,
    "currency": lambda q: q.dimension == "currency",
    "dimension": lambda q: q.dimension in _MEASURES,
    "temperature": lambda q: q.dimension == "temperature",
    "duration": lambda q: q.dimension == "duration",
}


def evaluate_extraction(data_dir: Path, team_set: Path = TEAM_SET, log: Callable[[str], None] = print) -> list[Row]:
    rows: list[Row] = []

    def timed(name: str, work: Callable[[], list[Row]]) -> None:
        started = time.perf_counter()
        produced = work()
        rows.extend(produced)
        log(f"{name}: {len(produced)} figures in {time.perf_counter() - started:.1f}s")

    timed("polnear", lambda: _polnear_rows(data_dir))
    if team_set.is_file():
        timed("team set", lambda: _team_rows(team_set))
    timed("quantulum3", lambda: _quantity_rows("quantulum3 fixtures", read_quantulum(data_dir / "quantulum3-tests")))
    for spec, keep in SPEC_FILTERS.items():
        examples = read_recognizers(data_dir / "recognizers-text-specs", spec)
        bar = ">= 0.90" if spec in ("number", "percent", "currency", "dimension") else ""
        timed(
            f"recognizers {spec}",
            functools.partial(
                _quantity_rows, f"recognizers {spec}", examples, keep, in_seconds=(spec == "duration"), bar=bar
            ),
        )
    timed("measeval", lambda: _measeval_rows(data_dir))
    timed("quantemp", lambda: _quantemp_rows(data_dir))
    timed("check-worthiness", lambda: checkworthiness_rows(data_dir / "checkworthiness-claimbuster-clef"))
    return rows


def _polnear_rows(data_dir: Path) -> list[Row]:
    scores = score_quotes(read_polnear(data_dir / "polnear", "dev"))
    strict = score_quotes(read_polnear(data_dir / "polnear", "dev", per_relation=True))
    data = "PolNeAR dev direct quotes"
    # One gold item per quoted fragment, one prediction per quote part (see read_polnear and score_quotes).
    return [
        *score_rows(data, "quoted fragment (exact)", scores.exact),
        *score_rows(data, "quoted fragment (word overlap >= 0.5)", scores.overlap, ">= 0.90"),
        *score_rows(data, "quoted fragment (overlap, indirect-speech quotes not scored)", scores.overlap_judged),
        ratio_row(data, "speaker accuracy, named sources", scores.speaker_named, ">= 0.90"),
        ratio_row(data, "speaker accuracy, all sources", scores.speaker_all),
        # The stricter alternative unit: one gold quote per attribution relation, whole predicted quotes.
        *score_rows(data, "whole quote per relation (word overlap >= 0.5)", strict.overlap),
        ratio_row(data, "speaker accuracy, named sources (per relation)", strict.speaker_named),
    ]


def _team_rows(path: Path) -> list[Row]:
    quote_examples, quantity_examples = read_team_set(path)
    quotes = score_quotes(quote_examples, strict_speaker=True)
    data = "team set (tests/data)"
    rows = [
        *score_rows(data, "quote text (exact)", quotes.exact),
        *score_rows(data, "quote text (word overlap >= 0.5)", quotes.overlap),
        ratio_row(data, "speaker exact, named", quotes.speaker_named),
    ]
    quantities = score_quantities(quantity_examples)
    rows += score_rows(data, "quantity value", quantities.value, ">= 0.95")
    rows += [
        ratio_row(data, "unit accuracy (value-matched)", quantities.unit),
        ratio_row(data, "qualifier accuracy (value-matched)", quantities.qualifier),
        ratio_row(data, "measured accuracy (value-matched)", quantities.measured),
    ]
    return rows


def _quantity_rows(data: str, examples, keep=lambda q: True, *, in_seconds: bool = False, bar: str = "") -> list[Row]:
    scores = score_quantities(examples, keep, in_seconds=in_seconds)
    rows = score_rows(data, "span (overlap)", scores.span_overlap)
    rows += score_rows(data, "value", scores.value, bar)
    if scores.unit[1]:
        rows.append(ratio_row(data, "unit accuracy (value-matched, mapped units)", scores.unit))
    return rows


def _measeval_rows(data_dir: Path) -> list[Row]:
    scores = score_quantities(read_measeval(data_dir / "measeval", "eval"))
    data = "MeasEval eval (science, out of domain)"
    rows = [
        *score_rows(data, "span (exact)", scores.span_exact),
        *score_rows(data, "span (overlap)", scores.span_overlap),
    ]
    for tag in ("IsApproximate", "IsRange"):
        if tag in scores.recall_by_tag:
            rows.append(ratio_row(data, f"span recall, {tag}", scores.recall_by_tag[tag]))
    return rows


def _quantemp_rows(data_dir: Path) -> list[Row]:
    claims, categorised = read_quantemp(data_dir / "quantemp")
    data = "QuanTemp test claims"
    rows = [
        ratio_row(data, "share with >= 1 quantity", quantity_coverage(claims, with_dates=False)),
        ratio_row(data, "share with >= 1 quantity or date", quantity_coverage(claims, with_dates=True), ">= 0.95"),
    ]
    for category in sorted({c for _, c in categorised}):
        subset = [claim for claim, c in categorised if c == category]
        rows.append(
            ratio_row(
                "QuanTemp taxonomy subset",
                f"{category}: >= 1 quantity or date",
                quantity_coverage(subset, with_dates=True),
            )
        )
    return rows
