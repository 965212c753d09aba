"""A local HTTP server that walks a job through a scripted list of answers, for the waiter.

Each GET of a job answers with the next step of the script (the last step repeats): a job in
some state, an error status, or a dropped connection. It listens on 127.0.0.1 on a free port,
in a thread of this process, and is shut down when the context exits. Used by the tests and by
``make demo``.
"""

import json
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from attrs import define, field

JOB_PATH = re.compile(r"^/v1/accounts/(?P<account>[^/?]+)/reinforcementFineTuningJobs/(?P<job>[^/?]+)(?:\?.*)?$")


@define(frozen=True)
class Step:
    """One answer of the script.

    ``state``: answer 200 with the job in this state. ``status``: answer with this error status
    and a gRPC-style error body instead. ``drop``: close the connection without an answer.
    ``headers`` are added to the answer; ``job`` fields are merged into the job body.
    """

    state: str | None = None
    status: int = 200
    headers: dict[str, str] = field(factory=dict)
    job: dict[str, Any] = field(factory=dict)
    drop: bool = False


@define
class Seen:
    """A request the server received."""

    method: str
    path: str
    authorization: str | None


@define
class JobScriptServer:
    """The running server: its base URL and the requests it has seen so far."""

    base_url: str
    script: Sequence[Step]
    requests: list[Seen] = field(factory=list)
    _lock: threading.Lock = field(factory=threading.Lock)

    def next_step(self, seen: Seen) -> Step:
        with self._lock:
            self.requests.append(seen)
            return self.script[min(len(self.requests), len(self.script)) - 1]


@contextmanager
def job_script_server(script: Sequence[Step]) -> Iterator[JobScriptServer]:
    """Serve ``script`` on 127.0.0.1 (free port); shut the server down afterwards."""
    if not script:
        raise ValueError("script must have at least one step")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    server = JobScriptServer(base_url=f"http://127.0.0.1:{port}", script=list(script))
    httpd.job_script = server  # type: ignore[attr-defined]  # read by _Handler
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall between them

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        server: JobScriptServer = self.server.job_script  # type: ignore[attr-defined]
        match = JOB_PATH.match(self.path)
        if match is None:
            self._answer(404, {"code": 5, "message": f"no route for {self.path}", "details": []}, {})
            return
        step = server.next_step(Seen(self.command, self.path, self.headers.get("Authorization")))
        if step.drop:
            self.close_connection = True
            return
        if step.status != 200:
            body: dict[str, Any] = {"code": 14, "message": f"scripted HTTP {step.status}", "details": []}
            self._answer(step.status, body, step.headers)
            return
        name = f"accounts/{match['account']}/reinforcementFineTuningJobs/{match['job']}"
        job: dict[str, Any] = {"name": name, "displayName": "scripted job"}
        if step.state is not None:
            job["state"] = step.state
        self._answer(200, {**job, **step.job}, step.headers)

    def _answer(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        pass  # keep test and demo output clean
