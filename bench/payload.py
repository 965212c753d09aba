"""The response every benchmark serves and parses: the example of the API reference page."""

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Same lookup as tests/conftest.py: the reference page lives beside the project.
REFERENCE_DIR = Path(os.environ.get("FIREWORKS_RFT_REFERENCE_DIR", ROOT.parent / "shared" / "reference"))
REFERENCE_PAGE = REFERENCE_DIR / "get-reinforcement-fine-tuning-job.txt"

ACCOUNT_ID = "bench-account"
JOB_ID = "bench-job"
JOB_PATH = f"/v1/accounts/{ACCOUNT_ID}/reinforcementFineTuningJobs/{JOB_ID}"
TOKEN = "bench-token"  # noqa: S105 - a dummy credential for the local server only


@cache
def reference_body() -> bytes:
    """The JSON example of the reference page, as the bytes a server would send (compact)."""
    text = REFERENCE_PAGE.read_text()
    match = re.search(r"^\{$.*?^\}$", text, flags=re.M | re.S)
    if match is None:
        raise RuntimeError(f"no JSON example found in {REFERENCE_PAGE}")
    data: dict[str, Any] = json.loads(match.group(0))
    return json.dumps(data, separators=(",", ":")).encode()


def reference_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(reference_body())
    return data
