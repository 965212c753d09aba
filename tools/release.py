"""The release rule: a changed spec needs a big enough new version, and every version a CHANGELOG entry.

The package version is the spec's ``info.version``. ``openapi/released.toml`` records the last
released version and the sha256 of the spec it was built from, and ``openapi/released/`` holds
that spec itself; ``make publish`` rewrites both after a successful upload. ``make check`` runs
``check`` below, which fails when:

- the spec differs from the released one and ``info.version`` did not go up enough for what
  changed: ``tools/spec_diff.py`` classifies each difference as breaking (a major bump, or a
  minor one while the major version is 0), additive (at least a minor bump) or documentation
  (at least a patch bump); a change of the text alone (comments, layout) needs a patch bump.
  The message lists each change with its JSON pointer and the bump it needs;
- the stored released spec does not match the recorded sha256 (it was edited by hand);
- ``info.version`` is not a version (PEP 440) or is older than the released one;
- CHANGELOG.md has no ``## <version>`` entry for ``info.version``, or that entry does not name
  the field (or other subject) of every breaking change since the release;
- generator-config.yaml overrides the version (the spec must stay the one source).

On success ``check`` prints what changed since the release, each change with its class and the
bump it needs, under a line such as "0.2.0, unreleased: 30 additive, 3 patch since 0.1.0; 0.2.0 is
enough", so the maintainer sees how the rule classed the edit.

Usage: ``python -m tools.release check`` or ``python -m tools.release record``.
"""

import hashlib
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml
from packaging.version import InvalidVersion, Version

from tools import spec_diff

ROOT = Path(__file__).resolve().parents[1]
SPEC_NAME = "openapi/fireworks-rft.yaml"
RECORD_NAME = "openapi/released.toml"
RELEASED_SPEC_NAME = "openapi/released/fireworks-rft.yaml"
CHANGELOG_NAME = "CHANGELOG.md"
CONFIG_NAME = "generator-config.yaml"


class ReleaseRuleError(Exception):
    """The repository breaks the release rule; the message says what to do."""


@dataclass(frozen=True)
class Release:
    version: str
    spec_sha256: str


def spec_sha256(root: Path = ROOT) -> str:
    return hashlib.sha256((root / SPEC_NAME).read_bytes()).hexdigest()


def spec_version(root: Path = ROOT) -> str:
    spec = yaml.safe_load((root / SPEC_NAME).read_text())
    version = spec.get("info", {}).get("version") if isinstance(spec, dict) else None
    if not isinstance(version, str) or not version:
        raise ReleaseRuleError(f"{SPEC_NAME}: info.version is missing or not a string")
    try:
        Version(version)
    except InvalidVersion:
        raise ReleaseRuleError(f"{SPEC_NAME}: info.version {version!r} is not a valid version (PEP 440)") from None
    return version


def last_release(root: Path = ROOT) -> Release | None:
    path = root / RECORD_NAME
    if not path.exists():
        return None  # nothing released yet: the spec may change freely
    data = tomllib.loads(path.read_text())
    version, digest = data.get("version"), data.get("spec_sha256")
    if not isinstance(version, str) or not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ReleaseRuleError(f'{RECORD_NAME}: expected version = "X.Y.Z" and spec_sha256 = "<64 hex digits>"')
    return Release(version, digest)


