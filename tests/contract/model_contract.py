"""Guard 2: the generated models are what the spec says, found by introspection, not by text.

For every component schema: an attrs class (or a str enum) of the generator's name; for every
property an attribute with the Python type the spec implies (``T | Unset`` when optional), that
``from_dict`` fills from the property's JSON key; no attribute the spec does not have; enum
members exactly the spec's values. ``model_problems`` returns one line per disagreement.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import typing
import warnings
from collections.abc import Mapping
from types import GenericAlias, NoneType, UnionType
from typing import Any

import attrs
from openapi_python_client.strings import ClassName, PythonIdentifier

from .spec_tools import Schema, component_schemas, ref_name, resolve, schema_types

PACKAGE = "fireworks_rft_client"
FIELD_PREFIX = "field_"  # the generator's default prefix for names that are no identifiers
SCALARS: dict[str, type] = {"string": str, "integer": int, "number": float, "boolean": bool}
# proto3 JSON sends 64-bit integers as strings; the user gets an int.
STRING_FORMATS: dict[str, type] = {"date-time": datetime.datetime, "date": datetime.date, "int64": int, "uint64": int}
SAMPLES: dict[str, Any] = {"string": "x", "integer": 7, "number": 1.5, "boolean": True, "object": {}, "array": []}
SAMPLE_FORMATS: dict[str, str] = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "int64": "7",
    "uint64": "7",
}


class UnsupportedSchema(ValueError):
    """A schema construct this contract test does not map yet: extend it before using it."""


class MissingClass(LookupError):
    """A property refers to a schema whose class the package lacks (reported once per schema too)."""


def class_name(schema_name: str) -> str:
    """The class name the pinned generator gives a component schema."""
    return str(ClassName(schema_name, prefix=""))


def attribute_name(property_name: str) -> str:
    """The attribute name the pinned generator gives a property (``@type`` -> ``type_``)."""
    return str(PythonIdentifier(property_name, prefix=FIELD_PREFIX))


def generated_schemas(spec: Mapping[str, Any]) -> list[tuple[str, str, Schema]]:
    """(where, class name, schema) of every class the generator makes: one per component schema
    and one per inline object, map or enum inside them, named as the pinned generator names them
    (the owner's class name and the property's name: ``TrainingConfig.schedule`` ->
    ``TrainingConfigSchedule``)."""
    found: list[tuple[str, str, Schema]] = []

    def walk(where: str, name: str, schema: Schema) -> None:
        found.append((where, name, schema))
        for prop_name, prop in schema.get("properties", {}).items():
            inline = inline_class_schema(prop)
            if inline is not None:
                walk(f"{where}.{prop_name}", inline_class_name(name, prop_name, prop), inline)

    for schema_name, schema in component_schemas(spec).items():
        walk(schema_name, class_name(schema_name), schema)
    return found


def inline_class_schema(prop: Any) -> Schema | None:
    """The schema of an inline property the generator makes a class of (object, map or enum), else None;
    for an array, that of its items."""
    if not isinstance(prop, Mapping) or "$ref" in prop:
        return None
    if "enum" in prop or "object" in schema_types(prop):
        return dict(prop)
    if "array" in schema_types(prop):
        return inline_class_schema(prop.get("items"))
    return None


def inline_class_name(owner_class: str, prop_name: str, prop: Any) -> str:
    """The pinned generator's name for the class of an inline property (array items: ``..._item``)."""
    suffix = "_item" if "array" in schema_types(prop) else ""
    return class_name(f"{owner_class}_{prop_name}{suffix}")


def model_problems(spec: Mapping[str, Any], package: str = PACKAGE) -> list[str]:
    models = importlib.import_module(f"{package}.models")
    unset_type: type = importlib.import_module(f"{package}.types").Unset
    problems: list[str] = []
    # The models module imports each class on first access (PEP 562): resolve every exported name.
    namespace: dict[str, Any] = {"Unset": unset_type, "datetime": datetime}
    for name in getattr(models, "__all__", ()):
        try:
            namespace[name] = getattr(models, name)
        except (AttributeError, ImportError) as exc:
            problems.append(f"{package}.models.{name} is exported but cannot be imported: {exc}")
    expected_classes = set()
    for schema_name, name, schema in generated_schemas(spec):
        expected_classes.add(name)
        cls = namespace[name] if name in namespace else getattr(models, name, None)
        if not isinstance(cls, type):
            problems.append(
                f"schema {schema_name}: no generated class {package}.models.{name} "
                "(spec changed without 'make generate'?)"
            )
        elif "enum" in schema:
            problems += _enum_problems(schema_name, schema, cls)
        else:
            problems += _model_problems(spec, schema_name, schema, cls, namespace, unset_type)
    for name in getattr(models, "__all__", ()):
        if name not in expected_classes:
            problems.append(
                f"generated class {package}.models.{name}: no schema of that name in the spec "
                "(removed or renamed without 'make generate'?)"
            )
    return problems


