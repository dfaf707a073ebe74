"""The arguments of `factcheck eval` (score a stage against annotated data) and `factcheck bench` (measure speed)."""

from __future__ import annotations

from factcheck.cli.parser_parts import add_command, add_nli_option, positive_int
from factcheck.config import option_help, setting_value
from factcheck.search import DEFAULT_TOP_K


def add_eval_commands(commands) -> None:
    evaluate = add_command(
        commands,
        "eval",
        "score a stage against the annotated data sets and write a Markdown table",
        "factcheck eval extraction --data-dir ~/factcheck-data --out docs/extraction-results.md",
        "factcheck eval articles --articles tests/data/article_set/dev --out docs/article-set-results.md",
        "factcheck eval articles --mine-same-thing /tmp/figure-pairs.jsonl",
        "factcheck eval retrieval --split halves --embedding-cache /tmp/factcheck-vectors",
        "factcheck eval retrieval --train-rerank factcheck/rerank_model.json --embedding-cache /tmp/vectors",
        "factcheck eval fact-checks --out docs/earlier-fact-checks-results.md",
        "factcheck eval fact-checks --train-adapter factcheck/query_adapter.npz --embedding-cache /tmp/vectors",
    )
    evaluate.add_argument("stage", choices=("extraction", "retrieval", "corroboration", "articles", "fact-checks"))
    evaluate.add_argument(
        "--articles",
        action="append",
        metavar="SPLIT_DIR",
        help="articles: a split folder of the article set (repeat for several; default: every finished split of"
        " tests/data/article_set: dev, test, holdout)",
    )
    evaluate.add_argument(
        "--top-k", type=positive_int, default=DEFAULT_TOP_K, help="articles: candidates per claim (default 5)"
    )
    evaluate.add_argument(
        "--mine-same-thing",
        metavar="PAIRS.jsonl",
        help="articles: instead of scoring, write the figure pairs the rules compare, labelled from the gold lines,"
        " for training the same-thing model (python -m factcheck.evaluate.same_thing_training)",
    )
    evaluate.add_argument("--data-dir", default=setting_value("data_dir"), metavar="DIR", help=option_help("data_dir"))
    evaluate.add_argument("--out", metavar="FILE.md", help="also write the table here")
    evaluate.add_argument(
        "--stores",
        metavar="faiss,milvus-lite",
        help="retrieval: the same sets on each of these stores, each text embedded once (figures side by side)",
    )
    evaluate.add_argument(
        "--sets",
        metavar="NAMES",
        help="retrieval: only these sets (climate-fever, averitec, fever, clef), comma-separated",
    )
    evaluate.add_argument(
        "--split",
        choices=("all", "tune", "report", "halves"),
        default="all",
        help="retrieval only: score every claim (all, default), one fixed half of each set (tune: where the fusion"
        " was chosen; report: held out), or both halves from one index (halves)",
    )
    evaluate.add_argument(
        "--fusion-grid",
        action="store_true",
        help="retrieval only: also rank the fusion settings tried for docs/retrieval.md on the scored halves"
        " (best 10: never below the better channel on any set first, then the worst and the mean margin)",
    )
    evaluate.add_argument(
        "--embedding-cache",
        metavar="DIR",
        help="retrieval and fact-checks: keep every computed vector in DIR, so a repeated run embeds nothing twice",
    )
    evaluate.add_argument(
        "--train-rerank",
        metavar="FILE.json",
        help="retrieval only: train the re-rank on the tune halves and the CLEF train tweets, write it to FILE and"
        " stop (factcheck/rerank_model.json is the packaged one)",
    )
    evaluate.add_argument(
        "--train-adapter",
        metavar="FILE.npz",
        help="fact-checks only: fit the query adapter of fact-check corpora on the CLEF train tweets, report its"
        " 5-fold figures on train, write it to FILE and stop (factcheck/query_adapter.npz is the packaged one)",
    )
    evaluate.add_argument(
        "--rerank", default=setting_value("rerank"), metavar="on|off|FILE", help=option_help("rerank")
    )
    evaluate.add_argument(
        "--query-adapter",
        default=setting_value("query_adapter"),
        metavar="on|off|FILE",
        help=option_help("query_adapter"),
    )
    add_nli_option(evaluate)
    evaluate.set_defaults(handler="run_eval")
    bench = add_command(
        commands,
        "bench",
        "measure ingest throughput, query latency and memory beside the naive pipeline",
        "factcheck bench retrieval --sizes 10000,100000,1000000 --out docs/retrieval-speed.md",
        "factcheck bench extraction",
        "factcheck bench scale --ingest-sizes 6000,100000 --query-sizes 100000,1000000  # writes docs/benchmarks.md",
        "factcheck bench stores --sizes 100000 --queries 100 --out stores.md",
    )
    bench.add_argument("stage", choices=("retrieval", "extraction", "scale", "stores"))
    bench.add_argument("--sizes", default="10000,100000,1000000", help="corpus sizes, comma-separated")
    bench.add_argument("--embed-sample", type=positive_int, default=10_000, help="passages embedded for real")
    bench.add_argument("--queries", type=positive_int, default=200)
    bench.add_argument("--out", metavar="FILE.md", help="(scale: default docs/benchmarks.md)")
    bench.add_argument("--ingest-sizes", default="6000", help="scale: passages embedded for real, comma-separated")
    bench.add_argument("--query-sizes", default="100000,1000000", help="scale: synthetic corpus sizes for queries")
    bench.add_argument("--articles", type=int, default=64, help="scale: articles for the bulk-check rate (0: skip)")
    bench.add_argument("--work-dir", metavar="DIR", help="scale: keep the synthetic corpora here and reuse them")
    bench.add_argument("--app-runs", type=int, default=2, help="scale: app starts in Chromium (0: skip)")
    bench.add_argument(
        "--ingest-stand-in",
        type=int,
        default=0,
        metavar="N",
        help="scale: also ingest N passages through `index add` with the stand-in (hash) embedder (0: skip)",
    )
    bench.set_defaults(handler="run_bench")
