"""Releases: the version rule, the built archives, and make publish against a real index.

The slow parts run once per module in a scratch copy of the repository (its own git commit,
sharing the project's .venv): one pypiserver on 127.0.0.1 with an htpasswd user, three
`make publish` runs (wrong password, good, again), one fresh virtual environment.
"""

import email.parser
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import httpx
import pytest
from packaging.version import Version

from tools import publish, release
from tools.prism import ROOT, free_port

from .conftest import load_spec, served_example
from .time_limits import slow

PROJECT = "fireworks-rft-client"
USER = "releaser"
SCRATCH_ITEMS = ("Makefile", "CHANGELOG.md", "generator-config.yaml", "requirements-dev.txt", "pyproject.toml")
SCRATCH_DIRS = ("openapi", "templates", "tools", "generated_client")
# Builds, make publish against a pypiserver, a fresh venv that pip-installs from it (and from the
# public index behind it): subprocesses of seconds each, on the network for the dependencies.
pytestmark = slow(300, "builds, publishes to a local pypiserver and pip-installs into a fresh venv")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without twine, pip or Python path settings, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWINE_", "PIP_", "PUBLISH_", "MAKE"))}
    env.pop("PYTHONPATH", None)
    return {**env, **extra}


def make_scratch_repo(path: Path, *, git: bool) -> Path:
    """A copy of the repository's release inputs; copy2 keeps mtimes, so make sees .venv as current."""
    for name in SCRATCH_ITEMS:
        shutil.copy2(ROOT / name, path / name)
    for name in SCRATCH_DIRS:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (path / ".venv").symlink_to(ROOT / ".venv")
    if git:
        git_cmd = ("git", "-c", "user.name=release-test", "-c", "user.email=release-test@localhost")
        run(*git_cmd, "init", "-q", cwd=path)
        (path / ".git" / "info" / "exclude").write_text(".venv\n")
        run(*git_cmd, "add", "-A", cwd=path)
        committed = run(*git_cmd, "commit", "-q", "-m", "scratch", cwd=path)
        assert committed.returncode == 0, committed.stderr
    return path


CURRENT = release.spec_version(ROOT)  # the spec's version as it is in the repository
NEXT = str(Version(CURRENT).major) + f".{Version(CURRENT).minor + 1}.0"  # a minor bump of it


def bump_spec(root: Path, version: str) -> None:
    spec = root / release.SPEC_NAME
    text = spec.read_text()
    assert f"  version: {CURRENT}\n" in text
    spec.write_text(text.replace(f"  version: {CURRENT}\n", f"  version: {version}\n", 1))


def edit_spec(root: Path) -> None:
    spec = root / release.SPEC_NAME
    spec.write_text(spec.read_text().replace("Reinforcement fine-tuning (RFT) jobs.", "RFT jobs.", 1))


# --- the version rule -------------------------------------------------------------------------


def test_repository_follows_the_release_rule() -> None:
    release.check(ROOT)
    assert release.spec_version(ROOT) == load_spec()["info"]["version"]
    assert release.spec_version(ROOT) in release.changelog_versions(ROOT)


