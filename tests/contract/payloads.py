"""Every payload the tests feed the client, each with the schema it must fit.

Payloads come from three places: the examples written into the spec (media types, parameters,
schemas), the reference page's example, and the JSON files in ``fixtures/`` (named
``<SchemaName>.<label>.json``). ``payload_problems`` validates them all against the spec.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .spec_tools import JSON, component_schemas, dotted, resolve, schema_errors, upgrade

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Payload:
    where: str  # a human-readable location: spec path, page or file
    schema: Mapping[str, Any]
    value: JSON


def spec_examples(spec: Mapping[str, Any]) -> Iterator[Payload]:
    """Examples anywhere in the spec: beside a ``schema`` (media types, parameters, headers) or in one."""
    yield from _walk(spec, spec, [])


def _walk(spec: Mapping[str, Any], node: Any, path: list[Any]) -> Iterator[Payload]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(spec, item, [*path, index])
        return
    if not isinstance(node, Mapping):
        return
    where = "spec " + dotted(path)
    if "schema" in node and isinstance(node["schema"], Mapping):
        if "example" in node:
            yield Payload(f"{where}.example", node["schema"], node["example"])
        for name, example in node.get("examples", {}).items():
            example = resolve(spec, example)
            if "value" not in example:
                raise ValueError(f"{where}.examples.{name}: only inline 'value' examples can be checked")
            yield Payload(f"{where}.examples.{name}", node["schema"], example["value"])
    elif _looks_like_schema(node):
        if "example" in node:
            yield Payload(f"{where}.example", node, node["example"])
        if isinstance(node.get("examples"), list):
            for index, value in enumerate(node["examples"]):
                yield Payload(f"{where}.examples[{index}]", node, value)
    for key, child in node.items():
        if key not in ("example", "examples"):
            yield from _walk(spec, child, [*path, key])


def _looks_like_schema(node: Mapping[str, Any]) -> bool:
    return any(key in node for key in ("type", "properties", "$ref", "enum", "items", "allOf", "oneOf", "anyOf"))


def fixture_payloads(spec: Mapping[str, Any], folder: Path = FIXTURES) -> Iterator[Payload]:
    """The JSON fixtures; the file name says which component schema each one must fit."""
    schemas = component_schemas(spec)
    for file in sorted(folder.glob("*.json")):
        schema_name = file.name.split(".", 1)[0]
        if schema_name not in schemas:
            raise ValueError(f"{file}: no component schema {schema_name!r} in the spec (name it <Schema>.<label>.json)")
        yield Payload(str(file), {"$ref": f"#/components/schemas/{schema_name}"}, json.loads(file.read_text()))


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())


def response_schema(spec: Mapping[str, Any], method: str, path: str, status: str) -> Mapping[str, Any]:
    """The JSON schema of one documented response."""
    response = resolve(spec, spec["paths"][path][method.lower()]["responses"][status])
    schema: Mapping[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def payload_problems(spec: Mapping[str, Any], payloads: list[Payload]) -> list[str]:
    """One line per schema violation, each naming the payload and the field. A field the spec records
    as retyped (x-retyped) may hold its former type: older servers send it, the client converts it."""
    return [
        f"{p.where}: {error}"
        for p in payloads
        for error in schema_errors(spec, p.schema, upgrade(spec, p.schema, p.value))
    ]
