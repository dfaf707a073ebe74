"""Transcript turns: speaker labels (`KERRY:`, `[KERRY]`, `>> KERRY:`, `<v Kerry>`) and the text each one owns.

A label owns every line after it until the next label, across sentences and paragraphs. Labels are recognised:

- `NAME:` at the start of a line (after optional spaces or `>>`), where NAME is one to five words that are all
  capitals ("KERRY", "SENIOR STATE DEPARTMENT OFFICIAL", "MR. TONER"), or one to four capitalised words ("Kerry",
  "John Kerry", "Q") followed by a space; capitalised labels count only when the text has two or more of them (one
  "Washington: ..." line is a dateline or a heading, not a transcript). Headings and form fields ("NOTE:",
  "Source:") are not speakers. The name may be followed by its role, in brackets or after a comma, without digits
  (a date is no role): `RUTH CALLOWAY (Director, Emergency Office):`, `Ada Voss, mayor:`; the speaker is the name.
- `NAME:` in all capitals right after a sentence end on the same line ("... or not? LAVROV: Our experts ..."), as
  transcripts flattened into one line (a CSV cell) are written.
- `[NAME]` at the start of a line (also with a role: `[RUI FALCOEIRA, CIVIL PROTECTION COMMANDER]`), and
  WebVTT voice tags `<v NAME>` anywhere (the tag's text runs to `</v>` or to the next label).

Questioners (`QUESTIONER_LABELS`: "QUESTION", "Q", "REPORTER", "JOURNALIST", "AUDIENCE") own their turn but
are not speakers a quote can be attributed to: `Turn.questioner` is set and `speaker_at` returns None there.
Pure functions over the text, no I/O; offsets index into the text given.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.serialise import Record

__all__ = ["Turn", "find_turns", "speaker_at", "turn_at"]

QUESTIONER_LABELS = frozenset(
    {"q", "question", "questioner", "reporter", "journalist", "audience", "audience member", "unidentified reporter"}
)
# Words that end a line as a heading or a form field, never a speaker ("NOTE:", "Updated:", "Source:").
_NOT_SPEAKERS = frozenset(
    {
        "note",
        "notes",
        "source",
        "sources",
        "updated",
        "update",
        "date",
        "time",
        "location",
        "subject",
        "title",
        "summary",
        "editor",
        "editors",
        "by",
        "photo",
        "caption",
        "warning",
        "correction",
        "related",
        "read more",
        "see also",
        "contact",
        "email",
        "tel",
        "phone",
        "fax",
        "web",
        "http",
        "https",
        "www",
        "transcript",
        "end",
        "begin",
    }
)

_CAPS_WORD = r"(?:[A-Z][A-Z.'\u2019\-]*)"
# a capitalised word, with capitalised parts after a hyphen or a prefix ("Harcombe-Tey", "McAllister")
_TITLE_WORD = r"(?:[A-Z][a-z.'\u2019\-]+(?:[A-Z][a-z.'\u2019\-]+)*|[A-Z]\.?)"
_CAPS_NAME = rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,4}}"
_TITLE_NAME = rf"{_TITLE_WORD}(?:[ \t]+(?:{_TITLE_WORD}|de|van|von|al-\w+|bin)){{0,3}}"
# The role a label may give after the name: "(Director, Emergency Management Office)" or ", chief executive".
_ROLE = r"(?:[ \t]*\([^()\n:\d]{1,80}\)|,[ \t]*[A-Za-z][^,:()\n.!?\d]{0,60}?)"  # no digits: not a date
_LINE_LABEL = re.compile(
    rf"(?m)^[ \t]*(?:>>[ \t]*)?(?:(?P<caps>{_CAPS_NAME}){_ROLE}?[ \t]*:"
    rf"|(?P<title>{_TITLE_NAME}){_ROLE}?:(?=[ \t]+\S))"
)
_INLINE_LABEL = re.compile(rf"(?<=[.!?\u201d\"'\u2019)\]])[ \t]+(?:>>[ \t]*)?(?P<caps>{_CAPS_NAME})[ \t]*:(?=[ \t]+\S)")
_BRACKET_LABEL = re.compile(
    r"(?m)^[ \t]*\[(?P<name>[A-Za-z][\w .'\u2019\-]{0,40}?)(?:[ \t]*\([^()\]\n]{1,80}\)|,[^\]\n]{1,80})?\][ \t]*:?"
)
_VOICE_TAG = re.compile(r"<v(?:\.[\w.]+)?[ \t]+(?P<name>[^>]{1,60})>")
_VOICE_END = re.compile(r"</v>")


@dataclass(frozen=True, slots=True)
class Turn(Record):
    """One speaker's turn: the label as written, the speaker's name in title case, the label's span and the span
    of the words the turn owns (from after the label to the next label or the end of the text)."""

    label: str
    speaker: str
    label_start: int
    start: int
    end: int
    questioner: bool


def find_turns(text: str) -> list[Turn]:
    """Every labelled turn of `text`, in order; empty for a text without speaker labels.

    Raises:
        TypeError: when `text` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected the text as a str, found {type(text).__name__}")
    labels: list[tuple[int, int, str]] = []  # (label start, words start, name)
    titled: list[tuple[int, int, str]] = []
    for match in _LINE_LABEL.finditer(text):
        name = match.group("caps") or match.group("title")
        after_name = text[match.end("title") : match.end()] if match.group("title") else ""
        if "," in after_name and len(name.split()) < 2:
            continue  # "However, the minister said: ..." opens a sentence; "Ada Voss, mayor:" is a full name
        if _is_speaker_label(name, capitals=match.group("caps") is not None):
            (labels if match.group("caps") else titled).append((match.start(), match.end(), name))
    if len(titled) >= 2:
        labels.extend(titled)
    for match in _INLINE_LABEL.finditer(text):
        if _is_speaker_label(match.group("caps"), capitals=True):
            labels.append((match.start("caps"), match.end(), match.group("caps")))
    for match in _BRACKET_LABEL.finditer(text):
        if _is_speaker_label(match.group("name"), capitals=False):
            labels.append((match.start(), match.end(), match.group("name")))
    for match in _VOICE_TAG.finditer(text):
        labels.append((match.start(), match.end(), match.group("name")))
    labels.sort()
    turns: list[Turn] = []
    for index, (label_start, start, name) in enumerate(labels):
        if turns and label_start < turns[-1].start:
            continue  # two patterns read the same label
        end = labels[index + 1][0] if index + 1 < len(labels) else len(text)
        closing = _VOICE_END.search(text, start, end)
        if text.startswith("<v", label_start) and closing is not None:
            end = closing.start()
        cleaned = " ".join(name.replace(">>", " ").split()).strip(" .")
        turns.append(Turn(cleaned, _display_name(cleaned), label_start, start, end, _is_questioner(cleaned)))
    return turns


