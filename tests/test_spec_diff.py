"""The version rule knows what kind of change a spec change is (tools/spec_diff.py, tools/release.py).

Each class of change is made on a scratch copy of the release inputs (the spec, CHANGELOG.md,
generator-config.yaml, the released spec and its record, re-recorded there so that the spec as
it is now is the baseline): a bump too small for it must fail with the change's JSON pointer and
the bump it needs in the message, and a big enough bump must pass. Pointers and versions are
computed from the spec, so the tests hold when the spec grows. Below, the classifier's rules are
checked on small documents.
"""

import copy
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.version import Version

from tools import release, spec_diff
from tools.prism import ROOT

from .spec_fields import example_field
from .test_release import clean_env, make_scratch_repo, run

PATH = "/v1/accounts/{account_id}/reinforcementFineTuningJobs/{reinforcement_fine_tuning_job_id}"
OPERATION = spec_diff.join("/paths", PATH, "get")
SCHEMAS = "/components/schemas"
Spec = dict[str, Any]
# Pointers and versions are computed from the spec as it is, so the tests hold as the spec grows.
BASE: Spec = yaml.safe_load((ROOT / release.SPEC_NAME).read_text())
V0 = Version(BASE["info"]["version"])
PARAMS = [p["name"] for p in BASE["paths"][PATH]["get"]["parameters"]]


def release_inputs(root: Path) -> Path:
    """Copy just what ``release.check`` reads."""
    for name in (
        release.SPEC_NAME,
        release.RECORD_NAME,
        release.RELEASED_SPEC_NAME,
        "CHANGELOG.md",
        release.CONFIG_NAME,
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)
    release.record(root)  # the baseline is the spec as it is (it may be ahead of the last release)
    return root


def load(root: Path) -> Spec:
    spec: Spec = yaml.safe_load((root / release.SPEC_NAME).read_text())
    return spec


def save(root: Path, spec: Spec) -> None:
    (root / release.SPEC_NAME).write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))


def set_version(root: Path, version: str) -> None:
    """info.version := version, with a CHANGELOG entry, keeping the rest of the text as it is."""
    spec_path = root / release.SPEC_NAME
    text = spec_path.read_text()
    current = release.spec_version(root)
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):  # the first "version:" of info (block or flow YAML dumps alike)
        if line.strip() == f"version: {current}":
            lines[index] = line.replace(current, version)
            break
    else:
        raise AssertionError("no info.version line")
    spec_path.write_text("".join(lines))
    assert release.spec_version(root) == version
    changelog = root / "CHANGELOG.md"
    if version not in release.changelog_versions(root):
        changelog.write_text(
            changelog.read_text().replace("\n## ", f"\n## {version} - 2026-12-01\n\n- Test.\n\n## ", 1)
        )


def param(spec: Spec, name: str) -> dict[str, Any]:
    params: list[dict[str, Any]] = spec["paths"][PATH]["get"]["parameters"]
    return next(p for p in params if p["name"] == name)


def schema(spec: Spec, name: str) -> dict[str, Any]:
    found: dict[str, Any] = spec["components"]["schemas"][name]
    return found


def props(spec: Spec, name: str) -> dict[str, Any]:
    found: dict[str, Any] = schema(spec, name)["properties"]
    return found


def rename(mapping: dict[str, Any], old: str, new: str) -> None:
    items = [(new if key == old else key, value) for key, value in mapping.items()]
    mapping.clear()
    mapping.update(items)


def remove_field(s: Spec) -> None:
    del props(s, "TrainingConfig")[INT_NAME]


def rename_field(s: Spec) -> None:
    rename(props(s, "TrainingConfig"), "warmStartFrom", "warmStartModel")


def change_type(s: Spec) -> None:
    props(s, "TrainingConfig")[INT_NAME]["type"] = "string"


def change_format(s: Spec) -> None:
    props(s, "TrainingConfig")["learningRate"]["format"] = "double"


