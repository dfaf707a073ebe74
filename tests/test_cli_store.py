"""The CLI contract on a Milvus store (`--store milvus-lite:PATH.db`), and moving a corpus between stores."""

import json

import pytest

from factcheck.cli import main
from tests.helpers import SEEDS

ARTICLE = SEEDS / "articles" / "aleppo_truce_talks.txt"


@pytest.fixture
def cli(tmp_path, capsys):
    store = f"milvus-lite:{tmp_path / 'corpora.db'}"

    def call(*args, store_spec=store):
        code = main(["--store", store_spec, "--embedder", "hash", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


def test_the_whole_cli_contract_on_milvus(cli, tmp_path):
    code, _, err = cli("index", "add", "demo", str(SEEDS / "corpus"))
    assert code == 0 and "added" in err
    code, out, _ = cli("index", "list", "--format", "jsonl")
    (info,) = jsonl(out)
    assert (info["name"], info["model"]) == ("demo", "hash-bag-of-words") and info["passages"] > 0
    code, out, _ = cli("search", "demo", "almost 600,000 people under siege", "--top-k", "3")
    (record,) = jsonl(out)
    assert code == 0 and len(record["hits"]) == 3
    assert {"rank", "score", "doc_id", "passage_id", "text", "dense_rank", "lexical_rank"} <= set(record["hits"][0])
    code, out, _ = cli("search", "demo", "600,000", "--mode", "lexical", "--since", "2016-08-20")
    assert code == 0 and all(h["date"] >= "2016-08-20" for h in jsonl(out)[0]["hits"])
    code, out, _ = cli("check", str(ARTICLE), "--corpus", "demo", "--top-k", "2")
    assert code == 0 and any(r["candidates"] for r in jsonl(out))
    doc_id = jsonl(cli("search", "demo", "siege")[1])[0]["hits"][0]["doc_id"]
    code, _, err = cli("index", "remove-docs", "demo", doc_id)
    assert code == 0 and "removed 1 documents" in err
    code, _, err = cli("index", "rebuild", "demo")
    assert code == 0 and "rebuilt" in err
    folder = tmp_path / "folder"
    code, _, err = cli("index", "migrate", "demo", "--to", str(folder))
    assert code == 0 and "nothing re-embedded" in err
    code, out, _ = cli("index", "list", "--format", "jsonl")
    (after_removal,) = jsonl(out)
    code, out, _ = cli("index", "list", "--format", "jsonl", store_spec=str(folder))
    (copied,) = jsonl(out)
    assert (copied["documents"], copied["passages"]) == (after_removal["documents"], after_removal["passages"])
    code, out, _ = cli("search", "demo", "a 48-hour pause", store_spec=str(folder))
    assert code == 0 and jsonl(out)[0]["hits"]
    code, _, err = cli("index", "remove", "demo")
    assert code == 0
    code, _, err = cli("search", "demo", "siege")
    assert code == 1 and "No corpus named 'demo'" in err


def test_a_store_that_is_not_a_milvus_file_is_one_line(cli, capsys):
    code, _, err = cli("index", "list", store_spec="milvus-lite:corpora.sqlite")
    assert code == 1 and "ending in .db" in err
