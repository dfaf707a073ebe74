"""Queue page: every claim of every checked article, with filters (article, text, date checked, status, type,
reviewer, rating), attributed bulk changes to the selected claims with an undo of the last one, and a way into a
claim's verdict."""

from __future__ import annotations

import streamlit as st

from factcheck.app.widgets.messages import announce, show_announcement
from factcheck.app.widgets.resources import reviews_or_stop
from factcheck.app.widgets.state import keep_only_known
from factcheck.errors import FactcheckError
from factcheck.reviews import ReviewStatus
from factcheck.undo import last_bulk_change, undo_bulk_change
from factcheck.workbench import Settings, bulk_update, escape_markdown, filter_queue, queue_table

KEEP_LABEL = "(leave as it is)"

settings = Settings.from_environment()
reviews = reviews_or_stop(settings)
st.title("Review queue")
show_announcement("queue")
# The versions this browser was shown: a bulk change skips any claim someone saved after that.
seen_versions: dict[str, int] = st.session_state.get("queue_seen_versions", {})

reviewer_name = st.session_state.get("reviewer", "").strip()
show_archived = st.toggle("Include archived articles", key="queue_archived")
everything = queue_table(reviews, include_archived=show_archived)
titles = dict(zip(everything["article_id"], everything["article"], strict=True))
keep_only_known("queue_article", titles)
article_column, text_column, date_column = st.columns([2, 2, 1])
chosen_articles = article_column.multiselect(
    "Article", list(titles), format_func=lambda doc_hash: titles[doc_hash], key="queue_article"
)
text = text_column.text_input("Text", key="queue_text", placeholder="words in the claim, speaker or article")
st.session_state.setdefault("queue_checked", ())
checked_dates = date_column.date_input("Checked between", key="queue_checked", format="YYYY-MM-DD")
picked_dates = list(checked_dates) if isinstance(checked_dates, tuple | list) else [checked_dates]
checked_from, checked_until = (picked_dates + [None, None])[:2]  # one date picked: from that day on
left, middle, right, last = st.columns(4)
statuses = left.multiselect("Status", [s.value for s in ReviewStatus], key="queue_status")
kinds = middle.multiselect("Type", ["quote", "numeric"], key="queue_type")
reviewers = right.multiselect("Reviewer", sorted(r for r in everything["reviewer"].unique() if r), key="queue_reviewer")
ratings = last.multiselect("Rating", list(settings.ratings), key="queue_rating")
table = filter_queue(
    everything,
    statuses=statuses,
    kinds=kinds,
    reviewers=reviewers,
    ratings=ratings,
    articles=chosen_articles,
    text=text,
    checked_from=checked_from,
    checked_until=checked_until,
)
table = table.sort_values("check-worthiness", ascending=False, kind="stable").reset_index(drop=True)
st.caption(f"{len(table)} of {len(everything)} claims · select rows to change them together or to open one")
latest = last_bulk_change(reviews)
if latest is not None:
    with st.container(border=True):
        st.caption(
            escape_markdown(
                f"Last bulk change: {latest.description} on {latest.claim_count} claim"
                f"{'' if latest.claim_count == 1 else 's'}, by {latest.changed_by} at {latest.changed_at}."
            )
        )
        if st.button("Undo the last bulk change", key="queue_undo_bulk"):
            try:
                undone, left_alone = undo_bulk_change(reviews, latest.batch, changed_by=reviewer_name)
            except FactcheckError as error:
                st.error(escape_markdown(str(error)))
            else:
                outcome = f"Undone: {undone} claim{'' if undone == 1 else 's'} put back as they were."
                if left_alone:
                    outcome += f" {left_alone} changed by someone since were left as they are."
                st.session_state.pop("queue_seen_versions", None)
                announce("queue", "warning" if left_alone else "success", outcome)
if table.empty:
    st.info("No claims yet: check an article on the Check page, or loosen the filters.")
    st.stop()

event = st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    key="queue_table",
    on_select="rerun",
    selection_mode="multi-row",
    column_order=[
        "claim",
        "type",
        "speaker",
        "status",
        "rating",
        "reviewer",
        "article",
        "checked",
        "changed by",
        "updated",
        "check-worthiness",
    ],
    column_config={
        "claim": st.column_config.TextColumn(width="large"),
        "article": st.column_config.TextColumn(width="medium"),
    },
)
every_shown = st.checkbox(f"Select all {len(table)} claims shown", key="queue_select_all")
rows = [row for row in event.selection.rows if row < len(table)]
selected = table if every_shown else table.iloc[rows]
previous_versions = seen_versions
st.session_state["queue_seen_versions"] = dict(zip(table["claim_id"], table["version"], strict=True))

with st.form("queue_bulk"):
    st.markdown(f"**Change the {len(selected)} selected claim{'' if len(selected) == 1 else 's'}**")
    status_column, rating_column, reviewer_column = st.columns(3)
    new_status = status_column.selectbox("Status", [KEEP_LABEL, *(s.value for s in ReviewStatus)])
    new_rating = rating_column.selectbox("Rating", [KEEP_LABEL, *settings.ratings])
    new_reviewer = reviewer_column.text_input("Assign to reviewer", placeholder="blank: leave as it is")
    apply = st.form_submit_button("Apply to selected", type="primary")
if apply:
    try:
        result = bulk_update(
            reviews,
            selected,
            changed_by=reviewer_name,
            status=None if new_status == KEEP_LABEL else new_status,
            rating=None if new_rating == KEEP_LABEL else new_rating,
            reviewer=new_reviewer.strip() or None,
            ratings=settings.ratings,
            seen_versions=previous_versions,
        )
        st.session_state.pop("queue_seen_versions", None)
        announce("queue", "warning" if result.conflicts else "success", result.message())
    except FactcheckError as error:
        st.error(escape_markdown(str(error)))

if len(selected) and st.button("Open the first selected claim in Verdicts", key="queue_open"):
    st.session_state["verdict_open"] = selected.iloc[0]["claim_id"]
    st.switch_page("factcheck/app/pages/verdicts.py")
