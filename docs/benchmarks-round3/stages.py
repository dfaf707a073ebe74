"""Stage timings at SIZE passages in one process: embed, dense (depth 100), BM25 (depth 100), hybrid k=10."""
import sys, time
from pathlib import Path
import numpy as np
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.evaluate.benchmark import synthetic_passages
from factcheck.search import SearchMode, batch_search
from factcheck.store import Corpus
size = int(sys.argv[1])
embedder = SentenceTransformerEmbedder(cache_dir=Path("/tmp/wt12c-work/emb")); embedder.warm_up()
corpus = Corpus.open(Path(f"/tmp/wt12c-work/synthetic-{size}"), embedder)
queries = synthetic_passages(41, seed=2)
stages = {k: [] for k in ("embed", "dense", "bm25", "hybrid")}
def timed(name, call):
    s = time.perf_counter(); call(); stages[name].append((time.perf_counter() - s) * 1000)
corpus.search_lexical(queries[:1], 100)
for text in queries:
    v = embedder.encode_queries([text])
    timed("embed", lambda: embedder.encode_queries([text]))
    timed("dense", lambda: corpus.search_vectors(v, 100))
    timed("bm25", lambda: corpus.search_lexical([text], 100))
    timed("hybrid", lambda: batch_search([corpus], embedder, [text], 10, mode=SearchMode.HYBRID))
for k, v in stages.items():
    print(f"{k}: p50 {np.percentile(v[1:], 50):.1f} ms p95 {np.percentile(v[1:], 95):.1f} ms")
