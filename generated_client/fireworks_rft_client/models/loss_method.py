# Generated from openapi/fireworks-rft.yaml by templates/str_enum.py.jinja: edit those, then run 'make generate'.
from enum import StrEnum
from typing import Self


class LossMethod(StrEnum):
    """The reinforcement learning method.

    A value unknown to this client is kept as a pseudo-member with ``is_unknown`` True.
    """

    DAPO = "DAPO"
    DPO = "DPO"
    GRPO = "GRPO"
    GSPO_TOKEN = "GSPO_TOKEN"
    METHOD_UNSPECIFIED = "METHOD_UNSPECIFIED"
    ORPO = "ORPO"

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
