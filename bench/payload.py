"""The response every benchmark serves and parses: the example of the API reference page.

It comes from the repository's data file (reference/, see tools/reference_data.py), so the bench
runs on a clone with nothing beside it.
"""

import json
from functools import cache
from pathlib import Path
from typing import Any

from tools.reference_data import load_reference_page

ROOT = Path(__file__).resolve().parent.parent

ACCOUNT_ID = "bench-account"
JOB_ID = "bench-job"
JOB_PATH = f"/v1/accounts/{ACCOUNT_ID}/reinforcementFineTuningJobs/{JOB_ID}"
TOKEN = "bench-token"  # noqa: S105 - a dummy credential for the local server only


@cache
def reference_body() -> bytes:
    """The reference example as the bytes a server would send (compact)."""
    return json.dumps(load_reference_page().example, separators=(",", ":")).encode()


def reference_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(reference_body())
    return data
