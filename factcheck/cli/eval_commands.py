"""`factcheck eval` and `factcheck bench`: the stages scored against the data sets, and the speed measurements."""

from __future__ import annotations

from pathlib import Path

from factcheck.cli.arguments import embedder_from, nli_from, read_documents, store_name
from factcheck.cli.output import emit_table, note
from factcheck.errors import InputError
from factcheck.rerank import configured_reranker
from factcheck.store.backends import is_milvus_spec


def run_eval(arguments) -> int:
    from factcheck.evaluate import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR

    if arguments.stage != "retrieval" and (arguments.split != "all" or arguments.fusion_grid or arguments.train_rerank):
        raise InputError(
            "--split, --fusion-grid and --train-rerank apply to `factcheck eval retrieval` only; drop them."
        )
    if arguments.stage != "fact-checks" and arguments.train_adapter:
        raise InputError("--train-adapter applies to `factcheck eval fact-checks` only; drop it.")
    if arguments.stage not in ("retrieval", "fact-checks") and arguments.embedding_cache:
        raise InputError(
            "--embedding-cache applies to `factcheck eval retrieval` and `eval fact-checks` only; drop it."
        )
    if arguments.stage == "articles":
        return _run_article_eval(arguments)
    data_dir = Path(arguments.data_dir) if arguments.data_dir else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        raise InputError(
            f"No evaluation data folder at {data_dir}; pass --data-dir DIR (or set ${DATA_DIR_VARIABLE}) naming the"
            " folder that holds the data sets listed in docs/data.md."
        )
    if arguments.stage == "extraction":
        from factcheck.evaluate.extraction_run import evaluate_extraction

        rows = evaluate_extraction(data_dir, log=note)
    elif arguments.stage == "fact-checks":
        from factcheck.evaluate import earlier

        options = ["--embedder", arguments.embedder] + (["--model", arguments.model] if arguments.model else [])
        if arguments.train_adapter:
            from factcheck.evaluate import adapter_training

            rows = adapter_training.run(
                data_dir, options, arguments.train_adapter, log=note, cache_dir=arguments.embedding_cache
            )
        else:
            rows = earlier.run(
                data_dir,
                options,
                log=note,
                rerank=arguments.rerank,
                cache_dir=arguments.embedding_cache,
                adapter=arguments.query_adapter,
            )
    elif arguments.stage == "corroboration":
        from factcheck.evaluate import corroboration

        rows, tables = corroboration.run(data_dir, log=note, nli=nli_from(arguments))
        emit_table(rows, arguments.out, extra="\n\n".join(tables))
        return 0
    else:
        from factcheck.evaluate import retrieval
        from factcheck.evaluate.embedding_cache import CachedEmbedder
        from factcheck.evaluate.fusion_choice import default_grid

        embedder = embedder_from(arguments)
        if arguments.embedding_cache:
            embedder = CachedEmbedder(embedder, arguments.embedding_cache)
        if arguments.train_rerank:
            from factcheck.evaluate import rerank_training

            rerank_training.run(data_dir, embedder, arguments.train_rerank, log=note)
            return 0
        sets = retrieval.read_sets(data_dir)
        if arguments.sets:
            wanted = [name.strip().lower() for name in arguments.sets.split(",") if name.strip()]
            sets = [s for s in sets if any(s.name.lower().startswith(name) for name in wanted)]
            if not sets:
                raise InputError(
                    f"--sets {arguments.sets!r} names none of the sets (climate-fever, averitec, fever, clef)."
                )
        if arguments.stores:
            kinds = [kind.strip() for kind in arguments.stores.split(",") if kind.strip()]
            rows = retrieval.compare_stores(sets, embedder, kinds, log=note)
        else:
            # On a Milvus store the evaluation builds its corpora in a temporary Milvus Lite file, never in the store.
            milvus = is_milvus_spec(store_name(arguments))
            rows = retrieval.evaluate_retrieval(
                sets,
                embedder,
                log=note,
                split=arguments.split,
                grid=default_grid() if arguments.fusion_grid else (),
                reranker=configured_reranker(arguments.rerank),
                store_kind="milvus-lite" if milvus else "faiss",
            )
    emit_table(rows, arguments.out)
    return 0


