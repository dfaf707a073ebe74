"""Passages: the retrievable units of a corpus, cut from documents as sentence windows sized for the embedder."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.documents import Document
from factcheck.errors import InputError
from factcheck.extract import split_sentences
from factcheck.factchecks import PublishedReview
from factcheck.serialise import Record, to_record
from factcheck.timecodes import CUES_KEY, decode_cues, time_span

# all-MiniLM-L6-v2 reads 256 word pieces at most (it was trained on 128); news English averages about 1.3 word
# pieces per word, so 120 words stays inside the window. A longer sentence is cut into overlapping pieces rather
# than silently truncated by the model.
MAX_WORDS = 120
OVERLAP_WORDS = 20
# A sentence this short ("Advertisement", a dateline) is joined to its neighbour: alone it retrieves noise.
MIN_WORDS = 6

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Passage(Record):
    """A span of a document with the document's metadata, as stored in a corpus.

    `review` is the published verdict when the document is an earlier fact-check; `time` is when the span is spoken
    in a subtitle document ("00:01:02.500 --> 00:01:09.000").
    """

    passage_id: str
    doc_id: str
    text: str
    start: int
    end: int
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    review: PublishedReview | None = None
    time: str | None = None

    def to_dict(self) -> dict:
        # Most passages are neither reviews nor timed: a passage file of evidence stays as it was without them.
        return to_record(self, omit_none=("review", "time"))

    @classmethod
    def from_dict(cls, record: dict) -> Passage:
        # Called for every search hit read back from a corpus file (two hundred per hybrid query): the fields are
        # taken by name rather than through `from_record`'s generic loop, which took twice as long.
        get = record.get
        return cls(
            record["passage_id"],
            record["doc_id"],
            record["text"],
            record["start"],
            record["end"],
            get("title"),
            get("url"),
            get("date"),
            get("source"),
            PublishedReview.from_dict(get("review")),
            get("time"),
        )


@dataclass(frozen=True, slots=True)
class PassageFilter:
    """Which passages a search may return: from these sources (any, if empty) and dated within [since, until].

    Dates compare as ISO strings ("2016-08", "2016-08-26"), so a month or a year works as a bound; an undated
    passage is excluded by a date bound.
    """

    sources: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        for bound in (self.since, self.until):
            if bound is not None and not _ISO_PREFIX.match(bound):
                raise InputError(f"Date bounds are ISO dates such as 2016, 2016-08 or 2016-08-26; got {bound!r}.")

    @property
    def empty(self) -> bool:
        return not self.sources and self.since is None and self.until is None

    def allows(self, passage: Passage) -> bool:
        return self.allows_source(passage.source) and self.allows_date(passage.date)

    def allows_source(self, source: str | None) -> bool:
        return not self.sources or (source or "") in self.sources

    def allows_date(self, date: str | None) -> bool:
        if self.since is not None and (date is None or date[: len(self.since)] < self.since):
            return False
        return not (self.until is not None and (date is None or date[: len(self.until)] > self.until))


_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def indexed_text(passage: Passage) -> str:
    """What both retrieval channels index for a passage: its document's title, then the passage.

    A title names what the passage is about when the sentence itself does not ("It rose by 4%"); measured on
    CLIMATE-FEVER it lifts hybrid hit@5 by about 0.04 (docs/retrieval.md). Queries are searched as written.
    """
    return f"{passage.title}. {passage.text}" if passage.title else passage.text


def split_passages(document: Document) -> list[Passage]:
    """Cut a document into passages: sentences, short ones joined to the next, long ones windowed.

    Passage ids are `<content hash>:<n>`, stable for the same text whatever the file is called. An earlier
    fact-check (a document with a `review`) is one passage, never split: its text is the one claim reviewed.
    """
    spans = [(0, len(document.text))] if document.review is not None else _sentence_spans(document.text)
    cues = decode_cues(document.metadata.get(CUES_KEY))
    passages = []
    key = document.content_hash
    for number, (start, end) in enumerate(spans):
        passages.append(
            Passage(
                passage_id=f"{key}:{number}",
                doc_id=document.doc_id,
                text=document.text[start:end],
                start=start,
                end=end,
                title=document.title,
                url=document.url,
                date=document.date,
                source=document.source,
                review=document.review,
                time=time_span(cues, start, end) if cues else None,
            )
        )
    return passages


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    pending_start: int | None = None
    for sentence in split_sentences(text):
        start = sentence.start if pending_start is None else pending_start
        if _word_count(text[start : sentence.end]) < MIN_WORDS:
            pending_start = start
            continue
        pending_start = None
        merged.append((start, sentence.end))
    if pending_start is not None:
        # A short tail (a sign-off, a last headline) joins the passage before it, or stands alone if it is all.
        tail_end = len(text.rstrip())
        if merged:
            merged[-1] = (merged[-1][0], tail_end)
        else:
            merged.append((pending_start, tail_end))
    spans: list[tuple[int, int]] = []
    for start, end in merged:
        spans.extend(_windows(text, start, end))
    return spans


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    if len(words) <= MAX_WORDS:
        return [(start, end)]
    windows = []
    step = MAX_WORDS - OVERLAP_WORDS
    for first in range(0, len(words), step):
        last = min(first + MAX_WORDS, len(words)) - 1
        windows.append((words[first][0], words[last][1]))
        if last == len(words) - 1:
            break
    return windows
