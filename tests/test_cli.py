import csv
import io
import json
import subprocess
import sys

import pytest

from factcheck.cli import build_parser, main
from tests.helpers import PROJECT_ROOT, SEEDS

ARTICLE = SEEDS / "articles" / "aleppo_truce_talks.txt"


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def cli(index_dir, capsys):
    def call(*args):
        return run(capsys, "--index-dir", str(index_dir), "--embedder", "hash", *args)

    return call


def jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


def test_extract_jsonl_has_the_contract_fields(cli):
    code, out, _ = cli("extract", str(ARTICLE))
    assert code == 0
    records = jsonl(out)
    assert records
    for record in records:
        assert {"doc", "claim_id", "kind", "text", "speaker", "sentence", "start", "end", "quantities"} <= set(record)
        assert record["doc"] == ARTICLE.name
        assert record["kind"] in ("quote", "numeric")
        for quantity in record["quantities"]:
            assert {"surface", "value", "unit", "qualifier", "low", "high"} <= set(quantity)
    assert any(r["kind"] == "quote" and r["speaker"] for r in records)
    assert any(q["value"] == 600000 for r in records for q in r["quantities"])


def test_extract_offsets_point_into_the_document(cli):
    from factcheck.readers import read_path

    text = read_path(ARTICLE)[0].text
    _, out, _ = cli("extract", str(ARTICLE))
    records = jsonl(out)
    numeric = [r for r in records if r["kind"] == "numeric"]
    quotes = [r for r in records if r["kind"] == "quote"]
    assert len(numeric) >= 3 and len(quotes) >= 3
    for record in numeric:
        assert text[record["start"] : record["end"]] == record["text"]
    for record in quotes:  # a quote's span runs from its first word to its last, marks and attribution excluded
        first, last = record["text"].split()[0], record["text"].split()[-1]
        assert text[record["start"] :].startswith(first) and text[: record["end"]].endswith(last)
    for record in records:
        for quantity in record["quantities"]:
            assert text[quantity["start"] : quantity["end"]] == quantity["surface"]


def test_extract_csv_flattens_quantities(cli, tmp_path):
    target = tmp_path / "claims.csv"
    code, out, err = cli("extract", str(ARTICLE), "--format", "csv", "--out", str(target))
    assert code == 0 and out == "" and "wrote" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {"claim_id", "kind", "text", "quantities", "values", "units", "qualifiers"} <= set(rows[0])


def test_index_add_list_search_check_remove(cli, tmp_path):
    code, _, err = cli("index", "add", "demo", str(SEEDS / "corpus"))
    assert code == 0 and "added" in err
    code, out, _ = cli("index", "list", "--format", "jsonl")
    [info] = jsonl(out)
    assert info["name"] == "demo" and info["passages"] >= 30

    code, out, _ = cli("search", "demo", "a 48-hour pause in Aleppo", "--top-k", "3")
    [record] = jsonl(out)
    assert record["query"] == "a 48-hour pause in Aleppo"
    assert [h["rank"] for h in record["hits"]] == [1, 2, 3]
    for hit in record["hits"]:
        assert {"rank", "score", "doc_id", "passage_id", "text", "title", "url", "date"} <= set(hit)

    queries = tmp_path / "queries.jsonl"
    queries.write_text('{"id": "q1", "text": "600,000 under siege"}\n{"id": "q2", "text": "Darayya"}\n')
    code, out, _ = cli("search", "demo", "--queries", str(queries), "--top-k", "2")
    assert [r["id"] for r in jsonl(out)] == ["q1", "q2"]

    code, out, _ = cli("check", str(ARTICLE), "--corpus", "demo", "--top-k", "2")
    records = jsonl(out)
    assert code == 0 and records and all(len(r["candidates"]) >= 2 for r in records)
    # below the two asked for, only a support on the claim's own figures or words (check.JUDGED_DEPTH): confident,
    # or on a value of 10 or more alone
    deeper = [c for r in records for c in r["candidates"] if c["rank"] > 2]
    assert all(c["signals"]["stance"] == "supports" for c in deeper)

    code, out, _ = cli("check", str(ARTICLE), "--corpus", "demo", "--format", "csv")
    assert "candidate_passage_id" in out.splitlines()[0]

    assert cli("index", "remove", "demo")[0] == 0
    assert jsonl(cli("index", "list", "--format", "jsonl")[1]) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "no/such/file.txt"], "no/such/file.txt"),
        (["check", str(ARTICLE), "--corpus", "nope"], "No corpus named 'nope'"),
        (["search", "nope", "text"], "No corpus named 'nope'"),
        (["index", "remove", "nope"], "No corpus named 'nope'"),
        (["index", "add", "bad/name", str(ARTICLE)], "Invalid corpus name"),
        (["search", "demo"], "either a TEXT"),
        (["search", "nope", "--queries", "no/such/queries.jsonl"], "no/such/queries.jsonl does not exist"),
        (["export", "--reviews", "no/such/reviews.sqlite3"], "No review database"),
        (["bench", "retrieval", "--sizes", "ten"], "--sizes takes whole numbers"),
        (["index", "add", "demo", str(ARTICLE), "--text-column", " "], "text column needs a name"),
    ],
)
def test_user_errors_exit_non_zero_with_one_line(cli, args, message):
    code, out, err = cli(*args)
    assert code == 1
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_unreadable_format_is_a_user_error(cli, tmp_path):
    odd = tmp_path / "article.xyz"
    odd.write_text("text")
    code, _, err = cli("extract", str(odd))
    assert code == 1 and ".xyz" in err


