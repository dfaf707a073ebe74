"""factcheck reviewer workbench (Streamlit). Run with `make run` (or `streamlit run app.py`).

This entry point only sets up navigation and the sidebar shared by every page; the pages are in `views/`, and every
decision they show is a `factcheck.workbench` call.
"""

from __future__ import annotations

import streamlit as st

from factcheck.ui.state import keep_widget_state

st.set_page_config(page_title="factcheck", page_icon="🔎", layout="wide")
keep_widget_state()

navigation = st.navigation(
    [
        st.Page("views/check.py", title="Check", icon=":material/fact_check:", default=True),
        st.Page("views/verdicts.py", title="Verdicts", icon=":material/gavel:"),
        st.Page("views/queue.py", title="Queue", icon=":material/checklist:"),
        st.Page("views/corpora.py", title="Corpora", icon=":material/library_books:"),
        st.Page("views/export.py", title="Export", icon=":material/download:"),
    ]
)
with st.sidebar:
    st.text_input("Reviewer", key="reviewer", placeholder="your name", help="Saved with every verdict you record.")
navigation.run()
