"""A local HTTP server that plays a fleet of jobs, each walking through a script, for the watcher and the CLI.

It serves the whole resource as the API does (Get, List with ``filter``/``orderBy``/``pageSize``/
``pageToken``/``readMask``, Create, ``:cancel``, ``:resume``, Delete) for the jobs it holds. Each
job has a script of steps (dicts of job fields, such as ``{"state": "JOB_STATE_RUNNING",
"jobProgress": {"percent": 40}}``); every read of the job, by Get or in a List page, takes its
next step (the last one repeats). A step ``{"gone": True}`` makes the job vanish (404, left out
of List). ``fail_next`` answers the next requests with an error status first (say 429 with
``Retry-After``). Filters understand what watches and tests send: ``field="value"`` clauses
(``name``, ``state``, ``displayName``) joined by ``OR`` or ``AND``, and ``field!="value"``;
anything else answers 400, as a server would for a field it does not filter on.

It listens on 127.0.0.1 on a free port, in a thread of this process (``job_fleet_server``),
or, as ``python -m tools.job_fleet_server --demo`` (or ``--jobs N``), in its own process for a
terminal session or the bench: it prints its base URL and serves until it is stopped.
``GET /_stats`` answers how many requests it has served.
"""

import argparse
import json
import re
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from attrs import define, field

PREFIX = re.compile(
    r"^/v1/accounts/(?P<account>[^/]+)/reinforcementFineTuningJobs(?:/(?P<job>[^/:]+)(?::(?P<verb>\w+))?)?$"
)
_CLAUSE = re.compile(r'^\s*(?P<field>name|state|displayName)\s*(?P<op>!?=)\s*"(?P<value>(?:[^"\\]|\\.)*)"\s*$')
_FIELD_KEYS = {"name": "name", "state": "state", "displayName": "displayName"}


@define
class FleetJob:
    """One job of the fleet and its script."""

    account: str
    job_id: str
    steps: list[dict[str, Any]]
    base: dict[str, Any] = field(factory=dict)
    reads: int = 0
    current: dict[str, Any] = field(factory=dict)

    @property
    def name(self) -> str:
        return f"accounts/{self.account}/reinforcementFineTuningJobs/{self.job_id}"

    def peek(self) -> dict[str, Any]:
        """The job as its current step has it, without taking a step."""
        return {"name": self.name, **self.base, **self.current}

    def upcoming(self) -> dict[str, Any] | None:
        """The job as its next read will return it (None: gone), without taking the step."""
        step = self.steps[min(self.reads, len(self.steps) - 1)]
        return None if step.get("gone") else {**self.peek(), **step}

    def read(self) -> dict[str, Any] | None:
        """Take the next step; the job, or None when it is gone."""
        step = self.steps[min(self.reads, len(self.steps) - 1)]
        self.reads += 1
        if step.get("gone"):
            return None
        self.current = {**self.current, **step}
        return self.peek()

    def replace_script(self, steps: list[dict[str, Any]]) -> None:
        self.steps, self.reads = steps, 0


@define
class Fleet:
    """The running server: its base URL, its jobs, and the requests it has seen (method and target)."""

    base_url: str
    jobs: dict[str, FleetJob] = field(factory=dict)
    requests: list[tuple[str, str]] = field(factory=list)
    bodies: list[bytes] = field(factory=list)
    fail_next: list[tuple[int, dict[str, str]]] = field(factory=list)
    lock: threading.RLock = field(factory=threading.RLock)

    def add(self, account: str, job_id: str, steps: Sequence[Mapping[str, Any]], **base: Any) -> FleetJob:
        job = FleetJob(account, job_id, [dict(s) for s in steps] or [{}], base)
        with self.lock:
            self.jobs[job.name] = job
        return job

    def job(self, name_or_id: str) -> FleetJob:
        for job in self.jobs.values():
            if name_or_id in (job.name, job.job_id):
                return job
        raise KeyError(name_or_id)

    def count(self, method: str | None = None, path_part: str = "") -> int:
        return sum(1 for m, target in self.requests if (method is None or m == method) and path_part in target)


