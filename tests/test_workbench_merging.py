"""Two reviewers' verdicts side by side and the merge offered to the second."""

from __future__ import annotations

from factcheck.reviews import Review, ReviewStatus
from factcheck.workbench import Draft, merged_defaults, side_by_side

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
