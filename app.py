"""factcheck reviewer app (Streamlit): check an article against reference corpora and record verdicts.

Run with `make run` (or `streamlit run app.py`). This file only lays out widgets and calls `factcheck.workbench`.
"""

from __future__ import annotations

import streamlit as st

from factcheck.corroborate.types import Stance
from factcheck.errors import FactcheckError, ReviewConflictError
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.ui_resources import load
from factcheck.workbench import (
    Settings,
    check_document,
    claim_label,
    claims_table,
    corpus_names,
    default_corpora,
    describe_ranks,
    document_from_paste,
    document_from_sample,
    document_from_upload,
    escape_markdown,
    export_reviews_csv,
    filter_claims_table,
    highlighted_passage,
    open_corpora,
    quote_diff_markdown,
    sample_choices,
)

st.set_page_config(page_title="factcheck", page_icon="🔎", layout="wide")


settings = Settings.from_environment()
try:
    embedder = load(settings)
    reviews = ReviewStore(settings.reviews_path)
except FactcheckError as error:
    st.error(str(error))
    st.stop()

st.title("factcheck")
st.caption("Quotes and figures from an article, beside the passages of your reference corpora that may confirm them.")

with st.sidebar:
    st.header("Evidence")
    names = corpus_names(settings)
    chosen = st.multiselect("Corpora", names, default=default_corpora(names), key="corpora")
    top_k = st.slider("Candidates per claim", 1, 20, 5, key="top_k")
    st.text_input("Reviewer", key="reviewer", placeholder="your name")
    st.divider()
    st.download_button(
        "Download claims and verdicts (CSV)",
        data=export_reviews_csv(reviews, excel=True, ratings=settings.ratings),
        file_name="factcheck-claims.csv",
        mime="text/csv",
        key="download_csv",
    )

source_tab, paste_tab, upload_tab = st.tabs(["Sample article", "Paste text", "Upload a file"])
with source_tab:
    samples = sample_choices(settings)
    sample_name = st.selectbox("Sample", list(samples), key="sample")
    check_sample = st.button("Check sample", type="primary", key="check_sample")
with paste_tab:
    pasted = st.text_area("Article text", height=200, key="pasted")
    check_paste = st.button("Check pasted text", key="check_paste")
with upload_tab:
    upload = st.file_uploader("Article file", type=["txt", "md", "html", "htm", "pdf", "docx"], key="upload")
    check_upload = st.button("Check uploaded file", key="check_upload")

if check_sample or check_paste or check_upload:
    try:
        if check_sample:
            document = document_from_sample(samples[sample_name])
        elif check_paste:
            document = document_from_paste(pasted)
        elif upload is None:
            raise FactcheckError("Choose a file to upload first.")
        else:
            document = document_from_upload(upload.name, upload.getvalue())
        with st.spinner("Extracting claims and retrieving evidence…"):
            corpora = open_corpora(settings, chosen, embedder)
            st.session_state["checked"] = check_document(document, corpora, embedder, reviews, top_k)
            st.session_state["document"] = document
    except FactcheckError as error:
        st.error(str(error))

