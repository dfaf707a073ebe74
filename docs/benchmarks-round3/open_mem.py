"""Peak RSS of a fresh process that opens the synthetic corpus of SIZE passages and runs 40 hybrid queries."""
import resource, sys, time
from pathlib import Path
def rss_mb():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
size = int(sys.argv[1])
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.evaluate.benchmark import synthetic_passages
from factcheck.search import SearchMode, batch_search
from factcheck.store import Corpus
embedder = SentenceTransformerEmbedder(cache_dir=Path("/tmp/wt12c-work/emb"))
embedder.warm_up()
queries = synthetic_passages(41, seed=2)
before = rss_mb(); peak_before = peak_mb()
started = time.perf_counter()
corpus = Corpus.open(Path(f"/tmp/wt12c-work/synthetic-{size}"), embedder)
opened = time.perf_counter() - started
after_open = rss_mb()
times = []
for q in queries:
    s = time.perf_counter()
    hits = batch_search([corpus], embedder, [q], 10, mode=SearchMode.HYBRID)
    times.append((time.perf_counter() - s) * 1000)
import numpy as np
t = times[1:]
print(f"{sys.argv[2] if len(sys.argv) > 2 else ''} size {size}: RSS before open {before:.0f} MB (peak {peak_before:.0f}), "
      f"after open {after_open:.0f} MB, open {opened:.1f} s, after 40 hybrid queries {rss_mb():.0f} MB, "
      f"peak {peak_mb():.0f} MB; hybrid p50 {np.percentile(t, 50):.0f} ms p95 {np.percentile(t, 95):.0f} ms; "
      f"first hit {hits[0][0].passage_id if hits[0] else None}")
