"""`make bench` still works: a quick run prints the table and writes the JSON with every figure.

Only that it runs and reports: the figures of a quick run on a shared machine mean nothing, and
no test here depends on speed. The bench server and the bench's own guards are tested too.
"""

import json
import math
import os
import subprocess
import sys
from typing import Any

import httpx
import pytest

from bench import stages
from bench.get_calls import _check
from bench.listing import _walk
from bench.payload import JOB_PATH, PAYLOADS, REFERENCE, TOKEN, job_body, job_path, list_account
from bench.report import TARGETS, evaluate_targets
from bench.server import running_server, server_stats
from fireworks_rft_client.models import ReinforcementFineTuningJob
from tests.time_limits import slow
from tools.prism import ROOT

CLIENTS = ("ours", "httpx", "sdk")
SYNC_CLIENTS = (*CLIENTS, "httpx_url")
ASYNC_CLIENTS = (*CLIENTS, "ours_httpx", "httpx_aiohttp", "sdk_httpx")
SYNC_RATIOS = tuple(f"{kind}_ours_vs_{other}" for kind in ("cpu", "wall") for other in ("httpx", "httpx_url", "sdk"))
# Every figure the bench reports, as a path into its JSON.
FIGURES = (
    *[
        ("sync_get", "payloads", p, "per_call", c, unit)
        for p in PAYLOADS
        for c in SYNC_CLIENTS
        for unit in ("cpu_us", "wall_us")
    ],
    *[("sync_get", "payloads", p, "ratios", r) for p in PAYLOADS for r in SYNC_RATIOS],
    *[
        ("async_get", level, kind, c)
        for level in ("c1", "c16", "c64")
        for kind in ("rps", "cpu_us")
        for c in ASYNC_CLIENTS
    ],
    *[
        ("async_get", level, "ratios", r)
        for level in ("c1", "c16", "c64")
        for r in ("rps_ours_vs_sdk", "rps_ours_vs_httpx", "rps_ours_httpx_vs_sdk", "rps_ours_httpx_vs_sdk_httpx")
    ],
    *[("parsing", "from_dict_us", p, k) for p in PAYLOADS for k in ("ours", "pydantic")],
    *[("parsing", "ratios", f"from_dict_ours_vs_pydantic_{p}") for p in PAYLOADS],
    *[("parsing", "parse_us", p) for p in ("ours", "pydantic", "sdk_construct", "sdk_validate")],
    *[("parsing", "serialise_us", p) for p in ("ours", "pydantic", "sdk")],
    *[
        ("parsing", "ratios", r)
        for r in ("parse_ours_vs_pydantic", "parse_ours_vs_sdk_construct", "serialise_ours_vs_sdk")
    ],
    *[("cold_import", "ms", i) for i in ("ours", "sdk", "httpx", "ours_devenv", "sdk_devenv")],
    *[("cold_import", "ratios", r) for r in ("ours_vs_sdk", "ours_vs_httpx", "ours_devenv_vs_sdk_devenv")],
    ("sync_get", "server_cpu_us"),
    ("async_get", "server_cpu_us"),
    *[("burst", t, "wall_s", c) for t in ("sync", "async_httpx", "async_aiohttp") for c in ("ours", "sdk")],
    *[("burst", t, "ratio_ours_vs_sdk") for t in ("sync", "async_httpx", "async_aiohttp")],
    ("make", "s", "generate"),
    ("make", "s", "check"),
    *[("list_jobs", "per_job", c, unit) for c in ("ours", "sdk") for unit in ("cpu_us", "wall_us")],
    *[
        ("list_jobs", "memory", c, n, unit)
        for c in ("ours", "sdk")
        for n in ("200", "1000")
        for unit in ("peak_kib", "max_rss_kib")
    ],
    *[
        ("list_jobs", "ratios", r)
        for r in ("cpu_ours_vs_sdk", "wall_ours_vs_sdk", "peak_ours_vs_sdk", "peak_growth_ours", "peak_growth_sdk")
    ],
    ("list_jobs", "server_cpu_us"),
    *[("watch", r) for r in ("requests_ratio_ours_vs_sdk", "memory_late_vs_early_rounds")],
    *[("watch", c, "round_ms") for c in ("ours", "sdk")],
)
# The first test that asks for quick_run pays for it: `python -m bench --quick`, every section
# against real servers in subprocesses (about 10 s here; its own subprocess limit is 240 s).
QUICK_RUN = slow(300, "runs the whole bench with --quick in a subprocess (module fixture quick_run)")
SECTION_TITLES = (
    "1. One GET",
    "2. Async clients",
    "2b. A burst",
    "3. Parsing",
    "4. Cold import",
    "5. Tooling",
    "6. Listing",
    "7. Watching",
    "Targets",
)


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _figure(results: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = results
    for key in path:
        assert isinstance(value, dict) and key in value, f"missing figure {'.'.join(path)}"
        value = value[key]
    return value


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    out_dir = tmp_path_factory.mktemp("bench")
    before = _git_status()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "generated_client"), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out-dir", str(out_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _git_status() == before, "the bench changed the worktree"
    written = sorted(out_dir.glob("bench-quick-*.json"))
    assert len(written) == 1
    results: dict[str, Any] = json.loads(written[0].read_text())
    assert json.loads((out_dir / "latest.json").read_text()) == results
    return done.stdout, results


