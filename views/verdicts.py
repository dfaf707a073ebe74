"""Verdicts page: any recorded claim's verdict (rating, status, deciding evidence, note), its saved evidence and
the history of every save, without checking the article again."""

from __future__ import annotations

import streamlit as st

from factcheck.export import describe_quantity
from factcheck.ui.evidence import saved_evidence_card
from factcheck.ui.resources import reviews_or_stop
from factcheck.ui.verdict import verdict_form
from factcheck.workbench import Settings, escape_markdown, history_table, queue_label

settings = Settings.from_environment()
reviews = reviews_or_stop(settings)
st.title("Verdicts")

records = reviews.claim_rows()
if not records:
    st.info("No claims yet: check an article on the Check page first.")
    st.stop()

by_id = {record["claim_id"]: record for record in records}
articles: dict[str, str] = {}
for record in records:
    articles.setdefault(record["doc_hash"], record.get("doc_title") or record["doc"])
# A claim opened from the queue is shown once; after that the reviewer's own picks rule.
wanted = st.session_state.pop("verdict_open", None)
if wanted in by_id:
    st.session_state["verdict_article"] = by_id[wanted]["doc_hash"]
article = st.selectbox(
    "Article", list(articles), format_func=lambda doc_hash: articles[doc_hash], key="verdict_article"
)
claim_ids = [record["claim_id"] for record in records if record["doc_hash"] == article]
if wanted in claim_ids:
    st.session_state["verdict_claim_pick"] = wanted
claim_id = st.selectbox(
    "Claim", claim_ids, format_func=lambda cid: queue_label(by_id[cid], with_article=False), key="verdict_claim_pick"
)
record = by_id[claim_id]

left, right = st.columns([3, 2])
with left:
    speaker = escape_markdown(record.get("speaker") or "unknown")
    st.markdown(f"**{record['kind'].title()}** · speaker: {speaker}")
    st.markdown(f"> {escape_markdown(record['text'])}")
    if record.get("sentence") and record["sentence"] != record["text"]:
        st.caption("In the sentence: " + escape_markdown(record["sentence"]))
    if record["quantities"]:
        st.caption("Figures: " + escape_markdown("; ".join(describe_quantity(q) for q in record["quantities"])))
    checked = {item.claim.claim_id: item for item in st.session_state.get("checked") or []}
    candidates = [hit.to_dict() for hit in checked[claim_id].candidates] if claim_id in checked else []
    if not candidates:
        st.caption("Candidates from the last check of this article are on the Check page; saved evidence is below.")
    st.markdown("**Saved evidence**")
    if not record["evidence"]:
        st.caption("None chosen yet.")
    for evidence in record["evidence"]:
        saved_evidence_card(evidence)
with right:
    verdict_form(reviews, settings.ratings, claim_id, candidates, st.session_state.get("reviewer", ""))

st.subheader("History")
history = history_table(reviews, claim_id)
if history.empty:
    st.caption("Not saved yet.")
else:
    st.dataframe(history, hide_index=True, width="stretch", key="verdict_history")
