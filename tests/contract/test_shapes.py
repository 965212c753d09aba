"""Every schema shape generates checked code: never an unchecked value.

``shapes/shapes.yaml`` holds one property of every shape the templates support (string,
boolean, int32, int64 as a string, float, double, date-time, date, enum, nested object, array,
map, nullable, oneOf, anyOf; the object, map and enum both as a $ref and inline). The project's
own templates generate it into a scratch package beside the hand-written modules the models
need; then, for every property found in the spec
(nested ones included), each JSON value its schema refuses must raise ``DecodeError`` naming the
property's dotted path, and each value it accepts must come back from ``to_dict`` exactly.
test_guards_bite.py shows the test failing when a template stops checking a shape.
"""

import importlib
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.time_limits import slow
from tools.generate import GenerateError, render_package
from tools.generated_files import is_generated
from tools.prism import ROOT

from .shape_values import SAMPLES, Shapes, Site, nest


def json_type_name(value: Any) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", dict: "object", list: "array"}.get(
        type(value), "null"
    )


GENERATES = slow(30, "runs the generator on the fixture spec: about 2 s alone, several on a busy machine")

HERE = Path(__file__).parent / "shapes"
FIXTURE_SPEC = HERE / "shapes.yaml"
MODEL = "Shapes"
PACKAGE = "shapes_client"
RUNTIME = ROOT / "generated_client" / "fireworks_rft_client"


def generate_fixture(into: Path, *, templates: Path, spec: Path = FIXTURE_SPEC) -> Path:
    """Generate ``spec`` with ``templates`` into ``into``; returns the folder to put on sys.path."""
    files = render_package(spec, config=HERE / "generator-config.yaml", templates=templates, package=PACKAGE)
    for name, content in files.items():
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        (into / name).write_bytes(content)
    # The hand-written runtime beside the fixture's models (its own modules import only what
    # they use, so a module about jobs never loads); an empty __init__ loads none of it up front.
    for module in RUNTIME.glob("*.py"):
        if not is_generated(module) and module.name != "__init__.py":
            shutil.copy(module, into / PACKAGE / module.name)
    (into / PACKAGE / "__init__.py").write_text("")
    return into


def problems(package_root: Path, spec: Path = FIXTURE_SPEC) -> list[str]:
    """Every way the generated model of ``spec`` breaks the rule; empty when it holds."""
    sys.path.insert(0, str(package_root))
    try:
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
        models = importlib.import_module(f"{PACKAGE}.models")
        errors = importlib.import_module(f"{PACKAGE}.errors")
        return list(_problems(models, errors, yaml.safe_load(spec.read_text())))
    finally:
        sys.path.remove(str(package_root))


def _problems(models: ModuleType, errors: ModuleType, spec: dict[str, Any]) -> Iterator[str]:
    shapes = Shapes(spec)
    model = getattr(models, MODEL)
    schema = shapes.schemas[MODEL]
    base = {name: shapes.right_values(schema["properties"][name])[0] for name in schema.get("required", [])}
    sites = list(shapes.sites(schema))
    assert len(sites) > len(schema["properties"]), "nested sites must be found too"
    for site in sites:
        yield from _wrong_values_refused(model, errors, shapes, site, base)
        yield from _right_values_round_trip(model, shapes, site, base)
    yield from _union_messages(model, errors, shapes, base)


def _union_messages(model: Any, errors: ModuleType, shapes: Shapes, base: dict[str, Any]) -> Iterator[str]:
    """A union's (a nullable's) type error names each JSON type it accepts, and what came."""
    for name, prop in shapes.schemas[MODEL]["properties"].items():
        if not isinstance(prop.get("type"), list):
            continue
        kinds = [kind for kind in prop["type"] if kind != "null"]
        wrong = next(value for kind, value in SAMPLES.items() if kind not in shapes.json_types(prop))
        try:
            model.from_dict(nest((name,), wrong, base))
        except errors.DecodeError as exc:
            expected = f"{name}: expected {' or '.join([*kinds, 'null'])}, got {json_type_name(wrong)}"
            if str(exc) != expected:
                yield f"{name}: message {str(exc)!r}, not {expected!r}"


