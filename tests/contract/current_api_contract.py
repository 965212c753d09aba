"""Guard: everything the current-API sheet states is in the spec, with a compatible type.

``current_api_problems`` returns one readable line per disagreement, naming the field's dotted
path, the spec's schema and property, and what differs; an empty list means the spec covers the
sheet. The sheet comes from the repository's data file (tools/current_api.py), not from the sheet.

What "compatible" means (proto3 JSON as gRPC-gateway sends it):

| sheet | spec |
|---|---|
| string | type string, no enum, no format that makes it another kind (int64, date-time, ...) |
| int | type integer, format int32 |
| int64 | type string, format int64 (map values too) |
| float | type number, format float or double |
| bool | type boolean |
| date-time | type string, format date-time |
| enum | a string enum with every value the sheet gives, the values the SDK dropped, and as many more as the SDK lists |
| object | a $ref to an object schema that has the fields the sheet gives |
| map | an object with additionalProperties of the value's kind |

The sheet shows the API as it was when written: a field the spec records as removed since
(``x-removed: {field: version}`` on its schema) may be missing from the spec, and one it records as
retyped (``x-retyped: {version, from: {type, format}}``) may have the sheet's type as its former one.

A field renamed in the API stays in the spec under its old name, ``deprecated: true`` and
``x-renamed-to: <new name>``, with the new name's type (older servers still send it); a field or
enum value the SDK dropped stays too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .spec_tools import component_schemas, former_type, removed_fields, resolve_named, schema_types

# Formats that make a JSON string something other than free text.
TYPED_STRING_FORMATS = {"int64", "uint64", "int32", "date-time", "date", "time", "byte", "binary", "double", "float"}


def current_api_problems(spec: Mapping[str, Any], data: Mapping[str, Any]) -> list[str]:
    root = data["root"]
    schema = component_schemas(spec).get(root)
    if schema is None:
        return [f"schema {root}, the current API's resource, is missing from the spec"]
    return _Checker(spec, data).schema("", root, schema, data["schemas"][root])


class _Checker:
    def __init__(self, spec: Mapping[str, Any], data: Mapping[str, Any]) -> None:
        self.spec = spec
        self.data = data

    def schema(self, prefix: str, spec_name: str, spec_schema: Any, described: Mapping[str, Any]) -> list[str]:
        """The fields, renames and dropped fields of one schema of the sheet, against one of the spec."""
        problems: list[str] = []
        properties = spec_schema.get("properties", {}) if isinstance(spec_schema, Mapping) else {}
        fields = described["fields"]
        for name, entry in fields.items():
            path = f"{prefix}{name}"
            if name not in properties and name in removed_fields(spec_schema):
                continue  # the API removed it since the sheet was written
            if name not in properties:
                dropped = " (the SDK dropped it; keep it for older servers)" if name in described["dropped"] else ""
                problems.append(
                    f"{path}: in the current API ({_kind(entry)}), missing from the spec ({spec_name}){dropped}"
                )
                continue
            problems += self.field(path, f"{spec_name}.{name}", entry, properties[name])
        for old, new in described["renamed"].items():
            path, where = f"{prefix}{old}", f"{spec_name}.{old}"
            if old not in properties:
                problems.append(
                    f"{path}: renamed to {new} in the current API; the spec must keep {old} for older servers "
                    f"(deprecated: true, x-renamed-to: {new}), {spec_name} has no {old}"
                )
                continue
            prop = properties[old]
            if prop.get("deprecated") is not True:
                problems.append(
                    f"{path} ({where}): renamed to {new} in the current API, the spec lacks deprecated: true"
                )
            if prop.get("x-renamed-to") != new:
                problems.append(
                    f"{path} ({where}): renamed to {new} in the current API, "
                    f"the spec's x-renamed-to is {prop.get('x-renamed-to')!r}"
                )
            if new in fields:  # the old name carries what the new one does
                problems += self.field(path, where, fields[new], prop)
        return problems

    def field(self, path: str, where: str, entry: Mapping[str, Any], prop: Any) -> list[str]:
        former = former_type(prop)
        if former is not None and not self.field(path, where, entry, former):
            return []  # the sheet has the type the spec records as former (x-retyped)
        ref, schema = resolve_named(self.spec, prop)
        if not isinstance(schema, Mapping):
            return [f"{path} ({where}): the spec's property is not a schema"]
        kind = entry["kind"]
        types = schema_types(schema)
        fmt = schema.get("format")
        named = f" ({ref})" if ref else ""
        differs = f"{path} ({where}): the current API says {_kind(entry)}, the spec says {_describe(schema)}{named}"
        if kind == "string":
            ok = "string" in types and fmt not in TYPED_STRING_FORMATS and "enum" not in schema
        elif kind == "int32":
            ok = "integer" in types and fmt == "int32"
        elif kind == "int64":
            ok = "string" in types and fmt == "int64"
        elif kind == "float":
            ok = "number" in types and fmt in ("float", "double")
        elif kind == "bool":
            ok = "boolean" in types
        elif kind == "date-time":
            ok = "string" in types and fmt == "date-time"
        elif kind == "enum":
            if "string" not in types or not isinstance(schema.get("enum"), list):
                return [differs]
            return self.enum(path, where + named, entry, schema["enum"])
        elif kind == "object":
            if ref is None:
                return [f"{path} ({where}): the current API has an object here, the spec inlines it: expected a $ref"]
            if "object" not in types or "properties" not in schema:
                return [differs]
            described = self.data["schemas"].get(entry.get("schema"))
            if described is None and "fields" in entry:
                described = {"fields": entry["fields"], "renamed": {}, "dropped": []}
            return self.schema(f"{path}.", ref, schema, described) if described else []
        elif kind == "map":
            values = schema.get("additionalProperties")
            if "object" not in types or not isinstance(values, Mapping):
                return [differs]
            return self.field(f"{path}.*", f"{ref or where} additionalProperties", entry["values"], values)
        else:
            return [f"{path}: unknown kind {kind!r} in the data file"]
        return [] if ok else [differs]

    def enum(self, path: str, where: str, entry: Mapping[str, Any], values: list[Any]) -> list[str]:
        facts = self.data["enums"].get(entry.get("schema"), {"count": None, "dropped": []})
        problems = [
            f"{path} ({where}): enum value {value} of the current API is missing from the spec"
            for value in entry.get("enum", [])
            if value not in values
        ]
        problems += [
            f"{path} ({where}): enum value {value}, which the SDK dropped, is missing from the spec "
            "(keep it: servers and old jobs may still send it)"
            for value in facts["dropped"]
            if value not in values
        ]
        current = [value for value in values if value not in facts["dropped"]]
        if facts["count"] is not None and len(current) < facts["count"]:
            problems.append(
                f"{path} ({where}): the current API lists {facts['count']} enum values, "
                f"the spec {len(current)} (besides the dropped ones)"
            )
        return problems


def _kind(entry: Mapping[str, Any]) -> str:
    kind = entry["kind"]
    if kind == "map":
        return f"map of {_kind(entry['values'])}"
    if kind in ("enum", "object") and "schema" in entry:
        return f"{kind} {entry['schema']}"
    return str(kind)


def _describe(schema: Mapping[str, Any]) -> str:
    types = "/".join(sorted(schema_types(schema))) or "no type"
    return f"{types} {schema['format']}" if "format" in schema else types
