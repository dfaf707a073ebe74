"""Hybrid k=10 at SIZE passages: lexical channel beside the query embedding (overlap) vs after it, interleaved
(after, overlap, overlap, after), 40 query texts; the hits must be the same."""
import sys, time
from pathlib import Path
import numpy as np
from factcheck import search
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.evaluate.benchmark import synthetic_passages
from factcheck.search import SearchMode, batch_search
from factcheck.store import Corpus
size = int(sys.argv[1])
threads = int(sys.argv[2]) if len(sys.argv) > 2 else None
embedder = SentenceTransformerEmbedder(cache_dir=Path("/tmp/wt12c-work/emb"), threads=threads); embedder.warm_up()
corpus = Corpus.open(Path(f"/tmp/wt12c-work/synthetic-{size}"), embedder)
queries = synthetic_passages(41, seed=2)
batch_search([corpus], embedder, queries[:1], 10, mode=SearchMode.HYBRID)
T = {True: [], False: []}; same = 0
stages = {"embed": [], "bm25": [], "dense": []}
for text in queries[1:]:
    out = {}
    for overlap in (False, True, True, False):
        search.OVERLAP_CHANNELS = overlap
        s = time.perf_counter(); out[overlap] = batch_search([corpus], embedder, [text], 10, mode=SearchMode.HYBRID)
        T[overlap].append((time.perf_counter() - s) * 1000)
    same += [h.passage_id for h in out[True][0]] == [h.passage_id for h in out[False][0]]
    s = time.perf_counter(); v = embedder.encode_queries([text]); stages["embed"].append((time.perf_counter() - s) * 1000)
    s = time.perf_counter(); corpus.search_vectors(v, 100); stages["dense"].append((time.perf_counter() - s) * 1000)
    s = time.perf_counter(); corpus.search_lexical([text], 100); stages["bm25"].append((time.perf_counter() - s) * 1000)
for k, v in T.items():
    print(f"{'overlap' if k else 'one after the other'}: hybrid p50 {np.percentile(v, 50):.1f} ms, p95 {np.percentile(v, 95):.1f} ms ({len(v)} timings)")
for k, v in stages.items():
    print(f"  {k}: p50 {np.percentile(v, 50):.1f} ms, p95 {np.percentile(v, 95):.1f} ms")
print(f"same top 10 for {same} of {len(queries) - 1} queries")
