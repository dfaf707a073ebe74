from factcheck.embed import HashEmbedder
from factcheck.evaluate.retrieval import RetrievalSet, compare_stores

POOL = {
    "siege": ("About 600,000 people live under siege in Syria, the UN said.", None),
    "darayya": ("Some 8,000 remaining residents of Darayya were to be evacuated.", None),
    "pause": ("The UN asked for a 48-hour pause in the fighting in Aleppo.", None),
    "convoy": ("The aid convoy stretched for 80 km (50 miles) along the road.", None),
    "talks": ("Kerry and Lavrov met in Geneva for talks on a ceasefire.", None),
}
CLAIMS = [
    ("600,000 people under siege", {"siege"}),
    ("a two-day pause in Aleppo", {"pause"}),
    ("8,000 residents left Darayya", {"darayya"}),
    ("a convoy 50 miles long", {"convoy"}),
    ("ceasefire talks in Geneva", {"talks"}),
]


def test_both_stores_give_the_same_figures():
    embedded = []

    class Counting(HashEmbedder):
        def encode_documents(self, texts, progress=None):
            embedded.extend(texts)
            return super().encode_documents(texts, progress)

    rows = compare_stores(
        [RetrievalSet("tiny", POOL, CLAIMS)], Counting(), ["faiss", "milvus-lite"], log=lambda _: None
    )
    faiss_rows = [r for r in rows if r.data.endswith("[faiss]")]
    milvus_rows = [r for r in rows if r.data.endswith("[milvus-lite]")]
    # five systems (dense, BM25, the fusion, hybrid as search runs it, the fixed 0.6/0.4 fusion), six metrics
    assert len(faiss_rows) == len(milvus_rows) == 5 * 6
    for mine, theirs in zip(faiss_rows, milvus_rows, strict=True):
        assert mine.metric == theirs.metric
        assert abs(mine.value - theirs.value) <= 0.01, mine
    assert len(embedded) == len(set(embedded))  # no text embedded twice: the second store reused the vectors
