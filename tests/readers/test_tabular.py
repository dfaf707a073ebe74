"""Tests for factcheck/readers/tabular.py: CSV and JSONL corpora, column mapping, skipped rows, bad lines."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.documents import normalise_text
from factcheck.errors import CorpusFormatError
from factcheck.readers.tabular import ColumnMapping, read_csv_documents, read_jsonl_documents

CSV = (
    "id,title,url,date,source,text,section\n"
    "a1,Budget vote,https://example.org/a1,2024-03-05,Daily Example,"
    '"The council approved 4.5 million euros.",city\n'
    ',No id here,,,,"A row without an id.\n\nIt has two paragraphs.",\n'
    "a3,Empty row,,,,,sport\n"
    'a4,"Quote, with comma",,,,"""We will build 300 homes,"" the mayor said.",\n'
)


def csv_rows(text: str = CSV, columns: ColumnMapping | None = None):
    return read_csv_documents(text.encode("utf-8"), "corpus/archive.csv", columns)


def test_csv_rows_become_documents_with_metadata() -> None:
    documents, _ = csv_rows()
    first, second, third = documents
    assert first.doc_id == "a1"
    assert (first.title, first.url, first.date, first.source) == (
        "Budget vote",
        "https://example.org/a1",
        "2024-03-05",
        "Daily Example",
    )
    assert first.text == "The council approved 4.5 million euros."
    assert first.metadata == {"section": "city"}
    assert first.path == "corpus/archive.csv"
    assert second.doc_id == "archive.csv#2"
    assert second.text == "A row without an id.\n\nIt has two paragraphs."
    assert (second.url, second.date, second.source, second.metadata) == (None, None, None, {})
    assert third.doc_id == "a4"
    assert third.title == "Quote, with comma"
    assert third.text == '"We will build 300 homes," the mayor said.'


def test_rows_with_empty_text_are_skipped_and_reported() -> None:
    _, warnings = csv_rows()
    assert warnings == ["archive.csv: skipped 1 of 4 rows with empty 'text' (line 6)."]


def test_custom_column_mapping() -> None:
    text = "Headline,Body,Ref\nBudget vote,The council voted.,r-1\n"
    columns = ColumnMapping(text="Body", title="Headline", id="Ref")
    documents, warnings = csv_rows(text, columns)
    assert warnings == []
    assert [(doc.doc_id, doc.title, doc.text, doc.metadata) for doc in documents] == [
        ("r-1", "Budget vote", "The council voted.", {})
    ]


def test_column_names_match_ignoring_case_and_spaces() -> None:
    documents, _ = csv_rows(" ID , Text ,Title\nx1,Body text.,Headline\n")
    assert [(doc.doc_id, doc.text, doc.title) for doc in documents] == [("x1", "Body text.", "Headline")]


def test_mapping_to_a_missing_optional_column_warns() -> None:
    _, warnings = csv_rows("id,text\n1,Body.\n", ColumnMapping(title="headline"))
    assert len(warnings) == 1
    assert "no 'headline' column for the title" in warnings[0]


def test_unmapped_known_column_stays_in_metadata() -> None:
    [document] = csv_rows("id,text,title\n1,Body.,Kept as metadata\n", ColumnMapping(title=None)).documents
    assert document.title is None
    assert document.metadata == {"title": "Kept as metadata"}


def test_missing_text_column_lists_the_columns_found_and_the_option() -> None:
    with pytest.raises(CorpusFormatError) as caught:
        csv_rows("id,headline,body\n1,Budget,The council voted.\n")
    message = str(caught.value)
    assert "archive.csv has no 'text' column" in message
    assert "'id', 'headline', 'body'" in message
    assert "Corpora page" in message and "--text-column" in message  # where a web user and a CLI user set it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('id,text\n1,"fine"\n2,"never closed\n3,more\n', "record starting on line 3", id="unclosed quote"),
        pytest.param('id,text\n1,"ok"\n2,"bad"quote\n', "record starting on line 3", id="text after quote"),
        pytest.param("id,text\n1,ok\n2,too,many\n", "row on line 3 has 3 fields", id="too many fields"),
        pytest.param("id,text,title\n1,ok,t\n2,short\n", "row on line 3 has 2 fields", id="too few fields"),
        pytest.param("\n\n", "no header row", id="no header"),
        pytest.param("text,text\nA,B\n", "'text' more than once", id="repeated column"),
    ],
)
def test_malformed_csv_names_the_line(text: str, expected: str) -> None:
    with pytest.raises(CorpusFormatError) as caught:
        csv_rows(text)
    assert expected in str(caught.value)
    assert "archive.csv" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("id;text\n1;Semicolons, as Excel saves them.\n", id="semicolon"),
        pytest.param("id\ttext\n1\tSemicolons, as Excel saves them.\n", id="tab"),
    ],
)
def test_semicolon_and_tab_delimiters_are_detected(text: str) -> None:
    text = text.replace("Semicolons", "Delimited")
    [document] = csv_rows(text).documents
    assert (document.doc_id, document.text) == ("1", "Delimited, as Excel saves them.")


def test_blank_lines_are_not_rows_and_header_only_file_warns() -> None:
    documents, warnings = csv_rows("id,text\n\n1,One.\n\n")
    assert [doc.doc_id for doc in documents] == ["1"]
    assert warnings == []
    documents, warnings = csv_rows("id,text\n")
    assert documents == []
    assert warnings == ["archive.csv: no rows found below the header."]


