"""Section 6: list every job of an account, page by page, against the bench server.

Each client lists the same jobs in pages of 200 (bench/payload.py page_body: the `current`
example under 10,000 names): ours through ``list_jobs``, the official SDK through its
auto-paging iterator (``client.reinforcement_fine_tuning_jobs.list(...)``). Both build a model
of every job. Rounds interleave the two (rotating order); CPU per job is the median over rounds,
the ratio the median of the per-round ratios.

Memory: each client lists 1,000 jobs, and 10,000 (settings.list_memory_totals), each time in a
fresh interpreter (``python -m bench.listing``), which reports the peak of memory allocated
while listing (tracemalloc) and its peak resident set. Flat memory means the peak does not grow
with the number of jobs: the ratio 10,000 / 1,000 stays near 1.
"""

import gc
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

from bench.payload import LIST_PAGE_SIZE, ROOT, TOKEN, list_account
from bench.settings import Settings
from bench.timing import median, paired_ratio

OURS, SDK = "ours", "sdk"
LABELS = {OURS: "our client (list_jobs)", SDK: "official SDK (auto-paging list)"}


def _ours(base_url: str) -> tuple[Callable[[int], Iterator[Any]], Callable[[], None]]:
    from fireworks_rft_client import AuthenticatedClient, list_jobs  # noqa: PLC0415

    client = AuthenticatedClient(base_url=base_url, token=TOKEN)
    return (lambda total: list_jobs(client, page_size=LIST_PAGE_SIZE, account_id=list_account(total))), client.close


def _sdk(base_url: str) -> tuple[Callable[[int], Iterator[Any]], Callable[[], None]]:
    from fireworks import Fireworks  # noqa: PLC0415

    client = Fireworks(api_key=TOKEN, base_url=base_url, account_id="bench-account")
    jobs = client.reinforcement_fine_tuning_jobs

    def listing(total: int) -> Iterator[Any]:
        return iter(jobs.list(account_id=list_account(total), page_size=LIST_PAGE_SIZE))

    return listing, client.close


CONTENDERS = {OURS: _ours, SDK: _sdk}


def _walk(jobs: Iterator[Any], total: int) -> None:
    """Go over every job (as a user's loop would), and check it got the jobs the server listed."""
    count, last = 0, None
    for job in jobs:
        count += 1
        last = job
    expected = f"accounts/{list_account(total)}/reinforcementFineTuningJobs/job-{total - 1}"
    if count != total or last is None or last.name != expected or last.training_config.base_model is None:
        raise RuntimeError(f"listed {count} jobs ending with {getattr(last, 'name', None)!r}: expected {total}")


def bench_listing(base_url: str, settings: Settings) -> dict[str, Any]:
    total = settings.list_total
    made = {key: make(base_url) for key, make in CONTENDERS.items()}
    cpu: dict[str, list[float]] = {key: [] for key in made}
    wall: dict[str, list[float]] = {key: [] for key in made}
    try:
        for listing, _ in made.values():  # warm up: connections, first pages, imports
            _walk(listing(total), total)
        for round_no in range(settings.list_rounds):
            keys = list(made) if round_no % 2 == 0 else list(reversed(made))
            for key in keys:
                gc.collect()
                cpu0, wall0 = time.process_time(), time.perf_counter()
                _walk(made[key][0](total), total)
                cpu[key].append((time.process_time() - cpu0) / total)
                wall[key].append((time.perf_counter() - wall0) / total)
    finally:
        for _, close in made.values():
            close()
    totals = settings.list_memory_totals
    memory = {key: {str(n): _memory_in_fresh_interpreter(base_url, key, n) for n in totals} for key in made}
    low, high = (str(n) for n in totals)
    return {
        "jobs": total,
        "page_size": LIST_PAGE_SIZE,
        "per_job": {key: {"cpu_us": median(cpu[key]) * 1e6, "wall_us": median(wall[key]) * 1e6} for key in made},
        "memory": memory,
        "ratios": {
            "cpu_ours_vs_sdk": paired_ratio(cpu[OURS], cpu[SDK]),
            "wall_ours_vs_sdk": paired_ratio(wall[OURS], wall[SDK]),
            "peak_ours_vs_sdk": memory[OURS][high]["peak_kib"] / memory[SDK][high]["peak_kib"],
            # Flat memory: the peak while listing the most jobs over the peak while listing the fewest.
            "peak_growth_ours": memory[OURS][high]["peak_kib"] / memory[OURS][low]["peak_kib"],
            "peak_growth_sdk": memory[SDK][high]["peak_kib"] / memory[SDK][low]["peak_kib"],
        },
    }


def _memory_in_fresh_interpreter(base_url: str, key: str, total: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "generated_client"), str(ROOT)])}
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.listing", base_url, key, str(total)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.listing {key} {total} failed:\n{done.stdout}{done.stderr}")
    figures: dict[str, float] = json.loads(done.stdout)
    return figures


def measure_memory(base_url: str, key: str, total: int) -> dict[str, float]:
    """In this (fresh) interpreter: list ``total`` jobs once; the peak memory allocated meanwhile."""
    listing, close = CONTENDERS[key](base_url)
    try:
        gc.collect()
        tracemalloc.start()
        _walk(listing(total), total)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        close()
    return {"peak_kib": peak / 1024, "max_rss_kib": float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}


if __name__ == "__main__":
    url, contender, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sys.stdout.write(json.dumps(measure_memory(url, contender, count)) + "\n")
