"""Checking: each claim of a document with its candidate evidence passages from the chosen corpora."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.corroborate.confidence import is_table_rows, stands_alone
from factcheck.corroborate.deep_candidates import deep_candidate_test, forget_document_words
from factcheck.corroborate.nli import NliModel
from factcheck.corroborate.origins import group_origins
from factcheck.corroborate.quotes import forget_document_searches
from factcheck.corroborate.signals import Entailment, Signals, Stance
from factcheck.corroborate.stance import claim_statement, corroborate
from factcheck.corroborate.within_source import settled_within_sources
from factcheck.documents import Document
from factcheck.earlier import find_earlier_fact_checks
from factcheck.embed import Embedder
from factcheck.extract import Claim, ClaimKind, extract_claims, forget_splits
from factcheck.factchecks import CorpusKind
from factcheck.search import DEFAULT_TOP_K, Hit, batch_search
from factcheck.serialise import plain
from factcheck.store.backends import CorpusLike
from factcheck.store.corpus import ProgressCallback

# Candidates judged per claim: the `top_k` best are always shown; below them, down to this depth, only passages whose
# decision stands alone (`confidence.stands_alone`: the claim's own figures, or its words by its speaker). A decisive
# passage is often ranked below a few near-duplicates of the story (issue 16: 10 of 48 missed decisions), and a
# sentence with several figures has a passage for each (round 4: 10 of 106 missed decisions ranked 21 to 40). Session
# 13: 60 rather than 40 (round13, read: 8 of its missed decisions ranked 41 to 60; over the fourteen splits +36 found,
# +34 right cards and +10 wrong; judging cost over round12 and round13, docs/corroboration.md "Session 13": +25%).
JUDGED_DEPTH = 60


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim and its candidate passages, with each candidate's signals (same order), decisive ones first."""

    claim: Claim
    candidates: tuple[Hit, ...]
    signals: tuple[Signals, ...] = ()
    origins: tuple[int, ...] = ()  # per candidate: the index of the first candidate it reprints (itself if none)
    earlier_fact_checks: tuple[Hit, ...] = ()  # matching reviews from fact-check corpora, best first; never evidence

    def independent(self, stance: Stance) -> int:
        """How many independent origins (near-duplicate reprints, and passages of one document, counted once) take
        `stance` with confidence (`Signals.confident`: a tentative decision is shown but not counted as a source)."""
        return len(
            {
                self.origins[i]
                for i, s in enumerate(self.signals)
                if s.stance is stance and s.confident and i < len(self.origins)
            }
        )

    def to_dict(self) -> dict:
        """The claim's record with its candidates, each with its signals and its origin (1-based) when scored, the
        independent sources on each side, and the earlier fact-checks."""
        record = plain(self.claim)
        record["candidates"] = []
        for i, hit in enumerate(self.candidates):
            candidate = plain(hit)
            if i < len(self.signals):
                candidate["signals"] = plain(self.signals[i])
                candidate["origin"] = self.origins[i] + 1 if i < len(self.origins) else i + 1
            record["candidates"].append(candidate)
        if self.signals:
            record["independent_sources"] = {
                "supports": self.independent(Stance.SUPPORTS),
                "conflicts": self.independent(Stance.CONFLICTS),
            }
        record["earlier_fact_checks"] = plain(self.earlier_fact_checks)
        return record


def query_for(claim: Claim) -> str:
    """The text that is embedded to look for evidence of `claim`.

    A quote is searched by its own words (a transcript holds them, not the article's framing); a numeric claim by
    its sentence.
    """
    return claim.text if claim.kind is ClaimKind.QUOTE else claim.sentence


def check_claims(
    claims: Sequence[Claim],
    corpora: Sequence[CorpusLike],
    embedder: Embedder,
    top_k: int = DEFAULT_TOP_K,
    progress: ProgressCallback | None = None,
    nli: NliModel | None = None,
    **search_options,
) -> list[CheckedClaim]:
    """Retrieve candidates for every claim in one batch (`search_options`: mode, passage_filter, reranker and adapter
    of `batch_search`), then compare each claim with its candidates: the `top_k` best are kept, and below them, down
    to `JUDGED_DEPTH`, the passages whose decision stands alone; `progress(stage, done, total)` is told as it
    goes. Fact-check corpora are searched apart: their matching reviews become each claim's
    `earlier_fact_checks` and are never compared as evidence (see `factcheck.earlier`)."""
    if not claims:
        return []
    total = len(claims)
    if progress is not None:
        progress("Retrieving evidence", 0, total)
    evidence = [corpus for corpus in corpora if corpus.manifest.corpus_kind is CorpusKind.EVIDENCE]
    depth = max(top_k, JUDGED_DEPTH)
    hits = (
        batch_search(evidence, embedder, [query_for(c) for c in claims], depth, **search_options)
        if evidence
        else [[] for _ in claims]
    )
    reviews = find_earlier_fact_checks(
        claims,
        corpora,
        embedder,
        top_k,
        search_options.get("mode"),
        reranker=search_options.get("reranker", "configured"),
        adapter=search_options.get("adapter", "configured"),
    )
    by_name = {corpus.name: corpus for corpus in evidence}
    entailments = _entailments(nli, claims, hits) if nli is not None else [None] * len(claims)
    checked = []
    for done, (claim, found, scores, earlier) in enumerate(zip(claims, hits, entailments, reviews, strict=True), 1):
        judged = judge(claim, found, by_name, scores, shown=top_k)
        checked.append(dataclasses.replace(judged, earlier_fact_checks=earlier))
        if progress is not None:
            progress("Comparing figures and quotes", done, total)
    return checked


