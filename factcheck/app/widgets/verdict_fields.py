"""The four fields of a verdict inside a form (rating, status, deciding evidence, note), read back as a `Draft`;
the verdict form and the merge form both draw them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from factcheck.reviews import ReviewStatus
from factcheck.workbench import NO_RATING, Draft, saved_evidence_labels

STATUS_HELP = "A rating saved as 'unreviewed' is saved as 'in progress'; only claims marked 'done' are published."


def verdict_fields(
    start: Draft, rating_options: Sequence[str], options: Mapping[str, dict], keys: Mapping[str, str]
) -> Draft:
    """Draw the fields starting from `start` (inside an `st.form`) and return what they hold.

    Args:
        start: the values the fields show first.
        rating_options: the rating picker's choices (`rating_choices`), `start.rating` among them when it is set.
        options: the evidence a reviewer can pick, by label (`evidence_options`).
        keys: the widget keys of "rating", "status", "evidence" and "note".
    """
    rating = st.selectbox(
        "Rating",
        list(rating_options),
        index=list(rating_options).index(start.rating) if start.rating else 0,
        key=keys["rating"],
    )
    statuses = [s.value for s in ReviewStatus]
    status = st.selectbox(
        "Status", statuses, index=statuses.index(start.status.value), key=keys["status"], help=STATUS_HELP
    )
    picked = st.multiselect(
        "Deciding evidence",
        list(options),
        default=saved_evidence_labels(options, start.evidence),
        key=keys["evidence"],
    )
    note = st.text_area("Note", value=start.note, key=keys["note"])
    return Draft(
        None if rating == NO_RATING else rating, ReviewStatus(status), note, tuple(options[label] for label in picked)
    )
