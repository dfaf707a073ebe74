"""Passages and stored documents read from their files per hit (issue 12): a corpus written before keeps working,
filters decided per distinct source and date match the passage-by-passage rule, rewrites keep the records and BM25
counts of what they keep, a reader keeps its generation after a writer replaces it, and damage is a clear error."""

import json
import shutil
from pathlib import Path

import pytest

from factcheck.backup import backup_corpus, restore_corpus
from factcheck.documents import Document
from factcheck.errors import CorruptIndexError
from factcheck.store import Corpus, IndexStore, record_files
from factcheck.store.passages import PassageFilter
from tests.helpers import PROJECT_ROOT

# Written by the code before passages were read per hit (commit 689de9b, hash embedder): two segments of two
# documents each, with sources, dates and a title.
WRITTEN_BEFORE = PROJECT_ROOT / "tests" / "data" / "corpus-2026-12"

DOCUMENTS = [
    Document(
        "un-syria.txt",
        "According to the UN, about 600,000 people live under siege in Syria. Most are surrounded by government "
        "forces.",
        title="Sieges",
        date="2016-08-20",
        source="UN",
    ),
    Document(
        "darayya.txt",
        "Some 8,000 remaining residents of Darayya were to be evacuated. The rebels had held the suburb for four "
        "years.",
        date="2016-08-26",
        source="Reuters",
    ),
    Document(
        "aleppo.txt",
        "The UN asked for a 48-hour pause in the fighting in Aleppo so that aid convoys could enter the city.",
        date="2016-09",
        source="UN",
    ),
    Document(
        "undated.txt",
        "Officials said the convoy of 31 trucks waited at the border crossing for three days before it turned back.",
    ),
]
QUERIES = ["siege of 600,000 people", "aid convoys to Aleppo", "evacuation of Darayya", "trucks at the border"]


@pytest.fixture
def written_before(index_dir: Path) -> Path:
    shutil.copytree(WRITTEN_BEFORE, index_dir, dirs_exist_ok=True)
    return index_dir


def _results(corpus: Corpus, embedder, passage_filter: PassageFilter | None = None) -> tuple[list, list]:
    vectors = embedder.encode_queries(QUERIES)
    dense = corpus.search_vectors(vectors, 5, passage_filter)
    lexical = corpus.search_lexical(QUERIES, 5, passage_filter)
    return (
        [[(p.to_dict(), round(s, 4)) for p, s in hits] for hits in dense],
        [[(p.to_dict(), round(s, 4)) for p, s in hits] for hits in lexical],
    )


def _fresh(index_dir: Path, embedder, name: str = "fresh") -> Corpus:
    corpus = IndexStore(index_dir).open_or_create(name, embedder)
    corpus.add_documents(DOCUMENTS[:2], embedder)
    corpus.add_documents(DOCUMENTS[2:], embedder)
    return corpus


def test_a_corpus_written_before_opens_and_searches_as_one_written_now(written_before, embedder):
    old = IndexStore(written_before).open("reports", embedder)
    assert old.manifest.chain == [1, 2] and len(old.passages) == 6 and len(old.documents) == 4
    assert _results(old, embedder) == _results(_fresh(written_before, embedder), embedder)
    assert old.documents["darayya.txt"].text == DOCUMENTS[1].text
    assert [p.doc_id for p in old.passages] == [
        "un-syria.txt",
        "un-syria.txt",
        "darayya.txt",
        "darayya.txt",
        "aleppo.txt",
        "undated.txt",
    ]


def test_a_corpus_written_before_takes_adds_removals_rebuilds_and_backups(written_before, embedder, tmp_path):
    store = IndexStore(written_before)
    old = store.open("reports", embedder)
    extra = Document.from_text("A further convoy of 12 trucks reached Darayya on Friday morning.", doc_id="more.txt")
    old.add_documents([extra], embedder)
    assert old.manifest.chain == [1, 2, 3] and "more.txt" in store.open("reports", embedder).documents
    assert old.remove_documents(["darayya.txt"]) == 1
    reopened = store.open("reports", embedder)
    assert sorted(reopened.documents) == ["aleppo.txt", "more.txt", "un-syria.txt", "undated.txt"]
    assert all(p.doc_id != "darayya.txt" for p in reopened.passages)
    assert reopened.rebuild(embedder) == len(reopened.passages) == 5
    backup_corpus(written_before / "reports", tmp_path / "reports.tar")
    restore_corpus(tmp_path / "reports.tar", written_before, "copy")
    assert _results(store.open("copy", embedder), embedder) == _results(reopened, embedder)


FILTERS = [
    PassageFilter(sources=("UN",)),
    PassageFilter(sources=("Reuters", "AFP")),
    PassageFilter(sources=("",)),  # passages without a source
    PassageFilter(since="2016-08-25"),
    PassageFilter(until="2016-08"),
    PassageFilter(since="2016-09", until="2016-09-30"),
    PassageFilter(sources=("UN",), since="2016-09"),
]


@pytest.mark.parametrize(
    "passage_filter",
    FILTERS,
    ids=["one source", "sources one absent", "no source", "since a day", "until a month", "within", "source and date"],
)
def test_filters_let_through_the_same_rows_as_the_passage_rule(written_before, embedder, passage_filter):
    corpus = IndexStore(written_before).open("reports", embedder)
    expected = [row for row, passage in enumerate(corpus.passages) if passage_filter.allows(passage)]
    allowed = corpus.allowed_rows(passage_filter)
    assert allowed is not None and allowed.tolist() == expected
    for hits in _results(corpus, embedder, passage_filter):
        for found in hits:
            assert all(
                passage_filter.allows_source(p["source"]) and passage_filter.allows_date(p["date"]) for p, _ in found
            )


