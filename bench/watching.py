"""Watching 1,000 jobs: requests per poll round and memory over rounds, ours against the official SDK.

The server is tools/job_fleet_server.py in its own process (``--jobs N``): N RUNNING jobs whose
progress moves at every read, so every round changes every job (the dearest case for the
watcher's bookkeeping). Ours: ``watch_jobs(filter=...)``, which reads them through List, 200 a
page, with the watch's readMask. The SDK has no watcher: a user's loop does one Get per job and
round, which is what its round here does. Requests are counted by the server (``/_stats``).

Memory: tracemalloc's current size at the end of each of our rounds, after a garbage
collection, the watch's own allocations only (the server is another process). "Flat" means the
later half of the rounds holds no more than the earlier half (from the second round on, when
every job is tracked) plus a small margin: what is left is noise (the last page's buffers).
"""

import gc
import json
import os
import subprocess
import sys
import time
import tracemalloc
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from statistics import median
from typing import Any

from bench.payload import ROOT, TOKEN
from bench.settings import Settings

JOBS = 1000
ROUNDS = {"full": 20, "quick": 6}
ACCOUNT = "acme"


class _Done(Exception):
    """Ends the watch after the rounds the bench wants."""


@contextmanager
def fleet_process(jobs: int) -> Iterator[str]:
    """tools/job_fleet_server.py with ``jobs`` running jobs, in a child process; stopped by PID."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.job_fleet_server", "--jobs", str(jobs)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'generated_client'}:{ROOT}"},
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(10)


def served(base_url: str) -> int:
    with urllib.request.urlopen(f"{base_url}/_stats", timeout=10) as answer:  # noqa: S310 - our own loopback server
        count: int = json.loads(answer.read())["requests"]
    return count


def _ours(base_url: str, rounds: int) -> dict[str, Any]:
    from fireworks_rft_client import AuthenticatedClient  # noqa: PLC0415
    from fireworks_rft_client.watcher import watch_jobs  # noqa: PLC0415

    requests: list[int] = []
    memory: list[int] = []
    walls: list[float] = []
    started = time.perf_counter()
    served_before = served(base_url)

    def sleep(seconds: float) -> None:
        # The pause between rounds is poll_interval (1 s, not slept here); a budget's wait is far less.
        if seconds < 0.5:
            return
        nonlocal started, served_before
        now, count = time.perf_counter(), served(base_url)
        walls.append(now - started)
        requests.append(count - served_before)
        gc.collect()
        memory.append(tracemalloc.get_traced_memory()[0])
        if len(requests) == rounds:
            raise _Done
        started, served_before = time.perf_counter(), served(base_url)

    with AuthenticatedClient(base_url=base_url, token=TOKEN, account_id=ACCOUNT) as client:
        tracemalloc.start()
        try:
            watch_jobs(
                client,
                filter='state="JOB_STATE_RUNNING"',
                poll_interval=1,
                max_interval=1,
                requests_per_second=10_000,
                stall_after=None,
                timeout=None,
                sleep=sleep,
            )
        except _Done:
            pass
        finally:
            tracemalloc.stop()
    return {
        "requests_per_round": requests,
        "memory_kib_per_round": [round(m / 1024) for m in memory],
        "round_ms": median(walls) * 1000,
    }


def _sdk(base_url: str, job_ids: list[str]) -> dict[str, Any]:
    from fireworks import Fireworks  # noqa: PLC0415

    sdk = Fireworks(api_key=TOKEN, base_url=base_url, account_id=ACCOUNT)
    before, start = served(base_url), time.perf_counter()
    for job_id in job_ids:
        sdk.reinforcement_fine_tuning_jobs.get(job_id)
    wall, requests = time.perf_counter() - start, served(base_url) - before
    sdk.close()
    return {"requests_per_round": requests, "round_ms": wall * 1000}


def bench_watch(settings: Settings) -> dict[str, Any]:
    rounds = ROUNDS[settings.name]
    with fleet_process(JOBS) as base_url:
        ours = _ours(base_url, rounds)
        sdk = _sdk(base_url, [f"job-{i:05d}" for i in range(JOBS)])
    per_round = ours["requests_per_round"]
    memory = ours["memory_kib_per_round"]
    return {
        "jobs": JOBS,
        "rounds": rounds,
        "ours": ours,
        "sdk": sdk,
        "requests_per_round_max": max(per_round),
        "requests_ratio_ours_vs_sdk": max(per_round) / sdk["requests_per_round"],
        # From the second round on every job is tracked: the later rounds must not hold more.
        "memory_late_vs_early_rounds": max(memory[rounds // 2 :]) / max(memory[1 : rounds // 2]),
    }
