"""Sections 1 and 2: one GET through each client against the bench server.

Section 1 (sync) runs on both payloads of bench/payload.py, side by side in the same rounds.

Rounds interleave the clients (in rotating order), so a burst of load from elsewhere on the
machine hits all of them alike; each figure is the median over the rounds, each ratio the
median of the per-round ratios.
"""

import asyncio
from collections.abc import Sequence
from typing import Any, TypeVar

from bench.contenders import (
    HTTPX,
    HTTPX_AIOHTTP,
    HTTPX_URL,
    OURS,
    OURS_HTTPX,
    SDK,
    SDK_HTTPX,
    AsyncContender,
    SyncContender,
    async_contenders,
    sync_contenders,
)
from bench.payload import CURRENT, PAYLOADS
from bench.settings import Settings
from bench.timing import Sample, median, paired_ratio, time_batch, time_concurrent

T = TypeVar("T")


def _rotated(items: Sequence[T], by: int) -> list[T]:
    by %= len(items)
    return [*items[by:], *items[:by]]


def _check(key: str, summary: tuple[Any, ...], expected: tuple[Any, ...]) -> None:
    if summary != expected:
        raise RuntimeError(f"{key}: the GET returned {summary!r}, expected {expected!r}: not measuring a working call")


def _figures(samples: dict[str, list[Sample]]) -> dict[str, Any]:
    cpu = {key: [s.cpu for s in rounds] for key, rounds in samples.items()}
    wall = {key: [s.wall for s in rounds] for key, rounds in samples.items()}
    return {
        "per_call": {key: {"cpu_us": median(cpu[key]) * 1e6, "wall_us": median(wall[key]) * 1e6} for key in samples},
        "ratios": {
            "cpu_ours_vs_httpx": paired_ratio(cpu[OURS], cpu[HTTPX]),
            "cpu_ours_vs_httpx_url": paired_ratio(cpu[OURS], cpu[HTTPX_URL]),
            "cpu_ours_vs_sdk": paired_ratio(cpu[OURS], cpu[SDK]),
            "wall_ours_vs_httpx": paired_ratio(wall[OURS], wall[HTTPX]),
            "wall_ours_vs_httpx_url": paired_ratio(wall[OURS], wall[HTTPX_URL]),
            "wall_ours_vs_sdk": paired_ratio(wall[OURS], wall[SDK]),
        },
    }


def bench_sync(base_url: str, settings: Settings, expected: dict[str, tuple[Any, ...]]) -> dict[str, Any]:
    """Both payloads in every round, each with its own clients, which take turns in rotating order."""
    contenders: dict[str, list[SyncContender]] = {}
    try:
        for payload in PAYLOADS:
            contenders[payload] = sync_contenders(base_url, payload)
            for contender in contenders[payload]:
                _check(f"{contender.key} ({payload})", contender.summary(contender.call()), expected[payload])
                time_batch(contender.call, settings.warmup_calls)
        samples = {payload: {c.key: list[Sample]() for c in each} for payload, each in contenders.items()}
        for round_no in range(settings.sync_rounds):
            for payload, each in contenders.items():
                for contender in _rotated(each, round_no):
                    samples[payload][contender.key].append(time_batch(contender.call, settings.sync_calls))
    finally:
        for each in contenders.values():
            for contender in each:
                contender.close()
    return {"payloads": {payload: _figures(by_key) for payload, by_key in samples.items()}}


async def _bench_async(base_url: str, settings: Settings, expected: dict[str, tuple[Any, ...]]) -> dict[str, Any]:
    """Today's payload only."""
    contenders: list[AsyncContender] = async_contenders(base_url)
    result: dict[str, Any] = {}
    try:
        for contender in contenders:
            _check(contender.key, contender.summary(await contender.call()), expected[CURRENT])
        for concurrency in settings.concurrencies:
            for contender in contenders:  # opens the connections this concurrency needs
                await time_concurrent(contender.call, concurrency, concurrency * 2)
            samples: dict[str, list[Sample]] = {c.key: [] for c in contenders}
            for round_no in range(settings.async_rounds):
                for contender in _rotated(contenders, round_no):
                    sample = await time_concurrent(contender.call, concurrency, settings.async_calls)
                    samples[contender.key].append(sample)
            rps = {key: [1 / s.wall for s in rounds] for key, rounds in samples.items()}
            result[f"c{concurrency}"] = {
                "rps": {key: median(values) for key, values in rps.items()},
                "cpu_us": {key: median([s.cpu for s in rounds]) * 1e6 for key, rounds in samples.items()},
                "ratios": {
                    "rps_ours_vs_sdk": paired_ratio(rps[OURS], rps[SDK]),
                    "rps_ours_vs_httpx": paired_ratio(rps[OURS], rps[HTTPX]),
                    "rps_ours_vs_httpx_aiohttp": paired_ratio(rps[OURS], rps[HTTPX_AIOHTTP]),
                    "rps_ours_httpx_vs_sdk": paired_ratio(rps[OURS_HTTPX], rps[SDK]),
                    "rps_ours_httpx_vs_httpx": paired_ratio(rps[OURS_HTTPX], rps[HTTPX]),
                    "rps_ours_httpx_vs_sdk_httpx": paired_ratio(rps[OURS_HTTPX], rps[SDK_HTTPX]),
                },
            }
    finally:
        for contender in contenders:
            await contender.close()
    return result


def bench_async(base_url: str, settings: Settings, expected: dict[str, tuple[Any, ...]]) -> dict[str, Any]:
    return asyncio.run(_bench_async(base_url, settings, expected))
