"""The README's "When the API changes" recipes as code: each kind of change, made as a maintainer
makes it, by editing only the spec and CHANGELOG.md of a (scratch) repository.

The drills apply each recipe to a scratch copy of the repository (with the real ../shared beside
it, through $FIREWORKS_RFT_REFERENCE_DIR) and run the maintainer's steps there:
tests/test_api_change_drills.py runs `make generate`, `make check` and the guards for each recipe
on every `make test`; `make drill` (CI) applies all of them at once and runs `make generate`,
`make check`, `make lint` and the whole `make test` in the copy:

    python -m tests.api_changes drill [--keep]
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from packaging.version import Version

from tools import release
from tools.reference_data import ENV_DIR, reference_dir

ROOT = Path(__file__).resolve().parents[1]
SPEC_FILE = Path("openapi/fireworks-rft.yaml")
SHARED = ((".venv", ".installed"), ("node_modules", ".installed"))
IN_DRILL = "FIREWORKS_RFT_IN_DRILL"  # set inside a drill's copy: the drills do not run there again
CHANGELOG_FILE = Path("CHANGELOG.md")
Spec = dict[str, Any]


@dataclass(frozen=True)
class Recipe:
    """One kind of API change: how the spec is edited, and what the CHANGELOG entry says."""

    name: str
    edit: Callable[[Spec], None]
    changelog: str


def _schemas(spec: Spec) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _inputs(spec: Spec, name: str) -> list[dict[str, Any]]:
    """The schema and, when the spec has one, its create-body twin ``<name>Input`` (a field a caller
    may send is in both; a deprecated or output-only one only in the first)."""
    return [schema for schema in (_schemas(spec).get(name), _schemas(spec).get(f"{name}Input")) if schema]


def add_fields(spec: Spec) -> None:
    """A string field; a $ref to a new schema; an inline object holding an inline map of doubles and
    an int64 (no pattern)."""
    for schema in _inputs(spec, "ReinforcementFineTuningJob"):
        schema["properties"]["runLabel"] = {"type": "string", "description": "A label for the run."}
    _schemas(spec)["EarlyStopping"] = {
        "type": "object",
        "description": "When training stops early.",
        "properties": {
            "patience": {"type": "integer", "format": "int32", "description": "Evaluations without progress."},
            "metric": {"type": "string", "description": "The metric watched."},
        },
    }
    for schema in _inputs(spec, "TrainingConfig"):
        schema["properties"]["earlyStopping"] = {"$ref": "#/components/schemas/EarlyStopping"}
    schedule = {
        "type": "object",
        "description": "How the trainer weighs and warms up.",
        "properties": {
            "weights": {
                "type": "object",
                "description": "Weight per reward, by reward name.",
                "additionalProperties": {"type": "number", "format": "double"},
            },
            "warmupSteps": {"type": "string", "format": "int64", "description": "Steps before full weight."},
        },
    }
    for schema in _inputs(spec, "TrainingConfig"):
        schema["properties"]["schedule"] = copy.deepcopy(schedule)


def add_enum_value(spec: Spec) -> None:
    _schemas(spec)["JobState"]["enum"].append("JOB_STATE_ON_HOLD")


def remove_field(spec: Spec) -> None:
    """The API dropped outputMetrics: the property goes, x-removed records it (the guards read it)."""
    for schema in _inputs(spec, "ReinforcementFineTuningJob"):
        schema["properties"].pop("outputMetrics", None)
    job = _schemas(spec)["ReinforcementFineTuningJob"]
    job.setdefault("x-removed", {})["outputMetrics"] = spec["info"]["version"]
    _drop_from_examples(spec, "outputMetrics")


def retype_field(spec: Spec) -> None:
    """The API sends trainingConfig.epochs as a string now; x-retyped records what it was."""
    for schema in _inputs(spec, "TrainingConfig"):
        epochs = schema["properties"]["epochs"]
        was = {key: epochs.pop(key) for key in ("type", "format") if key in epochs}
        epochs.update(type="string", **{"x-retyped": {"version": spec["info"]["version"], "from": was}})
    for example in _examples(spec):
        training = example.get("trainingConfig", {})
        if "epochs" in training:
            training["epochs"] = str(training["epochs"])


def rename_field(spec: Spec) -> None:
    """The API renamed evaluationDataset to evalDataset: the old name stays, deprecated, for older servers."""
    job, *body = _inputs(spec, "ReinforcementFineTuningJob")
    old = job["properties"]["evaluationDataset"]
    new = {key: value for key, value in old.items() if key != "description"}
    new["description"] = "The name of a separate dataset to use for evaluation (formerly evaluationDataset)."
    job["properties"]["evalDataset"] = new
    old.update({"deprecated": True, "x-renamed-to": "evalDataset"})
    for schema in body:  # a caller sends today's name only
        schema["properties"]["evalDataset"] = schema["properties"].pop("evaluationDataset")
        schema["properties"]["evalDataset"]["description"] = new["description"]


def deprecate_field(spec: Spec) -> None:
    job, *body = _inputs(spec, "ReinforcementFineTuningJob")
    job["properties"]["mcpServer"]["deprecated"] = True
    for schema in body:  # a caller no longer sends it
        del schema["properties"]["mcpServer"]


RECIPES = {
    recipe.name: recipe
    for recipe in [
        Recipe(
            "add",
            add_fields,
            "- New: `run_label`; `training_config.early_stopping`; `training_config.schedule` "
            "(`weights`, `warmup_steps`).",
        ),
        Recipe("enum", add_enum_value, "- New job state `JOB_STATE_ON_HOLD`."),
        Recipe("remove", remove_field, "- Breaking: `outputMetrics` removed; the API no longer sends it."),
        Recipe("retype", retype_field, "- Breaking: `trainingConfig.epochs` is a string now."),
        Recipe("rename", rename_field, "- `evaluationDataset` renamed `evalDataset`; the old name is deprecated."),
        Recipe("deprecate", deprecate_field, "- `mcpServer` is deprecated."),
    ]
}


def target_version(repo: Path) -> str:
    """The version a change goes into: the spec's own while it is unreleased (its CHANGELOG entry
    grows), else the next minor one (breaking is a minor bump while the major version is 0)."""
    current = release.spec_version(repo)
    released = release.last_release(repo)
    if released is None or Version(current) > Version(released.version):
        return current
    major, minor = Version(current).release[:2]
    return f"{major}.{minor + 1}.0"


def apply(repo: Path, *names: str) -> str:
    """Apply the named recipes to ``repo``'s spec at the target version and write what changed into
    the version's CHANGELOG entry (a new entry when the version is new); returns the version."""
    version = target_version(repo)
    spec_path = repo / SPEC_FILE
    spec: Spec = yaml.safe_load(spec_path.read_text())
    spec["info"]["version"] = version
    for name in names:
        RECIPES[name].edit(spec)
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120))
    lines = "\n".join(RECIPES[name].changelog for name in names)
    changelog = repo / CHANGELOG_FILE
    text = changelog.read_text()
    if version in release.changelog_versions(repo):  # the end of the version's entry
        heading = re.search(rf"^## \[?{re.escape(version)}\b.*$", text, flags=re.M)
        assert heading is not None
        following = text.find("\n## ", heading.end())
        end = len(text) if following < 0 else following
        changelog.write_text(f"{text[:end].rstrip()}\n\n**API changes:**\n{lines}\n{text[end:]}")
    else:
        head, sep, rest = text.partition("\n## ")
        changelog.write_text(f"{head}\n## {version} - 2026-12-01\n\n{lines}\n{sep}{rest}")
    return version


