"""Blind adjudication set: the checker's decisive cards that the gold does not mention, mixed with gold-labelled
pairs, shuffled, without any label. Writes items.jsonl (for the adjudicator) and key.jsonl (for the lead)."""

import json
import random
import sys
import tempfile
from pathlib import Path

from factcheck.embed import make_embedder
from factcheck.evaluate.article_run import cards_of, check_article
from factcheck.evaluate.article_set import read_article_set, score_cards
from factcheck.extract import split_sentences
from factcheck.store import IndexStore

root, out = sys.argv[1], Path(sys.argv[2])
aset = read_article_set(root)
emb = make_embedder("minilm")
items, key = [], []


def sentence_at(text, start, end):
    for s in split_sentences(text):
        if s.start <= start < s.end:
            return text[s.start : max(s.end, end)]
    return text[start:end]


with tempfile.TemporaryDirectory() as tmp:
    store = IndexStore(Path(tmp))
    for n, aid in enumerate(aset.articles, 1):
        checked, gold, sources = check_article(aset, aid, store, f"a{n:03d}", emb, 5)
        article = aset.articles[aid].read_text(encoding="utf-8")
        score = score_cards(cards_of(aid, checked), gold)
        for card, why in score.wrong_cards:
            if why != "not in gold":
                continue
            items.append(
                {
                    "article": aid,
                    "claim_sentence": sentence_at(article, card.claim_start, card.claim_end),
                    "source": card.source,
                    "passage": card.passage,
                }
            )
            key.append({"origin": "checker", "stance": card.stance, "confident": card.confident})
        lines = [g for g in gold if g.claim_span and g.evidence_span]
        random.Random(n).shuffle(lines)
        for g in lines[: max(3, len([1 for c, w in score.wrong_cards if w == "not in gold"]))]:
            src = sources[g.line.source]
            items.append(
                {
                    "article": aid,
                    "claim_sentence": sentence_at(article, *g.claim_span),
                    "source": g.line.source,
                    "passage": sentence_at(src, *g.evidence_span),
                }
            )
            key.append({"origin": "gold", "stance": g.line.label, "confident": None})
order = list(range(len(items)))
random.Random(7).shuffle(order)
out.mkdir(parents=True, exist_ok=True)
with open(out / "items.jsonl", "w") as f, open(out / "key.jsonl", "w") as k:
    for new_id, i in enumerate(order, 1):
        f.write(json.dumps({"id": new_id, **items[i]}, ensure_ascii=False) + "\n")
        k.write(json.dumps({"id": new_id, **key[i]}) + "\n")
print(len(items), sum(1 for k in key if k["origin"] == "checker"))
