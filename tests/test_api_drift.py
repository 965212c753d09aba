"""make api-drift: the spec against Fireworks' official SDK (tools/api_drift.py, tools/sdk_reader.py).

Offline: the reader runs in the project's own .venv, where requirements-dev.txt pins
fireworks-ai. What the drift must show is derived at test time from the current-API sheet, as
the repository keeps it (reference/current-api.json, written from ../shared/reference/current-api.md
by tools/current_api.py, so a clone with nothing beside it runs this too), and the spec as it
is, so the test stays true when the spec catches up: a field the sheet marks new is reported as
lacking exactly while the spec lacks it.
"""

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import api_drift
from tools.current_api import load_current_api, walk
from tools.prism import ROOT

from .conftest import load_spec


def pinned_sdk_version() -> str:
    match = re.search(r"^fireworks-ai==(\S+)$", (ROOT / "requirements-dev.txt").read_text(), flags=re.M)
    assert match, "requirements-dev.txt pins no fireworks-ai"
    return match.group(1)


@pytest.fixture(scope="module")
def sdk() -> dict[str, Any]:
    return api_drift.read_sdk(sys.executable)


def spec_paths(node: dict[str, Any], path: str = "") -> set[str]:
    """Every dotted field path and ``path=VALUE`` enum value of a tree."""
    found: set[str] = set()
    if node["kind"] == "object":
        for name, sub in (node["fields"] or {}).items():
            here = f"{path}.{name}" if path else name
            found |= {here} | spec_paths(sub, here)
    elif node["kind"] == "enum":
        found |= {f"{path}={value}" for value in node["values"]}
    elif node["kind"] == "map":
        found |= spec_paths(node["values"], path + "{}")
    elif node["kind"] == "array":
        found |= spec_paths(node["items"], path + "[]")
    return found


def sheet_expectations() -> tuple[set[str], set[str]]:
    """(paths the SDK has and the sheet marks new or renamed, paths the sheet says the SDK dropped).

    New: each field marked + with everything inside it (its fields, an inline enum's values), and
    each rename's new name. Dropped: each rename's old name, each field the SDK no longer lists,
    and each enum value it dropped (``state=JOB_STATE_DELETED``).
    """
    data = load_current_api()
    new: set[str] = set()
    dropped: set[str] = set()
    new_prefixes: list[str] = []
    for field in walk(data):
        parent = field.path.rpartition(".")[0]
        if field.entry["new"] or any(field.path.startswith(prefix) for prefix in new_prefixes) or field.renamed_from:
            new.add(field.path)
            new |= {f"{field.path}={value}" for value in field.entry.get("enum", [])}
            if field.entry["new"]:
                new_prefixes.append(field.path + ".")
        dropped |= {f"{parent}.{old}" if parent else old for old in field.renamed_from}
        if field.dropped:
            dropped.add(field.path)
        enum_facts = data["enums"].get(field.entry.get("schema")) if field.entry["kind"] == "enum" else None
        dropped |= {f"{field.path}={value}" for value in (enum_facts or {}).get("dropped", [])}
    assert len(new) >= 20 and len(dropped) >= 4, (new, dropped)  # the sheet was read
    return new, dropped


def reported(output: str, heading: str) -> set[str]:
    """The paths (and path=VALUE for enum values) listed under one heading of the report."""
    block = output.split(heading, 1)[1].split("\n\n", 1)[0] if heading in output else ""
    found = set()
    for line in block.splitlines():
        match = re.match(r"  (field|enum value|shape|type|renamed|retyped)\s+(\S+)\s+(.*)$", line)
        if match:
            found.add(match.group(2) if match.group(1) != "enum value" else f"{match.group(2)}={match.group(3)}")
    return found


# --- on the pinned SDK ------------------------------------------------------------------------


