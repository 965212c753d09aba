# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reinforcement_fine_tuning_job import ReinforcementFineTuningJob

T = TypeVar("T", bound="ListReinforcementFineTuningJobsResponse")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "reinforcementFineTuningJobs",
        "nextPageToken",
        "totalSize",
    }
)


@_attrs_define
class ListReinforcementFineTuningJobsResponse:
    """One page of jobs.

    Attributes:
        reinforcement_fine_tuning_jobs (list[ReinforcementFineTuningJob] | Unset): The jobs of this page; absent when
            there are none.
        next_page_token (str | Unset): The `pageToken` of the next page; empty or absent on the last page.
        total_size (int | Unset): How many jobs match in all, over every page.
    """

    reinforcement_fine_tuning_jobs: list[ReinforcementFineTuningJob] | Unset = UNSET

    next_page_token: str | Unset = UNSET

    total_size: int | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.reinforcement_fine_tuning_jobs, Unset):
            field_dict["reinforcementFineTuningJobs"] = [item.to_dict() for item in self.reinforcement_fine_tuning_jobs]
        if not isinstance(self.next_page_token, Unset):
            field_dict["nextPageToken"] = self.next_page_token
        if not isinstance(self.total_size, Unset):
            field_dict["totalSize"] = self.total_size
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "reinforcementFineTuningJobs" in src_dict:
            reinforcement_fine_tuning_jobs = src_dict["reinforcementFineTuningJobs"]
            if not isinstance(reinforcement_fine_tuning_jobs, list):
                raise _decode.wrong_type("reinforcementFineTuningJobs", "array", reinforcement_fine_tuning_jobs)
            reinforcement_fine_tuning_jobs_items: list[Any] = []
            try:
                for reinforcement_fine_tuning_jobs_index, reinforcement_fine_tuning_jobs_item in enumerate(
                    reinforcement_fine_tuning_jobs
                ):
                    if not isinstance(reinforcement_fine_tuning_jobs_item, dict):
                        raise _decode.wrong_type(
                            reinforcement_fine_tuning_jobs_index, "object", reinforcement_fine_tuning_jobs_item
                        )
                    try:
                        reinforcement_fine_tuning_jobs_item = ReinforcementFineTuningJob.from_dict(
                            reinforcement_fine_tuning_jobs_item
                        )
                    except _decode.DecodeError as exc:
                        exc.path.insert(0, reinforcement_fine_tuning_jobs_index)
                        raise

                    reinforcement_fine_tuning_jobs_items.append(reinforcement_fine_tuning_jobs_item)
            except _decode.DecodeError as exc:
                exc.path.insert(0, "reinforcementFineTuningJobs")
                raise
            reinforcement_fine_tuning_jobs = reinforcement_fine_tuning_jobs_items
        else:
            reinforcement_fine_tuning_jobs = UNSET
        if "nextPageToken" in src_dict:
            next_page_token = src_dict["nextPageToken"]
            if not isinstance(next_page_token, str):
                raise _decode.wrong_type("nextPageToken", "string", next_page_token)
        else:
            next_page_token = UNSET
        if "totalSize" in src_dict:
            total_size = src_dict["totalSize"]
            if type(total_size) is not int and (not isinstance(total_size, int) or isinstance(total_size, bool)):
                raise _decode.wrong_type("totalSize", "integer", total_size)
        else:
            total_size = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        list_reinforcement_fine_tuning_jobs_response = cls(
            reinforcement_fine_tuning_jobs,
            next_page_token,
            total_size,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            list_reinforcement_fine_tuning_jobs_response.additional_properties = extra
        return list_reinforcement_fine_tuning_jobs_response

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
from ..models.reinforcement_fine_tuning_job import ReinforcementFineTuningJob  # noqa: E402
