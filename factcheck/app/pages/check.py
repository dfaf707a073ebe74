"""Check page: an article (sample, pasted or uploaded) -> its quotes and figures -> candidate evidence with the
reasons it supports or conflicts -> the reviewer's verdict."""

from __future__ import annotations

import streamlit as st

from factcheck.app.widgets.navigation import claim_from_address, claim_picker
from factcheck.app.widgets.resources import (
    demo_ready,
    embedder_or_stop,
    nli_or_none,
    open_corpora_kept,
    reviews_or_stop,
    start_loading,
)
from factcheck.app.widgets.state import keep_only_known
from factcheck.corroborate.signals import Stance
from factcheck.errors import FactcheckError
from factcheck.reviews import ReviewStatus
from factcheck.workbench import Settings, corpus_names, default_corpora, escape_markdown, sample_choices

# What checking and showing results need (pandas, the extraction and comparison rules, the evidence and verdict
# widgets: about half of the page's imports) is imported where it is used, below the buttons: the first page is drawn
# without waiting for it (docs/benchmarks.md, app start), and the background warm-up imports it meanwhile.

settings = Settings.from_environment()
if not demo_ready(settings):
    embedder_or_stop(settings)  # the very first start: the demo corpus is being built, and is the default choice
reviews = reviews_or_stop(settings)

# A reload or a shared link names a claim this browser has no check results for: the claims and their candidates are
# kept with the article, so the claim opens on the Verdicts page.
requested = claim_from_address()
if requested is not None and st.session_state.get("checked") is None:
    st.session_state["verdict_open"] = requested
    st.switch_page("factcheck/app/pages/verdicts.py", query_params={"claim": requested})

st.title("Check an article")
st.caption("Quotes and figures from an article, beside the passages of your reference corpora that may confirm them.")

names = corpus_names(settings)
keep_only_known("corpora", names)
settings_column, top_k_column = st.columns([3, 1])
# Defaults are set through session state (not widget defaults) so that a value kept across pages always wins.
st.session_state.setdefault("corpora", default_corpora(names))
st.session_state.setdefault("top_k", 5)
chosen = settings_column.multiselect("Corpora to search", names, key="corpora")
top_k = top_k_column.slider("Candidates per claim", 1, 20, key="top_k")

source_tab, paste_tab, upload_tab = st.tabs(["Sample article", "Paste text", "Upload a file"])
with source_tab:
    samples = sample_choices(settings)
    sample_name = st.selectbox("Sample", list(samples), key="sample")
    check_sample = st.button("Check sample", type="primary", key="check_sample")
with paste_tab:
    pasted = st.text_area("Article text", height=200, key="pasted")
    check_paste = st.button("Check pasted text", key="check_paste")
with upload_tab:
    article_types = ["txt", "md", "html", "htm", "pdf", "docx", "srt", "vtt"]
    upload = st.file_uploader("Article file", type=article_types, key="upload")
    check_upload = st.button("Check uploaded file", key="check_upload")

if check_sample or check_paste or check_upload:
    from factcheck.workbench import (
        candidate_contexts,
        check_and_record,
        document_from_paste,
        document_from_sample,
        document_from_upload,
    )

    bar = st.progress(0.0, text="Reading the article…")

    def report_progress(stage: str, done: int, total: int) -> None:
        bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{stage}: {done}/{total}")

    try:
        if check_sample:
            document = document_from_sample(samples[sample_name])
        elif check_paste:
            document = document_from_paste(pasted)
        elif upload is None:
            raise FactcheckError("Choose a file to upload first.")
        else:
            document, warnings = document_from_upload(upload.name, upload.getvalue())
            for warning in warnings:
                st.warning(escape_markdown(warning))
        embedder = embedder_or_stop(settings)
        corpora = open_corpora_kept(settings, chosen, embedder)
        nli = nli_or_none(settings)
        reviewer_name = st.session_state.get("reviewer", "").strip()
        found = check_and_record(document, corpora, embedder, reviews, top_k, report_progress, nli, reviewer_name)
        # A new article opens at its first claim: nothing picked or clicked for the previous one carries over.
        for stale in ("open_claim", "opened_from_table", "claims_table"):
            st.session_state.pop(stale, None)
        st.session_state["checked"] = found
        st.session_state["contexts"] = candidate_contexts(found, corpora)
        st.session_state["document"] = document
        bar.empty()
    except FactcheckError as error:
        bar.empty()
        st.error(escape_markdown(str(error)))

