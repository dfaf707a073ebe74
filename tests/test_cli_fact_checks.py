"""The CLI with a fact-check corpus: ClaimReview feeds added, the kind listed, reviews on hits, earlier fact-checks
on checked claims (JSONL and CSV), tweets matched as the claims they carry."""

from __future__ import annotations

import csv
import io
import json

import pytest

from factcheck.earlier import clean_social_text
from tests.helpers import SEEDS
from tests.test_cli import jsonl, run

FEED = SEEDS / "fact-checks" / "sample-feed.json"


@pytest.fixture(params=["folder", "milvus-lite"])
def cli(request, index_dir, tmp_path, capsys):
    """The CLI on a folder store and on a Milvus Lite store (issue 10's behaviour on both backends)."""
    store = str(index_dir) if request.param == "folder" else f"milvus-lite:{tmp_path / 'corpora.db'}"

    def call(*args):
        return run(capsys, "--index-dir", str(index_dir), "--store", store, "--embedder", "hash", *args)

    return call


@pytest.fixture
def archive(cli):
    code, _, err = cli("index", "add", "archive", str(FEED))
    assert code == 0, err
    return cli


def test_index_list_shows_the_kind(archive):
    archive("index", "add", "demo", str(SEEDS / "corpus"))
    _, out, _ = archive("index", "list")
    lines = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:]}
    assert lines == {"archive": "fact-check", "demo": "evidence"}
    _, out, _ = archive("index", "list", "--format", "jsonl")
    assert {r["name"]: r["kind"] for r in jsonl(out)} == {"archive": "fact-check", "demo": "evidence"}


def test_search_hits_carry_the_review_in_jsonl_and_csv(archive, tmp_path):
    queries = tmp_path / "tweets.jsonl"
    tweet = "Damascus approved ALL the UN aid requests in August!! #Syria https://t.co/xyz — Jo (@jo) Aug 30, 2016"
    queries.write_text(json.dumps({"id": "t1", "text": tweet}) + "\n", encoding="utf-8")
    _, out, _ = archive("search", "archive", "--queries", str(queries), "--top-k", "3")
    [record] = jsonl(out)
    assert record["query"] == tweet  # reported as given, searched cleaned
    assert all("rating" in hit["review"] for hit in record["hits"])
    best = record["hits"][0]
    assert best["review"] == {
        "rating": "False",
        "publisher": "Sample Fact Desk",
        "date": "2016-08-30",
        "url": "https://factchecks.example.org/2016/08/aid-requests",
        "claimant": "A government spokesman",
    }
    assert any(hit["review"]["rating"] is None for hit in record["hits"])  # the review without a rating
    _, out, _ = archive("search", "archive", "--queries", str(queries), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["review_rating"] == "False" and rows[0]["review_publisher"] == "Sample Fact Desk"


def test_check_keeps_earlier_fact_checks_apart_in_jsonl_and_csv(archive, tmp_path):
    archive("index", "add", "demo", str(SEEDS / "corpus"))
    article = tmp_path / "article.txt"
    article.write_text(
        "Damascus approved all of the UN's aid requests filed in August, covering almost 1 million people in "
        "besieged areas, a spokesman said.",
        encoding="utf-8",
    )
    code, out, err = archive("check", str(article), "--corpus", "demo", "--corpus", "archive")
    assert code == 0, err
    [record] = jsonl(out)
    assert record["earlier_fact_checks"][0]["review"]["rating"] == "False"
    assert all(candidate["corpus"] == "demo" for candidate in record["candidates"])
    # The counts are those of the evidence alone: the archived review adds nothing to them.
    _, alone, _ = archive("check", str(article), "--corpus", "demo")
    assert record["independent_sources"] == jsonl(alone)[0]["independent_sources"]
    _, out, _ = archive("check", str(article), "--corpus", "demo", "--corpus", "archive", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["checked_before"].startswith("rated False by Sample Fact Desk") for row in rows)


def test_a_malformed_feed_adds_nothing(cli, tmp_path):
    good = tmp_path / "good.json"
    good.write_bytes(FEED.read_bytes())
    broken = tmp_path / "broken.json"
    broken.write_text('{"@type": "DataFeed", "dataFeedElement": [{"@type": "ClaimReview", ', encoding="utf-8")
    code, _, err = cli("index", "add", "archive", str(broken))
    assert code == 1
    assert "broken.json is not valid JSON" in err and "Traceback" not in err
    _, listed, _ = cli("index", "list", "--format", "jsonl")
    assert all(record["documents"] == 0 for record in jsonl(listed) if record["name"] == "archive")
    # Among several files (a streamed add), the malformed one is reported and skipped; the good feed is added.
    code, _, err = cli("index", "add", "archive", str(good), str(broken))
    assert code == 0
    assert "skipped" in err and "broken.json is not valid JSON" in err and "Traceback" not in err


def test_fact_checks_into_an_evidence_corpus_is_a_clear_error(cli):
    cli("index", "add", "demo", str(SEEDS / "corpus"))
    code, _, err = cli("index", "add", "demo", str(FEED))
    assert code == 1 and "is an evidence corpus" in err


@pytest.mark.parametrize(
    ("post", "expected"),
    [
        ("Wow #AustralianFires pic.twitter.com/0eJ", "Wow Australian Fires"),
        ("@realDonaldTrump says 😂🇨🇦 it's over https://t.co/x", "real Donald Trump says it's over"),
        ("A claim — Brad Trost (@BradTrostCPC) December 26, 2019", "A claim — Brad Trost"),
        ("Vote #COVID19 www.example.org/page now", "Vote COVID 19 now"),
        ("email me at jo@example.org about 5 #1 hits", "email me at jo@example.org about 5 1 hits"),
        ("A plain sentence stays as it is.", "A plain sentence stays as it is."),
    ],
)
def test_clean_social_text(post: str, expected: str):
    assert clean_social_text(post) == expected
