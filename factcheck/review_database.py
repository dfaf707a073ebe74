"""The review database file itself: recognising it by its marker before anything is written, creating it atomically.

A factcheck review database carries `PRAGMA application_id` = APPLICATION_ID and `user_version` = its schema version.
One written before the marker existed is recognised by its tables and its `meta` row, and marked. Any other file
(another program's SQLite database, an empty file, a look-alike) is refused before a single byte of it changes: no
tables added, no switch to WAL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from factcheck.errors import ForeignDatabaseError, ReviewStoreError

APPLICATION_ID = int.from_bytes(b"FcRv", "big")  # 0x46635276
TABLES = frozenset({"meta", "documents", "claims", "reviews", "review_history"})


def check_or_create(path: Path, schema: str, version: int) -> None:
    """Make sure `path` is a factcheck review database of at most `version`, creating it if absent.

    Raises:
        ForeignDatabaseError: the file is empty, or an SQLite database of another program.
        ReviewStoreError: not an SQLite file, written by a newer factcheck, or not creatable.
    """
    if not path.exists():
        _create(path, schema, version)
        return
    recognise(path, version)


def recognise(path: Path, version: int | None = None) -> None:
    """Raise unless the existing file `path` is a factcheck review database (of at most `version`, when given);
    nothing is written."""
    if path.is_file() and path.stat().st_size == 0:
        raise ForeignDatabaseError(
            f"{path} is an empty file (0 bytes), not a factcheck review database; it was not changed. Delete it to "
            "let factcheck create the database there, or choose another path with --reviews (or FACTCHECK_REVIEWS)."
        )
    application_id, user_version, tables, marked = _inspect(path)
    if application_id == APPLICATION_ID or (application_id == 0 and tables >= TABLES and marked):
        if version is not None and user_version > version:
            raise ReviewStoreError(
                f"{path} was written by a newer factcheck (schema {user_version}, this one reads {version}). "
                "Upgrade factcheck; the file was not changed."
            )
        return
    shown = ", ".join(sorted(tables)[:8]) or "none"
    raise ForeignDatabaseError(
        f"{path} is an SQLite database but not a factcheck review database (application id {application_id:#x}, "
        f"tables: {shown}); it was not changed. Choose another path with --reviews (or FACTCHECK_REVIEWS)."
    )


def mark(connection: sqlite3.Connection, version: int) -> None:
    """Write the marker (for a database from before it existed); call inside a write transaction."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {int(version)}")


def _inspect(path: Path) -> tuple[int, int, set[str], bool]:
    """(application_id, user_version, table names, has the meta schema row), read without writing anything."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        raise _not_a_database(path, error) from error
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        marked = False
        if "meta" in tables:
            with contextlib.suppress(sqlite3.Error):
                row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                marked = row is not None
                if marked and application_id == 0:
                    user_version = int(row[0]) if str(row[0]).isdigit() else user_version
        return application_id, user_version, tables, marked
    except sqlite3.Error as error:
        raise _not_a_database(path, error) from error
    finally:
        connection.close()


def _create(path: Path, schema: str, version: int) -> None:
    """Build the database beside `path` and link it into place, so an interrupted creation leaves nothing at `path`
    and two processes creating it at once end with one database."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(schema)
            with connection:
                mark(connection, version)
                connection.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),)
                )
        finally:
            connection.close()
        try:
            os.link(temporary, path)  # fails if another process created it meanwhile: theirs is kept
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    except (OSError, sqlite3.Error) as error:
        raise ReviewStoreError(f"Cannot create the review database at {path} ({error}).") from error


def _not_a_database(path: Path, error: Exception) -> ReviewStoreError:
    return ReviewStoreError(
        f"{path} is not a usable review database ({error}). Move it aside (it was not changed) or choose another "
        "path with --reviews."
    )