def test_spec_change_without_version_bump_is_refused(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    release.record(root)
    edit_spec(root)
    with pytest.raises(
        release.ReleaseRuleError, match=rf"changed since release {re.escape(CURRENT)} .* bump info\.version"
    ):
        release.check(root)


def test_version_bump_needs_a_changelog_entry(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    release.record(root)
    edit_spec(root)
    bump_spec(root, NEXT)
    with pytest.raises(release.ReleaseRuleError, match=rf"CHANGELOG\.md has no entry for {re.escape(NEXT)}"):
        release.check(root)
    changelog = root / "CHANGELOG.md"
    changelog.write_text(
        changelog.read_text().replace(f"## {CURRENT}", f"## {NEXT} - 2026-12-01\n\n- RFT jobs.\n\n## {CURRENT}", 1)
    )
    release.check(root)  # bumped and noted: fine


def test_version_may_not_go_backwards(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    release.record(root)
    bump_spec(root, "0.0.9")
    with pytest.raises(release.ReleaseRuleError, match=rf"0\.0\.9 is older than the released {re.escape(CURRENT)}"):
        release.check(root)


def test_version_override_in_generator_config_is_refused(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    config = root / "generator-config.yaml"
    config.write_text(config.read_text() + "package_version_override: 9.9.9\n")
    with pytest.raises(release.ReleaseRuleError, match="package_version_override"):
        release.check(root)


def test_make_check_runs_the_rule_with_a_one_line_hint(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    release.record(root)
    edit_spec(root)
    result = run("make", "check", cwd=root, env=clean_env())
    assert result.returncode != 0
    [hint] = [line for line in result.stderr.splitlines() if line.startswith("check: ")]
    assert "bump info.version" in hint and "CHANGELOG.md" in hint


def test_spec_version_becomes_the_package_version(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=False)
    bump_spec(root, NEXT)
    result = run("make", "generate", cwd=root, env=clean_env())
    assert result.returncode == 0, result.stderr
    assert f'\nversion = "{NEXT}"\n' in (root / "generated_client" / "pyproject.toml").read_text()
    # The package README is hand-written and names no version, so it cannot go stale on a bump.
    assert not re.search(r"\d+\.\d+\.\d+", (root / "generated_client" / "README.md").read_text())


# --- make build -------------------------------------------------------------------------------


@dataclass
class Built:
    repo: Path
    wheel: Path
    sdist: Path
    first: dict[str, bytes]
    second: dict[str, bytes]
    build_output: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """make build twice in a scratch repo, with caches lying around and new file times and modes between."""
    repo = make_scratch_repo(tmp_path_factory.mktemp("repo"), git=True)
    package = repo / "generated_client" / "fireworks_rft_client"
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "client.cpython-311.pyc").write_bytes(b"junk")
    (repo / "generated_client" / ".mypy_cache").mkdir()
    (repo / "generated_client" / ".mypy_cache" / "junk.json").write_text("{}")
    (repo / "generated_client" / "tests").mkdir()
    (repo / "generated_client" / "tests" / "test_junk.py").write_text("")

    def build() -> tuple[dict[str, bytes], str]:
        result = run("make", "build", cwd=repo, env=clean_env())
        assert result.returncode == 0, result.stdout + result.stderr
        return {p.name: p.read_bytes() for p in sorted((repo / "dist").iterdir())}, result.stdout

    first, output = build()
    later = time.time() + 3600
    for path in (repo / "generated_client").rglob("*"):
        if path.is_file():
            path.chmod(0o664)
            os.utime(path, (later, later))
    second, _ = build()
    shutil.rmtree(repo / "generated_client" / "tests")  # make check (in make publish) refuses strays
    wheel, sdist = sorted(repo.glob("dist/*.whl"))[0], sorted(repo.glob("dist/*.tar.gz"))[0]
    return Built(repo, wheel, sdist, first, second, output)


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.BytesParser().parsebytes(archive.read(name))


def test_build_writes_a_wheel_and_an_sdist_of_the_spec_version(built: Built) -> None:
    version = load_spec()["info"]["version"]
    assert sorted(built.first) == [
        f"fireworks_rft_client-{version}-py3-none-any.whl",
        f"fireworks_rft_client-{version}.tar.gz",
    ]


def test_two_builds_of_one_commit_are_byte_identical(built: Built) -> None:
    assert built.first.keys() == built.second.keys()
    for name in built.first:
        assert built.first[name] == built.second[name], f"{name} differs between two builds of one commit"


def test_archive_entries_have_fixed_times_and_modes(built: Built) -> None:
    epoch = int(run("git", "log", "-1", "--format=%ct", cwd=built.repo).stdout)
    with tarfile.open(built.sdist) as sdist:
        members = sdist.getmembers()
    assert {m.mode for m in members} == {0o644}
    assert {(m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, "", "")}
    assert {m.mtime for m in members if not m.name.endswith("PKG-INFO")} == {epoch}
    with zipfile.ZipFile(built.wheel) as wheel:
        infos = wheel.infolist()
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    assert {info.date_time for info in infos} == {time.gmtime(epoch - epoch % 2)[:6]}  # zip: 2 s steps


def test_wheel_holds_the_package_and_nothing_else(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = wheel.namelist()
    package = [n for n in names if not n.split("/")[0].endswith(".dist-info")]
    assert all(n.startswith("fireworks_rft_client/") for n in package), package
    assert "fireworks_rft_client/py.typed" in names
    assert "fireworks_rft_client/api/reinforcement_fine_tuning_jobs/get_reinforcement_fine_tuning_job.py" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "_cache" in n or "tests/" in n]
    expected = {p.relative_to(ROOT / "generated_client").as_posix() for p in _package_files()}
    assert set(package) == expected


def test_sdist_holds_the_package_readme_and_pyproject_only(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = [m.name.split("/", 1)[1] for m in sdist.getmembers()]
    top = {n for n in names if "/" not in n}
    assert top == {"PKG-INFO", "README.md", "pyproject.toml"}
    inner = {n for n in names if "/" in n}
    assert inner == {p.relative_to(ROOT / "generated_client").as_posix() for p in _package_files()}
    assert "fireworks_rft_client/py.typed" in inner


def _package_files() -> list[Path]:
    package = ROOT / "generated_client" / "fireworks_rft_client"
    return [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]


def test_wheel_metadata_is_complete(built: Built) -> None:
    spec = load_spec()
    meta = wheel_metadata(built.wheel)
    assert meta["Name"] == PROJECT
    assert meta["Version"] == spec["info"]["version"]
    assert meta["Summary"] == f"A client library for accessing {spec['info']['title']}"
    assert meta["License-Expression"] == spec["info"]["license"]["identifier"]
    assert meta["Requires-Python"] == ">=3.11"
    assert sorted(meta.get_all("Requires-Dist") or []) == [
        'PyYAML==6.0.4 ; extra == "cli"',
        "attrs>=22.2",
        'click==8.5.1 ; extra == "cli"',
        'httpx-aiohttp>=0.1.9,<0.3 ; extra == "aiohttp"',
        "httpx>=0.23.1,<0.29",
        'rich==15.0.0 ; extra == "cli"',
    ]
    assert meta.get_all("Provides-Extra") == ["aiohttp", "cli"]
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert set(urls) == {"Source", "Changelog", "API reference"}
    assert meta["Description-Content-Type"] == "text/markdown"
    description = meta.get_payload()
    assert isinstance(description, str)
    assert description.startswith(f"# {PROJECT}\n")
    assert f'pip install "{PROJECT}"' in description
    assert "FireworksError" in description


def test_build_runs_twine_check(built: Built) -> None:
    assert "twine check --strict" in built.build_output
    assert built.build_output.count("PASSED") == 2


# --- make publish: the index check and the scrubbing, without a server -----------------------


def index_env(url: str = "https://index.internal.example/pypi/") -> dict[str, str]:
    return {"TWINE_REPOSITORY_URL": url, "TWINE_USERNAME": USER, "TWINE_PASSWORD": "pw-Secret-42"}


def page(*filenames: str) -> str:
    return "".join(f'<a href="../../packages/{name}#sha256=00">{name}</a>\n' for name in filenames)


@pytest.mark.parametrize(
    ("status", "body", "exists"),
    [
        (404, "", False),
        (200, page("fireworks_rft_client-0.0.9-py3-none-any.whl", "fireworks_rft_client-0.0.9.tar.gz"), False),
        (200, page("fireworks_rft_client-0.1.0.tar.gz"), True),
        (200, page("fireworks_rft_client-0.1.0-py3-none-any.whl", "other_pkg-0.1.0.tar.gz"), True),
    ],
)
def test_index_check_reads_the_simple_page(status: int, body: str, exists: bool) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, text=body, headers={"content-type": "text/html"})

    assert publish.version_exists("0.1.0", index_env(), httpx.MockTransport(handler)) is exists
    [request] = seen
    assert str(request.url) == "https://index.internal.example/pypi/simple/fireworks-rft-client/"
    assert request.headers["authorization"].startswith("Basic ")


def test_index_check_takes_a_redirect_elsewhere_as_absent() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "index.internal.example":
            return httpx.Response(303, headers={"location": "https://fallback.example/simple/fireworks-rft-client/"})
        raise AssertionError(f"followed the fallback redirect to {request.url}")

    assert publish.version_exists("0.1.0", index_env(), httpx.MockTransport(handler)) is False


def test_index_check_refuses_when_the_index_does_not_answer_clearly() -> None:
    env = index_env("https://releaser:pw-Secret-42@index.internal.example/pypi/")
    transport = httpx.MockTransport(lambda request: httpx.Response(401, text="who are you?"))
    with pytest.raises(publish.PublishError) as caught:
        publish.version_exists("0.1.0", env, transport)
    assert "HTTP 401 from https://index.internal.example/pypi/simple/fireworks-rft-client/" in str(caught.value)
    assert "pw-Secret-42" not in str(caught.value)


def test_index_credentials_go_to_the_index_host_only() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404)

    env = {**index_env(), "PUBLISH_SIMPLE_URL": "https://mirror.internal.example/simple"}
    assert publish.version_exists("0.1.0", env, httpx.MockTransport(handler)) is False
    assert str(seen[0].url) == "https://mirror.internal.example/simple/fireworks-rft-client/"
    assert "authorization" not in seen[0].headers


def test_scrub_removes_passwords_and_url_user_info() -> None:
    text = (
        "Uploading to https://releaser:p%40ss@index.internal.example/ failed: bad password p@ss\n\x1b[31mERROR\x1b[0m"
    )
    scrubbed = publish.scrub(text, ["p@ss"])
    assert "p@ss" not in scrubbed and "p%40ss" not in scrubbed and "releaser" not in scrubbed
    assert "https://***@index.internal.example/" in scrubbed


def test_publish_without_an_index_in_the_environment_is_refused(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=True)
    result = run("make", "publish", cwd=root, env=clean_env())
    assert result.returncode != 0
    assert "publish: set TWINE_REPOSITORY_URL, TWINE_USERNAME, TWINE_PASSWORD" in result.stderr
    assert not (root / "dist").exists()  # refused before building anything


def test_publish_refuses_uncommitted_changes(tmp_path: Path) -> None:
    root = make_scratch_repo(tmp_path, git=True)
    changelog = root / "CHANGELOG.md"
    changelog.write_text(changelog.read_text() + "\n- not committed\n")
    env = clean_env(**index_env())
    result = run(sys.executable, "-m", "tools.publish", "preflight", cwd=root, env=env)
    assert result.returncode == 1
    assert "publish: uncommitted changes: commit them first" in result.stderr


def test_publish_refuses_a_stale_dist(tmp_path: Path) -> None:
    (tmp_path / "fireworks_rft_client-0.0.9-py3-none-any.whl").write_bytes(b"")
    (tmp_path / "fireworks_rft_client-0.0.9.tar.gz").write_bytes(b"")
    with pytest.raises(
        publish.PublishError, match=r"fireworks_rft_client-0\.0\.9.* is not fireworks-rft-client 0\.1\.0"
    ):
        publish.distributions(tmp_path, "0.1.0")


# --- make publish against pypiserver, then a fresh install ------------------------------------


@dataclass
class Index:
    url: str
    password: str


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    """pypiserver on 127.0.0.1 with one htpasswd user allowed to upload; stopped by its process group."""
    home = tmp_path_factory.mktemp("index")
    (home / "packages").mkdir()
    password = secrets.token_urlsafe(16)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # passlib imports the deprecated crypt module
        from passlib.apache import HtpasswdFile  # type: ignore[import-untyped]
    htpasswd = HtpasswdFile(str(home / "htpasswd"), new=True)
    htpasswd.set_password(USER, password)
    htpasswd.save()
    port = free_port()
    log = (home / "log").open("wb")
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("pypi-server")), "run", "--host", "127.0.0.1", "--port", str(port)]
        + ["--passwords", str(home / "htpasswd"), "--authenticate", "update", str(home / "packages")],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, (home / "log").read_text()
            try:
                if httpx.get(f"{url}health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "pypiserver did not start"
            time.sleep(0.1)
        yield Index(url, password)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        log.close()


@dataclass
class Publishes:
    repo: Path
    record_before: str
    record_after_wrong: str
    wrong_password: str
    wrong: subprocess.CompletedProcess[str]
    good: subprocess.CompletedProcess[str]
    again: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def publishes(built: Built, index: Index) -> Publishes:
    """make publish three times from the built scratch repo: wrong password, right one, the same again."""
    repo = built.repo
    record_before = (repo / release.RECORD_NAME).read_text()
    wrong_password = secrets.token_urlsafe(16)
    host = index.url.removeprefix("http://")
    wrong_env = clean_env(
        TWINE_REPOSITORY_URL=f"http://{USER}:{wrong_password}@{host}",  # twine must not echo it either
        TWINE_USERNAME=USER,
        TWINE_PASSWORD=wrong_password,
    )
    wrong = run("make", "publish", cwd=repo, env=wrong_env)
    record_after_wrong = (repo / release.RECORD_NAME).read_text()
    env = clean_env(TWINE_REPOSITORY_URL=index.url, TWINE_USERNAME=USER, TWINE_PASSWORD=index.password)
    good = run("make", "publish", cwd=repo, env=env)
    # As README "Releasing" says: commit the record that make publish wrote, then publish again.
    git_cmd = ("git", "-c", "user.name=release-test", "-c", "user.email=release-test@localhost")
    run(*git_cmd, "commit", "-q", "-a", "-m", "release", cwd=repo)
    again = run("make", "publish", cwd=repo, env=env)
    return Publishes(repo, record_before, record_after_wrong, wrong_password, wrong, good, again)


def test_wrong_credentials_are_refused_without_showing_them(publishes: Publishes, index: Index) -> None:
    result = publishes.wrong
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "publish: the index refused the upload" in result.stderr
    assert "403" in output
    assert publishes.wrong_password not in output
    assert index.password not in output
    assert publishes.record_after_wrong == publishes.record_before  # nothing recorded as released


def test_publish_uploads_the_wheel_and_the_sdist(publishes: Publishes, index: Index) -> None:
    assert publishes.good.returncode == 0, publishes.good.stdout + publishes.good.stderr
    version = load_spec()["info"]["version"]
    listing = httpx.get(f"{index.url}simple/{PROJECT}/", follow_redirects=False)
    assert listing.status_code == 200
    assert f"fireworks_rft_client-{version}-py3-none-any.whl" in listing.text
    assert f"fireworks_rft_client-{version}.tar.gz" in listing.text
    assert index.password not in publishes.good.stdout + publishes.good.stderr
    # The record now names the released version and its spec.
    released = release.last_release(publishes.repo)
    assert released is not None and released.version == version
    assert released.spec_sha256 == release.spec_sha256(publishes.repo)


def test_second_publish_of_a_version_is_refused(publishes: Publishes, index: Index) -> None:
    result = publishes.again
    version = load_spec()["info"]["version"]
    assert result.returncode != 0
    assert f"publish: {PROJECT} {version} is already on {index.url}" in result.stderr
    assert "bump info.version" in result.stderr
    assert "Uploading" not in result.stdout  # refused before twine ran


def test_fresh_venv_installs_from_the_index_and_fetches_a_job(
    publishes: Publishes, index: Index, prism_url: str, tmp_path: Path
) -> None:
    assert publishes.good.returncode == 0
    version = load_spec()["info"]["version"]
    venv = tmp_path / "venv"
    created = run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path, env=clean_env())
    assert created.returncode == 0, created.stderr
    python = str(venv / "bin" / "python")
    # --isolated: no global or user pip configuration, so a missing dependency would show here.
    installed = run(
        python,
        *("-m", "pip", "install", "--isolated", "--disable-pip-version-check", "--no-input"),
        *("--index-url", f"{index.url}simple/", f"{PROJECT}=={version}"),
        cwd=tmp_path,
        env=clean_env(),
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    script = (
        "import json, importlib.metadata, sys, fireworks_rft_client\n"
        "from fireworks_rft_client import AuthenticatedClient\n"
        "from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job\n"
        "with AuthenticatedClient(base_url=sys.argv[1], token='release-test-token') as client:\n"
        "    job = get_reinforcement_fine_tuning_job.sync('acme', 'rft-1', client=client)\n"
        "print(json.dumps({'file': fireworks_rft_client.__file__, 'name': job.name, 'state': str(job.state),\n"
        "    'version': importlib.metadata.version('fireworks-rft-client'),\n"
        "    'dunder_version': fireworks_rft_client.__version__}))\n"
    )
    fetched = run(python, "-c", script, prism_url, cwd=tmp_path, env=clean_env())
    assert fetched.returncode == 0, fetched.stderr
    result = json.loads(fetched.stdout)
    assert result["file"].startswith(str(venv))
    assert result["version"] == version
    assert result["dunder_version"] == version, "__version__ from the installed distribution's metadata"
    assert result["name"] == served_example()["name"]
    assert result["state"] == served_example()["state"]
    # The command is installed with the library; without the cli extra it names what to install.
    command = run(str(venv / "bin" / "fireworks-rft"), "get", "rft-1", cwd=tmp_path, env=clean_env())
    assert command.returncode == 2
    assert "needs the cli extra: pip install 'fireworks-rft-client[cli]'" in command.stderr
    assert "Traceback" not in command.stderr
