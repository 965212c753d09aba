"""Has the API moved again? Compare the spec with Fireworks' official SDK (make api-drift).

``fireworks-ai`` is regenerated from Fireworks' own spec whenever the API changes, so its job
model is the best published picture of what the server sends. This tool installs it (the newest
on the package index, or ``--sdk-version``) into a scratch virtual environment, runs
``tools/sdk_reader.py`` there to read the pydantic model's fields (JSON names, ``Literal`` enum
values, nested models, maps and lists), and compares that tree three ways: with the spec's
``ReinforcementFineTuningJob`` schema (JSON property names, enum values, ``additionalProperties``
maps, ``items``, scalar types and formats), and with the spec as last released
(``openapi/released/``), which tells what the spec itself changed since. It prints:

- what the API has and the spec lacks (fields, enum values, a field the SDK gives another shape
  or an incompatible type: SDK ``int`` is an integer or an int64 string, ``str`` a string or
  enum, ``float`` a number, ``bool`` a boolean, ``datetime`` a date-time string): the spec should
  act; the exit status is 1 for these only;
- informational: what the spec added since the release and the SDK has not caught up with; what
  the spec removed (``x-removed``) or retyped (``x-retyped``) and the SDK still has; old names the
  spec keeps for a rename (``x-renamed-to``); what the SDK dropped that the released spec had
  (servers or old jobs may still send it, e.g. ``JOB_STATE_DELETED``).

Then the same for the operations: tools/api_drift_operations.py compares the SDK's methods on
the resource (create, list, get, cancel, resume, delete) with the spec's operations, their
query parameters and body fields; an operation or parameter the spec lacks also exits 1.

Usage: ``python -m tools.api_drift [--sdk-version X.Y.Z] [--python PATH] [--spec PATH] [--released PATH]``.
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
RELEASED_SPEC_NAME = "openapi/released/fireworks-rft.yaml"
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
    lacking: list[Item] = field(default_factory=list)  # the SDK has it, the spec does not (or another type)
    dropped: list[Item] = field(default_factory=list)  # the spec has it, the SDK does not
    # What classify() moves out of the two lists above, all informational:
    ahead: list[Item] = field(default_factory=list)  # the spec added it since the release; the SDK has not
    removed: list[Item] = field(default_factory=list)  # the spec removed or retyped it; the SDK still has it
    renamed: list[Item] = field(default_factory=list)  # an old name the spec keeps (x-renamed-to)


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
        fields = {name: _with_changes(spec_tree(spec, sub, here), sub) for name, sub in properties.items()}
        node = {"kind": "object", "name": str(ref or "").rsplit("/", 1)[-1], "fields": fields}
        removed = schema.get("x-removed")
        if isinstance(removed, Mapping) and removed:
            node["removed"] = sorted(str(name) for name in removed)
        return node
    scalar = {"kind": "scalar", "type": "|".join(types) or "any"}
    return {**scalar, "format": str(schema["format"])} if "format" in schema else scalar


def _with_changes(node: Node, prop: Any) -> Node:
    """The property's own record of an API change (x-renamed-to, deprecated, x-retyped) on its node."""
    if not isinstance(prop, Mapping):
        return node
    if isinstance(prop.get("x-renamed-to"), str):
        node = {**node, "renamed_to": prop["x-renamed-to"]}
    if prop.get("deprecated") is True:
        node = {**node, "deprecated": True}
    former = prop.get("x-retyped", {}).get("from") if isinstance(prop.get("x-retyped"), Mapping) else None
    if isinstance(former, Mapping):
        node = {
            **node,
            "retyped_from": {
                "kind": "scalar",
                "type": str(former.get("type", "any")),
                **({"format": str(former["format"])} if "format" in former else {}),
            },
        }
    return node


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
    return " ".join(str(part) for part in (node.get("type", "any"), node.get("format")) if part)


# An SDK scalar type and the spec scalars it fits (the wire: an int64 is a string, an enum a str).
SDK_TYPES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "int": (("integer", None), ("string", "int64"), ("string", "uint64")),
    "str": (("string", None),),
    "float": (("number", None), ("integer", None)),
    "bool": (("boolean", None),),
    "datetime": (("string", "date-time"),),
}


