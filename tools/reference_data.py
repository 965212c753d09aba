"""The API reference page as data the project keeps: reference/get-reinforcement-fine-tuning-job.json.

The page lives outside the repository (../shared/reference, or $FIREWORKS_RFT_REFERENCE_DIR),
and a clone with nothing beside it must still test itself. So the tests and the bench read the
data file, never the page. This tool writes that file from the page, and
tests/contract/test_reference_data.py compares the two whenever the page is there (in CI), so
they cannot drift apart unnoticed.

The file holds: the method and path, the credentials, the path and query parameters, the
response's status and media type, every response field by dotted path (the page lists the
top-level ones with their types, enum values and defaults; every field, nested ones included,
has the JSON type its value has in the example), the page's example payload, and the page's
sha256.

Usage: ``python -m tools.reference_data write|check [--reference-dir DIR]`` (``make reference-data``
writes). ``check`` exits 1 and names each difference when the file is not what the page gives.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from tools.reference_page import TYPE_LINE, Credential, PageField, ReferencePage, parse_reference_page

ROOT = Path(__file__).resolve().parents[1]
PAGE_NAME = "get-reinforcement-fine-tuning-job.txt"
DATA_FILE = ROOT / "reference" / "get-reinforcement-fine-tuning-job.json"
ENV_DIR = "FIREWORKS_RFT_REFERENCE_DIR"
WRITE_COMMAND = "make reference-data"
COMMENT = [
    f"Written by `{WRITE_COMMAND}` (python -m tools.reference_data write) from the API reference page",
    f"../shared/reference/{PAGE_NAME}. Do not edit by hand: rewrite it when the page changes.",
    "tests/contract/test_reference_data.py compares this file with the page whenever the page is there.",
]
# The page's sections that list parameters, by where the parameter is sent.
PARAMETER_SECTIONS = {"path": "Path Parameters", "query": "Query Parameters"}
RESPONSE_SECTION = "Response"

T = TypeVar("T")


class ReferenceDataError(ValueError):
    """The data file is malformed, or is not what the tool writes (edited by hand?)."""


class ReferencePageMissing(FileNotFoundError):
    """No reference page where it was looked for."""


def reference_dir() -> Path:
    """Where the page is looked for: $FIREWORKS_RFT_REFERENCE_DIR, else ../shared/reference."""
    return Path(os.environ.get(ENV_DIR) or ROOT.parent / "shared" / "reference")


def read_page(directory: Path) -> ReferencePage:
    page = directory / PAGE_NAME
    if not page.is_file():
        raise ReferencePageMissing(f"no reference page at {page}")
    return parse_reference_page(page.read_bytes())


# --- page -> data ---------------------------------------------------------------------------------


def page_data(page: ReferencePage) -> dict[str, Any]:
    """What the data file holds for ``page``, in the order it is written."""
    return {
        "_comment": COMMENT,
        "page": {"file": PAGE_NAME, "sha256": page.sha256},
        "method": page.method,
        "path": page.path,
        "security": {c.name: {"in": c.location, "required": c.required, "scheme": c.scheme} for c in page.credentials},
        "parameters": {
            location: {f.name: _declared(f) for f in page.fields.get(section, [])}
            for location, section in PARAMETER_SECTIONS.items()
        },
        "response": {"media_type": page.response_media_type, "status": page.response_status},
        "fields": _response_fields(page),
        "example": page.example,
    }


def _declared(page_field: PageField) -> dict[str, Any]:
    """A field as the page's field list declares it; keys sorted, absent facts left out."""
    entry: dict[str, Any] = {
        "json_type": page_field.json_type,
        "required": page_field.required,
        "type": page_field.type,
    }
    if page_field.default is not None:
        entry["default"] = page_field.default
    if page_field.options:
        entry["enum"] = list(page_field.options)
    if page_field.format is not None:
        entry["format"] = page_field.format
    return dict(sorted(entry.items()))


def _response_fields(page: ReferencePage) -> dict[str, dict[str, Any]]:
    """Listed fields and the example's (nested) fields, one entry per dotted path, sorted."""
    entries = {f.name: _declared(f) for f in page.fields.get(RESPONSE_SECTION, [])}
    for path, json_type in example_types(page.example).items():
        entries.setdefault(path, {})["example_type"] = json_type
    return {path: dict(sorted(entries[path].items())) for path in sorted(entries)}