def test_field_longer_than_the_csv_module_default_limit() -> None:
    long_text = "word " * 60_000
    [document] = csv_rows(f'id,text\n1,"{long_text}"\n').documents
    assert document.text == long_text.strip()


def test_repeated_ids_are_reported() -> None:
    _, warnings = csv_rows("id,text\nsame,One.\nsame,Two.\n")
    assert any("ids used by more than one row: 'same'" in warning for warning in warnings)


def test_utf8_bom_is_not_part_of_the_first_column_name() -> None:
    [document] = read_csv_documents(b"\xef\xbb\xbfid,text\n1,Body.\n", "bom.csv").documents
    assert document.doc_id == "1"


def jsonl(*lines: str, columns: ColumnMapping | None = None):
    return read_jsonl_documents("\n".join(lines).encode("utf-8"), "feeds/briefings.jsonl", columns)


def test_jsonl_records_become_documents() -> None:
    documents, warnings = jsonl(
        '{"id": "b1", "title": "Briefing", "date": "2024-01-02", "text": "Aid reached 12 towns.", "tags": ["aid"]}',
        "",
        '{"text": "No id.", "speaker": "Spokesperson", "page": 4, "draft": false, "notes": null}',
        '{"id": 7, "text": "Numeric id.", "url": ""}',
    )
    assert warnings == []
    assert [(doc.doc_id, doc.text) for doc in documents] == [
        ("b1", "Aid reached 12 towns."),
        ("briefings.jsonl#2", "No id."),
        ("7", "Numeric id."),
    ]
    first, second, third = documents
    assert (first.title, first.date, first.metadata) == ("Briefing", "2024-01-02", {"tags": '["aid"]'})
    assert second.metadata == {"speaker": "Spokesperson", "page": "4", "draft": "false"}
    assert third.url is None
    assert first.path == "feeds/briefings.jsonl"


def test_jsonl_records_without_text_are_skipped_and_reported() -> None:
    documents, warnings = jsonl('{"id": 1, "text": "Kept."}', '{"id": 2, "text": ""}', '{"id": 3}')
    assert [doc.doc_id for doc in documents] == ["1"]
    assert warnings == ["briefings.jsonl: skipped 2 of 3 rows with empty 'text' (lines 2, 3)."]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(['{"text": "ok"}', '{"text": "unterminated}'], "line 2 is not valid JSON", id="bad JSON"),
        pytest.param(['{"text": "ok"}', "", "[1, 2]"], "line 3 is a JSON array", id="array line"),
        pytest.param(['"just a string"'], "line 1 is a JSON string", id="string line"),
        pytest.param(['{"text": ["a", "b"]}'], "line 1: 'text' is a JSON array", id="text not a string"),
        pytest.param(['{"body": "x", "id": 1}'], "no 'text' column", id="no text key anywhere"),
        pytest.param(["[" * 100_000], "line 1", id="nested too deep"),
    ],
)
def test_bad_jsonl_names_the_line(lines: list[str], expected: str) -> None:
    with pytest.raises(CorpusFormatError) as caught:
        jsonl(*lines)
    assert expected in str(caught.value)
    assert "briefings.jsonl" in str(caught.value)


def test_missing_jsonl_text_key_lists_the_keys_found() -> None:
    with pytest.raises(CorpusFormatError, match="Columns found: 'body', 'id'"):
        jsonl('{"body": "x", "id": 1}')


def test_jsonl_line_separator_inside_a_string_is_not_a_line_break() -> None:
    [document] = jsonl(json.dumps({"text": "one\u2028two"}, ensure_ascii=False)).documents
    assert document.text == "one\ntwo"


def test_jsonl_with_only_blank_lines_warns() -> None:
    documents, warnings = jsonl("", "   ")
    assert documents == []
    assert warnings == ["briefings.jsonl: no records found; expected one JSON object per line."]


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        pytest.param({"text": ""}, ValueError, id="empty text column"),
        pytest.param({"text": None}, ValueError, id="no text column"),
        pytest.param({"title": 3}, TypeError, id="title not a string"),
    ],
)
def test_column_mapping_validates_its_arguments(arguments: dict, error: type[Exception]) -> None:
    with pytest.raises(error):
        ColumnMapping(**arguments)


# Control characters are excluded: a corpus full of them is refused as binary, tested elsewhere.
cell_text = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters='\n\r\t,";'), max_size=40)


@settings(deadline=None)  # correctness only: a loaded shared machine must not fail it on time
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=8))
def test_csv_written_by_the_csv_module_reads_back(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["title", "text"])
    writer.writerows(rows)
    documents, _ = read_csv_documents(buffer.getvalue().encode("utf-8"), "round.csv")
    expected = [(normalise_text(title) or None, normalise_text(text)) for title, text in rows if normalise_text(text)]
    assert [(doc.title, doc.text) for doc in documents] == expected


@settings(deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": cell_text, "text": cell_text}), min_size=1, max_size=8))
def test_jsonl_written_by_json_dumps_reads_back(records: list[dict[str, str]]) -> None:
    data = "\n".join(json.dumps(record, ensure_ascii=False) for record in records).encode("utf-8")
    documents, _ = read_jsonl_documents(data, "round.jsonl")
    expected = [normalise_text(record["text"]) for record in records if normalise_text(record["text"])]
    assert [doc.text for doc in documents] == expected
