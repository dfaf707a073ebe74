"""A real PostgreSQL server for the tests, from the `pgserver` wheel (PostgreSQL's own binaries, no system install).

PostgreSQL refuses to run as root; when the tests run as root (as CI does), pgserver creates a system user
`pgserver`, gives it the data directory, opens the folders above it to others for traversal and runs the server as
that user. That is why the data directory is a folder of its own under /tmp and not under pytest's temporary folder:
pytest keeps `/tmp/pytest-of-root` closed to other users (mode 0700) and closes it again at every session start, so
the server's user could not reach its own data. The server listens on a Unix socket in its data directory only.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path


class TestPostgres:
    """A running server and a way to make empty databases on it."""

    __test__ = False  # not a test class, despite its name

    def __init__(self) -> None:
        import pgserver

        self._folder = Path(tempfile.mkdtemp(prefix="factcheck-postgres-"))
        self._server = pgserver.get_server(self._folder / "data", cleanup_mode="stop")
        self._numbers = itertools.count(1)
        # Test data is thrown away: no waiting for the disk on each commit (the machine's disk is shared and busy).
        self._admin(
            "ALTER SYSTEM SET fsync = off", "ALTER SYSTEM SET synchronous_commit = off", "SELECT pg_reload_conf()"
        )

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self._server.get_uri("postgres"), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def new_database(self) -> str:
        """The `postgresql://` URL of a new, empty schema (as good as a new database to factcheck, and made in
        milliseconds where CREATE DATABASE copies a template)."""
        name = f"factcheck_test_{next(self._numbers)}"
        self._admin(f"DROP SCHEMA IF EXISTS {name} CASCADE", f"CREATE SCHEMA {name}")
        return f"{self._server.get_uri('postgres')}&options=-csearch_path%3D{name}"

    def stop(self) -> None:
        # An immediate shutdown (SIGQUIT to the postmaster): a clean one would first write every page to disk,
        # tens of seconds on a busy machine, for data that is deleted next.
        pid = self._server.get_pid()
        os.kill(pid, signal.SIGQUIT)
        for _ in range(300):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        self._server.cleanup()
        shutil.rmtree(self._folder, ignore_errors=True)


def start_postgres() -> TestPostgres:
    return TestPostgres()
