"""The ``fireworks-rft`` command as a user meets it: a subprocess, in a pseudo-terminal for the live
display, prompts and Ctrl-C, piped for scripts, against the scripted fleet server on a real socket."""

import json
import os
import re
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
from packaging.requirements import Requirement

from fireworks_rft_client.cli import ExitCode
from tools.job_fleet_server import Fleet, job_fleet_server, running

from .contract.spec_tools import schema_errors
from .time_limits import slow

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "fw-cli-token-0123456789"
ACCOUNT = "acme"
PTY = slow(30, "starts the command (python, click, rich) in a pseudo-terminal and follows a job through rounds")
PIPED = slow(20, "starts the command as a subprocess, one or more times")


@pytest.fixture
def fleet() -> Iterator[Fleet]:
    with job_fleet_server() as server:
        yield server


def cli_env(fleet: Fleet, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIREWORKS_")}
    env.update(
        FIREWORKS_API_KEY=TOKEN,
        FIREWORKS_BASE_URL=fleet.base_url,
        FIREWORKS_ACCOUNT_ID=ACCOUNT,
        PYTHONPATH=str(ROOT / "generated_client"),
        TERM="xterm-256color",
        COLUMNS="120",
        LINES="30",
    )
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "fireworks_rft_client.cli", *args]


def run(fleet: Fleet, *args: str, input: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """The command with its output piped (not a terminal)."""
    return subprocess.run(
        command(*args), env=cli_env(fleet, **env), capture_output=True, text=True, timeout=15, input=input
    )


def spawn(fleet: Fleet, *args: str) -> "pexpect.spawn[str]":
    """The command in a pseudo-terminal of 120 x 30."""
    argv = command(*args)
    return pexpect.spawn(argv[0], argv[1:], env=cli_env(fleet), dimensions=(30, 120), encoding="utf-8", timeout=10)


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


class Screen:
    """What a pseudo-terminal shows, read as it comes: ``raw`` with the terminal's control codes,
    ``text`` without them (colours and cursor moves would split the words a person reads)."""

    def __init__(self, child: "pexpect.spawn[str]") -> None:
        self.child, self.raw, self.text, self.position = child, "", "", 0

    def expect(self, pattern: str, timeout: float = 10) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        compiled = re.compile(pattern)
        while (match := compiled.search(self.text, self.position)) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} not on the screen after {timeout} s: {self.text[-1500:]!r}")
            try:
                chunk = self.child.read_nonblocking(4096, timeout=0.2)
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                raise AssertionError(f"{pattern!r} never came: {self.text[-1500:]!r}") from None
            self.raw += chunk
            self.text += _ANSI.sub("", chunk).replace("\r", "")
        self.position = match.end()
        return match


def finish(child: "pexpect.spawn[str]") -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, f"ended by signal {child.signalstatus}"
    return int(child.exitstatus)


def job_schema_errors(spec: dict[str, Any], payload: Any) -> list[str]:
    return schema_errors(spec, spec["components"]["schemas"]["ReinforcementFineTuningJob"], payload)


# --- the live display ----------------------------------------------------------------------------


@PTY
def test_watch_on_a_terminal_shows_live_progress_that_updates(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", running([10, 40, 70, 100], epochs=2), displayName="math")
    child = spawn(fleet, "watch", "rft-1", "--interval", "0.2")
    screen = Screen(child)
    screen.expect("JOB +PROGRESS +STATE +EPOCH +ELAPSED +ETA +ACCEL H")  # the live table's header
    screen.expect(r"rft-1 +━+╺?━* +10% +RUNNING +1 ")
    screen.expect(r"rft-1 +━+╺?━* +40% +RUNNING +1 ")  # redrawn as the job moves
    screen.expect(r"rft-1 +━+ +100% +COMPLETED +2 ")
    screen.expect("1 succeeded")
    assert finish(child) == ExitCode.OK
    assert "\x1b[1A" in screen.raw and "\x1b[2K" in screen.raw, "redrawn in place: cursor up, erase line"
    assert screen.raw.count("\x1b[2K") < 40, "redrawn on change only, not on a timer"


@PTY
def test_ctrl_c_stops_watching_leaves_the_job_running_and_exits_130(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 42}}])
    fleet.add(ACCOUNT, "done", [{"state": "JOB_STATE_COMPLETED"}])
    child = spawn(fleet, "watch", "rft-1", "done", "--interval", "0.2")
    screen = Screen(child)
    screen.expect(r"rft-1 .* 42% +RUNNING")
    screen.expect(r"done .* COMPLETED")
    child.sendintr()
    screen.expect("Stopped watching; the jobs keep running")
    screen.expect("watch again: +fireworks-rft watch rft-1\n")  # the finished job is not worth watching
    screen.expect("cancel: +fireworks-rft cancel rft-1\n")
    assert finish(child) == ExitCode.INTERRUPTED and ExitCode.INTERRUPTED.value == 130
    assert {method for method, _ in fleet.requests} == {"GET"}, "nothing but reads: no cancel, no delete"
    assert "Traceback" not in screen.text


