"""One sync GET cut into its stages, for our client and raw httpx (`make bench-profile`, part 0).

Each stage runs alone in a batch, timed in CPU (time.process_time), median of rounds in which
every stage takes its turn; sending goes to the bench server over a real socket. A stage a
client does not have shows "-". The two rows at the bottom set the stages' sum beside a whole
call, measured the same way: a whole call costs more than its parts, as httpx's work evicts
the model code from the CPU caches.

Stages, in the order a call runs them:
- endpoint _get_kwargs: the request's method, URL and query, from the arguments (ours only);
- URL merged with base_url: httpx parses a relative URL and merges it with the client's base URL
  inside build_request, on every call; ours finds the merged URL in its cache (_absolute_urls);
- httpx build_request, the rest: headers, cookies, the Request, given an absolute URL;
- send_request around httpx: our retry loop, the attempt's deadline and the in-flight gate,
  closed-client and error handling, measured with httpx's build_request and send replaced by
  ones that hand back a prepared request and response;
- httpx send: connection pool, h11, the socket, the body read;
- JSON decode: json.loads of the body (response.json() in ours does the same);
- _parse_response around them: the status check and the type check of the decoded body;
- from_dict: the typed model (ours only).
"""

import json
from collections.abc import Callable
from typing import Any

import httpx

from bench.payload import ACCOUNT_ID, JOB_ID, JOB_PATH, TOKEN, job_body
from bench.timing import median, time_batch
from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client._absolute_urls import merge_url
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.models import ReinforcementFineTuningJob


class _Prepared(httpx.Client):
    """An httpx client that builds one prepared request and sends back one prepared response, so
    that timing send_request leaves only its own cost (build_request and send are stages of their own)."""

    def __init__(self, base_url: str, request: httpx.Request, response: httpx.Response) -> None:
        super().__init__(base_url=base_url)
        self._request, self._response = request, response

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        return self._request

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:
        return self._response

    def send(self, *args: Any, **kwargs: Any) -> httpx.Response:
        return self._response


def _time_all(calls: dict[str, tuple[Callable[[], object], int]], rounds: int) -> dict[str, float]:
    """CPU us per call of each, median of ``rounds`` batches; the calls take turns in every round,
    so load from elsewhere on the machine hits them alike."""
    for call, batch in calls.values():
        time_batch(call, batch)
    cpu: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, (call, batch) in calls.items():
            cpu[name].append(time_batch(call, batch).cpu * 1e6)
    return {name: median(values) for name, values in cpu.items()}


def _measure(base_url: str, rounds: int, fast: int, slow: int) -> dict[str, float]:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ours = AuthenticatedClient(base_url=base_url, token=TOKEN)
    raw = httpx.Client(base_url=base_url, headers=auth)
    # send_request with the network taken out: the pool's httpx client answers at once.
    prepared = AuthenticatedClient(base_url=base_url, token=TOKEN)
    try:
        ours_httpx = ours.get_httpx_client()
        kwargs = get_job._get_kwargs(ACCOUNT_ID, JOB_ID)
        urls = ours._pool.sync_urls
        absolute = urls.absolute(ours_httpx, kwargs["url"])
        ours_request = ours_httpx.build_request("GET", absolute)
        raw_request = raw.build_request("GET", JOB_PATH)
        response = ours_httpx.send(ours_request)
        body = job_body()
        data = json.loads(body)
        prepared._pool.sync = _Prepared(base_url, ours_request, response)
        t = _time_all(
            {
                "get_kwargs": (lambda: get_job._get_kwargs(ACCOUNT_ID, JOB_ID), fast),
                "merge_raw": (lambda: merge_url(raw.base_url, JOB_PATH), fast),
                "merge_ours": (lambda: urls.absolute(ours_httpx, JOB_PATH), fast),
                "build_raw": (lambda: raw.build_request("GET", absolute), fast),
                "build_ours": (lambda: ours_httpx.build_request("GET", absolute), fast),
                "send_request": (lambda: prepared.send_request(dict(kwargs)), fast),
                "send_raw": (lambda: raw.send(raw_request), slow),
                "send_ours": (lambda: ours_httpx.send(ours_request), slow),
                "json": (lambda: json.loads(body), fast),
                "parse_response": (lambda: get_job._parse_response(response=response), fast),
                "from_dict": (lambda: ReinforcementFineTuningJob.from_dict(data), fast),
                "whole_raw": (lambda: json.loads(raw.get(JOB_PATH).content), slow),
                "whole_ours": (lambda: get_job.sync(ACCOUNT_ID, JOB_ID, client=ours), slow),
            },
            rounds,
        )
    finally:
        ours.close()
        raw.close()
        prepared.close()
    return t


def report(base_url: str, rounds: int = 9, fast: int = 2000, slow: int = 200) -> str:
    """The per-stage table, in microseconds of CPU per call; ``fast`` and ``slow`` are the calls
    per batch of the in-process stages and of those over the socket."""
    t = _measure(base_url, rounds, fast, slow)
    rows: list[tuple[str, float | None, float | None]] = [
        ("endpoint _get_kwargs", None, t["get_kwargs"]),
        ("URL merged with base_url (ours: the cached one)", t["merge_raw"], t["merge_ours"]),
        ("httpx build_request, the rest (absolute URL)", t["build_raw"], t["build_ours"]),
        # send_request looks the URL up too: counted in the row above.
        ("send_request around httpx (retries, timeout)", None, t["send_request"] - t["merge_ours"]),
        ("httpx send (pool, h11, socket, body read)", t["send_raw"], t["send_ours"]),
        ("JSON decode", t["json"], t["json"]),
        ("_parse_response around it (status, types)", None, t["parse_response"] - t["json"] - t["from_dict"]),
        ("from_dict", None, t["from_dict"]),
    ]

    def cell(value: float | None) -> str:
        return f"{value:9.1f}" if value is not None else f"{'-':>9}"

    lines = [f"   {'stage':48} {'raw httpx':>9} {'ours':>9} {'diff':>9}"]
    for name, r, o in rows:
        lines.append(f"   {name:48} {cell(r)} {cell(o)} {(o or 0.0) - (r or 0.0):+9.1f}")
    sum_raw, sum_ours = sum(r or 0.0 for _, r, _ in rows), sum(o or 0.0 for _, _, o in rows)
    whole_raw, whole_ours = t["whole_raw"], t["whole_ours"]
    lines.append(f"   {'sum of the stages':48} {cell(sum_raw)} {cell(sum_ours)} {sum_ours - sum_raw:+9.1f}")
    lines.append(
        f"   {'a whole call, measured':48} {cell(whole_raw)} {cell(whole_ours)} {whole_ours - whole_raw:+9.1f}"
    )
    lines.append(
        f"   (raw httpx: client.get(path) + json.loads; whole call, ours / raw: {whole_ours / whole_raw:.2f}x)"
    )
    return "\n".join(lines) + "\n"
