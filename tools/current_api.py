"""The current-API sheet as data the project keeps: reference/current-api.json.

The sheet (``current-api.md`` beside the reference page, in ../shared/reference or
$FIREWORKS_RFT_REFERENCE_DIR) lists the job's fields as the API serves them today, in a table
(ReinforcementFineTuningJob) and in prose sections, one per schema. A clone with nothing beside
it must still test itself, so the tests read the data file this tool writes, and
tests/contract/test_current_api_data.py compares the two whenever the sheet is there (in CI).

The parser is strict: every line of a schema section must be read as a field, a type, a rename,
a dropped field or a lead-in it knows ("The current API names them:"); anything else stops it
with the line number and the text it could not read. Only the preamble before the first heading
and the sections in PROSE_SECTIONS are prose.

The data: ``root`` (the schema of the table), ``schemas`` (per schema the sheet describes: its
``fields`` by JSON name, ``renamed`` old -> new, ``dropped``: fields the SDK no longer lists),
``enums`` (per enum schema the sheet names: the ``count`` of values the SDK lists and the values
it ``dropped``, as far as the sheet states them) and the sheet's sha256. A field is
``{"kind": K, "new": bool, ...}`` with K one of KINDS; an ``enum`` has ``schema`` (a named enum)
or ``enum`` (its values), an ``object`` ``schema`` (a named schema) or ``fields`` (an inline
one), a ``map`` its ``values`` (a field entry without ``new``).

Usage: ``python -m tools.current_api write|check [--reference-dir DIR] [--data-file FILE]``
(``make reference-data`` writes both data files).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tools.reference_data import ROOT, WRITE_COMMAND, command_line, data_file_problems

SHEET_NAME = "current-api.md"
DATA_FILE = ROOT / "reference" / "current-api.json"
COMMENT = [
    f"Written by `{WRITE_COMMAND}` (python -m tools.current_api write) from the current-API sheet",
    f"../shared/reference/{SHEET_NAME}. Do not edit by hand: rewrite it when the sheet changes.",
    "tests/contract/test_current_api_data.py compares this file with the sheet whenever the sheet is there;",
    "tests/contract/test_spec_vs_current_api.py checks the spec against it.",
]
KINDS = ("string", "int32", "int64", "float", "bool", "date-time", "enum", "object", "map")
# Sections whose text states no field: read by nobody, checked by nobody.
PROSE_SECTIONS = {"Where to look for later changes"}
SCALARS = {
    "string": "string",
    "string of JSON": "string",
    "strings": "string",
    "int": "int32",
    "int64": "int64",
    "float": "float",
    "bool": "bool",
    "date-time": "date-time",
}
NAME = r"[a-z][A-Za-z0-9]*"
SCHEMA = r"[A-Z][A-Za-z0-9]*"
ENUM_VALUE = r"[A-Z][A-Z0-9_]*"


class CurrentApiError(ValueError):
    """The sheet has a line the parser cannot read, or the data file is malformed."""


class SheetMissing(FileNotFoundError):
    """No sheet where it was looked for."""


# --- sheet -> data --------------------------------------------------------------------------------


@dataclass
class _Text:
    """A stretch of the sheet joined into one line, with the sheet's line number of each offset."""

    text: str
    starts: list[int]  # offset in ``text`` where each joined line starts
    lines: list[int]  # the sheet's line number of each joined line

    @classmethod
    def of(cls, numbered: list[tuple[int, str]]) -> _Text:
        text, starts, lines = "", [], []
        for number, line in numbered:
            text += " " if text else ""
            starts.append(len(text))
            lines.append(number)
            text += line.strip()
        return cls(text, starts, lines)

    def line(self, offset: int) -> int:
        return self.lines[max(bisect.bisect_right(self.starts, offset) - 1, 0)]


