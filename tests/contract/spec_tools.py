"""The spec as data: follow $refs, name JSON types, validate payloads against schemas.

Everything takes the spec as a dict, so the same code runs against the repo's spec and against
a deliberately broken copy (see test_guards_bite.py).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import Any

from openapi_schema_validator import OAS31Validator, oas31_format_checker

from tools.reference_data import json_type  # one definition: the page's data and the spec's checks

JSON = Any
Schema = dict[str, Any]


def pointer(spec: Mapping[str, Any], ref: str) -> Any:
    """The node a local JSON pointer ``#/a/b`` names."""
    if not ref.startswith("#/"):
        raise ValueError(f"only local $refs are supported, got {ref!r}")
    node: Any = spec
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow $refs until a node without one."""
    while isinstance(node, Mapping) and "$ref" in node:
        node = pointer(spec, node["$ref"])
    return node


def resolve_named(spec: Mapping[str, Any], node: Any) -> tuple[str | None, Any]:
    """Like resolve(), also returning the component name the last $ref pointed at."""
    name = None
    while isinstance(node, Mapping) and "$ref" in node:
        name = ref_name(node["$ref"])
        node = pointer(spec, node["$ref"])
    return name, node


def inline_refs(spec: Mapping[str, Any], node: Any, _seen: tuple[str, ...] = ()) -> Any:
    """A deep copy of ``node`` with every $ref replaced by (a copy of) its target."""
    if isinstance(node, Mapping):
        if "$ref" in node:
            ref = node["$ref"]
            if ref in _seen:
                raise ValueError(f"recursive $ref {ref}: not supported by the contract tests")
            target = inline_refs(spec, pointer(spec, ref), (*_seen, ref))
            siblings = {k: inline_refs(spec, v, _seen) for k, v in node.items() if k != "$ref"}
            return {**target, **siblings}
        return {k: inline_refs(spec, v, _seen) for k, v in node.items()}
    if isinstance(node, list):
        return [inline_refs(spec, item, _seen) for item in node]
    return node


def schema_types(schema: Mapping[str, Any]) -> set[str]:
    """The JSON types a (resolved) schema allows; empty when it does not say."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return {declared}
    if isinstance(declared, list):
        return set(declared)
    if "enum" in schema:
        return {json_type(value) for value in schema["enum"]}
    if "properties" in schema:
        return {"object"}
    return set()


def fits(value_type: str, allowed: set[str]) -> bool:
    """A JSON integer is also a JSON number."""
    return value_type in allowed or (value_type == "integer" and "number" in allowed)


def component_schemas(spec: Mapping[str, Any]) -> dict[str, Schema]:
    schemas: dict[str, Schema] = spec.get("components", {}).get("schemas", {})
    return schemas


def operations(spec: Mapping[str, Any]) -> dict[tuple[str, str], Schema]:
    """Every operation of the spec by (METHOD, path)."""
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    found: dict[tuple[str, str], Schema] = {}
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method in methods:
                found[(method.upper(), path)] = operation
    return found


def parameters(spec: Mapping[str, Any], path: str, operation: Mapping[str, Any]) -> dict[tuple[str, str], Schema]:
    """The operation's parameters, path-level ones included, by (in, name)."""
    declared = [*spec["paths"][path].get("parameters", []), *operation.get("parameters", [])]
    resolved = [resolve(spec, p) for p in declared]
    return {(p["in"], p["name"]): p for p in resolved}


# proto3 JSON's 64-bit integers travel as decimal strings; the stock int64 check looks at numbers
# only. A string must be a decimal integer of 64 bits (int64 or uint64: what the client reads).
_INT_TEXT = re.compile(r"-?(0|[1-9][0-9]*)")


def _is_int64_text(instance: object) -> bool:
    if not isinstance(instance, str):
        return bool(oas31_format_checker.conforms(instance, "int64"))
    return bool(_INT_TEXT.fullmatch(instance)) and -(2**63) <= int(instance) < 2**64


FORMAT_CHECKER = copy.deepcopy(oas31_format_checker)  # its own checkers dict: the stock one stays as it is
FORMAT_CHECKER.checks("int64")(_is_int64_text)
FORMAT_CHECKER.checks("uint64")(_is_int64_text)


