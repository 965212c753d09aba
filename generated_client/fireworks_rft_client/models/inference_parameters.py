# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

T = TypeVar("T", bound="InferenceParameters")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "maxTokens",
        "maxOutputTokens",
        "temperature",
        "topP",
        "n",
        "responseCandidatesCount",
        "extraBody",
        "topK",
    }
)


@_attrs_define
class InferenceParameters:
    """BIJ parameters.

    Attributes:
        max_tokens (int | Unset): Maximum number of tokens to generate per response. Deprecated: the API now calls it
            `maxOutputTokens`; older servers still send this name. The client offers the value as
            `max_output_tokens` whichever name the server sent.
        max_output_tokens (int | Unset): Maximum number of tokens to generate per response (formerly `maxTokens`).
        temperature (float | Unset): Temperature of the sampling.
        top_p (float | Unset): Top-p (nucleus) sampling parameter.
        n (int | Unset): Number of response candidates to generate per prompt. Deprecated: the API now calls
            it `responseCandidatesCount`; older servers still send this name. The client offers
            the value as `response_candidates_count` whichever name the server sent.
        response_candidates_count (int | Unset): Number of response candidates to generate per prompt (formerly `n`).
        extra_body (str | Unset): Additional parameters for the inference request, as JSON text in a string.
        top_k (int | Unset): Top-k sampling parameter.
    """

    _max_tokens: int | Unset = UNSET

    max_output_tokens: int | Unset = UNSET

    temperature: float | Unset = UNSET

    top_p: float | Unset = UNSET

    _n: int | Unset = UNSET

    response_candidates_count: int | Unset = UNSET

    extra_body: str | Unset = UNSET

    top_k: int | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # New names from_dict filled from a deprecated old one (x-renamed-to).
    _renamed: frozenset[str] = _attrs_field(init=False, default=frozenset(), eq=False, repr=False)

    @property
    def max_tokens(self) -> int | Unset:
        """Deprecated: read max_output_tokens instead."""
        _decode.warn_deprecated("InferenceParameters.max_tokens", "max_output_tokens")
        return self._max_tokens

    @max_tokens.setter
    def max_tokens(self, value: int | Unset) -> None:
        self._max_tokens = value

    @property
    def n(self) -> int | Unset:
        """Deprecated: read response_candidates_count instead."""
        _decode.warn_deprecated("InferenceParameters.n", "response_candidates_count")
        return self._n

    @n.setter
    def n(self, value: int | Unset) -> None:
        self._n = value

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self._max_tokens, Unset):
            field_dict["maxTokens"] = self._max_tokens
        if not isinstance(self.max_output_tokens, Unset):
            field_dict["maxOutputTokens"] = self.max_output_tokens
        if not isinstance(self.temperature, Unset):
            field_dict["temperature"] = _decode.float_to_json(self.temperature)
        if not isinstance(self.top_p, Unset):
            field_dict["topP"] = _decode.float_to_json(self.top_p)
        if not isinstance(self._n, Unset):
            field_dict["n"] = self._n
        if not isinstance(self.response_candidates_count, Unset):
            field_dict["responseCandidatesCount"] = self.response_candidates_count
        if not isinstance(self.extra_body, Unset):
            field_dict["extraBody"] = self.extra_body
        if not isinstance(self.top_k, Unset):
            field_dict["topK"] = self.top_k
        # maxOutputTokens was filled from maxTokens: only the name that came goes back out.
        if "maxOutputTokens" in self._renamed and field_dict.get("maxOutputTokens") == field_dict.get("maxTokens"):
            del field_dict["maxOutputTokens"]
        # responseCandidatesCount was filled from n: only the name that came goes back out.
        if "responseCandidatesCount" in self._renamed and field_dict.get("responseCandidatesCount") == field_dict.get(
            "n"
        ):
            del field_dict["responseCandidatesCount"]
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "maxTokens" in src_dict:
            max_tokens = src_dict["maxTokens"]
            if type(max_tokens) is not int and (not isinstance(max_tokens, int) or isinstance(max_tokens, bool)):
                raise _decode.wrong_type("maxTokens", "integer", max_tokens)
        else:
            max_tokens = UNSET
        if "maxOutputTokens" in src_dict:
            max_output_tokens = src_dict["maxOutputTokens"]
            if type(max_output_tokens) is not int and (
                not isinstance(max_output_tokens, int) or isinstance(max_output_tokens, bool)
            ):
                raise _decode.wrong_type("maxOutputTokens", "integer", max_output_tokens)
        else:
            max_output_tokens = UNSET
        if "temperature" in src_dict:
            temperature = src_dict["temperature"]
            if not isinstance(temperature, float):
                if isinstance(temperature, int) and not isinstance(temperature, bool):
                    temperature = float(temperature)
                else:
                    temperature = _decode.to_float("temperature", temperature)
        else:
            temperature = UNSET
        if "topP" in src_dict:
            top_p = src_dict["topP"]
            if not isinstance(top_p, float):
                if isinstance(top_p, int) and not isinstance(top_p, bool):
                    top_p = float(top_p)
                else:
                    top_p = _decode.to_float("topP", top_p)
        else:
            top_p = UNSET
        if "n" in src_dict:
            n = src_dict["n"]
            if type(n) is not int and (not isinstance(n, int) or isinstance(n, bool)):
                raise _decode.wrong_type("n", "integer", n)
        else:
            n = UNSET
        if "responseCandidatesCount" in src_dict:
            response_candidates_count = src_dict["responseCandidatesCount"]
            if type(response_candidates_count) is not int and (
                not isinstance(response_candidates_count, int) or isinstance(response_candidates_count, bool)
            ):
                raise _decode.wrong_type("responseCandidatesCount", "integer", response_candidates_count)
        else:
            response_candidates_count = UNSET
        if "extraBody" in src_dict:
            extra_body = src_dict["extraBody"]
            if not isinstance(extra_body, str):
                raise _decode.wrong_type("extraBody", "string", extra_body)
        else:
            extra_body = UNSET
        if "topK" in src_dict:
            top_k = src_dict["topK"]
            if type(top_k) is not int and (not isinstance(top_k, int) or isinstance(top_k, bool)):
                raise _decode.wrong_type("topK", "integer", top_k)
        else:
            top_k = UNSET
        renamed: list[str] = []
        if max_output_tokens is UNSET and max_tokens is not UNSET:  # an older server's name
            max_output_tokens = max_tokens
            renamed.append("maxOutputTokens")
        if response_candidates_count is UNSET and n is not UNSET:  # an older server's name
            response_candidates_count = n
            renamed.append("responseCandidatesCount")
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        inference_parameters = cls(
            max_tokens,
            max_output_tokens,
            temperature,
            top_p,
            n,
            response_candidates_count,
            extra_body,
            top_k,
        )
        if renamed:  # a server of today sends the new names: nothing to note
            inference_parameters._renamed = frozenset(renamed)
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            inference_parameters.additional_properties = extra
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
