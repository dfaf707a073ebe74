"""Tests for factcheck/readers/dispatch.py: the public API, dispatch, size limit, errors, folder expansion."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck.readers as readers
from factcheck.documents import normalise_text
from factcheck.errors import CorpusFormatError, FactcheckError, UnreadableFileError, UnsupportedFormatError
from factcheck.limits import Limits
from factcheck.readers import (
    SUPPORTED_EXTENSIONS,
    ColumnMapping,
    iter_paths,
    read_bytes,
    read_bytes_with_report,
    read_path,
    read_path_with_report,
)
from tests.readers.builders import ARTICLE_HTML, make_docx, make_pdf

SAMPLES: dict[str, bytes] = {
    "note.txt": b"The mayor said the budget was 4.5 million euros.\n",
    "story.md": b"# Budget approved\n\nThe council approved the budget.\n",
    "page.html": ARTICLE_HTML.encode(),
    "page.htm": ARTICLE_HTML.encode(),
    "report.pdf": make_pdf([["Aid reached 4,500 people in March."]], title="Aid report"),
    "memo.docx": make_docx(["Unemployment fell to 7.1%."], title="Memo"),
    "archive.csv": b"id,text,section\na1,First article.,city\na2,Second article.,sport\n",
    "feed.jsonl": b'{"id": "b1", "text": "First record."}\n{"id": "b2", "text": "Second record."}\n',
    "reviews.json": b'{"@type": "ClaimReview", "claimReviewed": "The bridge cost 2 billion.", "url": "https://x.example/1"}',
    "reviews.jsonld": b'[{"@type": "ClaimReview", "claimReviewed": "Aid reached 4,500 people."}]',
    "talk.srt": b"1\n00:00:01,000 --> 00:00:03,000\nWe will build 300 homes.\n",
    "talk.vtt": b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Mayor>We will build 300 homes.\n",
}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_supported_extensions() -> None:
    expected = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".csv", ".jsonl", ".json", ".jsonld", ".srt", ".vtt")
    assert expected == SUPPORTED_EXTENSIONS
    assert {Path(name).suffix for name in SAMPLES} == set(SUPPORTED_EXTENSIONS)


def test_public_names() -> None:
    assert set(readers.__all__) == {
        "DEFAULT_MAX_BYTES",
        "SUPPORTED_EXTENSIONS",
        "ColumnMapping",
        "ReadResult",
        "iter_paths",
        "iter_paths_with_report",
        "read_bytes",
        "read_bytes_with_report",
        "read_path",
        "read_path_with_report",
    }


@pytest.mark.parametrize("name", list(SAMPLES))
def test_read_bytes_gives_the_same_documents_as_read_path(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, SAMPLES[name])
    from_path = read_path(path)
    assert from_path, name
    assert read_bytes(SAMPLES[name], str(path)) == from_path
    assert all(document.path == str(path) for document in from_path)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_every_document_is_normalised_with_string_metadata(name: str) -> None:
    for document in read_bytes(SAMPLES[name], name):
        assert document.text and document.text == normalise_text(document.text)
        for value in (document.title, document.url, document.date, document.source):
            assert value is None or (isinstance(value, str) and value)
        assert all(isinstance(key, str) and isinstance(value, str) for key, value in document.metadata.items())


def test_upload_name_sets_doc_id_and_path() -> None:
    [document] = read_bytes(SAMPLES["note.txt"], "note.txt")
    assert (document.doc_id, document.path) == ("note.txt", "note.txt")
    [document] = read_bytes(SAMPLES["note.txt"], "C:\\Users\\desk\\note.txt")
    assert document.doc_id == "note.txt"


def test_extension_is_case_insensitive() -> None:
    assert read_bytes(SAMPLES["note.txt"], "NOTE.TXT")[0].doc_id == "NOTE.TXT"


def test_columns_are_passed_to_corpus_readers() -> None:
    data = b"ref,body\nr1,Mapped text.\n"
    [document] = read_bytes(data, "mapped.csv", columns=ColumnMapping(text="body", id="ref"))
    assert (document.doc_id, document.text) == ("r1", "Mapped text.")


def test_report_variants_return_documents_and_warnings(tmp_path: Path) -> None:
    data = "id,text\n1,Café.\n2,\n".encode("cp1252")
    path = write(tmp_path, "old.csv", data)
    documents, warnings = read_path_with_report(path)
    assert [document.text for document in documents] == ["Café."]
    assert len(warnings) == 2
    assert "decoded as Windows-1252" in warnings[0]
    assert "skipped 1 of 2 rows" in warnings[1]
    assert read_bytes_with_report(data, str(path)) == (documents, warnings)


def test_utf16_file_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "wide.txt", "Unicode text: “quoted” — 4,5 %".encode("utf-16"))
    documents, warnings = read_path_with_report(path)
    assert documents[0].text == "Unicode text: “quoted” — 4,5 %"
    assert warnings == []


@pytest.mark.parametrize("extension", SUPPORTED_EXTENSIONS)
def test_empty_file_is_refused(tmp_path: Path, extension: str) -> None:
    path = write(tmp_path, f"empty{extension}", b"")
    with pytest.raises(UnreadableFileError, match=rf"empty\{extension} is empty"):
        read_path(path)


@pytest.mark.parametrize("name", ["binary.txt", "binary.md", "binary.csv", "binary.jsonl", "binary.html"])
def test_binary_content_in_a_text_format_is_refused(name: str) -> None:
    with pytest.raises(UnreadableFileError, match=rf"{name} should be text but contains binary data"):
        read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), name)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("broken.pdf", b"%PDF-1.7\n% not really\n", id="pdf"),
        pytest.param("broken.docx", bytes(range(256)) * 3, id="docx"),
    ],
)
def test_corrupt_pdf_and_docx_are_refused(tmp_path: Path, name: str, data: bytes) -> None:
    with pytest.raises(UnreadableFileError, match=name):
        read_path(write(tmp_path, name, data))


@pytest.mark.parametrize(
    ("name", "found"),
    [
        pytest.param("scan.png", "'.png'", id="image"),
        pytest.param("old.doc", "'.doc'", id="old word"),
        pytest.param("README", "no extension", id="no extension"),
    ],
)
def test_unsupported_extension_lists_the_supported_ones(name: str, found: str) -> None:
    with pytest.raises(UnsupportedFormatError) as caught:
        read_bytes(b"anything", name)
    message = str(caught.value)
    assert f"{name} has {found}" in message
    assert ".txt, .md, .html, .htm, .pdf, .docx, .csv, .jsonl" in message


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.csv", b"id,text\n1," + b"word " * 270_000)
    with pytest.raises(UnreadableFileError) as caught:
        read_path(path, max_bytes=1024 * 1024)
    message = str(caught.value)
    assert "big.csv is 1.3 MB, over the limit of 1 MB per file" in message
    assert "Split it" in message
    with pytest.raises(UnreadableFileError, match="over the limit"):
        read_bytes(path.read_bytes(), "big.csv", max_bytes=1024 * 1024)
    assert len(read_path(path, limits=Limits(document_chars=2_000_000))) == 1  # bytes and characters are two limits


def test_default_size_limit_is_50_megabytes() -> None:
    assert readers.DEFAULT_MAX_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize("max_bytes", [0, -1, 1.5, True])
def test_size_limit_must_be_a_positive_integer(max_bytes: object) -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        read_bytes(b"text", "a.txt", max_bytes=max_bytes)


def test_read_bytes_rejects_text() -> None:
    with pytest.raises(TypeError):
        read_bytes("not bytes", "a.txt")


def test_missing_file_and_folder_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="missing.txt does not exist"):
        read_path(tmp_path / "missing.txt")
    for name in ["folder.txt", "folder"]:
        (tmp_path / name).mkdir()
        with pytest.raises(UnreadableFileError, match=f"{name} is a folder"):
            read_path(tmp_path / name)


def test_corpus_error_passes_through(tmp_path: Path) -> None:
    with pytest.raises(CorpusFormatError, match="line 2 is not valid JSON"):
        read_path(write(tmp_path, "bad.jsonl", b'{"text": "ok"}\n{oops}\n'))


def test_iter_paths_expands_folders_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    names = ["b.txt", "a.PDF", "sub/c.csv", "sub/deeper/d.jsonl", "image.png", ".hidden.txt", ".git/e.txt"]
    for name in names:
        write(corpus, name, b"x")
    extra = write(tmp_path, "extra.md", b"x")
    found = iter_paths([str(extra), corpus, corpus / "b.txt"])
    assert found == sorted(
        [corpus / "a.PDF", corpus / "b.txt", corpus / "sub/c.csv", corpus / "sub/deeper/d.jsonl", extra]
    )


def test_iter_paths_keeps_a_hidden_file_named_explicitly(tmp_path: Path) -> None:
    hidden = write(tmp_path, ".notes.txt", b"x")
    assert iter_paths([hidden]) == [hidden]


@pytest.mark.parametrize(
    ("layout", "argument", "error", "expected"),
    [
        pytest.param({}, "nowhere", UnreadableFileError, "nowhere does not exist", id="missing path"),
        pytest.param({"pics/a.png": b"x"}, "pics", UnsupportedFormatError, "has no supported files", id="no files"),
        pytest.param({"a.xlsx": b"x"}, "a.xlsx", UnsupportedFormatError, "'.xlsx'", id="unsupported file"),
    ],
)
def test_iter_paths_errors(
    tmp_path: Path, layout: dict[str, bytes], argument: str, error: type[Exception], expected: str
) -> None:
    for name, data in layout.items():
        write(tmp_path, name, data)
    with pytest.raises(error, match=expected):
        iter_paths([tmp_path / argument])


def test_iter_paths_wants_a_list() -> None:
    with pytest.raises(TypeError, match="list of paths"):
        iter_paths("corpus")


def test_iter_paths_of_nothing_is_empty() -> None:
    assert iter_paths([]) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(lambda text: text.encode("utf-8")),
        st.text(max_size=100).map(lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        st.lists(
            st.sampled_from(
                ['{"text": "a"}', '{"id": 1}', "id,text", "1,x", '"', ",", "\n", "[", "{}", "WEBVTT", "-->"]
                + ['{"@type": "ClaimReview"', '"claimReviewed": "x"', '"dataFeedElement":', "00:00:01,000", "<v A>"]
            )
        )
        .map("".join)
        .map(str.encode),
    ),
    extension=st.sampled_from([".txt", ".md", ".csv", ".jsonl", ".html", ".json", ".jsonld", ".srt", ".vtt"]),
)
def test_arbitrary_bytes_give_documents_or_a_named_error(data: bytes, extension: str) -> None:
    try:
        documents, warnings = read_bytes_with_report(data, f"upload{extension}")
    except FactcheckError:
        return
    assert all(isinstance(warning, str) for warning in warnings)
    for document in documents:
        assert document.text
        assert document.path == f"upload{extension}"