def example_types(value: Any, prefix: str = "") -> dict[str, str]:
    """The JSON type of every value in an example, by dotted path (``a.b``; list items ``a[]``)."""
    found: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found[path] = json_type(item)
            found.update(example_types(item, path))
    elif isinstance(value, list):
        for item in value:
            for path, item_type in {f"{prefix}[]": json_type(item), **example_types(item, f"{prefix}[]")}.items():
                if found.setdefault(path, item_type) != item_type:
                    raise ReferenceDataError(f"example field {path}: items of different JSON types")
    return found


def json_type(value: Any) -> str:
    """The JSON type name of a decoded JSON value (a bool is not an integer)."""
    for kind, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string")):
        if isinstance(value, kind):
            return name
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if value is None:
        return "null"
    raise TypeError(f"not a JSON value: {value!r}")


def render(data: dict[str, Any]) -> str:
    """The file's text: same data, same bytes."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- data -> page ---------------------------------------------------------------------------------


@cache
def load_reference_page(path: Path = DATA_FILE) -> ReferencePage:
    """The page as the data file records it: what every test and the bench use.

    Cached: callers must not change what they get (``reference_example()`` in tests copies).
    """
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise ReferenceDataError(f"{path}: cannot read the reference data ({exc}); run '{WRITE_COMMAND}'") from None
    return page_from_data(data, str(path))


def page_from_data(data: Any, where: str) -> ReferencePage:
    """Rebuild the page from the file's data; ReferenceDataError when it is not what the tool writes."""
    parameters = _take(data, "parameters", dict, where)
    response = _take(data, "response", dict, where)
    fields: dict[str, list[PageField]] = {}
    for location, section in PARAMETER_SECTIONS.items():
        declared = _take(parameters, location, dict, f"{where}: parameters")
        if declared:  # the parser has no section for a heading the page does not have
            fields[section] = [
                _page_field(name, entry, f"{where}: parameters.{location}.{name}") for name, entry in declared.items()
            ]
    listed = [(name, entry) for name, entry in _take(data, "fields", dict, where).items() if "type" in entry]
    fields[RESPONSE_SECTION] = [_page_field(name, entry, f"{where}: fields.{name}") for name, entry in listed]
    page = ReferencePage(
        method=_take(data, "method", str, where),
        path=_take(data, "path", str, where),
        example=_take(data, "example", dict, where),
        response_status=_take(response, "status", str, f"{where}: response"),
        response_media_type=_take(response, "media_type", str, f"{where}: response"),
        sha256=_take(_take(data, "page", dict, where), "sha256", str, f"{where}: page"),
        fields=fields,
        credentials=tuple(
            _credential(name, entry, f"{where}: security.{name}")
            for name, entry in _take(data, "security", dict, where).items()
        ),
    )
    # Everything else (json_type, format, example_type, unknown keys) must be what the tool
    # derives from the rest: a hand edit of one half shows here, page or no page.
    problems = differences(page_data(page), data, expected="the tool", actual="the data file")
    if problems:
        raise ReferenceDataError(
            f"{where} is not what the tool writes from its own content (edited by hand?); "
            f"rewrite it with '{WRITE_COMMAND}':\n  " + "\n  ".join(problems)
        )
    return page


def _page_field(name: str, entry: Any, where: str) -> PageField:
    type_ = _take(entry, "type", str, where)
    if not TYPE_LINE.fullmatch(type_):
        raise ReferenceDataError(f"{where}.type: unknown type {type_!r}")
    options = _take(entry, "enum", list, where) if "enum" in entry else []
    if not all(isinstance(option, str) for option in options):
        raise ReferenceDataError(f"{where}.enum: not a list of strings")
    default = _take(entry, "default", str, where) if "default" in entry else None
    return PageField(name, type_, _take(entry, "required", bool, where), default, tuple(options))


def _credential(name: str, entry: Any, where: str) -> Credential:
    return Credential(
        name, _take(entry, "in", str, where), _take(entry, "scheme", str, where), _take(entry, "required", bool, where)
    )


def _take(mapping: Any, key: str, kind: type[T], where: str) -> T:
    if not isinstance(mapping, dict) or key not in mapping:
        raise ReferenceDataError(f"{where}: no {key!r}")
    value = mapping[key]
    if not isinstance(value, kind):
        raise ReferenceDataError(f"{where}.{key}: expected a JSON {kind.__name__}, found {json_type(value)}")
    return value


# --- comparison -----------------------------------------------------------------------------------


def differences(on_page: Any, in_file: Any, *, expected: str = "the page", actual: str = "the data file") -> list[str]:
    """One line per difference between two JSON values, naming where (``fields.state.enum``)."""
    return list(_differences(on_page, in_file, (), expected, actual))