def types_fit(sdk: Node, spec: Node) -> bool:
    """Does the SDK's scalar type fit the spec's (type, format)? Unknown SDK types are not judged."""
    allowed = SDK_TYPES.get(str(sdk.get("type")))
    if allowed is None or spec["kind"] != "scalar":
        return True
    types = set(str(spec.get("type", "")).split("|"))
    return any(t in types and (fmt is None or spec.get("format") == fmt) for t, fmt in allowed)


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
    elif kinds == ("scalar", "scalar") and not types_fit(sdk, spec):
        drift.lacking.append(Item(path, "type", f"SDK: {describe(sdk)}; spec: {describe(spec)}"))
    # enum vs scalar and unions are not compared (the SDK may type an enum as str).
    return drift


# --- three ways: what the spec itself changed since the release ---------------------------------------


@dataclass(frozen=True)
class SpecChanges:
    """What the current spec records about the API's changes, and what the released spec had."""

    released: frozenset[str]  # paths (and path=VALUE enum values) of the released spec
    removed: frozenset[str]  # paths the spec records as removed (x-removed)
    renamed: dict[str, str]  # old path -> new name (x-renamed-to)
    retyped: dict[str, Node]  # path -> the former scalar (x-retyped)


def tree_paths(node: Node, path: str = "") -> set[str]:
    """Every dotted field path and ``path=VALUE`` enum value of a tree."""
    found: set[str] = set()
    if node["kind"] == "object":
        for name, sub in (node["fields"] or {}).items():
            here = _join(path, name)
            found |= {here} | tree_paths(sub, here)
    elif node["kind"] == "enum":
        found |= {f"{path}={value}" for value in node["values"]}
    elif node["kind"] == "map":
        found |= tree_paths(node["values"], path + "{}")
    elif node["kind"] == "array":
        found |= tree_paths(node["items"], path + "[]")
    return found


def spec_changes(current: Node, released: Node | None) -> SpecChanges:
    removed: set[str] = set()
    renamed: dict[str, str] = {}
    retyped: dict[str, Node] = {}

    def walk(node: Node, path: str) -> None:
        if node["kind"] in ("map", "array"):
            walk(node["values" if node["kind"] == "map" else "items"], path + ("{}" if node["kind"] == "map" else "[]"))
        if node["kind"] != "object":
            return
        removed.update(_join(path, name) for name in node.get("removed", ()))
        for name, sub in (node["fields"] or {}).items():
            here = _join(path, name)
            if "renamed_to" in sub:
                renamed[here] = sub["renamed_to"]
            if "retyped_from" in sub:
                retyped[here] = sub["retyped_from"]
            walk(sub, here)

    walk(current, "")
    return SpecChanges(
        frozenset(tree_paths(released)) if released else frozenset(), frozenset(removed), renamed, retyped
    )


def _key(item: Item) -> str:
    return f"{item.path}={item.detail}" if item.what == "enum value" else item.path


def classify(drift: Drift, changes: SpecChanges, sdk: Node) -> Drift:
    """Move out of ``lacking`` and ``dropped`` what the spec did on purpose since the release."""
    lacking, dropped = drift.lacking, drift.dropped
    drift.lacking, drift.dropped = [], []
    for item in lacking:
        retyped = changes.retyped.get(item.path)
        if item.what == "type" and retyped is not None and types_fit(_sdk_node(sdk, item.path), retyped):
            drift.removed.append(Item(item.path, "retyped", f"{item.detail} (x-retyped from {describe(retyped)})"))
        elif _under(item.path, changes.removed) or (
            _key(item) in changes.released and item.what != "type" and item.what != "shape"
        ):
            drift.removed.append(item)  # the spec dropped it since the release (or records it)
        else:
            drift.lacking.append(item)
    for item in dropped:
        if item.path in changes.renamed and item.what == "field":
            drift.renamed.append(Item(item.path, "renamed", f"to {changes.renamed[item.path]} (x-renamed-to)"))
        elif changes.released and _key(item) not in changes.released:
            drift.ahead.append(item)
        else:
            drift.dropped.append(item)
    return drift


def _under(path: str, roots: frozenset[str]) -> bool:
    return any(path == root or path.startswith((f"{root}.", f"{root}{{}}", f"{root}[]")) for root in roots)


def _sdk_node(tree: Node, path: str) -> Node:
    node = tree
    for part in path.split("."):
        node = (node.get("fields") or {}).get(part, {}) if node.get("kind") == "object" else {}
    return node


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


