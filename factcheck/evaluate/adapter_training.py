"""`factcheck eval fact-checks --train-adapter FILE`: the query adapter of fact-check corpora fitted on the CLEF 2020
train tweets matched to their verified claims (torch at training time only), with its k-fold figures on train."""

from __future__ import annotations

import dataclasses
import tempfile
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.earlier import clean_social_text
from factcheck.embed import Embedder
from factcheck.errors import InputError
from factcheck.evaluate.adapter_fit import (
    DEFAULT_SETTINGS,
    AdapterSettings,
    fit_delta,
    out_of_fold_vectors,
    precision_bound,
)
from factcheck.evaluate.metrics import average_precision
from factcheck.evaluate.report import Row
from factcheck.evaluate.rerank_fit import QueryGroup, fit_pairwise
from factcheck.fusion import fuse_channels
from factcheck.query_adapter import QueryAdapter, write_adapter
from factcheck.rerank import Reranker, candidate_rows, configured_reranker
from factcheck.search import CHANNEL_DEPTH, SearchMode, batch_search
from factcheck.store import Passage, vector_index
from factcheck.store.corpus import Corpus

COMMAND = "factcheck eval fact-checks --train-adapter factcheck/query_adapter.npz --embedding-cache DIR"
FOLDS = 5
DEPTH = 5  # MAP@5, the task's measure
# How deep each held-out search looks, and the depths at which the report says whether the right claim was found:
# hit@5 is what a re-ordering of the first five can reach, hit@50 what the adapter's re-rank (its first 50 fused
# passages) can reach, hit@100 what the channels (100 each) bring at all.
SEARCH_DEPTH = 100
HIT_DEPTHS = (5, 20, 50, 100)


@dataclass(frozen=True, slots=True)
class TrainingTweets:
    """The train tweets as searched (cleaned), their vectors, and the corpus rows right for each."""

    ids: list[str]
    texts: list[str]
    vectors: np.ndarray
    positives: list[list[int]]
    relevant: list[set[str]]  # the right doc_ids (after aliasing), for scoring searches


def training_tweets(
    corpus: Corpus,
    embedder: Embedder,
    tweets: Sequence[tuple[str, str]],
    qrels: dict[str, set[str]],
    aliases: dict[str, str],
) -> TrainingTweets:
    """The tweets with at least one right claim in `corpus`, cleaned as `search` cleans a post."""
    row_of: dict[str, int] = {}
    for row, passage in enumerate(corpus.passages):
        vclaim = passage.doc_id.removeprefix("vclaim-")
        row_of.setdefault(aliases.get(vclaim, vclaim), row)
    kept = []
    for tweet_id, text in tweets:
        relevant = {aliases.get(i, i) for i in qrels.get(tweet_id, set())}
        rows = sorted(row_of[i] for i in relevant if i in row_of)
        if rows:
            kept.append((tweet_id, clean_social_text(text), rows, relevant))
    texts = [text for _, text, _, _ in kept]
    return TrainingTweets(
        ids=[tweet_id for tweet_id, _, _, _ in kept],
        texts=texts,
        vectors=embedder.encode_queries(texts),
        positives=[rows for _, _, rows, _ in kept],
        relevant=[relevant for _, _, _, relevant in kept],
    )


def candidate_groups(
    corpus: Corpus, texts: Sequence[str], vectors: np.ndarray, relevant: Sequence[set[str]], depth: int
) -> list[QueryGroup]:
    """Each query's first `depth` fused passages as the re-rank sees them in `batch_search` (the dense channel
    searched with `vectors`), marked right when their verified claim is one of the query's."""
    dense_found = corpus.search_vectors(vectors, CHANNEL_DEPTH)
    lexical_found = corpus.search_lexical(list(texts), CHANNEL_DEPTH)
    groups = []
    for text, dense_hits, lexical_hits, right in zip(texts, dense_found, lexical_found, relevant, strict=True):
        dense = [(passage.passage_id, score) for passage, score in dense_hits]
        lexical = [(passage.passage_id, score) for passage, score in lexical_hits]
        passages: dict[Hashable, Passage] = {passage.passage_id: passage for passage, _ in [*dense_hits, *lexical_hits]}
        fused = [key for key, _ in fuse_channels(dense, lexical)][:depth]
        passage_texts: dict[Hashable, tuple[str, str | None]] = {
            key: (passage.text, passage.title) for key, passage in passages.items()
        }
        rows = candidate_rows(text, fused, dense, lexical, passage_texts, depth)
        groups.append(QueryGroup(rows, [passages[key].doc_id.removeprefix("vclaim-") in right for key in fused]))
    return groups


