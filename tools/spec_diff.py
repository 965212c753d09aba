"""Classify the difference between two OpenAPI 3.1 documents for the version rule.

``diff(old, new)`` returns one ``Change`` per difference, each with the JSON pointer (RFC 6901,
into the *new* document, or the old one for what was removed), what changed, and its class:

- ``BREAKING``: a user's working code or data may stop working: a removed or renamed field,
  parameter, response, schema or enum value; a changed type, format or ``$ref``; a newly
  required field or parameter; a narrowed enum or constraint (``minimum`` raised, ``maxLength``
  lowered, ``pattern`` added or changed...); a changed ``operationId``, tag or security.
- ``ADDITIVE``: new things a user may start to use: an added optional field, parameter,
  response, media type, schema or enum value; a widened constraint; ``deprecated`` set or
  cleared; a changed ``default``; a changed ``x-`` extension (they may drive generated code).
- ``PATCH``: documentation only: ``description``, ``summary``, ``title``, ``example(s)``,
  ``externalDocs``, ``$comment``, ``info`` other than the version, ``readOnly`` markers.

Direction matters for ``required`` only. This API is read-only (GET): schemas reached from a
response are read by the client, those of parameters and request bodies are written by it.
A property that stops being required in a response may now be missing where code relied on it
(breaking); a parameter that stops being required is a relaxation (additive). Everything else
is classed the same both ways, and on purpose by the policy of this project: widening an enum or
a constraint in a response is additive because the client keeps unknown enum values and checks
no constraint when it parses, while narrowing one is breaking because it takes away something
(an enum member of the generated class, a value callers could send or rely on).

Equal ``$ref`` targets are not followed at the place they are used: the target component is
compared once at its own pointer. Different targets are resolved and compared in place.
Anything this module does not know how to judge is reported as breaking (a conservative default).
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from packaging.version import Version


class Kind(IntEnum):
    """The class of a change; a larger value needs a larger version bump."""

    PATCH = 1
    ADDITIVE = 2
    BREAKING = 3


class Bump(IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


@dataclass(frozen=True, order=True)
class Change:
    pointer: str
    kind: Kind
    what: str


DOC_KEYS = frozenset({"description", "summary", "title", "example", "examples", "externalDocs", "$comment"})
# Constraints where a larger value (or adding the keyword) lets fewer values through.
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RESPONSE, REQUEST = "response", "request"


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape(str(token)) for token in tokens)


class _Differ:
    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self._seen: set[tuple[str, str, str]] = set()

    # --- helpers ----------------------------------------------------------------------------

    def add(self, pointer: str, kind: Kind, what: str) -> None:
        self.changes.append(Change(pointer, kind, what))

    def resolve(self, doc: Mapping[str, Any], node: Any) -> Any:
        """Follow local ``$ref``s until a node without one (a cycle stops at the last ref)."""
        hops = 0
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and hops < 50:
            ref: str = node["$ref"]
            if not ref.startswith("#/"):
                return node  # an external ref: compared as a value
            target: Any = doc
            for token in ref[2:].split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, Mapping) or token not in target:
                    return node
                target = target[token]
            node, hops = target, hops + 1
        return node

    def same_ref(self, old: Any, new: Any) -> bool:
        return (
            isinstance(old, Mapping)
            and isinstance(new, Mapping)
            and "$ref" in old
            and old.get("$ref") == new.get("$ref")
        )

    def doc_and_extensions(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        """Documentation keys (patch) and ``x-`` extensions (additive, or per-key rules)."""
        for key in sorted(set(old) | set(new)):
            if key in DOC_KEYS and old.get(key) != new.get(key):
                self.add(join(pointer, key), Kind.PATCH, _verb(key in old, key in new, key))
            elif key.startswith("x-") and old.get(key) != new.get(key):
                if key == "x-job-state-outcomes":
                    self.job_state_outcomes(join(pointer, key), old.get(key), new.get(key))
                else:
                    self.add(join(pointer, key), Kind.ADDITIVE, _verb(key in old, key in new, f"extension {key}"))

    def job_state_outcomes(self, pointer: str, old: Any, new: Any) -> None:
        """Terminal states drive the waiter: a state that stops being terminal or changes outcome breaks it."""
        old_map = old if isinstance(old, Mapping) else {}
        new_map = new if isinstance(new, Mapping) else {}
        for state in sorted(set(old_map) | set(new_map)):
            if state not in new_map:
                self.add(join(pointer, state), Kind.BREAKING, f"state {state} is no longer terminal")
            elif state not in old_map:
                self.add(join(pointer, state), Kind.ADDITIVE, f"state {state} is now terminal ({new_map[state]})")
            elif old_map[state] != new_map[state]:
                what = f"outcome of {state} changed: {old_map[state]} -> {new_map[state]}"
                self.add(join(pointer, state), Kind.BREAKING, what)

    def generic(self, pointer: str, old: Any, new: Any, handled: frozenset[str] = frozenset()) -> None:
        """Values this module has no rule for: added keys additive, anything else breaking."""
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            self.doc_and_extensions(pointer, old, new)
            for key in sorted(set(old) | set(new)):
                if key in DOC_KEYS or key.startswith("x-") or key in handled:
                    continue
                if key not in new:
                    self.add(join(pointer, key), Kind.BREAKING, f"{key} removed")
                elif key not in old:
                    self.add(join(pointer, key), Kind.ADDITIVE, f"{key} added")
                else:
                    self.generic(join(pointer, key), old[key], new[key])
        elif old != new:
            self.add(pointer, Kind.BREAKING, f"changed: {_short(old)} -> {_short(new)}")

    # --- schemas ----------------------------------------------------------------------------

    def schema(self, pointer: str, old: Any, new: Any, direction: str) -> None:
        if self.same_ref(old, new):
            return  # the component is compared at its own pointer
        if isinstance(old, Mapping) and isinstance(new, Mapping) and "$ref" in old and "$ref" in new:
            what = f"$ref changed: {old['$ref']} -> {new['$ref']} (another type)"
            self.add(join(pointer, "$ref"), Kind.BREAKING, what)
        refs = tuple(node.get("$ref") if isinstance(node, Mapping) else None for node in (old, new))
        if any(refs):  # refs to different targets: compare each pair of targets once (recursive schemas)
            key = (str(refs[0]), str(refs[1]), direction)
            if key in self._seen:
                return
            self._seen.add(key)
        old, new = self.resolve(self.old, old), self.resolve(self.new, new)
        if (
            isinstance(old, bool)
            or isinstance(new, bool)
            or not isinstance(old, Mapping)
            or not isinstance(new, Mapping)
        ):
            if old != new:
                self.add(pointer, Kind.BREAKING, f"schema changed: {_short(old)} -> {_short(new)}")
            return
        handled = {"$ref", "properties", "required", "type", "format", "enum", "const", "items", "prefixItems"}
        handled |= {"nullable", "additionalProperties", "oneOf", "anyOf", "allOf", "not", "deprecated", "default"}
        handled |= {"readOnly", "writeOnly", "pattern", "multipleOf", "uniqueItems", *LOWER_BOUNDS, *UPPER_BOUNDS}
        self.doc_and_extensions(pointer, old, new)
        self.types(pointer, old, new)
        if old.get("format") != new.get("format"):
            what = f"format changed: {old.get('format', '(none)')} -> {new.get('format', '(none)')}"
            self.add(join(pointer, "format"), Kind.BREAKING, what)
        self.enum(pointer, old, new)
        if old.get("const") != new.get("const"):
            self.add(
                join(pointer, "const"), Kind.BREAKING, f"const changed: {old.get('const')!r} -> {new.get('const')!r}"
            )
        self.properties(pointer, old, new, direction)
        for keyword in ("items", "not"):
            if keyword in old and keyword in new:
                self.schema(join(pointer, keyword), old[keyword], new[keyword], direction)
            elif keyword in old or keyword in new:
                self.add(join(pointer, keyword), Kind.BREAKING, _verb(keyword in old, keyword in new, keyword))
        if old.get("prefixItems") != new.get("prefixItems"):
            self.add(join(pointer, "prefixItems"), Kind.BREAKING, "prefixItems changed")
        self.additional_properties(pointer, old, new, direction)
        self.combinators(pointer, old, new, direction)
        self.constraints(pointer, old, new)
        if old.get("deprecated", False) != new.get("deprecated", False):
            state = "deprecated" if new.get("deprecated") else "no longer deprecated"
            self.add(join(pointer, "deprecated"), Kind.ADDITIVE, state)
        if old.get("default") != new.get("default"):
            self.add(join(pointer, "default"), Kind.ADDITIVE, _verb("default" in old, "default" in new, "default"))
        if old.get("readOnly", False) != new.get("readOnly", False):
            self.add(join(pointer, "readOnly"), Kind.PATCH, "readOnly marker changed")
        if old.get("writeOnly", False) != new.get("writeOnly", False):
            kind = Kind.BREAKING if new.get("writeOnly") and direction == RESPONSE else Kind.ADDITIVE
            self.add(join(pointer, "writeOnly"), kind, "writeOnly marker changed")
        for keyword in sorted(set(old) | set(new)):
            if keyword not in handled and keyword not in DOC_KEYS and not keyword.startswith("x-"):
                if old.get(keyword) != new.get(keyword):
                    what = f"{keyword} changed (no rule for it: treated as breaking)"
                    self.add(join(pointer, keyword), Kind.BREAKING, what)

    def types(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        old_types, new_types = _types(old), _types(new)
        if old_types != new_types:
            what = f"type changed: {_type_text(old_types)} -> {_type_text(new_types)}"
            self.add(join(pointer, "type"), Kind.BREAKING, what)

    def enum(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        here = join(pointer, "enum")
        if "enum" in old and "enum" in new:
            old_values, new_values = list(old["enum"]), list(new["enum"])
            for index, value in enumerate(old_values):
                if value not in new_values:
                    self.add(join(here, index), Kind.BREAKING, f"enum value {value!r} removed")
            for index, value in enumerate(new_values):
                if value not in old_values:
                    self.add(join(here, index), Kind.ADDITIVE, f"enum value {value!r} added")
        elif "enum" in new:
            self.add(here, Kind.BREAKING, "enum added (narrows the values, changes the type)")
        elif "enum" in old:
            self.add(here, Kind.BREAKING, "enum removed (changes the type)")

    def properties(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: str) -> None:
        old_props: Mapping[str, Any] = old.get("properties") or {}
        new_props: Mapping[str, Any] = new.get("properties") or {}
        old_req, new_req = set(old.get("required") or ()), set(new.get("required") or ())
        here = join(pointer, "properties")
        for name in old_props:
            if name not in new_props:
                self.add(join(here, name), Kind.BREAKING, f"field {name} removed (or renamed)")
        for name in new_props:
            if name not in old_props:
                if name in new_req:
                    self.add(join(here, name), Kind.BREAKING, f"required field {name} added")
                else:
                    self.add(join(here, name), Kind.ADDITIVE, f"optional field {name} added")
        for name in old_props:
            if name in new_props:
                self.schema(join(here, name), old_props[name], new_props[name], direction)
        for name in sorted((new_req - old_req) & set(old_props)):
            self.add(join(pointer, "required"), Kind.BREAKING, f"field {name} is now required")
        for name in sorted((old_req - new_req) & set(new_props)):
            kind = Kind.BREAKING if direction == RESPONSE else Kind.ADDITIVE
            self.add(join(pointer, "required"), kind, f"field {name} is no longer required")

    def additional_properties(
        self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: str
    ) -> None:
        here = join(pointer, "additionalProperties")
        old_ap, new_ap = old.get("additionalProperties", True), new.get("additionalProperties", True)
        old_any, new_any = old_ap in (True, {}), new_ap in (True, {})
        if old_any and new_any:
            return
        if old_ap is False and new_ap is False:
            return
        if isinstance(old_ap, Mapping) and isinstance(new_ap, Mapping):
            self.schema(here, old_ap, new_ap, direction)
        elif old_ap is False or (not old_any and new_any):  # false -> anything, or a schema -> any value
            self.add(here, Kind.ADDITIVE, "additionalProperties widened")
        else:
            self.add(here, Kind.BREAKING, "additionalProperties narrowed")

    def combinators(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: str) -> None:
        for keyword in ("oneOf", "anyOf", "allOf"):
            old_list, new_list = list(old.get(keyword) or ()), list(new.get(keyword) or ())
            if not old_list and not new_list:
                continue
            here = join(pointer, keyword)
            pairs, unmatched_old, unmatched_new = _match(old_list, new_list)
            for old_index, new_index in pairs:
                self.schema(join(here, new_index), old_list[old_index], new_list[new_index], direction)
            narrows = keyword == "allOf"  # one more allOf member narrows; one more oneOf/anyOf variant widens
            for index in unmatched_old:
                kind = Kind.ADDITIVE if narrows else Kind.BREAKING
                self.add(join(here, index), kind, f"{keyword} member {_short(old_list[index])} removed")
            for index in unmatched_new:
                kind = Kind.BREAKING if narrows else Kind.ADDITIVE
                self.add(join(here, index), kind, f"{keyword} member {_short(new_list[index])} added")

    def constraints(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for keyword, lower in [(k, True) for k in LOWER_BOUNDS] + [(k, False) for k in UPPER_BOUNDS]:
            before, after = old.get(keyword), new.get(keyword)
            if before == after:
                continue
            here = join(pointer, keyword)
            numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after))
            if before is None:
                self.add(here, Kind.BREAKING, f"{keyword} {after!r} added (narrowed)")
            elif after is None:
                self.add(here, Kind.ADDITIVE, f"{keyword} {before!r} removed (widened)")
            elif not numeric:
                self.add(here, Kind.BREAKING, f"{keyword} changed: {before!r} -> {after!r}")
            else:
                narrowed = after > before if lower else after < before
                kind = Kind.BREAKING if narrowed else Kind.ADDITIVE
                self.add(here, kind, f"{keyword} {before!r} -> {after!r} ({'narrowed' if narrowed else 'widened'})")
        for keyword in ("pattern", "multipleOf"):
            before, after = old.get(keyword), new.get(keyword)
            if before != after:
                kind = Kind.ADDITIVE if after is None else Kind.BREAKING
                self.add(join(pointer, keyword), kind, _verb(before is not None, after is not None, keyword))
        if bool(old.get("uniqueItems")) != bool(new.get("uniqueItems")):
            kind = Kind.BREAKING if new.get("uniqueItems") else Kind.ADDITIVE
            self.add(join(pointer, "uniqueItems"), kind, "uniqueItems changed")

    # --- operations -------------------------------------------------------------------------

    def parameters(self, pointer: str, old: list[Any], new: list[Any]) -> None:
        def keyed(doc: Mapping[str, Any], params: list[Any]) -> dict[tuple[str, str], tuple[int, Any]]:
            out: dict[tuple[str, str], tuple[int, Any]] = {}
            for index, param in enumerate(params):
                resolved = self.resolve(doc, param)
                if isinstance(resolved, Mapping):
                    out[(str(resolved.get("in")), str(resolved.get("name")))] = (index, param)
            return out

        old_keyed, new_keyed = keyed(self.old, old), keyed(self.new, new)
        for key, (index, _) in old_keyed.items():
            if key not in new_keyed:
                self.add(join(pointer, index), Kind.BREAKING, f"{key[0]} parameter {key[1]} removed (or renamed)")
        for key, (index, param) in new_keyed.items():
            if key not in old_keyed:
                required = bool(self.resolve(self.new, param).get("required"))
                kind = Kind.BREAKING if required else Kind.ADDITIVE
                what = f"{'required' if required else 'optional'} {key[0]} parameter {key[1]} added"
                self.add(join(pointer, index), kind, what)
            else:
                self.parameter(join(pointer, index), old_keyed[key][1], param)

    def parameter(self, pointer: str, old: Any, new: Any) -> None:
        if self.same_ref(old, new):
            return
        old, new = self.resolve(self.old, old), self.resolve(self.new, new)
        if bool(old.get("required")) != bool(new.get("required")):
            kind = Kind.BREAKING if new.get("required") else Kind.ADDITIVE
            what = f"parameter {new.get('name')} {'is now' if new.get('required') else 'is no longer'} required"
            self.add(join(pointer, "required"), kind, what)
        if old.get("deprecated", False) != new.get("deprecated", False):
            self.add(join(pointer, "deprecated"), Kind.ADDITIVE, "deprecated marker changed")
        if "schema" in old and "schema" in new:
            self.schema(join(pointer, "schema"), old["schema"], new["schema"], REQUEST)
        self.generic(pointer, old, new, frozenset({"name", "in", "required", "deprecated", "schema"}))

    def content(self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any], direction: str) -> None:
        for media in old:
            if media not in new:
                self.add(join(pointer, media), Kind.BREAKING, f"media type {media} removed")
        for media in new:
            if media not in old:
                self.add(join(pointer, media), Kind.ADDITIVE, f"media type {media} added")
            else:
                here = join(pointer, media)
                old_media, new_media = old[media], new[media]
                if "schema" in old_media or "schema" in new_media:
                    self.schema(
                        join(here, "schema"), old_media.get("schema", {}), new_media.get("schema", {}), direction
                    )
                self.generic(here, old_media, new_media, frozenset({"schema"}))

    def response(self, pointer: str, old: Any, new: Any) -> None:
        if self.same_ref(old, new):
            return
        old, new = self.resolve(self.old, old), self.resolve(self.new, new)
        self.content(join(pointer, "content"), old.get("content") or {}, new.get("content") or {}, RESPONSE)
        old_headers: Mapping[str, Any] = old.get("headers") or {}
        new_headers: Mapping[str, Any] = new.get("headers") or {}
        for name in sorted(set(old_headers) | set(new_headers)):
            here = join(pointer, "headers", name)
            if name not in new_headers:
                self.add(here, Kind.BREAKING, f"response header {name} removed")
            elif name not in old_headers:
                self.add(here, Kind.ADDITIVE, f"response header {name} added")
            else:
                self.header(here, old_headers[name], new_headers[name])
        self.generic(pointer, old, new, frozenset({"content", "headers"}))

    def header(self, pointer: str, old: Any, new: Any) -> None:
        if self.same_ref(old, new):
            return
        old, new = self.resolve(self.old, old), self.resolve(self.new, new)
        if "schema" in old and "schema" in new:
            self.schema(join(pointer, "schema"), old["schema"], new["schema"], RESPONSE)
        self.generic(pointer, old, new, frozenset({"schema"}))

    def operation(
        self, pointer: str, old: Mapping[str, Any], new: Mapping[str, Any], old_shared: list[Any], new_shared: list[Any]
    ) -> None:
        self.parameters(
            join(pointer, "parameters"),
            old_shared + list(old.get("parameters") or ()),
            new_shared + list(new.get("parameters") or ()),
        )
        old_responses: Mapping[str, Any] = old.get("responses") or {}
        new_responses: Mapping[str, Any] = new.get("responses") or {}
        for code in old_responses:
            if code not in new_responses:
                self.add(join(pointer, "responses", code), Kind.BREAKING, f"response {code} removed")
        for code in new_responses:
            if code not in old_responses:
                self.add(join(pointer, "responses", code), Kind.ADDITIVE, f"response {code} added")
            else:
                self.response(join(pointer, "responses", code), old_responses[code], new_responses[code])
        if "requestBody" in old or "requestBody" in new:
            old_body = self.resolve(self.old, old.get("requestBody") or {})
            new_body = self.resolve(self.new, new.get("requestBody") or {})
            here = join(pointer, "requestBody")
            if not old_body:
                kind = Kind.BREAKING if new_body.get("required") else Kind.ADDITIVE
                self.add(here, kind, "request body added")
            elif not new_body:
                self.add(here, Kind.BREAKING, "request body removed")
            else:
                self.content(
                    join(here, "content"), old_body.get("content") or {}, new_body.get("content") or {}, REQUEST
                )
                self.generic(here, old_body, new_body, frozenset({"content"}))
        if old.get("deprecated", False) != new.get("deprecated", False):
            self.add(join(pointer, "deprecated"), Kind.ADDITIVE, "deprecated marker changed")
        handled = frozenset({"parameters", "responses", "requestBody", "deprecated"})
        self.generic(pointer, old, new, handled)  # operationId, tags, security: breaking when changed

    def paths(self) -> None:
        old_paths: Mapping[str, Any] = self.old.get("paths") or {}
        new_paths: Mapping[str, Any] = self.new.get("paths") or {}
        for path in old_paths:
            if path not in new_paths:
                self.add(join("/paths", path), Kind.BREAKING, f"path {path} removed")
        for path in new_paths:
            if path not in old_paths:
                self.add(join("/paths", path), Kind.ADDITIVE, f"path {path} added")
                continue
            old_item, new_item = old_paths[path], new_paths[path]
            for method in HTTP_METHODS:
                here = join("/paths", path, method)
                if method in old_item and method not in new_item:
                    self.add(here, Kind.BREAKING, f"operation {method.upper()} {path} removed")
                elif method in new_item and method not in old_item:
                    self.add(here, Kind.ADDITIVE, f"operation {method.upper()} {path} added")
                elif method in old_item:
                    self.operation(
                        here,
                        old_item[method],
                        new_item[method],
                        list(old_item.get("parameters") or ()),
                        list(new_item.get("parameters") or ()),
                    )
            self.generic(join("/paths", path), old_item, new_item, frozenset({*HTTP_METHODS, "parameters"}))

    # --- components and the rest ------------------------------------------------------------

    def request_schemas(self, doc: Mapping[str, Any]) -> set[str]:
        """Names of component schemas reached from parameters or request bodies."""
        found: set[str] = set()
        stack: list[Any] = []
        for item in (doc.get("paths") or {}).values():
            stack.extend(item.get("parameters") or ())
            for method in HTTP_METHODS:
                operation = item.get(method) or {}
                stack.extend(operation.get("parameters") or ())
                stack.append(operation.get("requestBody"))
        schemas = (doc.get("components") or {}).get("schemas") or {}
        while stack:
            node = stack.pop()
            if isinstance(node, Mapping):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                    name = ref.rsplit("/", 1)[-1]
                    if name not in found and name in schemas:
                        found.add(name)
                        stack.append(schemas[name])
                elif isinstance(ref, str):
                    stack.append(self.resolve(doc, node))
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return found

    def components(self) -> None:
        old_components: Mapping[str, Any] = self.old.get("components") or {}
        new_components: Mapping[str, Any] = self.new.get("components") or {}
        request = self.request_schemas(self.old) | self.request_schemas(self.new)
        compare = {
            "schemas": lambda p, o, n, name: self.schema(p, o, n, REQUEST if name in request else RESPONSE),
            "responses": lambda p, o, n, name: self.response(p, o, n),
            "parameters": lambda p, o, n, name: self.parameter(p, o, n),
            "headers": lambda p, o, n, name: self.header(p, o, n),
        }
        for section in sorted(set(old_components) | set(new_components)):
            old_section: Mapping[str, Any] = old_components.get(section) or {}
            new_section: Mapping[str, Any] = new_components.get(section) or {}
            if section not in compare:
                self.generic(join("/components", section), old_section, new_section)
                continue
            for name in old_section:
                if name not in new_section:
                    # A schema is a generated class: its removal takes a public name away.
                    kind = Kind.BREAKING if section == "schemas" else Kind.PATCH
                    self.add(join("/components", section, name), kind, f"{section[:-1]} {name} removed (or renamed)")
            for name in new_section:
                here = join("/components", section, name)
                if name not in old_section:
                    self.add(here, Kind.ADDITIVE, f"{section[:-1]} {name} added")
                else:
                    compare[section](here, old_section[name], new_section[name], name)

    def run(self) -> list[Change]:
        old_info: Mapping[str, Any] = self.old.get("info") or {}
        new_info: Mapping[str, Any] = self.new.get("info") or {}
        for key in sorted((set(old_info) | set(new_info)) - {"version"}):
            if old_info.get(key) != new_info.get(key):
                self.add(join("/info", key), Kind.PATCH, _verb(key in old_info, key in new_info, f"info {key}"))
        self.paths()
        self.components()
        for key in sorted((set(self.old) | set(self.new)) - {"info", "paths", "components"}):
            if key == "tags":
                self.tags(self.old.get(key) or [], self.new.get(key) or [])
            elif key == "servers":
                self.servers(self.old.get(key) or [], self.new.get(key) or [])
            elif key == "openapi":
                if self.old.get(key) != self.new.get(key):
                    self.add("/openapi", Kind.ADDITIVE, f"openapi {self.old.get(key)} -> {self.new.get(key)}")
            else:
                self.generic(join("", key), self.old.get(key), self.new.get(key))
        return sorted(set(self.changes), key=lambda c: (-c.kind, c.pointer, c.what))

    def named_list(self, pointer: str, old: list[Any], new: list[Any], key: str, label: str) -> None:
        old_named = {str(item.get(key)): (i, item) for i, item in enumerate(old) if isinstance(item, Mapping)}
        new_named = {str(item.get(key)): (i, item) for i, item in enumerate(new) if isinstance(item, Mapping)}
        for name, (index, _) in old_named.items():
            if name not in new_named:
                self.add(join(pointer, index), Kind.BREAKING, f"{label} {name} removed")
        for name, (index, item) in new_named.items():
            if name not in old_named:
                self.add(join(pointer, index), Kind.ADDITIVE, f"{label} {name} added")
            else:
                self.generic(join(pointer, index), old_named[name][1], item)

    def tags(self, old: list[Any], new: list[Any]) -> None:
        self.named_list("/tags", old, new, "name", "tag")

    def servers(self, old: list[Any], new: list[Any]) -> None:
        self.named_list("/servers", old, new, "url", "server")


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every difference between two OpenAPI documents, classified; breaking changes first."""
    return _Differ(old, new).run()


