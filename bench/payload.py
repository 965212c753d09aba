"""The responses the benchmarks serve and parse: two 200 examples of the spec.

- `current`: a running job as the API sends it today (with jobProgress, acceleratorSeconds,
  lossConfig...), the payload users meet;
- `reference`: the example of the API reference page, smaller (every field of the older API,
  `<string>` placeholders), which the earlier runs used.

Each has its own job id on the bench server, so the same GET measures either. Taken from the spec,
so the bench runs on a clone with nothing beside it.
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
TOKEN = "bench-token"  # noqa: S105 - a dummy credential for the local server only
CURRENT, REFERENCE = "current", "reference"
PAYLOADS = {CURRENT: "today's running job", REFERENCE: "the reference page's example"}
JOB_IDS = {CURRENT: "bench-job", REFERENCE: "bench-job-reference"}
JOB_ID = JOB_IDS[CURRENT]
JOB_PATH = f"/v1/accounts/{ACCOUNT_ID}/reinforcementFineTuningJobs/{JOB_ID}"


def job_path(payload: str = CURRENT) -> str:
    return f"/v1/accounts/{ACCOUNT_ID}/reinforcementFineTuningJobs/{JOB_IDS[payload]}"


# Listing: the bench server lists `total` jobs for account `bench-list-{total}`, in pages of
# LIST_PAGE_SIZE, each job the `current` example under its own name.
LIST_PAGE_SIZE = 200


def list_account(total: int) -> str:
    return f"bench-list-{total}"


@cache
def job_body(payload: str = CURRENT) -> bytes:
    """The spec's example as the bytes a server would send (compact)."""
    spec = yaml.safe_load(SPEC.read_text())
    media = spec["paths"][OPERATION]["get"]["responses"]["200"]["content"]["application/json"]
    return json.dumps(media["examples"][payload]["value"], separators=(",", ":")).encode()


def job_example(payload: str = CURRENT) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(job_body(payload))
    return data


def page_body(total: int, number: int, page_size: int = LIST_PAGE_SIZE) -> bytes:
    """Page ``number`` (0 for the first) of a list of ``total`` jobs: its token is ``p{number}``,
    the next one's ``p{number + 1}``, "" on the last page."""
    job = job_example()
    first = number * page_size
    jobs = []
    for index in range(first, min(first + page_size, total)):
        job["name"] = f"accounts/{list_account(total)}/reinforcementFineTuningJobs/job-{index}"
        jobs.append(json.dumps(job, separators=(",", ":")).encode())
    token = f"p{number + 1}" if first + page_size < total else ""
    tail = json.dumps({"nextPageToken": token, "totalSize": total}, separators=(",", ":")).encode()
    return b'{"reinforcementFineTuningJobs":[' + b",".join(jobs) + b"]," + tail[1:]
