"""``fireworks-rft create --dry-run`` prints what would be sent, with every secret field masked.

The secret fields are found in the spec (``format: password`` or ``x-secret: true`` in the create
body's schemas), so a secret the spec adds later is covered without a change here.
"""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fireworks_rft_client.cli.inputs import checked_body, shown_body
from tools.job_fleet_server import Fleet, job_fleet_server

from .time_limits import slow

ROOT = Path(__file__).resolve().parent.parent
SECRET = "sk-dry-run-0123456789"
INPUT_SCHEMA = "ReinforcementFineTuningJobInput"


def secret_paths(spec: dict[str, Any], name: str = INPUT_SCHEMA, at: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """JSON paths of the string properties the spec marks secret, in the create body's schemas."""
    found = []
    for key, prop in spec["components"]["schemas"][name].get("properties", {}).items():
        if "$ref" in prop:
            found += secret_paths(spec, prop["$ref"].rsplit("/", 1)[1], (*at, key))
        elif prop.get("type") == "string" and (prop.get("format") == "password" or prop.get("x-secret")):
            found.append((*at, key))
    return found


def body_with_secrets(spec: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"dataset": "accounts/acme/datasets/d", "evaluator": "accounts/acme/evaluators/e"}
    for path in secret_paths(spec):
        node = body
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = SECRET
    return body


def test_the_create_body_has_a_secret_to_mask(spec: dict[str, Any]) -> None:
    assert secret_paths(spec), "no secret field in the create body: the tests below would prove nothing"


def test_shown_body_masks_every_secret_and_keeps_the_rest(spec: dict[str, Any]) -> None:
    body = body_with_secrets(spec)
    shown = shown_body(checked_body(body))
    assert SECRET not in json.dumps(shown)
    for path in secret_paths(spec):
        node: Any = shown
        for key in path:
            node = node[key]
        assert node == "***", path
    assert shown["dataset"] == body["dataset"] and shown["evaluator"] == body["evaluator"]
    assert SECRET in json.dumps(checked_body(body)), "what is sent keeps the secret; only the display masks it"


@pytest.fixture
def fleet() -> Iterator[Fleet]:
    with job_fleet_server() as server:
        yield server


@slow(20, "starts the command as a subprocess")
def test_dry_run_prints_no_secret_and_sends_nothing(spec: dict[str, Any], fleet: Fleet, tmp_path: Path) -> None:
    file = tmp_path / "job.json"
    file.write_text(json.dumps(body_with_secrets(spec)))
    env = {
        "FIREWORKS_API_KEY": "fw-cli-token-0123456789",
        "FIREWORKS_BASE_URL": fleet.base_url,
        "FIREWORKS_ACCOUNT_ID": "acme",
        "PYTHONPATH": str(ROOT / "generated_client"),
    }
    argv = [sys.executable, "-m", "fireworks_rft_client.cli", "create", str(file), "--dry-run"]
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=15)
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert json.loads(result.stdout)["dataset"] == "accounts/acme/datasets/d"
    assert fleet.requests == []
