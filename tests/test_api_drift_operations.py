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


def _sent_fields(sdk: dict[str, Any], spec: dict[str, Any]) -> list[str]:
    """Top-level fields both the SDK's create and the spec's create body send, the spec's order."""
    body = spec["components"]["schemas"]["ReinforcementFineTuningJobInput"]["properties"]
    return [name for name in body if name in sdk["operations"]["create"]["body"]]


def _rename(spec: dict[str, Any], old: str, new: str, *, record: bool = True) -> None:
    """The README's rename recipe on ``old``: the job keeps it deprecated (x-renamed-to), the body sends ``new``."""
    schemas = spec["components"]["schemas"]
    job, body = schemas["ReinforcementFineTuningJob"]["properties"], schemas["ReinforcementFineTuningJobInput"]
    job[new] = copy.deepcopy(job[old])
    if record:
        job[old].update({"deprecated": True, "x-renamed-to": new})
    body["properties"][new] = body["properties"].pop(old)


def test_a_renamed_or_deprecated_body_field_the_twin_keeps_is_informational(sdk: dict[str, Any]) -> None:
    """The README's rename and deprecate recipes take the old names out of the create body; the job
    schema keeps them deprecated (the rename with x-renamed-to): the SDK sending them is no drift."""
    spec = copy.deepcopy(load_spec())
    renamed, deprecated = _sent_fields(sdk, spec)[:2]
    _rename(spec, renamed, "brandNewName")
    spec["components"]["schemas"]["ReinforcementFineTuningJob"]["properties"][deprecated]["deprecated"] = True
    del spec["components"]["schemas"]["ReinforcementFineTuningJobInput"]["properties"][deprecated]
    text, status = api_drift_operations.run(sdk, spec)
    assert status == 0, text
    assert f"body field       POST {JOBS}  {renamed}: renamed to brandNewName (x-renamed-to)" in text
    assert f"body field       POST {JOBS}  {deprecated}: deprecated" in text
    assert f"body field       POST {JOBS}  brandNewName" in text.split("The spec has, the SDK lacks", 1)[1]


def test_an_old_name_the_twin_does_not_keep_is_lacking(sdk: dict[str, Any]) -> None:
    """The same rename without its records (no deprecated, no x-renamed-to on the job) is drift."""
    spec = copy.deepcopy(load_spec())
    renamed = _sent_fields(sdk, spec)[0]
    _rename(spec, renamed, "brandNewName", record=False)
    text, status = api_drift_operations.run(sdk, spec)
    assert status == 1 and f"body field       POST {JOBS}  {renamed}\n" in text, text


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
