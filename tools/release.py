"""The release rule: a changed spec needs a new version, and every version a CHANGELOG entry.

The package version is the spec's ``info.version``. ``openapi/released.toml`` records the last
released version and the sha256 of the spec it was built from; ``make publish`` rewrites it
after a successful upload. ``make check`` runs ``check`` below, which fails when:

- the spec differs from the released one but ``info.version`` is still the released version;
- ``info.version`` is not a version (PEP 440) or is older than the released one;
- CHANGELOG.md has no ``## <version>`` entry for ``info.version``;
- generator-config.yaml overrides the version (the spec must stay the one source).

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

ROOT = Path(__file__).resolve().parents[1]
SPEC_NAME = "openapi/fireworks-rft.yaml"
RECORD_NAME = "openapi/released.toml"
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


def changelog_versions(root: Path = ROOT) -> set[str]:
    path = root / CHANGELOG_NAME
    text = path.read_text() if path.exists() else ""
    return set(re.findall(r"^## \[?([^\]\s]+)\]?", text, flags=re.M))


def check(root: Path = ROOT) -> None:
    """Raise ReleaseRuleError with a one-line hint when the rule is broken."""
    version = spec_version(root)
    released = last_release(root)
    if released is not None:
        if Version(version) < Version(released.version):
            raise ReleaseRuleError(f"info.version {version} is older than the released {released.version}")
        if version == released.version and spec_sha256(root) != released.spec_sha256:
            raise ReleaseRuleError(
                f"{SPEC_NAME} changed since release {version} (sha256 in {RECORD_NAME}) but info.version is "
                f"still {version}: bump info.version and add a '## <new version>' entry to {CHANGELOG_NAME}"
            )
    if version not in changelog_versions(root):
        hint = f"add '## {version} - <date>' with the changes"
        raise ReleaseRuleError(f"{CHANGELOG_NAME} has no entry for {version}: {hint}")
    config = yaml.safe_load((root / CONFIG_NAME).read_text()) or {}
    if "package_version_override" in config:
        raise ReleaseRuleError(f"{CONFIG_NAME}: drop package_version_override; the version is the spec's info.version")


def record(root: Path = ROOT) -> Release:
    """Record the spec's version and hash as released (make publish calls this after uploading)."""
    release = Release(spec_version(root), spec_sha256(root))
    (root / RECORD_NAME).write_text(
        "# The last released version and the sha256 of openapi/fireworks-rft.yaml it was built from.\n"
        "# Written by 'make publish' after a successful upload: commit it. 'make check' fails when the\n"
        "# spec differs from this hash while info.version is still this version (tools/release.py).\n"
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
        else:
            release = record()
            print(f"release: recorded {release.version} (spec sha256 {release.spec_sha256[:12]}...) in {RECORD_NAME}")
    except ReleaseRuleError as error:
        print(f"{argv[0]}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
