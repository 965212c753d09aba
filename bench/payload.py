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
# Listing: the bench server lists `total` jobs for account `bench-list-{total}`, in pages of
# LIST_PAGE_SIZE, each job the `current` example under its own name.
LIST_PAGE_SIZE = 200


def list_account(total: int) -> str:
    return f"bench-list-{total}"


@cache
def job_body() -> bytes:
    """The spec's `current` example as the bytes a server would send (compact)."""
    spec = yaml.safe_load(SPEC.read_text())
    media = spec["paths"][OPERATION]["get"]["responses"]["200"]["content"]["application/json"]
    return json.dumps(media["examples"]["current"]["value"], separators=(",", ":")).encode()


def job_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(job_body())
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
