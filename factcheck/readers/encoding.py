"""Text file bytes to a string: UTF-8, UTF-16 with a BOM, a Windows-1252 fallback; binary refused."""

from __future__ import annotations

import codecs

from factcheck.errors import UnreadableFileError

# More than this share of control bytes (other than tab, line ends, form feed) and the data is not text.
_MAX_CONTROL_SHARE = 0.01
# Old DOS editors end files with Ctrl-Z (0x1A), so it does not count.
_CONTROL_BYTES = bytes(byte for byte in [*range(0x20), 0x7F] if byte not in b"\t\n\r\f\v\x1a")

# Magic numbers of formats people save with the wrong extension, to say what the file probably is.
_SIGNATURES = (
    (b"%PDF-", "a PDF; rename it to .pdf"),
    (
        b"PK\x03\x04",
        "a ZIP archive such as a .docx or .xlsx; give it the right extension or export it as text",
    ),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc or .xls); save it as .docx or .csv"),
    (b"\x89PNG", "a PNG image; run OCR on it and save the text"),
    (b"\xff\xd8\xff", "a JPEG image; run OCR on it and save the text"),
)


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode the bytes of a text file.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as they are.
    Without a byte-order mark, bytes with a NUL or with more than 1% control characters are binary and
    refused; other bytes that are not UTF-8 are read as Windows-1252, the usual encoding of text saved by
    older Windows programs, and a warning says so.

    Args:
        data: the file's bytes.
        name: the file name, for messages.

    Returns:
        The text (byte-order mark removed, not yet normalised) and a list of warnings.

    Raises:
        UnreadableFileError: the bytes are binary or in no encoding read here.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_strict(data, "utf-8-sig", "UTF-8", name), []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_strict(data, "utf-16", "UTF-16", name)
        if "\x00" in text:
            # UTF-32 files also start with FF FE; decoded as UTF-16 they are full of NULs.
            raise UnreadableFileError(
                f"{name} starts with a UTF-16 byte-order mark but does not decode as UTF-16 text "
                "(it may be UTF-32 or binary). Re-save it as UTF-8."
            )
        return text, []
    if b"\x00" in data or _control_share(data) > _MAX_CONTROL_SHARE:
        raise UnreadableFileError(binary_message(data, name))
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        position = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{name} is not UTF-8 text (byte {data[position]:#04x} at offset {position} is not valid UTF-8) "
            f"and is not Windows-1252 either (byte {data[error.start]:#04x} at offset {error.start}). Open "
            "it in a text editor and re-save it as UTF-8."
        ) from None
    warning = (
        f"{name}: not valid UTF-8 (byte {data[position]:#04x} at offset {position}); decoded as "
        "Windows-1252. Check accented letters and curly quotes, or re-save the file as UTF-8."
    )
    return text, [warning]


def binary_message(data: bytes, name: str) -> str:
    """The message for binary bytes where text was expected, naming the likely real format if known."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"{name} should be text but contains binary data: it looks like {what}."
    return (
        f"{name} should be text but contains binary data (NUL or control bytes). If it is text in another "
        "encoding (for example UTF-16 without a byte-order mark), open it in a text editor and re-save it as "
        "UTF-8."
    )


def _decode_strict(data: bytes, codec: str, label: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{name} starts with a {label} byte-order mark but is not valid {label} "
            f"(bad bytes at offset {error.start}). Re-save it as UTF-8."
        ) from None


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)
