"""Tests for factcheck/readers/encoding.py: which bytes decode, to what, with which warning."""

from __future__ import annotations

import codecs

import pytest

from factcheck.errors import UnreadableFileError
from factcheck.readers.encoding import decode_text

TEXT = "Café « déjà » – 4,5 % “quoted”"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16 with BOM, native order"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16 big-endian with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16 little-endian with BOM"),
        pytest.param(TEXT.encode("utf-8") + b"\x1a", id="utf-8 ending with a DOS end-of-file mark"),
    ],
)
def test_unicode_encodings_decode_without_warning(data: bytes) -> None:
    text, warnings = decode_text(data, "a.txt")
    assert text.rstrip("\x1a") == TEXT
    assert warnings == []


def test_windows_1252_is_decoded_with_a_warning() -> None:
    text, warnings = decode_text(TEXT.encode("cp1252"), "old.txt")
    assert text == TEXT
    assert len(warnings) == 1
    assert "old.txt" in warnings[0]
    assert "decoded as Windows-1252" in warnings[0]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"abc\x00def", "binary data", id="NUL bytes"),
        pytest.param(b"\x01\x02\x03abc\x04\x05\x06" * 10, "binary data", id="many control bytes"),
        pytest.param("text".encode("utf-16-le"), "without a byte-order mark", id="utf-16 without BOM"),
        pytest.param(b"%PDF-1.4\n\x00\x01", "looks like a PDF", id="PDF renamed"),
        pytest.param(b"PK\x03\x04\x14\x00", "ZIP archive", id="zip renamed"),
        pytest.param(b"caf\xe9 \x81", "not UTF-8 text", id="byte undefined in Windows-1252"),
        pytest.param(codecs.BOM_UTF8 + b"caf\xe9", "not valid UTF-8", id="invalid after a UTF-8 BOM"),
        pytest.param("text".encode("utf-32"), "UTF-16", id="UTF-32 with BOM"),
    ],
)
def test_undecodable_bytes_raise_a_named_error(data: bytes, expected: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        decode_text(data, "bad.txt")
    message = str(caught.value)
    assert expected in message
    assert "bad.txt" in message


def test_not_utf8_message_says_to_re_save_as_utf8() -> None:
    with pytest.raises(UnreadableFileError, match="re-save it as UTF-8"):
        decode_text(b"\x81\x8d\x8f\x90", "bad.txt")