@dataclass
class _Schema:
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)
    line: int = 0


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.schemas: dict[str, _Schema] = {}
        self.enums: dict[str, dict[str, Any]] = {}
        self.root: str | None = None
        self.referenced: dict[str, int] = {}  # schema name -> first line that refers to it

    def fail(self, line: int, what: str, text: str) -> CurrentApiError:
        shown = text if len(text) <= 80 else text[:77] + "..."
        return CurrentApiError(f"{SHEET_NAME} line {line}: {what}: {shown!r}")

    # sections

    def parse(self) -> dict[str, Any]:
        sections: list[tuple[int, str, list[tuple[int, str]]]] = []
        for number, line in enumerate(self.text.splitlines(), start=1):
            if line.startswith("## "):
                sections.append((number, line[3:].strip(), []))
            elif line.startswith("#") and (sections or not line.startswith("# ")):  # only the title is '# '
                raise self.fail(number, "a heading the sheet's layout does not have", line)
            elif sections:
                sections[-1][2].append((number, line))
        if not sections:
            raise CurrentApiError(f"{SHEET_NAME}: no '## <Schema>' section")
        for number, heading, body in sections:
            if heading in PROSE_SECTIONS:
                continue
            match = re.fullmatch(rf"({SCHEMA})(?: \((.*)\))?", heading)
            if not match:
                raise self.fail(
                    number, f"a heading that names no schema (prose sections: {sorted(PROSE_SECTIONS)})", heading
                )
            name, remark = match.group(1), match.group(2) or ""
            if name in self.schemas:
                raise self.fail(number, f"schema {name} described a second time", heading)
            self.schemas[name] = _Schema(line=number)
            if self.root is None:
                self.root = name
                self.table(name, body)
            else:
                all_of = re.fullmatch(r"all (\w+)", remark)
                self.prose(name, body, _kind(all_of.group(1)) if all_of else None)
        return self.data()

    def table(self, schema: str, body: list[tuple[int, str]]) -> None:
        rows = [(n, line) for n, line in body if line.strip()]
        if (
            len(rows) < 3
            or rows[0][1].strip() != "| field | type | note |"
            or not re.fullmatch(r"\|(-+\|){3}", rows[1][1].strip())
        ):
            where = rows[0][0] if rows else body[0][0] if body else 0
            raise self.fail(
                where, f"section {schema} must be a table '| field | type | note |'", rows[0][1] if rows else ""
            )
        for number, line in rows[2:]:
            cells = [c.strip() for c in line.strip().split("|")]
            if len(cells) != 5 or cells[0] or cells[-1]:
                raise self.fail(number, "not a table row of three cells", line)
            names, type_text, note = cells[1:4]
            entry = self.type_entry(type_text, number, note)
            for item in names.split(", "):
                name_match = re.fullmatch(rf"(\+ )?({NAME})", item)
                if not name_match:
                    raise self.fail(number, "not a field name (or '+ name' for a new one)", item)
                self.add(schema, name_match.group(2), entry, new=bool(name_match.group(1)), line=number)

    def prose(self, schema: str, body: list[tuple[int, str]], all_kind: str | None) -> None:
        text = _Text.of([(n, line) for n, line in body if line.strip()])
        pos, end = 0, len(text.text)
        item = rf"(\+ )?({NAME}(?:, (?:\+ )?{NAME})*)"
        while True:
            pos = re.compile(r"[\s;,.]*").match(text.text, pos).end()  # type: ignore[union-attr]
            if pos >= end:
                return
            line = text.line(pos)
            rest = text.text[pos:]
            if m := re.match(r"The reference page's ((?:`\w+` became `\w+`(?:,? and |, )?)+)(?:;[^.]*)?\.", rest):
                for old, new in re.findall(r"`(\w+)` became `(\w+)`", m.group(1)):
                    self.schemas[schema].renamed[old] = new
            elif m := re.match(rf"The SDK no longer lists ({NAME}(?:(?:, | and ){NAME})*)\.", rest):
                self.schemas[schema].dropped += re.split(r", | and ", m.group(1))
            elif m := re.match(r"[A-Z][\w ]*:(?=\s)", rest):  # a lead-in: "The current API names them:"
                pass
            elif m := re.match(rf"(\+ )?({NAME}): ([^;{{}}]*?(?:\{{[^{{}}]*\}})?)(?=;|\.(?:\s|$))", rest):
                self.add(schema, m.group(2), self.type_entry(m.group(3), line), new=bool(m.group(1)), line=line)
            elif m := re.match(rf"{item} \(([^()]*)\)", rest):
                type_match = re.match(r"(?:map<[^>]*>|[^,;]+)", m.group(3))
                assert type_match
                note = m.group(3)[type_match.end() :]
                if note and not re.match(r"[,;] ", note):
                    raise self.fail(line, "not '(type)' or '(type, note)'", m.group(0))
                entry = self.type_entry(type_match.group(0), line, note[2:])
                for name_text in m.group(0)[: m.start(3) - 2].split(", "):
                    self.add(schema, name_text.removeprefix("+ "), entry, new=name_text.startswith("+ "), line=line)
            elif all_kind and (m := re.match(rf"{NAME}(?:, {NAME})*(?=\.)", rest)):
                for name_text in m.group(0).split(", "):
                    self.add(schema, name_text, {"kind": all_kind}, new=False, line=line)
            else:
                raise self.fail(line, f"cannot read this in section {schema}", rest)
            pos += m.end()

    # types

    def type_entry(self, text: str, line: int, note: str = "") -> dict[str, Any]:
        """A field's entry (without ``new``) from its type text; ``note`` may state enum facts."""
        text = text.strip()
        if text in SCALARS:
            return {"kind": SCALARS[text]}
        if m := re.fullmatch(r"map<string, (.+)>", text):
            return {"kind": "map", "values": self.type_entry(m.group(1), line)}
        if m := re.fullmatch(rf"enum ({SCHEMA})", text):
            self.enum_facts(m.group(1), note, line)
            return {"kind": "enum", "schema": m.group(1)}
        if m := re.fullmatch(rf"enum ({ENUM_VALUE}(?:, {ENUM_VALUE})*)", text):
            return {"kind": "enum", "enum": m.group(1).split(", ")}
        if m := re.fullmatch(rf"object: ({NAME}(?:, {NAME})*) \((\w+)\)", text):
            kind = self.type_entry(m.group(2), line)
            return {"kind": "object", "fields": {name: {**kind, "new": False} for name in m.group(1).split(", ")}}
        if m := re.fullmatch(r"object: (.+)", text):
            return {"kind": "object", "fields": self.field_list(m.group(1), line)}
        if m := re.fullmatch(rf"({SCHEMA}) \{{(.+)\}}", text):
            name = m.group(1)
            if name in self.schemas:
                raise self.fail(line, f"schema {name} described a second time", text)
            self.schemas[name] = _Schema(fields=self.field_list(m.group(2), line), line=line)
            self.referenced.setdefault(name, line)
            return {"kind": "object", "schema": name}
        if re.fullmatch(SCHEMA, text):
            self.referenced.setdefault(text, line)
            return {"kind": "object", "schema": text}
        raise self.fail(
            line, f"not a type this parser knows ({', '.join(SCALARS)}, enum, map<...>, object, Schema)", text
        )

    def field_list(self, text: str, line: int) -> dict[str, dict[str, Any]]:
        """``a string, b int`` -> fields."""
        fields = {}
        for item in text.split(", "):
            m = re.fullmatch(rf"({NAME}) (.+)", item)
            if not m:
                raise self.fail(line, "not 'name type'", item)
            fields[m.group(1)] = {**self.type_entry(m.group(2), line), "new": False}
        return fields

    def enum_facts(self, name: str, note: str, line: int) -> None:
        facts = self.enums.setdefault(name, {"count": None, "dropped": []})
        if m := re.search(r"\b(\d+) values\b", note):
            facts["count"] = int(m.group(1))
        facts["dropped"] += re.findall(rf"\b({ENUM_VALUE})\b(?: \([^)]*\))? is not among them", note)

    def add(self, schema: str, name: str, entry: dict[str, Any], *, new: bool, line: int) -> None:
        fields = self.schemas[schema].fields
        if name in fields:
            raise self.fail(line, f"field {schema}.{name} listed twice", name)
        fields[name] = {**entry, "new": new}

    # checks and output

    def data(self) -> dict[str, Any]:
        assert self.root is not None
        for name, line in self.referenced.items():
            if name == self.root:
                raise self.fail(line, "a field refers to the root schema", name)
        for name, schema in self.schemas.items():
            if name != self.root and name not in self.referenced:
                raise self.fail(schema.line, f"schema {name} is described, but no field refers to it", name)
            for old, new in schema.renamed.items():
                if new not in schema.fields:
                    raise self.fail(schema.line, f"{name}: {old} became {new}, which the section does not list", new)
            for dropped in schema.dropped:
                if dropped not in schema.fields:
                    raise self.fail(
                        schema.line, f"{name}: the SDK dropped {dropped}, which the section does not list", dropped
                    )
        return {
            "root": self.root,
            "schemas": {
                name: {"fields": s.fields, "renamed": s.renamed, "dropped": s.dropped}
                for name, s in self.schemas.items()
            },
            "enums": self.enums,
        }


