# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobProgress")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "percent",
        "epoch",
        "inputTokens",
        "outputTokens",
        "cachedInputTokenCount",
        "outputRows",
        "failedRequests",
        "successfullyProcessedRequests",
        "totalInputRequests",
        "totalProcessedRequests",
    }
)


@_attrs_define
class JobProgress:
    """How far the job has got.

    Attributes:
        percent (int | Unset): Percent done, 0 to 100.
        epoch (int | Unset): The epoch the job is in.
        input_tokens (int | Unset): Input tokens processed so far.
        output_tokens (int | Unset): Output tokens produced so far.
        cached_input_token_count (int | Unset): Input tokens served from the cache.
        output_rows (int | Unset): Output rows written so far.
        failed_requests (int | Unset): Requests that failed.
        successfully_processed_requests (int | Unset): Requests processed successfully.
        total_input_requests (int | Unset): All requests the job has to process.
        total_processed_requests (int | Unset): Requests processed so far, failed or not.
    """

    percent: int | Unset = UNSET

    epoch: int | Unset = UNSET

    input_tokens: int | Unset = UNSET

    output_tokens: int | Unset = UNSET

    cached_input_token_count: int | Unset = UNSET

    output_rows: int | Unset = UNSET

    failed_requests: int | Unset = UNSET

    successfully_processed_requests: int | Unset = UNSET

    total_input_requests: int | Unset = UNSET

    total_processed_requests: int | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.percent, Unset):
            field_dict["percent"] = self.percent
        if not isinstance(self.epoch, Unset):
            field_dict["epoch"] = self.epoch
        if not isinstance(self.input_tokens, Unset):
            field_dict["inputTokens"] = self.input_tokens
        if not isinstance(self.output_tokens, Unset):
            field_dict["outputTokens"] = self.output_tokens
        if not isinstance(self.cached_input_token_count, Unset):
            field_dict["cachedInputTokenCount"] = self.cached_input_token_count
        if not isinstance(self.output_rows, Unset):
            field_dict["outputRows"] = self.output_rows
        if not isinstance(self.failed_requests, Unset):
            field_dict["failedRequests"] = self.failed_requests
        if not isinstance(self.successfully_processed_requests, Unset):
            field_dict["successfullyProcessedRequests"] = self.successfully_processed_requests
        if not isinstance(self.total_input_requests, Unset):
            field_dict["totalInputRequests"] = self.total_input_requests
        if not isinstance(self.total_processed_requests, Unset):
            field_dict["totalProcessedRequests"] = self.total_processed_requests
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "percent" in src_dict:
            percent = src_dict["percent"]
            if type(percent) is not int and (not isinstance(percent, int) or isinstance(percent, bool)):
                raise _decode.wrong_type("percent", "integer", percent)
        else:
            percent = UNSET
        if "epoch" in src_dict:
            epoch = src_dict["epoch"]
            if type(epoch) is not int and (not isinstance(epoch, int) or isinstance(epoch, bool)):
                raise _decode.wrong_type("epoch", "integer", epoch)
        else:
            epoch = UNSET
        if "inputTokens" in src_dict:
            input_tokens = src_dict["inputTokens"]
            if type(input_tokens) is not int and (not isinstance(input_tokens, int) or isinstance(input_tokens, bool)):
                raise _decode.wrong_type("inputTokens", "integer", input_tokens)
        else:
            input_tokens = UNSET
        if "outputTokens" in src_dict:
            output_tokens = src_dict["outputTokens"]
            if type(output_tokens) is not int and (
                not isinstance(output_tokens, int) or isinstance(output_tokens, bool)
            ):
                raise _decode.wrong_type("outputTokens", "integer", output_tokens)
        else:
            output_tokens = UNSET
        if "cachedInputTokenCount" in src_dict:
            cached_input_token_count = src_dict["cachedInputTokenCount"]
            if type(cached_input_token_count) is not int and (
                not isinstance(cached_input_token_count, int) or isinstance(cached_input_token_count, bool)
            ):
                raise _decode.wrong_type("cachedInputTokenCount", "integer", cached_input_token_count)
        else:
            cached_input_token_count = UNSET
        if "outputRows" in src_dict:
            output_rows = src_dict["outputRows"]
            if type(output_rows) is not int and (not isinstance(output_rows, int) or isinstance(output_rows, bool)):
                raise _decode.wrong_type("outputRows", "integer", output_rows)
        else:
            output_rows = UNSET
        if "failedRequests" in src_dict:
            failed_requests = src_dict["failedRequests"]
            if type(failed_requests) is not int and (
                not isinstance(failed_requests, int) or isinstance(failed_requests, bool)
            ):
                raise _decode.wrong_type("failedRequests", "integer", failed_requests)
        else:
            failed_requests = UNSET
        if "successfullyProcessedRequests" in src_dict:
            successfully_processed_requests = src_dict["successfullyProcessedRequests"]
            if type(successfully_processed_requests) is not int and (
                not isinstance(successfully_processed_requests, int)
                or isinstance(successfully_processed_requests, bool)
            ):
                raise _decode.wrong_type("successfullyProcessedRequests", "integer", successfully_processed_requests)
        else:
            successfully_processed_requests = UNSET
        if "totalInputRequests" in src_dict:
            total_input_requests = src_dict["totalInputRequests"]
            if type(total_input_requests) is not int and (
                not isinstance(total_input_requests, int) or isinstance(total_input_requests, bool)
            ):
                raise _decode.wrong_type("totalInputRequests", "integer", total_input_requests)
        else:
            total_input_requests = UNSET
        if "totalProcessedRequests" in src_dict:
            total_processed_requests = src_dict["totalProcessedRequests"]
            if type(total_processed_requests) is not int and (
                not isinstance(total_processed_requests, int) or isinstance(total_processed_requests, bool)
            ):
                raise _decode.wrong_type("totalProcessedRequests", "integer", total_processed_requests)
        else:
            total_processed_requests = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        job_progress = cls(
            percent,
            epoch,
            input_tokens,
            output_tokens,
            cached_input_token_count,
            output_rows,
            failed_requests,
            successfully_processed_requests,
            total_input_requests,
            total_processed_requests,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            job_progress.additional_properties = extra
        return job_progress

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