def require_field(s: Spec) -> None:
    schema(s, "ReinforcementFineTuningJob")["required"] = ["dataset"]


def add_required_field(s: Spec) -> None:
    props(s, "WandbConfig")["team"] = {"type": "string"}
    schema(s, "WandbConfig")["required"] = ["team"]


def remove_enum_value(s: Spec) -> None:
    schema(s, "Region")["enum"].remove("US_OHIO_1")


def narrow_constraint(s: Spec) -> None:
    param(s, "account_id")["schema"]["minLength"] = 3


def add_constraint(s: Spec) -> None:
    props(s, "TrainingConfig")[INT_NAME]["maximum"] = 100


def remove_parameter(s: Spec) -> None:
    s["paths"][PATH]["get"]["parameters"].remove(param(s, "readMask"))


def add_required_parameter(s: Spec) -> None:
    s["paths"][PATH]["get"]["parameters"].append({"name": "view", "in": "query", "required": True, "schema": {}})


def remove_response(s: Spec) -> None:
    del s["paths"][PATH]["get"]["responses"]["503"]


def retarget_ref(s: Spec) -> None:
    s["components"]["schemas"]["TrainingConfigV2"] = copy.deepcopy(schema(s, "TrainingConfig"))
    props(s, "ReinforcementFineTuningJob")["trainingConfig"] = {"$ref": "#/components/schemas/TrainingConfigV2"}


def end_terminal_state(s: Spec) -> None:
    del schema(s, "JobState")["x-job-state-outcomes"]["JOB_STATE_EXPIRED"]


def add_optional_field(s: Spec) -> None:
    props(s, "TrainingConfig")["gradientClipNorm"] = {"type": "integer", "format": "int32"}


def add_enum_value(s: Spec) -> None:
    schema(s, "JobState")["enum"].append("JOB_STATE_ARCHIVED")


def add_response(s: Spec) -> None:
    s["paths"][PATH]["get"]["responses"]["502"] = {"$ref": "#/components/responses/Unavailable"}


def add_optional_parameter(s: Spec) -> None:
    s["paths"][PATH]["get"]["parameters"].append({"name": "view", "in": "query", "schema": {"type": "string"}})


def deprecate_field(s: Spec) -> None:
    props(s, "TrainingConfig")["batchSize"]["deprecated"] = True


def widen_constraint(s: Spec) -> None:
    del param(s, "reinforcement_fine_tuning_job_id")["schema"]["minLength"]


def change_description(s: Spec) -> None:
    schema(s, "TrainingConfig")["description"] = "The training settings."


def change_example(s: Spec) -> None:
    example = s["paths"][PATH]["get"]["responses"]["200"]["content"]["application/json"]["examples"]["reference"]
    example["value"]["displayName"] = "my job"


