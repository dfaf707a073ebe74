"""Workbench helpers that turn signals into what the app shows."""

from factcheck.corroborate.signals import (
    DiffOp,
    FigurePair,
    NumberSignal,
    NumberStatus,
    QuoteSignal,
    QuoteStatus,
    Signals,
    Stance,
)
from factcheck.workbench import escape_markdown, highlighted_passage, quote_diff_markdown


def test_conflicting_figure_is_bold_and_flagged_and_text_is_escaped():
    text = "Around 6,000 residents *left* Darayya."
    pair = FigurePair("8,000", "6,000", NumberStatus.MISMATCH, "6,000 not 8,000", 8000, 6000, 7, 12)
    signals = Signals(Stance.CONFLICTS, ("x",), NumberSignal(NumberStatus.MISMATCH, (pair,)))
    shown = highlighted_passage(text, signals)
    assert "**⚠ 6,000**" in shown
    assert "\\*left\\*" in shown  # the passage's own asterisks are not Markdown


def test_no_signals_is_just_escaped_text():
    assert highlighted_passage("a <b>c</b>", None) == escape_markdown("a <b>c</b>")


def test_quote_diff_marks_claim_only_and_source_only_words():
    quote = QuoteSignal(
        QuoteStatus.ALTERED,
        "changed a number",
        diff=(
            DiffOp("equal", "stay for", "stay for"),
            DiffOp("replace", "two", "three"),
            DiffOp("equal", "days", "days"),
        ),
    )
    shown = quote_diff_markdown(Signals(Stance.CONFLICTS, (), quote=quote))
    assert shown == "stay for ~~two~~ **three** days"


def test_links_show_the_address_and_only_web_addresses_are_links():
    from factcheck.workbench import link_markdown

    assert (
        link_markdown("https://example.org/un/briefing-2016-08-30#01")
        == "<https://example.org/un/briefing-2016-08-30#01>"
    )
    assert link_markdown("javascript:alert(1)") == escape_markdown("javascript:alert(1)")
    assert link_markdown("https://example.org/a b") == escape_markdown("https://example.org/a b")


def test_a_candidate_is_shown_in_its_document_with_whole_words_around_it(tmp_path):
    from factcheck.check import check_document
    from factcheck.documents import Document
    from factcheck.embed import HashEmbedder
    from factcheck.store import IndexStore
    from factcheck.workbench import candidate_contexts, passage_in_context

    embedder = HashEmbedder()
    corpus = IndexStore(tmp_path).open_or_create("reports", embedder)
    filler = " ".join(f"word{n}" for n in range(300))
    report = f"{filler}. Some 8,000 remaining residents were evacuated on Friday. {filler}."
    corpus.add_documents([Document.from_text(report, doc_id="report.txt")], embedder)
    checked = check_document(Document.from_text("Officials evacuated 8,000 residents.", doc_id="a"), [corpus], embedder)
    hit = checked[0].candidates[0]
    before, after = candidate_contexts(checked, [corpus], window=50)[(hit.corpus, hit.passage_id)]
    assert before.startswith("…word") and after.endswith("…")
    assert len(before) <= 51 and len(after) <= 51
    assert report.index(before[1:]) + len(before) - 1 == hit.start  # the text just before the passage
    shown = passage_in_context("a *b*", "**8,000** left", "c")
    assert shown == "a \\*b\\* :orange-background[**8,000** left] c"


def test_the_article_marks_claims_without_crossing_paragraphs_and_escapes_the_rest():
    from factcheck.workbench import article_markdown

    text = "Intro *x*.\n\nAlmost 600,000 live under siege.\n\nEnd."
    start = text.index("Almost")
    end = start + len("Almost 600,000 live under siege.")
    shown = article_markdown(text, [(start, end), (start + 7, start + 14), (0, 3)])
    assert shown.startswith(":blue-background[Int]ro \\*x\\*\\.")
    assert ":blue-background[Almost 600,000 live under siege\\.]" in shown
    assert shown.count(":blue-background[") == 2  # the overlapping span is skipped
    across = article_markdown("One.\n\nTwo.", [(0, 10)])
    assert across == ":blue-background[One\\.]\n\n:blue-background[Two\\.]"


def test_emoji_codes_headings_entities_and_bare_addresses_stay_plain_text():
    shown = escape_markdown("Header\n=== :smile: :red[x] &amp; https://evil.example")
    assert ":smile:" not in shown and ":red[" not in shown  # a zero-width space follows each colon
    assert "\\=\\=\\=" in shown and "\\&amp;" in shown
    assert "https://" not in shown
    assert shown.replace("\u200b", "").replace("\\", "") == "Header\n=== :smile: :red[x] &amp; https://evil.example"


def test_an_upload_brings_its_reader_warnings():
    from factcheck.workbench import document_from_upload

    document, warnings = document_from_upload("latin1.txt", "Some 8,000 résidents left.".encode("latin-1"))
    assert "8,000 résidents" in document.text
    assert any("UTF-8" in warning for warning in warnings)


def test_pasted_articles_are_named_by_their_opening_words():
    from factcheck.workbench import document_from_paste

    document = document_from_paste("Almost 600,000 people live under siege across Syria, the UN said on Tuesday.")
    assert document.title == "Pasted: Almost 600,000 people live under siege across Syria,…"
    with_headline = document_from_paste("Aid trucks idle at Turkish border\n\nSome 20 trucks waited on Monday.")
    assert with_headline.title == "Aid trucks idle at Turkish border"


def test_a_markdown_heading_in_a_passage_is_shown_as_a_bold_label():
    from factcheck.workbench import passage_markdown

    assert passage_markdown("## Aleppo\n\nSome 250,000 people. #1 is not a heading") == (
        "**Aleppo**\n\nSome 250,000 people\\. \\#1 is not a heading"
    )
    assert highlighted_passage("# Siege report\nAlmost 600,000 people", None).startswith("**Siege report**\n")


def test_claims_table_lists_the_most_check_worthy_claims_first():
    from dataclasses import replace

    from factcheck.check import CheckedClaim
    from factcheck.documents import Document
    from factcheck.extract import extract_claims
    from factcheck.workbench import claims_table

    text = (
        "The UN said 600,000 people live under siege. “We want a pause for 48 hours,” Kerry said. "
        "The talks lasted two days. Aid reached 8,000 remaining residents, officials said."
    )
    claims = extract_claims(Document.from_text(text, doc_id="a.txt"))
    assert len(claims) == 4, claims
    scores = [0.2, 0.9, 0.5, 0.7]  # given out of order, so the table has to sort them
    scored = [CheckedClaim(replace(c, checkworthiness=s), ()) for c, s in zip(claims, scores, strict=True)]
    table = claims_table(scored, {})
    assert list(table["check-worthiness"]) == sorted(scores, reverse=True)
    by_score = {item.claim.checkworthiness: item.claim.claim_id for item in scored}
    assert list(table["claim_id"]) == [by_score[score] for score in sorted(scores, reverse=True)]
