"""Verdicts page: any recorded claim's verdict (rating, status, deciding evidence, note), the candidates kept from
its article's check, its saved evidence and the history of every change, without checking the article again. The
open article and claim are in the address (`?article=...&claim=...`), so a reload, the back button and a shared link
open the same claim."""

from __future__ import annotations

import streamlit as st

from factcheck.app.widgets.evidence import kept_candidate_card, saved_evidence_card
from factcheck.app.widgets.navigation import claim_from_address, claim_picker
from factcheck.app.widgets.resources import reviews_or_stop
from factcheck.app.widgets.verdict import verdict_form
from factcheck.articles import saved_candidates
from factcheck.export import describe_quantity
from factcheck.workbench import Settings, escape_markdown, history_table, queue_label

settings = Settings.from_environment()
reviews = reviews_or_stop(settings)
st.title("Verdicts")

records = reviews.recorded_claims()
# A claim opened from the queue, the articles list or the address is shown once; after that the reviewer's picks rule.
wanted = st.session_state.pop("verdict_open", None) or claim_from_address()
records = [record for record in records if not record.doc_archived or record.claim_id == wanted]
if not records:
    st.info("No claims yet: check an article on the Check page first.")
    st.stop()

by_id = {record.claim_id: record for record in records}
if wanted is not None and wanted not in by_id:
    st.warning("The claim in the address is not in the review database (deleted, or a link to another desk's).")
articles: dict[str, str] = {}
for record in records:
    articles.setdefault(record.doc_hash, record.article)
if wanted in by_id:
    st.session_state["verdict_article"] = by_id[wanted].doc_hash
elif (article_in_address := st.query_params.get("article")) in articles and wanted is None:
    st.session_state.setdefault("verdict_article", article_in_address)
if st.session_state.get("verdict_article") not in articles:
    st.session_state.pop("verdict_article", None)
article = st.selectbox(
    "Article", list(articles), format_func=lambda doc_hash: articles[doc_hash], key="verdict_article"
)
claim_ids = [record.claim_id for record in records if record.doc_hash == article]
if wanted in claim_ids:
    st.session_state["verdict_claim_pick"] = wanted
if st.session_state.get("verdict_claim_pick") not in claim_ids:
    st.session_state.pop("verdict_claim_pick", None)  # another article: its first claim
claim_id = claim_picker(
    "Claim", claim_ids, "verdict_claim_pick", lambda cid: queue_label(by_id[cid], with_article=False), "verdict"
)
st.query_params.update({"article": article, "claim": claim_id})
st.session_state["address_claim"] = claim_id
record = by_id[claim_id]
st.caption(
    f"Claim {claim_ids.index(claim_id) + 1} of {len(claim_ids)} · Alt+N next, Alt+P previous, Ctrl+Enter saves the"
    " verdict · this page's address opens this claim"
)

left, right = st.columns([3, 2])
with left:
    speaker = escape_markdown(record.speaker or "unknown")
    st.markdown(f"**{record.kind.value.title()}** · speaker: {speaker}")
    st.markdown(f"> {escape_markdown(record.text)}")
    if record.sentence and record.sentence != record.text:
        st.caption("In the sentence: " + escape_markdown(record.sentence))
    if record.quantities:
        st.caption("Figures: " + escape_markdown("; ".join(describe_quantity(q) for q in record.quantities)))
    checked = {item.claim.claim_id: item for item in st.session_state.get("checked") or []}
    if claim_id in checked:
        candidates = [hit.to_dict() for hit in checked[claim_id].candidates]
    else:
        candidates = saved_candidates(reviews, claim_id)
    st.markdown("**Saved evidence**")
    if not record.evidence:
        st.caption("None chosen yet.")
    for evidence in record.evidence:
        saved_evidence_card(evidence)
    with st.expander(f"Candidate evidence from the article's check ({len(candidates)})", expanded=not record.evidence):
        if not candidates:
            st.caption("None kept: the article was checked without a corpus. Check it again to find candidates.")
        for candidate in candidates:
            kept_candidate_card(candidate)
with right:
    verdict_form(reviews, settings.ratings, claim_id, candidates, st.session_state.get("reviewer", ""))

st.subheader("History")
history = history_table(reviews, claim_id)
if history.empty:
    st.caption("Not saved yet.")
else:
    st.table(history.set_index("version"))  # every row in full: who changed what, and how
