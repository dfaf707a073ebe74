"""What the reviewer app does, as plain library calls: the pages only lay out widgets and call these.

settings (where things live) -> checking (an article's claims with evidence) -> display (signals as Markdown) ->
reviewing (queue, bulk changes, history, exports), merging (two reviewers' verdicts), articles (the articles
table, candidates kept with them); corpora (the Corpora page's operations).
"""

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
    "remove_corpus",
    "remove_corpus_documents",
    "sample_choices",
    "saved_evidence_labels",
    "search_corpus",
    "side_by_side",
]
