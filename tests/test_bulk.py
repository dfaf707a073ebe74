"""Bulk checking: articles grouped, results per article in order, the journal and resuming, the rate."""

import json
import shutil

import pytest

from factcheck.bulk import Journal, Rate, ResumeError, check_articles
from factcheck.cli import main
from factcheck.errors import UnreadableFileError
from factcheck.readers import read_path
from factcheck.store import IndexStore
from tests.helpers import SEEDS


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for number, source in enumerate(sorted((SEEDS / "articles").glob("*.txt")) * 2):
        shutil.copy(source, folder / f"{number:02d}_{source.name}")
    return folder


@pytest.fixture
def demo(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("demo", embedder)
    corpus.add_documents([d for p in sorted((SEEDS / "corpus").iterdir()) for d in read_path(p)], embedder)
    return corpus


def test_results_come_per_article_in_order_whatever_the_group(archive, demo, embedder):
    paths = sorted(archive.iterdir())
    one = list(check_articles(paths, [demo], embedder, read_path, 2, group=1))
    many = list(check_articles(paths, [demo], embedder, read_path, 2, group=5))
    assert [r.path for r in one] == [r.path for r in many] == paths
    assert [[c.to_dict() for c in r.checked] for r in one] == [[c.to_dict() for c in r.checked] for r in many]
    assert all(r.checked and r.checked[0].claim.doc == r.path.name for r in many)


def test_an_unreadable_article_is_reported_and_the_rest_checked(archive, demo, embedder):
    bad = archive / "000_broken.pdf"
    bad.write_bytes(b"not a pdf")
    results = list(check_articles(sorted(archive.iterdir()), [demo], embedder, read_path, 2, group=3))
    assert results[0].path == bad and results[0].error and not results[0].checked
    assert all(r.checked for r in results[1:])
    with pytest.raises(UnreadableFileError):
        list(check_articles([bad], [demo], embedder, read_path, 2, stop_on_error=True))


def test_rate_per_minute_and_time_left():
    rate = Rate(done=30, total=120, claims=400, seconds=60.0)
    assert rate.per_minute == pytest.approx(30.0)
    assert rate.seconds_left == pytest.approx(180.0)
    assert "30/120 articles" in rate.describe() and "3 min left" in rate.describe()
    assert Rate(0, 10, 0, 0.0).seconds_left is None


def test_journal_cuts_a_half_written_article_and_lists_finished_ones(tmp_path):
    output = tmp_path / "out.jsonl"
    journal = Journal(output)
    journal.start()
    output.write_bytes(b'{"a": 1}\n')
    journal.record("a.txt", 9)
    with open(output, "ab") as handle:
        handle.write(b'{"b": 1')  # interrupted mid-article
    assert Journal(output).finished() == {"a.txt"}
    assert output.read_bytes() == b'{"a": 1}\n'


def test_resuming_a_file_without_journal_is_refused(tmp_path):
    output = tmp_path / "out.jsonl"
    output.write_text('{"x": 1}\n')
    with pytest.raises(ResumeError, match="no journal"):
        Journal(output).finished()
    assert output.read_text() == '{"x": 1}\n'  # nothing stored is lost


def cli(index_dir, *args):
    return main(["--index-dir", str(index_dir), "--embedder", "hash", *args])


def test_cli_resume_checks_only_the_remaining_articles(archive, index_dir, tmp_path, capsys):
    assert cli(index_dir, "index", "add", "demo", str(SEEDS / "corpus")) == 0
    out = tmp_path / "checked.jsonl"
    assert cli(index_dir, "check", str(archive), "--corpus", "demo", "--out", str(out)) == 0
    full = out.read_text().splitlines()
    err = capsys.readouterr().err
    assert "articles/minute" in err
    journal = out.with_name("checked.jsonl.done").read_text().splitlines()
    assert len(journal) == len(list(archive.iterdir()))

    # Interrupted after three articles, half-way through the fourth:
    three = int(journal[2].rsplit("\t", 1)[1])
    out.write_bytes(out.read_bytes()[: three + 10])
    out.with_name("checked.jsonl.done").write_text("\n".join(journal[:3]) + "\n")
    assert cli(index_dir, "check", str(archive), "--corpus", "demo", "--out", str(out), "--resume") == 0
    assert "resuming: 3 articles already" in capsys.readouterr().err
    assert out.read_text().splitlines() == full
    assert all(json.loads(line)["candidates"] for line in full)


def test_cli_resume_needs_a_jsonl_output(archive, index_dir):
    assert cli(index_dir, "index", "add", "demo", str(SEEDS / "corpus")) == 0
    assert cli(index_dir, "check", str(archive), "--corpus", "demo", "--resume") == 1
