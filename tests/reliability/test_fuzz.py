"""The short fault and fuzz suite that runs in CI: every reader with random bytes and structured garbage, every corpus
file damaged at random, random manifests, random review-database files and random export cells. Each input either
works or is refused with a FactcheckError; nothing else escapes, and nothing stored is lost.

`pytest -m soak --soak` runs the same properties with many more examples (docs/reliability.md).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import zipfile

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.embed import HashEmbedder
from factcheck.errors import CorruptIndexError, FactcheckError, IndexMismatchError, ReviewStoreError
from factcheck.export import to_csv_bytes
from factcheck.readers import SUPPORTED_EXTENSIONS, read_bytes
from factcheck.reviews import ReviewStore
from factcheck.store import Corpus, IndexStore
from factcheck.store.repair import rebuild_corpus
from tests.helpers import make_documents
from tests.readers.test_dispatch import SAMPLES

# 25 examples per property in CI; the soak (`make soak`) sets FACTCHECK_FUZZ_EXAMPLES higher.
EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
EMBEDDER = HashEmbedder()
SAMPLE_BY_EXTENSION = {"." + name.rsplit(".", 1)[1]: data for name, data in SAMPLES.items()}


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        documents = read_bytes(data, name)
    except FactcheckError:
        return
    assert all(document.text for document in documents)


@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_read_or_refused_by_every_reader(extension, data):
    _read_or_refuse(data, "fuzz" + extension)


def _mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Apply (kind, position, value) edits: 0 flips a byte, 1 cuts the rest off, 2 inserts a byte, 3 zeroes 16."""
    buffer = bytearray(data)
    for kind, position, value in edits:
        if not buffer:
            break
        at = position % len(buffer)
        if kind == 0:
            buffer[at] ^= value or 1
        elif kind == 1:
            del buffer[at:]
        elif kind == 2:
            buffer.insert(at, value)
        else:
            buffer[at : at + 16] = bytes(len(buffer[at : at + 16]))
    return bytes(buffer)


EDITS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=8)


@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
@FUZZ
@given(edits=EDITS)
def test_damaged_samples_are_read_or_refused_by_every_reader(extension, edits):
    _read_or_refuse(_mutate(SAMPLE_BY_EXTENSION[extension], edits), "damaged" + extension)


@FUZZ
@given(
    members=st.lists(
        st.tuples(st.sampled_from(["word/document.xml", "[Content_Types].xml", "docProps/core.xml", "x"]), st.binary()),
        max_size=4,
        unique_by=lambda member: member[0],
    )
)
def test_zip_archives_with_random_members_are_read_or_refused_as_docx(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    _read_or_refuse(buffer.getvalue(), "garbage.docx")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(records=st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "url", "date", "x"]), JSON_VALUES)))
def test_jsonl_records_of_any_shape_are_read_or_refused(records):
    _read_or_refuse("\n".join(json.dumps(r) for r in records).encode(), "records.jsonl")


@FUZZ
@given(rows=st.lists(st.lists(st.text(alphabet=st.sampled_from('ab ,;"\n\r\t=1'), max_size=12), max_size=5)))
def test_csv_cells_of_any_shape_are_read_or_refused(rows):
    _read_or_refuse(("id,text\n" + "\n".join(",".join(row) for row in rows)).encode(), "rows.csv")


TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<br>", "<!--", "-->", "<title>"])


@FUZZ
@given(parts=st.lists(TAGS | st.text(max_size=20), max_size=60))
def test_tag_soup_is_read_or_refused(parts):
    _read_or_refuse("".join(parts).encode(), "soup.html")


# ---- corpora ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("template")
    corpus = IndexStore(root).open_or_create("reports", EMBEDDER)
    corpus.add_documents(
        make_documents(
            "According to the UN, about 600,000 people live under siege in Syria.",
            "Some 8,000 remaining residents of Darayya were to be evacuated on Friday.",
            "The UN asked for a 48-hour pause in the fighting in Aleppo so aid could enter.",
        ),
        EMBEDDER,
    )
    return corpus.directory


def _copy(template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzzed") / "reports"
    shutil.copytree(template, folder)
    return folder


@FUZZ
@given(which=st.integers(0, 100), edits=EDITS)
@example(which=0, edits=[(0, 7427, 0)])  # one flipped byte in a stored id: the record parsed and was kept garbled
@example(which=98, edits=[(0, 35, 0)])  # the manifest's model name damaged: refused as another model, rebuild repairs
def test_a_corpus_file_damaged_at_random_is_refused_or_consistent_and_rebuild_repairs_it(
    template, tmp_path_factory, which, edits
):
    folder = _copy(template, tmp_path_factory)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    target = files[which % len(files)]
    target.write_bytes(_mutate(target.read_bytes(), edits))
    try:
        corpus = Corpus.open(folder, EMBEDDER)
    except (CorruptIndexError, IndexMismatchError):  # a damaged model name reads as another model: rebuild advised
        pass
    else:
        assert corpus.index.ntotal == len(corpus.passages) == corpus.manifest.passages
        assert len(corpus.documents) == corpus.manifest.documents
    try:
        report = rebuild_corpus(folder, EMBEDDER)
    except CorruptIndexError:
        assert target.name.startswith("documents.")  # no stored documents left to rebuild from
        return
    repaired = Corpus.open(folder, EMBEDDER)
    assert len(repaired.documents) == report.documents
    originals = Corpus.open(template).documents
    assert all(originals[d.doc_id].text == d.text for d in repaired.documents.values())  # nothing mixed or garbled
    if report.documents < 3:
        assert report.lost_documents and report.messages()  # a loss is always reported, never silent
    if not target.name.startswith("documents."):
        assert report.documents == 3  # derived files are always fully repaired


@FUZZ
@given(
    record=st.dictionaries(
        st.sampled_from(
            [
                "name",
                "model",
                "dimension",
                "generation",
                "documents",
                "passages",
                "format_version",
                "checksums",
                "index_type",
                "x",
            ]
        ),
        JSON_VALUES,
    )
)
def test_random_manifests_are_refused_or_opened_consistently(template, tmp_path_factory, record):
    folder = _copy(template, tmp_path_factory)
    manifest = json.loads((folder / "manifest.json").read_text())
    (folder / "manifest.json").write_text(json.dumps({**manifest, **record}))
    try:
        corpus = Corpus.open(folder)
    except FactcheckError:
        return
    assert corpus.index.ntotal == len(corpus.passages) == corpus.manifest.passages


# ---- the review database and the export ----------------------------------------------------------------------------


@FUZZ
@given(
    data=st.binary(max_size=8192)
    | st.just(b"SQLite format 3\x00")
    | st.binary(min_size=100).map(lambda tail: b"SQLite format 3\x00" + tail)
)
def test_random_files_given_as_the_review_database_are_refused_unchanged(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("reviews") / "reviews.sqlite3"
    path.write_bytes(data)
    with pytest.raises(ReviewStoreError):
        ReviewStore(path)
    assert path.read_bytes() == data


def test_a_foreign_database_with_data_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ReviewStoreError):
        ReviewStore(path)
    assert path.read_bytes() == before


@FUZZ
@given(cells=st.lists(st.text(max_size=30), min_size=1, max_size=6))
def test_exported_cells_stay_one_row_and_never_start_a_formula(cells):
    data = to_csv_bytes([{f"c{i}": cell for i, cell in enumerate(cells)}]).decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == 2
    for cell in rows[1]:
        assert not cell.lstrip().startswith(("=", "+", "-", "@")) and not cell.startswith(("\t", "\r", "\n"))
