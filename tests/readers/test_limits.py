"""Inputs that would cause unbounded work: zip bombs, giant documents and fields, deep HTML, links out of a folder
(issue 11, defects 4, 10 and the folder part of 11)."""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest

from factcheck.documents import Document
from factcheck.errors import FactcheckError, UnreadableFileError
from factcheck.extract import extract_claims
from factcheck.extract.quotes import attribution as speakers_module
from factcheck.readers import iter_paths, read_bytes
from tests.readers.builders import make_docx

SENTENCE = "The minister said that 600,000 people live under siege and 48 trucks entered the city, officials said"


def _padded_docx(padding: int) -> bytes:
    """A valid .docx whose body XML is `padding` bytes larger than it needs to be (it compresses to almost nothing)."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(["A short report on 48 trucks."])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * padding, 1)
            target.writestr(member.filename, data)
    return buffer.getvalue()


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_ARCHIVE_BYTES", "1000000")
    bomb = _padded_docx(3_000_000)
    assert len(bomb) < 100_000
    with pytest.raises(UnreadableFileError, match="unpack"):
        read_bytes(bomb, "bomb.docx")


def test_a_docx_that_lies_about_its_unpacked_size_is_refused(monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_ARCHIVE_BYTES", "1000000")
    data = bytearray(_padded_docx(3_000_000))
    # Claim 1,000 bytes for every member in the central directory and the local headers.
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset : start + offset + 4] = struct.pack("<I", 1000)
            start += 4
    with pytest.raises(FactcheckError):
        read_bytes(bytes(data), "liar.docx")


def test_a_normal_docx_is_still_read():
    [document] = read_bytes(make_docx(["A short report on 48 trucks."]), "fine.docx")
    assert "48 trucks" in document.text


def test_a_jsonl_record_over_the_document_limit_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_DOCUMENT_CHARS", "1000")
    data = b'{"id": "small", "text": "fine"}\n{"id": "huge", "text": "' + b"word " * 1000 + b'"}\n'
    with pytest.raises(UnreadableFileError, match="'huge'.*over the limit of 1,000"):
        read_bytes(data, "corpus.jsonl")


@pytest.mark.parametrize(("length", "refused"), [(1000, False), (1001, True)], ids=["at-the-limit", "one-over"])
def test_a_document_exactly_at_the_limit_is_read_and_one_character_more_is_refused(monkeypatch, length, refused):
    monkeypatch.setenv("FACTCHECK_MAX_DOCUMENT_CHARS", "1000")
    data = b'{"id": "edge", "text": "' + b"x" * length + b'"}\n'
    if refused:
        with pytest.raises(UnreadableFileError, match="'edge'.*1,001 characters"):
            read_bytes(data, "corpus.jsonl")
    else:
        [document] = read_bytes(data, "corpus.jsonl")
        assert len(document.text) == 1000


def test_a_csv_field_over_the_field_limit_is_refused():
    data = b"id,title,text\n1," + b"t" * 20_000 + b',"Some 8,000 residents left."\n'
    with pytest.raises(UnreadableFileError, match="'title' field has 20,000 characters"):
        read_bytes(data, "corpus.csv")


def test_extracting_from_a_document_over_the_limit_is_refused_before_any_work(monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_DOCUMENT_CHARS", "1000")
    with pytest.raises(UnreadableFileError, match="over the limit"):
        extract_claims(Document.from_text(SENTENCE * 50, doc_id="pasted"))


def test_finding_a_speaker_looks_back_a_bounded_distance_in_a_sentence_without_full_stops(monkeypatch):
    spans = []
    original = speakers_module.clause_segments

    def recording(text, start, end):
        spans.append(end - start)
        return original(text, start, end)

    monkeypatch.setattr(speakers_module, "clause_segments", recording)
    text = ", ".join([SENTENCE] * 400)  # one 40,000-character sentence with 800 reporting verbs
    extract_claims(Document.from_text(text, doc_id="long.txt"))
    assert spans and max(spans) <= 1100  # not the whole sentence before each verb: linear, not quadratic


def test_html_nested_deeper_than_the_parser_limit_keeps_its_text():
    depth = 5_000
    html = "<html><body>" + "<div>" * depth + "<p>Some 8,000 residents left Darayya.</p>" + "</div>" * depth
    [document] = read_bytes((html + "</body></html>").encode(), "deep.html")
    assert document.text == "Some 8,000 residents left Darayya."


def test_links_leading_out_of_an_added_folder_are_skipped(tmp_path: Path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "inside.txt").write_text("Some 8,000 residents left.")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the corpus")
    os.symlink(secret, folder / "leak.txt")
    os.symlink(folder / "inside.txt", folder / "alias.txt")  # a link that stays inside is fine
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "more.txt").write_text("also not for the corpus")
    os.symlink(outside, folder / "linked-folder")
    found = iter_paths([folder])
    assert sorted(p.name for p in found) == ["alias.txt", "inside.txt"]


def test_skipped_links_are_reported(tmp_path: Path):
    from factcheck.readers import iter_paths_with_report

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "inside.txt").write_text("Some 8,000 residents left.")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    found, warnings = iter_paths_with_report([folder])
    assert [p.name for p in found] == ["inside.txt"]
    assert len(warnings) == 1 and "passwd.txt" in warnings[0] and "symbolic link" in warnings[0]
