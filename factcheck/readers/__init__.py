"""Reading articles and reference corpora from files and uploads into Documents."""

from factcheck.readers.base import ReadResult
from factcheck.readers.dispatch import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_EXTENSIONS,
    iter_paths,
    iter_paths_with_report,
    read_bytes,
    read_bytes_with_report,
    read_path,
    read_path_with_report,
)
from factcheck.readers.tabular import ColumnMapping

__all__ = [
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
]
