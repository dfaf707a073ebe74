"""schema.org ClaimReview records (JSON, JSON-LD, JSONL, embedded in HTML): one Document per review, never split."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import lxml.html
from lxml import etree

from factcheck.documents import Document, normalise_text
from factcheck.errors import CorpusFormatError
from factcheck.factchecks import PublishedReview
from factcheck.readers.base import ReadResult, file_name, json_type_name
from factcheck.readers.encoding import decode_text

_SHAPES = (
    "one ClaimReview object, a list of them, an object with an @graph list, or a DataFeed whose dataFeedElement "
    "list holds ClaimReviews"
)
# How many skipped reviews a warning names before it only counts.
_SHOWN = 10


def read_claimreview_json(data: bytes, source: str) -> ReadResult:
    """Read a `.json` / `.jsonld` file of ClaimReviews (any of the shapes fact-checkers publish).

    Raises:
        CorpusFormatError: not JSON, no ClaimReview in it, or a review whose fields have the wrong JSON types;
            nothing of the file is kept then.
        UnreadableFileError: binary content or an unknown encoding.
    """
    name = file_name(source)
    text, warnings = decode_text(data, name)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorpusFormatError(
            f"{name} is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}); expected "
            f"{_SHAPES}. Fix the file (nothing from it was added)."
        ) from None
    except (ValueError, RecursionError) as error:
        raise CorpusFormatError(
            f"{name} cannot be read as JSON ({type(error).__name__}); expected {_SHAPES}."
        ) from None
    try:
        found = list(find_claimreviews(value, name))
    except RecursionError:
        raise CorpusFormatError(f"{name} is nested too deeply to be a feed; expected {_SHAPES}.") from None
    if not found:
        raise CorpusFormatError(
            f"{name} holds no ClaimReview (found {_describe(value)}); expected {_SHAPES}. For other records, "
            'use a .jsonl file with one {"text": ...} object per line.'
        )
    documents, review_warnings = reviews_to_documents(found, name, source)
    return ReadResult(documents, [*warnings, *review_warnings])


def read_claimreview_lines(text: str, name: str, source: str) -> ReadResult:
    """Read JSONL whose lines are ClaimReview objects (the caller decoded the text and saw a ClaimReview first).

    Raises:
        CorpusFormatError: a line that is not JSON or not a ClaimReview, naming it.
    """
    found: list[dict] = []
    for line_number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            raise CorpusFormatError(
                f"{name}: line {line_number} is not valid JSON; expected one ClaimReview object per line. Fix or "
                "remove that line (nothing from the file was added)."
            ) from None
        if not is_claimreview(value):
            raise CorpusFormatError(
                f"{name}: line {line_number} is {_describe(value)}, not a ClaimReview, in a file of ClaimReviews; "
                "expected one ClaimReview object per line. Fix or remove that line."
            )
        found.append(value)
    return ReadResult(*reviews_to_documents(found, name, source))


def read_embedded_claimreviews(html: str, name: str, source: str) -> ReadResult | None:
    """The ClaimReviews in a page's `<script type="application/ld+json">` blocks, or None when it has none.

    A block that is not valid JSON is skipped with a warning (pages often carry broken metadata); the page is then
    read as an article if no other block holds a ClaimReview.
    """
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, etree.LxmlError):
        return None
    found: list[dict] = []
    warnings: list[str] = []
    for number, script in enumerate(root.xpath('//script[@type="application/ld+json"]'), 1):
        try:
            value = json.loads(script.text or "")
        except (ValueError, RecursionError):
            warnings.append(f"{name}: JSON-LD block {number} is not valid JSON and was skipped.")
            continue
        found.extend(find_claimreviews(value, name))
    if not found:
        return None
    documents, review_warnings = reviews_to_documents(found, name, source)
    return ReadResult(documents, [*warnings, *review_warnings])


def starts_with_claimreview(text: str) -> bool:
    """Whether the first non-blank line of JSONL text is a ClaimReview object."""
    for line in text.split("\n"):
        if line.strip():
            try:
                return is_claimreview(json.loads(line))
            except (ValueError, RecursionError):
                return False
    return False


def is_claimreview(value: object) -> bool:
    """A JSON object typed ClaimReview (any schema.org prefix), or an untyped one with `claimReviewed`."""
    if not isinstance(value, dict):
        return False
    types = value.get("@type")
    if types is None:
        return "claimReviewed" in value
    return "ClaimReview" in {_local_name(t) for t in (types if isinstance(types, list) else [types])}


def find_claimreviews(value: object, name: str) -> Iterator[dict]:
    """Every ClaimReview in a parsed JSON(-LD) value: itself, list items, `@graph`, DataFeed elements (directly or
    as a DataFeedItem's `item`), in document order.

    Raises:
        CorpusFormatError: a `@graph` or `dataFeedElement` that is not a list.
    """
    if isinstance(value, list):
        for item in value:
            yield from find_claimreviews(item, name)
        return
    if not isinstance(value, dict):
        return
    if is_claimreview(value):
        yield value
        return
    for key in ("@graph", "dataFeedElement"):
        if key in value:
            if not isinstance(value[key], list):
                raise CorpusFormatError(
                    f"{name}: {key} is a JSON {json_type_name(value[key])}; expected a list of items. Fix the feed "
                    "(nothing from it was added)."
                )
            yield from find_claimreviews(value[key], name)
    if "item" in value:  # a DataFeedItem wrapping the review
        yield from find_claimreviews(value["item"], name)


def reviews_to_documents(reviews: list[dict], name: str, source: str) -> tuple[list[Document], list[str]]:
    """One Document per ClaimReview with a claim; reviews without `claimReviewed` text are skipped and counted.

    Raises:
        CorpusFormatError: a field holding the wrong JSON type (a number as the claim, a list as the URL).
    """
    documents: list[Document] = []
    skipped: list[int] = []
    for position, review in enumerate(reviews, 1):
        claim = _text(review, "claimReviewed", name, position)
        if not claim:
            skipped.append(position)
            continue
        title = _text(review, "name", name, position) or _text(review, "headline", name, position)
        url = _text(review, "url", name, position)
        publisher = _person(review.get("author"), name, position) or _person(review.get("publisher"), name, position)
        item = review.get("itemReviewed")
        claimant = _person(item.get("author"), name, position) if isinstance(item, dict) else None
        published = PublishedReview(
            rating=_rating(review.get("reviewRating"), name, position),
            publisher=publisher,
            date=_text(review, "datePublished", name, position),
            url=url,
            claimant=claimant,
        )
        documents.append(
            Document(
                doc_id=_text(review, "@id", name, position) or url or f"{name}#{position}",
                text=claim,
                title=title,
                url=url,
                date=published.date,
                source=publisher,
                path=source,
                review=published,
            )
        )
    warnings = []
    if skipped:
        more = f" and {len(skipped) - _SHOWN} more" if len(skipped) > _SHOWN else ""
        shown = ", ".join(map(str, skipped[:_SHOWN])) + more
        warnings.append(
            f"{name}: skipped {len(skipped)} of {len(reviews)} ClaimReviews with no claimReviewed text "
            f"(numbers {shown})."
        )
    if not documents:
        raise CorpusFormatError(
            f"{name}: none of its {len(reviews)} ClaimReviews has claimReviewed text; expected the claim's words "
            "there. Nothing was added."
        )
    return _unique_ids(documents), warnings


def _unique_ids(documents: list[Document]) -> list[Document]:
    """One article may review several claims under one URL: number the repeats so no review replaces another."""
    counts = Counter(document.doc_id for document in documents)
    seen: Counter[str] = Counter()
    unique = []
    for document in documents:
        if counts[document.doc_id] > 1:
            seen[document.doc_id] += 1
            document = Document(**{**_fields(document), "doc_id": f"{document.doc_id}#{seen[document.doc_id]}"})
        unique.append(document)
    return unique


def _fields(document: Document) -> dict:
    return {name: getattr(document, name) for name in Document.__slots__}


def _rating(value: object, name: str, position: int) -> str | None:
    """`alternateName`, else `ratingValue` placed on its `worstRating`..`bestRating` scale ("2 on 1-5")."""
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    if not isinstance(value, dict):
        raise CorpusFormatError(
            f"{name}: ClaimReview {position} has reviewRating as a JSON {json_type_name(value)}; expected an object "
            'such as {"@type": "Rating", "alternateName": "False"}. Fix that review (nothing was added).'
        )
    label = _text(value, "alternateName", name, position) or _text(value, "name", name, position)
    if label:
        return label
    number = _text(value, "ratingValue", name, position)
    if number is None:
        return None
    worst, best = _text(value, "worstRating", name, position), _text(value, "bestRating", name, position)
    return f"{number} on {worst}-{best}" if worst and best else number


def _person(value: object, name: str, position: int) -> str | None:
    """The name of an author or publisher given as an object, a list of them, or a plain string."""
    if isinstance(value, list):
        names = [found for item in value if (found := _person(item, name, position))]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _text(value, "name", name, position)
    if isinstance(value, str):
        return normalise_text(value) or None
    return None


def _text(record: dict, key: str, name: str, position: int) -> str | None:
    """A string field, normalised; numbers are accepted as their text; None when missing or blank."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise CorpusFormatError(
            f"{name}: ClaimReview {position} has {key!r} as a JSON {json_type_name(value)}; expected text. Fix that "
            "review (nothing from the file was added)."
        )
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalise_text(str(value)) or None


def _local_name(type_name: object) -> str:
    """ "ClaimReview" for "schema:ClaimReview" and "https://schema.org/ClaimReview"."""
    text = str(type_name)
    return text.rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _describe(value: object) -> str:
    if isinstance(value, dict):
        kind = value.get("@type")
        return f"an object of @type {kind!r}" if kind else f"an object with keys {', '.join(list(value)[:5]) or 'none'}"
    return f"a JSON {json_type_name(value)}"