B, A, P = spec_diff.Kind.BREAKING, spec_diff.Kind.ADDITIVE, spec_diff.Kind.PATCH
T = f"{SCHEMAS}/TrainingConfig"
# An int field of TrainingConfig, from the spec (any will do).
INT_NAME = example_field("integer", "int32", under="trainingConfig").name
# (edit, class, the pointer the message must name)
CASES: dict[str, tuple[Callable[[Spec], None], spec_diff.Kind, str]] = {
    "removed field": (remove_field, B, f"{T}/properties/{INT_NAME}"),
    "renamed field": (rename_field, B, f"{T}/properties/warmStartFrom"),
    "changed type": (change_type, B, f"{T}/properties/{INT_NAME}/type"),
    "changed format": (change_format, B, f"{T}/properties/learningRate/format"),
    "newly required field": (require_field, B, f"{SCHEMAS}/ReinforcementFineTuningJob/required"),
    "added required field": (add_required_field, B, f"{SCHEMAS}/WandbConfig/properties/team"),
    "removed enum value": (
        remove_enum_value,
        B,
        f"{SCHEMAS}/Region/enum/{BASE['components']['schemas']['Region']['enum'].index('US_OHIO_1')}",
    ),
    "narrowed constraint": (
        narrow_constraint,
        B,
        f"{OPERATION}/parameters/{PARAMS.index('account_id')}/schema/minLength",
    ),
    "added constraint": (add_constraint, B, f"{T}/properties/{INT_NAME}/maximum"),
    "removed parameter": (remove_parameter, B, f"{OPERATION}/parameters/{PARAMS.index('readMask')}"),
    "added required parameter": (add_required_parameter, B, f"{OPERATION}/parameters/{len(PARAMS)}"),
    "removed response": (remove_response, B, f"{OPERATION}/responses/503"),
    "changed $ref": (retarget_ref, B, f"{SCHEMAS}/ReinforcementFineTuningJob/properties/trainingConfig/$ref"),
    "state no longer terminal": (end_terminal_state, B, f"{SCHEMAS}/JobState/x-job-state-outcomes/JOB_STATE_EXPIRED"),
    "added optional field": (add_optional_field, A, f"{T}/properties/gradientClipNorm"),
    "added enum value": (
        add_enum_value,
        A,
        f"{SCHEMAS}/JobState/enum/{len(BASE['components']['schemas']['JobState']['enum'])}",
    ),
    "added response": (add_response, A, f"{OPERATION}/responses/502"),
    "added optional parameter": (add_optional_parameter, A, f"{OPERATION}/parameters/{len(PARAMS)}"),
    "deprecated field": (deprecate_field, A, f"{T}/properties/batchSize/deprecated"),
    "widened constraint": (
        widen_constraint,
        A,
        f"{OPERATION}/parameters/{PARAMS.index('reinforcement_fine_tuning_job_id')}/schema/minLength",
    ),
    "description only": (change_description, P, f"{T}/description"),
    "example only": (change_example, P, f"{OPERATION}/responses/200/content/application~1json/examples"),
}


def need_of(kind: spec_diff.Kind) -> spec_diff.Bump:
    return spec_diff.required_bump([spec_diff.Change("", kind, "")], V0)


def version_after(bump: spec_diff.Bump) -> str:
    return str(V0) if bump == spec_diff.Bump.NONE else spec_diff.smallest_version(V0, bump)


@pytest.mark.parametrize("case", list(CASES))
def test_each_class_of_change_needs_its_bump(tmp_path: Path, case: str) -> None:
    edit, kind, pointer = CASES[case]
    need = need_of(kind)  # while the major version is 0: minor for breaking and additive, patch for the rest
    too_small, enough = version_after(spec_diff.Bump(need - 1)), version_after(need)
    root = release_inputs(tmp_path)
    spec = load(root)
    edit(spec)
    save(root, spec)
    changes = release.spec_changes(root, release.Release(str(V0), release.spec_sha256(ROOT)))
    assert any(c.pointer == pointer and c.kind == kind for c in changes), changes
    assert max(c.kind for c in changes) == kind, changes  # the edit is no worse than its class

    set_version(root, too_small)
    with pytest.raises(release.ReleaseRuleError) as caught:
        release.check(root)
    message = str(caught.value)
    first, *lines = message.splitlines()
    assert f"needs a {need.name.lower()} bump" in first and "bump info.version" in first, first
    [line] = [line for line in lines if line.startswith(f"  {pointer}: ")]
    assert f": {kind.name.lower()}, needs a {need.name.lower()} bump: " in line, line

    set_version(root, enough)
    if kind == B:  # the entry ("- Test.") does not name what broke: the CHANGELOG check says which
        subjects = sorted({release.breaking_subject(c) for c in changes if c.kind == B})
        with pytest.raises(release.ReleaseRuleError, match=r"CHANGELOG\.md: the entry for .* does not name") as caught:
            release.check(root)
        assert all(subject in str(caught.value).splitlines()[0] for subject in subjects), (subjects, caught.value)
        name_in_changelog(root, ", ".join(f"`{subject}` changed" for subject in subjects))
    release.check(root)


