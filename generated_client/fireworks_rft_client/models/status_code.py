# Generated from openapi/fireworks-rft.yaml by templates/str_enum.py.jinja: edit those, then run 'make generate'.
from enum import StrEnum
from typing import Self


class StatusCode(StrEnum):
    """The google.rpc.Code of a status, as its name.

    A value unknown to this client is kept as a pseudo-member with ``is_unknown`` True.
    """

    ABORTED = "ABORTED"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    CANCELLED = "CANCELLED"
    DATA_LOSS = "DATA_LOSS"
    DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED"
    FAILED_PRECONDITION = "FAILED_PRECONDITION"
    INTERNAL = "INTERNAL"
    INVALID_ARGUMENT = "INVALID_ARGUMENT"
    NOT_FOUND = "NOT_FOUND"
    OK = "OK"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    UNAVAILABLE = "UNAVAILABLE"
    UNIMPLEMENTED = "UNIMPLEMENTED"
    UNKNOWN = "UNKNOWN"

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
