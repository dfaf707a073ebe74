"""Subtitle readers: cue text joined, speakers kept, every cue's time kept and found again for a passage."""

from __future__ import annotations

import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers import read_bytes, read_bytes_with_report
from factcheck.store.passages import split_passages
from factcheck.timecodes import decode_cues, parse_timestamp, time_span

SRT = """1
00:00:01,000 --> 00:00:04,000
MAYOR: We will build <i>300</i> homes
this year.

2
00:00:04,500 --> 00:00:07,000
Construction of the first homes starts in the spring.

3
00:00:08,000 --> 00:00:11,250
REPORTER: The budget says 200 homes.

4
not a timing line
stray words
"""

VTT = """WEBVTT - council meeting

NOTE recorded by the city

STYLE
::cue { color: white }

intro
00:01.000 --> 00:04.000 align:start position:10%
<v Mayor Jane Roe>We will build 300 homes this year.

00:00:04.500 --> 00:00:07.000
<v Mayor Jane Roe>Construction of the first homes starts in the spring.</v>

00:00:08.000 --> 00:00:11.250
<v.loud Tom Reporter>The budget says 200 homes &amp; no more.
"""


def test_srt_cues_are_joined_into_turns_with_their_labels() -> None:
    [document], warnings = read_bytes_with_report(SRT.encode(), "meeting.srt")
    assert document.text == (
        "MAYOR: We will build 300 homes this year. Construction of the first homes starts in the spring.\n\n"
        "REPORTER: The budget says 200 homes."
    )
    assert document.metadata["format"] == "srt"
    assert warnings == ["meeting.srt: skipped 1 blocks without a valid timing line."]


def test_vtt_voice_tags_become_speaker_labels_and_metadata() -> None:
    [document] = read_bytes(VTT.encode(), "meeting.vtt")
    assert document.text == (
        "Mayor Jane Roe: We will build 300 homes this year. Construction of the first homes starts in the spring.\n\n"
        "Tom Reporter: The budget says 200 homes & no more."
    )
    assert document.metadata["speakers"] == "Mayor Jane Roe, Tom Reporter"
    cues = decode_cues(document.metadata["cues"])
    assert [(c.from_time, c.to_time, c.voice) for c in cues] == [
        ("00:00:01.000", "00:00:04.000", "Mayor Jane Roe"),
        ("00:00:04.500", "00:00:07.000", "Mayor Jane Roe"),
        ("00:00:08.000", "00:00:11.250", "Tom Reporter"),
    ]
    assert document.text[cues[1].start : cues[1].end] == "Construction of the first homes starts in the spring."


@pytest.mark.parametrize(("name", "data"), [("meeting.srt", SRT), ("meeting.vtt", VTT)])
def test_each_passage_links_back_to_its_time(name: str, data: str) -> None:
    [document] = read_bytes(data.encode(), name)
    passages = split_passages(document)
    by_text = {p.text: p.time for p in passages}
    construction = next(text for text in by_text if text.startswith("Construction"))
    assert by_text[construction] == "00:00:04.500 --> 00:00:07.000"
    budget = next(text for text in by_text if "200 homes" in text)
    assert by_text[budget] == "00:00:08.000 --> 00:00:11.250"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00:00:01,000", "00:00:01.000"),
        ("01:02.5", "00:01:02.500"),
        ("123:00:00.000", "123:00:00.000"),
        ("1:02", None),
        ("soon", None),
    ],
)
def test_timestamps(text: str, expected: str | None) -> None:
    assert parse_timestamp(text) == expected


def test_time_span_of_text_outside_every_cue_is_none() -> None:
    [document] = read_bytes(SRT.encode(), "meeting.srt")
    cues = decode_cues(document.metadata["cues"])
    assert time_span(cues, 10_000, 10_010) is None
    assert decode_cues("not json") == []


@pytest.mark.parametrize("data", [b"WEBVTT\n\nNOTE only a note\n", b"1\nno timing\ntext\n"])
def test_subtitles_without_cues_are_refused(data: bytes) -> None:
    with pytest.raises(UnreadableFileError, match="no subtitle cues"):
        read_bytes(data, "empty.vtt")
