# Generated from openapi/fireworks-rft.yaml by templates/model.py.jinja: edit those, then run 'make generate'.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import _decode
from ..types import UNSET, Unset

T = TypeVar("T", bound="AwsS3Config")
# The JSON keys of the properties; any other key of a response goes to additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "credentialsSecret",
        "iamRoleArn",
    }
)


@_attrs_define
class AwsS3Config:
    """Access to datasets kept in Amazon S3.

    Attributes:
        credentials_secret (str | Unset): The name of the secret holding the AWS credentials.
        iam_role_arn (str | Unset): The ARN of the IAM role to assume.
    """

    credentials_secret: str | Unset = UNSET

    iam_role_arn: str | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        if not isinstance(self.credentials_secret, Unset):
            field_dict["credentialsSecret"] = self.credentials_secret
        if not isinstance(self.iam_role_arn, Unset):
            field_dict["iamRoleArn"] = self.iam_role_arn
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
        if "iamRoleArn" in src_dict:
            iam_role_arn = src_dict["iamRoleArn"]
            if not isinstance(iam_role_arn, str):
                raise _decode.wrong_type("iamRoleArn", "string", iam_role_arn)
        else:
            iam_role_arn = UNSET
        # Positional, in the order of the attributes above (attrs' __init__ order): a call with
        # ~30 keywords spends more on matching them than __init__ spends storing the values.
        aws_s3_config = cls(
            credentials_secret,
            iam_role_arn,
        )
        if not _KNOWN_KEYS.issuperset(src_dict):  # fields this client was generated without
            extra = {k: v for k, v in src_dict.items() if k not in _KNOWN_KEYS}
            aws_s3_config.additional_properties = extra
        return aws_s3_config

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