def test_reader_reads_the_pinned_sdk(sdk: dict[str, Any]) -> None:
    assert sdk["package"] == "fireworks-ai" and sdk["version"] == pinned_sdk_version()
    assert sdk["model"] == "fireworks.types.reinforcement_fine_tuning_job.ReinforcementFineTuningJob"
    tree = sdk["tree"]
    fields = tree["fields"]
    assert tree["kind"] == "object" and {"name", "state", "trainingConfig", "createTime"} <= set(fields)
    assert all("_" not in name for name in fields), "JSON names (aliases), not Python attribute names"
    assert fields["state"]["kind"] == "enum" and "JOB_STATE_RUNNING" in fields["state"]["values"]  # Optional[Literal]
    assert fields["status"]["fields"]["code"]["values"][0] == "OK"  # a nested model
    region = fields["trainingConfig"]["fields"]["region"]
    assert region["kind"] == "enum" and "US_OHIO_1" in region["values"]
    assert fields["acceleratorSeconds"] == {
        "kind": "map",
        "values": {"kind": "scalar", "type": "str"},
    }  # Dict[str, str]
    assert fields["lossConfig"]["fields"]["dpo"]["kind"] == "object"  # two levels down
    assert fields["createTime"] == {"kind": "scalar", "type": "datetime"}


def test_drift_on_the_pinned_sdk_shows_what_the_sheet_lists(capsys: pytest.CaptureFixture[str]) -> None:
    status = api_drift.main(["--python", sys.executable])
    output = capsys.readouterr().out
    spec_has = spec_paths(api_drift.spec_tree(load_spec(), {"$ref": "#/components/schemas/ReinforcementFineTuningJob"}))
    new, dropped = sheet_expectations()
    lacking = reported(output, "The API has, the spec lacks")
    # A renamed field's old name is listed as renamed, whatever else the SDK dropped as dropped.
    gone = reported(output, "The spec has, the SDK dropped") | reported(output, "Renamed, the old name kept")
    for path in sorted(new):
        assert (path in lacking) == (path not in spec_has), f"{path}: spec has it: {path in spec_has}\n{output}"
    for path in sorted(dropped):
        assert (path in gone) == (path in spec_has), f"{path}: spec has it: {path in spec_has}\n{output}"
    assert f"API drift: fireworks-ai {pinned_sdk_version()} (" in output
    assert status == (1 if lacking else 0)
    if lacking:
        assert f"the spec lacks {len(lacking)} field(s), value(s) or type(s) of fireworks-ai" in output


