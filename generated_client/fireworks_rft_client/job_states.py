"""Terminal job states and what they mean, from the spec.

Which states are terminal, and which of them mean success, is ``x-job-state-outcomes`` on the
``JobState`` schema of openapi/fireworks-rft.yaml; ``make generate`` writes it as data into
``_job_state_table.py``. A state not listed there, including one this client was generated
without, means the job is still going.
"""

from enum import StrEnum
from types import MappingProxyType

from ._job_state_table import OUTCOMES
from .models.job_state import JobState

__all__ = ["FAILURE_STATES", "SUCCESS_STATES", "TERMINAL_STATES", "JobOutcome", "outcome_of"]


class JobOutcome(StrEnum):
    """How a job that reached a terminal state ended."""

    SUCCESS = "success"
    FAILURE = "failure"


#: Each terminal state and its outcome, in the order of the spec's enum.
TERMINAL_STATES: MappingProxyType[JobState, JobOutcome] = MappingProxyType(
    {JobState(state): JobOutcome(outcome) for state, outcome in OUTCOMES.items()}
)
SUCCESS_STATES: frozenset[JobState] = frozenset(s for s, o in TERMINAL_STATES.items() if o is JobOutcome.SUCCESS)
FAILURE_STATES: frozenset[JobState] = frozenset(s for s, o in TERMINAL_STATES.items() if o is JobOutcome.FAILURE)


def outcome_of(state: JobState) -> JobOutcome | None:
    """The outcome of a terminal state; None while the job is still going (or the state is unknown)."""
    return TERMINAL_STATES.get(state)
