"""A recording HTTP proxy on 127.0.0.1 (free port, own thread): CONNECT tunnels and plain
forwarding, enough to tell whether a client went through it and to where.

Each request line it sees is recorded (``CONNECT 127.0.0.1:4431``, ``GET http://...``). The test
stops it through the ``with`` block.
"""

import http.client
import select
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from attrs import define


@define
class Proxy:
    url: str
    seen: list[str]


@contextmanager
def proxy_server() -> Iterator[Proxy]:
    seen: list[str] = []
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_CONNECT(self) -> None:
            seen.append(f"CONNECT {self.path}")
            host, port = self.path.rsplit(":", 1)
            with socket.create_connection((host, int(port)), timeout=10) as upstream:
                self.send_response(200, "Connection established")
                self.end_headers()
                self._tunnel(self.connection, upstream)
            self.close_connection = True

        def _tunnel(self, a: socket.socket, b: socket.socket) -> None:
            while not stop.is_set():
                readable, _, _ = select.select([a, b], [], [], 0.1)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (b if sock is a else a).sendall(data)

        def do_GET(self) -> None:
            seen.append(f"GET {self.path}")
            target = urlsplit(self.path)  # a forward proxy gets the absolute URL
            upstream = http.client.HTTPConnection(target.hostname or "", target.port or 80, timeout=10)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "connection")}
            path = target.path + (f"?{target.query}" if target.query else "")
            upstream.request("GET", path, headers=headers)
            answer = upstream.getresponse()
            body = answer.read()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            upstream.close()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # a client hanging up mid-tunnel

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Proxy(url=f"http://127.0.0.1:{server.server_address[1]}", seen=seen)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
