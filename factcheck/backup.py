"""Backups of a corpus (a tar archive of one generation) or of the review database (an SQLite copy), both taken
consistently while the app reads and writes, and restoring them without losing what is there.

A corpus backup copies the current generation under the readers lock, so no writer can delete its files meanwhile
(writers carry on); each file is checked against the manifest's checksums while it is copied. Restoring writes the
archive's files as a new generation of the target corpus under its writer lock and then the manifest, exactly as a
change does: a concurrent add waits and then starts from the restored state, and a crash leaves the corpus as it was.
An archive is read member by member: only regular files with plain names, within a size limit, are accepted.

The review database is copied with SQLite's online backup API (one consistent snapshot, writers not blocked for
long); restoring into an existing database first saves a copy of it beside it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sqlite3
import tarfile
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from factcheck import review_database
from factcheck.errors import BackupError, CorruptIndexError
from factcheck.serialise import Record
from factcheck.store import Corpus, validate_corpus_name
from factcheck.store.checksums import generation_checksums
from factcheck.store.generations import (
    generations_on_disk,
    refuse_orphaned_data,
    remove_entry,
    remove_generations_except,
)
from factcheck.store.locking import no_readers, reader_lock, writer_lock
from factcheck.store.manifest import MANIFEST_NAME, Manifest, read_manifest, sync_directory, write_manifest

MAX_MEMBERS = 1_000
_CHUNK = 1 << 20
# Names inside an archive: "<corpus>/manifest.json", "<corpus>/<kind>.<g>[.faiss|.jsonl]", "<corpus>/lexical.<g>/<f>".
_MEMBER = re.compile(
    r"(?P<corpus>[A-Za-z0-9][A-Za-z0-9_.-]{0,63})/"
    r"(?:(?P<manifest>manifest\.json)|(?P<kind>index|passages|documents)\.(?P<g>\d+)(?:\.faiss|\.jsonl)"
    r"|lexical\.(?P<lg>\d+)/(?P<member>[A-Za-z0-9_.-]{1,100}))"
)


@dataclass(frozen=True, slots=True)
class BackupReport(Record):
    """What a backup or restore wrote."""

    what: str  # "corpus 'name'" or "review database"
    path: str
    bytes: int
    documents: int | None = None
    kept_copy: str | None = None  # the database as it was before a restore replaced it


# ---- corpora -------------------------------------------------------------------------------------------------------


def backup_corpus(directory: Path, out: Path) -> BackupReport:
    """Write the corpus in `directory` as it is now to the tar archive `out` (written whole, then renamed into place).

    Raises:
        CorruptIndexError: the corpus cannot be read, or a file differs from its checksum (rebuild it first).
    """
    with reader_lock(directory):
        manifest = read_manifest(directory)
        files = manifest.files()
        temporary = out.with_name(f".{out.name}.part-{os.getpid()}")
        try:
            with tarfile.open(temporary, "w", format=tarfile.PAX_FORMAT) as archive:
                # The manifest as read, not the file again: a writer may have replaced it since.
                manifest_bytes = json.dumps(manifest.to_dict(), indent=2).encode("utf-8")
                _add_bytes(archive, f"{manifest.name}/{MANIFEST_NAME}", manifest_bytes)
                for role, name in files.items():
                    path = directory / name
                    members = sorted(os.listdir(path)) if role.partition("@")[0] == "lexical" else [None]
                    for member in members:
                        source = path / member if member else path
                        key = f"{role}/{member}" if member else role
                        _add_file(
                            archive,
                            source,
                            f"{manifest.name}/{name}" + (f"/{member}" if member else ""),
                            manifest.checksums.get(key),
                            manifest.name,
                        )
            os.replace(temporary, out)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
    return BackupReport(f"corpus '{manifest.name}'", str(out), out.stat().st_size, documents=manifest.documents)


def restore_corpus(archive_path: Path, root: Path, name: str | None = None, *, replace_existing: bool = False):
    """Restore a corpus archive into the index folder `root` (as `name`, else the name it was saved under).

    Raises:
        BackupError: not a corpus archive, an unsafe or oversized member, or a corpus of that name exists and
            `replace_existing` is False.
        CorruptIndexError: the archive's files do not match their checksums or each other.
    """
    archive = _open_archive(archive_path)
    with archive:
        members = _safe_members(archive, archive_path)
        saved_as = {m.name.split("/", 1)[0] for m in members}
        if len(saved_as) != 1:
            raise BackupError(f"{archive_path} holds {len(saved_as)} corpora; expected the backup of one corpus.")
        source_name = saved_as.pop()
        target = validate_corpus_name(name or source_name)
        manifest_member = archive.getmember(f"{source_name}/{MANIFEST_NAME}")
        try:
            saved = _manifest_from_bytes(_member_bytes(archive, manifest_member))
        except (CorruptIndexError, KeyError) as error:
            raise BackupError(
                f"{archive_path} has no readable manifest ({error}); it is not a corpus backup."
            ) from None
        directory = root / target
        if directory.is_symlink():
            raise BackupError(f"{directory} is a symbolic link; restore into a real folder (or another name).")
        created = not directory.exists()
        directory.mkdir(parents=True, exist_ok=True)
        try:
            _restore_into(archive, archive_path, members, saved, directory, target, replace_existing)
        except BaseException:
            if created:  # leave no empty corpus folder behind (it only holds lock files; anything more stays)
                for name in (".lock", ".readers"):
                    with contextlib.suppress(FileNotFoundError):
                        (directory / name).unlink()
                with contextlib.suppress(OSError):
                    directory.rmdir()
            raise
    return BackupReport(f"corpus '{target}'", str(directory), archive_path.stat().st_size, saved.documents)


def _restore_into(archive, archive_path, members, saved, directory, target, replace_existing) -> None:
    """Write the archive's files as the next generation of `directory` and commit it (see `restore_corpus`)."""
    root = directory.parent
    with writer_lock(directory):
        exists = (directory / MANIFEST_NAME).exists()
        if exists and not replace_existing:
            raise BackupError(
                f"A corpus named '{target}' already exists in {root}; nothing was changed. Restore it under "
                f"another name with --as NAME, or replace its contents with --replace."
            )
        if not exists:
            refuse_orphaned_data(directory)
        current = read_manifest(directory).generation if exists else -1
        first = max([current, *generations_on_disk(directory)]) + 1
        # Each saved segment becomes a new generation, in order, after everything in the folder.
        renumbered = {old: first + number for number, old in enumerate(saved.chain)}
        generation = renumbered[saved.generation]
        manifest = replace(
            saved,
            name=target,
            generation=generation,
            segments=[renumbered[g] for g in saved.segments],
            checksums={_renamed_role(role, renumbered): value for role, value in saved.checksums.items()},
        )
        written = []
        try:
            for member in members:
                relative = _renamed(member.name.split("/", 1)[1], renumbered)
                if relative is None:
                    continue
                written.append(relative.split("/")[0])
                _extract(archive, member, directory / relative)
            if generation_checksums(directory, manifest.files()) != manifest.checksums and saved.checksums:
                raise CorruptIndexError(f"{archive_path}: the files differ from the checksums in its manifest.")
            Corpus._load(directory, manifest)  # every check a normal open makes
        except BaseException:
            for entry in set(written):
                remove_entry(directory / entry)
            raise
        write_manifest(directory, manifest)  # the commit point
        with no_readers(directory) as free:
            if free:
                remove_generations_except(directory, manifest.chain)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def _add_file(archive: tarfile.TarFile, source: Path, name: str, checksum: str | None, corpus: str) -> None:
    """Copy one file into the archive, checking its bytes against `checksum` on the way."""
    descriptor = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as handle:
        info = archive.gettarinfo(fileobj=handle, arcname=name)
        if not info.isreg():
            raise CorruptIndexError(f"{source} is not a regular file; run `factcheck index rebuild {corpus}`.")
        summing = _Summing(handle)
        archive.addfile(info, summing)
    crc = summing.crc
    if checksum is not None and checksum != f"crc32:{crc:08x}":
        raise CorruptIndexError(
            f"{source} differs from its checksum: the corpus is damaged, so it was not backed up. Run `factcheck "
            f"index rebuild {corpus}` first."
        )