def name_in_changelog(root: Path, text: str) -> None:
    """The newest CHANGELOG entry (set_version's "- Test.") says ``text`` instead."""
    changelog = root / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace("- Test.", f"- {text}", 1))


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        (f"- `{INT_NAME}` is gone.", True),
        (f"- trainingConfig.{INT_NAME} is gone.", True),  # a dotted path
        (f"- `training_config.{release._snake(INT_NAME)}` is gone.", True),  # the attribute
        (f"- {T}/properties/{INT_NAME} removed.", True),  # the pointer
        (f"- `{INT_NAME}Suffix` is a new field.", False),  # a longer name is not the field
        ("- Some field is gone.", False),
    ],
)
def test_the_changelog_must_name_each_breaking_change(tmp_path: Path, entry: str, named: bool) -> None:
    root = release_inputs(tmp_path)
    spec = load(root)
    remove_field(spec)
    save(root, spec)
    set_version(root, version_after(need_of(B)))
    name_in_changelog(root, entry[2:])
    if named:
        release.check(root)
        return
    with pytest.raises(release.ReleaseRuleError) as caught:
        release.check(root)
    first, *lines = str(caught.value).splitlines()
    assert f"does not name {INT_NAME}, which changed in a breaking way" in first
    assert lines == [
        f"  {T}/properties/{INT_NAME}: breaking, needs a minor bump: field {INT_NAME} removed (or renamed)"
    ]


