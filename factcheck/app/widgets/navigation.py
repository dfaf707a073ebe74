"""Where the reviewer is, kept in the address: the open claim (`?claim=`), read once per new address so that the
reload, back button and shared links land on it, while the reviewer's own picks rule in between."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st


def claim_from_address() -> str | None:
    """The claim named in the address if it is new to this page (a reload, a shared link, the back button), else
    None: the claim this page wrote there itself is not a request to open it again."""
    claim = st.query_params.get("claim")
    if not claim or claim == st.session_state.get("address_claim"):
        return None
    st.session_state["address_claim"] = claim
    return claim


def step_claim(key: str, claim_ids: Sequence[str], step: int) -> None:
    """Open the next (step 1) or previous (-1) claim of the picker `key` (a button callback: runs before the page)."""
    current = st.session_state.get(key)
    position = list(claim_ids).index(current) if isinstance(current, str) and current in claim_ids else 0
    st.session_state[key] = claim_ids[min(max(position + step, 0), len(claim_ids) - 1)]


def claim_picker(
    label: str, claim_ids: Sequence[str], key: str, format_func: Callable[[str], str], buttons_key: str
) -> str:
    """A claim picker (state in `key`) with Previous and Next buttons beside it (Alt+P, Alt+N; keys
    `<buttons_key>_previous` and `<buttons_key>_next`); returns the picked claim id."""
    picker_column, previous_column, next_column = st.columns([5, 1.4, 1.4], vertical_alignment="bottom")
    picked = picker_column.selectbox(label, claim_ids, format_func=format_func, key=key)
    position = list(claim_ids).index(picked)
    for column, name, step, shortcut, at_end in (
        (previous_column, "Previous", -1, "Alt+P", position == 0),
        (next_column, "Next", 1, "Alt+N", position == len(claim_ids) - 1),
    ):
        column.button(
            name,
            key=f"{buttons_key}_{name.lower()}",
            on_click=step_claim,
            args=(key, claim_ids, step),
            shortcut=shortcut,
            disabled=at_end,
            width="stretch",
        )
    return picked
