# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..models.status_code import StatusCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Status")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "code",
        "message",
    }
)


@_attrs_define
class Status:
    """The status of the job, a google.rpc.Status without details.

    Attributes:
        code (StatusCode | Unset): The google.rpc.Code of a status, as its name.
        message (str | Unset): A developer-facing message, in English.
    """

    code: StatusCode | Unset = UNSET

    message: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.code, Unset):
            field_dict["code"] = self.code.value
        if not isinstance(self.message, Unset):
            field_dict["message"] = self.message
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "code" in src_dict:
            code = src_dict["code"]
            if not isinstance(code, str):
                raise _decode.wrong_type("code", "string", code)
            code = _StatusCode_MEMBERS.get(code) or StatusCode(code)
        else:
            code = UNSET
        if "message" in src_dict:
            message = src_dict["message"]
            if not isinstance(message, str):
                raise _decode.wrong_type("message", "string", message)
        else:
            message = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        status = cls(
            code,
            message,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            status.additional_properties = extra
        return status

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
_StatusCode_MEMBERS = StatusCode._value2member_map_
