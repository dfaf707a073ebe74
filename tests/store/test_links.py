"""Names and symbolic links in the index folder: a name with a line break is refused, a planted link is never
written or read through, and removing a linked corpus removes only the link (issue 11, defect 11)."""

import os

import pytest

from factcheck.cli import main
from factcheck.errors import CorruptIndexError
from factcheck.store import IndexStore, validate_corpus_name
from tests.helpers import make_documents

TEXT = "The UN asked for a 48-hour pause in the fighting in Aleppo so that aid convoys could enter the city."


@pytest.mark.parametrize("name", ["nl\n", "base\n", "a\nb"])
def test_names_with_line_breaks_are_refused(name):
    with pytest.raises(ValueError, match="Invalid corpus name"):
        validate_corpus_name(name)


def test_a_link_planted_as_the_next_generation_is_replaced_not_written_through(index_dir, embedder, tmp_path):
    corpus = IndexStore(index_dir).open_or_create("base", embedder)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    next_generation = corpus.manifest.generation + 1
    for kind, suffix in (("documents", ".jsonl"), ("passages", ".jsonl"), ("index", ".faiss")):
        os.symlink(victim, corpus.directory / f"{kind}.{next_generation}{suffix}")
    corpus.add_documents(make_documents(TEXT), embedder)
    assert victim.read_text() == "precious"
    assert len(IndexStore(index_dir).open("base", embedder).documents) == 1


def test_a_link_in_place_of_a_data_file_is_refused_on_open(index_dir, embedder, tmp_path):
    corpus = IndexStore(index_dir).open_or_create("base", embedder)
    corpus.add_documents(make_documents(TEXT), embedder)
    path = corpus.directory / corpus.manifest.file("documents")
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    os.symlink(outside, path)
    with pytest.raises(CorruptIndexError, match="symbolic link"):
        IndexStore(index_dir).open("base", embedder)


def test_a_linked_lock_file_is_refused(index_dir, embedder, tmp_path):
    corpus = IndexStore(index_dir).open_or_create("base", embedder)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (corpus.directory / ".lock").unlink()
    os.symlink(victim, corpus.directory / ".lock")
    with pytest.raises(CorruptIndexError, match="symbolic link"):
        corpus.add_documents(make_documents(TEXT), embedder)
    assert victim.read_text() == "precious"


def test_removing_a_linked_corpus_removes_only_the_link(index_dir, embedder, tmp_path, capsys):
    elsewhere = IndexStore(tmp_path / "elsewhere").open_or_create("real", embedder)
    elsewhere.add_documents(make_documents(TEXT), embedder)
    index_dir.mkdir()
    os.symlink(elsewhere.directory, index_dir / "linked")
    code = main(["--embedder", "hash", "--index-dir", str(index_dir), "index", "remove", "linked"])
    assert code == 0, capsys.readouterr().err
    assert not (index_dir / "linked").exists() and not (index_dir / "linked").is_symlink()
    assert (elsewhere.directory / "manifest.json").is_file()


def test_a_linked_corpus_is_not_opened(index_dir, embedder, tmp_path):
    elsewhere = IndexStore(tmp_path / "elsewhere").open_or_create("real", embedder)
    index_dir.mkdir()
    os.symlink(elsewhere.directory, index_dir / "linked")
    with pytest.raises(CorruptIndexError, match="symbolic link"):
        IndexStore(index_dir).open("linked", embedder)
