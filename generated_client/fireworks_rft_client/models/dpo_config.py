# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

T = TypeVar("T", bound="DpoConfig")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "beta",
        "refCacheConcurrency",
        "refCacheBatchSize",
    }
)


@_attrs_define
class DpoConfig:
    """Settings of the DPO method.

    Attributes:
        beta (float | Unset): The DPO beta.
        ref_cache_concurrency (int | Unset): Concurrent requests that fill the reference model's cache.
        ref_cache_batch_size (int | Unset): Batch size of the requests that fill the reference model's cache.
    """

    beta: float | Unset = UNSET

    ref_cache_concurrency: int | Unset = UNSET

    ref_cache_batch_size: int | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.beta, Unset):
            field_dict["beta"] = _decode.float_to_json(self.beta)
        if not isinstance(self.ref_cache_concurrency, Unset):
            field_dict["refCacheConcurrency"] = self.ref_cache_concurrency
        if not isinstance(self.ref_cache_batch_size, Unset):
            field_dict["refCacheBatchSize"] = self.ref_cache_batch_size
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "beta" in src_dict:
            beta = src_dict["beta"]
            if not isinstance(beta, float):
                if isinstance(beta, int) and not isinstance(beta, bool):
                    beta = float(beta)
                else:
                    beta = _decode.to_float("beta", beta)
        else:
            beta = UNSET
        if "refCacheConcurrency" in src_dict:
            ref_cache_concurrency = src_dict["refCacheConcurrency"]
            if type(ref_cache_concurrency) is not int and (
                not isinstance(ref_cache_concurrency, int) or isinstance(ref_cache_concurrency, bool)
            ):
                raise _decode.wrong_type("refCacheConcurrency", "integer", ref_cache_concurrency)
        else:
            ref_cache_concurrency = UNSET
        if "refCacheBatchSize" in src_dict:
            ref_cache_batch_size = src_dict["refCacheBatchSize"]
            if type(ref_cache_batch_size) is not int and (
                not isinstance(ref_cache_batch_size, int) or isinstance(ref_cache_batch_size, bool)
            ):
                raise _decode.wrong_type("refCacheBatchSize", "integer", ref_cache_batch_size)
        else:
            ref_cache_batch_size = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        dpo_config = cls(
            beta,
            ref_cache_concurrency,
            ref_cache_batch_size,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            dpo_config.additional_properties = extra
        return dpo_config

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
