"""The derived columns of ``fireworks-rft export``: times, accelerator hours and outcome, from the job alone."""

from datetime import UTC, datetime
from typing import Any

import pytest

from fireworks_rft_client.cli.derived import derived_columns
from fireworks_rft_client.models import ReinforcementFineTuningJob

CREATED = "2026-11-30T10:00:00Z"


def job(**fields: Any) -> ReinforcementFineTuningJob:
    return ReinforcementFineTuningJob.from_dict({"name": "accounts/a/reinforcementFineTuningJobs/j", **fields})


def test_a_completed_job_splits_its_time_into_queue_and_run() -> None:
    """3 h in all; 16 accelerator hours on 4 accelerators x 2 nodes: 2 h run, so 1 h queue."""
    done = job(
        state="JOB_STATE_COMPLETED",
        createTime=CREATED,
        completedTime="2026-11-30T13:00:00Z",
        acceleratorSeconds={"NVIDIA_H100_80GB": str(12 * 3600), "NVIDIA_A100_80GB": str(4 * 3600)},
        trainingConfig={"acceleratorCount": 4},
        nodeCount=2,
    )
    assert derived_columns(done) == {
        "outcome": "success",
        "totalSeconds": 3 * 3600,
        "queueSeconds": 3600,
        "runSeconds": 2 * 3600,
        "acceleratorHours": {"NVIDIA_H100_80GB": 12.0, "NVIDIA_A100_80GB": 4.0},
    }


@pytest.mark.parametrize(
    ("state", "outcome"),
    [("JOB_STATE_FAILED", "failure"), ("JOB_STATE_CANCELLED", "failure"), ("JOB_STATE_RUNNING", ""), (None, "")],
)
def test_outcome_comes_from_the_spec_terminal_states(state: str | None, outcome: str) -> None:
    fields = {"state": state} if state else {}
    assert derived_columns(job(**fields))["outcome"] == outcome


def test_a_running_job_counts_to_now_and_leaves_unknowns_empty() -> None:
    now = datetime(2026, 11, 30, 10, 30, tzinfo=UTC)
    running = derived_columns(job(state="JOB_STATE_RUNNING", createTime=CREATED), now)
    assert running["totalSeconds"] == 1800
    assert running["queueSeconds"] is None and running["runSeconds"] is None and running["acceleratorHours"] == {}


def test_without_accelerator_count_there_is_no_estimate() -> None:
    """One node is assumed when nodeCount is absent (the API's default); the accelerator count is not guessed."""
    hours = {"acceleratorSeconds": {"NVIDIA_H100_80GB": "7200"}, "createTime": CREATED}
    assert derived_columns(job(**hours))["runSeconds"] is None
    assert derived_columns(job(**hours, trainingConfig={"acceleratorCount": 2}))["runSeconds"] == 3600
