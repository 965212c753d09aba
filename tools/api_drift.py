"""Has the API moved again? Compare the spec with Fireworks' official SDK (make api-drift).

``fireworks-ai`` is regenerated from Fireworks' own spec whenever the API changes, so its job
model is the best published picture of what the server sends. This tool installs it (the newest
on the package index, or ``--sdk-version``) into a scratch virtual environment, runs
``tools/sdk_reader.py`` there to read the pydantic model's fields (JSON names, ``Literal`` enum
values, nested models, maps and lists), and compares that tree with the spec's
``ReinforcementFineTuningJob`` schema (JSON property names, enum values, ``additionalProperties``
maps, ``items``). It prints:

- what the SDK has and the spec lacks (fields, enum values, a field the SDK gives another
  shape): the spec should catch up; the exit status is 1;
- what the spec has and the SDK dropped: informational (servers or old jobs may still send
  them, e.g. ``JOB_STATE_DELETED``, the old ``maxTokens`` and ``n``); keep them unless the API
  says they are gone.

Then the same for the operations: tools/api_drift_operations.py compares the SDK's methods on
the resource (create, list, get, cancel, resume, delete) with the spec's operations, their
query parameters and body fields; an operation or parameter the spec lacks also exits 1.

Usage: ``python -m tools.api_drift [--sdk-version X.Y.Z] [--python PATH] [--spec PATH]``.
``--python`` reads the SDK installed for that interpreter instead of making a venv (no network:
the test suite uses the project's .venv, which pins fireworks-ai in requirements-dev.txt).
"""

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tools import api_drift_operations

ROOT = Path(__file__).resolve().parents[1]
SPEC_NAME = "openapi/fireworks-rft.yaml"
SCHEMA = "ReinforcementFineTuningJob"
READER = Path(__file__).with_name("sdk_reader.py")
PACKAGE = "fireworks-ai"

Node = dict[str, Any]


class DriftError(Exception):
    """The SDK could not be installed or read."""


@dataclass(frozen=True, order=True)
class Item:
    path: str  # dotted JSON names from the job, "[]" for list items, "{}" for map values
    what: str  # "field", "enum value", "shape"
    detail: str


@dataclass
class Drift:
    lacking: list[Item] = field(default_factory=list)  # the SDK has it, the spec does not
    dropped: list[Item] = field(default_factory=list)  # the spec has it, the SDK does not


# --- the spec as a tree of the same shape as sdk_reader's -------------------------------------------


