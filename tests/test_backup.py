"""Backups of corpora and of the review database: consistent while others write, restored without loss, and hostile
archives refused with nothing changed."""

from __future__ import annotations

import io
import sqlite3
import tarfile

import pytest

from factcheck import backup as backup_module
from factcheck.backup import backup_corpus, backup_reviews, restore_corpus, restore_reviews
from factcheck.cli import main
from factcheck.documents import Document
from factcheck.errors import BackupError, CorruptIndexError, ForeignDatabaseError
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.store import IndexStore
from tests.helpers import make_documents

TEXTS = [
    "According to the UN, about 600,000 people live under siege in Syria. Most are surrounded by government forces.",
    "Some 8,000 remaining residents of Darayya were to be evacuated. The rebels had held the suburb for four years.",
    "The UN asked for a 48-hour pause in the fighting in Aleppo so that aid convoys could enter the city.",
]


@pytest.fixture
def store(index_dir, embedder) -> IndexStore:
    store = IndexStore(index_dir)
    store.open_or_create("reports", embedder).add_documents(make_documents(*TEXTS[:2]), embedder)
    return store


def _snapshot(corpus):
    return sorted(p.passage_id for p in corpus.passages), sorted(corpus.documents)


def test_a_corpus_backup_restores_under_another_name(store, embedder, tmp_path):
    archive = tmp_path / "reports.tar"
    report = backup_corpus(store.path("reports"), archive)
    assert report.documents == 2 and archive.stat().st_size == report.bytes
    restore_corpus(archive, store.root, "copy")
    assert _snapshot(store.open("copy", embedder)) == _snapshot(store.open("reports", embedder))
    assert store.open("copy", embedder).manifest.name == "copy"


def test_a_backup_taken_while_a_writer_commits_is_the_generation_it_started_from(
    store, embedder, tmp_path, monkeypatch
):
    before = _snapshot(store.open("reports", embedder))
    writer = store.open("reports", embedder)
    original = backup_module.read_manifest

    def read_then_commit(directory):
        manifest = original(directory)
        writer.add_documents(make_documents(TEXTS[2], prefix="late"), embedder)  # commits while the backup copies
        return manifest

    monkeypatch.setattr(backup_module, "read_manifest", read_then_commit)
    backup_corpus(store.path("reports"), tmp_path / "during.tar")
    monkeypatch.undo()
    restore_corpus(tmp_path / "during.tar", store.root, "during")
    assert _snapshot(store.open("during", embedder)) == before
    assert len(store.open("reports", embedder).documents) == 3  # the writer's change is kept too


def test_restoring_over_a_corpus_needs_replace_and_is_a_new_generation(store, embedder, tmp_path):
    archive = tmp_path / "reports.tar"
    backup_corpus(store.path("reports"), archive)
    corpus = store.open("reports", embedder)
    corpus.add_documents(make_documents(TEXTS[2], prefix="new"), embedder)
    with pytest.raises(BackupError, match="already exists"):
        restore_corpus(archive, store.root)
    assert len(store.open("reports", embedder).documents) == 3
    restore_corpus(archive, store.root, replace_existing=True)
    restored = store.open("reports", embedder)
    assert len(restored.documents) == 2 and restored.manifest.generation > corpus.manifest.generation
    corpus.add_documents(make_documents("A later report on 300 trucks of aid.", prefix="after"), embedder)
    assert len(store.open("reports", embedder).documents) == 3  # a stale writer starts from the restored state


def _archive_with(tmp_path, members) -> tarfile.TarFile:
    path = tmp_path / "hostile.tar"
    with tarfile.open(path, "w") as archive:
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _file(name, data=b"{}"):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _link(name, target, kind=tarfile.SYMTYPE):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info, None


@pytest.mark.parametrize(
    "members",
    [
        [_file("x/manifest.json"), _link("x/documents.1.jsonl", "/etc/passwd")],
        [_file("x/manifest.json"), _link("x/documents.1.jsonl", "/etc/passwd", tarfile.LNKTYPE)],
        [_file("x/manifest.json"), _file("../escape/documents.1.jsonl")],
        [_file("x/manifest.json"), _file("/tmp/absolute.jsonl")],
        [_file("x/manifest.json"), _file("x/lexical.1/../../escape")],
        [_file("x/manifest.json"), _file("x/notes.txt")],
        [_file("x/manifest.json", b"[1, 2]")],
        [_file("x/index.1.faiss")],
        [_file(f"x/lexical.1/f{n}") for n in range(1_001)],
    ],
    ids=[
        "symlink",
        "hardlink",
        "dot-dot",
        "absolute",
        "nested dot-dot",
        "stray file",
        "bad manifest",
        "no manifest",
        "too many members",
    ],
)
def test_hostile_archives_are_refused_and_nothing_is_written(index_dir, tmp_path, members):
    index_dir.mkdir()
    with pytest.raises((BackupError, CorruptIndexError)):
        restore_corpus(_archive_with(tmp_path, members), index_dir)
    assert list(index_dir.iterdir()) == []
    assert not (tmp_path / "escape").exists() and not (tmp_path.parent / "escape").exists()


