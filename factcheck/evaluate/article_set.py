"""The held-out article set: reading a split (articles, corpora, hand labels) and scoring decisive cards against it.

Format (`tests/data/article_set/README.md`): `<split>/articles/<id>.txt`, `<split>/corpora/<id>/<file>`,
`<split>/gold.jsonl` (one label per line: article, claim, kind, source, evidence, label, reason) and `DONE`.

How a card meets a gold line
    A *card* is one decisive candidate the checker shows: (article, claim span, source file, evidence span,
    stance). The claim span is the checked claim's offsets in the article (a numeric claim's sentence, a quote's
    words); the evidence span is where the card's words are in the source document: the located quote when the
    quote was found in the passage's document rather than the passage, else the passage. A gold line's claim and
    evidence are located the same way: the first occurrence of its verbatim text in the (normalised) article and
    source document. A card *meets* a gold line when the article and source file are the same, the claim spans
    overlap and the evidence spans overlap.

Scoring (closed world for supports and conflicts)
    - Cards with the same article, claim span, source, evidence span and stance are one card.
    - A card is *right* when it meets a gold line with its own label; every gold line of that label it meets is
      found (a card on a sentence with two figures the source confirms finds both gold lines). A right card whose
      gold lines were all found already by another card is a *repeat*, left out of precision.
    - Every other card is *wrong*: it meets only gold lines of another label (a related near miss, or the opposite
      label), or no gold line at all (a decision the labellers say nobody should make).
    - precision = right / (right + wrong); recall = gold supports/conflicts lines met by a right card / all of them.
    - Named errors: a `conflicts` card meeting a `related` line whose reason speaks of a unit (a unit-mismatch
      conflict); a `supports` card meeting a numeric `conflicts` line (a support on a figure mismatch) or a quote
      `conflicts` line (on a different speaker when its reason speaks of a speaker or attribution, else on an
      altered quote).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.documents import normalise_text
from factcheck.errors import ArticleSetError

LABELS = ("supports", "conflicts", "related")
DECISIVE = ("supports", "conflicts")
_SPEAKER_WORDS = re.compile(r"speaker|attribut|misattribut|gives? (?:the|these) words|credit|said by|not .* but", re.I)
_UNIT_WORDS = re.compile(r"\bunits?\b", re.I)


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One hand label: in `article`, the claim named by `claim` against `evidence` in the corpus file `source`."""

    article: str
    claim: str
    kind: str
    source: str
    evidence: str
    label: str
    reason: str


@dataclass(frozen=True, slots=True)
class Card:
    """One decisive candidate the checker showed, located for matching (see the module docstring)."""

    article: str
    claim_start: int
    claim_end: int
    claim_text: str
    source: str
    evidence_start: int
    evidence_end: int
    stance: str
    confident: bool
    passage: str = ""
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Located:
    """A gold line with its claim span in the article and its evidence span in the source (None: not found)."""

    line: GoldLine
    claim_span: tuple[int, int] | None
    evidence_span: tuple[int, int] | None


@dataclass
class Score:
    """The counts behind precision and recall, with the named errors and the wrong cards for reading."""

    right: int = 0
    wrong: int = 0
    repeats: int = 0
    gold_decisive: int = 0
    gold_found: int = 0
    unlocated: int = 0
    named: Counter = field(default_factory=Counter)
    wrong_cards: list[tuple[Card, str]] = field(default_factory=list)
    missed: list[GoldLine] = field(default_factory=list)

    @property
    def precision(self) -> float:
        shown = self.right + self.wrong
        return self.right / shown if shown else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_decisive if self.gold_decisive else 0.0

    def add(self, other: Score) -> None:
        self.right += other.right
        self.wrong += other.wrong
        self.repeats += other.repeats
        self.gold_decisive += other.gold_decisive
        self.gold_found += other.gold_found
        self.unlocated += other.unlocated
        self.named.update(other.named)
        self.wrong_cards.extend(other.wrong_cards)
        self.missed.extend(other.missed)


@dataclass(frozen=True, slots=True)
class ArticleSet:
    """One split on disk: article paths and corpus folders by article id, and the gold lines."""

    root: Path
    articles: dict[str, Path]
    corpora: dict[str, Path]
    gold: tuple[GoldLine, ...]


