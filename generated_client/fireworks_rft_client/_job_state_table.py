# Generated from openapi/fireworks-rft.yaml by tools/job_state_table.py (x-job-state-outcomes): edit those, then run 'make generate'.
"""Each terminal job state and its outcome, in the order of the spec's enum."""

OUTCOMES: dict[str, str] = {
    "JOB_STATE_COMPLETED": "success",
    "JOB_STATE_FAILED": "failure",
    "JOB_STATE_CANCELLED": "failure",
    "JOB_STATE_EXPIRED": "failure",
    "JOB_STATE_EARLY_STOPPED": "success",
    "JOB_STATE_DELETED": "failure",
}
