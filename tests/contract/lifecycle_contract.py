"""Guards of the job's life: what may be sent on create, and how each operation is retried.

``create_body_problems``: the create body's schema is the job's schema less what a caller may
not send. Its properties are exactly the job's that are neither output only (``readOnly``, on
the property or on the schema it refers to) nor deprecated (the old names); each has the job's
schema, or refers to an input schema that follows the same rule for the job's nested object;
``required`` is the job's ``x-required-on-create`` fields; no other field is allowed.

``retry_policy_problems``: every operation of the spec has a retry policy in
``retries.OPERATION_RETRIES`` (an operation without one would fall back to its HTTP method),
the table names no operation the spec lacks, and a GET is retried like a GET.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openapi_python_client.strings import PythonIdentifier

from .spec_tools import operations, ref_name, resolve

CREATE_OPERATION = "createReinforcementFineTuningJob"
JOB_SCHEMA = "ReinforcementFineTuningJob"


def _output_only(spec: Mapping[str, Any], prop: Any) -> bool:
    return bool(prop.get("readOnly")) or bool(resolve(spec, prop).get("readOnly"))


def _sendable(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> dict[str, Any]:
    return {
        name: prop
        for name, prop in schema.get("properties", {}).items()
        if not _output_only(spec, prop) and not prop.get("deprecated")
    }


def create_body_ref(spec: Mapping[str, Any]) -> str:
    for operation in operations(spec).values():
        if operation.get("operationId") == CREATE_OPERATION:
            ref: str = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            return ref
    raise LookupError(f"no operation {CREATE_OPERATION} in the spec")


def create_body_problems(spec: Mapping[str, Any]) -> list[str]:
    job = spec["components"]["schemas"][JOB_SCHEMA]
    body_ref = create_body_ref(spec)
    body = resolve(spec, {"$ref": body_ref})
    problems = _input_problems(spec, ref_name(body_ref), body, JOB_SCHEMA, job)
    required = sorted(name for name, prop in job["properties"].items() if prop.get("x-required-on-create"))
    if sorted(body.get("required", [])) != required:
        problems.append(f"{ref_name(body_ref)}: required {sorted(body.get('required', []))}, the job says {required}")
    return problems


def _input_problems(
    spec: Mapping[str, Any], name: str, schema: Mapping[str, Any], source_name: str, source: Mapping[str, Any]
) -> list[str]:
    problems = []
    if schema.get("additionalProperties") is not False:
        problems.append(f"{name}: must refuse other fields (additionalProperties: false), so a misspelt one fails")
    wanted, have = _sendable(spec, source), schema.get("properties", {})
    for prop in sorted(set(wanted) - set(have)):
        problems.append(f"{name}: lacks {prop}, which a caller may send ({source_name}.{prop})")
    for prop in sorted(set(have) - set(wanted)):
        why = "deprecated or output only" if prop in source.get("properties", {}) else "not a field of the job"
        problems.append(f"{name}: has {prop}, {why} ({source_name})")
    for prop in sorted(set(have) & set(wanted)):
        mine, theirs = have[prop], wanted[prop]
        if mine == theirs or _same_but_doc(mine, theirs):
            continue
        if "$ref" in mine and "$ref" in theirs:  # a nested input schema: the same rule inside
            problems += _input_problems(
                spec,
                ref_name(mine["$ref"]),
                resolve(spec, mine),
                ref_name(theirs["$ref"]),
                resolve(spec, theirs),
            )
            continue
        problems.append(f"{name}.{prop}: {mine} differs from {source_name}.{prop}: {theirs}")
    return problems


def _same_but_doc(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    def bare(schema: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in schema.items() if k not in ("description", "x-required-on-create")}

    return bare(mine) == bare(theirs)


def retry_policy_problems(spec: Mapping[str, Any], table: Mapping[str, Any], always: Any) -> list[str]:
    """``table``: retries.OPERATION_RETRIES; ``always``: retries.Retry.ALWAYS."""
    problems = []
    names = {}
    for (method, path), operation in operations(spec).items():
        name = str(PythonIdentifier(operation["operationId"], prefix="field_"))
        names[name] = method
        if name not in table:
            problems.append(f"{method} {path} ({name}): no retry policy in retries.OPERATION_RETRIES")
        elif method == "GET" and table[name] is not always:
            problems.append(f"{name}: a GET, retried as {table[name]}, not like a GET")
    for name in sorted(set(table) - set(names)):
        problems.append(f"retries.OPERATION_RETRIES names {name}, which is no operation of the spec")
    return problems
