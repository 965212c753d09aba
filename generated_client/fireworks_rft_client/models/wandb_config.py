# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

T = TypeVar("T", bound="WandbConfig")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "enabled",
        "apiKey",
        "project",
        "entity",
        "runId",
        "url",
    }
)


@_attrs_define
class WandbConfig:
    """The Weights & Biases team/user account for logging training progress.

    Attributes:
        enabled (bool | Unset): Whether to enable wandb logging.
        api_key (str | Unset): The API key for the wandb service. A secret.
        project (str | Unset): The project name for the wandb service.
        entity (str | Unset): The entity name for the wandb service.
        run_id (str | Unset): The run ID for the wandb service.
        url (str | Unset): The URL for the wandb service.
    """

    enabled: bool | Unset = UNSET

    api_key: str | Unset = _attrs_field(default=UNSET, repr=_decode.mask_secret)

    project: str | Unset = UNSET

    entity: str | Unset = UNSET

    run_id: str | Unset = UNSET

    url: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.enabled, Unset):
            field_dict["enabled"] = self.enabled
        if not isinstance(self.api_key, Unset):
            field_dict["apiKey"] = self.api_key
        if not isinstance(self.project, Unset):
            field_dict["project"] = self.project
        if not isinstance(self.entity, Unset):
            field_dict["entity"] = self.entity
        if not isinstance(self.run_id, Unset):
            field_dict["runId"] = self.run_id
        if not isinstance(self.url, Unset):
            field_dict["url"] = self.url
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "enabled" in src_dict:
            enabled = src_dict["enabled"]
            if enabled is not True and enabled is not False:
                raise _decode.wrong_type("enabled", "boolean", enabled)
        else:
            enabled = UNSET
        if "apiKey" in src_dict:
            api_key = src_dict["apiKey"]
            if not isinstance(api_key, str):
                raise _decode.wrong_type("apiKey", "string", api_key)
        else:
            api_key = UNSET
        if "project" in src_dict:
            project = src_dict["project"]
            if not isinstance(project, str):
                raise _decode.wrong_type("project", "string", project)
        else:
            project = UNSET
        if "entity" in src_dict:
            entity = src_dict["entity"]
            if not isinstance(entity, str):
                raise _decode.wrong_type("entity", "string", entity)
        else:
            entity = UNSET
        if "runId" in src_dict:
            run_id = src_dict["runId"]
            if not isinstance(run_id, str):
                raise _decode.wrong_type("runId", "string", run_id)
        else:
            run_id = UNSET
        if "url" in src_dict:
            url = src_dict["url"]
            if not isinstance(url, str):
                raise _decode.wrong_type("url", "string", url)
        else:
            url = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        wandb_config = cls(
            enabled,
            api_key,
            project,
            entity,
            run_id,
            url,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            wandb_config.additional_properties = extra
        return wandb_config

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
