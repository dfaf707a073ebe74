"""Tests for factcheck/serialise.py: the one way records are written and read back, and the recorded-claim value."""

import enum
import json
from dataclasses import dataclass

import pytest

from factcheck.extract import ClaimKind
from factcheck.recorded_claim import RecordedClaim
from factcheck.reviews import ReviewStatus
from factcheck.serialise import Record, from_record, plain, to_record


class Colour(enum.Enum):
    RED = "red"


@dataclass(frozen=True, slots=True)
class Rounded:
    value: float

    def to_dict(self) -> dict:
        return {"value": round(self.value, 1)}


@dataclass(frozen=True, slots=True)
class Inner(Record):
    name: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outer(Record):
    colour: Colour
    inner: Inner
    rounded: Rounded
    items: tuple[Inner, ...]
    extra: dict
    note: str | None = None


def test_a_record_holds_the_fields_in_order_with_enums_tuples_and_nested_values_made_plain():
    value = Outer(Colour.RED, Inner("a", ("x", "y")), Rounded(0.1234), (Inner("b"),), {"k": (1, Colour.RED)})
    record = value.to_dict()
    assert list(record) == ["colour", "inner", "rounded", "items", "extra", "note"]
    assert record == {
        "colour": "red",
        "inner": {"name": "a", "tags": ["x", "y"]},
        "rounded": {"value": 0.1},  # a nested value's own to_dict is kept
        "items": [{"name": "b", "tags": []}],
        "extra": {"k": [1, "red"]},
        "note": None,
    }
    assert json.loads(json.dumps(record)) == record


def test_omit_none_leaves_out_only_the_named_fields_and_only_when_none():
    assert to_record(Inner("a"), omit_none=("name",)) == {"name": "a", "tags": []}
    assert "note" not in to_record(Outer(Colour.RED, Inner("a"), Rounded(1), (), {}), omit_none=("note",))


def test_from_record_ignores_unknown_keys_defaults_missing_ones_and_takes_converted_fields():
    assert from_record(Inner, {"name": "a", "later_field": 1}) == Inner("a")
    assert from_record(Inner, {"name": "a", "tags": ["x"]}, tags=("x",)) == Inner("a", ("x",))
    with pytest.raises(TypeError):
        from_record(Inner, {"tags": []})  # a required field is missing


@dataclass(frozen=True, slots=True)
class Measured:
    score: float
    values: tuple[float, ...]
    similarity: float | None = None


def test_rounded_rounds_a_float_each_float_of_a_tuple_and_leaves_none():
    value = Measured(0.123456, (1 / 3, 2 / 3))
    record = to_record(value, rounded={"score": 2, "values": 3, "similarity": 4})
    assert record == {"score": 0.12, "values": [0.333, 0.667], "similarity": None}
    assert to_record(value)["score"] == 0.123456  # nothing rounded unless asked


@pytest.mark.parametrize("value", [{"a": 1}, Inner, "text"])
def test_to_record_takes_only_a_dataclass_instance(value):
    with pytest.raises(TypeError, match="dataclass instance"):
        to_record(value)


def test_plain_leaves_plain_values_alone():
    assert plain([1, "a", None, 2.5]) == [1, "a", None, 2.5]


def test_a_recorded_claim_survives_its_record_and_reads_old_records_with_defaults():
    claim = RecordedClaim(
        claim_id="q-1",
        doc_hash="h",
        doc="a.txt",
        kind=ClaimKind.QUOTE,
        text="We want a pause",
        quantities=({"surface": "48 hours", "value": 48.0},),
        status=ReviewStatus.DONE,
        evidence=({"doc_id": "t"},),
        version=3,
    )
    record = claim.to_dict()
    assert record["kind"] == "quote" and record["status"] == "done" and record["evidence"] == [{"doc_id": "t"}]
    assert RecordedClaim.from_dict(json.loads(json.dumps(record))) == claim
    bare = RecordedClaim.from_dict(
        {
            "claim_id": "n-1",
            "doc_hash": "h",
            "doc": "b.txt",
            "kind": "numeric",
            "text": "t",
            "status": None,
            "note": None,
            "version": None,
            "doc_archived": 0,
        }
    )
    assert (bare.status, bare.note, bare.version, bare.doc_archived) == (ReviewStatus.UNREVIEWED, "", 0, False)
    assert bare.article == "b.txt" and not bare.is_quote


def test_a_recorded_claim_of_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="opinion"):
        RecordedClaim.from_dict({"claim_id": "x", "doc_hash": "h", "doc": "d", "kind": "opinion", "text": "t"})