# --- piped: one line per change, exit codes -----------------------------------------------------------


@PIPED
def test_watch_piped_writes_one_line_per_change(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", running([10, 10, 40, 100]))
    result = run(fleet, "watch", "rft-1", "--interval", "0.05")
    assert result.returncode == ExitCode.OK, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" event=")[1].split()[0] for line in lines] == [
        "state_changed", "state_changed", "progress_advanced", "progress_advanced", "finished",
    ]  # fmt: skip
    assert (
        "job=rft-1" in lines[0]
        and "percent=40" in lines[2]
        and "percent=100" in lines[3]
        and "outcome=success" in lines[4]
    )
    assert "\x1b[" not in result.stdout, "no terminal codes in a log"
    assert result.stderr.strip() == "1 succeeded"


@PIPED
def test_watch_jsonl_lines_are_jobs_the_schema_accepts(fleet: Fleet, spec: dict[str, Any]) -> None:
    fleet.add(ACCOUNT, "rft-1", running([5, 60]), displayName="math", createTime="2026-11-30T10:00:00Z")
    result = run(fleet, "watch", "rft-1", "--interval", "0.05", "-o", "jsonl")
    assert result.returncode == ExitCode.OK, result.stderr
    jobs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [job["state"] for job in jobs] == ["JOB_STATE_PENDING", *["JOB_STATE_RUNNING"] * 2, "JOB_STATE_COMPLETED"]
    for job in jobs:
        assert job_schema_errors(spec, job) == []


@PIPED
def test_get_piped_is_the_api_json(fleet: Fleet, spec: dict[str, Any]) -> None:
    body = {
        "displayName": "math",
        "acceleratorSeconds": {"NVIDIA_H100_80GB": "7200"},
        "dataset": "accounts/acme/datasets/d",
    }
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 3}}], **body)
    result = run(fleet, "get", "rft-1")
    assert result.returncode == ExitCode.OK, result.stderr
    job = json.loads(result.stdout)
    assert job == {"name": f"accounts/{ACCOUNT}/reinforcementFineTuningJobs/rft-1", **body,
                   "state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 3}}  # fmt: skip
    assert job_schema_errors(spec, job) == []


@PTY
def test_get_on_a_terminal_is_a_table(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 3}}], displayName="math")
    child = spawn(fleet, "get", "rft-1")
    screen = Screen(child)
    screen.expect(r"display name +math")
    screen.expect(r"progress +3%")
    assert finish(child) == ExitCode.OK


@PIPED
@pytest.mark.parametrize(
    ("script", "args", "code"),
    [
        (running([50]), [], ExitCode.OK),
        (running([50], then="JOB_STATE_FAILED"), [], ExitCode.JOB_FAILED),
        (running([50], then="JOB_STATE_CANCELLED"), [], ExitCode.JOB_FAILED),
        (running([50], then="JOB_STATE_EXPIRED"), [], ExitCode.JOB_FAILED),
        ([{"state": "JOB_STATE_RUNNING"}, {"gone": True}], [], ExitCode.JOB_FAILED),
        ([{"state": "JOB_STATE_PENDING"}], ["--timeout", "0.5"], ExitCode.TIMEOUT),
        ([{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 9}}], ["--stall-after", "0.3s"], ExitCode.TIMEOUT),
    ],
    ids=["completed", "failed", "cancelled", "expired", "vanished", "timeout", "stalled"],
)
def test_watch_exit_codes(fleet: Fleet, script: list[dict[str, Any]], args: list[str], code: ExitCode) -> None:
    fleet.add(ACCOUNT, "rft-1", script)
    result = run(fleet, "watch", "rft-1", "--interval", "0.05", *args)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr


