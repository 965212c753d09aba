"""Where the time of one sync GET goes: our client against raw httpx + json.loads.

`python -m bench.profile_get [--calls N]` (or `make bench-profile`) prints:
0. one GET cut into its stages, CPU per call of each for ours and raw httpx (bench/stages.py);
1. CPU per call without a profiler, from raw httpx + json.loads to our full call, adding one
   difference at a time, on httpx.MockTransport (no sockets: precise);
2. the same against the bench server (real sockets: what a call costs, but noisier), and the
   model work alone, no HTTP (json.loads, from_dict);
3. a cProfile of N calls of each, self time per call grouped by owner (our package, attrs,
   httpx, httpcore, h11, socket I/O...), and the functions whose self time differs the most.
cProfile slows Python code far more than system calls, so use part 3 for where, parts 1-2 for
how much.
"""

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import httpx

from bench import stages
from bench.payload import ACCOUNT_ID, JOB_ID, JOB_PATH, TOKEN, job_body
from bench.server import running_server
from bench.timing import median, time_batch
from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job
from fireworks_rft_client.models import ReinforcementFineTuningJob

# (owner, test on the profile entry's file name and function name), first match wins.
_OWNERS: tuple[tuple[str, Callable[[str, str], bool]], ...] = (
    ("our package (fireworks_rft_client)", lambda f, n: "fireworks_rft_client" in f),
    ("attrs-generated __init__/eq", lambda f, n: f.startswith("<attrs generated")),
    ("socket send/recv (system calls)", lambda f, n: "_socket.socket" in n),
    ("json (decode)", lambda f, n: "/json/" in f or "scanner" in n or "loads" in n),
    ("datetime/enum (model fields)", lambda f, n: "/enum.py" in f or "fromisoformat" in n),
    ("httpx", lambda f, n: "/httpx/" in f),
    ("httpcore", lambda f, n: "/httpcore/" in f),
    ("h11", lambda f, n: "/h11/" in f),
    ("other stdlib / builtins", lambda f, n: True),
)

Key = tuple[str, int, str]


def _owner(key: Key) -> str:
    filename, _, name = key
    return next(owner for owner, test in _OWNERS if test(filename, name))


