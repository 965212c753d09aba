# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode

T = TypeVar("T", bound="AcceleratorSeconds")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset({})


@_attrs_define(eq=False)  # Mapping's __eq__: equal to a dict of the same items
class AcceleratorSeconds(Mapping[str, "int"]):
    """Accelerator time the job used, in seconds, keyed by accelerator type (for example
    `NVIDIA_H100_80GB`). Updated when the job completes or is cancelled. The values are
    64-bit integers, which the API sends as strings.

    """

    additional_properties: dict[str, int] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {key: str(value) for key, value in self.additional_properties.items()}
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        accelerator_seconds = cls()
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra: dict[str, Any] = {}  # a map and nothing else: one pass, checking each value as it is copied
            for key, value in src_dict.items():
                if type(value) is str and len(value) < 19 and value.isdigit() and value.isascii():
                    value = int(value)
                else:
                    value = _decode.to_int64(key, value)
                extra[key] = value
            accelerator_seconds.additional_properties = extra
        return accelerator_seconds

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> int:
        return self.additional_properties[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.additional_properties)

    def __len__(self) -> int:
        return len(self.additional_properties)