def _enum_problems(schema_name: str, schema: Schema, cls: type) -> list[str]:
    if not (issubclass(cls, enum.Enum) and issubclass(cls, str)):
        return [f"schema {schema_name}: {cls.__name__} should be a str enum, it is {cls.__mro__[1:]}"]
    members = {member.value for member in typing.cast(type[enum.Enum], cls)}
    spec_values = set(schema["enum"])
    problems = [
        f"schema {schema_name}: value {value} is in the spec, not in enum {cls.__name__}"
        for value in sorted(spec_values - members)
    ]
    problems += [
        f"schema {schema_name}: enum {cls.__name__} has member {value}, which the spec does not list"
        for value in sorted(members - spec_values)
    ]
    return problems


def _model_problems(
    spec: Mapping[str, Any], schema_name: str, schema: Schema, cls: type, namespace: dict[str, Any], unset: type
) -> list[str]:
    if not attrs.has(cls):
        return [f"schema {schema_name}: {cls.__name__} is not an attrs class"]
    try:
        hints = typing.get_type_hints(cls, localns=namespace)
    except NameError as exc:
        return [f"schema {schema_name}: the annotations of {cls.__name__} name a missing class: {exc}"]
    attributes = {a.name for a in attrs.fields(cls)}
    required = set(schema.get("required", []))
    problems: list[str] = []
    mapped = set()
    for prop_name, prop in schema.get("properties", {}).items():
        attr = attribute_name(prop_name)
        where = f"schema {schema_name}, property {prop_name}"
        if isinstance(prop, Mapping) and prop.get("deprecated"):
            # Kept under a private name, behind a property that warns (the generated accessors).
            problems += _deprecated_problems(where, cls, attr, prop, attributes, _required_sample(spec, schema))
            attr = f"_{attr}"
        mapped.add(attr)
        if attr not in attributes:
            problems.append(f"{where}: no attribute {cls.__name__}.{attr} (spec changed without 'make generate'?)")
            continue
        try:
            expected = python_type(spec, schema_name, prop_name, prop, namespace, owner=cls.__name__)
        except MissingClass as exc:
            problems.append(str(exc))
            continue
        if prop_name not in required:
            expected = expected | unset
        if not same_type(hints.get(attr), expected):
            problems.append(
                f"{where}: {cls.__name__}.{attr} is annotated {type_text(hints.get(attr))}, "
                f"the spec implies {type_text(expected)}"
            )
            continue
        base = {name: sample_value(spec, schema["properties"][name]) for name in required}  # from_dict needs them
        problems += _key_problems(spec, where, cls, prop_name, prop, attr, unset, base)
        # The docstring names the type the user gets (not the wire's: an int64 is an int).
        documented = f"{attr.lstrip('_')} ({type_text(hints.get(attr))})"
        if documented not in " ".join((cls.__doc__ or "").split()):
            problems.append(f"{where}: the docstring of {cls.__name__} does not say {documented!r}")
    mapped.add("additional_properties")  # a closed schema's class has one too, always empty
    if schema.get("additionalProperties", True) is not False:
        if "additional_properties" not in attributes:
            problems.append(
                f"schema {schema_name}: {cls.__name__} cannot keep unknown fields (no additional_properties)"
            )
    # Private attrs fields (a leading underscore) are the model's own bookkeeping, not properties.
    for attr in sorted(a for a in attributes - mapped if not a.startswith("_")):
        problems.append(
            f"schema {schema_name}: {cls.__name__}.{attr} matches no property of the spec "
            "(removed or renamed without 'make generate'?)"
        )
    return problems


def _required_sample(spec: Mapping[str, Any], schema: Schema) -> dict[str, Any]:
    """Sample values of the schema's required properties: what from_dict needs at least."""
    return {name: sample_value(spec, schema["properties"][name]) for name in schema.get("required", [])}


def _deprecated_problems(
    where: str, cls: type, attr: str, prop: Mapping[str, Any], attributes: set[str], base: Mapping[str, Any]
) -> list[str]:
    """A deprecated property reads through a property that warns, naming its x-renamed-to successor."""
    accessor = getattr(cls, attr, None)
    if not isinstance(accessor, property) or f"_{attr}" not in attributes:
        return [f"{where}: deprecated, but {cls.__name__}.{attr} is no property over a private _{attr}"]
    instance: Any = typing.cast(Any, cls).from_dict(base)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        accessor.fget(instance)  # type: ignore[misc]
    texts = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    renamed = prop.get("x-renamed-to")
    successor = attribute_name(renamed) if isinstance(renamed, str) else None
    if len(texts) != 1 or (successor and successor not in texts[0]):
        wanted = f"one DeprecationWarning naming {successor}" if successor else "one DeprecationWarning"
        return [f"{where}: reading {cls.__name__}.{attr} gave {texts or 'no warning'}, not {wanted}"]
    return []