def test_make_check_says_what_changed_on_success(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    release.record(root)
    spec = load(root)
    remove_field(spec)
    add_enum_value(spec)
    save(root, spec)
    set_version(root, version_after(spec_diff.Bump.MINOR))
    name_in_changelog(root, f"`{INT_NAME}` removed.")
    result = run("python", "-m", "tools.release", "check", cwd=root, env=clean_env())
    assert result.returncode == 0, result.stderr
    first, *lines = result.stdout.splitlines()
    new = version_after(spec_diff.Bump.MINOR)
    assert first == (
        f"check: {new}, unreleased: 1 breaking, 1 additive since {V0}; {new} or later is needed, {new} is enough"
    )
    added = f"{SCHEMAS}/JobState/enum/{len(schema(BASE, 'JobState')['enum'])}"
    assert f"  {added}: additive, needs a minor bump: enum value 'JOB_STATE_ARCHIVED' added" in lines


def test_text_only_change_needs_a_patch_bump(tmp_path: Path) -> None:
    root = release_inputs(tmp_path)
    spec_path = root / release.SPEC_NAME
    spec_path.write_text(spec_path.read_text() + "# A comment changes the text, not the meaning.\n")
    patch = version_after(spec_diff.Bump.PATCH)
    with pytest.raises(
        release.ReleaseRuleError, match=rf"needs a patch bump, to {re.escape(patch)} or later"
    ) as caught:
        release.check(root)
    assert "(whole file): patch, needs a patch bump: the text changed" in str(caught.value)
    set_version(root, patch)
    release.check(root)


def test_breaking_change_needs_a_major_bump_from_1_0(tmp_path: Path) -> None:
    root = release_inputs(tmp_path)
    set_version(root, "1.0.0")
    release.record(root)
    spec = load(root)
    remove_field(spec)
    save(root, spec)
    set_version(root, "1.1.0")
    with pytest.raises(
        release.ReleaseRuleError,
        match=r"needs a major bump, to 2\.0\.0 or later, but info\.version "
        r"1\.1\.0 is only a minor bump",
    ) as caught:
        release.check(root)
    assert f"  {T}/properties/{INT_NAME}: breaking, needs a major bump: field {INT_NAME} removed" in str(caught.value)
    set_version(root, "2.0.0")
    name_in_changelog(root, f"`{INT_NAME}` removed.")
    release.check(root)


def test_additive_change_at_1_0_still_needs_a_minor_bump(tmp_path: Path) -> None:
    root = release_inputs(tmp_path)
    set_version(root, "1.0.0")
    release.record(root)
    spec = load(root)
    add_optional_field(spec)
    save(root, spec)
    set_version(root, "1.0.1")
    with pytest.raises(release.ReleaseRuleError, match=r"needs a minor bump, to 1\.1\.0 or later"):
        release.check(root)
    set_version(root, "1.1.0")
    release.check(root)


def test_the_released_spec_is_stored_and_matches_its_record() -> None:
    # Seeded with the spec of 0.1.0; make publish (release.record) rewrites it with every release.
    data = (ROOT / release.RELEASED_SPEC_NAME).read_bytes()
    released = release.last_release(ROOT)
    assert released is not None
    assert release.released_spec(ROOT, released) == data


def test_record_stores_the_spec_beside_its_hash(tmp_path: Path) -> None:
    root = release_inputs(tmp_path)
    spec = load(root)
    add_enum_value(spec)
    save(root, spec)
    set_version(root, version_after(spec_diff.Bump.MINOR))
    recorded = release.record(root)
    assert recorded.version == version_after(spec_diff.Bump.MINOR)
    assert (root / release.RELEASED_SPEC_NAME).read_bytes() == (root / release.SPEC_NAME).read_bytes()
    release.check(root)  # nothing changed since this release


def test_a_hand_edited_released_spec_is_refused(tmp_path: Path) -> None:
    root = release_inputs(tmp_path)
    copy_path = root / release.RELEASED_SPEC_NAME
    copy_path.write_text(copy_path.read_text() + "\n")
    with pytest.raises(release.ReleaseRuleError, match=rf"is not the spec of release {re.escape(str(V0))}"):
        release.check(root)
    copy_path.unlink()
    with pytest.raises(release.ReleaseRuleError, match=r"released/fireworks-rft\.yaml is missing"):
        release.check(root)


def test_make_check_lists_each_change_with_its_pointer(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    release.record(root)
    spec = load(root)
    remove_field(spec)
    add_enum_value(spec)
    change_description(spec)
    save(root, spec)
    set_version(root, version_after(spec_diff.Bump.PATCH))
    result = run("make", "check", cwd=root, env=clean_env())
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    [hint] = [line for line in lines if line.startswith("check: ")]
    assert (
        "(3 change(s) below), which needs a minor bump (breaking is a minor bump while the major version is 0)" in hint
    )
    assert f"info.version {version_after(spec_diff.Bump.PATCH)} is only a patch bump" in hint
    assert f"  {T}/properties/{INT_NAME}: breaking, needs a minor bump: field {INT_NAME} removed (or renamed)" in lines
    added = f"{SCHEMAS}/JobState/enum/{len(schema(BASE, 'JobState')['enum'])}"
    assert f"  {added}: additive, needs a minor bump: enum value 'JOB_STATE_ARCHIVED' added" in lines
    assert f"  {T}/description: patch, needs a patch bump: description changed" in lines


# --- the classifier's rules, on small documents -------------------------------------------------


def doc(schemas: dict[str, Any], parameters: list[Any] | None = None) -> Spec:
    operation: dict[str, Any] = {
        "responses": {
            "200": {
                "description": "ok",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Job"}}},
            }
        }
    }
    if parameters is not None:
        operation["parameters"] = parameters
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {"/jobs": {"get": operation}},
        "components": {"schemas": schemas},
    }


def kinds(old: Spec, new: Spec) -> dict[str, spec_diff.Kind]:
    return {c.pointer: c.kind for c in spec_diff.diff(old, new)}


def test_same_document_has_no_change() -> None:
    spec = load(ROOT)
    assert spec_diff.diff(spec, copy.deepcopy(spec)) == []


def test_required_depends_on_direction() -> None:
    job = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    loose = {"type": "object", "properties": {"a": {"type": "string"}}}
    # A response field that may now be missing breaks readers; a parameter that may be left out breaks no caller.
    assert kinds(doc({"Job": job}), doc({"Job": loose})) == {"/components/schemas/Job/required": B}
    old = doc({"Job": loose}, [{"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}])
    new = doc({"Job": loose}, [{"name": "q", "in": "query", "schema": {"type": "string"}}])
    assert kinds(old, new) == {"/paths/~1jobs/get/parameters/0/required": A}


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ({"type": "string"}, {"type": ["string", "null"]}, B),
        ({"type": "object"}, {"type": "object", "additionalProperties": False}, B),
        ({"type": "object", "additionalProperties": False}, {"type": "object"}, A),
        ({"type": "object", "additionalProperties": {"type": "string"}}, {"type": "object"}, A),
        ({"oneOf": [{"type": "string"}]}, {"oneOf": [{"type": "string"}, {"type": "integer"}]}, A),
        ({"oneOf": [{"type": "string"}, {"type": "integer"}]}, {"oneOf": [{"type": "string"}]}, B),
        ({"type": "string", "maxLength": 10}, {"type": "string", "maxLength": 5}, B),
        ({"type": "string", "maxLength": 10}, {"type": "string", "maxLength": 20}, A),
        ({"type": "string"}, {"type": "string", "pattern": "^a"}, B),
        ({"type": "string", "pattern": "^a"}, {"type": "string"}, A),
        ({"type": "array", "items": {"type": "string"}}, {"type": "array", "items": {"type": "integer"}}, B),
        ({"type": "string", "enum": ["A", "B"]}, {"type": "string"}, B),
        ({"type": "string"}, {"type": "string", "title": "T", "examples": ["x"]}, P),
        ({"type": "string"}, {"type": "string", "x-internal": True}, A),
        ({"type": "string"}, {"type": "string", "discriminator": {"propertyName": "k"}}, B),  # no rule: breaking
    ],
)
def test_schema_rules(before: dict[str, Any], after: dict[str, Any], kind: spec_diff.Kind) -> None:
    changes = spec_diff.diff(doc({"Job": before}), doc({"Job": after}))
    assert changes and max(c.kind for c in changes) == kind, changes


def test_recursive_schemas_with_a_changed_ref_terminate() -> None:
    node = {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Node"}}}
    node2 = {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Node2"}}}
    old = doc({"Job": {"$ref": "#/components/schemas/Node"}, "Node": node})
    new = doc({"Job": {"$ref": "#/components/schemas/Node2"}, "Node": node, "Node2": node2})
    found = kinds(old, new)
    assert found["/components/schemas/Job/$ref"] == B and found["/components/schemas/Node2"] == A


def test_bumps() -> None:
    v = Version
    assert spec_diff.actual_bump(v("0.1.0"), v("0.1.0")) == spec_diff.Bump.NONE
    assert spec_diff.actual_bump(v("0.1.0"), v("0.1.1")) == spec_diff.Bump.PATCH
    assert spec_diff.actual_bump(v("0.1.9"), v("0.2.0")) == spec_diff.Bump.MINOR
    assert spec_diff.actual_bump(v("0.1.0"), v("1.0.0")) == spec_diff.Bump.MAJOR
    assert spec_diff.actual_bump(v("1.2.0"), v("1.1.5")) == spec_diff.Bump.NONE
    breaking = [spec_diff.Change("/x", B, "x")]
    assert spec_diff.required_bump(breaking, v("0.3.0")) == spec_diff.Bump.MINOR
    assert spec_diff.required_bump(breaking, v("1.3.0")) == spec_diff.Bump.MAJOR
    assert spec_diff.required_bump([], v("1.3.0")) == spec_diff.Bump.NONE
    assert spec_diff.smallest_version(v("0.1.0"), spec_diff.Bump.MINOR) == "0.2.0"
