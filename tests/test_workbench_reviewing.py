"""The queue's bulk changes, a claim's history table and the evidence picker behind the verdict form."""

from __future__ import annotations

import pytest

from factcheck.documents import Document
from factcheck.errors import FactcheckError
from factcheck.extract import extract_claims
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import (
    bulk_update,
    evidence_options,
    history_table,
    queue_label,
    queue_table,
    saved_evidence_labels,
)


@pytest.fixture
def store(review_target):
    store = ReviewStore(review_target)
    text = "Almost 600,000 people live under siege, the UN said.\n\n“We want a pause for 48 hours,” Kerry said."
    document = Document.from_text(text, doc_id="a.txt", title="Truce talks")
    store.record_claims(document, extract_claims(document))
    return store


def test_bulk_update_applies_to_the_selected_rows_only(store):
    table = queue_table(store)
    result = bulk_update(store, table.iloc[:1], changed_by="cleo", status="done", reviewer="ana")
    assert (result.saved, result.conflicts) == (1, 0)
    after = queue_table(store)
    assert list(after["status"]) == ["done", "unreviewed"]
    assert list(after["reviewer"]) == ["ana", ""]
    assert result.message() == "Updated 1 claim."


def test_bulk_update_counts_claims_changed_since_the_queue_was_read(store):
    shown = queue_table(store)  # what the reviewer sees, all at version 0
    claim_id = shown.iloc[0]["claim_id"]
    store.save(claim_id, rating="Accurate", reviewer="ben", expected_version=0)
    result = bulk_update(
        store,
        queue_table(store),
        changed_by="cleo",
        rating="False",
        seen_versions=dict(zip(shown.claim_id, shown.version, strict=True)),
    )
    assert (result.saved, result.conflicts) == (1, 1)
    assert store.get(claim_id).rating == "Accurate"
    assert "1 was saved by someone else" in result.message()


@pytest.mark.parametrize(
    ("selection", "options", "expected"),
    [
        ("none", {"status": "done"}, "Select one or more claims"),
        ("all", {}, "Choose a status, a rating or a reviewer"),
        ("all", {"rating": "Pants on fire"}, "not on the rating scale"),
        ("all", {"status": "done", "changed_by": " "}, "Type your name under Reviewer"),
    ],
)
def test_bulk_update_refuses_what_it_cannot_do(store, selection, options, expected):
    table = queue_table(store)
    with pytest.raises(FactcheckError, match=expected):
        bulk_update(store, table.iloc[:0] if selection == "none" else table, **{"changed_by": "cleo", **options})
    assert set(queue_table(store)["version"]) == {0}


def test_history_table_is_newest_first_and_names_the_evidence(store):
    claim_id = queue_table(store).iloc[0]["claim_id"]
    store.save(claim_id, rating="False", reviewer="ana", expected_version=0)
    evidence = [{"corpus": "demo", "passage_id": "p1", "title": "UN briefing"}]
    store.save(
        claim_id, rating="Accurate", reviewer="ben", status=ReviewStatus.DONE, evidence=evidence, expected_version=1
    )
    table = history_table(store, claim_id)
    assert list(table["version"]) == [2, 1]
    assert list(table["reviewer"]) == ["ben", "ana"]
    assert table.iloc[0]["evidence"] == "UN briefing"


def test_saved_evidence_outside_this_check_stays_pickable_and_preselected():
    candidates = [
        {"rank": 1, "corpus": "demo", "passage_id": "p1", "title": "UN briefing"},
        {"rank": 2, "corpus": "demo", "passage_id": "p2", "title": "UN briefing"},
    ]
    saved = [{"corpus": "demo", "passage_id": "p2", "title": "UN briefing"}, {"corpus": "old", "passage_id": "x"}]
    options = evidence_options(candidates, saved)
    assert list(options) == ["1. UN briefing", "2. UN briefing", "saved: x (old)"]
    assert saved_evidence_labels(options, saved) == ["2. UN briefing", "saved: x (old)"]
    twice = evidence_options(
        [], [{"corpus": "a", "passage_id": "1", "title": "T"}, {"corpus": "a", "passage_id": "2", "title": "T"}]
    )
    assert list(twice) == ["saved: T (a)", "saved: T (a) (2)"]


def test_queue_label_names_the_article_and_kind(store):
    row = queue_table(store).iloc[1]
    assert queue_label(row).startswith("Truce talks · [quote] ")
    record = store.recorded_claims()[1]
    assert queue_label(record) == queue_label(row)
