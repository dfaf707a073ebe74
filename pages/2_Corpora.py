"""Corpora page: list reference corpora, add files to one (with progress), remove documents or a whole corpus."""

from __future__ import annotations

import streamlit as st

from factcheck.errors import FactcheckError
from factcheck.readers import SUPPORTED_EXTENSIONS
from factcheck.ui_resources import load
from factcheck.workbench import (
    Settings,
    add_uploads,
    corpora_table,
    corpus_documents,
    corpus_names,
    remove_corpus,
    remove_corpus_documents,
)

st.set_page_config(page_title="factcheck · corpora", page_icon="🔎", layout="wide")
st.title("Reference corpora")
settings = Settings.from_environment()
try:
    embedder = load(settings)
except FactcheckError as error:
    st.error(str(error))
    st.stop()

st.dataframe(corpora_table(settings), hide_index=True, width="stretch")

st.subheader("Add files")
names = corpus_names(settings)
target = st.text_input("Corpus (an existing name, or a new one)", value=names[0] if names else "", key="corpus_target")
files = st.file_uploader(
    "Files", type=[e.lstrip(".") for e in SUPPORTED_EXTENSIONS], accept_multiple_files=True, key="corpus_files"
)
if st.button("Add to corpus", type="primary", key="corpus_add"):
    if not files:
        st.error("Choose one or more files first.")
    else:
        bar = st.progress(0.0, text="Reading files…")

        def report_progress(stage: str, done: int, total: int) -> None:
            bar.progress(min(done / total, 1.0) if total else 1.0, text=f"{stage}: {done}/{total}")

        try:
            report, problems = add_uploads(
                settings, target.strip(), [(f.name, f.getvalue()) for f in files], embedder, report_progress
            )
            bar.progress(1.0, text="Done")
            st.success(
                f"Added {report.added_documents} documents ({report.added_passages} passages), replaced "
                f"{report.replaced_documents}, skipped {len(report.skipped_duplicates)} already present."
            )
            for problem in problems:
                st.warning(problem)
        except (FactcheckError, ValueError) as error:
            st.error(str(error))

if names:
    st.subheader("Remove")
    chosen = st.selectbox("Corpus", names, key="corpus_manage")
    try:
        documents = corpus_documents(settings, chosen)
    except FactcheckError as error:
        st.error(str(error))
        documents = None
    if documents is not None:
        doomed = st.multiselect("Documents to remove", list(documents["doc_id"]), key="corpus_remove_docs")
        if st.button("Remove selected documents", key="corpus_remove_docs_button", disabled=not doomed):
            removed = remove_corpus_documents(settings, chosen, doomed)
            st.success(f"Removed {removed} documents from {chosen}.")
    confirm = st.checkbox(f"I want to delete the corpus '{chosen}' and its index", key="corpus_confirm")
    if st.button("Delete corpus", key="corpus_delete", disabled=not confirm):
        remove_corpus(settings, chosen)
        st.success(f"Deleted {chosen}.")
