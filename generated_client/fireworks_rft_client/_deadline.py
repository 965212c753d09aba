"""Deadlines: one attempt of a call, or a whole wait, ends by its time, however the server trickles.

httpx's timeouts bound each connect, read, write and wait for a connection; a server (or proxy)
that sends a byte just before each read timeout keeps a call alive for as long as it likes.
So the client gives every attempt a deadline (``_settings.attempt_seconds`` of its timeout
from now), and the waiter a deadline for a whole wait; the nearer one counts.

- async: the attempt runs under ``asyncio.timeout`` (``anyio.fail_after`` off asyncio), which
  cancels it at the deadline on any transport (httpx's own, aiohttp's, the caller's client);
- sync: a blocking socket read cannot be cancelled, so ``install`` puts a thin network backend
  under the httpcore pools of the client, whose streams clamp each connect, read and write
  timeout to what is left before the deadline (kept in a context variable, which holds it for
  the calling thread alone). Outside a call of this client (no deadline set) the streams do
  exactly what httpcore's own do. httpcore keeps the backend in ``_network_backend``, a private
  attribute: ``install`` checks for it, and tests/test_deadlines.py shows it in use.
"""

import contextvars
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

__all__ = ["DEADLINE", "cancel_at", "install", "nearest", "remaining", "within"]

#: The monotonic time by which the current attempt (or wait) must end; None: no deadline.
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("fireworks_rft_deadline", default=None)


def remaining() -> float | None:
    """Seconds left before the deadline (<= 0 when past it); None without one."""
    deadline = DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def nearest(seconds: float | None) -> float | None:
    """The deadline ``seconds`` from now, or the current one when it comes first."""
    outer = DEADLINE.get()
    if seconds is None:
        return outer
    own = time.monotonic() + seconds
    return own if outer is None or own < outer else outer


@contextmanager
def within(seconds: float | None) -> Iterator[None]:
    """Every attempt of the client inside the block ends within ``seconds`` from now (the
    waiter's deadline around one poll, its retries included); None: no deadline of its own."""
    token = DEADLINE.set(nearest(seconds))
    try:
        yield
    finally:
        DEADLINE.reset(token)


def cancel_at(deadline: float) -> Any:
    """An ``async with`` block cancelled at ``deadline`` (monotonic seconds), raising TimeoutError:
    ``asyncio.timeout`` (no generator around it: this runs on every async call), or anyio's
    scope off asyncio (trio)."""
    import asyncio  # noqa: PLC0415 - loaded already on any async call; not at the package's import

    delay = max(deadline - time.monotonic(), 0.0)
    try:
        asyncio.current_task()
    except RuntimeError:
        return _AnyioDeadline(delay)
    return asyncio.timeout(delay)


class _AnyioDeadline:
    def __init__(self, delay: float) -> None:
        import anyio  # noqa: PLC0415 - off asyncio only

        self._scope = anyio.fail_after(delay)

    async def __aenter__(self) -> None:
        self._scope.__enter__()

    async def __aexit__(self, *exc_info: Any) -> bool | None:
        return self._scope.__exit__(*exc_info)


def _clamp(timeout: float | None, error: str) -> float | None:
    """``timeout``, cut to what is left before the deadline; httpcore's ``error`` (a class name)
    when nothing is left."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        import httpcore  # noqa: PLC0415 - loaded by then (its pool calls this); not at the package's import

        raise getattr(httpcore, error)("the attempt reached its deadline (its timeout as a whole)")
    return left if timeout is None or left < timeout else timeout


class _Stream:
    """httpcore's sync stream with each timeout cut to the deadline (duck-typed: httpcore < 0.17
    does not export its base class)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._stream.read(max_bytes, _clamp(timeout, "ReadTimeout"))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, "WriteTimeout"))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> "_Stream":
        timeout = _clamp(timeout, "ConnectTimeout")
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend:
    """httpcore's sync backend whose streams keep to the deadline."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **kwargs: Any) -> "_Stream":
        timeout = _clamp(timeout, "ConnectTimeout")
        return _Stream(self._backend.connect_tcp(host, port, timeout=timeout, **kwargs))

    def connect_unix_socket(self, path: str, timeout: float | None = None, **kwargs: Any) -> "_Stream":
        timeout = _clamp(timeout, "ConnectTimeout")
        return _Stream(self._backend.connect_unix_socket(path, timeout=timeout, **kwargs))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def install(client: httpx.Client) -> bool:
    """Put the deadline backend under every httpcore pool of ``client``; False if none was found
    (a transport not built on httpcore: there the parts of the timeout still apply)."""
    transports = [client._transport, *client._mounts.values()]  # httpx keeps its routes there
    installed = False
    for transport in transports:
        pool: Any = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _Backend):
            installed = True
        elif backend is not None and hasattr(backend, "connect_tcp"):
            pool._network_backend = _Backend(backend)
            installed = True
    return installed
