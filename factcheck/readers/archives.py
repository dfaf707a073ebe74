"""Zip-based files (.docx, and any later zip format): members' declared and actual unpacked sizes checked before a
reader opens them, so a small file cannot unpack into gigabytes (a zip bomb)."""

from __future__ import annotations

import io
import zipfile
import zlib

from factcheck.errors import InputTooLargeError, UnreadableFileError
from factcheck.limits import Limits

MAX_MEMBERS = 10_000  # a Word document has a few dozen parts
_CHUNK = 1 << 20


def check_zip(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a zip archive whose members would unpack to more than `limits.archive_bytes` in all.

    The declared sizes are summed first (cheap); then every member is unpacked in chunks and counted, stopping as
    soon as the total passes the limit, since a declared size can lie.

    Raises:
        InputTooLargeError: too many members, or more bytes declared or unpacked than the limit.
        UnreadableFileError: not a zip archive, or a damaged one.
    """
    limit = limits.archive_bytes
    advice = (
        f"A document this size is unusual; the file may be damaged or built to exhaust memory. If it is genuine, "
        f"raise the limit with FACTCHECK_MAX_ARCHIVE_BYTES (now {limit:,} bytes)."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputTooLargeError(
                    f"{name} holds {len(members):,} parts (at most {MAX_MEMBERS:,} are read). {advice}"
                )
            declared = sum(member.file_size for member in members)
            if declared > limit:
                raise InputTooLargeError(f"{name} would unpack to {declared:,} bytes. {advice}")
            unpacked = 0
            for member in members:
                with archive.open(member) as handle:
                    while chunk := handle.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > limit:
                            raise InputTooLargeError(
                                f"{name} unpacks to more than {limit:,} bytes (it declares {declared:,}). {advice}"
                            )
    except InputTooLargeError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, RuntimeError, EOFError, OSError, ValueError) as error:
        # RuntimeError: an encrypted member; NotImplementedError (a RuntimeError): an unsupported compression.
        raise UnreadableFileError(
            f"{name} is not a readable zip-based file ({type(error).__name__}: {str(error)[:200]}). It may be "
            "damaged, or another format renamed: open it in Word or LibreOffice, save it as .docx, and add that."
        ) from None
