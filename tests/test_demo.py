"""make demo: fetches a job from Prism and follows one to its end; leaves no server behind."""

import os
import re
import socket
import subprocess
import sys

import pytest

from tests.conftest import served_example
from tools.prism import ROOT, prism_server

from .time_limits import slow

# Both tests start Prism (Node); the demo runs as a subprocess (its own limit: 120 s).
pytestmark = slow(180, "starts Prism and runs tools/demo.py as a subprocess")


def is_listening(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, int(port))) == 0


def test_demo_prints_the_job_and_the_waiter_and_stops_its_servers() -> None:
    env = {**os.environ, "PYTHONPATH": "generated_client:."}
    env.pop("FIREWORKS_API_KEY", None)  # the demo must use its local servers
    result = subprocess.run(
        [sys.executable, "tools/demo.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    served = served_example()  # what Prism answers: a job of today's API
    assert re.search(rf"^  state\s+{served['state']}$", result.stdout, re.M)
    assert re.search(rf"^  epochs\s+{served['trainingConfig']['epochs']}$", result.stdout, re.M)
    assert re.search(rf"^  progress\s+{served['jobProgress']['percent']}% ", result.stdout, re.M)
    [(accelerator, seconds)] = served["acceleratorSeconds"].items()
    assert re.search(rf"^  accelerator s\s+\{{'{accelerator}': {seconds}\}}$", result.stdout, re.M)
    # The life of a job against the same mock: each step prints what the spec's examples hold.
    created = served_example("createReinforcementFineTuningJob")
    assert re.search(rf"^  created  {created['name']}  {created['state']}$", result.stdout, re.M)
    listed = served_example("listReinforcementFineTuningJobs")
    jobs = listed["reinforcementFineTuningJobs"]
    assert f"  listed   page 1: {len(jobs)} of {listed['totalSize']} jobs" in result.stdout
    for job in jobs:
        assert re.search(rf"^ +{job['name']}  {job['state']}$", result.stdout, re.M)
    assert re.search(rf"^  waited   [\d.]+ s: still {served['state']}, so cancel it$", result.stdout, re.M)
    assert f"  cancel   {created['name']}: accepted" in result.stdout
    assert f"  deleted  {created['name']}" in result.stdout
    for state in ("JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_WARMING_UP", "JOB_STATE_COMPLETED"):
        assert state in result.stdout
    urls = re.findall(r"http://127\.0\.0\.1:\d+", result.stdout)
    assert len(set(urls)) >= 2, result.stdout
    assert not [url for url in set(urls) if is_listening(url)], "a demo server is still running"


def test_prism_is_stopped_when_the_caller_is_interrupted() -> None:
    with pytest.raises(KeyboardInterrupt), prism_server() as url:
        assert is_listening(url)
        raise KeyboardInterrupt
    assert not is_listening(url)
