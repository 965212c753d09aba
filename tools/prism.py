"""Run a Prism mock server of the spec on 127.0.0.1, for the tests and the demo.

Prism is started directly from node_modules/.bin (an npx wrapper would outlive a kill), in its
own process group, and is stopped by that group's id when the context exits, even on error or
Ctrl-C.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "fireworks-rft.yaml"
PRISM = ROOT / "node_modules" / ".bin" / "prism"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def prism_server(spec: Path = SPEC, *, timeout: float = 30.0) -> Iterator[str]:
    """Yield the base URL of a Prism mock of ``spec``; stop it afterwards."""
    if not PRISM.exists():
        raise RuntimeError(f"{PRISM} is missing: run 'make setup' (npm ci) first")
    port = free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [str(PRISM), "mock", str(spec), "--host", "127.0.0.1", "--port", str(port), "--errors"],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(base_url, process, log, timeout)
        yield base_url
    finally:
        _stop(process)
        log.close()


def _wait_until_ready(base_url: str, process: "subprocess.Popen[bytes]", log: IO[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"Prism exited with {process.returncode}:\n{log.read().decode(errors='replace')}")
        try:
            httpx.get(base_url, timeout=0.5)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"Prism did not answer on {base_url} within {timeout} s")


def _stop(process: "subprocess.Popen[bytes]") -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
