"""Section 5: wall time of `make generate` and `make check`, run on a scratch copy of the repo.

The copy holds the tracked files as they are in the working tree, with `.venv` linked in; the
worktree itself is never written to. `-o .venv/.installed` keeps make from reinstalling tools.
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.payload import ROOT
from bench.settings import Settings
from bench.timing import median

TARGETS = ("generate", "check")


def _scratch_copy(into: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    (into / ".venv").symlink_to(ROOT / ".venv")


def _run_make(where: Path, target: str) -> float:
    # A clean make, not a sub-make of `make bench`.
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS"}}
    start = time.perf_counter()
    done = subprocess.run(["make", "-o", ".venv/.installed", target], cwd=where, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"make {target} failed on the scratch copy:\n{done.stdout.decode()}{done.stderr.decode()}")
    return elapsed


def bench_make(settings: Settings) -> dict[str, Any]:
    seconds: dict[str, list[float]] = {target: [] for target in TARGETS}
    with tempfile.TemporaryDirectory(prefix="fireworks-rft-bench-") as scratch:
        where = Path(scratch)
        _scratch_copy(where)
        for _ in range(settings.make_runs):
            for target in TARGETS:
                seconds[target].append(_run_make(where, target))
    return {"s": {target: median(values) for target, values in seconds.items()}, "runs": settings.make_runs}
