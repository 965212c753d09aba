"""What a person wants to know of a job and the API does not say directly: times, hours, outcome.

The API serves ``createTime`` and ``completedTime`` but no start time, so the split of the total
time into queue and run time is an estimate: run time is the accelerator seconds used divided by
the accelerators held (``trainingConfig.acceleratorCount`` x ``nodeCount``), the rest is queue.
Each value is None when the job does not carry what it needs.
"""

from datetime import UTC, datetime
from typing import Any

from ..job_states import outcome_of
from ..models import JobState, ReinforcementFineTuningJob
from ..types import Unset

__all__ = ["accelerator_hours", "derived_columns", "job_id", "percent", "total_seconds"]


def job_id(name: str) -> str:
    """The last segment of a job's resource name."""
    return name.rsplit("/", 1)[-1]


def percent(job: ReinforcementFineTuningJob) -> int | None:
    progress = job.job_progress
    if isinstance(progress, Unset) or isinstance(progress.percent, Unset):
        return None
    return progress.percent


def epoch(job: ReinforcementFineTuningJob) -> int | None:
    progress = job.job_progress
    if isinstance(progress, Unset) or isinstance(progress.epoch, Unset):
        return None
    return progress.epoch


def accelerator_hours(job: ReinforcementFineTuningJob) -> dict[str, float]:
    """Accelerator hours by accelerator type (empty until the API reports them)."""
    seconds = job.accelerator_seconds
    if isinstance(seconds, Unset):
        return {}
    return {kind: value / 3600 for kind, value in seconds.additional_properties.items()}


def total_seconds(job: ReinforcementFineTuningJob, now: datetime | None = None) -> float | None:
    """Seconds from creation to completion (to ``now`` while the job goes on)."""
    if isinstance(job.create_time, Unset):
        return None
    end = job.completed_time if not isinstance(job.completed_time, Unset) else now or datetime.now(UTC)
    return max((end - job.create_time).total_seconds(), 0.0)


def run_seconds(job: ReinforcementFineTuningJob) -> float | None:
    """Estimated: accelerator seconds / accelerators held."""
    seconds = job.accelerator_seconds
    config = job.training_config
    if isinstance(seconds, Unset) or not seconds.additional_properties or isinstance(config, Unset):
        return None
    if isinstance(config.accelerator_count, Unset) or config.accelerator_count <= 0:
        return None
    nodes = job.node_count if not isinstance(job.node_count, Unset) and job.node_count > 0 else 1
    return float(sum(seconds.additional_properties.values())) / (config.accelerator_count * nodes)


def outcome(job: ReinforcementFineTuningJob) -> str:
    """``success`` / ``failure`` for a terminal state, empty while the job goes on."""
    found = outcome_of(job.state or JobState.JOB_STATE_UNSPECIFIED)
    return found.value if found is not None else ""


def derived_columns(job: ReinforcementFineTuningJob, now: datetime | None = None) -> dict[str, Any]:
    total = total_seconds(job, now)
    run = run_seconds(job)
    queue = max(total - run, 0.0) if total is not None and run is not None else None
    return {
        "outcome": outcome(job),
        "totalSeconds": total,
        "queueSeconds": queue,
        "runSeconds": run,
        "acceleratorHours": accelerator_hours(job),
    }
