"""What a JSON schema accepts and refuses, derived from the schema itself, for test_shapes.py.

For every property of a model (and of the objects, maps, arrays and unions inside it) this
yields its dotted path, the JSON values its schema refuses and values it accepts that must come
back from ``to_dict`` unchanged. Nothing here lists the fixture's properties by name.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# One value of each JSON type.
SAMPLES: dict[str, Any] = {
    "string": "x",
    "integer": 5,
    "number": 1.5,
    "boolean": True,
    "null": None,
    "object": {},
    "array": [],
}
INT64_FORMATS = ("int64", "uint64")
# Strings of the right JSON type that a format refuses.
FORMAT_WRONGS: dict[str, list[str]] = {
    # Each format's range is exact: one past either end is refused, and neither takes the other's.
    "int64": ["x", "abc", "1.5", "99999999999999999999999", "9223372036854775808", "-9223372036854775809"],
    "uint64": ["x", "abc", "1.5", "-1", "18446744073709551616"],
    "date": ["x", "not-a-date", "2024-13-01", "20240131"],
    "date-time": ["x", "2023-11-07T05:31:56", "2023-11-07", "2023-13-07T05:31:56Z"],
}


@dataclass(frozen=True)
class Site:
    """A place in a payload: the keys from the model down, and the schema found there."""

    path: tuple[str | int, ...]
    schema: dict[str, Any]

    @property
    def dotted(self) -> str:
        return ".".join(str(part) for part in self.path)


class Shapes:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[1]]
        return schema

    def alternatives(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """The schema as a list of single-typed schemas (oneOf/anyOf entries, or one per listed type)."""
        schema = self.resolve(schema)
        if "oneOf" in schema or "anyOf" in schema:
            entries: list[dict[str, Any]] = schema.get("oneOf") or schema["anyOf"]
            return [alt for entry in entries for alt in self.alternatives(entry)]
        if isinstance(schema.get("type"), list):
            return [{**schema, "type": one} for one in schema["type"]]
        return [schema]

    def json_types(self, schema: dict[str, Any]) -> set[str]:
        types: set[str] = set()
        for alt in self.alternatives(schema):
            kind = alt.get("type", "object")
            types.add(kind)
            if kind == "number":
                types.add("integer")  # an integer is a number
            if kind == "string" and alt.get("format") in INT64_FORMATS:
                types.add("integer")  # proto3 JSON readers accept a number for an int64
        return types

    def wrong_values(self, schema: dict[str, Any]) -> list[Any]:
        accepted = self.json_types(schema)
        wrong = [value for kind, value in SAMPLES.items() if kind not in accepted]
        string_alts = [alt for alt in self.alternatives(schema) if alt.get("type") == "string"]
        if string_alts and all(alt.get("format") in FORMAT_WRONGS for alt in string_alts):
            for alt in string_alts:
                wrong += [value for value in FORMAT_WRONGS[alt["format"]] if value not in wrong]
        return wrong

    def right_values(self, schema: dict[str, Any]) -> list[Any]:
        values: list[Any] = []
        for alt in self.alternatives(schema):
            values += self._right_values_of(alt)
        return values

    def _right_values_of(self, alt: dict[str, Any]) -> list[Any]:
        kind = alt.get("type", "object")
        if "enum" in alt:
            return [*alt["enum"], "A_VALUE_FROM_A_NEWER_API"]
        if kind == "string":
            return {
                "int64": ["3600", "-9223372036854775808", "9223372036854775807"],
                "uint64": ["0", "9223372036854775808", "18446744073709551615"],
                "date": ["2024-01-31"],
                # to_dict writes 0, 6 or 9 fraction digits, so these are the forms that come back as sent
                "date-time": [
                    "2023-11-07T05:31:56Z",
                    "2023-11-07T05:31:56.123456007Z",
                    "2024-02-29T23:59:59.500001+05:30",
                ],
            }.get(alt.get("format", ""), ["some text", ""])
        if kind == "integer":
            return [7, -3, 0]
        if kind == "number":
            return [1.5, 0.1, -2.0, "NaN", "Infinity", "-Infinity"]
        if kind == "boolean":
            return [True, False]
        if kind == "null":
            return [None]
        if kind == "array":
            items = self.right_values(alt["items"])
            return [[], [items[0], items[-1]]]
        if "properties" in alt:
            full = {name: self.right_values(prop)[-1] for name, prop in alt["properties"].items()}
            required = {name: full[name] for name in alt.get("required", [])}
            return [required, full, {**full, "aFieldFromANewerApi": {"kept": [1, "two"]}}]
        return [{}, {"k": self.right_values(alt["additionalProperties"])[0]}]

    def sites(self, schema: dict[str, Any], path: tuple[str | int, ...] = ()) -> Iterator[Site]:
        """Every property under ``schema`` (a model), with the sites nested inside it."""
        for name, prop in self.resolve(schema).get("properties", {}).items():
            yield from self._sites_at(prop, (*path, name))

    def _sites_at(self, schema: dict[str, Any], path: tuple[str | int, ...]) -> Iterator[Site]:
        yield Site(path, schema)
        for alt in self.alternatives(schema):
            kind = alt.get("type", "object")
            if kind == "array":
                yield from self._sites_at(alt["items"], (*path, 0))
            elif kind == "object" and "properties" in alt:
                yield from self.sites(alt, path)
            elif kind == "object" and isinstance(alt.get("additionalProperties"), dict):
                yield from self._sites_at(alt["additionalProperties"], (*path, "k"))


def nest(path: tuple[str | int, ...], value: Any, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``value`` placed at ``path`` (a list for an index, an object for a key)."""

    def build(rest: tuple[str | int, ...]) -> Any:
        if not rest:
            return value
        head, tail = rest[0], rest[1:]
        return [build(tail)] if isinstance(head, int) else {head: build(tail)}

    return {**base, **build(path)}
