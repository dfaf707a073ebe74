"""BM25 at SIZE passages, depth 100: the code before this session's change (oldtree-src) vs now, interleaved
(before, now, now, before) on the 40 query texts, same postings arrays; checks the scores are identical."""
import dataclasses, importlib.util, sys, time
from pathlib import Path
import numpy as np
from factcheck.evaluate.benchmark import synthetic_passages
from factcheck.store import Corpus
from factcheck.store.lexical import tokenize
spec = importlib.util.spec_from_file_location("old_bm25", "/tmp/wt12c-work/oldtree-src/factcheck/store/bm25_search.py")
old = importlib.util.module_from_spec(spec); sys.modules["old_bm25"] = old; spec.loader.exec_module(old)
c = Corpus.open(Path(f"/tmp/wt12c-work/synthetic-{sys.argv[1]}"))
qs = synthetic_passages(41, seed=2)
c.search_lexical(qs[:1], 100)
voc, new_post = c.lexical._searchable
old_post = old.Postings(**{f.name: getattr(new_post, f.name) for f in dataclasses.fields(new_post)})
T = {"before": [], "now": []}; same_scores = same_rows = 0
for q in qs[1:]:
    ids = np.array([voc[t] for t in tokenize(q) if t in voc])
    out = {}
    for who in ("before", "now", "now", "before"):
        p = old_post if who == "before" else new_post
        s = time.perf_counter(); out[who] = p.top_k(ids, 100); T[who].append((time.perf_counter() - s) * 1000)
    same_scores += np.array_equal(out["before"][1], out["now"][1])
    same_rows += np.array_equal(out["before"][0], out["now"][0])
for k, v in T.items():
    print(f"{k}: p50 {np.percentile(v, 50):.1f} ms, p95 {np.percentile(v, 95):.1f} ms ({len(v)} timings)")
print(f"identical score lists {same_scores}/40, identical row lists {same_rows}/40")
