"""`factcheck eval retrieval --train-rerank FILE`: the re-rank's training data gathered from the tune halves of the
retrieval sets and the CLEF train tweets, the weights fitted and written with their provenance."""

from __future__ import annotations

import dataclasses
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.documents import Document
from factcheck.earlier import clean_social_text
from factcheck.embed import Embedder
from factcheck.evaluate.fusion_choice import ClaimLists, claim_lists
from factcheck.evaluate.rerank_fit import QueryGroup, fit_pairwise
from factcheck.evaluate.retrieval_sets import (
    RetrievalSet,
    read_averitec,
    read_clef2020_claims,
    read_climate_fever,
    read_fever_symmetric,
)
from factcheck.fusion import fuse_channels
from factcheck.rerank import DENSE_LED_DEPTH, RERANK_DEPTH, Reranker, candidate_rows
from factcheck.store import IndexStore

# Ridge penalty, in units of queries (about 1,900 of them): 30 was chosen over 1 on the tune halves by the rule of
# docs/retrieval.md (same sets at or above the better channel, larger mean margin).
L2 = 30.0
COMMAND = "factcheck eval retrieval --train-rerank factcheck/rerank_model.json --embedding-cache DIR"


def training_sets(data_dir: Path) -> list[RetrievalSet]:
    """The sets the re-rank learns from, with only their training claims: the "tune" half of CLIMATE-FEVER (with
    and without titles), AVeriTeC dev and FEVER-symmetric dev, and the CLEF 2020 *train* tweets of the tune half
    (never a dev tweet, never a report half), cleaned as `search` cleans a post before matching earlier fact-checks.
    AVeriTeC's numerical claims are left out as a set of their own: they are already in AVeriTeC's half."""
    clef = read_clef2020_claims(data_dir / "clef2020-checkthat-task2", splits=("train",)).half("tune")
    clef = dataclasses.replace(clef, claims=[(clean_social_text(text), gold) for text, gold in clef.claims])
    return [
        read_climate_fever(data_dir / "climate-fever").half("tune"),
        read_climate_fever(data_dir / "climate-fever", use_titles=True).half("tune"),
        read_averitec(data_dir / "averitec").half("tune"),
        read_fever_symmetric(data_dir / "fever-symmetric").half("tune"),
        clef,
    ]


def query_groups(lists: Sequence[ClaimLists], depth: int = RERANK_DEPTH) -> list[QueryGroup]:
    """Each claim's first `depth` fused passages (the fusion search uses) as feature vectors, marked right when
    their pool item is gold."""
    groups = []
    for claim in lists:
        fused = [key for key, _ in fuse_channels(claim.dense, claim.lexical)][:depth]
        rows = candidate_rows(claim.query, fused, claim.dense, claim.lexical, claim.texts, depth)
        groups.append(QueryGroup(rows, [claim.item_of[key] in claim.gold for key in fused]))
    return groups


def gather(
    sets: Sequence[RetrievalSet], embedder: Embedder, log: Callable[[str], None] = print
) -> list[tuple[str, list[ClaimLists]]]:
    """Index each set's pool in a temporary corpus and search its claims in both channels."""
    gathered = []
    for retrieval_set in sets:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            corpus = IndexStore(folder).open_or_create("train", embedder)
            documents = [
                Document.from_text(text, doc_id=key, title=title if retrieval_set.use_titles else None)
                for key, (text, title) in retrieval_set.pool.items()
            ]
            corpus.add_documents(documents, embedder)
            alias = {d.doc_id: d.content_hash for d in documents}
            lists = claim_lists(retrieval_set.claims, corpus, embedder, alias)
            gathered.append((retrieval_set.name, lists))
            log(f"{retrieval_set.name}: {len(lists)} training claims in {time.perf_counter() - started:.1f}s")
    return gathered


def train(
    gathered: Sequence[tuple[str, list[ClaimLists]]], embedder_name: str, l2: float = L2, depth: int = RERANK_DEPTH
) -> Reranker:
    """The re-rank fitted on every gathered claim, with provenance naming the data and how many claims taught it."""
    groups, counts = [], {}
    for name, lists in gathered:
        found = query_groups(lists, depth)
        groups.extend(found)
        counts[name] = {
            "claims": len(found),
            "with a right and a wrong candidate": sum(any(g.relevant) and not all(g.relevant) for g in found),
        }
    provenance = {
        "trained by": COMMAND,
        "model": "pairwise logistic regression (factcheck/evaluate/rerank_fit.py), Newton's method",
        "l2": l2,
        "embedder": embedder_name,
        "candidates": f"the first {depth} passages of the per-query fusion (fusion.DEFAULT_FUSION); in use, the first"
        f" {DENSE_LED_DEPTH} when the fusion is dense-led",
        "data": counts,
        "held out": "CLEF 2020 dev tweets and the report half of every set (retrieval_sets.half_of)",
    }
    return fit_pairwise(groups, l2=l2, depth=depth, provenance=provenance)


def write_model(reranker: Reranker, path: str | Path) -> None:
    """The model file (JSON, features named beside their weights), written whole or not at all."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(reranker.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)


def run(data_dir: Path, embedder: Embedder, out: str | Path, log: Callable[[str], None] = print) -> Reranker:
    """Gather the training claims, fit the re-rank, write it to `out` and log its weights."""
    reranker = train(gather(training_sets(data_dir), embedder, log), embedder.name)
    write_model(reranker, out)
    for name, weight in zip(reranker.to_dict()["features"], reranker.weights, strict=True):
        log(f"  {name:>22} {weight:+.3f}")
    log(f"wrote {out}")
    return reranker
