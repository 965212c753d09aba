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
import yaml
from packaging.requirements import Requirement

from fireworks_rft_client.cli import ExitCode
from tools.job_fleet_server import Fleet, job_fleet_server, running

from .contract.spec_tools import schema_errors
from .spec_fields import Field, example_field, fields, load_spec
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


def deep_merge(*parts: dict[str, Any]) -> dict[str, Any]:
    """The parts' fields together, nested objects merged key by key."""
    result: dict[str, Any] = {}
    for part in parts:
        for key, value in part.items():
            both = isinstance(value, dict) and isinstance(result.get(key), dict)
            result[key] = deep_merge(result[key], value) if both else value
    return result


def required_on_create() -> dict[str, str]:
    """The create body's required fields (from the spec), each with a resource name."""
    required = load_spec()["components"]["schemas"]["ReinforcementFineTuningJobInput"]["required"]
    return {name: f"accounts/acme/{name}s/math" for name in required}


# Any int field and any string field of the training config: which ones does not matter.
INT_FIELD = example_field("integer", "int32", under="trainingConfig")
TEXT_FIELD = example_field("string", under="trainingConfig")
MODEL = "accounts/fireworks/models/llama"


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


# --- list, create, cancel, resume, delete, export ---------------------------------------------------


@PIPED
def test_list_piped_is_a_json_array_of_api_jobs(fleet: Fleet, spec: dict[str, Any]) -> None:
    for i in range(5):
        fleet.add(ACCOUNT, f"rft-{i}", [{"state": "JOB_STATE_RUNNING" if i % 2 else "JOB_STATE_COMPLETED"}])
    result = run(fleet, "list", "--filter", 'state="JOB_STATE_RUNNING"', "--order-by", "createTime desc")
    assert result.returncode == ExitCode.OK, result.stderr
    jobs = json.loads(result.stdout)
    assert [job["name"].rsplit("/", 1)[1] for job in jobs] == ["rft-1", "rft-3"]
    for job in jobs:
        assert job_schema_errors(spec, job) == []
    [(_, target)] = fleet.requests
    assert "filter=state%3D%22JOB_STATE_RUNNING%22" in target and "orderBy=createTime+desc" in target


@PIPED
def test_list_limit_and_jsonl(fleet: Fleet, spec: dict[str, Any]) -> None:
    for i in range(7):
        fleet.add(ACCOUNT, f"rft-{i}", [{"state": "JOB_STATE_RUNNING"}])
    result = run(fleet, "list", "--limit", "3", "-o", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3 and all(job_schema_errors(spec, job) == [] for job in lines)


@PTY
def test_list_on_a_terminal_is_a_table(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 7}}], displayName="math")
    child = spawn(fleet, "list")
    screen = Screen(child)
    screen.expect("JOB +DISPLAY NAME +STATE +PROGRESS")
    screen.expect(r"rft-1 +math +RUNNING +7%")
    assert finish(child) == ExitCode.OK


@PIPED
def test_create_from_a_yaml_file_with_a_job_id(fleet: Fleet, tmp_path: Path, spec: dict[str, Any]) -> None:
    file = tmp_path / "job.yaml"
    fields = deep_merge(required_on_create(), TEXT_FIELD.payload(MODEL), INT_FIELD.payload(2))
    file.write_text(yaml.safe_dump(fields))
    result = run(fleet, "create", str(file), "--job-id", "my-job")
    assert result.returncode == ExitCode.OK, result.stderr
    created = json.loads(result.stdout)
    assert created["name"] == f"accounts/{ACCOUNT}/reinforcementFineTuningJobs/my-job"
    assert job_schema_errors(spec, created) == []
    [(method, target)] = fleet.requests
    assert method == "POST" and "reinforcementFineTuningJobId=my-job" in target
    assert json.loads(fleet.bodies[0]) == fields


