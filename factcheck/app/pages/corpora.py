"""Corpora page: list reference corpora, create one or add files to it (with progress), search it, remove
documents or a whole corpus. Every change is a `factcheck.workbench` call."""

from __future__ import annotations

import streamlit as st

from factcheck.app.widgets.messages import announce, show_announcement
from factcheck.app.widgets.resources import embedder_or_stop, open_corpora_kept
from factcheck.app.widgets.state import keep_only_known
from factcheck.errors import FactcheckError
from factcheck.readers import SUPPORTED_EXTENSIONS
from factcheck.workbench import (
    Settings,
    add_uploads,
    column_mapping,
    corpora_table,
    corpus_documents,
    corpus_names,
    escape_markdown,
    link_markdown,
    passage_markdown,
    remove_corpus,
    remove_corpus_documents,
    search_corpus,
)

st.title("Reference corpora")
settings = Settings.from_environment()
embedder = embedder_or_stop(settings)

show_announcement("corpora")

st.dataframe(corpora_table(settings), hide_index=True, width="stretch", key="corpora_list")
names = corpus_names(settings)

st.subheader("Add files")
st.caption("Type a new name to create a corpus. Files already in the corpus (same content) are skipped.")
st.session_state.setdefault("corpus_target", names[0] if names else "")
target = st.text_input("Corpus (an existing name, or a new one)", key="corpus_target")
files = st.file_uploader(
    "Files",
    type=[e.lstrip(".") for e in SUPPORTED_EXTENSIONS],
    accept_multiple_files=True,
    key=f"corpus_files-{st.session_state.get('corpora_round', 0)}",  # emptied after files are added
)
with st.expander("Columns of CSV and JSONL files"):
    st.caption("One record per row; the text column is required, the others are kept as each passage's metadata.")
    column_inputs = st.columns(6)
    typed_columns = {
        field: column_inputs[position].text_input(field, value=field, key=f"corpus_column_{field}")
        for position, field in enumerate(("text", "id", "title", "url", "date", "source"))
    }
    st.caption(
        "Earlier fact-checks: a file with the rating column is read as reviews of the claim in its text column "
        "(or 'claim'); leave rating blank to read such a file as evidence."
    )
    review_inputs = st.columns(6)
    typed_columns.update(
        {
            field: review_inputs[position].text_input(field, value=field, key=f"corpus_column_{field}")
            for position, field in enumerate(("rating", "claimant", "publisher"))
        }
    )
if st.button("Add to corpus", type="primary", key="corpus_add"):
    if not files:
        st.error("Choose one or more files first.")
    else:
        bar = st.progress(0.0, text="Reading files…")

        def report_progress(stage: str, done: int, total: int) -> None:
            bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{stage}: {done}/{total}")

        try:
            tabular = any(f.name.lower().endswith((".csv", ".jsonl")) for f in files)
            columns = column_mapping(**typed_columns) if tabular else None  # other files have no columns
            uploads = [(f.name, f.getvalue()) for f in files]
            report, problems = add_uploads(settings, target.strip(), uploads, embedder, report_progress, columns)
        except FactcheckError as error:
            bar.empty()
            st.error(escape_markdown(str(error)))
        else:
            st.session_state["corpus_search_corpora"] = [target.strip()]  # search where the files went
            announce(
                "corpora",
                "success",
                f"Added {report.added_documents} documents ({report.added_passages} passages) to {target.strip()},"
                f" replaced {report.replaced_documents}, skipped {len(report.skipped_duplicates)} already present.",
                *problems,
            )

if names:
    st.subheader("Search")
    keep_only_known("corpus_search_corpora", names)
    query_column, corpora_column = st.columns([3, 2])
    query = query_column.text_input("Look for", key="corpus_search_query", placeholder="a figure, a name, a phrase")
    st.session_state.setdefault("corpus_search_corpora", names[:1])
    searched = corpora_column.multiselect("In", names, key="corpus_search_corpora")
    if query.strip():
        try:
            found = search_corpus(open_corpora_kept(settings, searched, embedder), query, embedder)
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            if found.empty:
                st.info("Nothing found.")
            for hit in found.itertuples():
                with st.container(border=True):
                    where = " · ".join(
                        escape_markdown(str(part)) for part in (hit.corpus, hit.source, hit.date) if part
                    )
                    st.markdown(f"**{hit.rank}. {escape_markdown(str(hit.title))}** · {where}")
                    st.markdown(passage_markdown(hit.passage))
                    if hit.review:  # an earlier fact-check: a verdict on this claim, not evidence
                        st.caption(f"Fact-check: {escape_markdown(hit.review)}")
                    if hit.url:
                        st.caption(link_markdown(hit.url))

    st.subheader("Remove")
    chosen = st.selectbox("Corpus", names, key="corpus_manage")
    # The choices below belong to one corpus and one round: switching corpus or finishing a removal clears them.
    scope = f"{chosen}-{st.session_state.get('corpora_round', 0)}"
    try:
        documents = corpus_documents(settings, chosen)
    except FactcheckError as error:
        st.error(escape_markdown(str(error)))
        documents = None
    if documents is not None:
        doomed = st.multiselect("Documents to remove", list(documents["doc_id"]), key=f"corpus_remove_docs-{scope}")
        if st.button("Remove selected documents", key="corpus_remove_docs_button", disabled=not doomed):
            try:
                removed = remove_corpus_documents(settings, chosen, doomed)
            except FactcheckError as error:
                st.error(escape_markdown(str(error)))
            else:
                announce("corpora", "success", f"Removed {removed} documents from {chosen}.")
    confirm = st.checkbox(f"I want to delete the corpus '{chosen}' and its index", key=f"corpus_confirm-{scope}")
    if st.button("Delete corpus", key="corpus_delete", disabled=not confirm):
        try:
            remove_corpus(settings, chosen)
        except FactcheckError as error:
            st.error(escape_markdown(str(error)))
        else:
            announce("corpora", "success", f"Deleted {chosen}.")