def _wrong_values_refused(
    model: Any, errors: ModuleType, shapes: Shapes, site: Site, base: dict[str, Any]
) -> Iterator[str]:
    for wrong in shapes.wrong_values(site.schema):
        payload = nest(site.path, wrong, base)
        try:
            model.from_dict(payload)
        except errors.DecodeError as exc:
            if exc.field != site.dotted:
                yield f"{site.dotted}: {json.dumps(wrong)} raised DecodeError for {exc.field!r}, not {site.dotted!r}"
        except Exception as exc:  # noqa: BLE001 - any other error is the finding
            yield f"{site.dotted}: {json.dumps(wrong)} raised {type(exc).__name__}, not DecodeError: {exc}"
        else:
            yield f"{site.dotted}: {json.dumps(wrong)} was accepted unchecked"


def _right_values_round_trip(model: Any, shapes: Shapes, site: Site, base: dict[str, Any]) -> Iterator[str]:
    for right in shapes.right_values(site.schema):
        payload = nest(site.path, right, base)
        try:
            back = model.from_dict(payload).to_dict()
        except Exception as exc:  # noqa: BLE001
            yield f"{site.dotted}: {json.dumps(right)} was refused: {type(exc).__name__}: {exc}"
            continue
        if json.dumps(back, sort_keys=True) != json.dumps(payload, sort_keys=True):
            yield f"{site.dotted}: {json.dumps(payload)} came back as {json.dumps(back)}"


@pytest.fixture(scope="module")
def fixture_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_fixture(tmp_path_factory.mktemp("shapes"), templates=ROOT / "templates")


def test_every_shape_is_checked_and_round_trips(fixture_package: Path) -> None:
    found = problems(fixture_package)
    assert not found, "\n".join(found)


def test_the_fixture_holds_every_shape() -> None:
    """The fixture keeps its promise: a shape dropped from it would go untested."""
    spec = yaml.safe_load(FIXTURE_SPEC.read_text())
    shapes = Shapes(spec)
    seen: set[str] = set()
    for site in shapes.sites(shapes.schemas[MODEL]):
        raw = shapes.resolve(site.schema)
        seen.update(f"{alt.get('type', 'object')}:{alt.get('format', '')}" for alt in shapes.alternatives(raw))
        seen.update(key for key in ("oneOf", "anyOf", "enum", "additionalProperties", "properties") if key in raw)
        if isinstance(raw.get("type"), list):
            seen.add("type-list")
        if "$ref" not in site.schema and ("enum" in raw or "properties" in raw or "additionalProperties" in raw):
            seen.add(f"inline {next(k for k in ('enum', 'properties', 'additionalProperties') if k in raw)}")
    expected = {
        "string:", "boolean:", "integer:int32", "string:int64", "string:uint64", "number:float", "number:double",
        "string:date-time", "string:date", "enum", "properties", "array:", "additionalProperties",
        "type-list", "null:", "oneOf", "anyOf", "inline enum", "inline properties", "inline additionalProperties",
    }  # fmt: skip
    assert expected <= seen, f"missing shapes: {sorted(expected - seen)}"


@pytest.mark.parametrize(
    ("schema", "complaint"),
    [
        (
            {
                "oneOf": [
                    {"$ref": "#/components/schemas/Child"},
                    {"type": "object", "properties": {"x": {"type": "string"}}},
                ]
            },
            "unsupported schema shape: property 'ambiguous' (two alternatives of the union accept a JSON object)",
        ),
        (
            {"anyOf": [{"type": "string"}, {"type": "string", "format": "date-time"}]},
            "unsupported schema shape: property 'ambiguous' (two alternatives of the union accept a JSON string)",
        ),
        (
            {"type": "string", "format": "uuid"},
            "unsupported schema shape: property 'ambiguous' (uuid_property.py.jinja has no checked decoder)",
        ),
        (
            {"type": "integer", "enum": [1, 2]},
            "property 'ambiguous' (an integer enum: the API sends enum values as their names)",
        ),
        (
            {"type": "boolean", "x-retyped": {"version": "1.1.0", "from": {"type": "string"}}},
            "property 'ambiguous' (x-retyped from string to boolean: the client cannot convert the old type",
        ),
    ],
)
@GENERATES
def test_a_shape_the_templates_cannot_check_stops_generation(
    tmp_path: Path, schema: dict[str, Any], complaint: str
) -> None:
    spec = yaml.safe_load(FIXTURE_SPEC.read_text())
    spec["components"]["schemas"][MODEL]["properties"]["ambiguous"] = schema
    broken = tmp_path / "spec.yaml"
    broken.write_text(yaml.safe_dump(spec))
    with pytest.raises(GenerateError, match="the generator failed") as raised:
        generate_fixture(tmp_path, templates=ROOT / "templates", spec=broken)
    assert complaint in str(raised.value)


