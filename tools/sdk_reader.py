"""Print the fields of the official SDK's job model as JSON (run by tools/api_drift.py).

Runs inside the environment that has ``fireworks-ai`` installed (a scratch venv made by
``make api-drift``, or the project's .venv for the offline test), so it uses only the standard
library, pydantic and the SDK. It walks the pydantic model
``fireworks.types.reinforcement_fine_tuning_job.ReinforcementFineTuningJob``: every field under its
JSON name (the alias), ``Optional[X]`` unwrapped, ``Literal[...]`` as an enum, nested models as
objects, ``Dict[str, X]`` as a map, ``List[X]`` as an array, anything else as a scalar.

Output: ``{"package", "version", "model", "tree", "operations"}`` (``operations``: what
tools/sdk_operations_reader.py reads, for tools/api_drift_operations.py); a tree node is ``{"kind": "object",
"name", "fields": {json_name: node}}``, ``{"kind": "enum", "values"}``, ``{"kind": "map",
"values": node}``, ``{"kind": "array", "items": node}``, ``{"kind": "union", "variants"}`` or
``{"kind": "scalar", "type"}``.
"""

import collections.abc
import importlib
import json
import sys
import types
import typing
from importlib import metadata
from typing import Any

PACKAGE = "fireworks-ai"
MODULE = "fireworks.types.reinforcement_fine_tuning_job"
MODEL = "ReinforcementFineTuningJob"
LITERALS = {typing.Literal}
try:  # the SDK writes typing_extensions.Literal; on 3.11 it is typing.Literal, but be sure
    import typing_extensions

    LITERALS.add(typing_extensions.Literal)
except ImportError:  # pragma: no cover - pydantic depends on typing_extensions
    pass
MAPS = {dict, collections.abc.Mapping, collections.abc.MutableMapping}
ARRAYS = {list, tuple, set, frozenset, collections.abc.Sequence, collections.abc.Iterable}


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "model_fields")


def node(annotation: Any, seen: tuple[type, ...] = ()) -> dict[str, Any]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return node(args[0], seen)
    if origin in (typing.Union, types.UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1:
            return node(rest[0], seen)
        if all(typing.get_origin(arg) in LITERALS for arg in rest):
            return {"kind": "enum", "values": [str(v) for arg in rest for v in typing.get_args(arg)]}
        return {"kind": "union", "variants": [node(arg, seen) for arg in rest]}
    if origin in LITERALS:
        return {"kind": "enum", "values": [str(value) for value in args]}
    if origin in MAPS:
        return {"kind": "map", "values": node(args[1], seen) if len(args) == 2 else {"kind": "scalar", "type": "any"}}
    if origin in ARRAYS:
        return {"kind": "array", "items": node(args[0], seen) if args else {"kind": "scalar", "type": "any"}}
    if is_model(annotation):
        if annotation in seen:
            return {"kind": "object", "name": annotation.__name__, "fields": None}  # recursive: not walked again
        fields = {}
        for name, field in annotation.model_fields.items():
            fields[field.alias or name] = node(field.annotation, (*seen, annotation))
        return {"kind": "object", "name": annotation.__name__, "fields": fields}
    name = getattr(annotation, "__name__", None) or repr(annotation)
    return {"kind": "scalar", "type": name}


def main() -> int:
    # Beside this script (sys.path[0] when run as one): the resource's methods, in this interpreter.
    operations_reader = importlib.import_module("sdk_operations_reader")
    model = getattr(importlib.import_module(MODULE), MODEL)
    out = {"package": PACKAGE, "version": metadata.version(PACKAGE), "model": f"{MODULE}.{MODEL}", "tree": node(model)}
    out["operations"] = operations_reader.read_operations()  # one interpreter: the SDK is imported once
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
