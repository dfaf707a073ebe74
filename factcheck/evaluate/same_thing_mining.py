"""Labelled figure pairs for the same-thing judgement, mined from the article set's hand labels.

Every split is checked as `factcheck eval articles` checks it, with the same-thing model off (the rules alone).
For each checked claim and each judged candidate, each figure pair the rules set side by side (a claim figure and
a passage figure of one unit: match, within rounding, within the qualifier, mismatch, or `different_thing`) is a
mined pair. Its gold lines are those of the same article and source whose claim text overlaps the claim figure in
the article and whose evidence sentence holds the passage figure. Label: 1 (the same measured thing) when one of
them is `supports` or `conflicts`; 0 when they are only `related`, or when there is none (the closed world: every
corpus sentence that supports or conflicts with a claim is labelled, so a sentence without a line says neither).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.check import CheckedClaim
from factcheck.corroborate.same_thing import SETTING
from factcheck.corroborate.same_thing_features import PairTexts
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus
from factcheck.corroborate.stance import passage_context
from factcheck.embed import Embedder
from factcheck.evaluate.article_run import DEFAULT_TOP_K, check_article
from factcheck.evaluate.article_set import DECISIVE, Located, read_article_set
from factcheck.serialise import Record, plain
from factcheck.store import IndexStore

MINED = (*AGREEING, NumberStatus.MISMATCH, NumberStatus.DIFFERENT_THING)  # pairs with a passage figure compared


@dataclass(frozen=True, slots=True)
class MinedPair(Record):
    """One figure pair the rules compared, with where it was found and its label from the gold lines."""

    split: str
    article: str
    source: str
    claim_sentence: str
    passage_text: str
    passage_context: str | None
    pair: FigurePair
    gold: tuple[str, ...]  # the labels of the gold lines the pair meets
    label: int  # 1: the same measured thing (a supports or conflicts line), 0: not

    @property
    def texts(self) -> PairTexts | None:
        """Where the two figures are, for `same_thing_features.pair_features`."""
        at = self.claim_sentence.find(self.pair.claim_surface)
        if at < 0 or self.pair.passage_start is None or self.pair.passage_end is None:
            return None
        end = at + len(self.pair.claim_surface)
        return PairTexts(
            self.claim_sentence,
            at,
            end,
            self.passage_text,
            self.pair.passage_start,
            self.pair.passage_end,
            self.passage_context,
        )


def label_pairs(
    split: str, article: str, checked: Sequence[CheckedClaim], gold: Sequence[Located], sources: dict[str, str]
) -> list[MinedPair]:
    """The mined pairs of one checked article (`gold`: its located lines; `sources`: corpus texts by file name)."""
    mined = []
    for item in checked:
        claim = item.claim
        for hit, signals in zip(item.candidates, item.signals, strict=False):
            if signals.numbers is None:
                continue
            source = Path(hit.doc_id).name
            context = passage_context(sources.get(source), hit.text, hit.start)
            for pair in signals.numbers.pairs:
                if pair.status not in MINED or pair.passage_start is None:
                    continue
                at = claim.sentence.find(pair.claim_surface)
                if at < 0:
                    continue
                claim_span = (claim.start + at, claim.start + at + len(pair.claim_surface))
                position = hit.start + pair.passage_start
                labels = tuple(
                    g.line.label
                    for g in gold
                    if g.line.source == source
                    and g.claim_span is not None
                    and g.evidence_span is not None
                    and g.claim_span[0] < claim_span[1]
                    and claim_span[0] < g.claim_span[1]
                    and g.evidence_span[0] <= position < g.evidence_span[1]
                )
                label = int(any(name in DECISIVE for name in labels))
                mined.append(MinedPair(split, article, source, claim.sentence, hit.text, context, pair, labels, label))
    return mined


def mine_split(
    root: str | Path, embedder: Embedder, top_k: int = DEFAULT_TOP_K, log: Callable[[str], None] | None = None
) -> list[MinedPair]:
    """Every mined pair of one split, checked with the rules alone."""
    article_set = read_article_set(root)
    split = Path(root).name
    mined: list[MinedPair] = []
    with _rules_alone(), tempfile.TemporaryDirectory(prefix="factcheck-mining-") as scratch:
        store = IndexStore(Path(scratch))
        for number, article_id in enumerate(article_set.articles, start=1):
            checked, gold, sources = check_article(article_set, article_id, store, f"m{number:03d}", embedder, top_k)
            found = label_pairs(split, article_id, checked, gold, sources)
            mined.extend(found)
            if log is not None:
                log(f"{article_id}: {len(found)} figure pairs, {sum(p.label for p in found)} of the same thing")
    return mined


class _rules_alone:
    """Within the block the same-thing model is off (the pairs mined are the rules' own)."""

    def __enter__(self) -> None:
        self.before = os.environ.get(SETTING)
        os.environ[SETTING] = "off"

    def __exit__(self, *_: object) -> None:
        if self.before is None:
            os.environ.pop(SETTING, None)
        else:
            os.environ[SETTING] = self.before


def write_pairs(pairs: Sequence[MinedPair], path: str | Path) -> None:
    """The mined pairs as JSON lines."""
    with Path(path).open("w", encoding="utf-8") as out:
        for pair in pairs:
            out.write(json.dumps(plain(pair), ensure_ascii=False) + "\n")


def read_pairs(path: str | Path) -> Iterator[MinedPair]:
    """The mined pairs of a file written by `write_pairs`."""
    for text in Path(path).read_text(encoding="utf-8").splitlines():
        if not text.strip():
            continue
        record = json.loads(text)
        values = dict(record["pair"])
        values["status"] = NumberStatus(values["status"])
        yield MinedPair(
            split=record["split"],
            article=record["article"],
            source=record["source"],
            claim_sentence=record["claim_sentence"],
            passage_text=record["passage_text"],
            passage_context=record["passage_context"],
            pair=FigurePair(**values),
            gold=tuple(record["gold"]),
            label=int(record["label"]),
        )
