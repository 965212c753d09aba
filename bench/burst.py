"""Section "burst": 1,000 concurrent calls on one client against a server answering in 20 ms.

A burst is served at the speed of the pool when the client keeps the requests in flight to
the pool's size (fireworks_rft_client/_gate.py); httpcore's pool, handed all of them at once,
spends its time walking its queue instead. Per transport, ours against the official SDK with
its defaults: sync (one thread per call), async on httpx's own transport, async on aiohttp.
Each figure is the median wall time of the rounds; the ratio the median of per-round ratios
(ours / SDK: below 1 is faster). The SDK client for each transport: ``Fireworks``,
``AsyncFireworks(http_client=DefaultAsyncHttpxClient())``, ``AsyncFireworks(http_client=DefaultAioHttpClient())``.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fireworks import AsyncFireworks, DefaultAioHttpClient, DefaultAsyncHttpxClient, Fireworks

from bench.payload import ACCOUNT_ID, JOB_ID, TOKEN
from bench.server import running_server
from bench.settings import Settings
from bench.timing import median, paired_ratio
from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job

DELAY_MS = 20
TRANSPORTS = ("sync", "async_httpx", "async_aiohttp")


def _sync_burst(call: Callable[[], object], calls: int) -> float:
    with ThreadPoolExecutor(max_workers=calls) as pool:
        start = time.perf_counter()
        for future in [pool.submit(call) for _ in range(calls)]:
            future.result()
        return time.perf_counter() - start


async def _async_burst(call: Callable[[], Awaitable[object]], calls: int) -> float:
    start = time.perf_counter()
    await asyncio.gather(*(call() for _ in range(calls)))
    return time.perf_counter() - start


def _bench_sync(base_url: str, settings: Settings) -> dict[str, list[float]]:
    ours = AuthenticatedClient(base_url=base_url, token=TOKEN)
    sdk = Fireworks(api_key=TOKEN, base_url=base_url, account_id=ACCOUNT_ID)
    calls: dict[str, Callable[[], object]] = {
        "ours": lambda: get_job.sync(ACCOUNT_ID, JOB_ID, client=ours),
        "sdk": lambda: sdk.reinforcement_fine_tuning_jobs.get(JOB_ID),
    }
    walls: dict[str, list[float]] = {key: [] for key in calls}
    try:
        for call in calls.values():
            _sync_burst(call, settings.burst_calls // 4)  # connections opened, code paths warm
        for round_no in range(settings.burst_rounds):
            for key in list(calls)[round_no % 2 :] + list(calls)[: round_no % 2]:
                walls[key].append(_sync_burst(calls[key], settings.burst_calls))
    finally:
        ours.close()
        sdk.close()
    return walls


async def _bench_async(base_url: str, settings: Settings, use_aiohttp: bool) -> dict[str, list[float]]:
    ours = AuthenticatedClient(base_url=base_url, token=TOKEN, use_aiohttp=use_aiohttp)
    http_client: Any = DefaultAioHttpClient() if use_aiohttp else DefaultAsyncHttpxClient()
    sdk = AsyncFireworks(api_key=TOKEN, base_url=base_url, account_id=ACCOUNT_ID, http_client=http_client)
    calls: dict[str, Callable[[], Awaitable[object]]] = {
        "ours": lambda: get_job.asyncio(ACCOUNT_ID, JOB_ID, client=ours),
        "sdk": lambda: sdk.reinforcement_fine_tuning_jobs.get(JOB_ID),
    }
    walls: dict[str, list[float]] = {key: [] for key in calls}
    try:
        for call in calls.values():
            await _async_burst(call, settings.burst_calls // 4)
        for round_no in range(settings.burst_rounds):
            for key in list(calls)[round_no % 2 :] + list(calls)[: round_no % 2]:
                walls[key].append(await _async_burst(calls[key], settings.burst_calls))
    finally:
        await ours.aclose()
        await sdk.close()
    return walls


def bench_burst(settings: Settings) -> dict[str, Any]:
    results: dict[str, Any] = {"calls": settings.burst_calls, "server_delay_ms": DELAY_MS}
    with running_server(delay_ms=DELAY_MS) as base_url:
        for transport in TRANSPORTS:
            if transport == "sync":
                walls = _bench_sync(base_url, settings)
            else:
                walls = asyncio.run(_bench_async(base_url, settings, transport == "async_aiohttp"))
            results[transport] = {
                "wall_s": {key: median(values) for key, values in walls.items()},
                "ratio_ours_vs_sdk": paired_ratio(walls["ours"], walls["sdk"]),
            }
    return results