def turn_at(turns: list[Turn], position: int) -> Turn | None:
    """The turn whose words contain `position` (None before the first label or after a closed voice tag)."""
    starts = [turn.start for turn in turns]
    index = bisect.bisect_right(starts, position) - 1
    if index < 0:
        return None
    turn = turns[index]
    return turn if turn.start <= position < max(turn.end, turn.start + 1) else None


def speaker_at(turns: list[Turn], position: int) -> str | None:
    """The speaker whose turn contains `position`, or None (no turn there, or a questioner's turn)."""
    turn = turn_at(turns, position)
    return None if turn is None or turn.questioner else turn.speaker


def _is_speaker_label(name: str, capitals: bool) -> bool:
    words = name.split()
    if not words or len(name) > 40 or not any(c.isalpha() for c in name):
        return False
    lowered = " ".join(words).lower().strip(" .")
    if lowered in _NOT_SPEAKERS or words[0].lower().strip(".") in _NOT_SPEAKERS:
        return False
    # a lone capital ("A:" in a list) is not a speaker, except the questioner "Q"
    return not (capitals and len(words) == 1 and len(words[0].strip(".")) == 1 and lowered != "q")


def _is_questioner(name: str) -> bool:
    return name.lower().strip(" .") in QUESTIONER_LABELS


def _display_name(name: str) -> str:
    """ "SENIOR STATE DEPARTMENT OFFICIAL" -> "Senior State Department Official"; mixed case is kept."""
    if name.isupper():
        return " ".join(word.capitalize() if not word.startswith("MC") else word.title() for word in name.split())
    return name
