# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..models.loss_method import LossMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dpo_config import DpoConfig

T = TypeVar("T", bound="ReinforcementLearningLossConfig")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "method",
        "klBeta",
        "dpo",
    }
)


@_attrs_define
class ReinforcementLearningLossConfig:
    """The loss the trainer optimises.

    Attributes:
        method (LossMethod | Unset): The reinforcement learning method.
        kl_beta (float | Unset): The KL coefficient of GRPO-like methods; the trainer's default when absent.
        dpo (DpoConfig | Unset): Settings of the DPO method.
    """

    method: LossMethod | Unset = UNSET

    kl_beta: float | Unset = UNSET

    dpo: DpoConfig | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.method, Unset):
            field_dict["method"] = self.method.value
        if not isinstance(self.kl_beta, Unset):
            field_dict["klBeta"] = _decode.float_to_json(self.kl_beta)
        if not isinstance(self.dpo, Unset):
            field_dict["dpo"] = self.dpo.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "method" in src_dict:
            method = src_dict["method"]
            if not isinstance(method, str):
                raise _decode.wrong_type("method", "string", method)
            method = _LossMethod_MEMBERS.get(method) or LossMethod(method)
        else:
            method = UNSET
        if "klBeta" in src_dict:
            kl_beta = src_dict["klBeta"]
            if not isinstance(kl_beta, float):
                if isinstance(kl_beta, int) and not isinstance(kl_beta, bool):
                    kl_beta = float(kl_beta)
                else:
                    kl_beta = _decode.to_float("klBeta", kl_beta)
        else:
            kl_beta = UNSET
        if "dpo" in src_dict:
            dpo = src_dict["dpo"]
            if not isinstance(dpo, dict):
                raise _decode.wrong_type("dpo", "object", dpo)
            try:
                dpo = DpoConfig.from_dict(dpo)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "dpo")
                raise
        else:
            dpo = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        reinforcement_learning_loss_config = cls(
            method,
            kl_beta,
            dpo,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            reinforcement_learning_loss_config.additional_properties = extra
        return reinforcement_learning_loss_config

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The value-to-member maps of the enums from_dict reads, looked up once: an attribute of an
# enum class is read through its metaclass on every access (~70 ns).
_LossMethod_MEMBERS = LossMethod._value2member_map_


# The models this one nests, imported after the class exists (so that models nesting each other
# can import each other) and not inside from_dict, where they would run on every call.
from ..models.dpo_config import DpoConfig  # noqa: E402
