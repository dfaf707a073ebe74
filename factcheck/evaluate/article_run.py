"""`factcheck eval articles`: each article of a split checked end to end against its own corpus, then scored.

For every article: its corpus files are read and embedded into a fresh corpus under a temporary directory, the
article's claims are extracted and checked (`check.check_claims`, hybrid retrieval, `top_k` candidates per
claim and, below them to `check.JUDGED_DEPTH`, those whose decision stands alone, as in the app and the CLI), and
every supports/conflicts candidate becomes a `Card` scored by `article_set.score_cards`.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from factcheck.check import CheckedClaim, check_claims
from factcheck.corroborate.signals import Stance
from factcheck.embed import Embedder
from factcheck.evaluate.article_set import (
    ArticleSet,
    Card,
    Located,
    Score,
    locate,
    read_article_set,
    score_cards,
)
from factcheck.evaluate.report import Row
from factcheck.extract import extract_claims
from factcheck.readers import read_path
from factcheck.store import IndexStore

DEFAULT_TOP_K = 5  # the app's and the CLI's default
SPLIT_ORDER = ("dev", "test", "holdout")  # the order the splits were written and seen; others follow by name


def default_splits(root: str | Path) -> list[Path]:
    """The finished splits (a `DONE` file) under the article set folder `root`: dev, test, holdout first, then
    any other split by name, its numbers read as numbers (round9 before round10). A split still being written (no
    `DONE`) is left out."""
    folders = [path for path in Path(root).iterdir() if path.is_dir() and (path / "DONE").is_file()]
    rank = {name: place for place, name in enumerate(SPLIT_ORDER)}
    return sorted(folders, key=lambda path: (rank.get(path.name, len(SPLIT_ORDER)), _name_order(path.name)))


def _name_order(name: str) -> tuple[tuple[int, str], ...]:
    """`name` in parts, numbers by value: "round10" after "round9"."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.findall(r"\d+|\D+", name))


def cards_of(article_id: str, checked: list[CheckedClaim]) -> list[Card]:
    """The decisive candidates of an article's checked claims as cards (evidence located per the scorer's rule)."""
    cards = []
    for item in checked:
        for hit, signals in zip(item.candidates, item.signals, strict=False):
            if signals.stance is Stance.RELATED:
                continue
            start, end = hit.start, hit.end
            quote = signals.quote
            if quote is not None and quote.in_document and quote.source_start is not None:
                start, end = quote.source_start, quote.source_end or quote.source_start
            card = Card(
                article=article_id,
                claim_start=item.claim.start,
                claim_end=item.claim.end,
                claim_text=item.claim.text,
                source=Path(hit.doc_id).name,
                evidence_start=start,
                evidence_end=end,
                stance=signals.stance.value,
                confident=signals.confident,
                passage=hit.text,
                reasons=signals.reasons,
            )
            cards.append(card)
            # A conflict that confirms the sentence's other figures shows that support too, figure by figure.
            cards.extend(
                replace(
                    card,
                    claim_start=quantity.start,
                    claim_end=quantity.end,
                    stance=Stance.SUPPORTS.value,
                    confident=signals.agreed_confident,
                )
                for quantity in item.claim.quantities
                if quantity.surface in signals.agreed
            )
    return cards


def evaluate_split(
    root: str | Path,
    embedder: Embedder,
    top_k: int = DEFAULT_TOP_K,
    log: Callable[[str], None] | None = None,
) -> tuple[Score, Score]:
    """All decisive cards and the confident ones alone, each scored over the whole split."""
    article_set = read_article_set(root)
    every, confident = Score(), Score()
    with tempfile.TemporaryDirectory(prefix="factcheck-articles-") as scratch:
        store = IndexStore(Path(scratch))
        for number, article_id in enumerate(article_set.articles, start=1):
            all_cards, gold = _check_article(article_set, article_id, store, f"a{number:03d}", embedder, top_k)
            every.add(score_cards(all_cards, gold))
            confident.add(score_cards([c for c in all_cards if c.confident], gold))
            if log is not None:
                log(f"{article_id}: {len(all_cards)} decisive cards")
    return every, confident


def _check_article(article_set: ArticleSet, article_id: str, store: IndexStore, name: str, embedder, top_k: int):
    checked, gold, _ = check_article(article_set, article_id, store, name, embedder, top_k)
    return cards_of(article_id, checked), gold


def check_article(
    article_set: ArticleSet, article_id: str, store: IndexStore, name: str, embedder: Embedder, top_k: int
) -> tuple[list[CheckedClaim], list[Located], dict[str, str]]:
    """One article checked against its own corpus (built as `name` in `store`): its checked claims, its gold lines
    located, and its corpus texts by file name."""
    corpus = store.open_or_create(name, embedder)
    documents = [doc for path in sorted(article_set.corpora[article_id].iterdir()) for doc in read_path(path)]
    corpus.add_documents(documents, embedder)
    (article,) = read_path(article_set.articles[article_id])
    checked = check_claims(extract_claims(article), [corpus], embedder, top_k)
    sources = {Path(doc.doc_id).name: doc.text for doc in documents}
    lines = [line for line in article_set.gold if line.article == article_id]
    return checked, locate(lines, article.text, sources), sources


def rows_of(split: str, every: Score, confident: Score) -> list[Row]:
    """The headline figures of one split as report rows."""
    rows = []
    data = f"article set {split}"
    for label, score in (("all decisive cards", every), ("confident cards only", confident)):
        shown = score.right + score.wrong
        bars = ("", "") if score is confident else (">= 0.95", ">= 0.80")
        rows.append(Row(data, f"{label}: precision", score.precision, f"{score.right}/{shown}", bars[0]))
        rows.append(Row(data, f"{label}: recall", score.recall, f"{score.gold_found}/{score.gold_decisive}", bars[1]))
    for name in (
        "unit-mismatch conflict",
        "supports on a figure mismatch",
        "supports on an altered quote",
        "supports on a different speaker",
    ):
        count = every.named[name]
        rows.append(Row(data, f"{name}: count (all cards)", float(count), "target 0"))
    rows.append(Row(f"article set {split}", "gold lines not located in their texts", float(every.unlocated), "count"))
    return rows


def details_of(split: str, score: Score, limit: int = 200) -> str:
    """The wrong cards and the missed gold decisions, for reading (Markdown)."""
    parts = [f"**article set {split}: wrong decisive cards ({len(score.wrong_cards)})**", ""]
    for card, why in score.wrong_cards[:limit]:
        passage = " ".join(card.passage.split())[:160]
        parts.append(
            f"- {card.article} · {card.stance}{'' if card.confident else ' (tentative)'} · claim "
            f"\u201c{card.claim_text[:80]}\u201d · {card.source}: \u201c{passage}\u201d · {why}"
        )
    parts += ["", f"**article set {split}: gold decisions missed ({len(score.missed)})**", ""]
    for line in score.missed[:limit]:
        parts.append(
            f"- {line.article} · {line.label} · \u201c{line.claim}\u201d · {line.source}: \u201c{line.evidence}\u201d"
        )
    return "\n".join(parts)