def fit_adapter(
    corpus: Corpus,
    embedder: Embedder,
    tweets: TrainingTweets,
    rows: np.ndarray,
    documents: np.ndarray,
    settings: AdapterSettings,
    folds: int,
) -> QueryAdapter:
    """The adapter fitted on the tweets at `rows`, with its re-rank fitted on their out-of-fold adapted scores."""
    vectors, positives = tweets.vectors[rows], [tweets.positives[i] for i in rows]
    moved = out_of_fold_vectors(vectors, positives, documents, settings, folds)
    groups = candidate_groups(
        corpus, [tweets.texts[i] for i in rows], moved, [tweets.relevant[i] for i in rows], settings.rerank_depth
    )
    reranker = fit_pairwise(groups, l2=settings.rerank_l2, depth=settings.rerank_depth)
    reranker = dataclasses.replace(reranker, dense_led_depth=settings.rerank_depth)
    return QueryAdapter(
        fit_delta(vectors, positives, documents, settings),
        embedder.name,
        reranker=reranker,
        min_similarity=precision_bound(moved, positives, documents),
    )


def cross_validate(
    corpus: Corpus,
    embedder: Embedder,
    tweets: TrainingTweets,
    settings: AdapterSettings = DEFAULT_SETTINGS,
    folds: int = FOLDS,
    log: Callable[[str], None] = print,
) -> list[Row]:
    """MAP@5 and hit@5, 20, 50 and 100 of each search mode over the train tweets, each fold searched with and
    without an adapter (and its re-rank) fitted on the other folds; the search itself is `batch_search`, as `factcheck
    search` runs it, for the first 100 passages. "hybrid" is the hybrid mode with the re-rank 'on' (with the adapter:
    the adapter's own re-rank); "hybrid, packaged re-rank" the adapted fusion re-ranked by the general packaged model;
    "BM25" the lexical mode (no adapter applies to it)."""
    documents = vector_index.reconstruct(corpus.index)
    order = np.random.default_rng(settings.seed).permutation(len(tweets.ids))
    packaged = configured_reranker("on")
    modes: dict[str, tuple[SearchMode, Reranker | str | None, bool]] = {
        "BM25": (SearchMode.LEXICAL, None, False),
        "dense without adapter": (SearchMode.DENSE, None, False),
        "fusion without adapter": (SearchMode.HYBRID, None, False),
        "hybrid without adapter": (SearchMode.HYBRID, "on", False),
        "dense with adapter": (SearchMode.DENSE, None, True),
        "fusion with adapter": (SearchMode.HYBRID, None, True),
        "hybrid with adapter, packaged re-rank": (SearchMode.HYBRID, packaged, True),
        "hybrid with adapter and its re-rank": (SearchMode.HYBRID, "on", True),
    }
    scores: dict[str, list[tuple[float, int | None]]] = {}
    for fold in range(folds):
        held = order[fold::folds]
        taught = np.setdiff1d(order, held)
        started = time.perf_counter()
        adapter = fit_adapter(corpus, embedder, tweets, taught, documents, settings, folds - 1)
        texts = [tweets.texts[i] for i in held]
        for name, (mode, reranker, adapted) in modes.items():
            used = adapter if adapted else None
            found = batch_search([corpus], embedder, texts, SEARCH_DEPTH, mode=mode, reranker=reranker, adapter=used)
            for position, hits in zip(held, found, strict=True):
                ranked = [hit.doc_id.removeprefix("vclaim-") for hit in hits]
                relevant = tweets.relevant[position]
                scores.setdefault(name, []).append(
                    (average_precision(ranked, relevant, DEPTH), first_relevant_rank(ranked, relevant))
                )
        log(f"  fold {fold + 1}/{folds}: fitted on {len(taught)} tweets in {time.perf_counter() - started:.0f}s")
    data = f"CLEF 2020 CheckThat! 2 train, {folds}-fold"
    rows = []
    for key, values in scores.items():
        count = f"{len(values)} tweets"
        rows.append(Row(data, f"{key}: MAP@5", sum(ap for ap, _ in values) / len(values), count))
        for depth in HIT_DEPTHS:
            found_within = sum(rank is not None and rank <= depth for _, rank in values)
            rows.append(Row(data, f"{key}: hit@{depth}", found_within / len(values), count))
    return rows


