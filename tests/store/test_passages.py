import pytest

from factcheck.documents import Document
from factcheck.store.passages import MAX_WORDS, split_passages


def passages_of(text: str):
    document = Document.from_text(text, doc_id="d.txt", title="T", url="https://example.org/d")
    return document, split_passages(document)


def test_each_sentence_is_a_passage_with_offsets_and_metadata():
    document, passages = passages_of(
        "The UN asked for a 48-hour pause in Aleppo. Almost 600,000 people live under siege in Syria today."
    )
    assert [p.text for p in passages] == [
        "The UN asked for a 48-hour pause in Aleppo.",
        "Almost 600,000 people live under siege in Syria today.",
    ]
    for passage in passages:
        assert document.text[passage.start : passage.end] == passage.text
        assert (passage.doc_id, passage.title, passage.url) == ("d.txt", "T", "https://example.org/d")


def test_short_sentences_join_the_next_one():
    _, passages = passages_of("Advertisement\n\nSome 8,000 remaining residents of Darayya will leave the town.")
    assert len(passages) == 1
    assert passages[0].text.startswith("Advertisement")


def test_long_sentences_are_windowed_not_truncated():
    words = [f"word{i}" for i in range(300)]
    document, passages = passages_of(" ".join(words) + ".")
    assert len(passages) > 1
    covered = " ".join(p.text for p in passages)
    for word in words:
        assert word in covered
    assert all(len(p.text.split()) <= MAX_WORDS for p in passages)


def test_passage_ids_are_stable_and_unique():
    text = "One sentence that is long enough here. Another sentence that is long enough too."
    _, first = passages_of(text)
    _, second = passages_of(text)
    assert [p.passage_id for p in first] == [p.passage_id for p in second]
    assert len({p.passage_id for p in first}) == len(first)


@pytest.mark.parametrize("text", ["", "Short.", "   "])
def test_tiny_documents(text):
    _, passages = passages_of(text)
    assert len(passages) <= 1


def test_a_passage_read_back_keeps_every_field_and_ignores_unknown_keys():
    import dataclasses

    from factcheck.factchecks import PublishedReview
    from factcheck.store.passages import Passage

    review = PublishedReview(rating="False", publisher="Desk", date="2026-01-02", url="https://x.test/r", claimant="A")
    passage = Passage("d:0", "d", "Text.", 0, 5, "T", "https://x.test", "2026-01-01", "wire", review, "00:00:01")
    assert all(getattr(passage, f.name) not in (None, "") for f in dataclasses.fields(Passage))
    assert Passage.from_dict({**passage.to_dict(), "from_a_later_version": 1}) == passage
    assert Passage.from_dict({"passage_id": "d:1", "doc_id": "d", "text": "x", "start": 0, "end": 1}).title is None
    with pytest.raises(KeyError):
        Passage.from_dict({"doc_id": "d", "text": "x", "start": 0, "end": 1})