class _Summing:
    """A file's reader that keeps the CRC-32 of what has been read."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.crc = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.crc = zlib.crc32(data, self.crc)
        return data


def _open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:")
    except FileNotFoundError:
        raise BackupError(
            f"{path} does not exist; expected a corpus backup made by `factcheck backup corpus`."
        ) from None
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{path} is not a corpus backup (not a tar archive: {error}).") from None


def _safe_members(archive: tarfile.TarFile, path: Path) -> list[tarfile.TarInfo]:
    """The archive's members, refusing links, devices, odd names and sizes over a quarter of the free disk space."""
    members: list[tarfile.TarInfo] = []
    try:
        for member in archive:
            if len(members) >= MAX_MEMBERS:
                raise BackupError(f"{path} has more than {MAX_MEMBERS} members; a corpus backup has a few dozen.")
            if not member.isreg() or not _MEMBER.fullmatch(member.name):
                raise BackupError(
                    f"{path} holds {member.name!r} ({'a link or special file' if not member.isreg() else 'unexpected'}"
                    "); a corpus backup holds only the files of one corpus. Nothing was restored."
                )
            members.append(member)
    except tarfile.TarError as error:
        raise BackupError(f"{path} is damaged ({error}); nothing was restored.") from None
    total = sum(m.size for m in members)
    free = _free_bytes(path.parent)
    if free is not None and total > free // 4 * 3:
        raise BackupError(f"{path} would unpack to {total:,} bytes, more than the free disk space allows.")
    if not any(m.name.endswith("/" + MANIFEST_NAME) for m in members):
        raise BackupError(f"{path} has no manifest.json; it is not a corpus backup.")
    return members


