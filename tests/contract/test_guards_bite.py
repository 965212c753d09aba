"""Guard 6: each guard is seen to fail on the break it exists for.

Each test copies the repo (tests included) into a scratch folder, breaks one thing, and runs the
guard there as a subprocess (pytest on the contract module with the copy as its root, or the
`make check` tool), so the guard runs against the broken copy exactly as it runs here. A
control test shows that the unbroken copy passes, so a failure is the break's doing.
"""

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_python_client.strings import snake_case

from tests.conftest import copy_repo
from tests.spec_fields import example_field
from tests.time_limits import slow
from tools.current_api import SHEET_NAME
from tools.reference_data import ENV_DIR, PAGE_NAME, reference_dir

SPEC_FILE = Path("openapi/fireworks-rft.yaml")
MODELS = Path("generated_client/fireworks_rft_client/models")
REFERENCE = "tests/contract/test_spec_vs_reference.py"
CODE = "tests/contract/test_spec_vs_code.py"
PAYLOADS = "tests/contract/test_payloads_valid.py"
ROUND_TRIP = "tests/contract/test_round_trip.py"
DATA = "tests/contract/test_reference_data.py"
COMPARISON = f"{DATA}::test_data_file_matches_the_reference_page"
DATA_FILE = Path("reference/get-reinforcement-fine-tuning-job.json")
CURRENT = "tests/contract/test_spec_vs_current_api.py"
CURRENT_DATA = "tests/contract/test_current_api_data.py"
CURRENT_COMPARISON = f"{CURRENT_DATA}::test_data_file_matches_the_sheet"
CURRENT_DATA_FILE = Path("reference/current-api.json")
OPERATION = "/v1/accounts/{account_id}/reinforcementFineTuningJobs/{reinforcement_fine_tuning_job_id}"
# The int field the breaks below use, from the spec (any int32 of the training settings will do).
INT = example_field("integer", "int32", under="trainingConfig")
INT_OWNER = INT.owner  # its component schema: TrainingConfig
INT_MODULE = MODELS / f"{snake_case(INT_OWNER)}.py"
# Each test copies the repo and runs pytest or the make check tool (a full generation) on the
# copy, up to three times; each subprocess has its own 300 s limit, this test one more.
pytestmark = slow(300, "copies the repo and runs guards (pytest, make check) on it as subprocesses")


def scratch(tmp_path: Path) -> Path:
    return copy_repo(tmp_path, with_tests=True)


