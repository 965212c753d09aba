"""Parse the API reference page (plain text copied from the docs site) into data.

The page has: the request line and its headers (in its curl example), one JSON response example,
and field lists under "Authorizations", "Path Parameters", "Query Parameters" and "Response". A
field is a name line followed by a type line (``string``, ``string<date-time>``, ``enum<string>``,
``object``...), then optional ``header``/``query``/``path``/``cookie`` (where it is sent),
``required``, ``default:VALUE``, a description and ``Available options:`` with one value a line.

Only tools/reference_data.py reads the page: it turns it into the data file the tests read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

SECTIONS = ("Authorizations", "Path Parameters", "Query Parameters", "Response")
NAME_LINE = re.compile(r"[A-Za-z_@][\w@]*")
TYPE_LINE = re.compile(r"(string|integer|number|boolean|object|array|enum)(?:<([\w-]+)>)?")
LOCATIONS = ("header", "query", "path", "cookie")
# The curl example shows how each credential is sent: ``--header 'Authorization: Bearer <token>'``.
CURL_CREDENTIAL = re.compile(r"--header '([\w-]+): (\w+) <token>'")


class ReferencePageError(ValueError):
    """The page does not have the shape this parser knows: fix the parser, not the test."""


@dataclass(frozen=True)
class PageField:
    name: str
    type: str  # as written on the page
    required: bool = False
    default: str | None = None
    options: tuple[str, ...] = ()
    location: str | None = None  # only the Authorizations section says where a field is sent

    @property
    def json_type(self) -> str:
        base, inner = _split_type(self.type)
        return inner if base == "enum" and inner else base

    @property
    def format(self) -> str | None:
        base, inner = _split_type(self.type)
        return None if base == "enum" else inner


@dataclass(frozen=True)
class Credential:
    """An entry of the Authorizations section: ``Authorization`` in a header, scheme ``Bearer``."""

    name: str
    location: str
    scheme: str
    required: bool


@dataclass(frozen=True)
class ReferencePage:
    method: str
    path: str
    example: dict[str, Any]
    response_status: str
    response_media_type: str
    sha256: str  # of the page's file: any edit of the page shows, even one the parser ignores
    fields: dict[str, list[PageField]] = field(default_factory=dict)  # by section, Authorizations aside
    credentials: tuple[Credential, ...] = ()


def _split_type(text: str) -> tuple[str, str | None]:
    match = TYPE_LINE.fullmatch(text)
    if not match:
        raise ReferencePageError(f"unknown type {text!r}")
    return match.group(1), match.group(2)


def parse_reference_page(raw: bytes) -> ReferencePage:
    """The page's file as bytes: its sha256 is then what ``sha256sum`` shows."""
    try:
        text = raw.decode()
    except UnicodeDecodeError as exc:
        raise ReferencePageError(f"the page is not UTF-8: {exc}") from None
    request = re.search(r"--request (\w+)", text)
    url = re.search(r"--url https?://[^/\s]+(/\S*)", text)
    example = re.search(r"^\{$.*?^\}$", text, flags=re.M | re.S)
    if not (request and url and example):
        raise ReferencePageError("no curl request line or no JSON example found")
    sections = _sections(text)
    response = sections.get("Response", [])
    status = re.fullmatch(r"(\d{3}) - (\S+)", response[0]) if response else None
    if status is None:
        raise ReferencePageError("the Response section does not start with 'NNN - media/type'")
    fields = {name: _fields(lines) for name, lines in sections.items()}
    credentials = _credentials(fields.pop("Authorizations", []), dict(CURL_CREDENTIAL.findall(text)))
    return ReferencePage(
        method=request.group(1).upper(),
        path=url.group(1),
        example=json.loads(example.group(0)),
        response_status=status.group(1),
        response_media_type=status.group(2),
        sha256=hashlib.sha256(raw).hexdigest(),
        fields=fields,
        credentials=credentials,
    )


def _credentials(entries: list[PageField], schemes: dict[str, str]) -> tuple[Credential, ...]:
    """Each Authorizations entry with the scheme its curl header shows."""
    found = []
    for entry in entries:
        if entry.location is None or entry.name not in schemes:
            raise ReferencePageError(
                f"authorization {entry.name}: the page does not say where it is sent, or its curl "
                "example has no header of that name with a scheme ('Bearer <token>')"
            )
        found.append(Credential(entry.name, entry.location, schemes[entry.name], entry.required))
    return tuple(found)


def _sections(text: str) -> dict[str, list[str]]:
    """The non-empty lines under each known heading, up to the next heading."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line in SECTIONS:
            current = sections.setdefault(line, [])
        elif line and current is not None:
            current.append(line)
    return sections


def _fields(lines: list[str]) -> list[PageField]:
    found: list[PageField] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index + 1 < len(lines) and NAME_LINE.fullmatch(line) and TYPE_LINE.fullmatch(lines[index + 1]):
            name, type_ = line, lines[index + 1]
            index += 2
            required, default, options, location = False, None, [], None
            while index < len(lines) and not _starts_field(lines, index):
                attribute = lines[index]
                if attribute == "required":
                    required = True
                elif attribute in LOCATIONS:
                    location = attribute
                elif attribute.startswith("default:"):
                    default = attribute.removeprefix("default:").strip()
                elif attribute == "Available options:":
                    while index + 1 < len(lines):
                        index += 1
                        options.append(lines[index].rstrip(","))
                        if not lines[index].endswith(","):
                            break
                index += 1
            found.append(PageField(name, type_, required, default, tuple(options), location))
        else:
            index += 1
    return found


def _starts_field(lines: list[str], index: int) -> bool:
    return (
        index + 1 < len(lines)
        and NAME_LINE.fullmatch(lines[index]) is not None
        and TYPE_LINE.fullmatch(lines[index + 1]) is not None
    )
