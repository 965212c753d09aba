"""`make bench`: run every section, print the table, write the JSON (bench/results/ by default)."""

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench import burst, get_calls, imports, listing, make_targets, parsing, report, watching
from bench.contenders import expected_summary
from bench.payload import PAYLOADS, ROOT
from bench.server import running_server, server_stats
from bench.settings import FULL, QUICK, Settings

SECTIONS = ("sync_get", "async_get", "burst", "parsing", "cold_import", "make", "list_jobs", "watch")


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _meta(settings: Settings) -> dict[str, Any]:
    return {
        "mode": settings.name,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_before": _load(),
        "versions": {name: version(name) for name in ("httpx", "attrs", "fireworks-ai", "pydantic")},
        "settings": {k: v for k, v in vars(settings).items() if k != "name"},
        "notes": {
            "server": "bench/server.py: asyncio HTTP/1.1, keep-alive, own process on 127.0.0.1",
            "cpu": "time.process_time of the client process over a batch, divided by its calls",
            "ratios": "median of the per-round ratios; contenders take turns within each round",
            "sdk": "defaults kept: 2 retries (never fire, every answer is 200), 60 s timeout; "
            "its async client runs on aiohttp (httpx-aiohttp)",
            "cold_import": "main rows hide click and rich (httpx's optional CLI, in neither package's "
            "dependencies); *_devenv rows import as the dev toolchain is",
        },
    }


def _about(settings: Settings) -> dict[str, str]:
    s = settings
    return {
        "sync_get": f"median of {s.sync_rounds} batches of {s.sync_calls} calls each, per payload",
        "async_get": f"median of {s.async_rounds} batches of {s.async_calls} calls each",
        "parsing": f"median of {s.parse_rounds} batches of {s.parse_ops}",
        "cold_import": f"median of {s.import_runs} interpreters each",
        "make": f"median of {s.make_runs} runs each",
        "burst": f"median of {s.burst_rounds} bursts of {s.burst_calls} concurrent calls, server answering in "
        f"{burst.DELAY_MS} ms",
        "list_jobs": f"{s.list_total:,} jobs in pages of 200, median of {s.list_rounds} listings each; "
        f"memory: {s.list_memory_totals[0]:,} and {s.list_memory_totals[1]:,} jobs, a fresh interpreter each",
        "watch": f"{watching.JOBS} jobs, {watching.ROUNDS[s.name]} poll rounds; the SDK: one round of Gets",
    }


def run(settings: Settings, sections: tuple[str, ...]) -> dict[str, Any]:
    results: dict[str, Any] = {"meta": _meta(settings)}
    expected = {payload: expected_summary(payload) for payload in PAYLOADS}
    seconds: dict[str, float] = {}
    get_sections: dict[str, Callable[[str], dict[str, Any]]] = {
        "sync_get": lambda url: get_calls.bench_sync(url, settings, expected),
        "async_get": lambda url: get_calls.bench_async(url, settings, expected),
        "list_jobs": lambda url: listing.bench_listing(url, settings),
    }
    if set(get_sections) & set(sections):
        with running_server() as base_url:
            for section, bench_get in get_sections.items():
                if section in sections:
                    requests0, cpu0 = server_stats(base_url)
                    start = time.perf_counter()
                    results[section] = bench_get(base_url)
                    seconds[section] = time.perf_counter() - start
                    requests1, cpu1 = server_stats(base_url)
                    # The server's own CPU per request it answered: it must stay well below the clients'.
                    results[section]["server_cpu_us"] = (cpu1 - cpu0) / max(1, requests1 - requests0) * 1e6
    others = {
        "burst": burst.bench_burst,
        "parsing": parsing.bench_parsing,
        "cold_import": imports.bench_imports,
        "make": make_targets.bench_make,
        "watch": watching.bench_watch,
    }
    for section, bench in others.items():
        if section in sections:
            start = time.perf_counter()
            results[section] = bench(settings)
            seconds[section] = time.perf_counter() - start
    about = _about(settings)
    for section in seconds:
        results[section]["about"] = about[section]
    results["meta"]["load_after"] = _load()
    results["meta"]["section_seconds"] = seconds
    results["targets"] = report.evaluate_targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a few seconds, every figure, rough numbers (smoke test)")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "results", help="where the JSON goes")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only this section (repeatable)")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    results = run(settings, tuple(args.only or SECTIONS))
    path = report.write_json(results, args.out_dir)
    sys.stdout.write(report.render(results))
    sys.stdout.write(f"\nJSON: {path}\n")
    return 0
