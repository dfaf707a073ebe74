import json

import numpy as np
import pytest

from factcheck.embed import HashEmbedder
from factcheck.errors import (
    CorpusNotFoundError,
    CorruptIndexError,
    IndexMismatchError,
    InputError,
    InvalidCorpusNameError,
)
from factcheck.store import Corpus, IndexStore, validate_corpus_name
from factcheck.store import manifest as manifest_module
from tests.helpers import make_documents

SIEGE = "According to the UN, about 600,000 people live under siege in Syria. Most are surrounded by government forces."
DARAYYA = (
    "Some 8,000 remaining residents of Darayya were to be evacuated. The rebels had held the suburb for four years."
)
PAUSE = "The UN asked for a 48-hour pause in the fighting in Aleppo so that aid convoys could enter the city."


def test_round_trip_keeps_passages_metadata_and_vectors(index_dir, embedder):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    report = corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    assert report.added_documents == 2 and report.added_passages == corpus.manifest.passages > 0

    reopened = store.open("reports", embedder)
    assert reopened.manifest == corpus.manifest
    assert [p.to_dict() for p in reopened.passages] == [p.to_dict() for p in corpus.passages]
    assert reopened.index.ntotal == corpus.index.ntotal
    assert np.allclose(reopened.index.reconstruct_n(0, 2), corpus.index.reconstruct_n(0, 2))
    for passage in reopened.passages:
        document = reopened.documents[passage.doc_id]
        assert document.text[passage.start : passage.end] == passage.text


def test_manifest_names_model_dimension_counts_and_version(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE), embedder)
    record = json.loads((index_dir / "reports" / "manifest.json").read_text())
    assert record["model"] == embedder.name
    assert record["dimension"] == embedder.dimension
    assert record["documents"] == 1 and record["passages"] == corpus.index.ntotal
    assert record["format_version"] == manifest_module.FORMAT_VERSION


def test_adding_again_embeds_only_new_documents(index_dir):
    calls = []

    class CountingEmbedder(HashEmbedder):
        def encode_documents(self, texts, progress=None):
            calls.append(list(texts))
            return super().encode_documents(texts, progress)

    embedder = CountingEmbedder()
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    report = corpus.add_documents(make_documents(SIEGE, DARAYYA, PAUSE), embedder)
    assert report.added_documents == 1
    assert report.skipped_duplicates == ("doc1.txt", "doc2.txt")
    assert calls[-1] == [p.text for p in corpus.passages if p.doc_id == "doc3.txt"]


def test_same_document_id_with_new_text_replaces_the_old_version(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    report = corpus.add_documents(
        make_documents("Updated: 590,000 people live under siege, the UN said today."), embedder
    )
    assert report.replaced_documents == 1 and report.added_documents == 0
    texts = [p.text for p in corpus.passages if p.doc_id == "doc1.txt"]
    assert texts == ["Updated: 590,000 people live under siege, the UN said today."]
    assert corpus.index.ntotal == len(corpus.passages)


def test_remove_documents_keeps_the_rest_searchable(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE, DARAYYA, PAUSE), embedder)
    assert corpus.remove_documents(["doc2.txt", "missing.txt"]) == 1
    reopened = Corpus.open(index_dir / "reports", embedder)
    assert {p.doc_id for p in reopened.passages} == {"doc1.txt", "doc3.txt"}
    [[(best, _)]] = reopened.search_vectors(embedder.encode_queries([PAUSE]), top_k=1)
    assert best.doc_id == "doc3.txt"


def test_a_corpus_built_with_another_model_is_refused(index_dir, embedder):
    IndexStore(index_dir).open_or_create("reports", embedder).add_documents(make_documents(SIEGE), embedder)
    other = HashEmbedder(dimension=128, name="another-model")
    with pytest.raises(IndexMismatchError, match="another-model"):
        IndexStore(index_dir).open("reports", other)
    with pytest.raises(IndexMismatchError):
        Corpus.open(index_dir / "reports").add_documents(make_documents(PAUSE), other)


@pytest.mark.parametrize(
    "damage",
    ["truncate index", "delete passages", "garbage manifest", "wrong counts", "old format", "bad passage line"],
)
def test_damaged_corpus_is_a_clear_error_and_listing_survives(index_dir, embedder, damage):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    folder = index_dir / "reports"
    manifest = json.loads((folder / "manifest.json").read_text())
    if damage == "truncate index":
        path = folder / corpus.manifest.file("index")
        path.write_bytes(path.read_bytes()[:40])
    elif damage == "delete passages":
        (folder / corpus.manifest.file("passages")).unlink()
    elif damage == "garbage manifest":
        (folder / "manifest.json").write_text("{not json")
    elif damage == "wrong counts":
        manifest["passages"] += 5
        (folder / "manifest.json").write_text(json.dumps(manifest))
    elif damage == "old format":
        manifest["format_version"] = 0
        (folder / "manifest.json").write_text(json.dumps(manifest))
    elif damage == "bad passage line":
        with open(folder / corpus.manifest.file("passages"), "a") as handle:
            handle.write("{broken\n")
    with pytest.raises(CorruptIndexError) as error:
        store.open("reports", embedder)
    assert "reports" in str(error.value) or str(folder) in str(error.value)
    [info] = store.list()
    assert info.name == "reports"


def test_interrupted_add_leaves_the_previous_corpus_loadable(index_dir, embedder, monkeypatch):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE), embedder)
    before = store.open("reports", embedder)

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("factcheck.store.segments.write_manifest", crash)
    with pytest.raises(KeyboardInterrupt):
        corpus.add_documents(make_documents(DARAYYA, PAUSE, prefix="new"), embedder)
    monkeypatch.undo()
    after = store.open("reports", embedder)
    assert after.manifest == before.manifest
    assert [p.passage_id for p in after.passages] == [p.passage_id for p in before.passages]


