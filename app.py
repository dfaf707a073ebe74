"""factcheck reviewer workbench (Streamlit). Run with `make run` (or `streamlit run app.py`).

This entry point only sets up navigation and the sidebar shared by every page; the pages are in
`factcheck/app/pages/`, the pieces they share in `factcheck/app/widgets/`, and every decision they show is a
`factcheck.workbench` call.
"""

from __future__ import annotations

import logging

import streamlit as st

from factcheck.app.widgets.resources import start_loading
from factcheck.app.widgets.state import keep_widget_state
from factcheck.errors import FactcheckError
from factcheck.workbench import Settings, escape_markdown

st.set_page_config(page_title="factcheck", page_icon="🔎", layout="wide")
# The reviewer's name is kept in the address too, so a reload does not lose it.
if "reviewer" not in st.session_state and st.query_params.get("reviewer"):
    st.session_state["reviewer"] = st.query_params["reviewer"]
keep_widget_state()

navigation = st.navigation(
    [
        st.Page("factcheck/app/pages/check.py", title="Check", icon=":material/fact_check:", default=True),
        st.Page("factcheck/app/pages/verdicts.py", title="Verdicts", icon=":material/gavel:"),
        st.Page("factcheck/app/pages/queue.py", title="Queue", icon=":material/checklist:"),
        st.Page("factcheck/app/pages/articles.py", title="Articles", icon=":material/newspaper:"),
        st.Page("factcheck/app/pages/corpora.py", title="Corpora", icon=":material/library_books:"),
        st.Page("factcheck/app/pages/export.py", title="Export", icon=":material/download:"),
    ]
)
with st.sidebar:
    st.text_input("Reviewer", key="reviewer", placeholder="your name", help="Saved with every change you make.")
if st.session_state.get("reviewer", "").strip():
    st.query_params["reviewer"] = st.session_state["reviewer"].strip()
else:
    st.query_params.pop("reviewer", None)
try:
    navigation.run()
    # Only now, with the page on screen: loading the model beside the page's own imports and rendering slowed the
    # first page down (docs/benchmarks.md, app start); checking waits for the model only if it is not loaded yet.
    start_loading(Settings.from_environment())
except FactcheckError as error:  # a page let one through: still a message, not a traceback
    st.error(escape_markdown(str(error)))
except Exception as error:  # noqa: BLE001 - the last line of defence between a bug and the reviewer's screen
    logging.getLogger("factcheck").exception("unexpected error on a page")
    st.error(
        escape_markdown(f"Something went wrong ({type(error).__name__}: {error}). ")
        + "Nothing stored was changed by this error. Reload the page to go on; if it happens again, report it with"
        " the terminal output of `make run`."
    )
