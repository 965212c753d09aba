"""Guard 1: everything the reference page documents is in the spec, with the same JSON type.

``reference_problems`` returns one readable line per disagreement; an empty list means the spec
covers the page. The spec may document more than the page (later enum values, error responses).
The page comes from the repository's data file (tools/reference_data.py), not from the page itself.
The page shows the API as it was: a field the spec records as removed (``x-removed`` on its
schema) may be missing, and one it records as retyped (``x-retyped``) may have its former type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tools.reference_data import PARAMETER_SECTIONS, RESPONSE_SECTION, json_type
from tools.reference_page import Credential, PageField, ReferencePage

from .spec_tools import (
    JSON,
    fits,
    former_type,
    operations,
    parameters,
    removed_fields,
    resolve,
    resolve_named,
    schema_types,
)


def reference_problems(spec: Mapping[str, Any], page: ReferencePage) -> list[str]:
    operation = operations(spec).get((page.method, page.path))
    if operation is None:
        return [f"operation {page.method} {page.path} of the reference page is missing from the spec"]
    problems = _security_problems(spec, operation, page.credentials)
    params = parameters(spec, page.path, operation)
    for location, section in PARAMETER_SECTIONS.items():
        for page_field in page.fields.get(section, []):
            param = params.get((location, page_field.name))
            where = f"{location} parameter {page_field.name}"
            if param is None:
                problems.append(f"{where}: on the reference page, missing from the spec")
                continue
            if page_field.required and not param.get("required", False):
                problems.append(f"{where}: required on the reference page, optional in the spec")
            problems += _field_problems(spec, where, page_field, param.get("schema", {}))

    response = resolve(spec, operation.get("responses", {}).get(page.response_status))
    content = (response or {}).get("content", {}).get(page.response_media_type)
    if content is None:
        return [*problems, f"response {page.response_status} {page.response_media_type}: missing from the spec"]
    schema_name, schema = resolve_named(spec, content["schema"])
    properties = schema.get("properties", {})
    for page_field in page.fields.get(RESPONSE_SECTION, []):
        where = f"response field {page_field.name} (schema {schema_name})"
        if page_field.name in removed_fields(schema) and page_field.name not in properties:
            continue  # the API removed it since the page was written
        if page_field.name not in properties:
            problems.append(f"{where}: on the reference page, missing from the spec")
            continue
        if page_field.required and page_field.name not in schema.get("required", []):
            # A deliberate choice of the spec (readMask): it must be spelled out, not lost.
            if not properties[page_field.name].get("x-required-on-create"):
                problems.append(
                    f"{where}: required on the reference page; the spec neither requires it "
                    "nor marks it x-required-on-create"
                )
        problems += _field_problems(spec, where, page_field, properties[page_field.name])
    problems += example_problems(spec, content["schema"], page.example, "")
    return problems


def _security_problems(
    spec: Mapping[str, Any], operation: Mapping[str, Any], credentials: tuple[Credential, ...]
) -> list[str]:
    """Each credential the page requires (``Authorization: Bearer <token>``) the operation requires too."""
    schemes = spec.get("components", {}).get("securitySchemes", {})
    offered = [schemes.get(name, {}) for req in operation.get("security", spec.get("security", [])) for name in req]
    return [
        f"security: the reference page requires a {c.scheme} {c.name} {c.location}, the spec does not"
        for c in credentials
        if c.required and not any(_scheme_sends(scheme, c) for scheme in offered)
    ]


def _scheme_sends(scheme: Mapping[str, Any], credential: Credential) -> bool:
    if credential.location == "header" and credential.name.lower() == "authorization":
        return scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == credential.scheme.lower()
    return scheme.get("type") == "apiKey" and (scheme.get("in"), scheme.get("name")) == (
        credential.location,
        credential.name,
    )


def _field_problems(spec: Mapping[str, Any], where: str, page_field: PageField, prop: Any) -> list[str]:
    problems = []
    former = former_type(prop)
    if former is not None and former.get("type") == page_field.json_type:
        prop = former  # the API retyped it since the page was written: the page shows the former type
    schema_name, schema = resolve_named(spec, prop)
    named = f" ({schema_name})" if schema_name else ""
    types = schema_types(schema)
    if page_field.json_type not in types:
        problems.append(f"{where}: the reference page says {page_field.type}, the spec says {_types(types)}{named}")
    if page_field.format and schema.get("format") != page_field.format:
        problems.append(
            f"{where}: the reference page says format {page_field.format}, the spec says {schema.get('format')}{named}"
        )
    enum = schema.get("enum", [])
    for option in page_field.options:
        if option not in enum:
            problems.append(f"{where}: enum value {option} of the reference page is missing from the spec{named}")
    if page_field.default is not None and schema.get("default") != page_field.default:
        problems.append(
            f"{where}: default {page_field.default} on the reference page, {schema.get('default')!r} in the spec{named}"
        )
    return problems


def example_problems(spec: Mapping[str, Any], prop: Any, value: JSON, path: str, owner: str = "") -> list[str]:
    """Every (nested) field of the page's example must be in the spec with a fitting type.

    ``owner`` names the spec's schema and property the value sits in (``TrainingConfig.epochs``).
    """
    former = former_type(prop)
    if former is not None and fits(json_type(value), schema_types(former)):
        prop = former  # retyped since the page was written (x-retyped): the example has the former type
    schema_name, schema = resolve_named(spec, prop)
    where = f"example field {path or '(root)'}" + (f" ({owner})" if owner else "")
    types = schema_types(schema)
    if types and not fits(json_type(value), types):
        return [
            f"{where}: the reference page's example has a JSON {json_type(value)} ({value!r}), "
            f"the spec says {_types(types)}"
        ]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: enum value {value!r} of the reference page's example is missing from the spec"]
    problems: list[str] = []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            child = f"{path}.{key}" if path else key
            if key in removed_fields(schema) and key not in properties:
                continue  # the API removed it since the page was written (x-removed)
            if key not in properties:
                problems.append(f"example field {child}: on the reference page, missing from the spec ({schema_name})")
            else:
                problems += example_problems(spec, properties[key], item, child, f"{schema_name}.{key}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += example_problems(spec, schema["items"], item, f"{path}[{index}]", owner)
    return problems


def _types(types: set[str]) -> str:
    return "/".join(sorted(types)) or "no type"
