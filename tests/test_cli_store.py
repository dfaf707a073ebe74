"""The CLI contract on a Milvus store (`--store milvus-lite:PATH.db`), and moving a corpus between stores."""

import json

import pytest

from factcheck.cli import main
from factcheck.store.ingest import JOURNAL_NAME, IngestJournal
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


def test_bulk_check_of_a_folder_and_a_resumed_add_on_milvus(cli, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    sources = sorted((SEEDS / "corpus").iterdir())
    for source in sources:
        (folder / source.name).write_bytes(source.read_bytes())
    index_dir = tmp_path / "indexes"
    # An interrupted `index add` of the folder: the first file was added and journaled (under --index-dir, since a
    # Milvus corpus has no folder of its own); the resumed run reads only the others.
    code, _, err = cli("--index-dir", str(index_dir), "index", "add", "demo", str(folder / sources[0].name))
    assert code == 0, err
    IngestJournal(index_dir / ".milvus-ingest" / "demo").record([folder / sources[0].name])
    code, _, err = cli("--index-dir", str(index_dir), "index", "add", "demo", str(folder), "--resume")
    assert code == 0 and "1 files were done before the interruption" in err, err
    assert not (index_dir / ".milvus-ingest" / "demo" / JOURNAL_NAME).exists()  # a finished run removes it
    code, out, _ = cli("index", "list", "--format", "jsonl")
    whole = jsonl(out)[0]
    code, _, err = cli("--index-dir", str(tmp_path / "other"), "index", "add", "whole", str(folder))
    code, out, _ = cli("index", "list", "--format", "jsonl")
    assert {r["name"]: (r["documents"], r["passages"]) for r in jsonl(out)}["whole"] == (
        whole["documents"],
        whole["passages"],
    )
    # Bulk check of a folder of articles against the Milvus corpus, resumable from its journal.
    articles = SEEDS / "articles"
    out_file = tmp_path / "checked.jsonl"
    code, _, err = cli("check", str(articles), "--corpus", "demo", "--out", str(out_file))
    assert code == 0 and "articles/minute" in err, err
    checked = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert {r["doc"] for r in checked} == {p.name for p in articles.iterdir()}
    assert all(r["candidates"] for r in checked)


def test_backup_and_restore_of_a_milvus_corpus(cli, tmp_path):
    code, _, err = cli("index", "add", "archive", str(SEEDS / "fact-checks" / "sample-feed.json"))
    assert code == 0, err
    archive = tmp_path / "archive.tar"
    code, _, err = cli("backup", "corpus", "archive", "--out", str(archive))
    assert code == 0 and archive.is_file(), err
    # The archive is the folder store's: it restores into a folder, and into Milvus under another name.
    folder = tmp_path / "folder"
    code, _, err = cli("restore", "corpus", str(archive), store_spec=str(folder))
    assert code == 0, err
    code, _, err = cli("restore", "corpus", str(archive))
    assert code == 1 and "already has a corpus named 'archive'" in err
    code, _, err = cli("restore", "corpus", str(archive), "--replace")
    assert code == 1 and "--replace is for folder stores" in err
    code, _, err = cli("restore", "corpus", str(archive), "--as", "archive-copy")
    assert code == 0, err
    code, out, _ = cli("index", "list", "--format", "jsonl")
    listed = {r["name"]: r for r in jsonl(out)}
    code, out, _ = cli("index", "list", "--format", "jsonl", store_spec=str(folder))
    (in_folder,) = jsonl(out)
    for record in (listed["archive-copy"], in_folder):
        assert (record["kind"], record["documents"], record["passages"]) == (
            "fact-check",
            listed["archive"]["documents"],
            listed["archive"]["passages"],
        )
    code, out, _ = cli("search", "archive-copy", "aid requests approved in August", "--top-k", "1")
    assert jsonl(out)[0]["hits"][0]["review"]["rating"] == "False"
    code, _, err = cli("backup", "corpus", "nothing", "--out", str(tmp_path / "nothing.tar"))
    assert code == 1 and "No corpus named 'nothing'" in err and not (tmp_path / "nothing.tar").exists()
