import dataclasses
import json

import pytest

from factcheck.errors import InputError, RerankModelError
from factcheck.fusion import dense_leads, fuse_channels
from factcheck.rerank import (
    MODEL_FORMAT,
    PACKAGED_MODEL,
    Reranker,
    channel_evidence,
    configured_reranker,
    load_reranker,
    parse_reranker,
    rerank,
)
from factcheck.rerank_features import FEATURE_NAMES
from factcheck.search import SearchMode, search
from factcheck.store import IndexStore
from tests.helpers import make_documents

COUNT = len(FEATURE_NAMES)


def _only(feature: str, weight: float = 1.0, depth: int = 30) -> Reranker:
    """A model that scores by one feature alone (unstandardised)."""
    weights = [0.0] * COUNT
    weights[FEATURE_NAMES.index(feature)] = weight
    return Reranker(
        weights=tuple(weights), mean=(0.0,) * COUNT, scale=(1.0,) * COUNT, depth=depth, dense_led_depth=depth
    )


def test_a_dense_led_query_is_re_ordered_only_within_the_shallow_head():
    dense = [(f"p{n}", 0.9 - n / 100) for n in range(6)]  # a flat dense list: its best do not stand out
    texts = {f"p{n}": ("convoy" if n == 5 else "nothing", None) for n in range(6)}
    texts.update({f"q{n}": ("nothing", None) for n in range(20)})
    model = dataclasses.replace(_only("query_coverage", depth=30), dense_led_depth=3)
    # BM25's best three stand far out of its list: the fusion is lexical-led and the whole head is re-ordered.
    strong_words = [("p3", 20.0), ("p4", 20.0), ("p5", 20.0)] + [(f"q{n}", 1.0) for n in range(20)]
    assert not dense_leads(dense, strong_words)
    fused = fuse_channels(dense, strong_words)
    assert [key for key, _ in rerank(model, "convoy", fused, dense, strong_words, texts)][0] == "p5"
    flat_words = [("p0", 1.0), ("p5", 1.0), ("p1", 1.0)]  # BM25 no surer than dense: dense-led
    assert dense_leads(dense, flat_words)
    fused = fuse_channels(dense, flat_words)
    assert fused[0][0] == "p0" and [key for key, _ in fused].index("p5") > 2
    reranked = [key for key, _ in rerank(model, "convoy", fused, dense, flat_words, texts)]
    assert reranked[3:] == [key for key, _ in fused][3:]  # p5 is not lifted into the top 3


def test_channel_evidence_gives_absent_passages_the_lowest_value_and_no_rank():
    seen = channel_evidence(["a", "b", "c"], [("a", 0.9), ("b", 0.5)], [("c", 7.0), ("a", 1.0)])
    assert seen[0].cosine == 0.9 and seen[0].dense_rank == 1 and seen[0].lexical_rank == 2
    assert seen[2].cosine == 0.5 and seen[2].dense_rank is None  # dense did not return c: its lowest cosine
    assert seen[2].dense_z == seen[1].dense_z  # ... and its lowest z
    assert seen[1].lexical_z == seen[0].lexical_z == -1.0 and seen[1].lexical_rank is None


def test_rerank_orders_the_head_by_score_and_keeps_the_tail():
    dense = [("p1", 0.9), ("p2", 0.8), ("p3", 0.7)]
    lexical: list = []
    texts = {
        "p1": ("nothing alike", None),
        "p2": ("convoy of trucks", None),
        "p3": ("Aleppo convoy of 25 trucks", None),
    }
    fused = fuse_channels(dense, lexical)
    assert [key for key, _ in fused] == ["p1", "p2", "p3"]
    by_words = rerank(_only("query_coverage"), "25 trucks in an Aleppo convoy", fused, dense, lexical, texts)
    assert [key for key, _ in by_words] == ["p3", "p2", "p1"]
    assert [score for _, score in by_words] == pytest.approx([1.0, 2 / 4, 0.0])
    shallow = rerank(_only("query_coverage", depth=2), "25 trucks in an Aleppo convoy", fused, dense, lexical, texts)
    assert [key for key, _ in shallow] == ["p2", "p1", "p3"]  # only the first two re-ordered; p3 stays third
    tied = rerank(_only("numbers_clash"), "convoy", fused, dense, lexical, texts)
    assert [key for key, _ in tied] == ["p1", "p2", "p3"]  # all scores equal: the fused order is kept


