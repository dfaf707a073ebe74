"""Streaming ingest: checkpoints, the journal of finished files, resuming, progress, unreadable files."""

import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers import read_path
from factcheck.store import IndexStore
from factcheck.store.ingest import JOURNAL_NAME, IngestJournal, IngestProgress, ingest_paths


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    for number in range(6):
        (folder / f"{number}.txt").write_text(
            f"Report {number}. Aid agencies said {number * 1000 + 7} families were affected near Aleppo."
        )
    return sorted(folder.iterdir())


def test_checkpoints_commit_in_steps_and_progress_reaches_the_end(files, index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("c", embedder)
    seen = []
    report = ingest_paths(corpus, embedder, files, read_path, checkpoint_characters=50, progress=seen.append)
    assert report.added_documents == 6 and report.added_passages >= 6
    assert corpus.manifest.documents == 6
    assert corpus.manifest.generation == 6  # one commit per file, not one for all
    assert seen[-1].files_done == 6 and seen[-1].bytes_done == seen[-1].bytes_total
    assert not (corpus.directory / JOURNAL_NAME).exists()  # a finished run leaves no journal


def test_resume_skips_the_files_an_interrupted_run_finished(files, index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("c", embedder)
    ingest_paths(corpus, embedder, files[:4], read_path, checkpoint_characters=1)
    IngestJournal(corpus.directory).record(files[:4])  # as an interrupted run over all six would have left it
    read = []

    def reading(path):
        read.append(path)
        return read_path(path)

    report = ingest_paths(corpus, embedder, files, reading, resume=True)
    assert read == files[4:]
    assert report.resumed_files == 4 and report.added_documents == 2
    assert corpus.manifest.documents == 6


def test_a_changed_file_is_read_again_on_resume(files, index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("c", embedder)
    IngestJournal(corpus.directory).record(files)
    files[0].write_text("Changed text: 12 trucks reached Homs on Monday, officials said.")
    report = ingest_paths(corpus, embedder, files, read_path, resume=True)
    assert report.resumed_files == 5 and report.added_documents == 1


def test_an_unreadable_file_is_reported_and_the_rest_added(files, index_dir, embedder, tmp_path):
    broken = tmp_path / "files" / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    corpus = IndexStore(index_dir).open_or_create("c", embedder)
    report = ingest_paths(corpus, embedder, [broken, *files], read_path)
    assert len(report.problems) == 1 and "broken.pdf" in report.problems[0]
    assert corpus.manifest.documents == 6
    with pytest.raises(UnreadableFileError):
        ingest_paths(corpus, embedder, [broken], read_path, stop_on_error=True)


def test_progress_rate_and_time_left():
    state = IngestProgress(files_done=1, files_total=4, bytes_done=250, bytes_total=1000, passages=500, seconds=10.0)
    assert state.passages_per_second == pytest.approx(50.0)
    assert state.seconds_left == pytest.approx(30.0)
    assert "50 passages/s" in state.describe() and "30 s left" in state.describe()
