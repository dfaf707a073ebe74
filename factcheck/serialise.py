"""One way to turn the project's frozen dataclasses into plain records (JSON-ready dicts) and to read them back.

A record holds a value's fields in declaration order; an enum becomes its value, a tuple a list, a nested dataclass
its own record (its `to_dict()` when it has one, so a type that rounds or leaves fields out keeps doing so). A value
that rounds a field or leaves out a None one says so to `to_record`; one that adds a derived field adds it to the
record. `from_record` is the reverse for flat values: known fields are taken, unknown keys ignored, missing ones
defaulted.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def to_record(value: Any, *, omit_none: Iterable[str] = (), rounded: Mapping[str, int] | None = None) -> dict:
    """The fields of the dataclass instance `value` as a plain dict.

    Args:
        value: a dataclass instance.
        omit_none: fields left out when they are None (a record then reads the same as one written before the field
            existed).
        rounded: fields rounded to so many decimal places (a float, or each float of a tuple); None stays None.

    Raises:
        TypeError: `value` is not a dataclass instance.
    """
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"to_record takes a dataclass instance, got {type(value).__name__}")
    record = {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    for name, places in (rounded or {}).items():
        record[name] = _round(record[name], places)
    for name in omit_none:
        if record[name] is None:
            del record[name]
    return record


def _round(value: Any, places: int) -> Any:
    if isinstance(value, list):
        return [_round(item, places) for item in value]
    return None if value is None else round(value, places)


def plain(value: Any) -> Any:
    """`value` with enums, tuples and dataclasses turned into what JSON holds (values, lists and dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        return to_dict() if callable(to_dict) else to_record(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    return value


def from_record(cls: type[T], record: Mapping[str, Any], **converted: Any) -> T:
    """An instance of the dataclass `cls` from a record that `to_record` (or an older version of it) wrote.

    Args:
        cls: a dataclass type.
        record: the stored fields; keys that are not fields of `cls` are ignored, missing ones take their defaults.
        converted: fields already turned back into their types (an enum, a nested value), which win over `record`.
    """
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    values = {name: record[name] for name in names if name in record}
    values.update(converted)
    return cls(**values)


class Record:
    """A mixin giving a dataclass the project's one `to_dict()` (declare it before `@dataclass(slots=True)` applies)."""

    __slots__ = ()

    def to_dict(self) -> dict:
        return to_record(self)