def test_bad_top_k_is_a_usage_error(cli):
    with pytest.raises(SystemExit) as exit_info:
        cli("search", "demo", "x", "--top-k", "0")
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    ("raised", "code", "message"),
    [
        (KeyboardInterrupt, 130, "interrupted"),  # Ctrl-C: the shell's convention, 128 + SIGINT
        (BrokenPipeError, 0, ""),  # the reader went away (`| head`): not an error, and nothing to say
    ],
    ids=["ctrl-c", "broken-pipe"],
)
def test_exit_codes_of_an_interrupted_or_cut_off_run(cli, monkeypatch, raised, code, message):
    def stopped(arguments):
        raise raised

    monkeypatch.setattr("factcheck.cli.run_extract", stopped)
    exit_code, _, err = cli("extract", str(ARTICLE))
    assert exit_code == code
    assert message in err and (message or err == "")


@pytest.mark.parametrize(
    "bug", [ValueError("a bug"), TypeError("a bug"), KeyError("a bug")], ids=lambda bug: type(bug).__name__
)
def test_a_programming_error_is_a_traceback_not_a_user_message(cli, monkeypatch, bug):
    def broken(arguments):
        raise bug

    monkeypatch.setattr("factcheck.cli.run_extract", broken)
    with pytest.raises(type(bug)):
        cli("extract", str(ARTICLE))


def test_an_input_error_is_a_user_message(cli, monkeypatch):
    from factcheck.errors import InputError

    def refused(arguments):
        raise InputError("--format must be jsonl here; drop --format.")

    monkeypatch.setattr("factcheck.cli.run_extract", refused)
    assert cli("extract", str(ARTICLE)) == (1, "", "factcheck: error: --format must be jsonl here; drop --format.\n")


def test_the_evaluation_data_folder_comes_from_the_option_then_the_environment(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / "from-environment"))
    code, _, err = cli("eval", "extraction")
    assert code == 1 and "from-environment" in err and "docs/data.md" in err
    code, _, err = cli("eval", "extraction", "--data-dir", str(tmp_path / "from-option"))
    assert code == 1 and "from-option" in err and "from-environment" not in err


def test_every_command_documents_an_example():
    parser = build_parser()
    assert "Example" in parser.format_help()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    for name, sub in actions[0].choices.items():
        nested = [a for a in sub._actions if a.__class__.__name__ == "_SubParsersAction"]
        for leaf in nested[0].choices.values() if nested else [sub]:
            assert "Example" in leaf.format_help(), name


def test_python_dash_m_works_the_same():
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "--embedder", "hash", "extract", str(ARTICLE)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert jsonl(result.stdout)


def test_modes_filters_remove_docs_and_rebuild(cli):
    assert cli("index", "add", "demo", str(SEEDS / "corpus"))[0] == 0
    for mode in ("dense", "lexical", "hybrid"):
        code, out, _ = cli("search", "demo", "8,000 residents Darayya", "--mode", mode, "--top-k", "2")
        assert code == 0 and jsonl(out)[0]["hits"], mode
    code, out, _ = cli("search", "demo", "Aleppo", "--source", "UN OCHA briefing (sample)", "--since", "2016-08")
    hits = jsonl(out)[0]["hits"]
    assert hits and all(h["source"] == "UN OCHA briefing (sample)" and h["date"] >= "2016-08" for h in hits)
    assert cli("search", "demo", "Aleppo", "--since", "August")[0] == 1

    code, _, err = cli("index", "remove-docs", "demo", "un-2016-08-19-01", "no-such-id")
    assert code == 0 and "removed 1" in err and "1 ids were not in it" in err
    code, out, _ = cli("search", "demo", "48-hour pause", "--top-k", "20")
    assert "un-2016-08-19-01" not in {h["doc_id"] for h in jsonl(out)[0]["hits"]}

    code, _, err = cli("index", "rebuild", "demo")
    assert code == 0 and "rebuilt" in err
    assert cli("index", "rebuild", "nope")[0] == 1