def run_guard(repo: Path, *modules: str, reference: Path | None = None) -> subprocess.CompletedProcess[str]:
    """pytest on the given contract modules, inside the scratch copy.

    The copy has no ../shared beside it: the page is there only when ``reference`` names its folder.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYTEST")) and k != ENV_DIR}
    if reference is not None:
        env[ENV_DIR] = str(reference)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--no-header", "--hypothesis-profile=no-shrink", *modules],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def real_reference() -> Path:
    """The folder of the page, for the bites that need it (CI has it; a bare clone does not)."""
    directory = reference_dir()
    if not (directory / PAGE_NAME).is_file():
        pytest.skip(f"{directory} is absent: the comparison with the page cannot be shown to bite")
    return directory


def scratch_reference(tmp_path: Path, change: Callable[[str], str], name: str = PAGE_NAME) -> Path:
    """A copy of the reference folder with the page (or another file of it, ``name``) changed."""
    directory = tmp_path / "scratch-reference"
    shutil.copytree(real_reference(), directory)
    page = directory / name
    page.chmod(0o644)  # the shared folder is read-only; its copy must not be
    changed = change(page.read_text())
    assert changed != page.read_text(), "could not apply the break: the page did not change"
    page.write_text(changed)
    return directory


def write_data(repo: Path, reference: Path, tool: str = "tools.reference_data") -> None:
    """The scratch copy's own tool rewrites its data file from ``reference``, as `make reference-data` would."""
    subprocess.run(
        [sys.executable, "-m", tool, "write", "--reference-dir", str(reference)],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def run_check_sync(repo: Path) -> subprocess.CompletedProcess[str]:
    """What `make check` runs."""
    return subprocess.run(
        [sys.executable, "-m", "tools.generate", "--check", "generated_client"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
    )


def edit_spec(repo: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the scratch spec as data (comments are lost; the copy is thrown away)."""
    spec = yaml.safe_load((repo / SPEC_FILE).read_text())
    change(spec)
    (repo / SPEC_FILE).write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))


# When the unbroken copy fails too (the spec changed and a guard refuses it), every bite fails
# with a confusing message: say so, so that the cause is read from the control test.
CONTROL_HINT = (
    "(if test_control_the_unbroken_copy_passes_every_guard fails too, the unbroken repository already "
    "fails this guard: fix that first)"
)


def assert_fails_with(result: subprocess.CompletedProcess[str], *messages: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"the guard did not fail (exit {result.returncode}):\n{output[-4000:]}"
    for message in messages:
        assert message in output, f"{message!r} not in the guard's output {CONTROL_HINT}:\n{output[-4000:]}"


def test_control_the_unbroken_copy_passes_every_guard(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    result = run_guard(repo, REFERENCE, CODE, PAYLOADS, DATA, CURRENT, CURRENT_DATA)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b[1-9]\d* passed", result.stdout), result.stdout[-2000:]
    # No page or sheet beside the copy: each comparison says why it did not run.
    assert re.search(r"SKIPPED \[1\] .*is absent: no reference page to compare", result.stdout), result.stdout[-2000:]
    assert re.search(rf"SKIPPED \[1\] .*is absent: no {SHEET_NAME} to compare", result.stdout), result.stdout[-2000:]


def test_control_the_unbroken_copy_matches_the_page(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    result = run_guard(repo, COMPARISON, CURRENT_COMPARISON, "-rA", reference=real_reference())
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"PASSED {COMPARISON}" in result.stdout, result.stdout[-2000:]
    assert f"PASSED {CURRENT_COMPARISON}" in result.stdout, result.stdout[-2000:]


def test_data_file_behind_the_page(tmp_path: Path) -> None:
    """The page gained a field; the data file was not rewritten (it is what the older page gave)."""

    def drop_mcp_server(text: str) -> str:
        text = text.replace(',\n  "mcpServer": "<string>"\n}', "\n}")
        return re.sub(r"\nmcpServer\nstring\s*$", "\n", text)

    repo = scratch(tmp_path)
    write_data(repo, scratch_reference(tmp_path, drop_mcp_server))

    assert_fails_with(
        run_guard(repo, COMPARISON, reference=real_reference()),
        f"{DATA_FILE} is not what",
        "fields.mcpServer: in the page, missing from the data file",
        "example.mcpServer: in the page, missing from the data file",
        "page.sha256: the page says",
        "make reference-data",
    )


def test_page_changed_after_the_data_file(tmp_path: Path) -> None:
    """The page gained an enum value and lost one: the comparison names both."""

    def change_states(text: str) -> str:
        return text.replace("JOB_STATE_RUNNING,\n", "").replace(
            "JOB_STATE_EXPIRED,\n", "JOB_STATE_EXPIRED,\nJOB_STATE_PAUSED,\n"
        )

    repo = scratch(tmp_path)
    assert_fails_with(
        run_guard(repo, COMPARISON, reference=scratch_reference(tmp_path, change_states)),
        "fields.state.enum: 'JOB_STATE_PAUSED' in the page, missing from the data file",
        "fields.state.enum: 'JOB_STATE_RUNNING' in the data file, not in the page",
    )


def test_new_property_in_the_spec_without_regeneration(tmp_path: Path) -> None:
    repo = scratch(tmp_path)

    def add_property(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["TrainingConfig"]["properties"]["gradientClip"] = {
            "type": "number",
            "format": "float",
        }

    edit_spec(repo, add_property)

    assert_fails_with(
        run_guard(repo, CODE),
        "schema TrainingConfig, property gradientClip: no attribute TrainingConfig.gradient_clip",
        "make generate",
    )
    assert_fails_with(run_check_sync(repo), "gradientClip", "run 'make generate'")


def test_hand_edit_of_a_generated_model(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    model = repo / INT_MODULE
    attr = INT.attribute
    source, edits = re.subn(rf"^(\s+{attr}: )int\b", r"\1str", model.read_text(), count=1, flags=re.M)
    assert edits == 1, f"could not apply the break: no '{attr}: int' annotation in the generated model"
    model.write_text(source)

    assert_fails_with(
        run_guard(repo, CODE),
        f"schema {INT_OWNER}, property {INT.name}: {INT_OWNER}.{attr} is annotated str | Unset, "
        "the spec implies int | Unset",
    )
    assert_fails_with(run_check_sync(repo), f"{attr}: str", "run 'make generate'")


def test_hand_edit_that_loses_a_value_on_the_way_back(tmp_path: Path) -> None:
    """A model whose to_dict drops a field: the round trip (drawn payloads and fixtures) sees it."""
    repo = scratch(tmp_path)
    model = repo / MODELS / "training_config.py"
    # Appended, not spliced in, so the break does not depend on the template's code.
    model.write_text(
        model.read_text()
        + """

_generated_to_dict = TrainingConfig.to_dict


def _lossy_to_dict(self: TrainingConfig) -> dict[str, Any]:
    return {k: v for k, v in _generated_to_dict(self).items() if k != "learningRate"}


TrainingConfig.to_dict = _lossy_to_dict  # type: ignore[method-assign]
"""
    )

    round_trip = "FAILED tests/contract/test_round_trip.py::test_generated_payloads_round_trip"
    lost = "trainingConfig.learningRate: lost"
    assert_fails_with(
        run_guard(repo, ROUND_TRIP),
        round_trip,
        "FAILED tests/contract/test_round_trip.py::test_fixtures_round_trip[ReinforcementFineTuningJob.running.json]",
        "from_dict/to_dict changed the payload:",
        lost,
    )
    # The drawn payloads alone catch it too, not only the explicit examples (spec example, fixtures).
    assert_fails_with(
        run_guard(repo, ROUND_TRIP, "-k", "generated", "--hypothesis-profile=drawn-only"),
        round_trip,
        "Failing test case: check(",  # hypothesis words a drawn (not explicit) example so
        lost,
    )
    assert_fails_with(
        run_guard(repo, CODE), "TrainingConfig.to_dict does not write learning_rate to JSON key 'learningRate'"
    )


def test_invalid_example_in_the_spec(tmp_path: Path) -> None:
    repo = scratch(tmp_path)

    def break_example(spec: dict[str, Any]) -> None:
        media = spec["paths"][OPERATION]["get"]["responses"]["200"]["content"]["application/json"]
        media["examples"]["reference"]["value"].setdefault(INT.path[0], {})[INT.name] = "many"

    edit_spec(repo, break_example)

    assert_fails_with(
        run_guard(repo, PAYLOADS),
        f"examples.reference: {INT.dotted}: 'many' is not of type 'integer'",
    )


def test_invalid_fixture(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    fixture = repo / "tests/contract/fixtures/RpcStatus.not_found_with_details.json"
    fixture.write_text(fixture.read_text().replace('"code": 5', '"code": "NOT_FOUND"', 1))

    assert_fails_with(run_guard(repo, PAYLOADS), "RpcStatus.not_found_with_details.json: code: 'NOT_FOUND'")


def test_removed_enum_value(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    value = "JOB_STATE_RUNNING"

    def remove_value(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["JobState"]["enum"].remove(value)

    edit_spec(repo, remove_value)

    result = run_guard(repo, REFERENCE, CODE)
    assert_fails_with(
        result,
        f"response field state (schema ReinforcementFineTuningJob): enum value {value} of the reference page "
        "is missing from the spec (JobState)",
        f"schema JobState: enum JobState has member {value}, which the spec does not list",
    )


def test_spec_without_the_bearer_security(tmp_path: Path) -> None:
    repo = scratch(tmp_path)

    def drop_security(spec: dict[str, Any]) -> None:
        spec.pop("security", None)
        spec["paths"][OPERATION]["get"].pop("security", None)

    edit_spec(repo, drop_security)

    assert_fails_with(
        run_guard(repo, REFERENCE),
        "security: the reference page requires a Bearer Authorization header, the spec does not",
    )


def test_spec_type_that_contradicts_the_reference_page(tmp_path: Path) -> None:
    repo = scratch(tmp_path)

    def retype(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["InferenceParameters"]["properties"]["topK"] = {"type": "string"}

    edit_spec(repo, retype)

    assert_fails_with(
        run_guard(repo, REFERENCE),
        "example field inferenceParameters.topK (InferenceParameters.topK): "
        "the reference page's example has a JSON integer (123), the spec says string",
    )


# --- the current-API sheet (reference/current-api.json) -------------------------------------------


def test_current_api_field_missing_from_the_spec(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    edit_spec(repo, lambda spec: spec["components"]["schemas"]["TrainingConfig"]["properties"].pop("batchSizeSamples"))

    assert_fails_with(
        run_guard(repo, CURRENT),
        "trainingConfig.batchSizeSamples: in the current API (int32), missing from the spec (TrainingConfig)",
    )


def test_current_api_int64_made_int32_in_the_spec(tmp_path: Path) -> None:
    repo = scratch(tmp_path)

    def narrow(spec: dict[str, Any]) -> None:
        spec["components"]["schemas"]["AcceleratorSeconds"]["additionalProperties"] = {
            "type": "integer",
            "format": "int32",
        }

    edit_spec(repo, narrow)

    assert_fails_with(
        run_guard(repo, CURRENT),
        "acceleratorSeconds.* (AcceleratorSeconds additionalProperties): the current API says int64, "
        "the spec says integer int32",
    )


def test_renamed_field_no_longer_deprecated_in_the_spec(tmp_path: Path) -> None:
    repo = scratch(tmp_path)
    edit_spec(
        repo,
        lambda spec: spec["components"]["schemas"]["InferenceParameters"]["properties"]["maxTokens"].pop("deprecated"),
    )

    assert_fails_with(
        run_guard(repo, CURRENT),
        "inferenceParameters.maxTokens (InferenceParameters.maxTokens): renamed to maxOutputTokens in the "
        "current API, the spec lacks deprecated: true",
    )


def test_current_api_data_file_behind_the_sheet(tmp_path: Path) -> None:
    """The sheet gained a field; the data file was not rewritten (it is what the older sheet gave)."""

    def drop_node_count(text: str) -> str:
        return re.sub(r"^\| \+ nodeCount \|.*\n", "", text, flags=re.M)

    repo = scratch(tmp_path)
    write_data(repo, scratch_reference(tmp_path, drop_node_count, SHEET_NAME), "tools.current_api")

    assert_fails_with(
        run_guard(repo, CURRENT_COMPARISON, reference=real_reference()),
        f"{CURRENT_DATA_FILE} is not what",
        "schemas.ReinforcementFineTuningJob.fields.nodeCount: in the sheet, missing from the data file",
        "sheet.sha256: the sheet says",
        "make reference-data",
    )