def test_an_add_writes_only_its_own_segment_and_a_removal_leaves_one(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE), embedder)
    first = corpus.manifest.generation
    written = {name: (index_dir / "reports" / name).stat().st_mtime_ns for name in corpus.manifest.files().values()}
    corpus.add_documents(make_documents(DARAYYA, prefix="more"), embedder)
    assert corpus.manifest.chain == [first, first + 1]
    assert {n: (index_dir / "reports" / n).stat().st_mtime_ns for n in written} == written  # untouched
    corpus.remove_documents(["more1.txt"])
    generation = corpus.manifest.generation
    assert corpus.manifest.chain == [generation]
    names = sorted(p.name for p in (index_dir / "reports").iterdir() if not p.name.startswith("."))
    assert names == sorted(
        [
            "manifest.json",
            f"index.{generation}.faiss",
            f"passages.{generation}.jsonl",
            f"documents.{generation}.jsonl",
            f"lexical.{generation}",
        ]
    )


def test_lexical_channel_finds_exact_figures_and_survives_reopening(index_dir, embedder):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE, DARAYYA, PAUSE), embedder)
    [[(best, score)]] = store.open("reports", embedder).search_lexical(["8000 residents"], top_k=1)
    assert best.doc_id == "doc2.txt" and score > 0
    assert corpus.search_lexical(["zebra"], top_k=3) == [[]]


def test_filters_restrict_both_channels(index_dir, embedder):
    from factcheck.documents import Document
    from factcheck.store.passages import PassageFilter

    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    documents = [
        Document.from_text(SIEGE, doc_id="a", source="UN", date="2016-08-25"),
        Document.from_text(DARAYYA, doc_id="b", source="Wire", date="2016-08-26"),
        Document.from_text(PAUSE, doc_id="c", source="UN", date="2016-09-02"),
    ]
    corpus.add_documents(documents, embedder)
    query = embedder.encode_queries(["8,000 residents of Darayya"])
    only_un = PassageFilter(sources=("UN",))
    assert {p.doc_id for p, _ in corpus.search_vectors(query, 10, only_un)[0]} == {"a", "c"}
    assert all(p.source == "UN" for p, _ in corpus.search_lexical(["Darayya residents UN"], 10, only_un)[0])
    august = PassageFilter(since="2016-08", until="2016-08")
    assert {p.doc_id for p, _ in corpus.search_vectors(query, 10, august)[0]} == {"a", "b"}
    assert corpus.search_vectors(query, 10, PassageFilter(since="2017"))[0] == []


@pytest.mark.parametrize("bound", ["August", "2016/08/01", "16-08-01"])
def test_date_bounds_must_be_iso(bound):
    from factcheck.store.passages import PassageFilter

    with pytest.raises(InputError, match="ISO"):
        PassageFilter(since=bound)


def test_rebuild_reembeds_with_a_new_model(index_dir, embedder):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    other = HashEmbedder(dimension=64, name="other-model")
    count = corpus.rebuild(other)
    reopened = store.open("reports", other)
    assert reopened.manifest.model == "other-model" and reopened.manifest.dimension == 64
    assert reopened.index.ntotal == count == len(reopened.passages)
    assert set(reopened.documents) == {"doc1.txt", "doc2.txt"}


def test_list_and_remove(index_dir, embedder):
    store = IndexStore(index_dir)
    assert store.list() == []
    store.open_or_create("b-corpus", embedder).add_documents(make_documents(SIEGE), embedder)
    store.open_or_create("a-corpus", embedder)
    infos = store.list()
    assert [i.name for i in infos] == ["a-corpus", "b-corpus"]
    assert infos[1].documents == 1 and infos[1].size_bytes > 0
    store.remove("a-corpus")
    assert store.names() == ["b-corpus"]
    with pytest.raises(CorpusNotFoundError, match="a-corpus"):
        store.open("a-corpus", embedder)
    with pytest.raises(CorpusNotFoundError):
        store.remove("a-corpus")


@pytest.mark.parametrize("name", ["", "../escape", "a/b", ".hidden", "x" * 65, "spaces here", "trailing."])
def test_unsafe_corpus_names_are_refused(name):
    with pytest.raises(InvalidCorpusNameError, match="Invalid corpus name"):
        validate_corpus_name(name)


def test_the_corpus_name_message_says_which_letters_are_allowed():
    with pytest.raises(ValueError, match="unaccented Latin letters"):
        validate_corpus_name("Düsseldorf")


def test_search_vectors_matches_brute_force_on_random_data(tmp_path):
    rng = np.random.default_rng(7)
    dimension = 32
    embedder = HashEmbedder(dimension=dimension)
    corpus = Corpus.create(tmp_path / "random", "random", embedder)
    vectors = rng.normal(size=(300, dimension)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)

    class FixedEmbedder(HashEmbedder):
        def encode_documents(self, texts, progress=None):
            return vectors[: len(texts)]

    fixed = FixedEmbedder(dimension=dimension)
    documents = make_documents(*[f"Passage number {i} has enough words to stand alone here." for i in range(300)])
    corpus.add_documents(documents, fixed)
    assert corpus.index.ntotal == 300
    queries = rng.normal(size=(20, dimension)).astype(np.float32)
    results = corpus.search_vectors(queries, top_k=10)
    row_of = {p.passage_id: i for i, p in enumerate(corpus.passages)}
    for query, found in zip(queries, results, strict=True):
        expected = np.argsort(-(vectors @ query), kind="stable")[:10]
        assert [row_of[p.passage_id] for p, _ in found] == list(expected)
        assert np.allclose([s for _, s in found], (vectors @ query)[expected], atol=1e-5)
