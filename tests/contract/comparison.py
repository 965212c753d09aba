"""Compare a payload with what came back from ``from_dict`` then ``to_dict``, field by field.

Timestamps compare exactly, by what they say: the same instant to the nanosecond, written in the
same offset (the text may differ: the client writes ``z`` as ``Z`` and pads fractions to 6 or 9
digits). Everything else must come back equal and of the same JSON kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .spec_tools import JSON, dotted
from .strategies import moment


def differences(original: JSON, output: JSON, schema: Mapping[str, Any], path: tuple[Any, ...] = ()) -> list[str]:
    """Lines naming each field that did not survive; ``schema`` has its $refs inlined."""
    where = dotted(list(path))
    if schema.get("format") == "date-time" and isinstance(original, str):
        if not isinstance(output, str):
            return [f"{where}: timestamp {original!r} came back as {output!r}"]
        try:
            before, after = moment(original), moment(output)
        except ValueError as exc:
            return [f"{where}: {exc}"]
        if before.epoch_ns != after.epoch_ns:
            return [f"{where}: timestamp {original!r} came back as {output!r}, another instant"]
        if before.offset_minutes != after.offset_minutes:
            return [f"{where}: timestamp {original!r} came back as {output!r}, the same instant in another offset"]
        return []
    if isinstance(original, dict):
        if not isinstance(output, dict):
            return [f"{where}: object came back as {output!r}"]
        problems = [f"{dotted([*path, key])}: lost" for key in original if key not in output]
        problems += [f"{dotted([*path, key])}: appeared from nowhere" for key in output if key not in original]
        properties = schema.get("properties", {})
        for key in [key for key in original if key in output]:
            problems += differences(original[key], output[key], properties.get(key, {}), (*path, key))
        return problems
    if isinstance(original, list):
        if not isinstance(output, list) or len(output) != len(original):
            return [f"{where}: array came back as {output!r}"]
        items = schema.get("items", {})
        return [
            line
            for i, (a, b) in enumerate(zip(original, output, strict=True))
            for line in differences(a, b, items, (*path, i))
        ]
    if isinstance(original, bool) != isinstance(output, bool) or isinstance(output, (dict, list)) or original != output:
        return [f"{where}: {original!r} came back as {output!r}"]
    return []
