"""Guard 3: from_dict then to_dict keeps every value of any payload the spec allows.

Payloads are drawn from the spec's 200 response schema (hypothesis-jsonschema, see strategies.py).
Explicit examples run on every run besides: one per enum value, the spec's 200 examples and the
fixtures, so every enum value and every field goes through the models every time, whatever the
draw. The run then asserts it covered what it must (fields, enum values, extras, timestamps).
"""

import copy
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings

from fireworks_rft_client import models
from tests.conftest import load_spec
from tests.time_limits import slow

from .comparison import differences
from .model_contract import class_name, sample_value
from .payloads import FIXTURES, load_fixture
from .spec_tools import (
    component_schemas,
    inline_refs,
    make_validator,
    operations,
    resolve_named,
    upgrade,
    validation_errors,
)
from .strategies import ARRAY, enum_paths, nested, payloads

MAX_EXAMPLES = 200
# Explicit date-times for every date-time field, on every run: 0 to 9 fractional digits, zeros
# inside the sub-microsecond digits (".123456007" must not come back as ".1234567"), Z and offsets.
TIMESTAMPS = [
    "2023-11-07T05:31:56Z",
    "2023-11-07T05:31:56.5+01:00",
    "2023-11-07T05:31:56.05Z",
    "2023-11-07T05:31:56.007-03:30",
    "2023-11-07T05:31:56.1002Z",
    "2023-11-07T05:31:56.00001Z",
    "2023-11-07T05:31:56.000001+05:30",
    "2023-11-07T05:31:56.1234507Z",
    "2023-11-07T05:31:56.12345607-08:00",
    "2023-11-07T05:31:56.123456007Z",
    "2023-11-07T05:31:56.000000001+00:00",
    "1970-01-01T00:00:00.000000090Z",
]


