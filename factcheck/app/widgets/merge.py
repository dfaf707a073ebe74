"""A refused save, merged: the other reviewer's saved verdict beside this reviewer's draft, and a form that starts
from both (nothing typed is lost) and saves the merge on top of their version."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from factcheck.errors import FactcheckError, ReviewConflictError
from factcheck.reviews import Review, ReviewStatus, ReviewStore
from factcheck.workbench import (
    Draft,
    escape_markdown,
    evidence_options,
    merged_defaults,
    saved_evidence_labels,
    side_by_side,
)

NO_RATING = "(none)"


def round_suffix(claim_id: str) -> str:
    """The key suffix of the verdict widgets' current round (empty for the first)."""
    number = st.session_state.get(f"round-{claim_id}")
    return f"-{number}" if number else ""


def new_round(claim_id: str, keys: dict[str, str]) -> None:
    """Draw the verdict form afresh from the stored verdict (fresh widget keys), and rerun."""
    for name in ("rating", "status", "evidence", "note", "seen", "conflict", "draft"):
        st.session_state.pop(keys[name], None)
    st.session_state[f"round-{claim_id}"] = st.session_state.get(f"round-{claim_id}", 0) + 1
    st.rerun()


def merge_panel(
    reviews: ReviewStore,
    ratings: Sequence[str],
    claim_id: str,
    candidates: Sequence[dict],
    reviewer: str,
    saved: Review,
    keys: dict[str, str],
) -> None:
    draft: Draft = st.session_state[keys["draft"]]
    st.error(escape_markdown(st.session_state.get(keys["conflict"]) or "Someone else saved this claim meanwhile."))
    who = escape_markdown(saved.changed_by or saved.reviewer or "another reviewer")
    st.markdown(f"**Your draft beside the verdict saved by {who}** (version {saved.version})")
    st.table(side_by_side(draft, saved).set_index("field"))  # four short rows: a plain table, read at a glance
    merged = merged_defaults(draft, saved)
    options = evidence_options(candidates, merged.evidence)
    scope = f"{claim_id}-{saved.version}"  # a newer save by someone else starts the merge again from it
    with st.form(key=f"merge-{scope}"):
        st.markdown("**Merged verdict** (starts from both; change anything before saving)")
        rating_options = [NO_RATING, *ratings]
        for rating in (draft.rating, saved.rating):
            if rating and rating not in rating_options:
                rating_options.append(rating)
        rating = st.selectbox(
            "Rating",
            rating_options,
            index=rating_options.index(merged.rating) if merged.rating else 0,
            key=f"merge-rating-{scope}",
        )
        statuses = [s.value for s in ReviewStatus]
        status = st.selectbox(
            "Status", statuses, index=statuses.index(merged.status.value), key=f"merge-status-{scope}"
        )
        picked = st.multiselect(
            "Deciding evidence",
            list(options),
            default=saved_evidence_labels(options, merged.evidence),
            key=f"merge-evidence-{scope}",
        )
        note = st.text_area("Note", value=merged.note, key=f"merge-note-{scope}")
        submitted = st.form_submit_button("Save merged verdict", type="primary", shortcut="Ctrl+Enter")
    if submitted:
        mine = Draft(
            None if rating == NO_RATING else rating, ReviewStatus(status), note, tuple(options[p] for p in picked)
        )
        try:
            stored = reviews.save(
                claim_id,
                rating=mine.rating,
                note=mine.note,
                reviewer=reviewer,
                status=mine.status,
                evidence=mine.evidence,
                expected_version=saved.version,
                change="merge",
            )
        except ReviewConflictError as error:
            st.session_state[keys["conflict"]] = str(error)
            st.session_state[keys["draft"]] = mine  # merge again, from what was just typed
            st.rerun()
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            st.session_state[keys["message"]] = f"Merged verdict saved (version {stored.version})."
            new_round(claim_id, keys)
    if st.button("Discard my draft and show the saved verdict", key=f"reload-{claim_id}"):
        new_round(claim_id, keys)
