"""The operations half of make api-drift: the SDK's methods on the job resource against the spec.

tools/sdk_operations_reader.py lists each method of the official SDK's
``ReinforcementFineTuningJobsResource`` with its HTTP verb, path template, query parameters and
body fields (JSON names). Each is matched to the spec's operation at the same verb and path
(``:cancel`` and ``:resume`` included); then their query parameters, and the top-level fields of
the request body, are compared by JSON name. Path parameters are matched by the path itself.

- the SDK has it, the spec lacks it (an operation, a query parameter, a body field): the spec
  should catch up; the exit status is 1;
- the spec has it, the SDK does not: informational;
- a body field the SDK sends that the spec's create body leaves out on purpose: its twin schema
  (the job, for ``<Name>Input``) keeps it deprecated for older servers, renamed (``x-renamed-to``)
  or not (README, "When the API changes"): informational. The records are read as the field half
  reads them (tools/api_drift.py's spec tree).

Kept apart from tools/api_drift.py (the job's fields) so that each stays small; tools/sdk_reader.py
runs the operations reader in the same interpreter (the SDK imported once), and api_drift prints
both reports.
"""

import json
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

READER = Path(__file__).with_name("sdk_operations_reader.py")
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


class OperationsReadError(Exception):
    """The SDK's operations could not be read."""


@dataclass(frozen=True, order=True)
class Finding:
    operation: str  # "POST /v1/...:cancel"
    what: str  # "operation", "query parameter", "body field"
    name: str


@dataclass
class OperationDrift:
    lacking: list[Finding] = field(default_factory=list)  # the SDK has it, the spec does not
    dropped: list[Finding] = field(default_factory=list)  # the spec has it, the SDK does not
    kept: list[Finding] = field(default_factory=list)  # a body field the twin keeps deprecated (renamed or not)


def read_sdk_operations(python: str) -> dict[str, Any]:
    result = subprocess.run([python, str(READER)], capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise OperationsReadError(f"reading the SDK's operations failed:\n{result.stderr.strip()}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _resolve(spec: Mapping[str, Any], node: Any) -> Any:
    for _ in range(50):
        if not (isinstance(node, Mapping) and isinstance(node.get("$ref"), str)):
            return node
        target: Any = spec
        for token in node["$ref"].removeprefix("#/").split("/"):
            if not isinstance(target, Mapping):
                return None  # a $ref that leads nowhere: make lint-spec's business, not drift's
            target = target.get(token.replace("~1", "/").replace("~0", "~"))
        node = target
    raise OperationsReadError("$ref chain too long")


def spec_operations(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """``"VERB /path"`` -> {"query": [names], "body": [top-level field names] | None, "kept": {name: why}}."""
    found: dict[str, dict[str, Any]] = {}
    for path, item in (spec.get("paths") or {}).items():
        for verb in HTTP_METHODS:
            operation = item.get(verb)
            if not isinstance(operation, Mapping):
                continue
            parameters = [_resolve(spec, p) for p in [*item.get("parameters", []), *operation.get("parameters", [])]]
            body = _resolve(spec, operation.get("requestBody"))
            reference = ((body or {}).get("content") or {}).get("application/json", {}).get("schema")
            schema = _resolve(spec, reference)
            found[f"{verb.upper()} {path}"] = {
                "query": [p["name"] for p in parameters if p.get("in") == "query"],
                "body": list((schema or {}).get("properties") or {}) if schema else None,
                "kept": _kept_by_twin(spec, reference),
            }
    return found


def _kept_by_twin(spec: Mapping[str, Any], reference: Any) -> dict[str, str]:
    """The fields a create body ``<Name>Input`` leaves out because ``<Name>`` keeps them deprecated,
    with why: ``{"evaluationDataset": "renamed to evalDataset (x-renamed-to)"}``."""
    ref = reference.get("$ref") if isinstance(reference, Mapping) else None
    if not isinstance(ref, str) or not ref.endswith("Input"):
        return {}
    twin = ref.removesuffix("Input")
    if _resolve(spec, {"$ref": twin}) is None:
        return {}
    # Imported here: tools.api_drift imports this module to print both reports.
    from tools.api_drift import spec_tree

    fields = spec_tree(spec, {"$ref": twin}).get("fields") or {}
    return {
        name: f"renamed to {node['renamed_to']} (x-renamed-to)" if "renamed_to" in node else "deprecated"
        for name, node in fields.items()
        if node.get("deprecated") or "renamed_to" in node
    }


def compare(sdk: Mapping[str, Any], spec: Mapping[str, Any]) -> OperationDrift:
    drift = OperationDrift()
    ours = spec_operations(spec)
    theirs = {f"{op['http_method']} {op['path']}": (name, op) for name, op in sdk["operations"].items()}
    for key, (name, op) in theirs.items():
        if key not in ours:
            drift.lacking.append(Finding(key, "operation", f"SDK method {name}()"))
            continue
        mine = ours[key]
        for what, sdk_names, spec_names in (
            ("query parameter", op["query"], mine["query"]),
            ("body field", op["body"] or [], mine["body"] or []),
        ):
            for n in sdk_names:
                if n in spec_names:
                    continue
                if what == "body field" and n in mine["kept"]:
                    drift.kept.append(Finding(key, what, f"{n}: {mine['kept'][n]}"))
                else:
                    drift.lacking.append(Finding(key, what, n))
            drift.dropped += [Finding(key, what, n) for n in spec_names if n not in sdk_names]
    drift.dropped += [Finding(key, "operation", "no SDK method") for key in ours if key not in theirs]
    drift.lacking.sort()
    drift.dropped.sort()
    drift.kept.sort()
    return drift


def run(sdk: Mapping[str, Any], spec: Mapping[str, Any]) -> tuple[str, int]:
    """The report and the exit status (1 when the spec lacks an operation or parameter the SDK has)."""
    drift = compare(sdk, spec)
    lines = [f"Operations: {sdk['package']} {sdk['version']} ({sdk['resource']}) vs the spec's paths", ""]
    if drift.lacking:
        lines.append(f"The SDK has, the spec lacks ({len(drift.lacking)}): add them to the spec")
        lines += [f"  {f.what:<15}  {f.operation}  {f.name}" for f in drift.lacking]
    else:
        count = len(sdk["operations"])
        lines.append(f"The spec has every operation, query parameter and body field of the SDK's {count} methods.")
    if drift.kept:
        heading = "the create body leaves out what its twin keeps deprecated"
        lines += ["", f"The SDK sends an old name, {heading} ({len(drift.kept)}): informational"]
        lines += [f"  {f.what:<15}  {f.operation}  {f.name}" for f in drift.kept]
    if drift.dropped:
        lines += ["", f"The spec has, the SDK lacks ({len(drift.dropped)}): informational"]
        lines += [f"  {f.what:<15}  {f.operation}  {f.name}" for f in drift.dropped]
    return "\n".join(lines) + "\n", 1 if drift.lacking else 0