@PIPED
def test_create_dry_run_sends_nothing_and_from_job_copies_input_fields_only(fleet: Fleet, tmp_path: Path) -> None:
    inputs = deep_merge(required_on_create(), INT_FIELD.payload(3), TEXT_FIELD.payload(MODEL))
    source = {
        **inputs,
        "inferenceParameters": {"maxTokens": 512},  # an older server's name: sent as maxOutputTokens
        "wandbConfig": {"enabled": True, "project": "p", "url": "https://wandb.example/run"},
        "jobProgress": {"percent": 100},
        "createTime": "2026-11-30T10:00:00Z",
    }
    fleet.add(ACCOUNT, "old", [{"state": "JOB_STATE_COMPLETED"}], **source)
    override = tmp_path / "override.json"
    override.write_text(json.dumps(INT_FIELD.payload(5)))
    result = run(fleet, "create", str(override), "--from-job", "old", "--dry-run")
    assert result.returncode == ExitCode.OK, result.stderr
    body = json.loads(result.stdout)
    assert body == {
        **deep_merge(inputs, INT_FIELD.payload(5)),  # merged, not replaced: the string field stays
        "inferenceParameters": {"maxOutputTokens": 512},
        "wandbConfig": {"enabled": True, "project": "p"},
    }
    assert [method for method, _ in fleet.requests] == ["GET"], "the copy is read; nothing is created"


def _sample(field: Field) -> Any:
    """A value of the field's JSON type (strings as resource names)."""
    kind = field.schema.get("type")
    if kind in ("integer", "number"):
        return 7
    assert kind == "string" and "format" not in field.schema, f"no sample value for {field.dotted}: {field.schema}"
    return f"accounts/acme/things/{field.name}"


@PIPED
def test_create_from_job_sends_a_renamed_field_under_its_new_name_only(fleet: Fleet) -> None:
    """Each old name the spec keeps (x-renamed-to), as an older server sends it, is copied under today's name."""
    renamed = [field for field in fields() if "x-renamed-to" in field.schema]
    assert renamed, "the spec renames no field"
    fleet.add(ACCOUNT, "old", [{"state": "JOB_STATE_COMPLETED"}],
              **deep_merge(required_on_create(), *(field.payload(_sample(field)) for field in renamed)))  # fmt: skip
    result = run(fleet, "create", "--from-job", "old", "--dry-run")
    assert result.returncode == ExitCode.OK, result.stderr
    body = json.loads(result.stdout)
    for field in renamed:
        *parents, _ = field.path
        where = body
        for parent in parents:
            where = where.get(parent, {})
        assert field.name not in where, f"{field.dotted}: the old name sent\n{body}"
        assert where.get(field.schema["x-renamed-to"]) == _sample(field), f"{field.dotted}: lost\n{body}"


@PIPED
@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        (
            yaml.safe_dump({"dataset": "d", "evaluator": "e", **INT_FIELD.payload("many")}),
            f"{INT_FIELD.dotted}: expected integer",
        ),
        ("dataset: d\nevaluator: e\nstate: JOB_STATE_RUNNING\n", "state: unexpected field"),
        ("evaluator: e\n", "dataset"),
        ("- a list\n", "expected a mapping"),
    ],
)
def test_create_refuses_a_bad_file_before_sending(fleet: Fleet, tmp_path: Path, content: str, complaint: str) -> None:
    file = tmp_path / "job.yaml"
    file.write_text(content)
    result = run(fleet, "create", str(file))
    assert result.returncode == ExitCode.USAGE
    assert complaint in result.stderr and "Traceback" not in result.stderr
    assert fleet.requests == []


