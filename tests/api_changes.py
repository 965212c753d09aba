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

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tools.reference_data import ENV_DIR, reference_dir

ROOT = Path(__file__).resolve().parents[1]
SPEC_FILE = Path("openapi/fireworks-rft.yaml")
SHARED = ((".venv", ".installed"), ("node_modules", ".installed"))
IN_DRILL = "FIREWORKS_RFT_IN_DRILL"  # set inside a drill's copy: the drills do not run there again
CHANGELOG_FILE = Path("CHANGELOG.md")
NEW_VERSION = "0.3.0"  # breaking is a minor bump while the major version is 0
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


def add_fields(spec: Spec) -> None:
    """A string field; a $ref to a new schema; an inline object holding an inline map of doubles and
    an int64 (no pattern)."""
    job, training = _schemas(spec)["ReinforcementFineTuningJob"], _schemas(spec)["TrainingConfig"]
    job["properties"]["runLabel"] = {"type": "string", "description": "A label for the run."}
    _schemas(spec)["EarlyStopping"] = {
        "type": "object",
        "description": "When training stops early.",
        "properties": {
            "patience": {"type": "integer", "format": "int32", "description": "Evaluations without progress."},
            "metric": {"type": "string", "description": "The metric watched."},
        },
    }
    training["properties"]["earlyStopping"] = {"$ref": "#/components/schemas/EarlyStopping"}
    training["properties"]["schedule"] = {
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


def add_enum_value(spec: Spec) -> None:
    _schemas(spec)["JobState"]["enum"].append("JOB_STATE_ON_HOLD")


def remove_field(spec: Spec) -> None:
    """The API dropped outputMetrics: the property goes, x-removed records it (the guards read it)."""
    job = _schemas(spec)["ReinforcementFineTuningJob"]
    del job["properties"]["outputMetrics"]
    job.setdefault("x-removed", {})["outputMetrics"] = NEW_VERSION
    _drop_from_examples(spec, "outputMetrics")


def retype_field(spec: Spec) -> None:
    """The API sends trainingConfig.epochs as a string now; x-retyped records what it was."""
    epochs = _schemas(spec)["TrainingConfig"]["properties"]["epochs"]
    was = {key: epochs.pop(key) for key in ("type", "format") if key in epochs}
    epochs.update(type="string", **{"x-retyped": {"version": NEW_VERSION, "from": was}})
    for example in _examples(spec):
        training = example.get("trainingConfig", {})
        if "epochs" in training:
            training["epochs"] = str(training["epochs"])


def rename_field(spec: Spec) -> None:
    """The API renamed evaluationDataset to evalDataset: the old name stays, deprecated, for older servers."""
    job = _schemas(spec)["ReinforcementFineTuningJob"]["properties"]
    old = job["evaluationDataset"]
    job["evalDataset"] = {key: value for key, value in old.items() if key != "description"}
    job["evalDataset"]["description"] = (
        "The name of a separate dataset to use for evaluation (formerly evaluationDataset)."
    )
    old.update({"deprecated": True, "x-renamed-to": "evalDataset"})


def deprecate_field(spec: Spec) -> None:
    _schemas(spec)["ReinforcementFineTuningJob"]["properties"]["mcpServer"]["deprecated"] = True


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


def apply(repo: Path, *names: str) -> None:
    """Apply the named recipes to ``repo``'s spec, bump its version and add the CHANGELOG entry."""
    spec_path = repo / SPEC_FILE
    spec: Spec = yaml.safe_load(spec_path.read_text())
    for name in names:
        RECIPES[name].edit(spec)
    spec["info"]["version"] = NEW_VERSION
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=120))
    entry = "\n".join(RECIPES[name].changelog for name in names)
    changelog = repo / CHANGELOG_FILE
    head, sep, rest = changelog.read_text().partition("\n## ")
    changelog.write_text(f"{head}\n## {NEW_VERSION} - 2026-12-01\n\n{entry}\n{sep}{rest}")


def _examples(spec: Spec) -> list[dict[str, Any]]:
    """The spec's response examples (redocly checks them against the schema: they follow the change)."""
    found: list[dict[str, Any]] = []
    for item in spec["paths"].values():
        for operation in item.values():
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    found += [example["value"] for example in media.get("examples", {}).values()]
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