def _run_article_eval(arguments) -> int:
    from factcheck.evaluate import PROJECT_ROOT
    from factcheck.evaluate.article_run import default_splits, details_of, evaluate_split, rows_of

    splits = arguments.articles or [
        str(path) for path in default_splits(PROJECT_ROOT / "tests" / "data" / "article_set")
    ]
    embedder = embedder_from(arguments)
    if arguments.mine_same_thing:
        from factcheck.evaluate.same_thing_mining import mine_split, write_pairs

        mined = [pair for split in splits for pair in mine_split(split, embedder, arguments.top_k, log=note)]
        write_pairs(mined, arguments.mine_same_thing)
        same = sum(pair.label for pair in mined)
        note(f"{len(mined)} figure pairs ({same} of the same thing) written to {arguments.mine_same_thing}")
        return 0
    rows, details = [], []
    for split in splits:
        every, confident = evaluate_split(split, embedder, arguments.top_k, log=note)
        rows.extend(rows_of(Path(split).name, every, confident))
        details.append(details_of(Path(split).name, every))
    emit_table(rows, arguments.out, extra="\n\n".join(details))
    return 0


def run_bench(arguments) -> int:
    from factcheck.evaluate.benchmark import run_benchmark, run_extraction_benchmark

    if arguments.stage == "extraction":
        from factcheck.demo import sample_articles

        texts = [document.text for path in sample_articles() for document in read_documents(path)]
        emit_table(run_extraction_benchmark(texts), arguments.out)
        return 0
    if arguments.stage == "scale":
        return _run_scale_bench(arguments)
    try:
        sizes = [int(size.replace("_", "")) for size in arguments.sizes.split(",") if size.strip()]
    except ValueError as error:
        raise InputError(f"--sizes takes whole numbers separated by commas, got {arguments.sizes!r}") from error
    if arguments.stage == "stores":
        from factcheck.evaluate.store_benchmark import run_store_benchmark

        rows = run_store_benchmark(sizes, queries=arguments.queries, log=note)
    else:
        rows = run_benchmark(sizes, embed_sample=arguments.embed_sample, queries=arguments.queries, log=note)
    emit_table(rows, arguments.out)
    return 0


def _run_scale_bench(arguments) -> int:
    from factcheck.demo import sample_articles
    from factcheck.evaluate.bench_doc import machine_description, markdown
    from factcheck.evaluate.bench_scale import run_scale_benchmark

    before = machine_description()
    figures = run_scale_benchmark(
        ingest_sizes=_sizes(arguments.ingest_sizes),
        query_sizes=_sizes(arguments.query_sizes),
        queries=arguments.queries,
        articles=arguments.articles,
        work_dir=Path(arguments.work_dir) if arguments.work_dir else None,
        article_paths=sample_articles(),
        app_runs=arguments.app_runs,
        ingest_stand_in=arguments.ingest_stand_in,
        log=note,
    )
    command = "factcheck bench scale " + " ".join(
        f"--{name.replace('_', '-')} {getattr(arguments, name)}"
        for name in ("ingest_sizes", "ingest_stand_in", "query_sizes", "queries", "articles", "app_runs")
    )
    text = markdown(figures, command, before, machine_description())
    out = Path(arguments.out or "docs/benchmarks.md")
    out.write_text(text, encoding="utf-8")
    print(text)
    note(f"wrote {out}")
    return 0


def _sizes(text: str) -> list[int]:
    try:
        return [int(size.replace("_", "")) for size in text.split(",") if size.strip()]
    except ValueError as error:
        raise ValueError(f"sizes are whole numbers separated by commas, got {text!r}") from error
