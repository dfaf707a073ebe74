"""`factcheck eval fact-checks`: CLEF 2020 CheckThat! task 2 (tweets -> verified claims) through the ClaimReview
reader and the `search` command, MAP@5 of each retrieval mode."""

from __future__ import annotations

import csv
import json
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.documents import normalise_text
from factcheck.errors import InputError
from factcheck.evaluate.metrics import average_precision
from factcheck.evaluate.report import Row

SPLITS = ("train", "dev")
DEPTH = 5  # the task's official measure is MAP@5
# "fusion" is the hybrid mode with the re-rank off; "hybrid" is the hybrid mode as `search` runs it (re-ranked).
# Each runs with the query adapter as configured; the last two without it, for comparison.
MODES = ("dense", "lexical", "fusion", "hybrid", "dense without adapter", "hybrid without adapter")
# The verified claims are Snopes fact-checks (SOURCE.md); the data set gives their words and titles, not verdicts.
PUBLISHER = "Snopes"
ARCHIVE = "archive"  # the corpus the verified claims are added to


def read_verified_claims(folder: Path) -> list[tuple[str, str, str]]:
    """(vclaim_id, claim, title) of every verified claim (quoted fields may hold tabs or line breaks)."""
    with open(folder / "verified_claims.docs.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [(row[0], row[1], row[2]) for row in rows[1:] if len(row) >= 3]


def read_tweets(folder: Path, split: str) -> list[tuple[str, str]]:
    """(tweet_id, tweet) of a split's queries, read with quoting off as the task's files are written."""
    with open(folder / split / "tweets.queries.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row[0], row[1]) for row in rows[1:] if len(row) >= 2]


def read_qrels(folder: Path, split: str) -> dict[str, set[str]]:
    """tweet_id -> the vclaim_ids relevant to it."""
    relevant: dict[str, set[str]] = {}
    for line in (folder / split / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] != "0":
            relevant.setdefault(parts[0], set()).add(parts[2])
    return relevant


def claimreview_feed(claims: Sequence[tuple[str, str, str]]) -> dict:
    """The verified claims as a schema.org DataFeed of ClaimReviews, as a fact-checker would publish them: the
    claim as `claimReviewed`, the article title as `name`. The data set has no verdicts, so no `reviewRating`."""
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [
            {
                "@type": "DataFeedItem",
                "item": {
                    "@type": "ClaimReview",
                    "@id": f"vclaim-{vclaim_id}",
                    "claimReviewed": claim,
                    "name": title,
                    "author": {"@type": "Organization", "name": PUBLISHER},
                },
            }
            for vclaim_id, claim, title in claims
        ],
    }


def duplicate_aliases(claims: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """vclaim_id -> the first id with the same claim and title. A corpus stores identical reviews once (6 verified
    claims repeat another's words and title), so a hit on the kept copy counts for every id that shares it."""
    first: dict[tuple[str, str], str] = {}
    aliases = {}
    for vclaim_id, claim, title in claims:
        aliases[vclaim_id] = first.setdefault((normalise_text(claim), normalise_text(title)), vclaim_id)
    return aliases


def mean_average_precision(
    results: Sequence[dict], qrels: dict[str, set[str]], k: int = DEPTH, aliases: dict[str, str] | None = None
) -> float:
    """MAP@k of `search` records (`id`, `hits` with `doc_id` "vclaim-<id>") against the qrels, ids compared through
    `aliases` (from `duplicate_aliases`) when given."""
    aliases = aliases or {}
    scores = []
    for record in results:
        ranked = [aliases.get(i, i) for i in (hit["doc_id"].removeprefix("vclaim-") for hit in record["hits"])]
        relevant = {aliases.get(i, i) for i in qrels.get(record["id"], set())}
        scores.append(average_precision(ranked, relevant, k))
    return sum(scores) / len(scores) if scores else 0.0


def run(
    data_dir: Path,
    cli_options: Sequence[str] = (),
    log: Callable[[str], None] = print,
    splits: Sequence[str] = SPLITS,
    rerank: str | None = "on",
    cache_dir: str | Path | None = None,
    adapter: str | None = "on",
) -> list[Row]:
    """Add the verified claims as a ClaimReview feed with `factcheck index add`, search each split's tweets with
    `factcheck search --queries` in every mode, and score MAP@5 (with MRR and hit@5 beside it).

    `cli_options` go before the command (for example `--embedder hash` in tests). `rerank`: the `--rerank` of the
    "hybrid" searches ("fusion" is hybrid with it off); `adapter`: their `--query-adapter` ("... without adapter":
    off). `cache_dir`: a folder kept between runs whose index folder
    keeps the embedding cache, so a second run embeds nothing (the corpus itself is built afresh each time).
    """
    from factcheck.cli import main

    folder = clef_folder(data_dir)
    claims = read_verified_claims(folder)
    aliases = duplicate_aliases(claims)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        index = add_archive(claims, work_dir, cli_options, log, cache_dir)
        learned = _adapter_applies(adapter, cli_options)
        for split in splits:
            queries = work_dir / f"{split}.jsonl"
            tweets = read_tweets(folder, split)
            with open(queries, "w", encoding="utf-8") as handle:
                for tweet_id, text in tweets:
                    handle.write(json.dumps({"id": tweet_id, "text": text}, ensure_ascii=False) + "\n")
            qrels = read_qrels(folder, split)
            for mode in MODES:
                out = work_dir / f"{split}-{mode.replace(' ', '-')}.jsonl"
                search_mode = mode.removesuffix(" without adapter")
                started = time.perf_counter()
                _run_cli(
                    main,
                    [*index, "search", ARCHIVE, "--queries", str(queries), "--top-k", str(DEPTH)]
                    + ["--mode", "hybrid" if search_mode == "fusion" else search_mode]
                    + ["--rerank", "off" if search_mode == "fusion" else (rerank or "off"), "--out", str(out)]
                    + ["--query-adapter", "off" if mode.endswith("without adapter") else (adapter or "off")],
                )
                log(f"  {split} {mode}: {len(tweets)} tweets searched in {time.perf_counter() - started:.0f}s")
                results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
                # The packaged adapter learned from the train tweets: its train figures are in-sample, the held-out
                # ones come from `--train-adapter` (k-fold); the dev tweets it never saw.
                seen = split == "train" and learned and mode in ("dense", "fusion", "hybrid")
                rows.extend(_rows(split, mode, results, qrels, aliases, in_sample=seen))
    return rows


def _adapter_applies(adapter: str | None, cli_options: Sequence[str]) -> bool:
    """Whether the searches run through the query adapter `adapter` names (it fits the embedder of `cli_options`)."""
    from factcheck.embed import DEFAULT_MODEL_NAME
    from factcheck.query_adapter import configured_adapter

    options = dict(zip(cli_options[::2], cli_options[1::2], strict=False))
    if options.get("--embedder", "minilm") != "minilm":
        return False
    model = Path(options["--model"]).name if options.get("--model") else DEFAULT_MODEL_NAME
    used = configured_adapter(adapter)
    return used is not None and used.embedder == model


def clef_folder(data_dir: Path) -> Path:
    """The CLEF 2020 task 2 folder of the evaluation data sets.

    Raises:
        InputError: it holds no verified claims.
    """
    folder = data_dir / "clef2020-checkthat-task2"
    if not (folder / "verified_claims.docs.tsv").is_file():
        raise InputError(
            f"No CLEF 2020 task 2 data in {folder}; pass --data-dir pointing at the folder of"
            " evaluation data sets that docs/data.md describes."
        )
    return folder


def add_archive(
    claims: Sequence[tuple[str, str, str]],
    work_dir: Path,
    cli_options: Sequence[str],
    log: Callable[[str], None],
    cache_dir: str | Path | None,
) -> list[str]:
    """The verified claims written as a ClaimReview feed in `work_dir` and added to the corpus "archive" with
    `factcheck index add`; returns the options naming its index folder (in `cache_dir` when given, so its embedding
    cache is kept; the corpus itself is built afresh)."""
    from factcheck.cli import main

    feed = work_dir / "verified-claims.json"
    feed.write_text(json.dumps(claimreview_feed(claims), ensure_ascii=False), encoding="utf-8")
    index_dir = Path(cache_dir) / "fact-checks-index" if cache_dir else work_dir / "indexes"
    shutil.rmtree(index_dir / ARCHIVE, ignore_errors=True)  # a kept index folder: only its cache is reused
    index = ["--index-dir", str(index_dir), *cli_options]
    started = time.perf_counter()
    _run_cli(main, [*index, "index", "add", ARCHIVE, str(feed)])
    log(f"{len(claims)} verified claims added as ClaimReviews in {time.perf_counter() - started:.0f}s")
    return index


def _rows(
    split: str,
    mode: str,
    results: list[dict],
    qrels: dict[str, set[str]],
    aliases: dict[str, str],
    in_sample: bool = False,
) -> list[Row]:
    data = f"CLEF 2020 CheckThat! 2 {split}"
    count = f"{len(results)} tweets" + (" (in-sample: the adapter learned from them)" if in_sample else "")
    hits = [hit for record in results for hit in record["hits"]]
    with_review = sum(isinstance(hit.get("review"), dict) and "rating" in hit["review"] for hit in hits)
    found = 0
    for record in results:
        ranked = {aliases.get(i, i) for i in (hit["doc_id"].removeprefix("vclaim-") for hit in record["hits"][:DEPTH])}
        found += bool(ranked & {aliases.get(i, i) for i in qrels.get(record["id"], set())})
    bar = ">= 0.95" if split == "dev" and mode == "hybrid" else ""
    return [
        Row(data, f"{mode} MAP@5", mean_average_precision(results, qrels, aliases=aliases), count, bar),
        Row(data, f"{mode} hit@5", found / len(results) if results else 0.0, count),
        Row(data, f"{mode} hits carrying review.rating", with_review / len(hits) if hits else 0.0, f"{len(hits)} hits"),
    ]


def _run_cli(main: Callable[[list[str]], int], arguments: list[str]) -> None:
    status = main(arguments)
    if status != 0:
        raise InputError(f"`factcheck {' '.join(arguments)}` failed (exit status {status}); see the message above.")
