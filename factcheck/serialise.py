"""One way to turn the project's frozen dataclasses into plain records (JSON-ready dicts) and to read them back.

A record holds a value's fields in declaration order; an enum becomes its value, a tuple a list, a nested dataclass
its own record (its `to_dict()` when it has one, so a type that rounds or leaves fields out keeps doing so).
`from_record` is the reverse for flat values: known fields are taken, unknown keys ignored, missing ones defaulted.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def to_record(value: Any, *, omit_none: Iterable[str] = ()) -> dict:
    """The fields of the dataclass instance `value` as a plain dict; the fields named in `omit_none` are left out
    when they are None (a record then reads the same as one written before the field existed).

    Raises:
        TypeError: `value` is not a dataclass instance.
    """
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        raise TypeError(f"to_record takes a dataclass instance, got {type(value).__name__}")
    record = {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    for name in omit_none:
        if record[name] is None:
            del record[name]
    return record


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