def read_article_set(root: str | Path) -> ArticleSet:
    """Read a split folder.

    Raises:
        ArticleSetError: no `DONE` file (the split is not final), no articles, an article without its corpus
            folder, or a gold line that is not a JSON object with the format's fields and labels.
    """
    root = Path(root)
    if not (root / "DONE").is_file():
        raise ArticleSetError(
            f"{root} has no DONE file, so its labels are not final; wait for the writers or pass a finished split."
        )
    articles = {path.stem: path for path in sorted((root / "articles").glob("*.txt"))}
    if not articles:
        raise ArticleSetError(f"No articles in {root / 'articles'}; expected <id>.txt files.")
    corpora = {}
    for article_id in articles:
        folder = root / "corpora" / article_id
        if not folder.is_dir():
            raise ArticleSetError(f"Article {article_id} has no corpus folder {folder}; add it or remove the article.")
        corpora[article_id] = folder
    return ArticleSet(root, articles, corpora, tuple(read_gold(root / "gold.jsonl", set(articles))))


def read_gold(path: Path, articles: set[str]) -> list[GoldLine]:
    """The gold lines of `path`; every line must name a known article and a label of the format."""
    if not path.is_file():
        raise ArticleSetError(f"No gold labels at {path}; expected gold.jsonl beside articles/.")
    lines = []
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            line = GoldLine(**{name: str(record[name]) for name in GoldLine.__slots__})
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ArticleSetError(
                f"{path}:{number} is not a gold line with {', '.join(GoldLine.__slots__)} ({error}); fix that line."
            ) from error
        if line.label not in LABELS or line.article not in articles:
            raise ArticleSetError(
                f"{path}:{number}: label {line.label!r} for article {line.article!r}; labels are {', '.join(LABELS)}"
                " and the article must be in articles/."
            )
        lines.append(line)
    return lines


def locate(lines: list[GoldLine], article_text: str, sources: dict[str, str]) -> list[Located]:
    """Each gold line's claim span in `article_text` and evidence span in its source's text (`sources`: file name
    to stored text); both are searched after the same normalisation the readers apply."""
    return [
        Located(line, _find(article_text, line.claim), _find(sources.get(line.source, ""), line.evidence))
        for line in lines
    ]


def score_cards(cards: list[Card], gold: list[Located]) -> Score:
    """Precision and recall counts of one article's decisive cards against its located gold lines."""
    score = Score()
    usable = [g for g in gold if g.claim_span is not None and g.evidence_span is not None]
    score.unlocated = len(gold) - len(usable)
    decisive_gold = [g for g in usable if g.line.label in DECISIVE]
    score.gold_decisive = len(decisive_gold)
    found: set[int] = set()
    seen: set[tuple] = set()
    for card in cards:
        key = (card.article, card.claim_start, card.source, card.evidence_start, card.evidence_end, card.stance)
        if key in seen:
            continue
        seen.add(key)
        met = [g for g in usable if _meets(card, g)]
        same = [g for g in met if g.line.label == card.stance]
        if same:
            fresh = [g for g in same if id(g) not in found]
            if fresh:
                found.update(id(g) for g in fresh)  # one card on a sentence confirms each of its figures
                score.right += 1
            else:
                score.repeats += 1
            continue
        score.wrong += 1
        score.wrong_cards.append(
            (card, "; ".join(f"gold {g.line.label}: {g.line.reason}" for g in met) or "not in gold")
        )
        for g in met:
            score.named.update(_named_errors(card, g.line))
    score.gold_found = sum(1 for g in decisive_gold if id(g) in found)
    score.missed = [g.line for g in decisive_gold if id(g) not in found]
    return score


def _named_errors(card: Card, line: GoldLine) -> list[str]:
    if card.stance == "conflicts" and line.label == "related" and _UNIT_WORDS.search(line.reason):
        return ["unit-mismatch conflict"]
    if card.stance == "supports" and line.label == "conflicts":
        if line.kind == "numeric":
            return ["supports on a figure mismatch"]
        if _SPEAKER_WORDS.search(line.reason):
            return ["supports on a different speaker"]
        return ["supports on an altered quote"]
    return []


def _meets(card: Card, gold: Located) -> bool:
    if gold.line.article != card.article or gold.line.source != card.source:
        return False
    assert gold.claim_span is not None and gold.evidence_span is not None  # filtered by the caller
    return _overlap((card.claim_start, card.claim_end), gold.claim_span) and _overlap(
        (card.evidence_start, card.evidence_end), gold.evidence_span
    )


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """The first occurrence of `needle` in `text`, matched after normalisation and with any run of whitespace
    matching any other."""
    needle = normalise_text(needle).strip()
    if not needle or not text:
        return None
    position = text.find(needle)
    if position >= 0:
        return position, position + len(needle)
    pattern = r"\s+".join(re.escape(word) for word in needle.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None
