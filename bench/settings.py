"""How much each section measures: the full run (`make bench`) and the smoke run (`--quick`)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    name: str
    sync_rounds: int  # timed batches per client, interleaved
    sync_calls: int  # calls per batch
    async_rounds: int
    async_calls: int  # calls per timed batch, at every concurrency
    concurrencies: tuple[int, ...]
    parse_rounds: int
    parse_ops: int
    import_runs: int  # fresh interpreters per package
    make_runs: int
    list_rounds: int  # timed listings per client, interleaved
    list_total: int  # jobs per listing, in pages of 200
    list_memory_totals: tuple[int, int]  # jobs listed for the memory figures (fewer, more)
    burst_calls: int = 1000  # concurrent calls of one burst (bench/burst.py)
    burst_rounds: int = 3  # timed bursts per client and transport, interleaved

    @property
    def warmup_calls(self) -> int:
        return max(10, self.sync_calls // 2)


FULL = Settings(
    name="full",
    sync_rounds=11,
    sync_calls=300,
    async_rounds=5,
    async_calls=384,
    concurrencies=(1, 16, 64),
    parse_rounds=15,
    parse_ops=2000,
    import_runs=10,
    make_runs=3,
    list_rounds=5,
    list_total=10_000,
    list_memory_totals=(1_000, 10_000),
)

QUICK = Settings(
    name="quick",
    sync_rounds=2,
    sync_calls=20,
    async_rounds=1,
    async_calls=64,
    concurrencies=(1, 16, 64),
    parse_rounds=2,
    parse_ops=50,
    import_runs=1,
    make_runs=1,
    list_rounds=1,
    list_total=1_000,
    list_memory_totals=(200, 1_000),
    burst_calls=100,
    burst_rounds=1,
)