def _examples(spec: Spec) -> list[dict[str, Any]]:
    """The spec's examples of responses and request bodies (redocly checks them against the schema:
    they follow the change)."""
    found: list[dict[str, Any]] = []
    for item in spec["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            bodies = [*operation.get("responses", {}).values(), operation.get("requestBody", {})]
            for body in bodies:
                for media in body.get("content", {}).values():
                    values = [example.get("value") for example in media.get("examples", {}).values()]
                    found += [value for value in [*values, media.get("example")] if isinstance(value, dict)]
    return found


def _drop_from_examples(spec: Spec, field: str) -> None:
    for example in _examples(spec):
        example.pop(field, None)


# --- the drills -------------------------------------------------------------------------------


def scratch_copy(dest: Path) -> Path:
    """A clone-like copy of the repository in ``dest``: the files git tracks (and new ones it does not
    ignore), as they are in the working tree, committed to a fresh repository; the toolchain is shared
    (copy2 keeps mtimes, so make sees .venv and node_modules as current)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted in the working tree is not in the copy either
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    for folder, _ in SHARED:
        (dest / folder).symlink_to(ROOT / folder)
    git = ["git", "-c", "user.name=drill", "-c", "user.email=drill@localhost"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True, capture_output=True)
    # .gitignore's "node_modules/" matches folders only; the links are no folders.
    (dest / ".git" / "info" / "exclude").write_text("".join(f"/{folder}\n" for folder, _ in SHARED))
    for command in (["add", "-A"], ["commit", "-q", "-m", "scratch clone"]):
        subprocess.run([*git, *command], cwd=dest, check=True, capture_output=True)
    return dest


def drill_env() -> dict[str, str]:
    """The environment of the maintainer's steps in the copy: the real reference folder, when there is one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "MAKE", "PYTHON"))}
    env[IN_DRILL] = "1"
    if reference_dir().is_dir():
        env[ENV_DIR] = str(reference_dir().resolve())
    return env


def step(repo: Path, *command: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    if command[:1] == ("make",):
        # Never reinstall the shared toolchain from the copy: npm ci would empty the real node_modules.
        keep = [flag for folder, marker in SHARED for flag in ("-o", f"{folder}/{marker}")]
        command = ("make", *keep, *command[1:])
    return subprocess.run(command, cwd=repo, env=drill_env(), capture_output=True, text=True, timeout=timeout)


def full_drill(keep: bool = False) -> int:
    """Every recipe at once on a scratch copy: make generate, check, lint and test must pass."""
    work = Path(tempfile.mkdtemp(prefix="api-change-drill-"))
    try:
        repo = scratch_copy(work)
        apply(repo, *RECIPES)
        print(f"drill: {', '.join(RECIPES)} applied to a copy in {repo}", flush=True)
        for target in ("generate", "check", "lint", "test"):
            result = step(repo, "make", target, timeout=3600)
            tail = (result.stdout + result.stderr)[-6000:]
            if result.returncode != 0:
                print(f"drill: make {target} failed in the copy:\n{tail}", file=sys.stderr)
                return 1
            lines = (result.stdout + result.stderr).strip().splitlines()
            said = next((line for line in lines if line.startswith("check: ")), lines[-1] if lines else "no output")
            print(f"drill: make {target} passed ({said})")
        return 0
    finally:
        if keep:
            print(f"drill: the copy stays in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] != ["drill"]:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(full_drill(keep="--keep" in sys.argv))