def test_a_removal_keeps_the_bm25_scores_of_a_corpus_built_without_the_document(index_dir, embedder):
    corpus = _fresh(index_dir, embedder)
    corpus.remove_documents(["aleppo.txt"])
    without = IndexStore(index_dir).open_or_create("without", embedder)
    without.add_documents([d for d in DOCUMENTS if d.doc_id != "aleppo.txt"], embedder)
    assert _results(corpus, embedder)[1] == _results(without, embedder)[1]
    assert _results(IndexStore(index_dir).open("fresh", embedder), embedder) == _results(without, embedder)


def test_a_replacement_keeps_the_other_records_byte_for_byte(index_dir, embedder):
    corpus = _fresh(index_dir, embedder)
    before = (index_dir / "fresh" / corpus.manifest.file("passages", 1)).read_bytes().splitlines()
    changed = Document("darayya.txt", "All remaining residents of Darayya left the suburb by Saturday evening.")
    corpus.add_documents([changed], embedder)
    after = (index_dir / "fresh" / corpus.manifest.file("passages")).read_bytes().splitlines()
    assert [line for line in before if b'"un-syria.txt"' in line] == [line for line in after if b"un-syria" in line]
    assert corpus.documents["darayya.txt"].text == changed.text
    assert [p.doc_id for p in corpus.passages][-1] == "darayya.txt"


def test_a_reader_keeps_its_generation_after_another_writer_replaces_it(index_dir, embedder):
    reader = _fresh(index_dir, embedder)
    before = _results(reader, embedder)
    writer = IndexStore(index_dir).open("fresh", embedder)
    writer.remove_documents(["un-syria.txt"])
    assert not (index_dir / "fresh" / "passages.1.jsonl").exists()  # the old generation's files are deleted
    assert _results(reader, embedder) == before  # read through the files the reader holds open
    assert reader.documents["un-syria.txt"].source == "UN"


def test_records_are_read_in_blocks_whatever_their_length(index_dir, embedder, monkeypatch):
    long_text = " ".join(f"Sentence {n} of a long report on the aid convoys to Aleppo." for n in range(300))
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents([*DOCUMENTS, Document("long.txt", long_text)], embedder)
    whole = IndexStore(index_dir).open("reports", embedder)
    monkeypatch.setattr(record_files, "_BLOCK", 64)  # most records span several blocks
    small = IndexStore(index_dir).open("reports", embedder)
    assert [p.to_dict() for p in small.passages] == [p.to_dict() for p in whole.passages]
    assert [small.documents[d].to_dict() for d in small.documents] == [
        whole.documents[d].to_dict() for d in whole.documents
    ]
    assert len(small.passages) > len(DOCUMENTS)


def _without_checksums(folder: Path) -> None:
    record = json.loads((folder / "manifest.json").read_text())
    record["checksums"] = {}
    (folder / "manifest.json").write_text(json.dumps(record))


@pytest.mark.parametrize(
    ("file", "old", "new", "named"),
    [
        ("passages.2.jsonl", b'"text"', b'"words"', "wrong shape"),
        ("documents.1.jsonl", b'"content_hash"', b'"hash"', "wrong shape"),
        ("passages.1.jsonl", b'"doc_id"', b'"doc_id', "line 1 is not valid JSON"),
        ("documents.2.jsonl", b"UN", b"U\xff", "not UTF-8 near line 1"),
        ("passages.2.jsonl", b'"doc_id": "aleppo.txt"', b'"doc_id": ["aleppo.txt"]', "wrong shape"),
    ],
    ids=["passage without text", "document without hash", "broken line", "not UTF-8", "id not a string"],
)
def test_records_of_the_wrong_shape_are_a_clear_error_at_opening(written_before, embedder, file, old, new, named):
    folder = written_before / "reports"
    path = folder / file
    path.write_bytes(path.read_bytes().replace(old, new, 1))
    _without_checksums(folder)  # as if written so by a faulty tool: only the records' shape can tell
    with pytest.raises(CorruptIndexError) as error:
        IndexStore(written_before).open("reports", embedder)
    assert named in str(error.value) and "factcheck index rebuild reports" in str(error.value)


def test_a_record_damaged_after_opening_is_a_clear_error_when_read(written_before, embedder):
    corpus = IndexStore(written_before).open("reports", embedder)
    path = written_before / "reports" / "passages.1.jsonl"
    data = path.read_bytes()
    path.write_bytes(b"#" + data[1:])  # same length, in place: the offsets still point at the line
    with pytest.raises(CorruptIndexError, match="factcheck index rebuild reports"):
        corpus.passages[0]
    assert corpus.passages[3].doc_id == "darayya.txt"  # the other records are still read


def test_a_corpus_of_many_segments_opens_past_a_low_limit_on_open_files(index_dir, embedder):
    """Two files held open per segment: past the soft limit the store raises it to the hard one and opens on."""
    import subprocess
    import sys

    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    for number in range(40):
        text = f"Report {number}: a convoy of {number} trucks reached the city on day {number}."
        corpus.add_documents([Document.from_text(text, doc_id=f"report{number}.txt")], embedder)
    assert len(corpus.manifest.chain) == 40
    code = (
        "import resource, sys\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)\n"
        "if hard != resource.RLIM_INFINITY and hard <= 64: sys.exit(3)\n"
        "resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))\n"
        "from factcheck.embed import HashEmbedder\n"
        "from factcheck.store import IndexStore\n"
        f"corpus = IndexStore({str(index_dir)!r}).open('reports', HashEmbedder())\n"
        "print(len(corpus.passages), corpus.passages[-1].doc_id)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT)
    if done.returncode == 3:
        pytest.skip("the hard limit on open files is too low to test raising the soft one")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["40", "report39.txt"]
