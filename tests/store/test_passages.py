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
