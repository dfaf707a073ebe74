"""The claim-to-evidence benchmarks of `factcheck eval retrieval`, read as pools and claims, and their fixed halves."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.documents import content_hash

# The halves are fixed by a hash of each claim's text with this salt, so a claim is in the same half whatever the
# order or subset of the file (an AVeriTeC numerical claim is in the half it has in all of AVeriTeC). Changing the
# salt would draw new halves: the fusion was chosen on the "tune" halves of this salt.
SPLIT_SALT = "factcheck retrieval split 1"
HALVES = ("tune", "report")


def half_of(claim: str) -> str:
    """'tune' or 'report': the half a claim belongs to (about one claim in two each)."""
    digest = hashlib.blake2b(f"{SPLIT_SALT}\n{claim}".encode(), digest_size=8).digest()
    return HALVES[digest[0] % 2]


@dataclass(frozen=True, slots=True)
class RetrievalSet:
    """A pool of evidence texts and claims with the pool items that are their gold evidence."""

    name: str
    pool: dict[str, tuple[str, str | None]]  # evidence id -> (text, title)
    claims: list[tuple[str, set[str]]]  # (claim text, gold evidence ids)
    use_titles: bool = False  # give each pool item its document title (indexed as "title. text")

    def half(self, name: str) -> RetrievalSet:
        """The same pool with only the claims of one half ('tune' or 'report'); 'all' is the set itself."""
        if name == "all":
            return self
        if name not in HALVES:
            raise ValueError(f"half must be 'all', 'tune' or 'report', got {name!r}")
        claims = [(claim, gold) for claim, gold in self.claims if half_of(claim) == name]
        return dataclasses.replace(self, name=f"{self.name} [{name} half]", claims=claims)


def read_climate_fever(folder: Path, use_titles: bool = False) -> RetrievalSet:
    """All 5,240 evidence sentences; the claims with SUPPORTS/REFUTES evidence and those sentences as gold.
    `use_titles`: each sentence keeps its Wikipedia article title as its document title."""
    pool: dict[str, tuple[str, str | None]] = {}
    claims = []
    with open(folder / "climate-fever.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold = set()
            for evidence in record["evidences"]:
                pool[evidence["evidence_id"]] = (evidence["evidence"], evidence["article"])
                if evidence["evidence_label"] != "NOT_ENOUGH_INFO":
                    gold.add(evidence["evidence_id"])
            if gold:
                claims.append((record["claim"], gold))
    name = "CLIMATE-FEVER, with article titles" if use_titles else "CLIMATE-FEVER"
    return RetrievalSet(name, pool, claims, use_titles)


def read_averitec(folder: Path, numerical_only: bool = False) -> RetrievalSet:
    """The pool of every gold answer of the dev claims (answer text; the question is not used); each claim's gold
    is its own answers."""
    records = json.loads((folder / "dev.json").read_text(encoding="utf-8"))
    pool: dict[str, tuple[str, str | None]] = {}
    claims = []
    for claim_number, record in enumerate(records):
        gold = set()
        for q_number, question in enumerate(record.get("questions") or []):
            for a_number, answer in enumerate(question.get("answers") or []):
                text = (answer.get("answer") or "").strip()
                if not text:
                    continue
                key = f"{claim_number}-{q_number}-{a_number}"
                pool[key] = (text, None)
                gold.add(key)
        if gold and (not numerical_only or "Numerical Claim" in (record.get("claim_types") or [])):
            claims.append((record["claim"], gold))
    name = "AVeriTeC dev, numerical claims" if numerical_only else "AVeriTeC dev"
    return RetrievalSet(name, pool, claims)


def read_fever_symmetric(folder: Path) -> RetrievalSet:
    """All distinct evidence sentences of the dev pairs; each distinct claim's gold is its paired sentence(s)."""
    pool: dict[str, tuple[str, str | None]] = {}
    gold_of: dict[str, set[str]] = {}
    with open(folder / "fever_symmetric_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            key = content_hash(record["evidence"])
            pool[key] = (record["evidence"], None)
            gold_of.setdefault(record["claim"], set()).add(key)
    return RetrievalSet("FEVER-symmetric dev", pool, list(gold_of.items()))


def read_clef2020_claims(folder: Path, splits: Sequence[str] = ("train", "dev")) -> RetrievalSet:
    """CLEF 2020 CheckThat! task 2: the 10,375 verified claims (with their fact-check titles) are the pool; each tweet
    of the given splits is a query, the verified claim(s) it is paired with its gold."""
    pool: dict[str, tuple[str, str | None]] = {}
    with open(folder / "verified_claims.docs.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            pool[row[""]] = (row["vclaim"].strip(), row["title"].strip() or None)
    claims: list[tuple[str, set[str]]] = []
    for split in splits:
        gold_of: dict[str, set[str]] = {}
        with open(folder / split / "tweet-vclaim-pairs.qrels", encoding="utf-8", newline="") as handle:
            for tweet_id, _, vclaim_id, relevant in csv.reader(handle, delimiter="\t"):
                if relevant.strip() == "1":
                    gold_of.setdefault(tweet_id, set()).add(vclaim_id)
        # Tweets hold unbalanced quotation marks: read with quoting off, as the task's own scripts do.
        with open(folder / split / "tweets.queries.tsv", encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(rows)  # header
            claims.extend((text, gold_of[tweet_id]) for tweet_id, text in rows if gold_of.get(tweet_id))
    return RetrievalSet("CLEF 2020 CheckThat! task 2", pool, claims, use_titles=True)
