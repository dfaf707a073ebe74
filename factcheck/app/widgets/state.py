"""What the user typed survives moving between pages.

Streamlit forgets a widget's value when a run does not draw that widget (another page is open). Writing the value
back into session state at the start of every run makes it the user's own state, which Streamlit keeps.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

# Every typed or chosen value of every page that should still be there when the user comes back to the page.
KEPT_KEYS = (
    "reviewer",
    "corpora",
    "top_k",
    "sample",
    "pasted",
    "filter_type",
    "filter_stance",
    "filter_status",
    "queue_status",
    "queue_type",
    "queue_reviewer",
    "queue_rating",
    "queue_article",
    "queue_text",
    "queue_checked",
    "queue_archived",
    "open_claim",
    "verdict_article",
    "verdict_claim_pick",
    "articles_pick",
    "articles_archived",
    "corpus_target",
    "corpus_search_query",
    "corpus_search_corpora",
    "export_excel",
)


def keep_widget_state(keys: Iterable[str] = KEPT_KEYS) -> None:
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def keep_only_known(key: str, known: Iterable[str]) -> None:
    """Drop remembered choices of `key` that are no longer offered (a corpus removed since it was chosen)."""
    if key in st.session_state and isinstance(st.session_state[key], list):
        allowed = set(known)
        st.session_state[key] = [value for value in st.session_state[key] if value in allowed]