# (attribute of Drift, heading); only the first asks the spec to act.
SECTIONS = (
    ("lacking", "The API has, the spec lacks ({n}): add them to the spec (or fix the type)"),
    ("ahead", "The spec added, the SDK has not caught up ({n}): informational"),
    ("removed", "The spec removed or retyped, the SDK still has ({n}): informational (x-removed, x-retyped)"),
    ("renamed", "Renamed, the old name kept for older servers ({n}): informational (x-renamed-to)"),
    (
        "dropped",
        "The spec has, the SDK dropped ({n}): informational, keep them unless the API\n"
        "removed them (servers and old jobs may still send them)",
    ),
)


def render(drift: Drift, sdk_label: str, spec_label: str) -> str:
    lines = [f"API drift: {sdk_label}", f"       vs  {spec_label}", ""]
    every = [item for name, _ in SECTIONS for item in getattr(drift, name)]
    width = max((len(item.path) for item in every), default=10) + 2
    if not drift.lacking:
        lines += ["The spec has every field, enum value and type the SDK has.", ""]
    for name, heading in SECTIONS:
        items: list[Item] = getattr(drift, name)
        if items:
            lines.append(heading.format(n=len(items)))
            lines += [f"  {item.what:<10}  {item.path:<{width}} {item.detail}" for item in items]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


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


def job_tree(spec: Mapping[str, Any], name: str) -> Node:
    schemas = (spec.get("components") or {}).get("schemas") or {}
    if SCHEMA not in schemas:
        raise DriftError(f"{name} has no components/schemas/{SCHEMA}")
    return spec_tree(spec, {"$ref": f"#/components/schemas/{SCHEMA}"})


def run(
    sdk: Mapping[str, Any],
    spec: Mapping[str, Any],
    spec_name: str = SPEC_NAME,
    released: Mapping[str, Any] | None = None,
) -> tuple[str, int]:
    """The report and the exit status (1 when the spec lacks something the SDK has, or types it otherwise).

    ``released`` is the spec as last released: without it, nothing the spec added counts as its own."""
    tree = job_tree(spec, spec_name)
    drift = compare(sdk["tree"], tree)
    old = job_tree(released, RELEASED_SPEC_NAME) if released is not None else None
    classify(drift, spec_changes(tree, old), sdk["tree"])
    for name, _ in SECTIONS:
        getattr(drift, name).sort(key=lambda item: item.path)  # stable: enum values keep their order
    sdk_label = f"{sdk['package']} {sdk['version']} ({sdk['model']})"
    spec_label = f"{spec_name} {spec.get('info', {}).get('version')} (components/schemas/{SCHEMA})"
    text = render(drift, sdk_label, spec_label)
    if drift.lacking:
        text += (
            f"\napi-drift: the spec lacks {len(drift.lacking)} field(s), value(s) or type(s) of {sdk['package']} "
            f"{sdk['version']}: edit the spec, then see README 'When the API changes'\n"
        )
        return text, 1
    return text + f"\napi-drift: the spec has all that {sdk['package']} {sdk['version']} has\n", 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.api_drift", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sdk-version", help=f"the {PACKAGE} version to compare with (default: the newest)")
    parser.add_argument("--python", help=f"an interpreter that already has {PACKAGE} (no install, no network)")
    parser.add_argument("--spec", default=str(ROOT / SPEC_NAME), help="the spec to compare (default: %(default)s)")
    parser.add_argument(
        "--released", default=str(ROOT / RELEASED_SPEC_NAME), help="the spec as last released (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    try:
        sdk = read_sdk(args.python) if args.python else read_sdk_in_scratch_venv(args.sdk_version)
        if args.python and args.sdk_version and sdk["version"] != args.sdk_version:
            raise DriftError(f"{args.python} has {PACKAGE} {sdk['version']}, not {args.sdk_version}")
        spec_path = Path(args.spec)
        name = str(spec_path.relative_to(ROOT)) if spec_path.is_relative_to(ROOT) else str(spec_path)
        spec = yaml.safe_load(spec_path.read_text())
        released_path = Path(args.released)
        released = yaml.safe_load(released_path.read_text()) if released_path.is_file() else None
        text, status = run(sdk, spec, name, released)
        operations_text, operations_status = api_drift_operations.run(sdk["operations"], spec)
    except (DriftError, api_drift_operations.OperationsReadError, subprocess.SubprocessError, OSError) as error:
        print(f"api-drift: {error}", file=sys.stderr)
        return 2
    print(text + "\n" + operations_text, end="")
    return max(status, operations_status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
