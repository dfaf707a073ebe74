"""A 1,000-word article checked end to end at SIZE passages (as bench scale builds it), warm; profile of one run."""
import cProfile, pstats, sys, time
from pathlib import Path
import numpy as np
from factcheck.check import check_claims
from factcheck.demo import sample_articles
from factcheck.documents import Document
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.extract import extract_claims
from factcheck.readers import read_path
from factcheck.store import Corpus
size = int(sys.argv[1])
embedder = SentenceTransformerEmbedder(cache_dir=Path("/tmp/wt12c-work/emb")); embedder.warm_up()
corpus = Corpus.open(Path(f"/tmp/wt12c-work/synthetic-{size}"), embedder)
pool = " ".join(d.text for p in sample_articles() for d in read_path(p)).split()
article = Document.from_text(" ".join((pool * (1000 // max(len(pool), 1) + 1))[:1000]), doc_id="bench")
times = []
for _ in range(4):
    s = time.perf_counter(); claims = extract_claims(article); check_claims(claims, [corpus], embedder, 5); times.append(time.perf_counter() - s)
print(f"{len(claims)} claims; runs {[round(t, 2) for t in times]}; median warm {np.median(times[1:]):.2f} s")
s = time.perf_counter(); claims = extract_claims(article); print(f"extract {time.perf_counter() - s:.2f} s")
if len(sys.argv) > 2:
    pr = cProfile.Profile(); pr.enable(); check_claims(extract_claims(article), [corpus], embedder, 5); pr.disable()
    pstats.Stats(pr).sort_stats("cumtime").print_stats(30)