def _kind(word: str) -> str:
    if word not in SCALARS:
        raise CurrentApiError(f"{SHEET_NAME}: 'all {word}': not a type this parser knows")
    return SCALARS[word]


def parse_sheet(content: bytes) -> dict[str, Any]:
    """The data file's content for a sheet (``_comment`` and the sheet's hash included)."""
    parsed = _Parser(content.decode("utf-8")).parse()
    return {
        "_comment": COMMENT,
        "sheet": {"file": SHEET_NAME, "sha256": hashlib.sha256(content).hexdigest()},
        **parsed,
    }


def read_sheet(directory: Path) -> dict[str, Any]:
    sheet = directory / SHEET_NAME
    if not sheet.is_file():
        raise SheetMissing(f"no current-API sheet at {sheet}")
    return parse_sheet(sheet.read_bytes())


# --- the data file --------------------------------------------------------------------------------


def load_current_api(path: Path = DATA_FILE) -> dict[str, Any]:
    """The data file, checked to be in the tool's format."""
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise CurrentApiError(f"{path}: cannot read the current-API data ({exc}); run '{WRITE_COMMAND}'") from None
    problems = format_problems(data)
    if problems:
        raise CurrentApiError(f"{path} is not in the tool's format (edited by hand?):\n  " + "\n  ".join(problems))
    return data  # type: ignore[no-any-return]