@PIPED
def test_cancel_and_resume(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING"}])
    cancelled = run(fleet, "cancel", "rft-1")
    assert cancelled.returncode == ExitCode.OK and "cancel requested: rft-1" in cancelled.stderr
    resumed = run(fleet, "resume", "rft-1")
    assert resumed.returncode == ExitCode.OK, resumed.stderr
    assert json.loads(resumed.stdout)["state"] == "JOB_STATE_RUNNING"
    assert [(m, t.split("?")[0].rsplit("/", 1)[1]) for m, t in fleet.requests] == [
        ("POST", "rft-1:cancel"),
        ("POST", "rft-1:resume"),
    ]


@PTY
def test_delete_without_yes_asks_and_no_deletes_nothing(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_COMPLETED"}])
    child = spawn(fleet, "delete", "rft-1")
    screen = Screen(child)
    screen.expect(r"Delete 1 job\(s\): rft-1\? \[y/N\]")
    child.sendline("n")
    screen.expect("nothing deleted")
    assert finish(child) == ExitCode.JOB_FAILED
    assert fleet.requests == []

    child = spawn(fleet, "delete", "rft-1")
    screen = Screen(child)
    screen.expect(r"\[y/N\]")
    child.sendline("y")
    screen.expect("deleted: rft-1")
    assert finish(child) == ExitCode.OK
    assert [m for m, _ in fleet.requests] == ["DELETE"]


@PIPED
def test_delete_piped_needs_yes(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_COMPLETED"}])
    refused = run(fleet, "delete", "rft-1", input="y\n")
    assert refused.returncode == ExitCode.USAGE and "pass --yes" in refused.stderr
    assert fleet.requests == []
    done = run(fleet, "delete", "rft-1", "--yes")
    assert done.returncode == ExitCode.OK and [m for m, _ in fleet.requests] == ["DELETE"]


EXPORTED = {
    "state": "JOB_STATE_COMPLETED",
    "createTime": "2026-11-30T10:00:00Z",
    "completedTime": "2026-11-30T13:00:00Z",
    "acceleratorSeconds": {"NVIDIA_H100_80GB": "28800"},
    "trainingConfig": {"acceleratorCount": 4},
}


@PIPED
def test_export_jsonl_has_the_api_job_and_derived_columns(fleet: Fleet, spec: dict[str, Any]) -> None:
    fleet.add(ACCOUNT, "rft-1", [EXPORTED])
    fleet.add(ACCOUNT, "rft-2", [{"state": "JOB_STATE_FAILED"}])
    result = run(fleet, "export")
    assert result.returncode == ExitCode.OK, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert job_schema_errors(spec, first["job"]) == [] and job_schema_errors(spec, second["job"]) == []
    assert {k: v for k, v in first.items() if k != "job"} == {
        "outcome": "success",
        "totalSeconds": 3 * 3600,
        "queueSeconds": 3600,
        "runSeconds": 2 * 3600,
        "acceleratorHours": {"NVIDIA_H100_80GB": 8.0},
    }
    assert second["outcome"] == "failure"


@PIPED
def test_export_csv(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "rft-1", [EXPORTED])
    result = run(fleet, "export", "rft-1", "--format", "csv")
    assert result.returncode == ExitCode.OK, result.stderr
    header, row = result.stdout.splitlines()
    columns = dict(zip(header.split(","), row.split(","), strict=True))
    assert columns["name"].endswith("/rft-1") and columns["outcome"] == "success"
    assert columns["queueSeconds"] == "3600.0" and columns["acceleratorHours.NVIDIA_H100_80GB"] == "8.0"


@PIPED
def test_watch_a_filter(fleet: Fleet) -> None:
    fleet.add(ACCOUNT, "a", running([50]))
    fleet.add(ACCOUNT, "b", running([50], then="JOB_STATE_FAILED"))
    result = run(fleet, "watch", "--filter", 'displayName!="x"', "--interval", "0.05")
    assert result.returncode == ExitCode.JOB_FAILED, result.stderr
    assert "1 succeeded, 1 failed" in result.stderr


@PIPED
def test_watch_json_prints_the_jobs_as_they_ended(fleet: Fleet, spec: dict[str, Any]) -> None:
    fleet.add(ACCOUNT, "rft-1", running([50]))
    fleet.add(ACCOUNT, "rft-2", running([50], then="JOB_STATE_EARLY_STOPPED"))
    result = run(fleet, "watch", "rft-1", "rft-2", "--interval", "0.05", "-o", "json")
    assert result.returncode == ExitCode.OK, result.stderr
    jobs = json.loads(result.stdout)
    assert [job["state"] for job in jobs] == ["JOB_STATE_COMPLETED", "JOB_STATE_EARLY_STOPPED"]
    assert all(job_schema_errors(spec, job) == [] for job in jobs)
