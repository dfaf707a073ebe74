import pytest

from factcheck.articles import list_articles, save_candidates, saved_candidates, set_archived, set_source_url
from factcheck.cli import main
from factcheck.documents import Document
from factcheck.errors import ReviewStoreError
from factcheck.extract import extract_claims
from factcheck.review_copy import copy_reviews
from factcheck.reviews import ReviewStatus, ReviewStore
from factcheck.undo import last_bulk_change, undo_bulk_change

ARTICLE = (
    "Almost 600,000 people live under siege across Syria, the UN said.\n\n“We want a pause for 48 hours,” Kerry said."
)


def _desk(target) -> tuple[ReviewStore, list[str]]:
    store = ReviewStore(target)
    document = Document.from_text(ARTICLE, doc_id="a.txt", title="Truce talks", url="https://example.org/a")
    claims = extract_claims(document)
    store.record_claims(document, claims)
    first, second = claims[0].claim_id, claims[1].claim_id
    store.save(first, rating="False", reviewer="ana", evidence=[{"passage_id": "p:1"}], expected_version=0)
    store.save(first, rating="Accurate", reviewer="ben", note="UN figure", status=ReviewStatus.DONE, expected_version=1)
    store.update_many({second: 0}, status=ReviewStatus.IN_PROGRESS, changed_by="cy", description="triage")
    return store, [c.claim_id for c in claims]


def test_sqlite_to_postgresql_keeps_every_claim_verdict_and_version(tmp_path, postgres_url):
    source, claim_ids = _desk(tmp_path / "reviews.sqlite3")
    target = ReviewStore(postgres_url)
    report = copy_reviews(source, target)
    assert report.rows["claims"] == len(claim_ids) and report.rows["review_history"] == 3
    assert target.recorded_claims() == source.recorded_claims()
    for claim_id in claim_ids:
        assert target.get(claim_id) == source.get(claim_id)
        assert target.history(claim_id) == source.history(claim_id)
    # The copy is a working database: the version check carries on from the copied versions.
    target.save(claim_ids[0], rating="Misleading", reviewer="cy", expected_version=2)
    assert target.get(claim_ids[0]).version == 3


def test_postgresql_back_to_sqlite(tmp_path, postgres_url):
    source, claim_ids = _desk(postgres_url)
    target = ReviewStore(tmp_path / "back.sqlite3")
    copy_reviews(source, target)
    assert target.recorded_claims() == source.recorded_claims()
    assert target.history(claim_ids[0]) == source.history(claim_ids[0])


def test_a_target_that_holds_data_is_refused_and_left_alone(tmp_path, postgres_url):
    source, _ = _desk(tmp_path / "reviews.sqlite3")
    target, claim_ids = _desk(postgres_url)
    before = target.recorded_claims()
    with pytest.raises(ReviewStoreError, match="already holds data"):
        copy_reviews(source, target)
    assert target.recorded_claims() == before


def test_cli_reviews_migrate(tmp_path, postgres_url, capsys):
    path = tmp_path / "reviews.sqlite3"
    source, claim_ids = _desk(path)
    assert main(["reviews", "migrate", "--reviews", str(path), "--to", postgres_url]) == 0
    assert "Copied" in capsys.readouterr().err
    assert ReviewStore(postgres_url).get(claim_ids[0]) == source.get(claim_ids[0])
    # Again into the now full database: refused with one line, exit status 1.
    assert main(["reviews", "migrate", "--reviews", str(path), "--to", postgres_url]) == 1
    assert "already holds data" in capsys.readouterr().err


def test_cli_reviews_migrate_needs_an_existing_source(tmp_path, postgres_url, capsys):
    missing = tmp_path / "nothing.sqlite3"
    assert main(["reviews", "migrate", "--reviews", str(missing), "--to", postgres_url]) == 1
    assert "No review database" in capsys.readouterr().err
    assert not missing.exists()


def test_sqlite_to_postgresql_keeps_articles_bulk_changes_and_candidates_so_undo_works_on_the_copy(
    tmp_path, postgres_url
):
    source, claim_ids = _desk(tmp_path / "reviews.sqlite3")
    other = Document.from_text("Some 8,000 residents left Darayya on Friday.", doc_id="b.txt", title="Darayya")
    source.record_claims(other, extract_claims(other), checked_by="dee")
    articles = {article.doc: article for article in list_articles(source)}
    set_source_url(source, articles["b.txt"].doc_hash, "https://example.org/b")
    set_archived(source, articles["b.txt"].doc_hash, True)
    save_candidates(source, {claim_ids[0]: [{"passage_id": "p:1", "text": "600,000 under siege", "score": 0.8}]})
    target = ReviewStore(postgres_url)
    copy_reviews(source, target)
    assert [a.to_dict() for a in list_articles(target)] == [a.to_dict() for a in list_articles(source)]
    assert saved_candidates(target, claim_ids[0]) == saved_candidates(source, claim_ids[0])
    history = target.history(claim_ids[1])
    assert [(h.changed_by, h.change) for h in history] == [
        (h.changed_by, h.change) for h in source.history(claim_ids[1])
    ]
    assert last_bulk_change(target) == last_bulk_change(source) and last_bulk_change(target).changed_by == "cy"
    # The copy carries on as the original would: the bulk change is undone there, as a new attributed version.
    assert undo_bulk_change(target, last_bulk_change(target).batch, changed_by="ana") == (1, 0)
    assert target.history(claim_ids[1])[-1].changed_by == "ana" and last_bulk_change(target) is None
    assert last_bulk_change(source) is not None  # the source is only read
