"""Backups of Milvus corpora: the same tar archive as a folder corpus's, written and read through a temporary folder
store (the vectors copied as they are, nothing re-embedded), so an archive restores into either store."""

from __future__ import annotations

import tempfile
from pathlib import Path

from factcheck.backup import BackupReport, backup_corpus, restore_corpus
from factcheck.errors import BackupError
from factcheck.store import IndexStore
from factcheck.store.migrate import migrate_corpus
from factcheck.store.milvus.store import MilvusStore


def backup_milvus_corpus(store: MilvusStore, name: str, out: Path, scratch: Path | None = None) -> BackupReport:
    """Write corpus `name` of `store` to the tar archive `out`, as `factcheck backup corpus` writes a folder corpus.

    The corpus is copied into a temporary folder store first (in `scratch`, by default the archive's folder: it needs
    about the corpus's size on disk there for the time of the backup); the Milvus store is only read.

    Raises:
        CorpusNotFoundError, CorruptIndexError, StoreConnectionError: the corpus cannot be read.
    """
    store.open(name)  # the not-found and damage messages before anything is written
    with tempfile.TemporaryDirectory(prefix=".factcheck-backup-", dir=scratch or out.parent) as folder:
        staging = IndexStore(folder)
        migrate_corpus(store, staging, name)
        return backup_corpus(staging.path(name), out)


def restore_milvus_corpus(
    archive: Path, store: MilvusStore, name: str | None = None, scratch: Path | None = None
) -> BackupReport:
    """Restore a corpus archive into `store` (as `name`, else the name it was saved under): the archive's files are
    checked in a temporary folder store, then copied with their vectors.

    Raises:
        BackupError: not a corpus archive, or `store` already has a corpus of that name (a Milvus corpus is never
            replaced by a restore: remove it first, knowingly).
        CorruptIndexError: the archive's files do not match their checksums or each other.
    """
    with tempfile.TemporaryDirectory(prefix=".factcheck-restore-", dir=scratch) as folder:
        staged = restore_corpus(archive, Path(folder), name)
        target = Path(staged.path).name
        if store.exists(target):
            raise BackupError(
                f"{store} already has a corpus named '{target}'; nothing was restored. Restore under another name "
                f"(--as NAME), or remove it first with `factcheck --store {store} index remove {target}` if the "
                "backup is to take its place."
            )
        report = migrate_corpus(IndexStore(folder), store, target)
    return BackupReport(f"corpus '{target}'", f"{store} ({target})", staged.bytes, report.documents)
