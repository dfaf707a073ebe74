"""The re-rank of the fused top passages by a learned linear model over why-it-matches features, and its model file."""

from __future__ import annotations

import functools
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.config import switch
from factcheck.errors import RerankModelError
from factcheck.fusion import Scored, dense_leads, standardise
from factcheck.linear_weights import check_standardised, read_model_json, standardised_lists
from factcheck.rerank_features import FEATURE_NAMES, ChannelEvidence, feature_rows
from factcheck.serialise import to_record

MODEL_FORMAT = "factcheck-rerank/1"
PACKAGED_MODEL = Path(__file__).with_name("rerank_model.json")
RERANK_DEPTH = 30  # how many fused passages are re-ranked; the rest keep the fused order after them
# When the fusion found BM25 weak for a query (dense-led), only the fused top 5 are re-ordered: which passages are in
# the first five stays the fusion's, which never fell below the better channel (docs/retrieval.md), and the re-rank
# only decides their order. Chosen on the tune halves by the documented rule.
DENSE_LED_DEPTH = 5


@dataclass(frozen=True, slots=True)
class Reranker:
    """A linear scorer: the sum of `weights` times the features standardised by `mean` and `scale`.

    `depth`: how many of the fused passages it re-orders; `dense_led_depth`: how many when the fusion's per-query
    switch found BM25 weak (fusion.dense_leads). `provenance`: how the weights were trained (data, command), kept
    beside them in the model file.
    """

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    depth: int = RERANK_DEPTH
    dense_led_depth: int = DENSE_LED_DEPTH
    provenance: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_standardised(len(FEATURE_NAMES), self.weights, self.mean, self.scale)
        if self.depth < 1 or self.dense_led_depth < 1:
            raise ValueError(f"depth and dense_led_depth must be at least 1, got {self.depth}, {self.dense_led_depth}")

    def score(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The model's score of each feature vector (higher: a better match)."""
        return [
            sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True))
            for row in rows
        ]

    def to_dict(self) -> dict:
        """The model file's JSON object: its format and feature names first, the values rounded to six places."""
        rounded = {"weights": 6, "mean": 6, "scale": 6}
        return {"format": MODEL_FORMAT, "features": list(FEATURE_NAMES), **to_record(self, rounded=rounded)}


def channel_evidence(keys: Sequence[Hashable], dense: Scored, lexical: Scored) -> list[ChannelEvidence]:
    """How each channel saw each of `keys`: its score and z-score (the list's lowest when absent) and its rank."""
    dense_z, lexical_z = standardise(dense), standardise(lexical)
    cosine = dict(dense)
    dense_floor = min(cosine.values()) if cosine else 0.0
    dense_z_floor = min(dense_z.values()) if dense_z else 0.0
    lexical_z_floor = min(lexical_z.values()) if lexical_z else 0.0
    dense_rank = {key: rank for rank, (key, _) in enumerate(dense, start=1)}
    lexical_rank = {key: rank for rank, (key, _) in enumerate(lexical, start=1)}
    return [
        ChannelEvidence(
            cosine=cosine.get(key, dense_floor),
            dense_z=dense_z.get(key, dense_z_floor),
            lexical_z=lexical_z.get(key, lexical_z_floor),
            dense_rank=dense_rank.get(key),
            lexical_rank=lexical_rank.get(key),
        )
        for key in keys
    ]


def candidate_rows(
    query: str,
    fused: Sequence[Hashable],
    dense: Scored,
    lexical: Scored,
    texts: Mapping[Hashable, tuple[str, str | None]],
    depth: int,
) -> list[list[float]]:
    """The feature vectors of the first `depth` fused passages (`texts`: passage key -> (text, title))."""
    keys = list(fused[:depth])
    return feature_rows(query, [texts[key] for key in keys], channel_evidence(keys, dense, lexical))


def rerank(
    reranker: Reranker,
    query: str,
    fused: Sequence[tuple[Hashable, float]],
    dense: Scored,
    lexical: Scored,
    texts: Mapping[Hashable, tuple[str, str | None]],
) -> list[tuple[Hashable, float]]:
    """The fused list with its first passages ordered by the model's score (ties keep the fused order), each paired
    with that score; the passages after them keep their fused order and score. How many are re-ordered:
    `reranker.dense_led_depth` when the dense channel leads the query's fusion, else `reranker.depth`."""
    depth = reranker.dense_led_depth if dense_leads(dense, lexical) else reranker.depth
    head = list(fused[:depth])
    if len(head) < 2:
        return list(fused)
    scores = reranker.score(candidate_rows(query, [key for key, _ in head], dense, lexical, texts, depth))
    order = sorted(range(len(head)), key=lambda i: (-scores[i], i))
    return [(head[i][0], scores[i]) for i in order] + list(fused[depth:])


def load_reranker(path: str | Path) -> Reranker:
    """A model file written by `factcheck eval retrieval --train-rerank`, checked.

    Raises:
        RerankModelError: the file is missing, not JSON, of another format, or its values do not fit the features.
    """
    path = Path(path)
    data = read_model_json(
        path,
        RerankModelError,
        "re-rank model",
        "Train it again with `factcheck eval retrieval --train-rerank FILE`, or set FACTCHECK_RERANK to 'on' (the"
        " packaged model) or 'off'.",
    )
    try:
        return parse_reranker(data)
    except RerankModelError as error:
        raise RerankModelError(f"The re-rank model {path}: {error}") from error


def parse_reranker(data: object) -> Reranker:
    """A `Reranker` from the JSON object of a model file (see `Reranker.to_dict`).

    Raises:
        RerankModelError: another format, other features, or values that are not finite numbers of the right count.
    """
    retrain = "train it again with `factcheck eval retrieval --train-rerank FILE`."
    try:
        data, values = standardised_lists(data, MODEL_FORMAT, FEATURE_NAMES, RerankModelError)
    except RerankModelError as error:
        raise RerankModelError(f"{error}; {retrain}") from None
    depths = {
        name: data.get(name, default)
        for name, default in (("depth", RERANK_DEPTH), ("dense_led_depth", DENSE_LED_DEPTH))
    }
    provenance = data.get("provenance", {})
    if any(not isinstance(v, int) or isinstance(v, bool) for v in depths.values()) or not isinstance(provenance, dict):
        raise RerankModelError(
            f"'depth' and 'dense_led_depth' must be whole numbers and 'provenance' an object; {retrain}"
        )
    try:
        return Reranker(
            weights=values["weights"],
            mean=values["mean"],
            scale=values["scale"],
            depth=depths["depth"],
            dense_led_depth=depths["dense_led_depth"],
            provenance=provenance,
        )
    except ValueError as error:
        raise RerankModelError(f"{error}; {retrain}") from error


def configured_reranker(value: str | None) -> Reranker | None:
    """The re-rank a `rerank` setting names: 'on' the packaged model, 'off' (or empty) none, else a model file.

    Raises:
        RerankModelError: the model file named cannot be used.
    """
    chosen = switch(value)
    if chosen is False:
        return None
    return _load_cached(str(PACKAGED_MODEL) if chosen else (value or "").strip())


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> Reranker:
    return load_reranker(path)
