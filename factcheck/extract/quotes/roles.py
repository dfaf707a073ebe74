"""The roles an article gives a speaker: a transcript that labels its turns with a role alone ("Chair:") gives the
words to whoever holds it, and the article may say who that is in another sentence than the quote's ("Chair
Severine Strang told the meeting ..." then '"...," she said.')."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.extract.values import Sentence

__all__ = ["ROLE_LABELS", "roles_of"]

# Role words a transcript may label a turn with alone, no article and no name ("Chair: Thank you, members.").
ROLE_LABELS = frozenset(
    {"chair", "chairman", "chairwoman", "chairperson", "mayor", "judge", "coroner", "presenter", "host", "convenor"}
)

_WORD = re.compile(r"[A-Za-z]+")


def roles_of(speaker: str | None, sentences: Sequence[Sentence]) -> tuple[str, ...]:
    """The role labels (`ROLE_LABELS`, or a word of their stem: "chairs", "chaired") written in the sentences that
    name `speaker` by surname, in the order first written. None for a speaker without a capitalised surname."""
    surname = speaker.split()[-1] if speaker and speaker.split() else ""
    if not surname[:1].isupper():
        return ()
    name = re.compile(rf"\b{re.escape(surname)}\b")
    found: list[str] = []
    for sentence in sentences:
        if not name.search(sentence.text):
            continue
        for word in _WORD.findall(sentence.text):
            role = next((label for label in ROLE_LABELS if word.casefold().startswith(label)), None)
            if role is not None and role not in found:
                found.append(role)
    return tuple(found)
