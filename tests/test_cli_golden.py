"""The command line's JSONL and CSV output byte for byte: `extract`, `search` and `check` of the seed articles against
the seed corpus and the seed fact-check feed with the hash embedder, against files written before the records moved
onto `factcheck/serialise.py`.

To write the expected files anew after a deliberate change of the output, run this module with
FACTCHECK_WRITE_GOLDEN=1 and review the diff of tests/data/golden/ like any other change.
"""

import csv
import io
import json
import math
import os
from pathlib import Path

import pytest

from factcheck.cli import main
from tests.helpers import SEEDS, assert_same_bytes

EXPECTED = Path(__file__).parent / "data" / "golden"
ARTICLES = sorted((SEEDS / "articles").iterdir())


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    """The seed corpus as `demo` and the seed ClaimReview feed as `checks`, embedded with the hash embedder."""
    folder = tmp_path_factory.mktemp("golden") / "indexes"
    assert _main(folder, "index", "add", "demo", str(SEEDS / "corpus")) == 0
    assert _main(folder, "index", "add", "checks", str(SEEDS / "fact-checks" / "sample-feed.json")) == 0
    return folder


def _main(index_dir: Path, *args: str) -> int:
    return main(["--index-dir", str(index_dir), "--embedder", "hash", *args])


def _output(index_dir: Path, tmp_path: Path, *args: str) -> bytes:
    out = tmp_path / "out"
    assert _main(index_dir, *args, "--out", str(out)) == 0
    data = out.read_bytes()
    assert data.strip(), f"{args} wrote nothing"
    return data


def _check(name: str, data: bytes) -> None:
    """Byte for byte, except that a score may differ in its last rounded digit: another CPU's vector kernels sum in
    another order, and a score on a rounding boundary then rounds the other way. Everything else must be equal."""
    expected = EXPECTED / name
    if os.environ.get("FACTCHECK_WRITE_GOLDEN") == "1" or data == expected.read_bytes():
        assert_same_bytes(expected, data, "FACTCHECK_WRITE_GOLDEN")
        return
    before = _records(name, expected.read_bytes())
    assert _records(name, data) == before, f"{name} differs from the output written before"


class _Close(float):
    """A float equal to another within the last rounded digit of the output (4 places)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, float) and math.isclose(self, other, rel_tol=0, abs_tol=2e-4)

    __hash__ = float.__hash__


def _records(name: str, data: bytes) -> list:
    text = data.decode("utf-8")
    if name.endswith(".jsonl"):
        return [json.loads(line, parse_float=_Close) for line in text.splitlines() if line.strip()]
    return [[_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text))]


def _cell(cell: str) -> object:
    try:
        return _Close(cell) if "." in cell else cell
    except ValueError:
        return cell


def test_there_are_seed_articles():
    assert len(ARTICLES) >= 3


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_check_output_is_unchanged(index_dir, tmp_path, output_format):
    paths = [str(path) for path in ARTICLES]
    data = _output(
        index_dir, tmp_path, "check", *paths, "--corpus", "demo", "--corpus", "checks", "--format", output_format
    )
    _check(f"check.{output_format}", data.replace(str(SEEDS).encode(), b"SEEDS"))


@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_extract_output_is_unchanged(index_dir, tmp_path, output_format):
    data = _output(index_dir, tmp_path, "extract", *(str(path) for path in ARTICLES), "--format", output_format)
    _check(f"extract.{output_format}", data)


def test_search_output_is_unchanged(index_dir, tmp_path):
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        '{"id": "q1", "text": "almost 600,000 people live under siege"}\n'
        '{"id": "q2", "text": "Kerry asked for a 48-hour pause"}\n',
        encoding="utf-8",
    )
    data = _output(index_dir, tmp_path, "search", "checks", "--queries", str(queries), "--top-k", "3")
    _check("search-checks.jsonl", data)
    data = _output(index_dir, tmp_path, "search", "demo", "a 48-hour pause in Aleppo", "--mode", "dense")
    _check("search-demo.jsonl", data)


def test_a_score_may_differ_only_in_its_last_rounded_digit():
    line = '{"claim": "a", "score": 0.12345, "stance": "supports"}\n'
    assert _records("x.jsonl", line.encode()) == _records("x.jsonl", line.replace("0.12345", "0.12355").encode())
    assert _records("x.jsonl", line.encode()) != _records("x.jsonl", line.replace("0.12345", "0.1245").encode())
    assert _records("x.jsonl", line.encode()) != _records("x.jsonl", line.replace("supports", "conflicts").encode())
    assert _records("x.csv", b"a,0.5000\n") == _records("x.csv", b"a,0.5001\n")
    assert _records("x.csv", b"a,0.5000\n") != _records("x.csv", b"b,0.5000\n")