def _differences(a: Any, b: Any, path: tuple[str, ...], expected: str, actual: str) -> Iterator[str]:
    where = _path_text(path)
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a:
            if key not in b:
                yield f"{_path_text((*path, key))}: in {expected}, missing from {actual}"
            else:
                yield from _differences(a[key], b[key], (*path, key), expected, actual)
        for key in b:
            if key not in a:
                yield f"{_path_text((*path, key))}: in {actual}, not in {expected}"
    elif _scalar_list(a) and _scalar_list(b) and a != b:
        missing = [v for v in a if v not in b]
        extra = [v for v in b if v not in a]
        for value in missing:
            yield f"{where}: {value!r} in {expected}, missing from {actual}"
        for value in extra:
            yield f"{where}: {value!r} in {actual}, not in {expected}"
        if not (missing or extra):
            yield f"{where}: {expected} has {a!r}, {actual} has {b!r}"
    elif json_type(a) != json_type(b) or a != b:
        # Only the top of a retyped subtree: its inside would repeat the same news.
        yield f"{where}: {expected} says {a!r}, {actual} says {b!r}"


def _scalar_list(value: Any) -> bool:
    return isinstance(value, list) and not any(isinstance(item, dict | list) for item in value)


def _path_text(path: tuple[str, ...]) -> str:
    """``('fields', 'trainingConfig.epochs', 'type')`` -> ``fields["trainingConfig.epochs"].type``."""
    text = ""
    for part in path:
        text += f".{part}" if part.isidentifier() else f"[{json.dumps(part)}]"
    return text.removeprefix(".") or "(root)"


def file_problems(on_page: dict[str, Any], path: Path = DATA_FILE) -> list[str]:
    """How the data file differs from what the page gives; empty when they agree to the byte."""
    return data_file_problems(on_page, path, "the page")


def data_file_problems(expected: dict[str, Any], path: Path, source: str) -> list[str]:
    """How a data file differs from what ``source`` (the page, the sheet) gives; empty when they
    agree to the byte (the same data written another way is a hand edit)."""
    try:
        text = path.read_text()
        in_file = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{path}: cannot read it ({exc})"]
    problems = differences(expected, in_file, expected=source, actual="the data file")
    if not problems and text != render(expected):
        problems.append(f"{path}: same data as {source}, written differently (by hand?)")
    return problems


# --- command line ---------------------------------------------------------------------------------


def command_line(
    argv: list[str] | None,
    *,
    prog: str,
    source_name: str,
    source: str,
    data_file: Path,
    read: Callable[[Path], dict[str, Any]],
    summary: Callable[[dict[str, Any]], str],
) -> int:
    """``write`` or ``check`` one data file against its source file in the reference folder.

    Exit 0 when written or in step, 1 when the file differs, 2 when the source is missing or
    not understood. Shared by this module and tools/current_api.py.
    """
    parser = argparse.ArgumentParser(prog=prog, description=f"Write or check the data file of {source_name}.")
    parser.add_argument("command", choices=("write", "check"), help=f"write the data file, or compare it with {source}")
    parser.add_argument(
        "--reference-dir", type=Path, help=f"folder of {source_name} (default: ${ENV_DIR} or ../shared/reference)"
    )
    parser.add_argument("--data-file", type=Path, default=data_file, help="the data file (default: %(default)s)")
    args = parser.parse_args(argv)
    directory: Path = args.reference_dir or reference_dir()
    target: Path = args.data_file
    try:
        expected = read(directory)
    except (OSError, ValueError) as exc:  # the source missing or not understood
        print(f"error: {exc}", file=sys.stderr)
        return 2
    origin = directory / source_name
    if args.command == "write":
        target.parent.mkdir(exist_ok=True)
        target.write_text(render(expected))
        print(f"wrote {target} from {origin}: {summary(expected)}")
        return 0
    problems = data_file_problems(expected, target, source)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{target} differs from {origin}: check the spec against {source}, then '{WRITE_COMMAND}'")
        return 1
    print(f"{target} is what {origin} gives")
    return 0


def main(argv: list[str] | None = None) -> int:
    def summary(data: dict[str, Any]) -> str:
        listed = sum("type" in entry for entry in data["fields"].values())
        return f"{len(data['fields'])} fields, {listed} of them listed on the page"

    return command_line(
        argv,
        prog="python -m tools.reference_data",
        source_name=PAGE_NAME,
        source="the page",
        data_file=DATA_FILE,
        read=lambda directory: page_data(read_page(directory)),
        summary=summary,
    )


if __name__ == "__main__":
    sys.exit(main())
