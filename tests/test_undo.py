"""Undo of the last verdict change and of the last bulk change."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.errors import MissingReviewerError, NothingToUndoError
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.undo import last_bulk_change, undo_bulk_change, undo_last_save
from factcheck.workbench import bulk_update, queue_table

ARTICLE = "Almost 600,000 people live under siege, the UN said.\n\n“We want a pause for 48 hours,” Kerry said."


@pytest.fixture
def store(review_target):
    store = ReviewStore(review_target)
    document = Document.from_text(ARTICLE, doc_id="a.txt")
    store.record_claims(document, extract_claims(document))
    return store


def test_the_last_verdict_change_is_undone_as_a_new_attributed_version(store):
    claim_id = store.recorded_claims()[0].claim_id
    store.save(claim_id, rating="False", note="first", reviewer="ana", expected_version=0)
    store.save(claim_id, rating="Accurate", note="second", reviewer="ana", expected_version=1)
    restored = undo_last_save(store, claim_id, seen_version=2, changed_by="ana")
    assert (restored.rating, restored.note, restored.version, restored.changed_by) == ("False", "first", 3, "ana")
    assert [entry.change for entry in store.history(claim_id)] == ["verdict", "verdict", "undo"]


def test_undo_refuses_when_someone_saved_since_or_nothing_was_saved(store):
    claim_id = store.recorded_claims()[0].claim_id
    with pytest.raises(NothingToUndoError, match="never saved"):
        undo_last_save(store, claim_id, seen_version=0, changed_by="ana")
    store.save(claim_id, rating="False", reviewer="ana", expected_version=0)
    store.save(claim_id, rating="Accurate", reviewer="ben", expected_version=1)
    with pytest.raises(NothingToUndoError, match="ben saved this claim"):
        undo_last_save(store, claim_id, seen_version=1, changed_by="ana")
    assert store.get(claim_id).rating == "Accurate"


def test_the_last_bulk_change_is_undone_except_where_someone_saved_since(store):
    table = queue_table(store)
    first, second = list(table["claim_id"])
    store.save(first, rating="False", note="keep", reviewer="ana", expected_version=0)
    result = bulk_update(store, queue_table(store), changed_by="cleo", status="done", reviewer="dana")
    assert result.saved == 2
    change = last_bulk_change(store)
    assert (change.changed_by, change.claim_count, change.description) == ("cleo", 2, "status: done, reviewer: dana")
    store.save(second, rating="Accurate", reviewer="ben", status=ReviewStatus.DONE, expected_version=1)
    with pytest.raises(MissingReviewerError):
        undo_bulk_change(store, change.batch, changed_by="")
    assert undo_bulk_change(store, change.batch, changed_by="cleo") == (1, 1)
    back = store.get(first)
    assert (back.rating, back.note, back.reviewer, back.status, back.changed_by) == (
        "False",
        "keep",
        "ana",
        ReviewStatus.IN_PROGRESS,
        "cleo",
    )
    assert store.get(second).rating == "Accurate"  # ben's later save is left alone
    assert last_bulk_change(store) is None
    with pytest.raises(NothingToUndoError):
        undo_bulk_change(store, change.batch, changed_by="cleo")
