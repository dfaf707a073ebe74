"""A refused save, merged: the other reviewer's saved verdict beside this reviewer's draft, and a form that starts
from both (nothing typed is lost) and saves the merge on top of their version."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from factcheck.app.widgets.verdict_fields import verdict_fields
from factcheck.errors import FactcheckError, ReviewConflictError
from factcheck.reviews import Review, ReviewStore
from factcheck.workbench import (
    Draft,
    escape_markdown,
    evidence_options,
    merged_defaults,
    rating_choices,
    save_draft,
    side_by_side,
)


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
        fields = {name: f"merge-{name}-{scope}" for name in ("rating", "status", "evidence", "note")}
        mine = verdict_fields(merged, rating_choices(ratings, draft.rating, saved.rating), options, fields)
        submitted = st.form_submit_button("Save merged verdict", type="primary", shortcut="Ctrl+Enter")
    if submitted:
        try:
            stored = save_draft(
                reviews, claim_id, mine, reviewer=reviewer, expected_version=saved.version, change="merge"
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
