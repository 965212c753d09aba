# Hand-written; stands in for the generator's stock types module with the same names and behaviour,
# but an ``Unset`` that shows as ``UNSET`` in a model's repr instead of ``<...Unset object at 0x7f...>``,
# and stays the one ``UNSET`` through copy and pickle, so ``is UNSET`` checks keep working.
"""Shared types: the ``UNSET`` marker of absent fields, file uploads, and ``Response``."""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    """The type of ``UNSET``: a field the server did not send (or a parameter not given)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"  # copy and pickle give back the module's singleton


UNSET: Unset = Unset()

# What httpx accepts as a file to upload.
FileContent = IO[bytes] | bytes | str
FileTypes = tuple[str | None, FileContent, str | None] | tuple[str | None, FileContent, str | None, Mapping[str, str]]
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to upload as multipart/form-data."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """The (file name, payload, MIME type) tuple httpx expects."""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response of the API: status, headers, raw body and the parsed model."""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
