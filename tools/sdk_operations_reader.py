"""Print the official SDK's operations on reinforcement fine-tuning jobs as JSON (for make api-drift).

Runs where ``fireworks-ai`` is installed, as tools/sdk_reader.py does (standard library and the
SDK only). For each public method of the resource class
``fireworks.resources.reinforcement_fine_tuning_jobs.ReinforcementFineTuningJobsResource`` it
reads, from the method's source, the HTTP verb (``self._post(...)``; ``self._get_api_list`` is
the GET of a list), the path template
(``path_template("/v1/...")``) and the keys of the literal ``query=`` and ``body=`` dicts it
sends; the JSON name of each key comes from the method's ``*_params`` TypedDict
(``PropertyInfo(alias=...)``), else the key itself. A body passed through whole (the custom
methods' ``body``) is reported as ``"body": null``.

Output: ``{"package", "version", "resource", "operations": {method: {"http_method", "path",
"query": [json names], "body": [json names] | null}}}``.
"""

import importlib
import inspect
import json
import re
import sys
import typing
from importlib import metadata
from typing import Any

PACKAGE = "fireworks-ai"
MODULE = "fireworks.resources.reinforcement_fine_tuning_jobs"
RESOURCE = "ReinforcementFineTuningJobsResource"
TYPES = "fireworks.types.reinforcement_fine_tuning_job_{method}_params"

# The SDK's list methods call self._get_api_list (a GET that returns its auto-paging iterator).
_VERB = re.compile(r"self\._(get_api_list|get|post|put|patch|delete)\(")
_PATH = re.compile(r'path_template\(\s*"([^"]+)"')
_DICT = r"{kind}=maybe_transform\(\s*\{{(?P<keys>[^{{}}]*)\}}"
_KEY = re.compile(r'"(\w+)"\s*:')


def _aliases(method: str) -> dict[str, str]:
    """Python key -> JSON name, from the method's params TypedDict (empty when it has none)."""
    try:
        module = importlib.import_module(TYPES.format(method=method))
    except ImportError:
        return {}
    found: dict[str, str] = {}
    for value in vars(module).values():
        if isinstance(value, type) and value.__name__.endswith("Params") and value.__module__ == module.__name__:
            for key, hint in typing.get_type_hints(value, include_extras=True).items():
                aliases = [getattr(m, "alias", None) for m in getattr(hint, "__metadata__", ())]
                found[key] = next((alias for alias in aliases if alias), key)
    return found


def _keys(source: str, kind: str) -> list[str] | None:
    match = re.search(_DICT.format(kind=kind), source)
    return _KEY.findall(match.group("keys")) if match else None


def read_operations() -> dict[str, Any]:
    resource = getattr(importlib.import_module(MODULE), RESOURCE)
    operations: dict[str, Any] = {}
    for name, function in inspect.getmembers(resource, inspect.isfunction):
        if name.startswith("_"):
            continue
        source = inspect.getsource(function)
        verb, path = _VERB.search(source), _PATH.search(source)
        if verb is None or path is None:
            continue  # not an HTTP operation (with_raw_response and the like are properties)
        aliases = _aliases(name)
        query = _keys(source, "query")
        body = _keys(source, "body")
        operations[name] = {
            "http_method": "GET" if verb.group(1) == "get_api_list" else verb.group(1).upper(),
            "path": path.group(1),
            "query": [aliases.get(key, key) for key in query or []],
            "body": None if body is None else [aliases.get(key, key) for key in body],
        }
    return {
        "package": PACKAGE,
        "version": metadata.version(PACKAGE),
        "resource": f"{MODULE}.{RESOURCE}",
        "operations": operations,
    }


if __name__ == "__main__":
    json.dump(read_operations(), sys.stdout, indent=1)
    print()
