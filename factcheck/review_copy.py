"""Copying a review database to another (a SQLite file to PostgreSQL, or back): every table, every version."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.errors import ReviewStoreError
from factcheck.review_connection import Connection
from factcheck.reviews import ReviewStore
from factcheck.serialise import Record

# Written by the target's own schema set-up, not copied.
_NOT_COPIED = frozenset({"meta"})
# A growing key the target numbers itself; rows are copied in its order so the history keeps its sequence.
_SERIAL = "id"


@dataclass(frozen=True, slots=True)
class CopyReport(Record):
    """How many rows of each table were copied."""

    rows: dict[str, int]


def copy_reviews(source: ReviewStore, target: ReviewStore) -> CopyReport:
    """Copy every claim, document, review and history row of `source` into the empty database `target`, in one
    transaction (an error leaves `target` as it was; `source` is only read).

    Raises:
        ReviewStoreError: `target` already holds claims or reviews, or lacks a table `source` has (it was written by
            an older factcheck: open it with this one first).
    """
    if source.name == target.name:
        raise ReviewStoreError(f"{source.name} is both the source and the target; name another target.")
    copied: dict[str, int] = {}
    with source.session() as reading, target.transaction() as writing:
        tables = [name for name in reading.table_names() if name not in _NOT_COPIED]
        missing = sorted(set(tables) - set(writing.table_names()))
        if missing:
            raise ReviewStoreError(
                f"{target.name} has no table {', '.join(missing)} that {source.name} has; nothing was copied."
            )
        occupied = [name for name in tables if writing.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]]
        if occupied:
            raise ReviewStoreError(
                f"{target.name} already holds data (tables {', '.join(occupied)}); copy into an empty database so "
                "no verdict is mixed with another desk's. Nothing was copied."
            )
        for name in tables:
            copied[name] = _copy_table(reading, writing, name)
    return CopyReport(copied)


def _copy_table(reading: Connection, writing: Connection, table: str) -> int:
    source_columns = _columns(reading, table)
    target_columns = set(_columns(writing, table))
    columns = [c for c in source_columns if c in target_columns and c != _SERIAL]
    order = f" ORDER BY {_SERIAL}" if _SERIAL in source_columns else ""
    listed = ", ".join(f'"{c}"' for c in columns)
    rows = reading.execute(f"SELECT {listed} FROM {table}{order}").fetchall()
    marks = ", ".join("?" * len(columns))
    writing.executemany(f"INSERT INTO {table} ({listed}) VALUES ({marks})", rows)
    return len(rows)


def _columns(connection: Connection, table: str) -> list[str]:
    """A table's column names, read from an empty result (the same on both engines)."""
    cursor = connection.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    return [description[0] for description in cursor.description]
