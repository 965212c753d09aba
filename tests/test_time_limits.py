"""Every test runs under a time limit: a hanging test fails, by name, and the rest of the run goes on.

Without a limit, a waiter that never ends (its default deadline is 24 hours) hangs CI until an
outside limit kills the whole run, and the log does not say which test hung.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tools.prism import ROOT

from .time_limits import slow

# A waiter on a job that never ends, as a planted bug once made one: the limit must stop it.
HANGING_TESTS = """
from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.waiter import wait_for_job
from tools.job_script_server import Step, job_script_server


def test_waiter_that_never_ends() -> None:
    with job_script_server([Step(state="JOB_STATE_RUNNING")]) as server:
        with AuthenticatedClient(base_url=server.base_url, token="t", max_retries=0) as client:
            wait_for_job(client, "accounts/a/reinforcementFineTuningJobs/j", poll_interval=0.01, max_interval=0.05)


def test_after_the_hang() -> None:
    assert 1 + 1 == 2
"""


def test_the_default_limit_is_a_few_seconds_and_signal_based(pytestconfig: pytest.Config) -> None:
    assert 0 < float(pytestconfig.getini("timeout")) <= 10
    # "signal" fails the hanging test and goes on; "thread" would dump stacks and end the run.
    assert pytestconfig.getini("timeout_method") == "signal"


def test_slow_needs_a_reason_and_a_bound() -> None:
    assert slow(60, "starts a server").kwargs == {} and slow(60, "starts a server").args == (60,)
    with pytest.raises(ValueError, match="reason"):
        slow(60, " ")
    with pytest.raises(ValueError, match="at most 600"):
        slow(3600, "a very slow test")


@slow(60, "runs pytest in a subprocess on a test that hangs until its 1 s limit stops it")
def test_a_hanging_test_fails_with_its_name_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "test_hangs.py").write_text(textwrap.dedent(HANGING_TESTS))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYTEST"))}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "generated_client"), str(ROOT)])
    result = subprocess.run(
        # The project's settings; -o lowers the default limit (the test has no marker) to 1 s.
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path)]
        + ["-o", "timeout=1", "-q", "--no-header", "test_hangs.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=50,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "FAILED test_hangs.py::test_waiter_that_never_ends - Failed: Timeout (>1.0s)" in output, output
    assert "1 failed, 1 passed" in output, output