def first_relevant_rank(ranked: Sequence[str], relevant: set[str]) -> int | None:
    """The rank (1 = first) of the first right claim in `ranked`, None when none is there."""
    return next((rank for rank, item in enumerate(ranked, start=1) if item in relevant), None)


def train(
    corpus: Corpus,
    embedder: Embedder,
    tweets: TrainingTweets,
    settings: AdapterSettings = DEFAULT_SETTINGS,
    folds: int = FOLDS,
) -> QueryAdapter:
    """The adapter and its re-rank fitted on every train tweet, with their provenance."""
    documents = vector_index.reconstruct(corpus.index)
    fitted = fit_adapter(corpus, embedder, tweets, np.arange(len(tweets.ids)), documents, settings, folds)
    provenance = {
        "trained by": COMMAND,
        "model": "q -> normalise(q + q @ delta), delta fitted by Adam on a softmax over each tweet's right claims, its"
        f" {settings.hard} nearest wrong claims and the other tweets' right claims; the re-rank (pairwise logistic,"
        f" rerank_fit.py) on the first {settings.rerank_depth} fused passages of each tweet searched with an adapter"
        f" fitted on the other {folds - 1} of {folds} folds (factcheck/evaluate/adapter_training.py)",
        "settings": {
            "steps": settings.steps,
            "l2": settings.l2,
            "scale": settings.scale,
            "hard": settings.hard,
            "learning_rate": settings.learning_rate,
            "rerank_depth": settings.rerank_depth,
            "rerank_l2": settings.rerank_l2,
        },
        "data": f"CLEF 2020 CheckThat! task 2 train: {len(tweets.ids)} tweets, cleaned as `search` cleans a post,"
        f" against {len(documents)} verified claims (title. claim)",
        "held out": "CLEF 2020 dev tweets",
    }
    return dataclasses.replace(fitted, provenance=provenance)


def save(adapter: QueryAdapter, out: str | Path, log: Callable[[str], None] = print) -> None:
    write_adapter(adapter, out)
    log(f"wrote {out} (correction norm {float(np.linalg.norm(adapter.delta)):.3f})")


def run(
    data_dir: Path,
    cli_options: Sequence[str],
    out: str | Path,
    log: Callable[[str], None] = print,
    cache_dir: str | Path | None = None,
    settings: AdapterSettings = DEFAULT_SETTINGS,
    folds: int = FOLDS,
) -> list[Row]:
    """Add the verified claims as `factcheck eval fact-checks` does, report the adapter's k-fold figures over the
    train tweets, fit it on all of them and write it to `out`. The dev tweets are not read.

    `cli_options`: `--embedder KIND` and optionally `--model DIR`, as given to the evaluation.
    """
    from factcheck.embed import make_embedder
    from factcheck.embed_cache import cached_in
    from factcheck.evaluate import earlier
    from factcheck.store import IndexStore

    folder = earlier.clef_folder(data_dir)
    claims = earlier.read_verified_claims(folder)
    aliases = earlier.duplicate_aliases(claims)
    with tempfile.TemporaryDirectory() as work:
        index = earlier.add_archive(claims, Path(work), cli_options, log, cache_dir)
        index_dir = index[1]
        options = dict(zip(cli_options[::2], cli_options[1::2], strict=True))
        embedder = cached_in(make_embedder(options.get("--embedder", "minilm"), options.get("--model")), index_dir)
        corpus = IndexStore(index_dir).open(earlier.ARCHIVE, embedder)
        tweets = training_tweets(
            corpus, embedder, earlier.read_tweets(folder, "train"), earlier.read_qrels(folder, "train"), aliases
        )
        log(f"{len(tweets.ids)} train tweets with their verified claim in the corpus")
        if len(tweets.ids) < folds:
            raise InputError(
                f"{len(tweets.ids)} train tweets have their verified claim in the corpus; {folds} folds need at least"
                f" {folds}."
            )
        rows = cross_validate(corpus, embedder, tweets, settings, folds, log)
        adapter = train(corpus, embedder, tweets, settings, folds)
    summary = {f"{row.metric}": round(row.value, 3) for row in rows if row.metric.endswith("MAP@5")}
    adapter = dataclasses.replace(adapter, provenance={**adapter.provenance, f"train {folds}-fold MAP@5": summary})
    save(adapter, out, log)
    return rows
