"""A small, fast HTTP/1.1 server for the benchmarks, run in its own process on 127.0.0.1.

It answers `GET /v1/accounts/{account}/reinforcementFineTuningJobs/{job}` carrying a Bearer token
with a job example of bench/payload.py (200: the reference page's for its job id, today's job
for any other); `GET /v1/accounts/bench-list-{total}/reinforcementFineTuningJobs` with the page
its `pageToken` asks for, of a list of `total` jobs (bench/payload.py page_body); `GET /_stats`
with its own request count and CPU seconds (to show it is not the bottleneck); anything else
with a JSON 404 or 401. Connections stay open (keep-alive). The answers are prepared once, so
the server costs little next to the clients.

`python -m bench.server [--delay-ms N]` prints the port it listens on, then serves until it is
terminated, answering each job request N ms after it came (default at once);
`running_server()` starts it in a child process and stops it by PID.
"""

import asyncio
import json
import os
import re
import select
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from bench.payload import JOB_IDS, REFERENCE, ROOT, job_body, page_body

_JOB_TARGET = re.compile(rb"GET /v1/accounts/[^/?\s]+/reinforcementFineTuningJobs/([^/?\s]+)(\?\S*)? HTTP/1\.1")
_LIST_TARGET = re.compile(rb"GET /v1/accounts/bench-list-(\d+)/reinforcementFineTuningJobs(\?\S*)? HTTP/1\.1")
_PAGE_TOKEN = re.compile(rb"[?&]pageToken=p(\d+)(?:&|$)")
_pages: dict[tuple[int, int], bytes] = {}  # (total, page number) -> the answer, built on first request


def _page(total: int, query: bytes) -> bytes:
    token = _PAGE_TOKEN.search(query)
    number = int(token.group(1)) if token else 0
    if (total, number) not in _pages:
        _pages[total, number] = _answer("200 OK", page_body(total, number))
    return _pages[total, number]


def _answer(status: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


def _write(transport: asyncio.Transport, data: bytes) -> None:
    if not transport.is_closing():
        transport.write(data)


class _JobProtocol(asyncio.Protocol):
    served = 0  # job requests answered, over all connections
    delay = 0.0  # seconds before each job answer (--delay-ms)
    ok = _answer("200 OK", job_body())
    ok_reference = _answer("200 OK", job_body(REFERENCE))
    reference_id = JOB_IDS[REFERENCE].encode()
    not_found = _answer("404 Not Found", b'{"code":5,"message":"not found"}')
    unauthenticated = _answer("401 Unauthorized", b'{"code":16,"message":"missing Bearer token"}')

    def __init__(self) -> None:
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        # Requests without a body (GET): each ends at the blank line after its headers.
        buffer = self._buffer + data
        transport = self._transport
        assert transport is not None
        while (end := buffer.find(b"\r\n\r\n")) >= 0:
            head, buffer = buffer[:end], buffer[end + 4 :]
            lowered = head.lower()
            if head.startswith(b"GET /_stats "):
                stats = {"requests": _JobProtocol.served, "cpu_s": time.process_time()}
                transport.write(_answer("200 OK", json.dumps(stats).encode()))
            elif (listing := _LIST_TARGET.match(head)) is None and (match := _JOB_TARGET.match(head)) is None:
                transport.write(self.not_found)
            elif b"\r\nauthorization: bearer " not in lowered:
                transport.write(self.unauthenticated)
            else:
                _JobProtocol.served += 1
                if listing is not None:
                    answer = _page(int(listing.group(1)), listing.group(2) or b"")
                else:
                    assert match is not None  # neither a list nor a job: answered 404 above
                    answer = self.ok_reference if match.group(1) == self.reference_id else self.ok
                if _JobProtocol.delay:  # a server that takes its time (bench/burst.py): 20 ms per answer
                    asyncio.get_running_loop().call_later(_JobProtocol.delay, _write, transport, answer)
                else:
                    transport.write(answer)
            if b"\r\nconnection: close" in lowered:
                transport.close()
                return
        self._buffer = buffer


async def _serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_JobProtocol, host="127.0.0.1", port=0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    await server.serve_forever()


def server_stats(base_url: str) -> tuple[int, float]:
    """(job requests served so far, CPU seconds the server process has used)."""
    stats = json.loads(urllib.request.urlopen(f"{base_url}/_stats", timeout=5).read())  # noqa: S310 - loopback
    return int(stats["requests"]), float(stats["cpu_s"])


@contextmanager
def running_server(delay_ms: int = 0) -> Iterator[str]:
    """Start the server in a child process (answering jobs after ``delay_ms``); yield its base
    URL; stop it by PID."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.server", *(["--delay-ms", str(delay_ms)] if delay_ms else [])],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 15)
        line = process.stdout.readline().strip() if ready else b"(nothing within 15 s)"
        if not line.isdigit():
            raise RuntimeError(f"bench server (pid {process.pid}) did not start: {line!r}")
        yield f"http://127.0.0.1:{int(line)}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--delay-ms"]:
        _JobProtocol.delay = int(sys.argv[2]) / 1000
    asyncio.run(_serve())