@contextmanager
def job_fleet_server() -> Iterator[Fleet]:
    """A fleet server on 127.0.0.1 (free port), empty until the test adds jobs; shut down afterwards."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    fleet = Fleet(base_url=f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.fleet = fleet  # type: ignore[attr-defined]  # read by _Handler
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fleet
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def running(percents: Sequence[int], *, epochs: int = 1, then: str = "JOB_STATE_COMPLETED") -> list[dict[str, Any]]:
    """A script: PENDING, then RUNNING through ``percents`` (epochs spread over them), then ``then``."""
    steps: list[dict[str, Any]] = [{"state": "JOB_STATE_PENDING"}]
    for i, percent in enumerate(percents):
        epoch = 1 + i * epochs // max(1, len(percents))
        steps.append({"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": percent, "epoch": epoch}})
    steps.append({"state": then, "completedTime": "2026-11-30T12:00:00Z"})
    return steps


def matches(job: Mapping[str, Any], expression: str) -> bool:
    """Whether ``job`` matches the filter; ValueError for what this server does not filter on."""
    if " OR " in expression and " AND " in expression:
        raise ValueError("mixing AND and OR needs parentheses")
    if " OR " in expression:
        return any(_clause(job, part) for part in expression.split(" OR "))
    return all(_clause(job, part) for part in expression.split(" AND "))


def _clause(job: Mapping[str, Any], text: str) -> bool:
    match = _CLAUSE.match(text)
    if match is None:
        raise ValueError(f"cannot filter on {text.strip()!r}")
    value = re.sub(r"\\(.)", r"\1", match["value"])
    equal = job.get(_FIELD_KEYS[match["field"]], "") == value
    return equal if match["op"] == "=" else not equal


def masked(job: Mapping[str, Any], mask: str | None) -> dict[str, Any]:
    """The job with only the fields of ``mask`` (``a`` or ``a.b`` paths)."""
    if not mask:
        return dict(job)
    out: dict[str, Any] = {}
    for path in mask.split(","):
        top, _, sub = path.strip().partition(".")
        if top not in job:
            continue
        if sub and isinstance(job[top], dict):
            if sub in job[top]:
                out.setdefault(top, {})[sub] = job[top][sub]
        else:
            out[top] = job[top]
    return out


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def _route(self, method: str) -> None:
        fleet: Fleet = self.server.fleet  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/_stats":  # for the bench: not a request of the API, not recorded
            self._answer(200, {"requests": len(fleet.requests)})
            return
        with fleet.lock:
            fleet.requests.append((method, self.path))
            fleet.bodies.append(body)
            if fleet.fail_next:
                status, headers = fleet.fail_next.pop(0)
                self._answer(status, _error(status, f"scripted HTTP {status}"), headers)
                return
            match = PREFIX.match(unquote(url.path))
            if match is None:
                self._answer(404, _error(404, f"no route for {url.path}"))
                return
            account, job_id, verb = match["account"], match["job"], match["verb"]
            if job_id is None:
                if method == "GET":
                    self._list(fleet, account, query)
                elif method == "POST":
                    self._create(fleet, account, query, body)
                else:
                    self._answer(405, _error(405, "method not allowed"))
                return
            name = f"accounts/{account}/reinforcementFineTuningJobs/{job_id}"
            job = fleet.jobs.get(name)
            if job is None:
                self._answer(404, _error(404, f"job {name} not found"))
                return
            if method == "GET" and verb is None:
                seen = job.read()
                if seen is None:
                    self._answer(404, _error(404, f"job {name} not found"))
                else:
                    self._answer(200, masked(seen, query.get("readMask")))
            elif method == "DELETE" and verb is None:
                job.replace_script([{"gone": True}])
                self._answer(200, {})
            elif method == "POST" and verb == "cancel":
                job.replace_script([{"state": "JOB_STATE_CANCELLED"}])
                self._answer(200, {})
            elif method == "POST" and verb == "resume":
                job.replace_script([{"state": "JOB_STATE_RUNNING"}])
                job.current["state"] = "JOB_STATE_RUNNING"
                self._answer(200, job.peek())
            else:
                self._answer(405, _error(405, "method not allowed"))

    def _list(self, fleet: Fleet, account: str, query: dict[str, str]) -> None:
        expression = query.get("filter")
        size = min(int(query.get("pageSize") or 50), 200)
        start = int(query.get("pageToken") or 0)
        candidates = sorted((j for j in fleet.jobs.values() if j.account == account), key=lambda j: j.job_id)
        try:
            # The filter sees each job as this read finds it; only the jobs of this page take their step.
            if expression is not None:
                matches({}, expression)  # a filter it does not understand is refused, jobs or not
            upcoming = [(j, j.upcoming()) for j in candidates]
            chosen = [
                j for j, seen in upcoming if seen is not None and (expression is None or matches(seen, expression))
            ]
        except ValueError as exc:
            self._answer(400, _error(400, f"invalid filter: {exc}"))
            return
        page = chosen[start : start + size]
        jobs = [seen for seen in (j.read() for j in page) if seen is not None]
        body: dict[str, Any] = {"totalSize": len(chosen)}
        if jobs:
            body["reinforcementFineTuningJobs"] = [masked(job, query.get("readMask")) for job in jobs]
        if start + size < len(chosen):
            body["nextPageToken"] = str(start + size)
        self._answer(200, body)

    def _create(self, fleet: Fleet, account: str, query: dict[str, str], body: bytes) -> None:
        fields = json.loads(body or b"{}")
        job_id = query.get("reinforcementFineTuningJobId") or f"job-{len(fleet.jobs) + 1}"
        if f"accounts/{account}/reinforcementFineTuningJobs/{job_id}" in fleet.jobs:
            self._answer(409, _error(409, f"job {job_id} already exists"))
            return
        job = fleet.add(account, job_id, [{"state": "JOB_STATE_PENDING"}], **fields)
        job.base["createTime"] = "2026-11-30T12:00:00Z"
        self._answer(200, job.read() or {})

    def do_GET(self) -> None:  # noqa: N802 (the names http.server calls)
        self._route("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._route("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._route("DELETE")

    def _answer(self, status: int, body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def _error(status: int, message: str) -> dict[str, Any]:
    codes = {400: 3, 404: 5, 409: 6, 429: 8, 503: 14}
    return {"code": codes.get(status, 2), "message": message, "details": []}


def demo_fleet(fleet: Fleet, account: str = "acme", *, steps: int = 40) -> None:
    """Three jobs for a terminal session: two that progress (one a little slower), one that fails."""
    created = "2026-11-30T10:00:00Z"
    hours = {"NVIDIA_H100_80GB": "14400"}
    slow = running(range(0, 101, 100 // steps), epochs=3)
    fleet.add(account, "math-grpo", slow, displayName="math, GRPO", createTime=created, acceleratorSeconds=hours)
    fleet.add(account, "code-dapo", running(range(0, 101, 200 // steps), epochs=2), displayName="code, DAPO",
              createTime=created)  # fmt: skip
    failing = running(range(0, 31, 10))
    failing[-1] = {
        "state": "JOB_STATE_FAILED",
        "status": {"code": "INTERNAL", "message": "evaluator crashed"},
        "completedTime": "2026-11-30T12:00:00Z",
    }
    fleet.add(account, "tool-use", failing, displayName="tool use", createTime=created)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.job_fleet_server", description=__doc__)
    parser.add_argument("--demo", action="store_true", help="serve the demo fleet (three jobs)")
    parser.add_argument("--jobs", type=int, default=0, help="serve this many RUNNING jobs that move at every read")
    args = parser.parse_args(argv)
    with job_fleet_server() as fleet:
        if args.demo:
            demo_fleet(fleet)
        for i in range(args.jobs):
            fleet.add("acme", f"job-{i:05d}", running(range(100))[1:-1], createTime="2026-11-30T10:00:00Z")
        print(fleet.base_url, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