def make_validator(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> OAS31Validator:
    """A validator for one schema of the spec: OAS 3.1 (= JSON Schema 2020-12), formats checked
    (an int64 or uint64 string must hold a number in range, so the spec needs no pattern for it)."""
    return OAS31Validator(inline_refs(spec, schema), format_checker=FORMAT_CHECKER)


def schema_errors(spec: Mapping[str, Any], schema: Mapping[str, Any], payload: JSON) -> list[str]:
    """What is wrong with ``payload`` under ``schema``, one line per error."""
    return validation_errors(make_validator(spec, schema), payload)


def validation_errors(validator: OAS31Validator, payload: JSON) -> list[str]:
    errors = sorted(validator.iter_errors(payload), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{dotted(list(e.absolute_path))}: {e.message}" for e in errors]


def dotted(path: list[Any]) -> str:
    """``['trainingConfig', 'epochs']`` -> ``trainingConfig.epochs``; the root is ``(root)``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(root)"


# What the spec records about the API's own changes, for the guards that compare the spec with the
# reference page and the current-API sheet (which describe the API as it was when written):
#   x-removed: {field: version}  on a schema: the API removed the field; the spec dropped it then.
#   x-retyped: {version, from: {type, format}}  on a property: the API changed its type, from that.


def removed_fields(schema: Any) -> dict[str, str]:
    """``{field: version}`` of the fields the API removed from an object schema (``x-removed``)."""
    removed = schema.get("x-removed", {}) if isinstance(schema, Mapping) else {}
    return {str(name): str(version) for name, version in removed.items()} if isinstance(removed, Mapping) else {}


def former_type(prop: Any) -> Mapping[str, Any] | None:
    """The ``{type, format}`` a property had before the API retyped it (``x-retyped.from``), or None."""
    retyped = prop.get("x-retyped") if isinstance(prop, Mapping) else None
    former = retyped.get("from") if isinstance(retyped, Mapping) else None
    return former if isinstance(former, Mapping) else None


def upgrade(spec: Mapping[str, Any], schema: Any, payload: JSON) -> JSON:
    """``payload`` as the client reads it when it comes from an older server: each value of a
    retyped field that has the former type converted as the client converts it (to its JSON text,
    or from it; written here apart from the client's _decode.retyped, which it checks). Used to
    validate and round-trip payloads written before a retype (the reference
    page's example, fixtures) against today's spec."""
    schema = resolve(spec, schema)
    if not isinstance(payload, dict) or not isinstance(schema, Mapping):
        return payload
    properties = schema.get("properties", {})
    upgraded = {}
    for key, value in payload.items():
        prop = properties.get(key)
        if prop is None:
            upgraded[key] = value
            continue
        if former_type(prop) is not None:
            value = _converted(value, resolve(spec, prop).get("type"))
        upgraded[key] = upgrade(spec, prop, value)
    return upgraded


def _converted(value: JSON, to: Any) -> JSON:
    if to == "string" and json_type(value) in ("integer", "number"):
        return json.dumps(value)
    if to in ("integer", "number") and isinstance(value, str):
        try:
            number = json.loads(value)
        except ValueError:
            return value
        return (
            number
            if json_type(number) in ("integer", "number") and (to == "number" or isinstance(number, int))
            else value
        )
    return value


def as_today(spec: Mapping[str, Any], schema: Any, payload: JSON) -> JSON:
    """``payload`` of an older API as today's spec describes it: retyped fields converted
    (``upgrade``), fields the spec records as removed (``x-removed``) left out, at every level."""
    return _without_removed(spec, schema, upgrade(spec, schema, payload))


def _without_removed(spec: Mapping[str, Any], schema: Any, payload: JSON) -> JSON:
    schema = resolve(spec, schema)
    if not isinstance(payload, dict) or not isinstance(schema, Mapping):
        return payload
    properties, removed = schema.get("properties", {}), removed_fields(schema)
    return {
        key: _without_removed(spec, properties[key], value) if key in properties else value
        for key, value in payload.items()
        if key in properties or key not in removed
    }