def format_problems(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["not a JSON object"]
    problems = [f"no {key!r}" for key in ("sheet", "root", "schemas", "enums") if key not in data]
    if problems:
        return problems
    schemas = data["schemas"]
    if data["root"] not in schemas:
        problems.append(f"root {data['root']!r} is not among the schemas")
    for name, schema in schemas.items():
        if not isinstance(schema, dict) or set(schema) != {"fields", "renamed", "dropped"}:
            problems.append(f"schemas.{name}: expected exactly fields, renamed, dropped")
            continue
        for field_name, entry in schema["fields"].items():
            problems += _entry_problems(f"schemas.{name}.fields.{field_name}", entry, with_new=True)
    return problems


def _entry_problems(where: str, entry: Any, *, with_new: bool) -> list[str]:
    if not isinstance(entry, dict) or entry.get("kind") not in KINDS:
        return [f"{where}: no kind of {KINDS}"]
    allowed = {"kind", "new"} if with_new else {"kind"}
    allowed |= {"enum": {"schema", "enum"}, "object": {"schema", "fields"}, "map": {"values"}}.get(entry["kind"], set())
    problems = [f"{where}.{key}: not a key of a {entry['kind']} field" for key in entry if key not in allowed]
    if with_new and not isinstance(entry.get("new"), bool):
        problems.append(f"{where}.new: not true or false")
    if entry["kind"] == "map":
        problems += _entry_problems(f"{where}.values", entry.get("values"), with_new=False)
    for name, sub in (entry.get("fields") or {}).items():
        problems += _entry_problems(f"{where}.fields.{name}", sub, with_new=True)
    return problems


@dataclass(frozen=True)
class Field:
    """One field of the data, reached from the root: ``path`` is dotted JSON names."""

    path: str
    schema: str | None  # the sheet's name of the schema the field is in; None inside an inline object
    name: str
    entry: dict[str, Any]
    renamed_from: tuple[str, ...]  # old names of this field
    dropped: bool  # the SDK no longer lists it


def walk(data: dict[str, Any]) -> Iterator[Field]:
    """Every field of the data, depth first from the root, following described schemas."""
    yield from _walk(data, data["root"], data["schemas"][data["root"]], "", ())


def _walk(
    data: dict[str, Any], name: str | None, schema: dict[str, Any], prefix: str, seen: tuple[str, ...]
) -> Iterator[Field]:
    renamed: dict[str, str] = schema.get("renamed", {})
    for field_name, entry in schema["fields"].items():
        path = f"{prefix}.{field_name}" if prefix else field_name
        olds = tuple(old for old, new in renamed.items() if new == field_name)
        yield Field(path, name, field_name, entry, olds, field_name in schema.get("dropped", []))
        if entry["kind"] == "object":
            target = entry.get("schema")
            if target in data["schemas"] and target not in seen:
                yield from _walk(data, target, data["schemas"][target], path, (*seen, target))
            elif "fields" in entry:
                yield from _walk(data, None, {"fields": entry["fields"]}, path, seen)


# --- comparison and command line ------------------------------------------------------------------


def file_problems(on_sheet: dict[str, Any], path: Path = DATA_FILE) -> list[str]:
    """How the data file differs from what the sheet gives; empty when they agree to the byte."""
    return data_file_problems(on_sheet, path, "the sheet")


def main(argv: list[str] | None = None) -> int:
    def summary(data: dict[str, Any]) -> str:
        return f"{len(data['schemas'])} schemas, {sum(1 for _ in walk(data))} fields"

    return command_line(
        argv,
        prog="python -m tools.current_api",
        source_name=SHEET_NAME,
        source="the sheet",
        data_file=DATA_FILE,
        read=read_sheet,
        summary=summary,
    )


if __name__ == "__main__":
    sys.exit(main())
