"""Subtitles and transcripts (`.srt`, `.vtt`): the cues' words joined into one Document, their timings kept."""

from __future__ import annotations

import html
import re

from factcheck.documents import Document, normalise_text
from factcheck.errors import UnreadableFileError
from factcheck.readers.base import ReadResult, file_name
from factcheck.readers.encoding import decode_text
from factcheck.timecodes import CUES_KEY, Cue, encode_cues, parse_timestamp

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_ARROW = "-->"
# <v Name>, <v.loud Name> at the start of a cue line: WebVTT's voice tag.
_VOICE = re.compile(r"^<v(?:\.[\w.-]+)?\s+([^>]+)>")
# Any other markup: <i>, </b>, <c.yellow>, <00:00:01.000> karaoke times, <font color=...>; and SubRip's {\an8}.
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
# A line that names who speaks ("JOHN SMITH: ...", "Moderator: ...") or a dialogue dash starts a new turn.
_LABEL = re.compile(r"^(?:[-\u2010-\u2015]\s+|[A-Z][\w.'\u2019 -]{0,40}:\s)")
# Blocks of a WebVTT file that are not cues.
_VTT_NON_CUES = ("NOTE", "STYLE", "REGION")


def read_subtitles(data: bytes, source: str) -> ReadResult:
    """Read a `.srt` or `.vtt` file into one Document.

    The cues' text is joined in order: lines of one speaker into one paragraph, a new paragraph where the voice
    (WebVTT `<v Name>`) changes or a line starts with a speaker label ("MAYOR: ...") or a dialogue dash. A voice
    tag becomes a label ("Name: ...") where the speaker changes, so quote checks see who spoke; other markup goes.
    Each cue's character span, times and voice are kept in `metadata["cues"]` (see `factcheck.timecodes`), so a
    passage can say when it was spoken; `metadata["speakers"]` lists the voices.

    Raises:
        UnreadableFileError: binary content, an unknown encoding, or no cue with text.
    """
    name = file_name(source)
    raw, warnings = decode_text(data, name)
    is_vtt = name.lower().endswith(".vtt")
    blocks = _BLANK_LINES.split(raw.replace("\r\n", "\n").replace("\r", "\n").strip())
    if is_vtt and blocks and blocks[0].startswith("WEBVTT"):
        blocks = blocks[1:]
    parts: list[str] = []
    cues: list[Cue] = []
    voice: str | None = None
    length = 0
    skipped = 0
    for block in blocks:
        lines = block.split("\n")
        if is_vtt and lines[0].split(" ", 1)[0] in _VTT_NON_CUES:
            continue
        timing_at = next((i for i, line in enumerate(lines) if _ARROW in line), None)
        times = _times(lines[timing_at]) if timing_at is not None else None
        if timing_at is None or times is None:
            skipped += 1
            continue
        for line in lines[timing_at + 1 :]:
            found = _VOICE.match(line.strip())
            line_voice = normalise_text(found.group(1)) if found else voice
            words = normalise_text(html.unescape(_TAG.sub("", line)))
            if not words:
                continue
            new_turn = bool(parts) and (line_voice != voice or _LABEL.match(words) is not None)
            if found and (line_voice != voice or not parts):
                words = f"{line_voice}: {words}"
            separator = ("\n\n" if new_turn else " ") if parts else ""
            start = length + len(separator)
            parts.append(separator + words)
            length = start + len(words)
            cues.append(Cue(start, length, times[0], times[1], line_voice))
            voice = line_voice
    text = "".join(parts)
    if not text:
        raise UnreadableFileError(
            f"{name} has no subtitle cues with text; expected blocks of a timing line "
            "('00:00:01,000 --> 00:00:04,000') followed by the words. Check it is a SubRip or WebVTT file."
        )
    if skipped:
        warnings.append(f"{name}: skipped {skipped} blocks without a valid timing line.")
    speakers = list(dict.fromkeys(cue.voice for cue in cues if cue.voice))
    metadata = {"format": "vtt" if is_vtt else "srt", CUES_KEY: encode_cues(cues)}
    if speakers:
        metadata["speakers"] = ", ".join(speakers)
    return ReadResult([Document(doc_id=name, text=text, path=source, metadata=metadata)], warnings)


def _times(line: str) -> tuple[str, str] | None:
    """The (from, to) times of a timing line; WebVTT's cue settings after the end time are ignored."""
    before, _, after = line.partition(_ARROW)
    first = parse_timestamp(before)
    second = parse_timestamp(after.split()[0]) if after.split() else None
    return (first, second) if first and second else None