def changelog_entry(root: Path, version: str) -> str | None:
    """The text of the ``## <version>`` entry of CHANGELOG.md (up to the next ``## ``), or None."""
    path = root / CHANGELOG_NAME
    text = path.read_text() if path.exists() else ""
    match = re.search(rf"^## \[?{re.escape(version)}\]?(?:\s[^\n]*)?\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else None


def unreleased_entries(root: Path, released: str, version: str) -> str:
    """The entries of every version after ``released`` up to ``version``: together they say what
    changed since the release (a change may be written under an unreleased version before a bump)."""
    found = []
    for entry_version in sorted(changelog_versions(root)):
        try:
            parsed = Version(entry_version)
        except InvalidVersion:
            continue
        if Version(released) < parsed <= Version(version):
            found.append(changelog_entry(root, entry_version) or "")
    return "\n".join(found)


def breaking_subject(change: spec_diff.Change) -> str:
    """What a breaking change is about, as the CHANGELOG should name it: the field (the property
    after the last ``properties`` of the pointer), else a quoted name in the description (an enum
    value, a parameter), else the pointer."""
    tokens = [t.replace("~1", "/").replace("~0", "~") for t in change.pointer.split("/")]
    for index in range(len(tokens) - 2, -1, -1):
        if tokens[index] == "properties":
            return tokens[index + 1]
    quoted = re.search(r"'([^']+)'", change.what)
    return quoted.group(1) if quoted else change.pointer


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def unnamed_breaking_changes(entry: str, changes: list[spec_diff.Change]) -> list[spec_diff.Change]:
    """The breaking changes whose subject the entry names nowhere (as the JSON name, the Python
    attribute name, a dotted path ending in it, or the pointer)."""
    missing = []
    for change in changes:
        if change.kind != spec_diff.Kind.BREAKING:
            continue
        subject = breaking_subject(change)
        names = {subject, _snake(subject)}
        named = change.pointer in entry or any(
            re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", entry) for name in names
        )
        if not named:
            missing.append(change)
    return missing


def summary(root: Path = ROOT) -> list[str]:
    """What ``make check`` prints on success: the version, the changes since the release by class,
    whether the version is enough; then one line per change."""
    version, released = spec_version(root), last_release(root)
    if released is None:
        return [f"check: {version}, nothing released yet: the version rule starts with the first release"]
    changes = spec_changes(root, released)
    if version == released.version and not changes:
        return [f"check: {version} is the released spec, unchanged"]
    counts = [f"{sum(c.kind == kind for c in changes)} {kind.name.lower()}" for kind in reversed(spec_diff.Kind)]
    counted = ", ".join(count for count in counts if not count.startswith("0 ")) or "no changes"
    need = spec_diff.required_bump(changes, Version(released.version))
    smallest = spec_diff.smallest_version(Version(released.version), need) if need else released.version
    head = (
        f"check: {version}, unreleased: {counted} since {released.version}; "
        f"{smallest} or later is needed, {version} is enough"
    )
    return [head, *spec_diff.explain(changes, Version(released.version))]


def changelog_versions(root: Path = ROOT) -> set[str]:
    path = root / CHANGELOG_NAME
    text = path.read_text() if path.exists() else ""
    return set(re.findall(r"^## \[?([^\]\s]+)\]?", text, flags=re.M))


def released_spec(root: Path, released: Release) -> bytes:
    """The spec as released, checked against the recorded hash."""
    path = root / RELEASED_SPEC_NAME
    if not path.exists():
        raise ReleaseRuleError(
            f"{RELEASED_SPEC_NAME} is missing: restore the spec of release {released.version} there "
            f"(git show <release commit>:{SPEC_NAME}); 'make check' compares the spec with it"
        )
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != released.spec_sha256:
        raise ReleaseRuleError(
            f"{RELEASED_SPEC_NAME} is not the spec of release {released.version} (its sha256 differs from "
            f"{RECORD_NAME}): restore it from the release commit; only 'make publish' writes it"
        )
    return data


def spec_changes(root: Path, released: Release) -> list[spec_diff.Change]:
    """The classified changes from the released spec to the current one (empty when the bytes are equal)."""
    old_bytes, new_bytes = released_spec(root, released), (root / SPEC_NAME).read_bytes()
    if old_bytes == new_bytes:
        return []
    changes = spec_diff.diff(yaml.safe_load(old_bytes), yaml.safe_load(new_bytes))
    if not changes:
        what = "the text changed (comments, layout or order) but nothing it says"
        changes = [spec_diff.Change("", spec_diff.Kind.PATCH, what)]
    return changes


def check_version_bump(root: Path, version: str, released: Release) -> None:
    """Fail when the spec changed more than the step from the released version allows."""
    changes = spec_changes(root, released)
    old, new = Version(released.version), Version(version)
    need = spec_diff.required_bump(changes, old)
    have = spec_diff.actual_bump(old, new)
    if have >= need:
        return
    breaking = any(change.kind == spec_diff.Kind.BREAKING for change in changes)
    rule = " (breaking is a minor bump while the major version is 0)" if breaking and old.major == 0 else ""
    now = f"is still {version}" if version == released.version else f"{version} is only a {have.name.lower()} bump"
    raise ReleaseRuleError(
        f"{SPEC_NAME} changed since release {released.version} ({len(changes)} change(s) below), which needs a "
        f"{need.name.lower()} bump{rule}, to {spec_diff.smallest_version(old, need)} or later, but info.version "
        f"{now}: bump info.version and add a '## <new version>' entry to {CHANGELOG_NAME}\n"
        + "\n".join(spec_diff.explain(changes, old))
    )


def check(root: Path = ROOT) -> None:
    """Raise ReleaseRuleError with a one-line hint (then one line per spec change) when the rule is broken."""
    version = spec_version(root)
    released = last_release(root)
    if released is not None:
        if Version(version) < Version(released.version):
            raise ReleaseRuleError(f"info.version {version} is older than the released {released.version}")
        check_version_bump(root, version, released)
    if version not in changelog_versions(root):
        hint = f"add '## {version} - <date>' with the changes"
        raise ReleaseRuleError(f"{CHANGELOG_NAME} has no entry for {version}: {hint}")
    if released is not None and version != released.version:
        entries = unreleased_entries(root, released.version, version)
        missing = unnamed_breaking_changes(entries, spec_changes(root, released))
        if missing:
            names = ", ".join(sorted({breaking_subject(change) for change in missing}))
            raise ReleaseRuleError(
                f"{CHANGELOG_NAME}: the entry for {version} (or of another version since {released.version}) "
                f"does not name {names}, which changed in a breaking "
                f"way since {released.version}: say what changed for users (the field's name or dotted path)\n"
                + "\n".join(spec_diff.explain(missing, Version(released.version)))
            )
    config = yaml.safe_load((root / CONFIG_NAME).read_text()) or {}
    if "package_version_override" in config:
        raise ReleaseRuleError(f"{CONFIG_NAME}: drop package_version_override; the version is the spec's info.version")


def record(root: Path = ROOT) -> Release:
    """Record the spec as released: version and hash, and a copy (make publish calls this after uploading)."""
    release = Release(spec_version(root), spec_sha256(root))
    copy = root / RELEASED_SPEC_NAME
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes((root / SPEC_NAME).read_bytes())
    (root / RECORD_NAME).write_text(
        "# The last released version and the sha256 of openapi/fireworks-rft.yaml it was built from.\n"
        f"# The spec itself is kept in {RELEASED_SPEC_NAME}. Both are written by\n"
        "# 'make publish' after a successful upload: commit them. 'make check' compares the spec with\n"
        "# the copy and fails when info.version did not go up enough for what changed (tools/release.py).\n"
        f'version = "{release.version}"\n'
        f'spec_sha256 = "{release.spec_sha256}"\n'
    )
    return release


def main(argv: list[str]) -> int:
    if argv not in (["check"], ["record"]):
        print("usage: python -m tools.release check|record", file=sys.stderr)
        return 2
    try:
        if argv == ["check"]:
            check()
            print("\n".join(summary()))
        else:
            release = record()
            print(f"release: recorded {release.version} (spec sha256 {release.spec_sha256[:12]}...) in {RECORD_NAME}")
    except ReleaseRuleError as error:
        print(f"{argv[0]}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
