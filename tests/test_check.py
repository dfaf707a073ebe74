"""check: claims, candidates and their signals, decisive candidates first."""

from types import SimpleNamespace

from factcheck.check import check_document, judge
from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.search import Hit
from factcheck.store import IndexStore
from tests.helpers import make_documents


def test_candidates_carry_signals_and_conflicts_come_first(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(
        make_documents(
            "Some 8,000 remaining residents of Darayya were evacuated on Friday, officials said.",
            "The weather in Darayya was mild on Friday and residents were evacuated by bus.",
            "Around 6,000 remaining residents of Darayya were evacuated on Friday, the council said.",
        ),
        embedder,
    )
    article = Document.from_text("Officials said 8,000 remaining residents of Darayya were evacuated.", doc_id="a.txt")
    [checked] = check_document(article, [corpus], embedder, top_k=3)
    stances = [s.stance.value for s in checked.signals]
    assert len(stances) == len(checked.candidates) == 3
    assert stances[-1] == "related"  # the passage with no figure is not decisive
    assert set(stances[:2]) == {"supports", "conflicts"}
    record = checked.to_dict()
    conflict = next(c for c in record["candidates"] if c["signals"]["stance"] == "conflicts")
    assert conflict["signals"]["numbers"]["status"] == "mismatch"
    assert any("6,000" in reason for reason in conflict["signals"]["reasons"])


def hit(rank: int, text: str, doc_id: str | None = None) -> Hit:
    """A retrieved passage as `search` would return it, at retrieval rank `rank`."""
    doc_id = doc_id or f"doc{rank}.txt"
    return Hit(rank, 1.0 / rank, "reports", doc_id, f"{doc_id}#0", text, None, None, None, None, 0, len(text))


CLAIM_TEXT = "Officials said 8,000 remaining residents of Darayya were evacuated."
WIRE = "Some 8,000 remaining residents of Darayya were evacuated on Friday under the deal, officials said."


def test_judge_puts_decisive_candidates_before_merely_similar_ones_in_retrieval_order():
    [claim] = extract_claims(Document.from_text(CLAIM_TEXT, doc_id="a.txt"))
    retrieved = [
        hit(1, "The weather in Darayya was mild on Friday and residents were evacuated by bus."),
        hit(2, "Around 6,000 remaining residents of Darayya were evacuated on Friday, the council said."),
        hit(3, "Residents of Darayya gathered on Friday."),
        hit(4, WIRE),
    ]
    checked = judge(claim, retrieved, {})
    assert [(h.rank, s.stance.value) for h, s in zip(checked.candidates, checked.signals, strict=True)] == [
        (2, "conflicts"),
        (4, "supports"),
        (1, "related"),
        (3, "related"),
    ]


def test_below_the_shown_candidates_only_a_decision_that_stands_alone_is_kept():
    [claim] = extract_claims(Document.from_text(CLAIM_TEXT, doc_id="a.txt"))
    retrieved = [
        hit(1, "The weather in Darayya was mild on Friday and residents were evacuated by bus."),
        hit(2, "Around 6,000 remaining residents of Darayya were evacuated on Friday, the council said."),
        hit(3, "Nearly 8,100 remaining residents of Darayya were evacuated on Friday, the council said."),
        hit(4, "Residents of Darayya gathered on Friday."),
        hit(5, WIRE),
    ]
    checked = judge(claim, retrieved, {}, shown=1)
    # the conflict (2), the support within rounding (3) and the related passage (4) are below the one shown; the
    # wire's same figure of the same residents (5) stands alone
    assert [(h.rank, s.stance.value) for h, s in zip(checked.candidates, checked.signals, strict=True)] == [
        (5, "supports"),
        (1, "related"),
    ]
    assert len(judge(claim, retrieved, {}).candidates) == 5


def test_a_small_count_matched_deep_in_the_list_does_not_stand_alone():
    [claim] = extract_claims(Document.from_text("Car makers stopped two assembly lines at the port.", doc_id="a.txt"))
    retrieved = [
        hit(1, "The port handles grain and cars."),
        hit(2, "Two of the big lines have begun sending ships to another port."),
        hit(3, "Car makers stopped 12 assembly lines at the port."),
    ]
    checked = judge(claim, retrieved, {}, shown=1)
    assert [h.rank for h in checked.candidates] == [1]


def test_a_rare_value_matched_deep_in_the_list_stands_alone_without_a_shared_noun():
    # issue 16, round 4: "a range of 1,190 to 1,505" was confirmed at rank 8 by "runs from 1,190 to 1,505", but the
    # two sentences share no counted noun, so the support was tentative and was cut
    [claim] = extract_claims(
        Document.from_text("The agency gave a range of 1,190 to 1,505 for the toll.", doc_id="a.txt")
    )
    retrieved = [
        hit(1, "The agency published its report on Tuesday."),
        hit(2, "The 95% interval for the estimate runs from 1,190 to 1,505."),
    ]
    checked = judge(claim, retrieved, {}, shown=1)
    assert [
        (h.rank, s.stance.value, s.confident) for h, s in zip(checked.candidates, checked.signals, strict=True)
    ] == [
        (2, "supports", False),
        (1, "related", False),
    ]


def test_a_small_amount_matched_deep_in_the_list_without_a_shared_noun_does_not_stand_alone():
    [claim] = extract_claims(Document.from_text("The last dispute ended with a two-year deal.", doc_id="a.txt"))
    retrieved = [
        hit(1, "The union met on Monday."),
        hit(2, "The union is seeking a rise of 14 percent over two years."),
    ]
    assert [h.rank for h in judge(claim, retrieved, {}, shown=1).candidates] == [1]


def test_a_two_digit_count_matched_deep_in_the_list_without_a_shared_noun_does_not_stand_alone():
    [claim] = extract_claims(Document.from_text("Only four of the 12 health centres still work.", doc_id="a.txt"))
    retrieved = [
        hit(1, "The agency visited the district."),
        hit(2, "Of the requests, 17 have been approved and 12 remain pending."),
        hit(3, "Some 4,200 requests have been approved, the agency said."),
    ]
    assert [h.rank for h in judge(claim, retrieved, {}, shown=1).candidates] == [1]


def test_a_confident_decision_on_a_table_row_stands_alone_deep_in_the_list():
    # issue 16, round 7 preparation: "| Apprentices | 140 |" at retrieval rank 6 conflicted with "120 apprentices"
    # and was cut; retrieval ranks short table rows low, and the row's label says what it counts
    [claim] = extract_claims(
        Document.from_text("The plant's 120 apprentices will be offered places elsewhere.", doc_id="a.txt")
    )
    retrieved = [
        hit(1, "The plant opened in the 1980s."),
        hit(2, "| Employees | 2,350 |\n| Apprentices | 140 |"),
    ]
    checked = judge(claim, retrieved, {}, shown=1)
    assert [(h.rank, s.stance.value) for h, s in zip(checked.candidates, checked.signals, strict=True)] == [
        (2, "conflicts"),
        (1, "related"),
    ]


def test_a_conflict_on_a_row_of_several_figures_or_a_time_does_not_stand_alone():
    [claim] = extract_claims(
        Document.from_text("Rough sleepers in the city numbered 3,100 this winter.", doc_id="a.txt")
    )
    retrieved = [
        hit(1, "The count took place on one night."),
        hit(2, "| Rough sleepers | 3,412 | 2,846 | +19.9% |"),  # which column is this winter's the row does not say
    ]
    assert [h.rank for h in judge(claim, retrieved, {}, shown=1).candidates] == [1]
    [timed] = extract_claims(Document.from_text("The last train left the depot at 9.15 p.m.", doc_id="a.txt"))
    assert [
        h.rank
        for h in judge(
            timed, [hit(1, "The depot."), hit(2, "| 20:12 | Last train left the depot |")], {}, shown=1
        ).candidates
    ] == [1]


def test_origins_are_numbered_from_one_and_reprints_share_the_first_ones():
    [claim] = extract_claims(Document.from_text(CLAIM_TEXT, doc_id="a.txt"))
    retrieved = [
        hit(1, WIRE),
        hit(2, "The weather in Darayya was mild on Friday and residents were evacuated by bus."),
        hit(3, "BEIRUT (Reuters) - " + WIRE),
        hit(4, "The council confirmed that 8,000 residents left Darayya this week."),
    ]
    record = judge(claim, retrieved, {}).to_dict()
    # Re-ranked: wire (1), its reprint (3), the council (4), the weather (2); the reprint points at the wire.
    assert [(c["rank"], c["origin"]) for c in record["candidates"]] == [(1, 1), (3, 1), (4, 3), (2, 4)]
    assert record["independent_sources"] == {"supports": 2, "conflicts": 0}


def test_reprints_count_as_one_independent_source(index_dir, embedder):
    wire = "Some 8,000 remaining residents of Darayya were evacuated on Friday under the deal, officials said."
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(
        [
            Document.from_text(wire, doc_id="wire.txt"),
            Document.from_text("BEIRUT (Reuters) - " + wire, doc_id="reprint.txt"),
            Document.from_text("The council confirmed that 8,000 residents left Darayya this week.", doc_id="c.txt"),
        ],
        embedder,
    )
    article = Document.from_text("Officials said 8,000 remaining residents of Darayya were evacuated.", doc_id="a.txt")
    [checked] = check_document(article, [corpus], embedder, top_k=3)
    record = checked.to_dict()
    assert [s.stance.value for s in checked.signals].count("supports") == 3
    assert record["independent_sources"]["supports"] == 2


def test_progress_is_reported_for_every_claim(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(make_documents("Some 8,000 residents were evacuated on Friday."), embedder)
    article = Document.from_text(
        "Officials said 8,000 residents were evacuated. A 48-hour pause began on Monday.", doc_id="a.txt"
    )
    seen = []
    checked = check_document(article, [corpus], embedder, top_k=1)
    from factcheck.check import check_claims

    check_claims([c.claim for c in checked], [corpus], embedder, 1, progress=lambda *step: seen.append(step))
    assert seen[0] == ("Retrieving evidence", 0, 2)
    assert seen[1:] == [("Comparing figures and quotes", 1, 2), ("Comparing figures and quotes", 2, 2)]


class ContradictingNli:
    """Stands in for an NLI model: reads every pair as a confident contradiction and records what it was given."""

    def __init__(self):
        self.pairs = []

    def score(self, pairs):
        from factcheck.corroborate.signals import Entailment

        self.pairs.extend(pairs)
        return [Entailment(0.01, 0.97, 0.02) for _ in pairs]


def test_nli_scores_reach_every_candidate_in_one_batch(index_dir, embedder):
    from factcheck.check import check_claims
    from factcheck.extract import extract_claims

    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(
        make_documents("Some 8,000 residents were evacuated.", "The ceasefire held on Friday."), embedder
    )
    article = Document.from_text("Officials said 8,000 residents were evacuated.", doc_id="a.txt")
    nli = ContradictingNli()
    [checked] = check_claims(extract_claims(article), [corpus], embedder, top_k=2, nli=nli)
    assert len(nli.pairs) == 2 and {p[1] for p in nli.pairs} == {"Officials said 8,000 residents were evacuated."}
    assert all(s.stance.value == "conflicts" for s in checked.signals)
    assert checked.to_dict()["candidates"][0]["signals"]["nli"]["contradiction"] == 0.97


def test_passages_of_one_document_are_one_independent_source():
    [claim] = extract_claims(Document.from_text(CLAIM_TEXT, doc_id="a.txt"))
    retrieved = [
        hit(1, WIRE, doc_id="report.txt"),
        hit(2, "The council confirmed that 8,000 residents left Darayya this week.", doc_id="report.txt"),
        hit(3, "Some 8,000 remaining residents left Darayya on Friday, a UN statement said.", doc_id="other.txt"),
    ]
    record = judge(claim, retrieved, {}).to_dict()
    assert [(c["rank"], c["origin"]) for c in record["candidates"]] == [(1, 1), (2, 1), (3, 3)]
    assert record["independent_sources"] == {"supports": 2, "conflicts": 0}


def test_a_quote_found_in_the_document_is_one_card_per_document():
    transcript = (
        "Briefing transcript\n\nMOREAU: We opened the crossing at dawn. Trucks were waiting. "
        "We will keep it open for as long as we can.\n\nQUESTION: How many trucks?\n\n"
        "MOREAU: Twelve today. More tomorrow, we hope."
    )
    stored = SimpleNamespace(documents={"t.txt": SimpleNamespace(text=transcript)})
    [claim] = extract_claims(
        Document.from_text('"We will keep it open for as long as we can," said Anne Moreau.', doc_id="a.txt")
    )
    passages = ["Briefing transcript", "QUESTION: How many trucks?", "MOREAU: Twelve today.", "More tomorrow, we hope."]
    retrieved = [
        Hit(
            rank,
            1.0 / rank,
            "reports",
            "t.txt",
            f"t.txt#{rank}",
            text,
            None,
            None,
            None,
            None,
            transcript.index(text),
            transcript.index(text) + len(text),
        )
        for rank, text in enumerate(passages, start=1)
    ]
    checked = judge(claim, retrieved, {"reports": stored})
    decisive = _decisive(checked)
    assert decisive == [(1, "supports")]  # found in the document once, not once for each of its four passages
    # A passage that holds the words itself is the card; the document's other passages add nothing.
    holding = "MOREAU: We opened the crossing at dawn. Trucks were waiting. We will keep it open for as long as we can."
    start = transcript.index(holding)
    retrieved.append(
        Hit(9, 0.1, "reports", "t.txt", "t.txt#9", holding, None, None, None, None, start, start + len(holding))
    )
    checked = judge(claim, retrieved, {"reports": stored})
    decisive = _decisive(checked)
    assert decisive == [(9, "supports")]


def _decisive(checked) -> list[tuple[int, str]]:
    pairs = zip(checked.candidates, checked.signals, strict=True)
    return [(hit.rank, signals.stance.value) for hit, signals in pairs if signals.stance.value != "related"]