@QUICK_RUN
def test_quick_run_reports_every_figure(quick_run: tuple[str, dict[str, Any]]) -> None:
    _, results = quick_run
    for path in FIGURES:
        value = _figure(results, path)
        assert isinstance(value, float) and math.isfinite(value) and value > 0, f"{'.'.join(path)} = {value!r}"


@QUICK_RUN
def test_quick_run_prints_the_table_with_the_targets_of_the_json(quick_run: tuple[str, dict[str, Any]]) -> None:
    table, results = quick_run
    for title in SECTION_TITLES:
        assert title in table
    assert len(results["targets"]) == len(TARGETS)
    for target in results["targets"]:
        assert isinstance(target["pass"], bool)
        verdict = "PASS" if target["pass"] else "MISS"
        figure = f"{target['ratio']:.2f}x" if target["unit"] == "x" else f"{target['ratio']:g}{target['unit']}"
        assert f"{verdict}  {target['name']}: {figure}" in table
    watch = results["watch"]
    assert watch["jobs"] == 1000 and watch["sdk"]["requests_per_round"] == 1000
    assert len(watch["ours"]["requests_per_round"]) == watch["rounds"]


def test_targets_pass_within_the_limit_and_miss_beyond_it() -> None:
    def results(sync: float, url: float, sdk: float, from_dict: float, rps: float) -> dict[str, Any]:
        ratios = {"cpu_ours_vs_httpx": sync, "cpu_ours_vs_httpx_url": url, "cpu_ours_vs_sdk": sdk}
        return {
            "sync_get": {"payloads": {p: {"ratios": ratios} for p in PAYLOADS}},
            "parsing": {"ratios": {"from_dict_ours_vs_pydantic_current": from_dict}},
            "async_get": {
                "c64": {
                    "ratios": {"rps_ours_vs_sdk": rps, "rps_ours_httpx_vs_sdk": rps, "rps_ours_httpx_vs_sdk_httpx": rps}
                }
            },
        }

    at_the_limits = evaluate_targets(results(0.95, 1.10, 0.60, 1.0, 1.0))
    given = ("sync_get", "parsing", "async_get")  # no cold import, listing or watching figures
    assert len(at_the_limits) == len([t for t in TARGETS if t.path[0] in given])
    assert all(v["pass"] for v in at_the_limits)
    beyond = {v["name"]: v["pass"] for v in evaluate_targets(results(0.96, 1.11, 0.61, 1.01, 0.99))}
    assert not any(beyond.values())
    assert "sync GET, CPU per call, the reference page's example: ours / raw httpx client.get(path)" in beyond
    assert "async req/s at c=64, ours on httpx's transport / official SDK" in beyond
    assert "async req/s at c=64, ours on httpx's transport / official SDK on httpx's transport" in beyond


def test_watch_targets_pass_within_the_limit_and_miss_beyond_it() -> None:
    def verdicts(requests: int, memory: float) -> dict[str, bool]:
        results = {"watch": {"requests_per_round_max": requests, "memory_late_vs_early_rounds": memory}}
        return {v["name"]: v["pass"] for v in evaluate_targets(results)}

    assert verdicts(5, 1.1) == {
        "watching 1,000 jobs: requests per poll round": True,
        "watching 1,000 jobs: memory, later rounds / earlier": True,
    }
    assert set(verdicts(6, 1.11).values()) == {False}


