"""A page's message about a change it just made, kept across the rerun that redraws the page with the change in it."""

from __future__ import annotations

import streamlit as st

from factcheck.workbench import escape_markdown


def announce(page: str, kind: str, text: str, *details: str) -> None:
    """Keep `text` (kind "success", "warning" or "error") and `details` (warnings) for the page's next run, draw
    its edit widgets afresh (a new round in their keys) and rerun now."""
    st.session_state[f"{page}_message"] = (kind, text, details)
    st.session_state[f"{page}_round"] = st.session_state.get(f"{page}_round", 0) + 1
    st.rerun()


def show_announcement(page: str) -> None:
    """The message `announce` kept for this page, shown once."""
    message = st.session_state.pop(f"{page}_message", None)
    if not message:
        return
    kind, text, details = message
    {"success": st.success, "warning": st.warning}.get(kind, st.error)(escape_markdown(text))
    for detail in details:
        st.warning(escape_markdown(detail))
