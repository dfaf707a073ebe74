"""The stand-in ingest's generated archive and its measured process run (the benchmark itself is run by hand)."""

import json
import sys

import pytest

from factcheck.evaluate.bench_ingest import SENTENCES_PER_ARTICLE, news_sentences, run_measured, write_archive


def test_news_sentences_are_reproducible_numbered_and_distinct():
    first = news_sentences(50, seed=3, first=100)
    assert first == news_sentences(50, seed=3, first=100)
    assert len(set(first)) == 50 and "in report 100 of the series." in first[0]
    assert first != news_sentences(50, seed=4, first=100)


def test_the_archive_holds_exactly_the_passages_asked_for(tmp_path, monkeypatch):
    monkeypatch.setattr("factcheck.evaluate.bench_ingest.ARTICLES_PER_FILE", 2)
    paths = write_archive(tmp_path, 45)
    records = [json.loads(line) for path in paths for line in path.read_text().splitlines()]
    assert len(paths) == 3  # 5 articles of 10 sentences, then one of 5: two per file
    assert len(records) == 5 and records[-1]["text"].count("of the series.") == 45 - 4 * SENTENCES_PER_ARTICLE
    assert len({r["id"] for r in records}) == 5


def test_a_measured_run_reports_its_own_memory_and_a_failure_says_so():
    run = run_measured([sys.executable, "-c", "x = bytearray(200 * 1024 * 1024); print('done')"], {})
    assert run.peak_rss_mb >= 200 and run.output.strip() == "done"
    with pytest.raises(RuntimeError, match="failed"):
        run_measured([sys.executable, "-c", "raise SystemExit(3)"], {})