def test_bench_serves_a_job_of_todays_api_that_the_client_reads_whole() -> None:
    job = ReinforcementFineTuningJob.from_dict(json.loads(job_body()))
    assert job.job_progress and job.accelerator_seconds and job.loss_config  # fields new in spec 0.2.0
    assert job.additional_properties == {}  # nothing the client does not know


def test_bench_server_answers_job_paths_only_and_stops() -> None:
    with running_server() as base_url:
        with httpx.Client(base_url=base_url) as client:
            auth = {"Authorization": f"Bearer {TOKEN}"}
            ok = client.get(JOB_PATH, headers=auth, params={"readMask": "name"})
            assert (ok.status_code, ok.content) == (200, job_body())
            reference = client.get(job_path(REFERENCE), headers=auth)
            assert (reference.status_code, reference.content) == (200, job_body(REFERENCE))
            assert job_body(REFERENCE) != job_body()
            assert client.get(JOB_PATH, headers=auth).status_code == 200  # same connection, kept alive
            assert client.get(JOB_PATH).status_code == 401
            assert client.get("/v1/accounts/a/datasets/b", headers=auth).status_code == 404
            assert client.post(JOB_PATH, headers=auth).status_code == 404
            served, cpu_seconds = server_stats(base_url)
            assert served == 3  # the job requests answered with 200, nothing else
            assert cpu_seconds > 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url + JOB_PATH, timeout=2)


def test_bench_server_lists_every_job_in_pages_with_the_token_chain() -> None:
    account = list_account(450)
    names: list[str] = []
    with running_server() as base_url, httpx.Client(base_url=base_url) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        path = f"/v1/accounts/{account}/reinforcementFineTuningJobs"
        assert client.get(path).status_code == 401
        token = ""
        for _ in range(5):
            page = client.get(path, headers=auth, params={"pageSize": 200, "pageToken": token}).json()
            names += [job["name"] for job in page["reinforcementFineTuningJobs"]]
            assert page["totalSize"] == 450
            token = page["nextPageToken"]
            if not token:
                break
    assert names == [f"accounts/{account}/reinforcementFineTuningJobs/job-{i}" for i in range(450)]


def test_listing_refuses_a_listing_that_misses_jobs() -> None:
    class Job:
        name = f"accounts/{list_account(3)}/reinforcementFineTuningJobs/job-1"

    with pytest.raises(RuntimeError, match="listed 2 jobs"):
        _walk(iter([Job(), Job()]), 3)


def test_a_client_that_gets_the_wrong_job_stops_the_bench() -> None:
    expected = ("accounts/a/reinforcementFineTuningJobs/j", "base", "JOB_STATE_RUNNING")
    _check("ours", expected, expected)
    with pytest.raises(RuntimeError, match="ours: the GET returned"):
        _check("ours", ("other", "base", "JOB_STATE_RUNNING"), expected)


def test_bench_results_are_git_ignored() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "bench/results/latest.json"], cwd=ROOT)
    assert ignored.returncode == 0


@slow(60, "times every stage of a GET against the bench server (a subprocess), one short round")
def test_bench_profile_prints_every_stage_for_ours_and_raw() -> None:
    with running_server() as base_url:
        table = stages.report(base_url, rounds=1, fast=20, slow=5)
    rows = {line[:51].strip(): line[51:].split() for line in table.splitlines()[1:10]}
    assert list(rows) == [
        "endpoint _get_kwargs",
        "URL merged with base_url (ours: the cached one)",
        "httpx build_request, the rest (absolute URL)",
        "send_request around httpx (retries, timeout)",
        "httpx send (pool, h11, socket, body read)",
        "JSON decode",
        "_parse_response around it (status, types)",
        "from_dict",
        "sum of the stages",
    ]
    for name in ("URL merged with base_url (ours: the cached one)", "httpx send (pool, h11, socket, body read)"):
        raw, ours, _ = rows[name]
        assert float(raw) > 0 and float(ours) > 0, name
    assert rows["from_dict"][0] == "-" and float(rows["from_dict"][1]) > 0  # raw httpx builds no model
    assert "a whole call, measured" in table
