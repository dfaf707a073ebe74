"""Two reviewers' verdicts side by side and the merge offered to the second."""

from __future__ import annotations

import pytest

from factcheck.errors import ReviewConflictError
from factcheck.reviews import Review, ReviewStatus, ReviewStore
from factcheck.workbench import NO_RATING, Draft, merged_defaults, rating_choices, save_draft, side_by_side

UN = {"corpus": "demo", "passage_id": "p1", "title": "UN briefing"}
WIRE = {"corpus": "wire", "passage_id": "w7", "title": "Wire report"}


def test_the_merge_starts_from_both_verdicts():
    draft = Draft("Misleading", ReviewStatus.IN_PROGRESS, "my note", (WIRE, UN))
    saved = Review("c1", "False", "their note", "ben", ReviewStatus.DONE, (UN,), 3)
    merged = merged_defaults(draft, saved)
    assert merged == Draft("Misleading", ReviewStatus.DONE, "their note\n\nmy note", (UN, WIRE))


def test_a_draft_without_rating_or_new_note_takes_theirs():
    draft = Draft(None, ReviewStatus.UNREVIEWED, "same", ())
    saved = Review("c1", "False", "same", "ben", ReviewStatus.IN_PROGRESS, (), 1)
    assert merged_defaults(draft, saved) == Draft("False", ReviewStatus.IN_PROGRESS, "same", ())


def test_side_by_side_marks_the_fields_that_differ():
    draft = Draft("Misleading", ReviewStatus.DONE, "my note", (UN,))
    saved = Review("c1", None, "my note", "ben", ReviewStatus.DONE, (WIRE,), 1)
    table = side_by_side(draft, saved)
    assert list(table["field"]) == ["rating", "status", "note", "evidence"]
    assert list(table["differs"]) == [True, False, False, True]
    assert list(table["saved"]) == ["(none)", "done", "my note", "Wire report"]


def test_rating_choices_keep_an_off_scale_rating_once_after_the_scale():
    assert rating_choices(("True", "False")) == [NO_RATING, "True", "False"]
    assert rating_choices(("True", "False"), "Pants on fire", None, "False", "Pants on fire") == [
        NO_RATING,
        "True",
        "False",
        "Pants on fire",
    ]


def test_a_draft_is_saved_as_the_reviewer_and_a_stale_one_is_refused(tmp_path):
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    draft = Draft("False", ReviewStatus.DONE, "checked", (UN,))
    saved = save_draft(store, "c1", draft, reviewer="ana", expected_version=0, change="merge")
    assert (saved.rating, saved.status, saved.evidence, saved.reviewer, saved.version) == (
        "False",
        ReviewStatus.DONE,
        (UN,),
        "ana",
        1,
    )
    assert store.history("c1")[-1].change == "merge"
    with pytest.raises(ReviewConflictError):
        save_draft(store, "c1", draft, reviewer="ben", expected_version=0)