checked = st.session_state.get("checked")
if checked is not None:
    from factcheck.app.widgets.evidence import candidate_card
    from factcheck.app.widgets.verdict import verdict_form
    from factcheck.workbench import (
        article_markdown,
        checked_before_markdown,
        claim_label,
        claims_table,
        filter_claims_table,
    )

    document = st.session_state["document"]
    st.subheader(f"Claims in {escape_markdown(document.title or document.doc_id)}")
    with st.expander("The article, its claims marked"):
        st.markdown(article_markdown(document.text, [(item.claim.start, item.claim.end) for item in checked]))
    if not checked:
        st.info("No quotes or figures were found in this text.")
    else:
        if not chosen:
            st.warning("No corpus is selected: claims are listed without candidate evidence.")
        saved = reviews.reviews([item.claim.claim_id for item in checked])
        table = claims_table(checked, saved)
        type_column, stance_column, status_column, before_column = st.columns(4)
        types = type_column.multiselect("Type", ["quote", "numeric"], key="filter_type")
        stances = stance_column.multiselect("Best candidate", ["supports", "conflicts", "related"], key="filter_stance")
        statuses = status_column.multiselect("Review status", [s.value for s in ReviewStatus], key="filter_status")
        before = before_column.multiselect("Checked before", ["yes", "no"], key="filter_checked_before")
        shown = filter_claims_table(table, types=types, stances=stances, statuses=statuses, checked_before=before)
        st.caption(f"{len(shown)} of {len(table)} claims, most check-worthy first · click a row to open it")
        event = st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            key="claims_table",
            # What a reviewer decides on first, then the rest: at 1,400 px nothing of the first five is cut off.
            column_order=[
                "type",
                "claim",
                "best stance",
                "verdict",
                "status",
                "speaker",
                "figures",
                "check-worthiness",
                "best match",
            ],
            column_config={
                "claim": st.column_config.TextColumn(width="large"),
                "type": st.column_config.TextColumn(width="small"),
                "best stance": st.column_config.TextColumn(width="small"),
                "verdict": st.column_config.TextColumn(width="small"),
            },
            on_select="rerun",
            selection_mode="single-row",
        )
        # Clicking a row opens that claim; the picker below still works on its own (a row applies once).
        rows = [row for row in event.selection.rows if row < len(shown)]
        clicked = shown.iloc[rows[0]]["claim_id"] if rows else None
        if clicked is not None and clicked != st.session_state.get("opened_from_table"):
            st.session_state["open_claim"] = clicked
        st.session_state["opened_from_table"] = clicked
        by_id = {item.claim.claim_id: item for item in checked}
        open_ids = [claim_id for claim_id in shown["claim_id"]] if len(shown) else []
        if not open_ids:
            st.info("No claim matches these filters.")
            st.stop()
        if requested in open_ids:
            st.session_state["open_claim"] = requested  # the back button or a link to another claim of this article
        if st.session_state.get("open_claim") not in open_ids:
            st.session_state.pop("open_claim", None)  # filtered out: open the first shown instead
        picked = claim_picker(
            "Open a claim", open_ids, "open_claim", lambda claim_id: claim_label(by_id[claim_id]), "check"
        )
        st.query_params.update({"article": document.content_hash, "claim": picked})
        st.session_state["address_claim"] = picked
        st.caption("Alt+N next claim, Alt+P previous, Ctrl+Enter saves the verdict · this page's address opens it")
        item = by_id[picked]
        claim = item.claim

        left, right = st.columns([3, 2])
        with left:
            st.markdown(f"**{claim.kind.value.title()}** · speaker: {escape_markdown(claim.speaker or 'unknown')}")
            st.markdown(f"> {escape_markdown(claim.text)}")
            if claim.quantities:
                st.caption("Figures: " + escape_markdown("; ".join(q.surface for q in claim.quantities)))
            for line in checked_before_markdown(item):  # earlier verdicts, shown apart from the evidence
                st.warning(line, icon="🔎")
            st.markdown("**Candidate evidence**")
            if item.signals:
                st.caption(
                    f"Independent sources: {item.independent(Stance.SUPPORTS)} support, "
                    f"{item.independent(Stance.CONFLICTS)} conflict (reprints, and passages of one document, counted"
                    " once)."
                )
            if not item.candidates:
                st.caption("No candidates (no corpus selected, or the corpus is empty).")
            contexts = st.session_state.get("contexts", {})
            for position, hit in enumerate(item.candidates):
                signals = item.signals[position] if position < len(item.signals) else None
                candidate_card(hit, signals, contexts.get((hit.corpus, hit.passage_id)))
        with right:
            verdict_form(
                reviews,
                settings.ratings,
                claim.claim_id,
                [hit.to_dict() for hit in item.candidates],
                st.session_state.get("reviewer", ""),
            )

start_loading(settings)  # the model loads once the page is drawn, while it is read; checking waits only if not done
