"""What the reviewer app does, as plain library calls: the pages only lay out widgets and call these.

settings (where things live) -> checking (an article's claims with evidence) -> display (signals as Markdown) ->
reviewing (queue, bulk changes, history, exports), merging (two reviewers' verdicts), articles (the articles
table, candidates kept with them); corpora (the Corpora page's operations).

Names are loaded from their module on first use (PEP 562): a page that needs the settings draws its first widgets
without waiting for pandas, the extraction rules and the comparison code behind the other calls.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.workbench.articles import articles_table, candidate_records
    from factcheck.workbench.checking import (
        MAX_PASTE_CHARACTERS,
        candidate_contexts,
        check_and_record,
        checked_before_markdown,
        claim_label,
        claims_table,
        describe_ranks,
        document_from_paste,
        document_from_sample,
        document_from_upload,
        filter_claims_table,
    )
    from factcheck.workbench.corpora import (
        add_uploads,
        column_mapping,
        corpora_table,
        corpus_documents,
        remove_corpus,
        remove_corpus_documents,
        search_corpus,
    )
    from factcheck.workbench.display import (
        article_markdown,
        escape_markdown,
        highlighted_passage,
        link_markdown,
        passage_in_context,
        passage_markdown,
        quote_diff_markdown,
        stance_heading,
    )
    from factcheck.workbench.merging import NO_RATING, Draft, merged_defaults, rating_choices, save_draft, side_by_side
    from factcheck.workbench.reviewing import (
        BulkResult,
        bulk_update,
        evidence_options,
        export_reviews_csv,
        export_reviews_jsonld,
        filter_queue,
        history_table,
        queue_label,
        queue_table,
        saved_evidence_labels,
    )
    from factcheck.workbench.settings import (
        Settings,
        corpus_names,
        corpus_version,
        default_corpora,
        prepare_demo,
        sample_choices,
        store_at,
    )

# name -> the module of factcheck.workbench that defines it
_MODULE_OF = {
    "articles_table": "articles",
    "candidate_records": "articles",
    "MAX_PASTE_CHARACTERS": "checking",
    "candidate_contexts": "checking",
    "check_and_record": "checking",
    "checked_before_markdown": "checking",
    "claim_label": "checking",
    "claims_table": "checking",
    "describe_ranks": "checking",
    "document_from_paste": "checking",
    "document_from_sample": "checking",
    "document_from_upload": "checking",
    "filter_claims_table": "checking",
    "add_uploads": "corpora",
    "column_mapping": "corpora",
    "corpora_table": "corpora",
    "corpus_documents": "corpora",
    "remove_corpus": "corpora",
    "remove_corpus_documents": "corpora",
    "search_corpus": "corpora",
    "article_markdown": "display",
    "escape_markdown": "display",
    "highlighted_passage": "display",
    "link_markdown": "display",
    "passage_in_context": "display",
    "passage_markdown": "display",
    "quote_diff_markdown": "display",
    "stance_heading": "display",
    "NO_RATING": "merging",
    "Draft": "merging",
    "merged_defaults": "merging",
    "rating_choices": "merging",
    "save_draft": "merging",
    "side_by_side": "merging",
    "BulkResult": "reviewing",
    "bulk_update": "reviewing",
    "evidence_options": "reviewing",
    "export_reviews_csv": "reviewing",
    "export_reviews_jsonld": "reviewing",
    "filter_queue": "reviewing",
    "history_table": "reviewing",
    "queue_label": "reviewing",
    "queue_table": "reviewing",
    "saved_evidence_labels": "reviewing",
    "Settings": "settings",
    "corpus_names": "settings",
    "corpus_version": "settings",
    "default_corpora": "settings",
    "prepare_demo": "settings",
    "sample_choices": "settings",
    "store_at": "settings",
}

__all__ = [
    "NO_RATING",
    "rating_choices",
    "save_draft",
    "MAX_PASTE_CHARACTERS",
    "BulkResult",
    "Draft",
    "Settings",
    "store_at",
    "add_uploads",
    "article_markdown",
    "articles_table",
    "bulk_update",
    "candidate_contexts",
    "candidate_records",
    "evidence_options",
    "check_and_record",
    "checked_before_markdown",
    "claim_label",
    "claims_table",
    "column_mapping",
    "corpora_table",
    "corpus_documents",
    "corpus_names",
    "corpus_version",
    "default_corpora",
    "describe_ranks",
    "document_from_paste",
    "document_from_sample",
    "document_from_upload",
    "escape_markdown",
    "export_reviews_csv",
    "export_reviews_jsonld",
    "filter_claims_table",
    "filter_queue",
    "highlighted_passage",
    "history_table",
    "link_markdown",
    "merged_defaults",
    "passage_in_context",
    "passage_markdown",
    "prepare_demo",
    "queue_label",
    "queue_table",
    "quote_diff_markdown",
    "stance_heading",
    "remove_corpus",
    "remove_corpus_documents",
    "sample_choices",
    "saved_evidence_labels",
    "search_corpus",
    "side_by_side",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found directly next time
    return value