# Each break makes one template stop checking: an isinstance test that never fires, or a
# conversion that hands the JSON value through.
UNCHECKED = "(lambda key, value: value)("
INT64_KIND = '{{ "uint64" if schema.schema_format == "uint64" else "int64" }}'


@pytest.mark.parametrize(
    ("template", "check", "unchecked", "site"),
    [
        ("int_property.py.jinja", "if type(", "if False and type(", 'count: "x" was accepted'),
        ("date_property.py.jinja", "_decode.to_date(", UNCHECKED, 'day: "not-a-date" was accepted'),
        ("any_property.py.jinja", f"_decode.to_{INT64_KIND}(", UNCHECKED, 'seconds.k: "abc" was accepted'),
        # A uint64 read as a plain string, and one decoded with the int64 range.
        ("any_property.py.jinja", '("int64", "uint64")', '("int64",)', 'unsigned: "-1" was accepted'),
        (
            "any_property.py.jinja",
            '"uint64" if schema',
            '"int64" if schema',
            'unsigned: "18446744073709551615" was refused',
        ),
        # The message of a union's (a nullable's) type error names every JSON type it takes.
        ("union_property.py.jinja", "join(' or ')", "join(' / ')", "maybeCount: message"),
    ],
)
def test_the_shape_test_bites_when_a_template_stops_checking(
    tmp_path: Path, template: str, check: str, unchecked: str, site: str
) -> None:
    """The guard above fails when one property template stops checking its shape."""
    templates = shutil.copytree(ROOT / "templates", tmp_path / "templates")
    path = templates / "property_templates" / template
    assert check in path.read_text()
    path.write_text(path.read_text().replace(check, unchecked, 1))
    found = problems(generate_fixture(tmp_path / "out", templates=templates))
    assert any(problem.startswith(site) for problem in found), "\n".join(found)


@GENERATES
def test_a_retyped_property_reads_its_former_type(tmp_path: Path) -> None:
    """x-retyped: a value of the former JSON type (an older server's) is converted; others still refused."""
    spec = yaml.safe_load(FIXTURE_SPEC.read_text())
    properties = spec["components"]["schemas"][MODEL]["properties"]
    properties["nowText"] = {"type": "string", "x-retyped": {"version": "1.1.0", "from": {"type": "integer"}}}
    properties["nowCount"] = {
        "type": "integer",
        "format": "int32",
        "x-retyped": {"version": "1.1.0", "from": {"type": "string"}},
    }
    changed = tmp_path / "spec.yaml"
    changed.write_text(yaml.safe_dump(spec))
    root = generate_fixture(tmp_path / "out", templates=ROOT / "templates", spec=changed)
    sys.path.insert(0, str(root))
    try:
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]
        model = importlib.import_module(f"{PACKAGE}.models").Shapes
        errors = importlib.import_module(f"{PACKAGE}.errors")
        base = {"requiredText": "r"}
        old = model.from_dict({**base, "nowText": 3, "nowCount": "12"})
        assert (old.now_text, old.now_count) == ("3", 12)
        assert old.to_dict() == {**base, "nowText": "3", "nowCount": 12}  # written back in today's type
        assert model.from_dict({**base, "nowText": "x", "nowCount": 5}).to_dict() == {
            **base,
            "nowText": "x",
            "nowCount": 5,
        }
        for wrong in ({"nowText": True}, {"nowCount": "twelve"}, {"nowCount": "1.5"}):
            with pytest.raises(errors.DecodeError, match=next(iter(wrong))):
                model.from_dict({**base, **wrong})
    finally:
        sys.path.remove(str(root))
