from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InferenceParameters")


@_attrs_define
class InferenceParameters:
    """BIJ parameters.

    Attributes:
        max_tokens (int | Unset): Maximum number of tokens to generate per response.
        temperature (float | Unset): Temperature of the sampling.
        top_p (float | Unset): Top-p (nucleus) sampling parameter.
        n (int | Unset): Number of response candidates to generate per prompt.
        extra_body (str | Unset): Additional parameters for the inference request, as JSON text in a string.
        top_k (int | Unset): Top-k sampling parameter.
    """

    max_tokens: int | Unset = UNSET
    temperature: float | Unset = UNSET
    top_p: float | Unset = UNSET
    n: int | Unset = UNSET
    extra_body: str | Unset = UNSET
    top_k: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_tokens = self.max_tokens

        temperature = self.temperature

        top_p = self.top_p

        n = self.n

        extra_body = self.extra_body

        top_k = self.top_k

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if max_tokens is not UNSET:
            field_dict["maxTokens"] = max_tokens
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["topP"] = top_p
        if n is not UNSET:
            field_dict["n"] = n
        if extra_body is not UNSET:
            field_dict["extraBody"] = extra_body
        if top_k is not UNSET:
            field_dict["topK"] = top_k

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_tokens = d.pop("maxTokens", UNSET)

        temperature = d.pop("temperature", UNSET)

        top_p = d.pop("topP", UNSET)

        n = d.pop("n", UNSET)

        extra_body = d.pop("extraBody", UNSET)

        top_k = d.pop("topK", UNSET)

        inference_parameters = cls(
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            n=n,
            extra_body=extra_body,
            top_k=top_k,
        )

        inference_parameters.additional_properties = d
        return inference_parameters

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