def success_responses(spec: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """(component schema name, schema) of each operation's 200 JSON response and JSON request
    body (the create body goes out through to_dict), each schema once."""
    found: dict[str, Mapping[str, Any]] = {}
    for operation in operations(spec).values():
        response = operation.get("responses", {}).get("200", {})
        request = operation.get("requestBody", {})
        for media in (response.get("content", {}), request.get("content", {})):
            schema = media.get("application/json", {}).get("schema")
            if schema is not None:
                name, _ = resolve_named(spec, schema)
                assert name, "a 200 response or body schema should be a component schema (it becomes a model class)"
                found.setdefault(name, schema)
    return list(found.items())


def round_trip(spec: Mapping[str, Any], schema_name: str, payload: Any) -> Any:
    model: Any = getattr(models, class_name(schema_name))
    return model.from_dict(copy.deepcopy(payload)).to_dict()


def features(payload: Any, schema: Mapping[str, Any], seen: Counter[str], path: tuple[str, ...] = ()) -> None:
    """Count what a payload exercises, to show the run covered what the issue asks for."""
    if schema.get("format") == "date-time" and isinstance(payload, str):
        seen["timestamp with an offset" if re.search(r"[+-]\d\d:\d\d$", payload) else "timestamp in Z"] += 1
        if re.search(r"\.\d{7,9}", payload):
            seen["timestamp with more than 6 fractional digits"] += 1
            if re.search(r"\.\d{6}\d*0\d*[1-9]", payload):
                seen["timestamp with zeros inside the sub-microsecond digits"] += 1
        elif "." in payload:
            seen["timestamp with 1-6 fractional digits"] += 1
    if "enum" in schema:
        seen[f"enum {'.'.join(path)}={payload}"] += 1
    if isinstance(payload, list) and isinstance(schema.get("items"), Mapping):
        for item in payload:
            features(item, schema["items"], seen, (*path, ARRAY))
    if isinstance(payload, dict):
        properties = schema.get("properties", {})
        if path:
            seen["nested object"] += 1
        if set(properties) - set(payload):
            seen["optional field absent"] += 1
        if set(payload) - set(properties):
            seen["unknown extra field"] += 1
        for key, value in payload.items():
            if key in properties:
                seen[f"field {'.'.join((*path, key))}"] += 1
            features(value, properties.get(key, {}), seen, (*path, key))


def date_time_paths(schema: Mapping[str, Any], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Where in a payload a date-time sits: ``("createTime",)`` and the like."""
    found = []
    for name, child in schema.get("properties", {}).items():
        if child.get("format") == "date-time":
            found.append((*path, name))
        found += date_time_paths(child, (*path, name))
    if isinstance(schema.get("items"), Mapping):
        found += date_time_paths(schema["items"], (*path, ARRAY))
    return found


def field_paths(schema: Mapping[str, Any], path: tuple[str, ...] = ()) -> list[str]:
    """``trainingConfig.learningRate`` and the like: every property, nested ones too."""
    found = []
    for name, child in schema.get("properties", {}).items():
        found.append(".".join((*path, name)))
        found += field_paths(child, (*path, name))
    if isinstance(schema.get("items"), Mapping):
        found += field_paths(schema["items"], (*path, ARRAY))
    return found


def has_nested_object(schema: Mapping[str, Any]) -> bool:
    children = [*schema.get("properties", {}).values(), *([schema["items"]] if "items" in schema else [])]
    return any("properties" in child or has_nested_object(child) for child in children)


def documented_examples(spec: Mapping[str, Any], schema_name: str) -> list[Any]:
    """The spec's examples of the response or body and the fixtures of its schema: every field, filled in."""
    found = []
    for operation in operations(spec).values():
        for where in (operation.get("responses", {}).get("200", {}), operation.get("requestBody", {})):
            media = where.get("content", {}).get("application/json", {})
            if resolve_named(spec, media.get("schema"))[0] == schema_name:
                found += [example["value"] for example in media.get("examples", {}).values()]
                found += [media["example"]] if "example" in media else []
    found += [load_fixture(path.name) for path in sorted(FIXTURES.glob(f"{schema_name}.*.json"))]
    # Written before a retype (x-retyped), a field may hold its former type: the client converts it.
    return [upgrade(spec, {"$ref": f"#/components/schemas/{schema_name}"}, payload) for payload in found]


@slow(90, "hypothesis draws 200 payloads and the explicit examples run besides: seconds of CPU")
@pytest.mark.parametrize("schema_name", [name for name, _ in success_responses(load_spec())])
def test_generated_payloads_round_trip(spec: dict[str, Any], schema_name: str) -> None:
    [(name, schema)] = [r for r in success_responses(spec) if r[0] == schema_name]
    inlined = inline_refs(spec, schema)
    validator = make_validator(spec, schema)
    seen: Counter[str] = Counter()

    def check(payload: Any) -> None:
        seen["payloads"] += 1
        assert not validation_errors(validator, payload), "the strategy drew an invalid payload"
        output = round_trip(spec, name, payload)
        lost = differences(payload, output, inlined)
        assert not lost, "from_dict/to_dict changed the payload:\n  " + "\n  ".join(lost)
        invalid = validation_errors(validator, output)
        assert not invalid, "to_dict wrote a payload the schema refuses:\n  " + "\n  ".join(invalid)
        features(payload, inlined, seen)

    test: Callable[..., None] = given(payload=payloads(spec, schema))(check)
    # Explicit examples run on every run, before the drawn ones: every enum value, every field.
    enum_examples = [nested(path, value) for path, values in enum_paths(spec, schema) for value in values]
    timestamp_examples = [nested(path, text) for path in date_time_paths(inlined) for text in TIMESTAMPS]
    # A body schema requires fields (dataset, evaluator): each explicit example carries them.
    required = {key: sample_value(spec, inlined["properties"][key]) for key in inlined.get("required", [])}
    explicit = [required | example for example in enum_examples + timestamp_examples] + documented_examples(spec, name)
    for payload in explicit:
        test = example(payload=payload)(test)
    settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )(test)()

    assert seen["payloads"] >= MAX_EXAMPLES + len(explicit), seen["payloads"]
    # What the schema has room for: Empty has no field; a closed schema takes no extra field.
    wanted = ["optional field absent"] if set(inlined.get("properties", {})) - set(inlined.get("required", [])) else []
    wanted += ["unknown extra field"] if inlined.get("additionalProperties", True) is not False else []
    wanted += ["nested object"] if has_nested_object(inlined) else []
    if date_time_paths(inlined):
        wanted += [
            "timestamp in Z",
            "timestamp with an offset",
            "timestamp with 1-6 fractional digits",
            "timestamp with more than 6 fractional digits",
            "timestamp with zeros inside the sub-microsecond digits",
        ]
    wanted += [f"enum {'.'.join(path)}={value}" for path, values in enum_paths(spec, schema) for value in values]
    wanted += [f"field {path}" for path in field_paths(inlined)]
    missing = [feature for feature in wanted if not seen[feature]]
    assert not missing, f"the run did not cover: {missing}"


@pytest.mark.parametrize("fixture", sorted(path.name for path in FIXTURES.glob("*.json")))
def test_fixtures_round_trip(spec: dict[str, Any], fixture: str) -> None:
    schema_name = fixture.split(".", 1)[0]
    value = load_fixture(fixture)
    schema = inline_refs(spec, component_schemas(spec)[schema_name])
    # A field of its former type (x-retyped: written by an older server) comes back converted.
    expected = upgrade(spec, schema, value)
    lost = differences(expected, round_trip(spec, schema_name, value), schema)
    assert not lost, "from_dict/to_dict changed the fixture:\n  " + "\n  ".join(lost)


def test_comparison_sees_what_a_lossy_model_would_do() -> None:
    """The round-trip check must notice a shifted instant, a lost field and a changed type."""
    schema = {"properties": {"t": {"type": "string", "format": "date-time"}, "n": {"type": "integer"}}}
    original = {"t": "2024-01-02T03:04:05.123456789+01:00", "n": 1, "extra": {"a": [1.5]}}
    lossy = {"t": "2024-01-02T03:04:05.123456+00:00", "n": "1", "extra": {"a": []}}
    assert differences(original, lossy, schema) == [
        "t: timestamp '2024-01-02T03:04:05.123456789+01:00' came back as '2024-01-02T03:04:05.123456+00:00', "
        "another instant",
        "n: 1 came back as '1'",
        "extra.a: array came back as []",
    ]


@pytest.mark.parametrize(
    ("original", "output", "complaint"),
    [
        # Exactly the same moment, written otherwise: no complaint.
        ("2024-01-02T03:04:05.123456789+01:00", "2024-01-02T03:04:05.123456789+01:00", None),
        ("2024-01-02t03:04:05.5z", "2024-01-02T03:04:05.500000Z", None),
        ("2024-01-02T03:04:05.1234567Z", "2024-01-02T03:04:05.123456700Z", None),
        ("2024-01-02T03:04:05-00:00", "2024-01-02T03:04:05Z", None),
        # Nanoseconds lost or moved: the digits after the microsecond count.
        ("2024-01-02T03:04:05.123456789Z", "2024-01-02T03:04:05.123456Z", "another instant"),
        ("2024-01-02T03:04:05.123456007Z", "2024-01-02T03:04:05.1234567Z", "another instant"),
        ("2024-01-02T03:04:05.000000001Z", "2024-01-02T03:04:05Z", "another instant"),
        # The same instant, but not in the offset the server wrote.
        ("2024-01-02T03:04:05.123456789+01:00", "2024-01-02T02:04:05.123456789Z", "another offset"),
    ],
)
def test_comparison_of_timestamps_is_exact_to_the_nanosecond(original: str, output: str, complaint: str | None) -> None:
    schema = {"properties": {"t": {"type": "string", "format": "date-time"}}}
    found = differences({"t": original}, {"t": output}, schema)
    if complaint is None:
        assert found == []
    else:
        [line] = found
        assert line.startswith(f"t: timestamp {original!r} came back as {output!r}") and complaint in line
