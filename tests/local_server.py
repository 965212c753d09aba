"""A real HTTP server on 127.0.0.1 (free port, own thread) that plays a script of answers.

Each request takes the next step of the script (the last step repeats): answer with a status,
body and headers; drop the connection without answering; or stall (answer nothing) until the
server stops. Every request's raw path, headers and body are recorded; a body is read as its
framing says (Content-Length or chunked), so a keep-alive connection stays in step. The test
stops the server through its handle (the ``with`` block); stalled handlers are released first.
"""

import json
import ssl
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from attrs import define, field


@define(frozen=True)
class Answer:
    status: int = 200
    body: bytes | str | Mapping[str, Any] | list[Any] = b"{}"
    headers: Mapping[str, str] = field(factory=dict)
    delay: float = 0.0  # seconds before answering (requests of a burst overlap)

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@define(frozen=True)
class Drop:
    """Close the connection without sending a byte."""


@define(frozen=True)
class Stall:
    """Send nothing until the server stops (the client's read timeout fires first)."""


@define(frozen=True)
class Trickle:
    """Send the status line and headers of a 200, then one byte of body every ``every`` seconds
    (or, ``in_headers``, one byte of the header block at a time), until the server stops: each
    read of the client gets something before its timeout, so only a deadline on the whole ends it."""

    every: float = 0.2
    in_headers: bool = False


Step = Answer | Drop | Stall | Trickle


@define
class Recorded:
    path: str
    headers: dict[str, str]
    body: bytes = b""


@define
class LocalServer:
    url: str
    requests: list[Recorded]

    @property
    def paths(self) -> list[str]:
        return [request.path for request in self.requests]


@contextmanager
def local_server(script: Sequence[Step] = (Answer(),), *, tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    """``tls``: serve HTTPS with this server-side context (the URL then starts with https)."""
    steps = list(script)
    assert steps, "a script needs at least one step"
    lock = threading.Lock()
    stop = threading.Event()
    recorded: list[Recorded] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def read_body(self) -> bytes:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()  # the CRLF after the chunk
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers, then the last CRLF
                    pass
                return b"".join(chunks)
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self) -> None:
            body = self.read_body()
            with lock:
                recorded.append(Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                step = steps.pop(0) if len(steps) > 1 else steps[0]
            if isinstance(step, Trickle):
                self.trickle(step)
                return
            if isinstance(step, Stall):
                stop.wait(30)
            if isinstance(step, (Stall, Drop)):
                self.close_connection = True
                return
            if step.delay:
                stop.wait(step.delay)
            payload = step.payload()
            self.send_response(step.status)
            for name, value in step.headers.items():
                self.send_header(name, value)
            if not any(name.lower() == "content-type" for name in step.headers):
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_DELETE = do_GET

        def trickle(self, step: Trickle) -> None:
            self.close_connection = True
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n"
            if step.in_headers:
                data, head = head + b"X-Slow: " + b"a" * 100000, b""
            else:
                self.wfile.write(head + b"\r\n")
                data = b" " * 100000
            try:
                for byte in data:
                    if stop.wait(step.every):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except OSError:  # the client gave up, as it should
                return

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a client that hung up on a stalled answer is expected here

    server = Server(("127.0.0.1", 0), Handler)
    if tls is not None:
        # The handshake runs in the handler's thread: a client that refuses the certificate
        # fails there, and the server goes on serving.
        server.socket = tls.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        scheme = "https" if tls is not None else "http"
        yield LocalServer(url=f"{scheme}://127.0.0.1:{server.server_address[1]}", requests=recorded)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
