"""The Document type every reader returns, and the text normalisation all offsets refer to."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field

from factcheck.factchecks import PublishedReview
from factcheck.serialise import Record

# Characters that render as a space but are not the ASCII space: no-break, thin, figure, narrow no-break, ideographic.
_SPACE_LIKE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
# Zero-width characters and the byte-order mark carry nothing a reader sees and break exact matching.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RUN_OF_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return `text` in the form that every stored offset refers to.

    Unicode NFC; Windows and old Mac line ends become `\\n`; space-like characters become a space and invisible ones
    are dropped; runs of spaces collapse to one; spaces at line ends go; more than one blank line becomes one blank line
    (paragraphs stay apart); leading and trailing whitespace goes. Quote marks, dashes and digits are kept exactly as
    written, because quote fidelity is judged on them.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = _RUN_OF_SPACES.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


def content_hash(text: str) -> str:
    """A stable fingerprint of normalised text, used to skip duplicate documents and to key reviews."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Document(Record):
    """One document's normalised text and its metadata.

    `doc_id` is the record's own id for CSV/JSONL rows, else the file name. All character offsets elsewhere in the
    project (sentences, quotes, quantities, passages) index into `text`. `review` is set on an earlier fact-check
    (a ClaimReview record): its text is then the claim reviewed, kept whole as one passage.
    """

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None
    path: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    review: PublishedReview | None = None

    @classmethod
    def from_text(cls, text: str, doc_id: str, **metadata: str | None) -> Document:
        """Build a Document from raw text, normalising it."""
        # The keywords are the optional str fields (title, url, date, source, path), which mypy cannot tell apart
        # from the `metadata` dict.
        return cls(doc_id=doc_id, text=normalise_text(text), **metadata)  # type: ignore[arg-type]

    @property
    def content_hash(self) -> str:
        """The fingerprint of the text; for an earlier fact-check, of the text with its title and verdict, since
        two publishers reviewing the same claim are two records, not a duplicate."""
        if self.review is None:
            return content_hash(self.text)
        verdict = json.dumps([self.title, self.review.to_dict()], ensure_ascii=False, sort_keys=True)
        return content_hash(f"{self.text}\n{verdict}")