def _resolve(spec: Mapping[str, Any], schema: Any) -> Any:
    for _ in range(50):
        if not (isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str)):
            return schema
        target: Any = spec
        for token in schema["$ref"].removeprefix("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        schema = target
    raise DriftError("$ref chain too long")


def spec_tree(spec: Mapping[str, Any], schema: Any, seen: tuple[str, ...] = ()) -> Node:
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    if isinstance(ref, str) and ref in seen:
        return {"kind": "object", "name": ref.rsplit("/", 1)[-1], "fields": None}
    here = (*seen, ref) if isinstance(ref, str) else seen
    schema = _resolve(spec, schema)
    if not isinstance(schema, Mapping):
        return {"kind": "scalar", "type": "any"}
    if "enum" in schema:
        return {"kind": "enum", "values": [str(value) for value in schema["enum"]]}
    for keyword in ("oneOf", "anyOf"):
        variants = [v for v in schema.get(keyword) or () if _resolve(spec, v).get("type") != "null"]
        if len(variants) == 1:
            return spec_tree(spec, variants[0], here)
        if variants:
            return {"kind": "union", "variants": [spec_tree(spec, v, here) for v in variants]}
    types = schema.get("type")
    types = [types] if isinstance(types, str) else [t for t in types or () if t != "null"]
    if "array" in types:
        return {"kind": "array", "items": spec_tree(spec, schema.get("items", {}), here)}
    properties: Mapping[str, Any] = schema.get("properties") or {}
    extra = schema.get("additionalProperties")
    if "object" in types or properties:
        if not properties and isinstance(extra, Mapping) and extra:
            return {"kind": "map", "values": spec_tree(spec, extra, here)}
        fields = {name: spec_tree(spec, sub, here) for name, sub in properties.items()}
        return {"kind": "object", "name": str(ref or "").rsplit("/", 1)[-1], "fields": fields}
    return {"kind": "scalar", "type": "|".join(types) or "any"}


# --- comparison -------------------------------------------------------------------------------------


def describe(node: Node) -> str:
    kind = node["kind"]
    if kind == "object":
        count = len(node["fields"] or ())
        return f"object ({count} field{'' if count == 1 else 's'})" if count else "object"
    if kind == "enum":
        return f"enum ({len(node['values'])} values)"
    if kind == "map":
        return f"map of {describe(node['values'])}"
    if kind == "array":
        return f"list of {describe(node['items'])}"
    if kind == "union":
        return " | ".join(describe(v) for v in node["variants"])
    return str(node.get("type", "any"))


def compare(sdk: Node, spec: Node, path: str = "", drift: Drift | None = None) -> Drift:
    """Walk both trees; a field missing on one side is reported once, not its nested fields."""
    drift = drift if drift is not None else Drift()
    kinds = sdk["kind"], spec["kind"]
    if kinds == ("object", "object"):
        sdk_fields: Mapping[str, Node] = sdk["fields"] or {}
        spec_fields: Mapping[str, Node] = spec["fields"] or {}
        if sdk["fields"] is None or spec["fields"] is None:
            return drift  # a recursive model, walked once already
        for name, sub in sdk_fields.items():
            if name not in spec_fields:
                drift.lacking += _everything(sub, _join(path, name))
        for name, sub in spec_fields.items():
            if name not in sdk_fields:
                drift.dropped += _everything(sub, _join(path, name))
        for name in sdk_fields:
            if name in spec_fields:
                compare(sdk_fields[name], spec_fields[name], _join(path, name), drift)
    elif kinds == ("enum", "enum"):
        for value in sdk["values"]:
            if value not in spec["values"]:
                drift.lacking.append(Item(path, "enum value", value))
        for value in spec["values"]:
            if value not in sdk["values"]:
                drift.dropped.append(Item(path, "enum value", value))
    elif kinds == ("map", "map"):
        compare(sdk["values"], spec["values"], path + "{}", drift)
    elif kinds == ("array", "array"):
        compare(sdk["items"], spec["items"], path + "[]", drift)
    elif "scalar" in kinds and "union" not in kinds and "enum" not in kinds and kinds[0] != kinds[1]:
        # The SDK gives the field a structure (object, map, list) the spec does not, or drops one.
        item = Item(path, "shape", f"SDK: {describe(sdk)}; spec: {describe(spec)}")
        (drift.lacking if spec["kind"] == "scalar" else drift.dropped).append(item)
    elif kinds[0] != kinds[1] and "union" not in kinds and "scalar" not in kinds:
        drift.lacking.append(Item(path, "shape", f"SDK: {describe(sdk)}; spec: {describe(spec)}"))
    # scalar vs scalar, enum vs scalar, unions: not compared (int64 travels as a string, the SDK
    # may type an enum as str): the JSON names and enum values are what this report is about.
    return drift


def _everything(node: Node, path: str) -> list[Item]:
    """A field one side lacks, then each field and enum value inside it (the other side lacks them all)."""
    items = [Item(path, "field", describe(node))]
    items += _inside(node, path)
    return items


def _inside(node: Node, path: str) -> list[Item]:
    if node["kind"] == "object":
        return [item for name, sub in (node["fields"] or {}).items() for item in _everything(sub, _join(path, name))]
    if node["kind"] == "enum":
        return [Item(path, "enum value", value) for value in node["values"]]
    if node["kind"] == "map":
        return _inside(node["values"], path + "{}")
    if node["kind"] == "array":
        return _inside(node["items"], path + "[]")
    return []


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def render(drift: Drift, sdk_label: str, spec_label: str) -> str:
    lines = [f"API drift: {sdk_label}", f"       vs  {spec_label}", ""]
    width = max((len(item.path) for item in drift.lacking + drift.dropped), default=10) + 2
    if drift.lacking:
        lines.append(f"The SDK has, the spec lacks ({len(drift.lacking)}): add them to the spec")
        lines += [f"  {item.what:<10}  {item.path:<{width}} {item.detail}" for item in drift.lacking]
    else:
        lines.append("The spec has every field and enum value the SDK has.")
    lines.append("")
    if drift.dropped:
        lines.append(f"The spec has, the SDK dropped ({len(drift.dropped)}): informational, keep them unless the API")
        lines.append("removed them (servers and old jobs may still send them)")
        lines += [f"  {item.what:<10}  {item.path:<{width}} {item.detail}" for item in drift.dropped]
    else:
        lines.append("The SDK has every field and enum value the spec has.")
    return "\n".join(lines) + "\n"


# --- running the reader -----------------------------------------------------------------------------


def read_sdk(python: str) -> dict[str, Any]:
    result = subprocess.run([python, str(READER)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise DriftError(f"reading the SDK's model failed:\n{result.stderr.strip()}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def read_sdk_in_scratch_venv(version: str | None) -> dict[str, Any]:
    """Install fireworks-ai (newest, or ``version``) into a throw-away venv and read its model there."""
    requirement = f"{PACKAGE}=={version}" if version else PACKAGE
    with tempfile.TemporaryDirectory(prefix="api-drift-") as scratch:
        venv = Path(scratch) / "venv"
        print(f"api-drift: installing {requirement} into a scratch environment ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        python = str(venv / "bin" / "python")
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", requirement]
        installed = subprocess.run(pip, capture_output=True, text=True, timeout=900)
        if installed.returncode != 0:
            raise DriftError(f"pip could not install {requirement}:\n{installed.stderr.strip()}")
        return read_sdk(python)


def run(sdk: Mapping[str, Any], spec: Mapping[str, Any], spec_name: str = SPEC_NAME) -> tuple[str, int]:
    """The report and the exit status (1 when the spec lacks something the SDK has)."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    if SCHEMA not in schemas:
        raise DriftError(f"{spec_name} has no components/schemas/{SCHEMA}")
    tree = spec_tree(spec, {"$ref": f"#/components/schemas/{SCHEMA}"})
    drift = compare(sdk["tree"], tree)
    drift.lacking.sort(key=lambda item: item.path)  # stable: enum values keep their order
    drift.dropped.sort(key=lambda item: item.path)
    sdk_label = f"{sdk['package']} {sdk['version']} ({sdk['model']})"
    spec_label = f"{spec_name} {spec.get('info', {}).get('version')} (components/schemas/{SCHEMA})"
    text = render(drift, sdk_label, spec_label)
    if drift.lacking:
        text += (
            f"\napi-drift: the spec lacks {len(drift.lacking)} field(s) or value(s) of {sdk['package']} "
            f"{sdk['version']}: edit the spec, then see README 'When the API changes'\n"
        )
        return text, 1
    return text + f"\napi-drift: the spec has all that {sdk['package']} {sdk['version']} has\n", 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.api_drift", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sdk-version", help=f"the {PACKAGE} version to compare with (default: the newest)")
    parser.add_argument("--python", help=f"an interpreter that already has {PACKAGE} (no install, no network)")
    parser.add_argument("--spec", default=str(ROOT / SPEC_NAME), help="the spec to compare (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        sdk = read_sdk(args.python) if args.python else read_sdk_in_scratch_venv(args.sdk_version)
        if args.python and args.sdk_version and sdk["version"] != args.sdk_version:
            raise DriftError(f"{args.python} has {PACKAGE} {sdk['version']}, not {args.sdk_version}")
        spec_path = Path(args.spec)
        name = str(spec_path.relative_to(ROOT)) if spec_path.is_relative_to(ROOT) else str(spec_path)
        spec = yaml.safe_load(spec_path.read_text())
        text, status = run(sdk, spec, name)
        operations_text, operations_status = api_drift_operations.run(sdk["operations"], spec)
    except (DriftError, api_drift_operations.OperationsReadError, subprocess.SubprocessError, OSError) as error:
        print(f"api-drift: {error}", file=sys.stderr)
        return 2
    print(text + "\n" + operations_text, end="")
    return max(status, operations_status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
