"""The generation pipeline: the generator owns the spec-derived files of generated_client/ and
nothing else; make check compares exactly those and catches drift.

Each test that changes something works on its own copy of the repo (conftest.copy_repo).
"""

import subprocess
import sys
from pathlib import Path

from tools.generate import DERIVED_DIRS, PACKAGE
from tools.generated_files import PREFIX, generated_files, is_generated
from tools.prism import ROOT

from .conftest import copy_repo
from .time_limits import slow

# Most tests run the generator (about a second here) as a subprocess on a copy of the repo.
pytestmark = slow(120, "runs the generator (python -m tools.generate) as a subprocess")

OUT = Path("generated_client")
GENERATED_MODEL = OUT / PACKAGE / "models" / "training_config.py"
HANDWRITTEN_MODULE = OUT / PACKAGE / "retries.py"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


def generate(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "tools.generate", *args, cwd=repo)


def test_committed_package_is_in_sync_with_the_spec() -> None:
    result = generate(ROOT, "--check", str(OUT))
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_files_are_what_the_spec_derives_and_say_so() -> None:
    """Endpoint modules, models and enums, the job-state table, the package metadata: each marked
    in its first line; the runtime modules and the package README are not generated."""
    names = set(generated_files(ROOT / OUT))
    derived_dirs = {name for name in names if name.startswith(tuple(f"{PACKAGE}/{d}/" for d in DERIVED_DIRS))}
    assert derived_dirs == {
        path.relative_to(ROOT / OUT).as_posix()
        for folder in DERIVED_DIRS
        for path in (ROOT / OUT / PACKAGE / folder).rglob("*.py")
    }
    assert names - derived_dirs == {"pyproject.toml", f"{PACKAGE}/_job_state_table.py"}
    for handwritten in ("client.py", "errors.py", "types.py", "__init__.py", "waiter.py", "job_states.py"):
        assert not is_generated(ROOT / OUT / PACKAGE / handwritten), handwritten
    assert not is_generated(ROOT / OUT / "README.md")
    first_line = (ROOT / GENERATED_MODEL).read_text().splitlines()[0]
    assert first_line.startswith(PREFIX) and "templates/model.py.jinja" in first_line


def test_check_catches_a_hand_edit_of_a_generated_file(tmp_path: Path) -> None:
    scratch_repo = copy_repo(tmp_path)
    model = scratch_repo / GENERATED_MODEL
    model.write_text(model.read_text().replace("class TrainingConfig", "class TrainingConfig  # edited", 1))
    result = generate(scratch_repo, "--check", str(OUT))
    assert result.returncode == 1
    assert "# edited" in result.stdout
    assert "run 'make generate'" in result.stderr


def test_check_catches_a_removed_or_added_generated_file(tmp_path: Path) -> None:
    scratch_repo = copy_repo(tmp_path)
    (scratch_repo / GENERATED_MODEL).unlink()
    stray = scratch_repo / OUT / PACKAGE / "models" / "stray.py"
    stray.write_text(f"{PREFIX} by hand\n")
    result = generate(scratch_repo, "--check", str(OUT))
    assert result.returncode == 1
    assert "models/training_config.py" in result.stdout and "models/stray.py" in result.stdout


def test_generate_leaves_hand_written_files_alone_and_removes_stale_generated_ones(tmp_path: Path) -> None:
    scratch_repo = copy_repo(tmp_path)
    """An edit to a hand-written module is neither checked nor undone by the pipeline: it runs as is."""
    module = scratch_repo / HANDWRITTEN_MODULE
    module.write_text(module.read_text() + "\n# a maintainer's edit\n")
    stale = scratch_repo / OUT / PACKAGE / "models" / "gone.py"
    stale.write_text(f"{PREFIX} by templates/model.py.jinja\n")
    assert generate(scratch_repo, "--check", str(OUT)).returncode == 1  # the stale file is drift

    result = generate(scratch_repo, str(OUT))
    assert result.returncode == 0, result.stderr
    assert "removed generated_client/fireworks_rft_client/models/gone.py" in result.stdout
    assert not stale.exists()
    assert module.read_text().endswith("# a maintainer's edit\n")
    assert generate(scratch_repo, "--check", str(OUT)).returncode == 0


def test_generate_refuses_to_overwrite_a_hand_written_file(tmp_path: Path) -> None:
    scratch_repo = copy_repo(tmp_path)
    model = scratch_repo / GENERATED_MODEL
    model.write_text("# written by hand\n" + model.read_text())
    result = generate(scratch_repo, str(OUT))
    assert result.returncode == 1
    assert "refusing to overwrite hand-written file(s) in generated_client/: " in result.stderr
    assert "fireworks_rft_client/models/training_config.py" in result.stderr
    assert model.read_text().startswith("# written by hand\n")


def test_a_template_without_the_marker_stops_generation(tmp_path: Path) -> None:
    scratch_repo = copy_repo(tmp_path)
    """A stock template rendering into models/ or api/ (here: our override losing its marker)
    would write a file the pipeline cannot tell from a hand-written one."""
    template = scratch_repo / "templates" / "endpoint_init.py.jinja"
    template.write_text('"""no marker"""\n')
    result = generate(scratch_repo, str(OUT))
    assert result.returncode == 1
    assert "no generated-file marker in fireworks_rft_client/api/reinforcement_fine_tuning_jobs/__init__.py" in (
        result.stderr
    )


def test_misspelt_generator_config_key_is_refused(tmp_path: Path) -> None:
    scratch_repo = copy_repo(tmp_path)
    config = scratch_repo / "generator-config.yaml"
    config.write_text(config.read_text().replace("post_hooks:", "post_hook:"))
    result = generate(scratch_repo, str(scratch_repo / "out"))
    assert result.returncode != 0
    assert "unknown key(s) post_hook" in result.stderr
    assert not (scratch_repo / "out").exists()