def _renamed(relative: str, renumbered: dict[int, int]) -> str | None:
    """A member's path inside the corpus folder with its generation number replaced; None for the manifest and for
    files of a generation that is not one of the saved segments."""
    if relative == MANIFEST_NAME:
        return None
    match = re.match(r"^(index|passages|documents|lexical)\.(\d+)", relative)
    if match is None or int(match.group(2)) not in renumbered:
        return None
    return f"{match.group(1)}.{renumbered[int(match.group(2))]}" + relative[match.end() :]


def _renamed_role(role: str, renumbered: dict[int, int]) -> str:
    """A checksum key (`lexical@3/rows.npy`) with the generation of an earlier segment renumbered."""
    kind, slash, member = role.partition("/")
    name, at, number = kind.partition("@")
    if at and number.isdigit() and int(number) in renumbered:
        kind = f"{name}@{renumbered[int(number)]}"
    return f"{kind}{slash}{member}"


def _extract(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    target.parent.mkdir(exist_ok=True)
    remove_entry(target)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    source = archive.extractfile(member)
    if source is None:  # not a regular file: _safe_members lets none through
        raise BackupError(f"{member.name} in the archive is not a regular file; nothing was restored.")
    with os.fdopen(descriptor, "wb") as handle:
        remaining = member.size
        while remaining > 0 and (chunk := source.read(min(_CHUNK, remaining))):
            handle.write(chunk)
            remaining -= len(chunk)
        handle.flush()
        os.fsync(handle.fileno())
    sync_directory(target.parent)


def _member_bytes(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(member)
    if handle is None:
        raise BackupError(f"{member.name} in the archive is not a regular file; nothing was restored.")
    return handle.read()


def _manifest_from_bytes(data: bytes) -> Manifest:
    """Read a manifest held in memory with the same checks as one on disk."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, MANIFEST_NAME).write_bytes(data)
        return read_manifest(Path(folder))


def _free_bytes(folder: Path) -> int | None:
    try:
        status = os.statvfs(folder)
    except OSError:
        return None
    return status.f_bavail * status.f_frsize


# ---- the review database -------------------------------------------------------------------------------------------


def backup_reviews(database: Path, out: Path) -> BackupReport:
    """Copy the review database to `out` as one consistent snapshot, while others keep reading and writing it.

    Raises:
        ReviewStoreError: `database` is missing or not a factcheck review database (ForeignDatabaseError).
    """
    if not database.is_file():
        raise BackupError(f"No review database at {database}; pass --reviews PATH (or set FACTCHECK_REVIEWS).")
    review_database.recognise(database)
    temporary = out.with_name(f".{out.name}.part-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        _copy_database(database, temporary)
        os.replace(temporary, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
    return BackupReport("review database", str(out), out.stat().st_size)


def restore_reviews(backup: Path, database: Path, *, replace_existing: bool = False) -> BackupReport:
    """Put a review-database backup in place at `database`; an existing database is first copied beside it.

    Raises:
        BackupError: no such backup, or a database exists at `database` and `replace_existing` is False.
        ReviewStoreError: the backup (or the existing database) is not a factcheck review database.
    """
    if not backup.is_file():
        raise BackupError(f"{backup} does not exist; expected a backup made by `factcheck backup reviews`.")
    review_database.recognise(backup)
    kept = None
    if database.exists():
        if not replace_existing:
            raise BackupError(
                f"A review database already exists at {database}; nothing was changed. Restore to another path with "
                "--reviews PATH, or replace it with --replace (a copy of it is kept beside it)."
            )
        review_database.recognise(database)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = database.with_name(f"{database.name}.before-restore-{stamp}")
        _copy_database(database, kept)
        _copy_database(backup, database)  # into the live database: other connections see the restored state
    else:
        database.parent.mkdir(parents=True, exist_ok=True)
        temporary = database.with_name(f".{database.name}.new-{os.getpid()}")
        _copy_database(backup, temporary)
        try:
            os.link(temporary, database)
        except FileExistsError:
            raise BackupError(f"A review database appeared at {database} meanwhile; nothing was changed.") from None
        finally:
            temporary.unlink()
    return BackupReport(
        "review database", str(database), database.stat().st_size, kept_copy=str(kept) if kept else None
    )


def _copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` into `target` (created or overwritten page by page in one transaction)."""
    try:
        reading = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            writing = sqlite3.connect(target, timeout=30)
            try:
                reading.backup(writing)
            finally:
                writing.close()
        finally:
            reading.close()
    except sqlite3.Error as error:
        raise BackupError(f"Could not copy {source} to {target} ({error}); nothing was replaced.") from error
