"""Parse the API reference page (plain text copied from the docs site) into data.

The page has: the request line (in its curl example), one JSON response example, and field lists
under "Path Parameters", "Query Parameters" and "Response". A field is a name line followed by
a type line (``string``, ``string<date-time>``, ``enum<string>``, ``object``...), then optional
``required``, ``default:VALUE``, a description and ``Available options:`` with one value a line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

SECTIONS = ("Authorizations", "Path Parameters", "Query Parameters", "Response")
NAME_LINE = re.compile(r"[A-Za-z_@][\w@]*")
TYPE_LINE = re.compile(r"(string|integer|number|boolean|object|array|enum)(?:<([\w-]+)>)?")


class ReferencePageError(ValueError):
    """The page does not have the shape this parser knows: fix the parser, not the test."""


@dataclass(frozen=True)
class PageField:
    name: str
    type: str  # as written on the page
    required: bool = False
    default: str | None = None
    options: tuple[str, ...] = ()

    @property
    def json_type(self) -> str:
        base, inner = _split_type(self.type)
        return inner if base == "enum" and inner else base

    @property
    def format(self) -> str | None:
        base, inner = _split_type(self.type)
        return None if base == "enum" else inner


@dataclass(frozen=True)
class ReferencePage:
    method: str
    path: str
    example: dict[str, Any]
    response_status: str
    response_media_type: str
    fields: dict[str, list[PageField]] = field(default_factory=dict)  # by section


def _split_type(text: str) -> tuple[str, str | None]:
    match = TYPE_LINE.fullmatch(text)
    if not match:
        raise ReferencePageError(f"unknown type {text!r}")
    return match.group(1), match.group(2)


def parse_reference_page(text: str) -> ReferencePage:
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
    return ReferencePage(
        method=request.group(1).upper(),
        path=url.group(1),
        example=json.loads(example.group(0)),
        response_status=status.group(1),
        response_media_type=status.group(2),
        fields={name: _fields(lines) for name, lines in sections.items()},
    )


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
            required, default, options = False, None, []
            while index < len(lines) and not _starts_field(lines, index):
                attribute = lines[index]
                if attribute == "required":
                    required = True
                elif attribute.startswith("default:"):
                    default = attribute.removeprefix("default:").strip()
                elif attribute == "Available options:":
                    while index + 1 < len(lines):
                        index += 1
                        options.append(lines[index].rstrip(","))
                        if not lines[index].endswith(","):
                            break
                index += 1
            found.append(PageField(name, type_, required, default, tuple(options)))
        else:
            index += 1
    return found


def _starts_field(lines: list[str], index: int) -> bool:
    return (
        index + 1 < len(lines)
        and NAME_LINE.fullmatch(lines[index]) is not None
        and TYPE_LINE.fullmatch(lines[index + 1]) is not None
    )
