"""Queue page: every claim of every checked article, with filters, for deciding what to review next."""

from __future__ import annotations

import streamlit as st

from factcheck.reviews import ReviewStatus
from factcheck.ui_resources import reviews_or_stop
from factcheck.workbench import Settings, queue_table

st.set_page_config(page_title="factcheck · queue", page_icon="🔎", layout="wide")
st.title("Review queue")
settings = Settings.from_environment()
reviews = reviews_or_stop(settings)

everything = queue_table(reviews)
left, middle, right, last = st.columns(4)
statuses = left.multiselect("Status", [s.value for s in ReviewStatus], key="queue_status")
kinds = middle.multiselect("Type", ["quote", "numeric"], key="queue_type")
reviewers = right.multiselect("Reviewer", sorted(r for r in everything["reviewer"].unique() if r), key="queue_reviewer")
ratings = last.multiselect("Rating", list(settings.ratings), key="queue_rating")
table = queue_table(reviews, statuses=statuses, kinds=kinds, reviewers=reviewers, ratings=ratings)
st.caption(f"{len(table)} of {len(everything)} claims")
if table.empty:
    st.info("No claims yet: check an article on the main page, or loosen the filters.")
else:
    st.dataframe(table.sort_values("check-worthiness", ascending=False), hide_index=True, width="stretch")
