"""Upload dist/ to the internal index named in the environment, safely (used by make publish).

Environment (twine's own variables):
  TWINE_REPOSITORY_URL  upload URL of the internal index (required: never a public default)
  TWINE_USERNAME, TWINE_PASSWORD  credentials for it (required)
  PUBLISH_SIMPLE_URL    the index's PEP 503 simple page, when it is not TWINE_REPOSITORY_URL + /simple/

``preflight`` fails fast on a missing variable or uncommitted changes (a release must be
rebuildable from its commit). ``upload DIST`` asks the index whether the version exists, refuses
if it does, uploads with twine, then records the release (tools/release.py). Nothing printed
contains a credential: twine's output passes through ``scrub``.
"""

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import httpx
from packaging.utils import canonicalize_name, canonicalize_version, parse_sdist_filename, parse_wheel_filename

from tools import release

REQUIRED = ("TWINE_REPOSITORY_URL", "TWINE_USERNAME", "TWINE_PASSWORD")
PROJECT = "fireworks-rft-client"
SIMPLE_ACCEPT = "application/vnd.pypi.simple.v1+html, text/html;q=0.1"


class PublishError(Exception):
    """Publishing cannot go on; the message says why and holds no credential."""


def scrub(text: str, secrets: list[str]) -> str:
    """``text`` without URL user info, any of ``secrets`` (plain or %-encoded), or colour codes."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    text = re.sub(r"(\w+://)[^/\s@]+@", r"\1***@", text)
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        for form in {secret, quote(secret, safe=""), quote(secret)}:
            text = text.replace(form, "***")
    return text


def without_userinfo(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def simple_page_url(env: Mapping[str, str]) -> str:
    base = env.get("PUBLISH_SIMPLE_URL") or urljoin(env["TWINE_REPOSITORY_URL"].rstrip("/") + "/", "simple/")
    return f"{base.rstrip('/')}/{canonicalize_name(PROJECT)}/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def versions_on_page(html: str) -> set[str]:
    """Versions of PROJECT among the files a PEP 503 project page links to."""
    parser = _Links()
    parser.feed(html)
    found = set()
    for href in parser.hrefs:
        filename = urlsplit(href).path.rsplit("/", 1)[-1]
        try:
            if filename.endswith(".whl"):
                name, version, _, _ = parse_wheel_filename(filename)
            else:
                name, version = parse_sdist_filename(filename)
        except ValueError:
            continue  # not a distribution file
        if name == canonicalize_name(PROJECT):
            found.add(canonicalize_version(version))
    return found


def version_exists(version: str, env: Mapping[str, str], transport: httpx.BaseTransport | None = None) -> bool:
    """Ask the index's simple page. A redirect to another host (an index's fallback) means absent."""
    url = simple_page_url(env)
    upload_host = urlsplit(env["TWINE_REPOSITORY_URL"]).netloc.rpartition("@")[2]
    same_host = urlsplit(url).netloc.rpartition("@")[2] == upload_host
    auth = (env["TWINE_USERNAME"], env["TWINE_PASSWORD"]) if same_host else None
    shown = without_userinfo(url)
    try:
        with httpx.Client(transport=transport, auth=auth, timeout=30.0, follow_redirects=False) as client:
            response = client.get(without_userinfo(url), headers={"Accept": SIMPLE_ACCEPT})
            for _ in range(5):  # follow redirects within the index only
                target = response.headers.get("location")
                if not response.is_redirect or not target:
                    break
                target_url = response.url.join(target)
                if target_url.host != response.url.host or target_url.port != response.url.port:
                    return False  # the index does not hold the project and points elsewhere
                response = client.get(target_url, headers={"Accept": SIMPLE_ACCEPT})
    except httpx.HTTPError as error:
        raise PublishError(f"cannot ask {shown} whether {version} exists: {type(error).__name__}") from None
    if response.status_code == 404:
        return False
    if response.status_code != 200:
        raise PublishError(f"cannot tell whether {version} exists: HTTP {response.status_code} from {shown}")
    return canonicalize_version(version) in versions_on_page(response.text)


def distributions(dist: Path, version: str) -> list[Path]:
    files = sorted(dist.glob("*.whl")) + sorted(dist.glob("*.tar.gz"))
    if len(files) != 2:
        raise PublishError(f"{dist}/ must hold one wheel and one sdist (run make build), found {len(files)} files")
    for path in files:
        if path.suffix == ".whl":
            name, built, _, _ = parse_wheel_filename(path.name)
        else:
            name, built = parse_sdist_filename(path.name)
        if name != canonicalize_name(PROJECT) or canonicalize_version(built) != canonicalize_version(version):
            raise PublishError(f"{path.name} is not {PROJECT} {version} (stale dist/? run make build)")
    return files


def preflight(env: Mapping[str, str]) -> None:
    missing = [name for name in REQUIRED if not env.get(name)]
    if missing:
        raise PublishError(f"set {', '.join(missing)} (the internal index and its credentials; see README 'Releasing')")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=release.ROOT, capture_output=True, text=True
    )
    if status.returncode != 0:
        raise PublishError("not a git work tree: a release is built from a commit")
    if status.stdout.strip():
        raise PublishError("uncommitted changes: commit them first, so that the release can be rebuilt from its commit")


def upload(dist: Path, env: Mapping[str, str]) -> None:
    preflight(env)
    version = release.spec_version()
    files = distributions(dist, version)
    index = without_userinfo(env["TWINE_REPOSITORY_URL"])
    if version_exists(version, env):
        raise PublishError(
            f"{PROJECT} {version} is already on {index}: a version is released once; "
            "bump info.version in the spec and add a CHANGELOG.md entry"
        )
    print(f"publish: uploading {', '.join(path.name for path in files)} to {index}", flush=True)
    result = subprocess.run(
        [sys.executable, "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar", *map(str, files)],
        env={**env, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    print(scrub(result.stdout, [env["TWINE_PASSWORD"]]), end="", flush=True)
    if result.returncode != 0:
        raise PublishError(f"the index refused the upload (twine exit {result.returncode}, output above)")
    recorded = release.record()
    record_files = f"{release.RECORD_NAME} and {release.RELEASED_SPEC_NAME}"
    print(f"publish: {PROJECT} {recorded.version} is on {index}; commit {record_files} if they changed")


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    try:
        if argv == ["preflight"]:
            preflight(env)
        elif len(argv) == 2 and argv[0] == "upload":
            upload(Path(argv[1]), env)
        else:
            print("usage: python -m tools.publish preflight | upload DIST_DIR", file=sys.stderr)
            return 2
    except (PublishError, release.ReleaseRuleError) as error:
        message = scrub(str(error), [env.get("TWINE_PASSWORD", "")])
        print(f"publish: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
