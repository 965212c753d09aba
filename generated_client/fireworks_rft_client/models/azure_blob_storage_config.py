# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

T = TypeVar("T", bound="AzureBlobStorageConfig")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "credentialsSecret",
        "managedIdentityClientId",
        "tenantId",
    }
)


@_attrs_define
class AzureBlobStorageConfig:
    """Access to datasets kept in Azure Blob Storage.

    Attributes:
        credentials_secret (str | Unset): The name of the secret holding the Azure credentials.
        managed_identity_client_id (str | Unset): The client id of the managed identity to use.
        tenant_id (str | Unset): The Azure tenant id.
    """

    credentials_secret: str | Unset = UNSET

    managed_identity_client_id: str | Unset = UNSET

    tenant_id: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.credentials_secret, Unset):
            field_dict["credentialsSecret"] = self.credentials_secret
        if not isinstance(self.managed_identity_client_id, Unset):
            field_dict["managedIdentityClientId"] = self.managed_identity_client_id
        if not isinstance(self.tenant_id, Unset):
            field_dict["tenantId"] = self.tenant_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from a decoded JSON object; errors.DecodeError names a value that does not fit."""
        if "credentialsSecret" in src_dict:
            credentials_secret = src_dict["credentialsSecret"]
            if not isinstance(credentials_secret, str):
                raise _decode.wrong_type("credentialsSecret", "string", credentials_secret)
        else:
            credentials_secret = UNSET
        if "managedIdentityClientId" in src_dict:
            managed_identity_client_id = src_dict["managedIdentityClientId"]
            if not isinstance(managed_identity_client_id, str):
                raise _decode.wrong_type("managedIdentityClientId", "string", managed_identity_client_id)
        else:
            managed_identity_client_id = UNSET
        if "tenantId" in src_dict:
            tenant_id = src_dict["tenantId"]
            if not isinstance(tenant_id, str):
                raise _decode.wrong_type("tenantId", "string", tenant_id)
        else:
            tenant_id = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        azure_blob_storage_config = cls(
            credentials_secret,
            managed_identity_client_id,
            tenant_id,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            azure_blob_storage_config.additional_properties = extra
        return azure_blob_storage_config

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
