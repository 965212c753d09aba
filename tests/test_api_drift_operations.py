"""make api-drift, operations half: the SDK's methods on the job resource against the spec's
operations (tools/api_drift_operations.py, tools/sdk_operations_reader.py).

Offline: the reader runs in the project's .venv, where requirements-dev.txt pins fireworks-ai.
The spec of this repository has every operation the pinned SDK has; each break below (an
operation, a query parameter or a body field taken out of a copy of the spec) must be reported
as lacking, with exit status 1.
"""

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import api_drift_operations
from tools.prism import ROOT

from .conftest import load_spec
from .time_limits import slow

JOBS = "/v1/accounts/{account_id}/reinforcementFineTuningJobs"
JOB = JOBS + "/{reinforcement_fine_tuning_job_id}"


@pytest.fixture(scope="module")
def sdk() -> dict[str, Any]:
    return api_drift_operations.read_sdk_operations(sys.executable)


def test_the_reader_finds_every_method_of_the_resource_with_its_wire_names(sdk: dict[str, Any]) -> None:
    operations = sdk["operations"]
    assert {name: (op["http_method"], op["path"]) for name, op in operations.items()} == {
        "create": ("POST", JOBS),
        "list": ("GET", JOBS),
        "get": ("GET", JOB),
        "cancel": ("POST", JOB + ":cancel"),
        "resume": ("POST", JOB + ":resume"),
        "delete": ("DELETE", JOB),
    }
    assert operations["create"]["query"] == ["reinforcementFineTuningJobId"]
    assert {"dataset", "evaluator", "displayName", "trainingConfig"} <= set(operations["create"]["body"])
    assert set(operations["list"]["query"]) == {"filter", "orderBy", "pageSize", "pageToken", "readMask"}


def test_the_spec_has_every_operation_of_the_sdk(sdk: dict[str, Any]) -> None:
    text, status = api_drift_operations.run(sdk, load_spec())
    assert status == 0, text
    assert "The spec has every operation" in text


def _without_cancel(spec: dict[str, Any]) -> None:
    del spec["paths"][JOB + ":cancel"]


def _without_page_token(spec: dict[str, Any]) -> None:
    params = spec["paths"][JOBS]["get"]["parameters"]
    params[:] = [p for p in params if p["name"] != "pageToken"]


def _without_node_count(spec: dict[str, Any]) -> None:
    del spec["components"]["schemas"]["ReinforcementFineTuningJobInput"]["properties"]["nodeCount"]


@pytest.mark.parametrize(
    ("break_it", "line"),
    [
        (_without_cancel, f"operation        POST {JOB}:cancel  SDK method cancel()"),
        (_without_page_token, f"query parameter  GET {JOBS}  pageToken"),
        (_without_node_count, f"body field       POST {JOBS}  nodeCount"),
    ],
    ids=["operation", "query-parameter", "body-field"],
)
def test_what_the_spec_lacks_is_reported_and_fails(sdk: dict[str, Any], break_it: Any, line: str) -> None:
    spec = copy.deepcopy(load_spec())
    break_it(spec)
    text, status = api_drift_operations.run(sdk, spec)
    assert status == 1 and line in text, text


def test_what_only_the_spec_has_is_informational(sdk: dict[str, Any]) -> None:
    spec = copy.deepcopy(load_spec())
    spec["paths"][JOBS]["get"]["parameters"].append(
        {"name": "showDeleted", "in": "query", "schema": {"type": "boolean"}}
    )
    text, status = api_drift_operations.run(sdk, spec)
    assert status == 0 and f"query parameter  GET {JOBS}  showDeleted" in text


@slow(120, "runs make api-drift's tool as a subprocess: both SDK readers in the project's .venv")
def test_make_api_drift_prints_both_reports_and_fails_on_a_lacking_operation(tmp_path: Path) -> None:
    spec = copy.deepcopy(load_spec())
    _without_cancel(spec)
    broken = tmp_path / "spec.yaml"
    broken.write_text(yaml.safe_dump(spec))
    for path, expected in ((ROOT / "openapi" / "fireworks-rft.yaml", 0), (broken, 1)):
        done = subprocess.run(
            [sys.executable, "-m", "tools.api_drift", "--python", sys.executable, "--spec", str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=100,
            check=False,
        )
        assert done.returncode == expected, done.stdout + done.stderr
        assert "Operations: fireworks-ai" in done.stdout
