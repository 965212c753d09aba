"""Example fields for tests about a generic behaviour, taken from the spec rather than hard-coded.

A test of type checks, round trips, errors, copies or the waiter needs *an* int field, *a* nested
object, *a* string: which one does not matter. Picking it here, from the spec, means that removing
or retyping one field breaks only the tests about that field (README, "When the API changes").

    field = example_field("integer", "int32", under="trainingConfig")
    field.path         # ("trainingConfig", "epochs")  -- JSON keys from the job down
    field.dotted       # "trainingConfig.epochs"
    field.attributes   # ("training_config", "epochs") -- the attribute names
    field.payload(3)   # {"trainingConfig": {"epochs": 3}}
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from openapi_python_client.strings import PythonIdentifier

from tools.prism import SPEC

ROOT_SCHEMA = "ReinforcementFineTuningJob"


class NoSuchField(LookupError):
    """The spec has no field of the asked kind (the message says which kind)."""


@dataclass(frozen=True)
class Field:
    path: tuple[str, ...]
    schema: Mapping[str, Any]  # the property's schema, $refs resolved
    owner: str  # the component schema the property is declared in

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(str(PythonIdentifier(part, prefix="field_")) for part in self.path)

    @property
    def attribute(self) -> str:
        return self.attributes[-1]

    def payload(self, value: Any) -> dict[str, Any]:
        """``{"trainingConfig": {"epochs": value}}``: the value nested where the field sits."""
        result: Any = value
        for part in reversed(self.path):
            result = {part: result}
        out: dict[str, Any] = result
        return out

    def get(self, model: Any) -> Any:
        """The attribute's value on a decoded model of the root schema."""
        for attribute in self.attributes:
            model = getattr(model, attribute)
        return model


@functools.cache
def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return spec


def fields(spec: Mapping[str, Any] | None = None, root: str = ROOT_SCHEMA) -> Iterator[Field]:
    """Every field of the root schema, nested ones too, depth first in the spec's order."""
    spec = spec or load_spec()
    schemas = spec["components"]["schemas"]

    def resolve(node: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any]]:
        name = None
        while "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            node = schemas[name]
        return name, node

    def walk(owner: str, schema: Mapping[str, Any], path: tuple[str, ...], seen: tuple[str, ...]) -> Iterator[Field]:
        for name, prop in schema.get("properties", {}).items():
            ref, resolved = resolve(prop)
            yield Field((*path, name), resolved, owner)
            if "properties" in resolved and ref not in seen:
                yield from walk(ref or owner, resolved, (*path, name), (*seen, *([ref] if ref else [])))

    yield from walk(root, schemas[root], (), (root,))


def example_field(
    json_type: str,
    fmt: str | None = None,
    *,
    under: str | None = None,
    deprecated: bool = False,
    nth: int = 0,
    spec: Mapping[str, Any] | None = None,
) -> Field:
    """The first (or ``nth``) field of that JSON type (and format; ``"enum"`` for a string enum,
    ``"object"`` for a nested model), optionally below the top-level field ``under`` (``""``: a
    top-level field); deprecated ones only when asked."""
    for field in fields(spec):
        schema = field.schema
        if under == "" and len(field.path) != 1:
            continue
        if under and (len(field.path) < 2 or field.path[0] != under):
            continue
        if bool(schema.get("deprecated")) != deprecated:
            continue
        if json_type == "enum":
            ok = "enum" in schema
        elif json_type == "object":
            ok = "properties" in schema
        else:
            ok = schema.get("type") == json_type and "enum" not in schema and schema.get("format") == fmt
        if ok and nth == 0:
            return field
        nth -= ok
    where = f" under {under}" if under else ""
    raise NoSuchField(f"the spec has no {'deprecated ' if deprecated else ''}{json_type} {fmt or ''} field{where}")