def test_an_archive_with_a_garbled_file_is_refused_and_the_target_keeps_its_state(store, embedder, tmp_path):
    archive = tmp_path / "reports.tar"
    backup_corpus(store.path("reports"), archive)
    data = bytearray(archive.read_bytes())
    at = data.find(b'"doc_id"')  # inside the documents file
    data[at + 2] ^= 0x20
    archive.write_bytes(bytes(data))
    before = _snapshot(store.open("reports", embedder))
    with pytest.raises(CorruptIndexError):
        restore_corpus(archive, store.root, replace_existing=True)
    assert _snapshot(store.open("reports", embedder)) == before


def test_a_damaged_corpus_is_not_backed_up(store, tmp_path):
    corpus_dir = store.path("reports")
    manifest = store.open("reports").manifest
    path = corpus_dir / manifest.file("passages")
    path.write_bytes(path.read_bytes().replace(b"siege", b"siegf"))
    with pytest.raises(CorruptIndexError, match="index rebuild reports"):
        backup_corpus(corpus_dir, tmp_path / "x.tar")
    assert not (tmp_path / "x.tar").exists()


@pytest.fixture
def reviews(tmp_path):
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    document = Document.from_text("Almost 600,000 people live under siege, the UN said.", doc_id="a.txt")
    claims = extract_claims(document)
    store.record_claims(document, claims)
    return store, claims[0].claim_id


def test_a_review_backup_is_a_snapshot_and_restoring_keeps_a_copy_of_what_it_replaces(reviews, tmp_path):
    store, claim_id = reviews
    store.save(claim_id, rating="Accurate", reviewer="ana", status=ReviewStatus.DONE, expected_version=0)
    backup_reviews(store.path, tmp_path / "backup.sqlite3")
    store.save(claim_id, rating="False", reviewer="ben", status=ReviewStatus.DONE, expected_version=1)
    with pytest.raises(BackupError, match="already exists"):
        restore_reviews(tmp_path / "backup.sqlite3", store.path)
    report = restore_reviews(tmp_path / "backup.sqlite3", store.path, replace_existing=True)
    assert store.get(claim_id).rating == "Accurate"  # the open store sees the restored state
    assert ReviewStore(report.kept_copy).get(claim_id).rating == "False"


def test_a_review_backup_is_consistent_while_another_connection_writes(reviews, tmp_path):
    store, claim_id = reviews
    writer = sqlite3.connect(store.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO meta (key, value) VALUES ('uncommitted', 'x')")
    backup_reviews(store.path, tmp_path / "backup.sqlite3")  # does not wait for, or include, the open transaction
    writer.execute("COMMIT")
    writer.close()
    with sqlite3.connect(tmp_path / "backup.sqlite3") as copy:
        assert copy.execute("SELECT count(*) FROM meta WHERE key = 'uncommitted'").fetchone()[0] == 0
    copy.close()
    assert ReviewStore(tmp_path / "backup.sqlite3").recorded_claims()


def test_a_foreign_database_is_neither_backed_up_nor_restored(tmp_path):
    foreign = tmp_path / "contacts.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    connection.close()
    with pytest.raises(ForeignDatabaseError):
        backup_reviews(foreign, tmp_path / "x.sqlite3")
    with pytest.raises(ForeignDatabaseError):
        restore_reviews(foreign, tmp_path / "reviews.sqlite3")
    assert not (tmp_path / "reviews.sqlite3").exists()


def test_backup_and_restore_from_the_command_line(store, embedder, tmp_path, capsys):
    base = ["--embedder", "hash", "--index-dir", str(store.root)]
    assert main([*base, "backup", "corpus", "reports", "--out", str(tmp_path / "r.tar")]) == 0
    assert main([*base, "restore", "corpus", str(tmp_path / "r.tar"), "--as", "again"]) == 0
    assert main([*base, "restore", "corpus", str(tmp_path / "r.tar")]) == 1
    assert "already exists" in capsys.readouterr().err
    assert _snapshot(store.open("again", embedder)) == _snapshot(store.open("reports", embedder))
