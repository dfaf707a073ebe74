"""The long soak: the whole reliability probe with more rounds (concurrent processes, kills, damaged files, giant and
hostile inputs). Marked `soak` and skipped unless pytest runs with `--soak` (`make soak`); `make test` never runs it.
"""

import os

import pytest

from tests.reliability.probe import probe

pytestmark = pytest.mark.soak


def test_every_fault_class_ends_without_traceback_hang_memory_blowup_or_lost_state():
    tallies = probe(int(os.environ.get("FACTCHECK_SOAK_ROUNDS", "5")))
    failing = {t.name: t.row() | {"notes": t.notes} for t in tallies if t.failures}
    assert not failing, failing