def test_a_spec_with_everything_the_sdk_has_passes(
    sdk: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = load_spec()
    job = spec["components"]["schemas"]["ReinforcementFineTuningJob"] = as_schema(sdk["tree"])
    # The create body sends every field the SDK's create sends (a spec that renamed or deprecated
    # one has the records on the job schema this replaces); the other schemas serve the operations.
    body = spec["components"]["schemas"]["ReinforcementFineTuningJobInput"]["properties"]
    for name in sdk["operations"]["operations"]["create"]["body"]:
        body.setdefault(name, job["properties"][name])
    (tmp_path / "spec.yaml").write_text(yaml.safe_dump(spec))
    assert api_drift.main(["--python", sys.executable, "--spec", str(tmp_path / "spec.yaml")]) == 0
    output = capsys.readouterr().out
    assert "The spec has every field, enum value and type the SDK has." in output
    assert "The spec has, the SDK dropped" not in output


def test_the_make_target_runs_the_tool() -> None:
    # Only the wiring: make -n prints the command; the install itself needs the package index.
    result = subprocess.run(
        ["make", "-n", "api-drift", "SDK_VERSION=1.2.30"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "python -m tools.api_drift --sdk-version 1.2.30" in result.stdout


def test_a_version_other_than_the_installed_one_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert api_drift.main(["--python", sys.executable, "--sdk-version", "0.0.1"]) == 2
    assert f"has fireworks-ai {pinned_sdk_version()}, not 0.0.1" in capsys.readouterr().err


def as_schema(node: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI schema with exactly the shape of a reader tree."""
    kind = node["kind"]
    if kind == "object":
        return {"type": "object", "properties": {k: as_schema(v) for k, v in (node["fields"] or {}).items()}}
    if kind == "enum":
        return {"type": "string", "enum": node["values"]}
    if kind == "map":
        return {"type": "object", "additionalProperties": as_schema(node["values"])}
    if kind == "array":
        return {"type": "array", "items": as_schema(node["items"])}
    if node["type"] == "datetime":
        return {"type": "string", "format": "date-time"}
    return {"type": {"int": "integer", "float": "number", "bool": "boolean"}.get(node["type"], "string")}


# --- the comparison, on small inputs -------------------------------------------------------------


def obj(**fields: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "object", "name": "X", "fields": fields}


def enum(*values: str) -> dict[str, Any]:
    return {"kind": "enum", "values": list(values)}


STR = {"kind": "scalar", "type": "str"}  # the SDK's
TEXT = {"kind": "scalar", "type": "string"}  # the spec's


def test_a_missing_field_is_lacking_with_all_it_holds() -> None:
    drift = api_drift.compare(obj(a=STR, b=obj(c=STR, d=enum("X", "Y"))), obj(a=TEXT))
    assert [(i.path, i.what, i.detail) for i in drift.lacking] == [
        ("b", "field", "object (2 fields)"),
        ("b.c", "field", "str"),
        ("b.d", "field", "enum (2 values)"),
        ("b.d", "enum value", "X"),
        ("b.d", "enum value", "Y"),
    ]
    assert drift.dropped == []


def test_a_missing_enum_value_is_lacking_and_an_extra_one_dropped() -> None:
    drift = api_drift.compare(obj(s=enum("A", "B", "NEW")), obj(s=enum("A", "B", "OLD")))
    assert drift.lacking == [api_drift.Item("s", "enum value", "NEW")]
    assert drift.dropped == [api_drift.Item("s", "enum value", "OLD")]


def test_a_field_the_sdk_dropped_is_informational() -> None:
    sdk = {"package": "fireworks-ai", "version": "9.9", "model": "m", "tree": obj(a=STR)}
    spec = {
        "info": {"version": "0.1.0"},
        "components": {
            "schemas": {
                "ReinforcementFineTuningJob": {
                    "type": "object",
                    "properties": {"a": {"type": "string"}, "legacy": {"type": "integer"}},
                }
            }
        },
    }
    text, status = api_drift.run(sdk, spec)
    assert status == 0
    assert re.search(r"^  field\s+legacy\s+integer$", text, flags=re.M)
    assert "informational, keep them" in text


def test_exit_status_is_one_when_the_spec_lacks_something() -> None:
    k_schema: dict[str, Any] = {"type": "string", "enum": []}
    m_schema: dict[str, Any] = {"type": "object", "properties": {}}
    sdk = {
        "package": "fireworks-ai",
        "version": "9.9",
        "model": "m",
        "tree": obj(a=STR, m={"kind": "map", "values": obj(n=STR)}, l={"kind": "array", "items": obj(k=enum("K"))}),
    }
    spec = {
        "info": {"version": "0.1.0"},
        "components": {
            "schemas": {
                "ReinforcementFineTuningJob": {
                    "type": "object",
                    "properties": {
                        "a": {"type": "string"},
                        "m": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/M"}},
                        "l": {"type": "array", "items": {"type": "object", "properties": {"k": k_schema}}},
                    },
                },
                "M": m_schema,
            }
        },
    }
    text, status = api_drift.run(sdk, spec)
    assert status == 1
    assert re.search(r"^  field\s+m\{\}\.n\s+str$", text, flags=re.M)  # inside a map, through a $ref
    assert re.search(r"^  enum value\s+l\[\]\.k\s+K$", text, flags=re.M)  # inside a list
    assert "the spec lacks 2 field(s), value(s) or type(s) of fireworks-ai 9.9" in text
    m_schema["properties"] = {"n": {"type": "string"}}
    k_schema["enum"] = ["K"]
    assert api_drift.run(sdk, spec)[1] == 0


def test_a_field_with_another_shape_is_lacking() -> None:
    drift = api_drift.compare(obj(a=obj(b=STR)), obj(a=TEXT))
    assert drift.lacking == [api_drift.Item("a", "shape", "SDK: object (1 field); spec: string")]


def test_reader_output_is_json_with_the_documented_keys() -> None:
    result = subprocess.run([sys.executable, str(api_drift.READER)], capture_output=True, text=True, check=True)
    assert set(json.loads(result.stdout)) == {"package", "version", "model", "tree", "operations"}


# --- three ways: the SDK, the spec, the spec as released --------------------------------------------


def job_spec(properties: dict[str, Any], **extensions: Any) -> dict[str, Any]:
    job = {"type": "object", "properties": properties, **extensions}
    return {"info": {"version": "0.2.0"}, "components": {"schemas": {"ReinforcementFineTuningJob": job}}}


SDK_INFO = {"package": "fireworks-ai", "version": "9.9", "model": "m"}
INT = {"kind": "scalar", "type": "int"}


def sections(text: str) -> dict[str, set[str]]:
    return {name: reported(text, heading.split(" (", 1)[0]) for name, heading in api_drift.SECTIONS}


@pytest.mark.parametrize(
    ("sdk_type", "spec_type", "fits"),
    [
        ("int", {"type": "integer", "format": "int32"}, True),
        ("int", {"type": "string", "format": "int64"}, True),  # an int64 travels as a string
        ("int", {"type": "string"}, False),
        ("str", {"type": "string", "format": "int64"}, True),
        ("str", {"type": "integer", "format": "int32"}, False),
        ("float", {"type": "number", "format": "float"}, True),
        ("bool", {"type": "string"}, False),
        ("datetime", {"type": "string", "format": "date-time"}, True),
        ("datetime", {"type": "string"}, False),
    ],
)
def test_types_and_formats_are_compared(sdk_type: str, spec_type: dict[str, Any], fits: bool) -> None:
    sdk = {**SDK_INFO, "tree": obj(a={"kind": "scalar", "type": sdk_type})}
    text, status = api_drift.run(sdk, job_spec({"a": spec_type}))
    assert status == (0 if fits else 1), text
    assert (sections(text)["lacking"] == {"a"}) != fits, text


def test_the_spec_added_is_not_the_sdk_dropped() -> None:
    """Against the released spec: what the spec added since is ahead of the SDK, what it had the SDK dropped."""
    sdk = {**SDK_INFO, "tree": obj(a=STR)}
    released = job_spec({"a": {"type": "string"}, "old": {"type": "string"}})
    current = job_spec({"a": {"type": "string"}, "old": {"type": "string"}, "fresh": {"type": "string"}})
    text, status = api_drift.run(sdk, current, released=released)
    assert status == 0, text
    found = sections(text)
    assert found["ahead"] == {"fresh"} and found["dropped"] == {"old"}, text
    assert "The spec added, the SDK has not caught up (1): informational" in text


def test_what_the_spec_removed_or_retyped_is_not_asked_back() -> None:
    """The SDK still has a field the spec removed (x-removed) and the old type of one it retyped (x-retyped)."""
    sdk = {**SDK_INFO, "tree": obj(a=STR, gone=STR, n=INT)}
    retyped = {"type": "string", "x-retyped": {"version": "0.2.0", "from": {"type": "integer", "format": "int32"}}}
    current = job_spec({"a": {"type": "string"}, "n": retyped}, **{"x-removed": {"gone": "0.2.0"}})
    text, status = api_drift.run(sdk, current)
    assert status == 0, text
    assert sections(text)["removed"] == {"gone", "n"} and not sections(text)["lacking"], text
    assert re.search(r"^  retyped\s+n\s+SDK: int; spec: string \(x-retyped from integer int32\)$", text, re.M), text
    # Without the records, the spec is asked to act on both.
    del current["components"]["schemas"]["ReinforcementFineTuningJob"]["x-removed"]
    retyped.pop("x-retyped")
    text, status = api_drift.run(sdk, current)
    assert status == 1 and sections(text)["lacking"] == {"gone", "n"}, text


def test_a_rename_is_recognised() -> None:
    sdk = {**SDK_INFO, "tree": obj(newName=STR)}
    old = {"type": "string", "deprecated": True, "x-renamed-to": "newName"}
    text, status = api_drift.run(sdk, job_spec({"oldName": old, "newName": {"type": "string"}}))
    assert status == 0, text
    assert sections(text)["renamed"] == {"oldName"} and not sections(text)["dropped"], text
    assert re.search(r"^  renamed\s+oldName\s+to newName \(x-renamed-to\)$", text, re.M), text
