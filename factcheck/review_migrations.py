"""Bringing a review database written by an older factcheck up to the current schema, in place and without loss.

Schema 1 had documents, claims, reviews and their history. Schema 2 adds who checked an article and whether it is
archived, who made each change (and which bulk change or undo it belonged to), the bulk changes themselves, and
each claim's candidate evidence as found when its article was checked. Every step only adds tables and columns with
defaults, so a schema-1 file keeps every claim and verdict and an older factcheck is refused by the version marker.
"""

from __future__ import annotations

from factcheck.review_connection import Connection

SCHEMA_VERSION = 2

# Tables added in schema 2 (plain SQL that PostgreSQL reads as well).
_NEW_TABLES = (
    """CREATE TABLE IF NOT EXISTS bulk_changes (
        batch TEXT PRIMARY KEY, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, description TEXT NOT NULL,
        claim_count INTEGER NOT NULL, undone_at TEXT, undone_by TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS claim_candidates (
        claim_id TEXT PRIMARY KEY, candidates TEXT NOT NULL, saved_at TEXT NOT NULL
    )""",
)
# (table, column, definition) added to schema-1 tables.
_NEW_COLUMNS = (
    ("documents", "checked_by", "TEXT NOT NULL DEFAULT ''"),
    ("documents", "archived", "INTEGER NOT NULL DEFAULT 0"),
    ("reviews", "changed_by", "TEXT NOT NULL DEFAULT ''"),
    ("review_history", "changed_by", "TEXT NOT NULL DEFAULT ''"),
    ("review_history", "change", "TEXT NOT NULL DEFAULT ''"),
    ("review_history", "batch", "TEXT"),
)


def migrate(connection: Connection) -> None:
    """Add what schema 2 has and the file lacks (each step is skipped when already done), then mark the file."""
    for statement in _NEW_TABLES:
        connection.execute(statement)
    for table, column, definition in _NEW_COLUMNS:
        if column not in _columns(connection, table):
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
    connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))


def _columns(connection: Connection, table: str) -> set[str]:
    """A table's column names, read from an empty result (works the same on every SQL database)."""
    cursor = connection.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    return {description[0] for description in cursor.description}
