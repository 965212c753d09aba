"""Run the package's behavioural tests on every Python it declares, and on its lowest dependencies.

``make test-pythons``. Reads generated_client/pyproject.toml (the output of
templates/pyproject.toml.jinja): the ``Programming Language :: Python :: 3.X`` classifiers, which
must run without a gap from ``requires-python``'s lower bound, and the ``>=`` lower bounds of
httpx and attrs. Then, with a virtual environment per run in ``.venv-py3XX/`` (git-ignored,
reused while its inputs are unchanged):

- for each declared version whose interpreter is on this machine (``python3.X`` on PATH, else
  ``~/.pyenv/versions/3.X.*``): the package with its dependencies as the dev toolchain pins them
  (requirements-dev.txt, as constraints) and the test pins of tests/requirements-pythons.txt;
- on the lowest declared version, once more with ``httpx==<lowest>`` and ``attrs==<lowest>``,
  so that the lower bounds of the ranges are true.

Each run installs the package itself from generated_client/ (so pip checks the pins against its
ranges) and runs BEHAVIOURAL_TESTS without the ``toolchain`` marker: the tests that need no
generator, Node or Prism. A declared version with no interpreter here is reported and skipped.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "generated_client" / "pyproject.toml"
TEST_PINS = ROOT / "tests" / "requirements-pythons.txt"
DEV_PINS = ROOT / "requirements-dev.txt"
# The tests of errors, parsing, models, paths, config, requests, retries, secrets, the waiter and the watcher:
# real local servers, no generator, Node or Prism (those few carry the toolchain marker).
BEHAVIOURAL_TESTS = [
    "tests/test_absolute_urls.py",
    "tests/test_config.py",
    "tests/test_copies.py",
    "tests/test_current_api.py",
    "tests/test_errors.py",
    "tests/test_from_dict_fast_paths.py",
    "tests/test_models.py",
    "tests/test_own_httpx_client.py",
    "tests/test_parsing.py",
    "tests/test_paths.py",
    "tests/test_request.py",
    "tests/test_retries.py",
    "tests/test_secrets.py",
    "tests/test_user_agent.py",
    "tests/test_waiter.py",
    "tests/test_watcher.py",
    "tests/test_export_columns.py",
]
LOWEST_OF = ("httpx", "attrs")


def declared() -> tuple[list[str], dict[str, str]]:
    """The declared Python versions ("3.11", ...) and the lowest allowed version of LOWEST_OF."""
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    versions = sorted(
        (
            m.group(1)
            for c in project["classifiers"]
            if (m := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c))
        ),
        key=lambda v: int(v.split(".")[1]),
    )
    if not versions:
        sys.exit(f"{PYPROJECT}: no 'Programming Language :: Python :: 3.X' classifiers")
    minors = [int(v.split(".")[1]) for v in versions]
    if minors != list(range(minors[0], minors[-1] + 1)):
        sys.exit(f"{PYPROJECT}: the Python classifiers have a gap: {versions}")
    floor = re.fullmatch(r">=\s*3\.(\d+)", project["requires-python"].strip())
    if floor is None or int(floor.group(1)) != minors[0]:
        sys.exit(f"{PYPROJECT}: requires-python {project['requires-python']!r} does not start at {versions[0]}")
    lowest: dict[str, str] = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.name in LOWEST_OF:
            floors = [spec.version for spec in SpecifierSet(str(requirement.specifier)) if spec.operator == ">="]
            if len(floors) != 1:
                sys.exit(f"{PYPROJECT}: {line!r} needs one '>=' lower bound")
            lowest[requirement.name] = floors[0]
    if set(lowest) != set(LOWEST_OF):
        sys.exit(f"{PYPROJECT}: no lower bound found for {sorted(set(LOWEST_OF) - set(lowest))}")
    return versions, lowest


def find_python(version: str) -> str | None:
    """An interpreter of exactly this version: python3.X on PATH, else a pyenv install."""
    candidates = [shutil.which(f"python{version}")]
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates += sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}"), reverse=True)
    for candidate in candidates:
        if not candidate:
            continue
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:  # a pyenv shim may point elsewhere
            return candidate
    return None


def prepare(python: str, venv: Path, install: list[str]) -> None:
    """A venv with ``install``; reused when made by the same interpreter from the same inputs."""
    inputs = [python, *install, PYPROJECT.read_text(), TEST_PINS.read_text(), DEV_PINS.read_text()]
    stamp = hashlib.sha256("\0".join(inputs).encode()).hexdigest()
    stamp_file = venv / ".installed"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    command = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    result = subprocess.run([*command, *install], capture_output=True, text=True, check=False, cwd=ROOT)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"pip install into {venv.name} failed: {' '.join(install)}")
    stamp_file.write_text(stamp)


def run_tests(venv: Path, pytest_args: list[str]) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    command = [str(venv / "bin" / "python"), "-m", "pytest", "-q", "-m", "not toolchain", *BEHAVIOURAL_TESTS]
    result = subprocess.run([*command, *pytest_args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = result.stdout.strip().splitlines()
    summary = lines[-1] if lines else "(no output)"
    if result.returncode != 0:
        sys.stdout.write(result.stdout + result.stderr)
    return result.returncode, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args()
    versions, lowest = declared()
    test_pins = ["-r", str(TEST_PINS)]
    runs: list[tuple[str, str, Path, list[str], list[str]]] = []
    for version in versions:
        python = find_python(version)
        if python is None:
            print(f"python{version}: declared, not found on this machine: skipped")
            continue
        tag = version.replace(".", "")
        runs.append(
            (
                f"Python {version}",
                python,
                ROOT / f".venv-py{tag}",
                # With the aiohttp extra, so that its transport is tested on every Python too.
                ["./generated_client[aiohttp]", *test_pins, "-c", str(DEV_PINS)],
                [],
            )
        )
        if version == versions[0]:
            pins = [f"{name}=={lowest[name]}" for name in LOWEST_OF]
            label = f"Python {version}, {', '.join(pins)}"
            # The aiohttp extra needs a newer httpx than the floor: its tests are left out here.
            install = ["./generated_client", *pins, *test_pins]
            runs.append((label, python, ROOT / f".venv-py{tag}-lowest", install, ["-k", "not aiohttp"]))
    if not runs:
        print(f"none of the declared Pythons ({', '.join(versions)}) is on this machine")
        return 1
    failed = 0
    for label, python, venv, install, selection in runs:
        started = time.monotonic()
        prepare(python, venv, install)
        code, summary = run_tests(venv, [*selection, *args.pytest_args])
        failed += code != 0
        print(f"{label}: {summary} ({time.monotonic() - started:.0f} s with set-up)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
