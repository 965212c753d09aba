"""The response every benchmark serves and parses: a running job as the API sends it today.

It is the spec's `current` 200 example (with jobProgress, acceleratorSeconds, lossConfig), so the
bench measures the payload users meet, and runs on a clone with nothing beside it.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "fireworks-rft.yaml"
OPERATION = "/v1/accounts/{account_id}/reinforcementFineTuningJobs/{reinforcement_fine_tuning_job_id}"

ACCOUNT_ID = "bench-account"
JOB_ID = "bench-job"
JOB_PATH = f"/v1/accounts/{ACCOUNT_ID}/reinforcementFineTuningJobs/{JOB_ID}"
TOKEN = "bench-token"  # noqa: S105 - a dummy credential for the local server only


@cache
def job_body() -> bytes:
    """The spec's `current` example as the bytes a server would send (compact)."""
    spec = yaml.safe_load(SPEC.read_text())
    media = spec["paths"][OPERATION]["get"]["responses"]["200"]["content"]["application/json"]
    return json.dumps(media["examples"]["current"]["value"], separators=(",", ":")).encode()


def job_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(job_body())
    return data
