"""A candidate passage as a card: its stance and reasons, where it comes from, the passage with the compared
figures in bold, and the quote diff."""

from __future__ import annotations

import streamlit as st

from factcheck.corroborate.signals import Signals
from factcheck.search import Hit
from factcheck.workbench import (
    describe_ranks,
    escape_markdown,
    highlighted_passage,
    link_markdown,
    passage_in_context,
    passage_markdown,
    quote_diff_markdown,
    stance_heading,
)
from factcheck.workbench.display import STANCE_LABELS


def candidate_card(hit: Hit, signals: Signals | None, context: tuple[str, str] | None = None) -> None:
    """`context`: the text before and after the passage in its document, shown on request."""
    with st.container(border=True):
        if signals is not None:
            st.markdown(f"**{escape_markdown(stance_heading(signals))}**")
            for reason in signals.reasons:
                st.caption(escape_markdown(reason))
        title = escape_markdown(hit.title or hit.doc_id)
        st.markdown(
            f"**{hit.rank}. {title}** · {escape_markdown(hit.source or hit.corpus)}"
            f" · {escape_markdown(hit.date or 'no date')} · {describe_ranks(hit)}"
        )
        passage = highlighted_passage(hit.text, signals)
        st.markdown(passage)
        if context is not None and any(part.strip() for part in context):
            with st.expander("In its document"):
                st.markdown(passage_in_context(context[0], passage, context[1]))
        diff = quote_diff_markdown(signals)
        quote = signals.quote if signals is not None else None
        if diff and quote is not None and quote.status.value not in ("verbatim", "not_found"):
            st.caption("Quote against the source (~~claim only~~, **source only**):")
            st.markdown(diff)
        if hit.url:
            st.caption(link_markdown(hit.url))


def saved_evidence_card(evidence: dict) -> None:
    """Evidence chosen in an earlier check, as it was stored with the verdict."""
    with st.container(border=True):
        _stored_passage(evidence)


def kept_candidate_card(candidate: dict) -> None:
    """A candidate kept from the article's check (a hit with its stance and reasons), to pick as evidence later."""
    with st.container(border=True):
        stance = candidate.get("stance")
        if stance:
            st.markdown(f"**{STANCE_LABELS.get(stance, escape_markdown(stance))}**")
        for reason in candidate.get("reasons") or []:
            st.caption(escape_markdown(str(reason)))
        _stored_passage(candidate, number=f"{candidate.get('rank', '')}. ")


def _stored_passage(record: dict, number: str = "") -> None:
    """A stored passage record's title (after `number`), where it is from, its text and its link."""
    title = escape_markdown(str(record.get("title") or record.get("doc_id") or "untitled"))
    where = " · ".join(
        escape_markdown(str(record[field])) for field in ("corpus", "source", "date") if record.get(field)
    )
    st.markdown(f"**{number}{title}**" + (f" · {where}" if where else ""))
    if record.get("text"):
        st.markdown(passage_markdown(str(record["text"])))
    if record.get("url"):
        st.caption(link_markdown(str(record["url"])))