def _key_problems(
    spec: Mapping[str, Any],
    where: str,
    cls: type,
    prop_name: str,
    prop: Any,
    attr: str,
    unset: type,
    base: Mapping[str, Any],
) -> list[str]:
    """``from_dict`` reads the property from its JSON key (beside ``base``, the required ones),
    and ``to_dict`` writes it back there."""
    model: Any = cls
    instance = model.from_dict({**base, prop_name: sample_value(spec, prop)})  # attr: the stored (private) name
    if isinstance(getattr(instance, attr), unset) or prop_name in instance.additional_properties:
        return [f"{where}: {cls.__name__}.from_dict does not read JSON key {prop_name!r} into {attr}"]
    if prop_name not in instance.to_dict():
        return [f"{where}: {cls.__name__}.to_dict does not write {attr} to JSON key {prop_name!r}"]
    return []


def python_type(
    spec: Mapping[str, Any], schema_name: str, prop_name: str, prop: Any, namespace: dict[str, Any], owner: str = ""
) -> Any:
    """The Python type the generator should use for a property (without the ``| Unset``).

    ``owner`` is the class the property belongs to, which names the classes of inline objects,
    maps and enums."""
    if isinstance(prop, Mapping) and "$ref" in prop:
        return _named_class(schema_name, prop_name, class_name(ref_name(prop["$ref"])), namespace)
    if isinstance(prop, Mapping) and ("enum" in prop or "object" in schema_types(prop)):
        inline = _named_class(schema_name, prop_name, inline_class_name(owner, prop_name, prop), namespace)
        return inline | None if "null" in schema_types(prop) else inline
    prop = resolve(spec, prop)
    types = schema_types(prop) - {"null"}
    nullable = "null" in schema_types(prop)
    if len(types) != 1:
        raise UnsupportedSchema(f"schema {schema_name}, property {prop_name}: one non-null type expected, got {types}")
    (json_type,) = types
    result: Any
    if json_type == "array":
        items = prop.get("items", {})
        item_type = (
            _named_class(schema_name, prop_name, inline_class_name(owner, prop_name, prop), namespace)
            if inline_class_schema(items) is not None
            else python_type(spec, schema_name, prop_name, items, namespace, owner)
        )
        result = GenericAlias(list, (item_type,))
    elif json_type == "string" and prop.get("format") in STRING_FORMATS:
        result = STRING_FORMATS[prop["format"]]
    elif json_type in SCALARS:
        result = SCALARS[json_type]
    else:
        raise UnsupportedSchema(f"schema {schema_name}, property {prop_name}: type {json_type} is not mapped")
    return result | None if nullable else result


def _named_class(schema_name: str, prop_name: str, target: str, namespace: dict[str, Any]) -> Any:
    if target not in namespace:
        raise MissingClass(f"schema {schema_name}, property {prop_name}: refers to {target}, which is not generated")
    return namespace[target]


def sample_value(spec: Mapping[str, Any], prop: Any) -> Any:
    """A small valid JSON value for a property, to see which attribute it lands in."""
    schema = resolve(spec, prop)
    if "enum" in schema:
        return schema["enum"][0]
    types = sorted(schema_types(schema) - {"null"}) or ["string"]
    if types[0] == "string" and schema.get("format") in SAMPLE_FORMATS:
        return SAMPLE_FORMATS[schema["format"]]
    return SAMPLES[types[0]]


def same_type(actual: Any, expected: Any) -> bool:
    """Unions compare as sets of members; ``list[X]`` compares its argument."""
    return _members(actual) == _members(expected)


def _members(annotation: Any) -> frozenset[Any]:
    if isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
        return frozenset(m for arg in typing.get_args(annotation) for m in _members(arg))
    return frozenset({annotation})


def type_text(annotation: Any) -> str:
    if annotation is None:
        return "nothing (no annotation)"
    if isinstance(annotation, UnionType) or typing.get_origin(annotation) is typing.Union:
        return " | ".join(type_text(arg) for arg in typing.get_args(annotation))
    if annotation is NoneType:
        return "None"
    if typing.get_origin(annotation) is list:
        return f"list[{', '.join(type_text(a) for a in typing.get_args(annotation))}]"
    if isinstance(annotation, type):
        return f"datetime.{annotation.__name__}" if annotation.__module__ == "datetime" else annotation.__name__
    return str(annotation)
