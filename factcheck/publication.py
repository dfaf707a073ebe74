"""How a newsroom publishes its fact-checks: its name and site, and where each review is read (a URL pattern),
kept in the review database so every reviewer's export says the same."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.errors import PublicationError
from factcheck.reviews import ReviewStore
from factcheck.serialise import Record

# The placeholders a review URL pattern may use, with what they stand for.
PLACEHOLDERS = {"claim_id": "the claim's id", "article": "the article's id"}
_META_KEYS = {"publisher": "publication.publisher", "publisher_url": "publication.publisher_url"}
_META_KEYS["review_url_pattern"] = "publication.review_url_pattern"


@dataclass(frozen=True, slots=True)
class Publication(Record):
    """The publisher named as every ClaimReview's author, its site, and the pattern of a review's own URL,
    e.g. `https://news.example/fact-checks/{claim_id}`."""

    publisher: str = ""
    publisher_url: str = ""
    review_url_pattern: str = ""

    def check(self) -> None:
        """Raises PublicationError, saying what to set, unless a publishable ClaimReview can be written."""
        if not self.publisher.strip():
            raise PublicationError("Set the publisher: the newsroom named as the author of every ClaimReview.")
        if self.publisher_url and not _is_web_address(self.publisher_url):
            raise PublicationError(
                f"The publisher's site '{self.publisher_url}' is not a web address: start it with https://."
            )
        if not self.review_url_pattern.strip():
            raise PublicationError(
                "Set the review URL pattern (where each fact-check is published), for example "
                "https://news.example/fact-checks/{claim_id}: search engines require a ClaimReview's url."
            )
        if not _is_web_address(self.review_url_pattern):
            raise PublicationError(
                f"The review URL pattern '{self.review_url_pattern}' is not a web address: start it with https://."
            )
        if "{claim_id}" not in self.review_url_pattern:
            raise PublicationError(
                "The review URL pattern must contain {claim_id}, so every claim's review has its own address."
            )
        try:
            self.review_url_pattern.format(**dict.fromkeys(PLACEHOLDERS, "x"))
        except (KeyError, IndexError, ValueError) as error:
            known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
            raise PublicationError(
                f"The review URL pattern has an unknown placeholder or a stray brace ({error}); use only {known}."
            ) from error

    def review_url(self, claim_id: str, doc_hash: str = "") -> str:
        """The address of one claim's published review (the pattern must have passed `check`)."""
        return self.review_url_pattern.strip().format(claim_id=claim_id, article=doc_hash)


def load_publication(store: ReviewStore) -> Publication:
    """The newsroom's publication settings as saved in the review database (empty ones if never set)."""
    with store.session() as connection:
        rows = dict(connection.execute("SELECT key, value FROM meta WHERE key LIKE 'publication.%'").fetchall())
    return Publication(**{field: rows.get(key, "") for field, key in _META_KEYS.items()})


def save_publication(store: ReviewStore, publication: Publication) -> None:
    """Check and store the publication settings for every reviewer of this database."""
    publication.check()
    with store.transaction() as connection:
        for field, key in _META_KEYS.items():
            value = getattr(publication, field).strip()
            connection.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _is_web_address(text: str) -> bool:
    return text.strip().lower().startswith(("https://", "http://"))