def judge(
    claim: Claim,
    hits: Sequence[Hit],
    corpora: dict[str, CorpusLike],
    entailments: Sequence[Entailment] | None = None,
    shown: int | None = None,
) -> CheckedClaim:
    """Signals for each candidate, then candidates re-ranked: conflicts and supports (decided by figures, quotes
    and cues) before passages that are merely similar, retrieval order kept within each group. `entailments`: the
    optional NLI scores, one per hit. `shown`: candidates ranked below it are kept only when their decision stands
    alone (`JUDGED_DEPTH`); None keeps every candidate."""
    judged = []
    could_stand_alone = deep_candidate_test(claim)
    for position, hit in enumerate(hits):
        if hit.review is not None:
            continue  # an earlier fact-check is a verdict on the claim, not evidence for or against it
        stored = corpora[hit.corpus].documents.get(hit.doc_id) if hit.corpus in corpora else None
        document_text = stored.text if stored else None
        deep = shown is not None and hit.rank > shown
        row = is_table_rows(hit.text)
        if deep and not row and not could_stand_alone(hit.text, document_text):
            continue  # a cheap necessary condition spares the full comparison (corroborate/deep_candidates.py)
        entailment = entailments[position] if entailments else None
        signals = corroborate(claim, hit.text, document_text, entailment, hit.start)
        if deep and not stands_alone(signals, hit.text, document_text, claim.sentence):
            continue
        judged.append((hit, signals))
    judged = _one_card_per_located_quote(judged)
    settled = settled_within_sources([((h.corpus, h.doc_id), h.text, s) for h, s in judged], claim.sentence)
    judged = [
        (hit, signals)
        for (hit, _), signals in zip(judged, settled, strict=True)
        if shown is None or hit.rank <= shown or signals.stance is not Stance.RELATED  # a deep card stands alone
    ]
    judged.sort(key=lambda pair: (pair[1].stance is Stance.RELATED, pair[0].rank))
    origins = group_origins([hit.text for hit, _ in judged], same_source=[(h.corpus, h.doc_id) for h, _ in judged])
    return CheckedClaim(claim, tuple(h for h, _ in judged), tuple(s for _, s in judged), tuple(origins))


def _one_card_per_located_quote(judged: list[tuple[Hit, Signals]]) -> list[tuple[Hit, Signals]]:
    """A quote found in a passage's whole document, not in the passage, is the same finding for every passage of that
    document: keep it once, on the best-ranked of them, and not at all when a passage of the document holds the
    words itself (without this a transcript's every passage repeated "The quote is verbatim in the document")."""
    holding = {
        (hit.corpus, hit.doc_id)
        for hit, signals in judged
        if signals.quote is not None and not signals.quote.in_document and signals.stance is not Stance.RELATED
    }
    kept, shown = [], set()
    for hit, signals in sorted(judged, key=lambda pair: pair[0].rank):
        if signals.quote is not None and signals.quote.in_document and signals.stance is not Stance.RELATED:
            document = (hit.corpus, hit.doc_id)
            if document in holding or document in shown:
                continue
            shown.add(document)
        kept.append((hit, signals))
    return kept


def _entailments(nli: NliModel, claims: Sequence[Claim], hits: Sequence[Sequence[Hit]]) -> list[list[Entailment]]:
    """NLI scores of every (candidate passage, claim) pair, in one batch, grouped back by claim."""
    pairs = [(hit.text, claim_statement(claim)) for claim, found in zip(claims, hits, strict=True) for hit in found]
    scores = iter(nli.score(pairs))
    return [[next(scores) for _ in found] for found in hits]


def check_document(
    document: Document,
    corpora: Sequence[CorpusLike],
    embedder: Embedder,
    top_k: int = DEFAULT_TOP_K,
) -> list[CheckedClaim]:
    """Extract the claims of `document` and retrieve candidates for each."""
    return check_claims(extract_claims(document), corpora, embedder, top_k)


def forget_remembered_texts() -> None:
    """Drop what checking remembers of the texts it read (passage sentence splits, quote searches in whole documents),
    so a benchmark's warm run of the same article is timed like a new article's."""
    forget_splits()
    forget_document_searches()
    forget_document_words()
