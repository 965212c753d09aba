# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.protobuf_any import ProtobufAny

T = TypeVar("T", bound="RpcStatus")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "code",
        "message",
        "details",
    }
)


@_attrs_define
class RpcStatus:
    """The gRPC-gateway error body that the API answers errors with.

    Attributes:
        code (int | Unset): The google.rpc.Code number of the error.
        message (str | Unset): A developer-facing error message.
        details (list[ProtobufAny] | Unset): Details of the error, each a google.protobuf.Any.
    """

    code: int | Unset = UNSET

    message: str | Unset = UNSET

    details: list[ProtobufAny] | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.code, Unset):
            field_dict["code"] = self.code
        if not isinstance(self.message, Unset):
            field_dict["message"] = self.message
        if not isinstance(self.details, Unset):
            field_dict["details"] = [item.to_dict() for item in self.details]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "code" in src_dict:
            code = src_dict["code"]
            if type(code) is not int and (not isinstance(code, int) or isinstance(code, bool)):
                raise _decode.wrong_type("code", "integer", code)
        else:
            code = UNSET
        if "message" in src_dict:
            message = src_dict["message"]
            if not isinstance(message, str):
                raise _decode.wrong_type("message", "string", message)
        else:
            message = UNSET
        if "details" in src_dict:
            details = src_dict["details"]
            if not isinstance(details, list):
                raise _decode.wrong_type("details", "array", details)
            details_items: list[Any] = []
            try:
                for details_index, details_item in enumerate(details):
                    if not isinstance(details_item, dict):
                        raise _decode.wrong_type(details_index, "object", details_item)
                    try:
                        details_item = ProtobufAny.from_dict(details_item)
                    except _decode.DecodeError as exc:
                        exc.path.insert(0, details_index)
                        raise

                    details_items.append(details_item)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "details")
                raise
            details = details_items
        else:
            details = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        rpc_status = cls(
            code,
            message,
            details,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            rpc_status.additional_properties = extra
        return rpc_status

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


# The models this one nests, imported after the class exists (so that models nesting each other
# can import each other) and not inside from_dict, where they would run on every call.
from ..models.protobuf_any import ProtobufAny  # noqa: E402