def required_bump(changes: list[Change], released: Version) -> Bump:
    """The least bump the changes need from ``released`` (semver; breaking is minor below 1.0)."""
    worst = max((change.kind for change in changes), default=None)
    if worst is None:
        return Bump.NONE
    if worst == Kind.BREAKING:
        return Bump.MAJOR if released.major >= 1 else Bump.MINOR
    return Bump.MINOR if worst == Kind.ADDITIVE else Bump.PATCH


def bump_needed_by(change: Change, released: Version) -> Bump:
    return required_bump([change], released)


def actual_bump(released: Version, current: Version) -> Bump:
    """Which part of the release number went up from ``released`` to ``current``."""
    old = (released.release + (0, 0, 0))[:3]
    new = (current.release + (0, 0, 0))[:3]
    for level, (a, b) in zip((Bump.MAJOR, Bump.MINOR, Bump.PATCH), zip(old, new, strict=True), strict=True):
        if b != a:
            return level if b > a else Bump.NONE
    return Bump.NONE


def smallest_version(released: Version, bump: Bump) -> str:
    major, minor, micro = (released.release + (0, 0, 0))[:3]
    if bump == Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump == Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{micro + 1}"


def explain(changes: list[Change], released: Version) -> Iterator[str]:
    """One line per change: pointer, class, the bump it needs, what changed."""
    for change in changes:
        need = bump_needed_by(change, released).name.lower()
        yield f"  {change.pointer or '(whole file)'}: {change.kind.name.lower()}, needs a {need} bump: {change.what}"


