"""Hypothesis strategies for response payloads, built from the spec's own response schema.

hypothesis-jsonschema draws objects from the schema with $refs inlined: any subset of the known
properties (so optional fields go missing), nested objects, enum values, and extra properties
the schema does not name (it allows them). Two things it cannot do alone:

* RFC 3339 timestamps as servers send them: its ``date-time`` strings are not what Google-style
  APIs emit. Date-time properties get our own strategy: ``Z`` or numeric offsets, 0 to 9
  fractional digits.
* ``format: int32``: JSON Schema ignores it, OpenAPI does not. Integers are bounded to int32.
* ``format: int64`` / ``uint64`` strings (proto3 JSON's 64-bit integers): JSON Schema ignores the
  format, so any string would be drawn. They get our own strategy: the decimal text of a number
  in range, so the spec needs no ``pattern`` for them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from .spec_tools import JSON, inline_refs

TIMESTAMP_FORMAT = "x-rfc3339-timestamp"  # our own format name: overriding "date-time" would warn
# Our own format names for 64-bit integer strings, and the range each draws from.
INT_STRING_FORMATS = {"int64": ("x-int64-string", -(2**63), 2**63 - 1), "uint64": ("x-uint64-string", 0, 2**64 - 1)}
INT32 = {"minimum": -(2**31), "maximum": 2**31 - 1}
RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|([+-])(\d{2}):(\d{2}))",
)


@st.composite
def rfc3339_timestamps(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime.datetime(1970, 1, 1), max_value=datetime.datetime(2199, 12, 31)))
    digits = draw(st.integers(min_value=0, max_value=9))
    # Zeros drawn half the time: fractions like .123456007, where a lost zero changes the instant.
    fraction = draw(st.text(st.one_of(st.just("0"), st.sampled_from("123456789")), min_size=digits, max_size=digits))
    hours, minutes = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    offset = draw(st.sampled_from(["Z", f"+{hours:02d}:{minutes:02d}", f"-{hours:02d}:{minutes:02d}"]))
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + (f".{fraction}" if fraction else "") + offset


@dataclass(frozen=True)
class Moment:
    """What an RFC 3339 string says, exactly: the instant to the nanosecond, and the offset it is
    written in. ``-00:00`` and ``Z`` both name UTC (offset 0)."""

    epoch_ns: int  # nanoseconds since 1970-01-01T00:00:00Z
    offset_minutes: int


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def moment(text: str) -> Moment:
    """The exact moment an RFC 3339 string names, nanoseconds included.

    Parsed here by regex and integer arithmetic on purpose: the client's own parser must not be
    its own judge, and ``datetime`` stops at microseconds.
    """
    match = RFC3339.fullmatch(text)
    if not match:
        raise ValueError(f"not an RFC 3339 timestamp: {text!r}")
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    nanos = int((match.group(7) or "").ljust(9, "0"))
    offset_minutes = 0
    if match.group(8) not in ("Z", "z"):
        sign = -1 if match.group(9) == "-" else 1
        offset_minutes = sign * (int(match.group(10)) * 60 + int(match.group(11)))
    wall = datetime.datetime(year, month, day, hour, minute, second, tzinfo=datetime.UTC)
    seconds = (wall - _EPOCH) // datetime.timedelta(seconds=1) - offset_minutes * 60
    return Moment(seconds * 10**9 + nanos, offset_minutes)


def generation_schema(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    """The schema with $refs inlined, date-times on our strategy and int32 bounds made explicit."""
    return _adapt(inline_refs(spec, schema))


def _adapt(node: Any) -> Any:
    if isinstance(node, list):
        return [_adapt(item) for item in node]
    if not isinstance(node, dict):
        return node
    adapted = {key: _adapt(value) for key, value in node.items() if key not in ("example", "examples")}
    if adapted.get("format") == "date-time":
        adapted["format"] = TIMESTAMP_FORMAT
    if adapted.get("type") == "integer" and adapted.get("format") == "int32":
        adapted = {**INT32, **adapted}
    if adapted.get("type") == "string" and adapted.get("format") in INT_STRING_FORMATS and "pattern" not in adapted:
        # The format says it all (a pattern the spec gives beside it is drawn from as it is).
        adapted["format"] = INT_STRING_FORMATS[adapted["format"]][0]
    return adapted


def custom_formats() -> dict[str, st.SearchStrategy[str]]:
    """The strategies of our own format names (see generation_schema)."""
    formats: dict[str, st.SearchStrategy[str]] = {TIMESTAMP_FORMAT: rfc3339_timestamps()}
    for name, low, high in INT_STRING_FORMATS.values():
        formats[name] = st.integers(min_value=low, max_value=high).map(str)
    return formats


def payloads(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> st.SearchStrategy[JSON]:
    """Half sparse payloads (any subset of fields, extra fields), half full ones (every known field).

    Left alone, hypothesis-jsonschema draws few fields per object, and a given nested field can
    go missing from a whole run; the full half puts random values in every field every time
    (and no extra fields: the sparse half has those, and they make drawing slow).
    """
    sparse = generation_schema(spec, schema)
    formats = custom_formats()
    return st.one_of(
        from_schema(sparse, custom_formats=formats), from_schema(_require_all(sparse), custom_formats=formats)
    )


def _require_all(node: Any) -> Any:
    if isinstance(node, list):
        return [_require_all(item) for item in node]
    if not isinstance(node, dict):
        return node
    adapted = {key: _require_all(value) for key, value in node.items()}
    if "properties" in adapted:
        adapted["required"] = sorted(adapted["properties"])
        adapted["additionalProperties"] = False
    return adapted


def enum_paths(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> list[tuple[tuple[str, ...], list[Any]]]:
    """Where in a payload an enum sits, with its values: (("trainingConfig", "region"), [...])."""
    found: list[tuple[tuple[str, ...], list[Any]]] = []

    def walk(node: Any, path: tuple[str, ...]) -> None:
        if "enum" in node:
            found.append((path, list(node["enum"])))
        for name, child in node.get("properties", {}).items():
            walk(child, (*path, name))
        if isinstance(node.get("items"), Mapping):  # a list's items: "[]" in the path
            walk(node["items"], (*path, ARRAY))

    walk(inline_refs(spec, schema), ())
    return found


#: The path element of a list's items (``("jobs", ARRAY, "state")``).
ARRAY = "[]"


def nested(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """``(("a", "b"), 1)`` -> ``{"a": {"b": 1}}``; ``(("a", ARRAY, "b"), 1)`` -> ``{"a": [{"b": 1}]}``."""
    result: Any = value
    for name in reversed(path):
        result = [result] if name == ARRAY else {name: result}
    out: dict[str, Any] = result
    return out