def _self_times(calls: dict[str, Callable[[], object]], n: int) -> dict[str, tuple[dict[Key, float], dict[Key, int]]]:
    """Self CPU time (process_time, so waiting on the socket does not count) per call, by function.

    The clients take turns in chunks, so a burst of load elsewhere hits them alike.
    """
    profilers = {name: cProfile.Profile(time.process_time) for name in calls}
    chunk = max(1, n // 10)
    for _ in range(n // chunk):
        for name, call in calls.items():
            profilers[name].enable()
            for _ in range(chunk):
                call()
            profilers[name].disable()
    done = chunk * (n // chunk)
    result = {}
    for name, profiler in profilers.items():
        stats: dict[Key, Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
        result[name] = ({k: v[2] / done for k, v in stats.items()}, {k: v[1] for k, v in stats.items()})
    return result


def _short(key: Key) -> str:
    filename, line, name = key
    for marker in ("site-packages/", "generated_client/", "lib/python3"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{name} ({filename}:{line})" if filename != "~" else name


def _ladder(ours: AuthenticatedClient, raw: httpx.Client) -> dict[str, Callable[[], object]]:
    """From the floor to our full call, one difference at a time (as the endpoint module sends today)."""
    ours_httpx = ours.get_httpx_client()
    return {
        "raw httpx.get + json.loads (the floor)": lambda: json.loads(raw.get(JOB_PATH).content),
        "  + our client's httpx.Client, request('get', ...)": lambda: json.loads(
            ours_httpx.request(method="get", url=JOB_PATH).content
        ),
        "  + ReinforcementFineTuningJob.from_dict": lambda: ReinforcementFineTuningJob.from_dict(
            json.loads(ours_httpx.request(method="get", url=JOB_PATH).content)
        ),
        "  + our endpoint layer = get_reinforcement_fine_tuning_job.sync": lambda: (
            get_reinforcement_fine_tuning_job.sync(ACCOUNT_ID, JOB_ID, client=ours)
        ),
    }


def _report_ladder(ladder: dict[str, Callable[[], object]], batch: int, rounds: int) -> str:
    """CPU per call of each rung, and over the floor as the median of per-round differences."""
    cpu: dict[str, list[float]] = {step: [] for step in ladder}
    for call in ladder.values():
        time_batch(call, batch)
    for _ in range(rounds):
        for step, call in ladder.items():  # same order each round: the pairs stay close in time
            cpu[step].append(time_batch(call, batch).cpu * 1e6)
    floor = next(iter(cpu.values()))
    lines, previous = [], 0.0
    for step, values in cpu.items():
        over = median([value - base for value, base in zip(values, floor, strict=True)])
        lines.append(
            f"   {step:66} {median(values):7.1f} us  over the floor {over:+6.1f} (step {over - previous:+6.1f})"
        )
        previous = over
    return "\n".join(lines) + "\n"


def _mock_transport() -> httpx.MockTransport:
    body = job_body()
    return httpx.MockTransport(
        lambda request: httpx.Response(200, content=body, headers={"content-type": "application/json"})
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_get", description=__doc__)
    parser.add_argument("--calls", type=int, default=2000, help="calls per client (default 2000)")
    parser.add_argument("--top", type=int, default=20, help="functions to list (default 20)")
    args = parser.parse_args(argv)
    out = sys.stdout.write
    batch = max(50, args.calls // 10)
    auth = {"Authorization": f"Bearer {TOKEN}"}

    with running_server() as base_url:
        out("0. One sync GET stage by stage, CPU us per call (each stage alone in batches, median of 9 rounds):\n")
        out(stages.report(base_url))
        out("\n")

    # Without sockets (httpx.MockTransport answering the job example) the noise of the
    # network stack is gone, and what remains is the client code: our layer and httpx's.
    mock = _mock_transport()
    ours_mock = AuthenticatedClient(base_url="http://bench.invalid", token=TOKEN, httpx_args={"transport": mock})
    raw_mock = httpx.Client(base_url="http://bench.invalid", headers=auth, transport=mock)
    out("1. CPU per call on httpx.MockTransport, no sockets, no profiler (median of 41 batches of 50):\n")
    out(_report_ladder(_ladder(ours_mock, raw_mock), 50, 41))

    with running_server() as base_url:
        ours = AuthenticatedClient(base_url=base_url, token=TOKEN)
        raw = httpx.Client(base_url=base_url, headers=auth)
        ladder = _ladder(ours, raw)
        out(f"\n2. The same against the bench server, over real sockets (median of 15 batches of {batch}):\n")
        out(_report_ladder(ladder, batch, 15))

        body = job_body()
        data = json.loads(body)
        loads_us = median([time_batch(lambda: json.loads(body), 2000).cpu * 1e6 for _ in range(7)])
        parse_us = median(
            [time_batch(lambda: ReinforcementFineTuningJob.from_dict(data), 2000).cpu * 1e6 for _ in range(7)]
        )
        out("\n   Model work alone, no HTTP (median of 7 batches of 2000): ")
        out(f"json.loads {loads_us:.1f} us (both do it); ReinforcementFineTuningJob.from_dict {parse_us:.1f} us\n\n")

        calls: dict[str, Callable[[], object]] = {"ours": list(ladder.values())[-1], "raw": list(ladder.values())[0]}
        profiles = _self_times(calls, args.calls)
        ours.close()
        raw.close()

    (ours_t, ours_n), (raw_t, raw_n) = profiles["ours"], profiles["raw"]
    by_owner: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for key, seconds in ours_t.items():
        by_owner[_owner(key)][0] += seconds * 1e6
    for key, seconds in raw_t.items():
        by_owner[_owner(key)][1] += seconds * 1e6
    out(f"3. cProfile, self time per call by owner ({args.calls} calls each; profiler overhead included):\n")
    out(f"   {'owner':40} {'ours us':>9} {'raw us':>9} {'diff us':>9}\n")
    for owner, _ in _OWNERS:
        o, r = by_owner.get(owner, [0.0, 0.0])
        out(f"   {owner:40} {o:9.1f} {r:9.1f} {o - r:+9.1f}\n")
    total_o, total_r = sum(v[0] for v in by_owner.values()), sum(v[1] for v in by_owner.values())
    out(f"   {'total':40} {total_o:9.1f} {total_r:9.1f} {total_o - total_r:+9.1f}\n\n")

    out(f"   Functions whose self time per call grew most (ours - raw), top {args.top}:\n")
    deltas = {key: ours_t.get(key, 0.0) - raw_t.get(key, 0.0) for key in set(ours_t) | set(raw_t)}
    for key in sorted(deltas, key=lambda k: deltas[k], reverse=True)[: args.top]:
        per_call = (ours_n.get(key, 0) - raw_n.get(key, 0)) / args.calls
        out(f"   {deltas[key] * 1e6:+7.1f} us  {per_call:+5.1f} calls/call  {_short(key)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