@PIPED
@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["watch"], "name one or more JOBs or give --filter"),
        (["watch", "rft-1", "--filter", 'state="JOB_STATE_RUNNING"'], "not both"),
        (["watch", "rft-1", "--timeout", "soon"], "'soon' is not a duration"),
        (["get", "accounts/acme/jobs/rft-1"], "expected 'accounts/"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_bad_usage_exits_2_with_one_line(fleet: Fleet, args: list[str], complaint: str) -> None:
    result = run(fleet, *args)
    assert result.returncode == ExitCode.USAGE
    assert complaint in result.stderr and "Traceback" not in result.stderr
    assert fleet.requests == []


@PIPED
def test_no_api_key_is_bad_usage_naming_the_variable(fleet: Fleet) -> None:
    result = run(fleet, "get", "rft-1", FIREWORKS_API_KEY="")
    assert result.returncode == ExitCode.USAGE
    assert "FIREWORKS_API_KEY" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@PIPED
@pytest.mark.parametrize("status", [401, 403, 404, 500])
def test_api_errors_exit_4_with_one_line_and_no_secret(fleet: Fleet, status: int) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING"}])
    fleet.fail_next.extend([(status, {})] * 3)  # the client's own retries of a 500 meet it too
    result = run(fleet, "get", "rft-1")
    assert result.returncode == ExitCode.API_ERROR
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("fireworks-rft: error: ") and f"HTTP {status}" in line
    assert TOKEN not in result.stderr + result.stdout


@PIPED
def test_connection_error_exits_4(fleet: Fleet) -> None:
    result = run(fleet, "get", "rft-1", FIREWORKS_BASE_URL="http://127.0.0.1:9")  # nothing listens on port 9
    assert result.returncode == ExitCode.API_ERROR
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@PIPED
def test_flags_override_the_environment(fleet: Fleet) -> None:
    fleet.add("other", "rft-1", [{"state": "JOB_STATE_COMPLETED"}])
    result = run(fleet, "--account-id", "other", "--api-key", "fw-flag-key", "get", "rft-1")
    assert result.returncode == ExitCode.OK, result.stderr
    assert json.loads(result.stdout)["name"] == "accounts/other/reinforcementFineTuningJobs/rft-1"


@PIPED
def test_without_the_cli_extra_the_command_says_what_to_install(tmp_path: Path) -> None:
    """click missing (the library installed without [cli]): one line naming the extra, exit 2."""
    hide = "import sys; sys.modules['click'] = None; from fireworks_rft_client.cli import main; sys.exit(main(['get']))"
    result = subprocess.run(
        [sys.executable, "-c", hide], env={"PYTHONPATH": str(ROOT / "generated_client"), "PATH": os.environ["PATH"]},
        capture_output=True, text=True, timeout=15,
    )  # fmt: skip
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.strip() == (
        "fireworks-rft: click is missing; the command needs the cli extra: pip install 'fireworks-rft-client[cli]'"
    )


# --- the extra's pins ---------------------------------------------------------------------------------


def extra_pin_mismatches(pyproject: str, requirements: str) -> list[str]:
    """Each requirement of the cli extra that is not pinned (==) to the version requirements-dev.txt installs."""
    pins = {}
    for line in requirements.splitlines():
        if "==" in line and not line.startswith("#"):
            package, version = line.split("==")
            pins[package.strip().lower()] = version.strip()
    mismatches = []
    for requirement in tomllib.loads(pyproject)["project"]["optional-dependencies"]["cli"]:
        parsed = Requirement(requirement)
        pinned = pins.get(parsed.name.lower())
        if str(parsed.specifier) != f"=={pinned}":
            mismatches.append(f"{requirement} (the tests run on {pinned})")
    return mismatches


def test_the_cli_extra_pins_what_the_tests_run_on() -> None:
    pyproject = (ROOT / "generated_client" / "pyproject.toml").read_text()
    assert extra_pin_mismatches(pyproject, (ROOT / "requirements-dev.txt").read_text()) == []
    extra = tomllib.loads(pyproject)["project"]["optional-dependencies"]["cli"]
    assert {r.split("==")[0] for r in extra} == {"click", "rich", "PyYAML"}
    assert tomllib.loads(pyproject)["project"]["scripts"] == {"fireworks-rft": "fireworks_rft_client.cli:main"}


def test_the_pin_guard_bites() -> None:
    pyproject = (ROOT / "generated_client" / "pyproject.toml").read_text()
    requirements = (ROOT / "requirements-dev.txt").read_text()
    assert extra_pin_mismatches(pyproject, requirements.replace("rich==15.0.0", "rich==14.0.0")) == [
        "rich==15.0.0 (the tests run on 14.0.0)"
    ]
    loose = pyproject.replace('"click==8.5.1"', '"click>=8"')
    assert extra_pin_mismatches(loose, requirements) == ["click>=8 (the tests run on 8.5.1)"]
