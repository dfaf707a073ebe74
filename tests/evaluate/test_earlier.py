"""The CLEF 2020 task 2 evaluation on a tiny hand-made copy of its files, through the reader and the CLI."""

from __future__ import annotations

import pytest

from factcheck.evaluate import earlier
from factcheck.evaluate.metrics import average_precision

CLAIMS = (
    "vclaim_id\tvclaim\ttitle\n"
    '0\t"A ""miracle"" cure for the flu was found in garlic."\tDoes Garlic Cure the Flu?\n'
    "1\tThe city council banned bicycles on every bridge.\tDid a City Ban Bicycles on Bridges?\n"
    "2\tA shark was photographed swimming on a flooded highway.\tShark on a Highway?\n"
)
TWEETS = {
    "train": "\ttweet_content\n10\tWow a shark swimming on the flooded highway!! #hurricane pic.twitter.com/abc\n",
    "dev": '\ttweet_content\n20\t"garlic cures the flu, doctors hate it" https://t.co/x — Jo (@jo) May 1, 2020\n',
}
QRELS = {"train": "10\t0\t2\t1\n", "dev": "20\t0\t0\t1\n"}


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "clef2020-checkthat-task2"
    for split in ("train", "dev"):
        (folder / split).mkdir(parents=True)
        (folder / split / "tweets.queries.tsv").write_text(TWEETS[split], encoding="utf-8")
        (folder / split / "tweet-vclaim-pairs.qrels").write_text(QRELS[split], encoding="utf-8")
    (folder / "verified_claims.docs.tsv").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("ranked", "relevant", "expected"),
    [
        (["a", "b", "c"], {"a"}, 1.0),
        (["x", "a", "c"], {"a"}, 0.5),
        (["x", "a", "y", "b"], {"a", "b"}, (1 / 2 + 2 / 4) / 2),
        (["x", "y", "z", "w", "v", "a"], {"a"}, 0.0),  # past the depth of 5
        (["a"], set(), 0.0),
    ],
)
def test_average_precision_at_5(ranked, relevant, expected):
    assert average_precision(ranked, relevant, 5) == pytest.approx(expected)


def test_the_feed_is_read_back_as_claimreviews(data_dir):
    import json

    from factcheck.readers import read_bytes

    claims = earlier.read_verified_claims(data_dir / "clef2020-checkthat-task2")
    assert claims[0][1] == 'A "miracle" cure for the flu was found in garlic.'
    documents = read_bytes(json.dumps(earlier.claimreview_feed(claims)).encode(), "feed.json")
    assert [d.doc_id for d in documents] == ["vclaim-0", "vclaim-1", "vclaim-2"]
    assert documents[2].title == "Shark on a Highway?"
    assert documents[0].review.publisher == "Snopes" and documents[0].review.rating is None


def test_run_scores_every_mode_through_the_cli(data_dir):
    rows = earlier.run(data_dir, ["--embedder", "hash"], log=lambda message: None)
    by_name = {(row.data.rsplit(" ", 1)[1], row.metric): row for row in rows}
    assert {metric for _, metric in by_name} >= {"dense MAP@5", "lexical MAP@5", "fusion MAP@5", "hybrid MAP@5"}
    assert {"dense without adapter MAP@5", "hybrid without adapter MAP@5"} <= {metric for _, metric in by_name}
    assert not any("in-sample" in row.n for row in rows)  # the packaged adapter does not apply to the hash embedder
    assert by_name[("train", "lexical MAP@5")].value == 1.0
    assert by_name[("dev", "lexical MAP@5")].value == 1.0
    assert by_name[("dev", "hybrid MAP@5")].bar == ">= 0.95"
    assert by_name[("dev", "hybrid hits carrying review.rating")].value == 1.0


def test_identical_claims_count_for_each_other():
    claims = [("0", "Same words.", "T"), ("1", "Other words.", "T"), ("2", "Same  words.", "T")]
    aliases = earlier.duplicate_aliases(claims)
    assert aliases == {"0": "0", "1": "1", "2": "0"}
    results = [{"id": "q", "hits": [{"doc_id": "vclaim-1"}, {"doc_id": "vclaim-0"}]}]
    assert earlier.mean_average_precision(results, {"q": {"2"}}, aliases=aliases) == 0.5
    assert earlier.mean_average_precision(results, {"q": {"2"}}) == 0.0
