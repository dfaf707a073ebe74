"""Passages as rows of a Milvus collection and back: the metadata fields, the BM25 words, and the extras (an earlier
fact-check's published verdict, a subtitle span's time) kept as one JSON field."""

from __future__ import annotations

import json

import numpy as np

from factcheck.factchecks import PublishedReview
from factcheck.store.lexical import tokenize
from factcheck.store.passages import Passage, indexed_text

PASSAGE_FIELDS = ["passage_id", "doc_id", "text", "start", "end", "title", "url", "date", "source", "extra"]


def milvus_words(text: str) -> str:
    """The FAISS store's BM25 tokens of `text` as one string that Milvus's standard tokenizer splits back into exactly
    those tokens. It splits at every character that is not a letter or digit, which would cut figures ("4.7" into
    "4" and "7": Milvus's lexical hit@5 on AVeriTeC's numerical claims was 0.571 where the FAISS store's is 0.529),
    so a figure's separators are spelled as letters: "4.7" -> "4d7", "1,5" -> "1c5" (a word token never starts with
    a digit)."""
    return " ".join(
        token.replace(".", "d").replace(",", "c") if token[0].isdigit() else token for token in tokenize(text)
    )


def passage_row(passage: Passage, vector: np.ndarray) -> dict:
    extra: dict[str, object] = {}
    if passage.review is not None:
        extra["review"] = passage.review.to_dict()
    if passage.time is not None:
        extra["time"] = passage.time
    return {
        "passage_id": passage.passage_id,
        "doc_id": passage.doc_id,
        "text": passage.text,
        "words": milvus_words(indexed_text(passage)),
        "dense": vector.tolist(),
        "start": passage.start,
        "end": passage.end,
        "title": passage.title or "",
        "url": passage.url or "",
        "date": passage.date or "",
        "source": passage.source or "",
        # Most passages are plain evidence: no review, no time, and an empty string rather than "{}".
        "extra": json.dumps(extra, ensure_ascii=False) if extra else "",
    }


def passage_from_row(entity: dict) -> Passage:
    extra = json.loads(entity["extra"]) if entity.get("extra") else {}
    return Passage(
        passage_id=entity["passage_id"],
        doc_id=entity["doc_id"],
        text=entity["text"],
        start=int(entity["start"]),
        end=int(entity["end"]),
        title=entity["title"] or None,
        url=entity["url"] or None,
        date=entity["date"] or None,
        source=entity["source"] or None,
        review=PublishedReview.from_dict(extra.get("review")),
        time=extra.get("time"),
    )
