"""The verdict form: rating, status, deciding evidence and note, saved at once; a save by another reviewer since
this browser read the verdict is shown as a conflict, never overwritten."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from factcheck.errors import FactcheckError, ReviewConflictError
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.workbench import escape_markdown, evidence_options, saved_evidence_labels

NO_RATING = "(none)"


def verdict_form(
    reviews: ReviewStore, ratings: Sequence[str], claim_id: str, candidates: Sequence[dict], reviewer: str
) -> None:
    """Draw the form for `claim_id`; `candidates` are the evidence passages (hit dicts) the reviewer can pick."""
    review = reviews.get(claim_id)
    # Loading another reviewer's verdict draws new widgets (a new round in their keys): a widget keeps what the
    # browser shows even when its state is deleted, so only fresh keys show the stored values.
    round_key = f"round-{claim_id}"
    suffix = f"-{st.session_state[round_key]}" if st.session_state.get(round_key) else ""
    keys = {name: f"{name}-{claim_id}{suffix}" for name in ("rating", "status", "evidence", "note")}
    keys |= {name: f"{name}-{claim_id}" for name in ("seen", "conflict")}
    # The version this browser read. It is refreshed whenever the form is drawn afresh (no edit under way), so a save
    # is refused only if someone else saved while this reviewer was editing.
    if keys["note"] not in st.session_state:
        st.session_state[keys["seen"]] = review.version
    options = evidence_options(candidates, review.evidence)
    with st.form(key=f"review-{claim_id}{suffix}"):
        st.markdown("**Verdict**")
        rating_options = [NO_RATING, *ratings]
        if review.rating and review.rating not in rating_options:
            rating_options.append(review.rating)  # a rating from an older scale is shown, not dropped
        rating = st.selectbox(
            "Rating",
            rating_options,
            index=rating_options.index(review.rating) if review.rating else 0,
            key=keys["rating"],
        )
        statuses = [s.value for s in ReviewStatus]
        status = st.selectbox("Status", statuses, index=statuses.index(review.status.value), key=keys["status"])
        picked = st.multiselect(
            "Deciding evidence",
            list(options),
            default=saved_evidence_labels(options, review.evidence),
            key=keys["evidence"],
        )
        note = st.text_area("Note", value=review.note, key=keys["note"])
        submitted = st.form_submit_button("Save verdict", type="primary")
    if submitted:
        try:
            review = reviews.save(
                claim_id,
                rating=None if rating == NO_RATING else rating,
                note=note,
                reviewer=reviewer,
                status=ReviewStatus(status),
                evidence=[options[label] for label in picked],
                expected_version=st.session_state[keys["seen"]],
            )
            st.session_state[keys["seen"]] = review.version
            st.session_state.pop(keys["conflict"], None)
            st.success(f"Saved (version {review.version}).")
        except ReviewConflictError as error:
            st.session_state[keys["conflict"]] = str(error)
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
    conflict = st.session_state.get(keys["conflict"])
    if conflict:
        # Another reviewer saved first: say so, and let this reviewer load their verdict before saving again.
        st.error(escape_markdown(conflict))
        if st.button("Load the saved verdict", key=f"reload-{claim_id}"):
            for key in keys.values():
                st.session_state.pop(key, None)
            st.session_state[round_key] = st.session_state.get(round_key, 0) + 1
            st.rerun()
    if not reviewer.strip():
        st.caption("Type your name under Reviewer in the sidebar so your verdicts are attributed to you.")
    if review.updated_at:
        who = escape_markdown(review.reviewer or "unnamed reviewer")
        st.caption(f"Last saved {review.updated_at} by {who} (version {review.version}).")
