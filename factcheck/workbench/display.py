"""Signals as what the page shows: passages with compared figures in bold, quote diffs, escaped user text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.corroborate.signals import NumberStatus, Signals

_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$=&")
_ESCAPED_HEADING = re.compile(r"^(?:\\#){1,6} +(\S[^\n]*)$", re.MULTILINE)
STANCE_LABELS = {"supports": "Supports", "conflicts": "⚠ Conflicts", "related": "Related"}
_BREAK = "\u200b"  # a zero-width space: invisible, but ends an emoji code, a directive or a bare web address


def escape_markdown(text: str) -> str:
    """User and corpus text shown through st.markdown: every Markdown and HTML character is taken literally
    (also "=" of a heading underline and "&" of an entity), and a colon is followed by a zero-width space so
    ":smile:", ":red[...]" and "https://..." stay plain text instead of becoming an emoji, colour or link."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch + _BREAK if ch == ":" else ch for ch in text)


def stance_heading(signals: Signals) -> str:
    """A card's label; a conflict that confirms the sentence's other figures names both ("⚠ Conflicts on 420 ·
    Supports 650"), so a reviewer sees at once which figure the source disputes."""
    label = STANCE_LABELS[signals.stance.value]
    if not signals.agreed or signals.numbers is None:
        return label
    return f"{label} on {', '.join(signals.numbers.disputed)} · Supports {', '.join(signals.agreed)}"


def highlighted_passage(text: str, signals: Signals | None) -> str:
    """The passage as Markdown with the figures the numbers signal compared in bold (conflicting ones marked ⚠),
    everything else escaped so the passage's own characters are shown literally."""
    marks: list[tuple[int, int, bool]] = []
    if signals is not None and signals.numbers is not None:
        for pair in signals.numbers.pairs:
            if pair.passage_start is not None and pair.passage_end is not None:
                conflicting = pair.status is NumberStatus.MISMATCH
                marks.append((pair.passage_start, pair.passage_end, conflicting))
    pieces, cursor = [], 0
    for start, end, conflicting in sorted(set(marks)):
        if start < cursor or end > len(text):
            continue
        pieces.append(escape_markdown(text[cursor:start]))
        figure = escape_markdown(text[start:end])
        pieces.append(f"**⚠ {figure}**" if conflicting else f"**{figure}**")
        cursor = end
    pieces.append(escape_markdown(text[cursor:]))
    return headings_in_bold("".join(pieces))


def passage_markdown(text: str) -> str:
    """A stored passage as Markdown: its characters escaped, a Markdown heading of its source ("## Aleppo") in bold."""
    return headings_in_bold(escape_markdown(text))


def headings_in_bold(markdown: str) -> str:
    """Lines of escaped Markdown that were headings in the source document ("\\#\\# Aleppo") shown as a bold
    label instead of their raw marks."""
    return _ESCAPED_HEADING.sub(lambda match: f"**{match.group(1).strip()}**", markdown)


def quote_diff_markdown(signals: Signals | None) -> str | None:
    """The word diff of a quote against its source: ~~words only in the claim~~, **words only in the source**."""
    if signals is None or signals.quote is None or not signals.quote.diff:
        return None
    parts = []
    for step in signals.quote.diff:
        if step.op == "equal":
            parts.append(escape_markdown(step.claim_words))
        if step.op in ("replace", "delete") and step.claim_words:
            parts.append(f"~~{escape_markdown(step.claim_words)}~~")
        if step.op in ("replace", "insert") and step.source_words:
            parts.append(f"**{escape_markdown(step.source_words)}**")
    return " ".join(part for part in parts if part)


def link_markdown(url: str) -> str:
    """A web address as a Markdown link that shows the address as written; anything that is not a plain
    http(s) address is shown as escaped text, never as a link."""
    url = url.strip()
    plain = url.lower().startswith(("http://", "https://")) and not any(ch.isspace() or ch in "<>" for ch in url)
    return f"<{url}>" if plain else escape_markdown(url)


def passage_in_context(before: str, passage_markdown: str, after: str) -> str:
    """The passage (already Markdown, figures highlighted) between the escaped text around it in its document."""
    parts = [escape_markdown(before.strip()), f":orange-background[{passage_markdown}]", escape_markdown(after.strip())]
    return " ".join(part for part in parts if part).replace("\n", " ")


def article_markdown(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The article as Markdown with each claim span on a coloured background (overlapping spans: the first one
    wins), everything else escaped; paragraphs kept."""
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor or not 0 <= start < end <= len(text):
            continue
        pieces.append(escape_markdown(text[cursor:start]))
        # A highlight cannot cross a paragraph break in Markdown: mark each paragraph's part on its own.
        marked = [
            f":blue-background[{escape_markdown(part)}]" if part.strip() else part
            for part in text[start:end].split("\n\n")
        ]
        pieces.append("\n\n".join(marked))
        cursor = end
    pieces.append(escape_markdown(text[cursor:]))
    return headings_in_bold("".join(pieces))