def _types(schema: Mapping[str, Any]) -> frozenset[str]:
    value = schema.get("type")
    if value is None:
        return frozenset()
    types = {value} if isinstance(value, str) else set(value)
    if schema.get("nullable") is True:
        types.add("null")
    return frozenset(types)


def _type_text(types: frozenset[str]) -> str:
    return "|".join(sorted(types)) or "(any)"


def _verb(before: bool, after: bool, what: str) -> str:
    return f"{what} added" if not before else f"{what} removed" if not after else f"{what} changed"


def _short(value: Any) -> str:
    text = repr(dict(value) if isinstance(value, Mapping) else value)
    return text if len(text) <= 60 else text[:57] + "..."


def _match(old: list[Any], new: list[Any]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair combinator members: by $ref target first, then the rest by position."""
    pairs: list[tuple[int, int]] = []
    free_new = list(range(len(new)))
    free_old: list[int] = []
    for i, member in enumerate(old):
        ref = member.get("$ref") if isinstance(member, Mapping) else None
        match = next((j for j in free_new if ref and isinstance(new[j], Mapping) and new[j].get("$ref") == ref), None)
        if match is None:
            free_old.append(i)
        else:
            pairs.append((i, match))
            free_new.remove(match)
    inline_old = [i for i in free_old if not (isinstance(old[i], Mapping) and "$ref" in old[i])]
    inline_new = [j for j in free_new if not (isinstance(new[j], Mapping) and "$ref" in new[j])]
    for i, j in zip(inline_old, inline_new, strict=False):
        pairs.append((i, j))
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    return (
        pairs,
        [i for i in range(len(old)) if i not in paired_old],
        [j for j in range(len(new)) if j not in paired_new],
    )
