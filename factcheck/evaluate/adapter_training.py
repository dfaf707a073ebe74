"""`factcheck eval fact-checks --train-adapter FILE`: the query adapter of fact-check corpora fitted on the CLEF 2020
train tweets matched to their verified claims (torch at training time only), with its k-fold figures on train."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.earlier import clean_social_text
from factcheck.embed import Embedder
from factcheck.errors import InputError
from factcheck.evaluate.metrics import average_precision
from factcheck.evaluate.report import Row
from factcheck.query_adapter import QueryAdapter, write_adapter
from factcheck.rerank import configured_reranker
from factcheck.search import SearchMode, batch_search
from factcheck.store import vector_index
from factcheck.store.corpus import Corpus

COMMAND = "factcheck eval fact-checks --train-adapter factcheck/query_adapter.npz --embedding-cache DIR"
FOLDS = 5
DEPTH = 5  # MAP@5, the task's measure


@dataclass(frozen=True, slots=True)
class AdapterSettings:
    """How the adapter is fitted: full-batch Adam on a softmax over each tweet's right claims, its `hard` nearest
    wrong claims (by the unadapted cosine) and the other tweets' right claims (in-batch negatives), logits the
    cosine times `scale`; `l2` the ridge penalty on the correction (sum of squares), `steps` Adam steps.

    Chosen by 5-fold cross-validation over the train tweets (docs/earlier-fact-checks.md, dense MAP@5 of the held-out
    folds): `scale` 10 / 20 / 40 / 60 / 100 gave 0.765 / 0.860 / 0.866 / 0.859 / 0.847; `l2` 3e-4 / 1e-3 / 3e-3 at
    scale 20 gave 0.844 / 0.860 / 0.859; 50 steps 0.859, 200 the same as 100; 30 hard negatives 0.860."""

    steps: int = 100
    l2: float = 1e-3
    scale: float = 40.0
    hard: int = 100
    learning_rate: float = 1e-2
    seed: int = 0


def fit_delta(
    queries: np.ndarray,
    positives: Sequence[Sequence[int]],
    documents: np.ndarray,
    settings: AdapterSettings = AdapterSettings(),
) -> np.ndarray:
    """The adapter's correction (dimension x dimension) learned from `queries` (unit vectors, one row per tweet),
    the rows of `documents` right for each, and `documents` (unit vectors of the corpus).

    Raises:
        ValueError: no query, or a query without a right document.
    """
    import torch

    if len(queries) == 0 or len(queries) != len(positives):
        raise ValueError(f"{len(queries)} queries but {len(positives)} lists of right documents")
    if any(not rows for rows in positives):
        raise ValueError("every training query needs at least one right document")
    torch.manual_seed(settings.seed)
    hard = min(settings.hard, len(documents) - 1)
    nearest = np.argpartition(-(queries @ documents.T), hard, axis=1)[:, :hard]
    candidates = []
    right = np.zeros((len(queries), hard), dtype=bool)
    valid = np.zeros((len(queries), hard), dtype=bool)  # padding is neither right nor wrong
    for number, (rows, near) in enumerate(zip(positives, nearest, strict=True)):
        kept = list(rows)[:hard]
        wrong = [row for row in near if row not in kept][: hard - len(kept)]
        candidates.append(kept + wrong + [kept[0]] * (hard - len(kept) - len(wrong)))
        right[number, : len(kept)] = True
        valid[number, : len(kept) + len(wrong)] = True
    # In-batch negatives: the other tweets' first right claim, unless it is also right for this tweet.
    firsts = [rows[0] for rows in positives]
    in_batch_valid = np.array([[first not in rows for first in firsts] for rows in positives], dtype=bool)
    query_tensor = torch.from_numpy(np.ascontiguousarray(queries, dtype=np.float32))
    candidate_tensor = torch.from_numpy(np.ascontiguousarray(documents[np.array(candidates)], dtype=np.float32))
    in_batch = torch.from_numpy(np.ascontiguousarray(documents[firsts], dtype=np.float32))
    right_mask = torch.from_numpy(np.concatenate([right, np.zeros((len(queries), len(queries)), bool)], axis=1))
    valid_mask = torch.from_numpy(np.concatenate([valid, in_batch_valid], axis=1))
    dimension = queries.shape[1]
    delta = torch.zeros(dimension, dimension, requires_grad=True)
    optimiser = torch.optim.Adam([delta], lr=settings.learning_rate)
    for _ in range(settings.steps):
        optimiser.zero_grad()
        adapted = torch.nn.functional.normalize(query_tensor + query_tensor @ delta, dim=1)
        logits = settings.scale * torch.cat(
            [torch.einsum("nd,nkd->nk", adapted, candidate_tensor), adapted @ in_batch.T], dim=1
        )
        log_probability = torch.log_softmax(logits.masked_fill(~valid_mask, -1e9), dim=1)
        loss = -torch.logsumexp(log_probability.masked_fill(~right_mask, -1e9), dim=1).mean()
        (loss + settings.l2 * (delta**2).sum()).backward()
        optimiser.step()
    return delta.detach().numpy().astype(np.float32)


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


def cross_validate(
    corpus: Corpus,
    embedder: Embedder,
    tweets: TrainingTweets,
    settings: AdapterSettings = AdapterSettings(),
    folds: int = FOLDS,
    log: Callable[[str], None] = print,
) -> list[Row]:
    """MAP@5 and hit@5 of each search mode over the train tweets, each fold searched with and without an adapter
    fitted on the other folds (the search itself is `batch_search`, as `factcheck search` runs it)."""
    documents = vector_index.reconstruct(corpus.index)
    order = np.random.default_rng(settings.seed).permutation(len(tweets.ids))
    modes = {
        "dense": (SearchMode.DENSE, None),
        "fusion": (SearchMode.HYBRID, None),
        "hybrid": (SearchMode.HYBRID, "on"),
    }
    scores: dict[str, list[tuple[float, bool]]] = {}
    for fold in range(folds):
        held = order[fold::folds]
        taught = np.setdiff1d(order, held)
        started = time.perf_counter()
        delta = fit_delta(tweets.vectors[taught], [tweets.positives[i] for i in taught], documents, settings)
        adapter = QueryAdapter(delta, embedder.name)
        texts = [tweets.texts[i] for i in held]
        for name, (mode, rerank) in modes.items():
            for label, used in (("without adapter", None), ("with adapter", adapter)):
                found = batch_search(
                    [corpus], embedder, texts, DEPTH, mode=mode, reranker=configured_reranker(rerank), adapter=used
                )
                for position, hits in zip(held, found, strict=True):
                    ranked = [hit.doc_id.removeprefix("vclaim-") for hit in hits]
                    relevant = tweets.relevant[position]
                    found_one = bool(set(ranked) & relevant)
                    scores.setdefault(f"{name} {label}", []).append(
                        (average_precision(ranked, relevant, DEPTH), found_one)
                    )
        log(f"  fold {fold + 1}/{folds}: fitted on {len(taught)} tweets in {time.perf_counter() - started:.0f}s")
    data = f"CLEF 2020 CheckThat! 2 train, {folds}-fold"
    rows = []
    for key, values in scores.items():
        count = f"{len(values)} tweets"
        rows.append(Row(data, f"{key}: MAP@5", sum(ap for ap, _ in values) / len(values), count))
        rows.append(Row(data, f"{key}: hit@5", sum(hit for _, hit in values) / len(values), count))
    return rows


def train(
    corpus: Corpus, embedder: Embedder, tweets: TrainingTweets, settings: AdapterSettings = AdapterSettings()
) -> QueryAdapter:
    """The adapter fitted on every train tweet, with its provenance."""
    documents = vector_index.reconstruct(corpus.index)
    delta = fit_delta(tweets.vectors, tweets.positives, documents, settings)
    provenance = {
        "trained by": COMMAND,
        "model": "q -> normalise(q + q @ delta), delta fitted by Adam on a softmax over each tweet's right claims, its"
        f" {settings.hard} nearest wrong claims and the other tweets' right claims (factcheck/evaluate/"
        "adapter_training.py)",
        "settings": {
            "steps": settings.steps,
            "l2": settings.l2,
            "scale": settings.scale,
            "hard": settings.hard,
            "learning_rate": settings.learning_rate,
        },
        "data": f"CLEF 2020 CheckThat! task 2 train: {len(tweets.ids)} tweets, cleaned as `search` cleans a post,"
        f" against {len(documents)} verified claims (title. claim)",
        "held out": "CLEF 2020 dev tweets",
    }
    return QueryAdapter(delta, embedder.name, provenance)


def save(adapter: QueryAdapter, out: str | Path, log: Callable[[str], None] = print) -> None:
    write_adapter(adapter, out)
    log(f"wrote {out} (correction norm {float(np.linalg.norm(adapter.delta)):.3f})")


def run(
    data_dir: Path,
    cli_options: Sequence[str],
    out: str | Path,
    log: Callable[[str], None] = print,
    cache_dir: str | Path | None = None,
    settings: AdapterSettings = AdapterSettings(),
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
        adapter = train(corpus, embedder, tweets, settings)
    summary = {f"{row.metric}": round(row.value, 3) for row in rows if row.metric.endswith("MAP@5")}
    adapter = QueryAdapter(
        adapter.delta, adapter.embedder, {**adapter.provenance, f"train {folds}-fold MAP@5": summary}
    )
    save(adapter, out, log)
    return rows