@pytest.fixture
def convoy_corpus(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("news", embedder)
    corpus.add_documents(
        make_documents(
            "Trucks and trucks and more trucks waited at the border crossing for days.",
            "The first convoy of 25 trucks reached Aleppo on Tuesday, the Red Cross said.",
            "Aid workers counted trucks at the crossing.",
            "A convoy reached the town of Madaya with food for 40,000 people.",
        ),
        embedder,
    )
    return corpus


def test_search_applies_the_given_reranker_in_hybrid_mode_only(convoy_corpus, embedder):
    query = "Red Cross: first convoy of 25 trucks reached Aleppo"
    plain = search([convoy_corpus], embedder, query, top_k=4, reranker=None)
    by_names = search([convoy_corpus], embedder, query, top_k=4, reranker=_only("name_coverage"))
    assert by_names[0].doc_id == "doc2.txt"
    assert {h.doc_id for h in by_names} == {h.doc_id for h in plain}
    by_length = search([convoy_corpus], embedder, query, top_k=4, reranker=_only("length_ratio", -1.0))
    assert by_length[0].doc_id == "doc3.txt"  # the shortest passage, whatever it shares
    assert [h.rank for h in by_length] == [1, 2, 3, 4]
    dense = search([convoy_corpus], embedder, query, top_k=4, mode=SearchMode.DENSE, reranker=_only("length_ratio"))
    assert [h.doc_id for h in dense] == [
        h.doc_id for h in search([convoy_corpus], embedder, query, top_k=4, mode=SearchMode.DENSE, reranker=None)
    ]


def test_search_reads_the_setting_when_not_told(convoy_corpus, embedder, monkeypatch, tmp_path):
    query = "Red Cross: first convoy of 25 trucks reached Aleppo"
    model = tmp_path / "short-first.json"
    model.write_text(json.dumps(_only("length_ratio", -1.0).to_dict()), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_RERANK", str(model))
    assert search([convoy_corpus], embedder, query, top_k=4)[0].doc_id == "doc3.txt"
    monkeypatch.setenv("FACTCHECK_RERANK", "off")
    off = search([convoy_corpus], embedder, query, top_k=4)
    assert [h.doc_id for h in off] == [h.doc_id for h in search([convoy_corpus], embedder, query, 4, reranker=None)]


def test_the_packaged_model_loads_with_its_provenance():
    packaged = load_reranker(PACKAGED_MODEL)
    assert configured_reranker("on") == packaged
    assert configured_reranker("off") is None and configured_reranker("") is None
    assert "CLEF 2020 dev" in packaged.provenance["held out"]
    assert any(weight != 0.0 for weight in packaged.weights)


def test_a_model_round_trips_through_its_file(tmp_path):
    model = Reranker(weights=tuple(range(COUNT)), mean=(0.5,) * COUNT, scale=(2.0,) * COUNT, depth=12)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = load_reranker(path)
    assert loaded.weights == model.weights and loaded.depth == 12
    assert loaded.score([[1.0] * COUNT]) == pytest.approx([sum(range(COUNT)) * 0.25])


def test_the_packaged_model_is_written_back_byte_for_byte():
    """What `--train-rerank` writes (rounded to six places, format and feature names first) reads back the same."""
    written = json.dumps(load_reranker(PACKAGED_MODEL).to_dict(), indent=1, ensure_ascii=False) + "\n"
    assert written == PACKAGED_MODEL.read_text(encoding="utf-8")
    record = Reranker(weights=(1 / 3,) * COUNT, mean=(0.0,) * COUNT, scale=(1.0,) * COUNT).to_dict()
    assert list(record)[:2] == ["format", "features"] and record["weights"][0] == 0.333333


def _valid() -> dict:
    return Reranker(weights=(0.0,) * COUNT, mean=(0.0,) * COUNT, scale=(1.0,) * COUNT).to_dict()


@pytest.mark.parametrize(
    ("case", "change", "message"),
    [
        ("another format", {"format": "other/9"}, "expected format"),
        ("features of another version", {"features": ["cosine"]}, "not the ones this version computes"),
        ("a weight missing", {"weights": [0.0] * (COUNT - 1)}, f"weights needs {COUNT} values"),
        ("a weight as text", {"weights": ["1"] * COUNT}, "'weights' must be a list of numbers"),
        ("a zero scale", {"scale": [0.0] * COUNT}, "every scale must be above 0"),
        ("a depth of 0", {"depth": 0}, "depth and dense_led_depth must be at least 1"),
        ("a depth as text", {"dense_led_depth": "5"}, "must be whole numbers"),
        ("provenance not an object", {"provenance": []}, "'provenance' an object"),
    ],
)
def test_a_model_that_does_not_fit_is_refused_by_name(case, change, message):
    with pytest.raises(RerankModelError, match=message):
        parse_reranker({**_valid(), **change})


def test_a_list_is_not_a_model():
    with pytest.raises(RerankModelError, match=f"expected format '{MODEL_FORMAT}', found 'list'"):
        parse_reranker([])


def test_a_corrupt_or_missing_model_file_is_a_clear_input_error(tmp_path, monkeypatch):
    corrupt = tmp_path / "model.json"
    corrupt.write_text('{"format": "factcheck-rerank/1", "weights": [0.1,', encoding="utf-8")
    with pytest.raises(RerankModelError, match="is not valid JSON.*--train-rerank") as raised:
        load_reranker(corrupt)
    assert isinstance(raised.value, InputError)
    with pytest.raises(RerankModelError, match="cannot be read"):
        configured_reranker(str(tmp_path / "absent.json"))
    nan = tmp_path / "nan.json"
    nan.write_text(json.dumps({**_valid(), "mean": [float("nan")] * COUNT}), encoding="utf-8")
    with pytest.raises(RerankModelError, match="not a finite number"):
        load_reranker(nan)


def test_cli_search_and_check_take_the_rerank_option_and_refuse_a_corrupt_model(index_dir, tmp_path, capsys):
    from factcheck.cli import main
    from tests.helpers import SEEDS

    base = ["--index-dir", str(index_dir), "--embedder", "hash"]
    assert main([*base, "index", "add", "demo", str(SEEDS / "corpus")]) == 0
    model = tmp_path / "short-first.json"
    model.write_text(json.dumps(_only("length_ratio", -1.0).to_dict()), encoding="utf-8")
    capsys.readouterr()
    query = "a 48-hour pause in the fighting in Aleppo"
    outputs = {}
    for choice in ("off", "on", str(model)):
        assert main([*base, "search", "demo", query, "--top-k", "5", "--rerank", choice]) == 0
        outputs[choice] = [hit["passage_id"] for hit in json.loads(capsys.readouterr().out)["hits"]]
    assert outputs[str(model)] != outputs["off"]  # the shortest passages first: another order than the fusion's
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text("{not json", encoding="utf-8")
    article = SEEDS / "articles" / "aleppo_truce_talks.txt"
    for command in (["search", "demo", query], ["check", str(article), "--corpus", "demo"]):
        assert main([*base, *command, "--rerank", str(corrupt)]) != 0
        err = capsys.readouterr().err
        assert "is not valid JSON" in err and "Traceback" not in err
