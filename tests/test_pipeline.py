"""The generation pipeline: make check passes on the committed package and catches drift.

The ``scratch_repo`` fixture (a copy of the repo) lives in conftest.py.
"""

import subprocess
from pathlib import Path

from tools.prism import ROOT

from .time_limits import slow

# Each test runs tools/generate.sh or tools/check_sync.sh (a full generation, about a second
# here) as a subprocess; the scratch_repo fixture copies the repo first.
pytestmark = slow(120, "runs the generator (tools/generate.sh, check_sync.sh) as a subprocess")

GENERATED_MODEL = Path("generated_client/fireworks_rft_client/models/training_config.py")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_committed_package_is_in_sync_with_the_spec() -> None:
    result = run("tools/check_sync.sh", "generated_client")
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_catches_a_hand_edit(scratch_repo: Path) -> None:
    model = scratch_repo / GENERATED_MODEL
    original = model.read_text()
    model.write_text(original.replace("class TrainingConfig", "class TrainingConfig  # edited", 1))
    try:
        result = run("tools/check_sync.sh", "generated_client", cwd=scratch_repo)
    finally:
        model.write_text(original)
    assert result.returncode == 1
    assert "# edited" in result.stdout
    assert "run 'make generate'" in result.stderr


def test_misspelt_generator_config_key_is_refused(scratch_repo: Path) -> None:
    config = scratch_repo / "generator-config.yaml"
    original = config.read_text()
    config.write_text(original.replace("post_hooks:", "post_hook:"))
    try:
        result = run("tools/generate.sh", str(scratch_repo / "out"), cwd=scratch_repo)
    finally:
        config.write_text(original)
    assert result.returncode != 0
    assert "unknown key(s) post_hook" in result.stderr
    assert not (scratch_repo / "out").exists()
