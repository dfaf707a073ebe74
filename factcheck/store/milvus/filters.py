"""Passage filters (source, date bounds) as Milvus boolean expressions, meaning exactly what `PassageFilter.allows`
means on the FAISS store."""

from __future__ import annotations

import json

from factcheck.store.passages import PassageFilter


def filter_expression(passage_filter: PassageFilter | None) -> str:
    """A Milvus `filter` string for `passage_filter` ('' for no filter).

    Missing metadata is stored as '' (Milvus fields are not nullable here), so an undated passage is excluded by any
    date bound, as on the FAISS store. `since` compares as a string (a date at or after the bound's prefix);
    `until` lets through a date at or before it or one that starts with it ('2016-08-26' is within 'until 2016-08').
    """
    if passage_filter is None or passage_filter.empty:
        return ""
    parts = []
    if passage_filter.sources:
        parts.append(f"source in {_literal(list(passage_filter.sources))}")
    if passage_filter.since is not None:
        parts.append(f'(date != "" and date >= {_literal(passage_filter.since)})')
    if passage_filter.until is not None:
        until = passage_filter.until
        parts.append(f'(date != "" and (date <= {_literal(until)} or date like {_literal(until + "%")}))')
    return " and ".join(parts)


def in_list(field: str, values: list[str]) -> str:
    """`field in [...]` with the values quoted safely."""
    return f"{field} in {_literal(values)}"


def _literal(value: str | list[str]) -> str:
    # JSON string syntax (double quotes, backslash escapes) is what Milvus expressions read for strings.
    return json.dumps(value, ensure_ascii=False)
