"""The verdict form: rating, status, deciding evidence and note, saved at once; a save by another reviewer since
this browser read the verdict is shown beside this reviewer's draft to merge, never overwritten; the last change
can be undone."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from factcheck.app.widgets.merge import merge_panel, new_round, round_suffix
from factcheck.app.widgets.verdict_fields import verdict_fields
from factcheck.errors import FactcheckError, ReviewConflictError
from factcheck.reviews import ReviewStore
from factcheck.undo import undo_last_save
from factcheck.workbench import Draft, escape_markdown, evidence_options, rating_choices, save_draft

SAVE_SHORTCUT = "Ctrl+Enter"


def verdict_form(
    reviews: ReviewStore, ratings: Sequence[str], claim_id: str, candidates: Sequence[dict], reviewer: str
) -> None:
    """Draw the form for `claim_id`; `candidates` are the evidence passages (hit dicts) the reviewer can pick."""
    review = reviews.get(claim_id)
    # A stored verdict loaded into the form (after a save, an undo, a merge) draws new widgets (a new round in their
    # keys): a widget keeps what the browser shows even when its state is deleted, so only fresh keys show it.
    suffix = round_suffix(claim_id)
    keys = {name: f"{name}-{claim_id}{suffix}" for name in ("rating", "status", "evidence", "note")}
    keys |= {name: f"{name}-{claim_id}" for name in ("seen", "conflict", "draft", "message")}
    # The version this browser read. It is refreshed whenever the form is drawn afresh (no edit under way), so a save
    # is refused only if someone else saved while this reviewer was editing.
    if keys["note"] not in st.session_state:
        st.session_state[keys["seen"]] = review.version
    message = st.session_state.pop(keys["message"], None)
    if message:
        st.success(message)  # composed here from numbers and status names only
    if keys["draft"] in st.session_state:
        # Another reviewer saved first: their verdict beside this reviewer's draft, and a merge of the two.
        merge_panel(reviews, ratings, claim_id, candidates, reviewer, review, keys)
        return
    options = evidence_options(candidates, review.evidence)
    with st.form(key=f"review-{claim_id}{suffix}"):
        st.markdown("**Verdict**")
        start = Draft(review.rating, review.status, review.note, review.evidence)
        draft = verdict_fields(start, rating_choices(ratings, review.rating), options, keys)
        submitted = st.form_submit_button("Save verdict", type="primary", shortcut=SAVE_SHORTCUT)
    if submitted:
        try:
            saved = save_draft(
                reviews, claim_id, draft, reviewer=reviewer, expected_version=st.session_state[keys["seen"]]
            )
        except ReviewConflictError as error:
            st.session_state[keys["conflict"]] = str(error)
            st.session_state[keys["draft"]] = draft
            st.rerun()
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            implied = "" if saved.status is draft.status else f" The status is now '{saved.status.value}' (rated)."
            st.session_state[keys["message"]] = f"Saved (version {saved.version}).{implied}"
            new_round(claim_id, keys)
    if not reviewer.strip():
        st.caption("Type your name under Reviewer in the sidebar so your verdicts are attributed to you.")
    if review.updated_at:
        who = escape_markdown(review.changed_by or review.reviewer or "unnamed reviewer")
        assigned = f" · reviewer: {escape_markdown(review.reviewer)}" if review.reviewer != review.changed_by else ""
        st.caption(f"Last saved {review.updated_at} by {who} (version {review.version}){assigned}.")
        if st.button("Undo the last change", key=f"undo-{claim_id}", help="Puts back the version before it."):
            try:
                restored = undo_last_save(
                    reviews, claim_id, seen_version=st.session_state[keys["seen"]], changed_by=reviewer.strip()
                )
            except FactcheckError as error:
                st.error(escape_markdown(str(error)))
            else:
                st.session_state[keys["message"]] = f"Undone: version {restored.version} is the verdict as it was."
                new_round(claim_id, keys)