checked = st.session_state.get("checked")
if checked is not None:
    document = st.session_state["document"]
    st.subheader(f"Claims in {document.title or document.doc_id}")
    if not checked:
        st.info("No quotes or figures were found in this text.")
    else:
        if not chosen:
            st.warning("No corpus is selected: claims are listed without candidate evidence.")
        saved = reviews.reviews([item.claim.claim_id for item in checked])
        table = claims_table(checked, saved)
        type_column, stance_column, status_column = st.columns(3)
        types = type_column.multiselect("Type", ["quote", "numeric"], key="filter_type")
        stances = stance_column.multiselect("Best candidate", ["supports", "conflicts", "related"], key="filter_stance")
        statuses = status_column.multiselect("Review status", [s.value for s in ReviewStatus], key="filter_status")
        shown = filter_claims_table(table, types=types, stances=stances, statuses=statuses)
        st.caption(f"{len(shown)} of {len(table)} claims, most check-worthy first")
        st.dataframe(shown, hide_index=True, width="stretch", key="claims_table")
        labels = {claim_label(item): index for index, item in enumerate(checked)}
        picked = st.selectbox("Open a claim", list(labels), key="open_claim")
        item = checked[labels[picked]]
        claim = item.claim

        left, right = st.columns([3, 2])
        with left:
            st.markdown(f"**{claim.kind.value.title()}** · speaker: {escape_markdown(claim.speaker or 'unknown')}")
            st.markdown(f"> {escape_markdown(claim.text)}")
            if claim.quantities:
                st.caption("Figures: " + escape_markdown("; ".join(q.surface for q in claim.quantities)))
            st.markdown("**Candidate evidence**")
            if item.signals:
                st.caption(
                    f"Independent sources: {item.independent(Stance.SUPPORTS)} support, "
                    f"{item.independent(Stance.CONFLICTS)} conflict (reprints counted once)."
                )
            if not item.candidates:
                st.caption("No candidates (no corpus selected, or the corpus is empty).")
            for position, hit in enumerate(item.candidates):
                signals = item.signals[position] if position < len(item.signals) else None
                with st.container(border=True):
                    if signals is not None:
                        label = {"supports": "Supports", "conflicts": "⚠ Conflicts", "related": "Related"}
                        st.markdown(f"**{label[signals.stance.value]}**")
                        for reason in signals.reasons:
                            st.caption(escape_markdown(reason))
                    title = escape_markdown(hit.title or hit.doc_id)
                    st.markdown(
                        f"**{hit.rank}. {title}** · {escape_markdown(hit.source or hit.corpus)}"
                        f" · {escape_markdown(hit.date or 'no date')} · {describe_ranks(hit)}"
                    )
                    st.markdown(highlighted_passage(hit.text, signals))
                    diff = quote_diff_markdown(signals)
                    if diff and signals.quote.status.value not in ("verbatim", "not_found"):
                        st.caption("Quote against the source (~~claim only~~, **source only**):")
                        st.markdown(diff)
                    if hit.url:
                        st.caption(hit.url)
        with right:
            review = reviews.get(claim.claim_id)
            # The version this browser last saw: a save from another browser since then is a conflict, not overwritten.
            seen_key = f"seen-version-{claim.claim_id}"
            st.session_state.setdefault(seen_key, review.version)
            with st.form(key=f"review-{claim.claim_id}"):
                st.markdown("**Verdict**")
                options = ["(none)", *settings.ratings]
                rating = st.selectbox(
                    "Rating",
                    options,
                    index=options.index(review.rating) if review.rating in options else 0,
                    key=f"rating-{claim.claim_id}",
                )
                statuses = [s.value for s in ReviewStatus]
                status = st.selectbox(
                    "Status", statuses, index=statuses.index(review.status.value), key=f"status-{claim.claim_id}"
                )
                evidence_labels = ["(none)"] + [f"{h.rank}. {h.title or h.doc_id}" for h in item.candidates]
                evidence_pick = st.selectbox("Deciding evidence", evidence_labels, key=f"evidence-{claim.claim_id}")
                note = st.text_area("Note", value=review.note, key=f"note-{claim.claim_id}")
                submitted = st.form_submit_button("Save verdict", type="primary")
            if submitted:
                evidence = []
                if evidence_pick != "(none)":
                    hit = item.candidates[evidence_labels.index(evidence_pick) - 1]
                    evidence = [hit.to_dict()]
                try:
                    review = reviews.save(
                        claim.claim_id,
                        rating=None if rating == "(none)" else rating,
                        note=note,
                        reviewer=st.session_state.get("reviewer", ""),
                        status=ReviewStatus(status),
                        evidence=evidence,
                        expected_version=st.session_state[seen_key],
                    )
                    st.session_state[seen_key] = review.version
                    st.success(f"Saved (version {review.version}).")
                except ReviewConflictError as error:
                    st.session_state[f"conflict-{claim.claim_id}"] = str(error)
                except FactcheckError as error:
                    st.error(str(error))
            conflict = st.session_state.get(f"conflict-{claim.claim_id}")
            if conflict:
                # Another reviewer saved first: say so, and let this reviewer load their verdict before saving again.
                st.error(conflict)
                if st.button("Load the saved verdict", key=f"reload-{claim.claim_id}"):
                    for key in (
                        seen_key,
                        f"rating-{claim.claim_id}",
                        f"status-{claim.claim_id}",
                        f"note-{claim.claim_id}",
                        f"conflict-{claim.claim_id}",
                    ):
                        st.session_state.pop(key, None)
                    st.rerun()
            if review.updated_at:
                st.caption(f"Last saved {review.updated_at} by {review.reviewer or 'unnamed reviewer'}.")
