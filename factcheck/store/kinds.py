"""Which kind a corpus is after an add: earlier fact-checks and evidence documents are kept in separate corpora."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.documents import Document
from factcheck.errors import CorpusKindError
from factcheck.factchecks import CorpusKind
from factcheck.store.manifest import Manifest


def kind_after_adding(manifest: Manifest, documents: Iterable[Document]) -> CorpusKind:
    """The corpus kind once `documents` are added: fact-check if they are reviews, else evidence.

    An empty corpus takes the kind of what is added first.

    Raises:
        CorpusKindError: a mix of reviews and other documents, or documents of the other kind than the corpus.
    """
    documents = list(documents)
    reviews = sum(document.review is not None for document in documents)
    if 0 < reviews < len(documents):
        raise CorpusKindError(
            f"{reviews} of the {len(documents)} documents to add to '{manifest.name}' are earlier fact-checks "
            "(ClaimReview) and the others are not; expected one kind. Add the fact-checks to a corpus of their own "
            "(nothing was added)."
        )
    adding = CorpusKind.FACT_CHECK if reviews else CorpusKind.EVIDENCE
    if manifest.documents == 0 or adding is manifest.corpus_kind:
        return adding
    if adding is CorpusKind.FACT_CHECK:
        raise CorpusKindError(
            f"'{manifest.name}' is an evidence corpus; the files hold earlier fact-checks (ClaimReview), which are "
            "verdicts, not evidence. Add them to a corpus of their own, for example `factcheck index add "
            f"fact-checks FILE` (nothing was added)."
        )
    raise CorpusKindError(
        f"'{manifest.name}' is a corpus of earlier fact-checks; the files are not ClaimReviews. Add evidence "
        "documents to another corpus (nothing was added)."
    )
