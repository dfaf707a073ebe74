"""Build the synthetic 100k and 1M corpora in /tmp/wt12c-work with the code at HEAD (old format)."""
import time
from pathlib import Path
import numpy as np
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.evaluate.bench_scale import open_or_build
from factcheck.evaluate.benchmark import synthetic_passages
folder = Path("/tmp/wt12c-work")
embedder = SentenceTransformerEmbedder(cache_dir=folder / "emb")
if (folder / "base.npy").is_file():
    base = np.load(folder / "base.npy")
else:
    s = time.time(); base = embedder.encode_documents(synthetic_passages(2000, seed=1)); np.save(folder / "base.npy", base)
    print("base", time.time() - s, flush=True)
for size in (100000, 1000000):
    c, v, b = open_or_build(folder, size, base, embedder, lambda m: print(m, flush=True))
    del c, v
