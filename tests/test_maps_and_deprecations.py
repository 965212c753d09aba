"""Two things users meet on the models: a map is a read-only Mapping of its typed values, and a
deprecated attribute warns when read, naming the attribute to read instead.

The map and the deprecated field are taken from the spec (tests/spec_fields.py): the first map of
the job, the first deprecated field with ``x-renamed-to``.
"""

import copy
import pickle
import warnings
from collections.abc import Mapping
from typing import Any

import pytest
from openapi_python_client.strings import PythonIdentifier

from fireworks_rft_client.models import ReinforcementFineTuningJob
from tests.spec_fields import Field, fields


def _map_field() -> Field:
    for field in fields():
        values = field.schema.get("additionalProperties")
        if isinstance(values, dict) and not field.schema.get("properties"):
            return field
    raise LookupError("the spec has no map field: nothing to test")


def _renamed_field() -> Field:
    for field in fields():
        if field.schema.get("deprecated") and field.schema.get("x-renamed-to"):
            return field
    raise LookupError("the spec has no field renamed with x-renamed-to")


def _value(schema: dict[str, Any], n: int) -> tuple[Any, Any]:
    """(JSON value, Python value) of a map's value schema."""
    if schema.get("format") in ("int64", "uint64"):
        return str(n), n
    if schema.get("type") == "integer":
        return n, n
    if schema.get("type") == "number":
        return n + 0.5, n + 0.5
    return f"v{n}", f"v{n}"


def _decoded_map() -> tuple[Mapping[str, Any], dict[str, Any], dict[str, Any]]:
    field = _map_field()
    values = {f"K{n}": _value(field.schema["additionalProperties"], n) for n in range(3)}
    wire = {key: json for key, (json, _) in values.items()}
    job = ReinforcementFineTuningJob.from_dict(field.payload(wire))
    return field.get(job), wire, {key: python for key, (_, python) in values.items()}


def test_a_map_is_a_read_only_mapping_of_typed_values() -> None:
    decoded, wire, expected = _decoded_map()
    assert isinstance(decoded, Mapping)
    assert dict(decoded) == expected  # KeyError: 0 before: iteration went through __getitem__
    assert len(decoded) == 3 and list(decoded) == list(expected) and "K1" in decoded and "nope" not in decoded
    assert dict(decoded.items()) == expected and list(decoded.values()) == list(expected.values())
    assert decoded == expected and decoded != {**expected, "K9": expected["K0"]}
    assert decoded.get("nope") is None
    assert not hasattr(decoded, "__setitem__") and not hasattr(decoded, "__delitem__")
    with pytest.raises(TypeError):
        decoded["K0"] = expected["K0"]  # type: ignore[index]
    assert decoded.to_dict() == wire  # type: ignore[attr-defined]


def test_a_map_survives_copies_and_pickle() -> None:
    decoded, _, expected = _decoded_map()
    for clone in (copy.copy(decoded), copy.deepcopy(decoded), pickle.loads(pickle.dumps(decoded))):  # noqa: S301
        assert clone == decoded and dict(clone) == expected


def test_reading_a_deprecated_attribute_warns_naming_the_new_one() -> None:
    field = _renamed_field()
    new = str(PythonIdentifier(field.schema["x-renamed-to"], prefix="field_"))
    sample = 7 if field.schema.get("type") == "integer" else "x"
    job = ReinforcementFineTuningJob.from_dict(field.payload(sample))
    owner = Field(field.path[:-1], {}, field.owner).get(job) if len(field.path) > 1 else job
    with pytest.warns(DeprecationWarning, match=rf"{field.attribute} is deprecated; read {new} instead") as caught:
        assert getattr(owner, field.attribute) == sample
    assert len(caught) == 1
    assert getattr(owner, new) == sample  # the new name holds the value
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # neither to_dict nor the new attribute warns
        assert job.to_dict() == field.payload(sample)
        getattr(owner, new)


def test_the_warning_shows_once_per_place_that_reads() -> None:
    """Under Python's default filter a program sees the warning once per line that reads the attribute."""
    field = _renamed_field()
    job = ReinforcementFineTuningJob.from_dict(field.payload(7 if field.schema.get("type") == "integer" else "x"))
    owner = Field(field.path[:-1], {}, field.owner).get(job) if len(field.path) > 1 else job
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for _ in range(3):
            getattr(owner, field.attribute)
    assert [w.category for w in caught] == [DeprecationWarning]
    assert caught[0].filename == __file__  # attributed to the reader's line, not the generated model
