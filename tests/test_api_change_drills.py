"""The README's recipes for each kind of API change, tried on a scratch copy of the repository.

Each drill edits only the copy's spec and CHANGELOG (tests/api_changes.py), then runs what the
maintainer runs: `make generate`, `make check` (which must pass and say what changed), and the
guards and model tests (pytest in the copy, with the real reference folder when there is one).
`make drill` (CI) goes further: every recipe at once, then `make lint` and the whole `make test`.
"""

import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from tests.api_changes import IN_DRILL, RECIPES, apply, scratch_copy, step
from tests.time_limits import slow
from tools.generated_files import is_generated

# The guards and the model tests: the whole suite is make drill's business.
CHECKS = [
    "tests/contract/test_spec_vs_reference.py",
    "tests/contract/test_spec_vs_current_api.py",
    "tests/contract/test_spec_vs_code.py",
    "tests/contract/test_payloads_valid.py",
    "tests/contract/test_reference_data.py",
    "tests/contract/test_current_api_data.py",
    "tests/contract/test_round_trip.py::test_fixtures_round_trip",
    "tests/test_models.py",
    "tests/test_parsing.py",
    "tests/test_current_api.py",
    "tests/test_maps_and_deprecations.py",
    "tests/contract/test_lifecycle_contract.py",
]
pytestmark = [
    slow(600, "copies the repository, generates, checks and runs the guards there as subprocesses"),
    pytest.mark.skipif(bool(os.environ.get(IN_DRILL)), reason="inside a drill's copy: the drills do not run again"),
    pytest.mark.toolchain,
]


@pytest.mark.parametrize("recipe", sorted(RECIPES))
def test_each_kind_of_change_is_a_spec_edit(tmp_path: Path, recipe: str) -> None:
    repo = scratch_copy(tmp_path)
    before = {path: path.read_bytes() for path in _hand_written(repo)}
    version = apply(repo, recipe)

    generate = step(repo, "make", "generate")
    assert generate.returncode == 0, generate.stdout[-3000:] + generate.stderr[-3000:]
    check = step(repo, "make", "check")
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]
    # make check says what changed and how it was classed, also when it passes.
    assert re.search(rf"^check: {re.escape(version)}, unreleased: .* is enough$", check.stdout, re.M), check.stdout
    guards = step(repo, sys.executable, "-m", "pytest", "-q", "--no-header", "-p", "no:randomly", *CHECKS)
    assert guards.returncode == 0, guards.stdout[-5000:] + guards.stderr[-2000:]
    # Nothing but the spec, the CHANGELOG and the generated files changed.
    assert {path for path in _hand_written(repo) if path.read_bytes() != before.get(path)} == set()


def test_the_recipes_touch_fields_the_spec_has() -> None:
    """A recipe whose field left the spec would drill nothing: it must change the spec, and fail loudly if not."""
    spec_text = (Path(__file__).parents[1] / "openapi/fireworks-rft.yaml").read_text()
    for name, recipe in RECIPES.items():
        spec = yaml.safe_load(spec_text)
        recipe.edit(spec)
        assert spec != yaml.safe_load(spec_text), name


def _hand_written(repo: Path) -> list[Path]:
    """The copy's files but the spec, the CHANGELOG and the generated files (the toolchain not walked)."""
    skipped = {"openapi/fireworks-rft.yaml", "CHANGELOG.md", "generated_client/pyproject.toml"}
    found = []
    for folder, dirs, files in os.walk(repo):  # does not follow the .venv and node_modules links
        dirs[:] = [d for d in dirs if d not in ("__pycache__", ".hypothesis", ".pytest_cache", ".git")]
        for name in files:
            path = Path(folder, name)
            relative = path.relative_to(repo).as_posix()
            if relative not in skipped and not (path.suffix == ".py" and is_generated(path)):
                found.append(path)
    return found
