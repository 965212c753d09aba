# Generated from openapi/fireworks-rft.yaml by templates/str_enum.py.jinja: edit those, then run 'make generate'.
from enum import StrEnum
from typing import Self


class JobState(StrEnum):
    """JobState represents the state an asynchronous job can be in.

    A value unknown to this client is kept as a pseudo-member with ``is_unknown`` True.
    """

    JOB_STATE_CANCELLED = "JOB_STATE_CANCELLED"
    JOB_STATE_CANCELLING = "JOB_STATE_CANCELLING"
    JOB_STATE_COMPLETED = "JOB_STATE_COMPLETED"
    JOB_STATE_CREATING = "JOB_STATE_CREATING"
    JOB_STATE_CREATING_INPUT_DATASET = "JOB_STATE_CREATING_INPUT_DATASET"
    JOB_STATE_DELETED = "JOB_STATE_DELETED"
    JOB_STATE_DELETING = "JOB_STATE_DELETING"
    JOB_STATE_DELETING_CLEANING_UP = "JOB_STATE_DELETING_CLEANING_UP"
    JOB_STATE_EARLY_STOPPED = "JOB_STATE_EARLY_STOPPED"
    JOB_STATE_EXPIRED = "JOB_STATE_EXPIRED"
    JOB_STATE_FAILED = "JOB_STATE_FAILED"
    JOB_STATE_IDLE = "JOB_STATE_IDLE"
    JOB_STATE_PAUSED = "JOB_STATE_PAUSED"
    JOB_STATE_PENDING = "JOB_STATE_PENDING"
    JOB_STATE_RE_QUEUEING = "JOB_STATE_RE_QUEUEING"
    JOB_STATE_RUNNING = "JOB_STATE_RUNNING"
    JOB_STATE_UNSPECIFIED = "JOB_STATE_UNSPECIFIED"
    JOB_STATE_VALIDATING = "JOB_STATE_VALIDATING"
    JOB_STATE_WRITING_RESULTS = "JOB_STATE_WRITING_RESULTS"

    @property
    def is_unknown(self) -> bool:
        """True for a value the API sent that this client was generated without."""
        return self._value_ not in type(self)._value2member_map_

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
