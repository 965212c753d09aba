"""Timing helpers: batches timed by CPU (time.process_time) and wall clock, medians of rounds."""

import asyncio
import gc
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    """One timed batch, per call: CPU seconds in this process and wall seconds."""

    cpu: float
    wall: float


def time_batch(call: Callable[[], object], calls: int) -> Sample:
    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in range(calls):
        call()
    cpu1, wall1 = time.process_time(), time.perf_counter()
    return Sample(cpu=(cpu1 - cpu0) / calls, wall=(wall1 - wall0) / calls)


async def time_concurrent(call: Callable[[], Awaitable[object]], concurrency: int, calls: int) -> Sample:
    """`calls` calls spread over `concurrency` tasks that each await one call after the other."""
    per_task = max(1, calls // concurrency)

    async def worker() -> None:
        for _ in range(per_task):
            await call()

    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    cpu1, wall1 = time.process_time(), time.perf_counter()
    done = per_task * concurrency
    return Sample(cpu=(cpu1 - cpu0) / done, wall=(wall1 - wall0) / done)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def paired_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """Median of the per-round ratios: rounds interleave the contenders, so drift cancels out."""
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))
