"""An async client across event loops: a new pool on each new loop.

An httpx (or aiohttp) async client's connections belong to the event loop they were opened
on; used from the next ``asyncio.run()`` they fail with a bare ``RuntimeError: Event loop is
closed``. Scripts, notebooks and test suites do exactly that with one client, so the client
notes the loop its async pool runs on and, on another loop, drops that pool and makes a new
one. The old loop's sockets are closed without awaiting (that loop cannot run any more); what
cannot be moved raises ``errors.EventLoopError``:

- the old loop still running (a client shared by two threads' loops at once): one client per
  loop then;
- your own ``async_httpx_client=``: it is yours to make anew, so its failure on a new loop
  becomes that error instead of httpx's bare RuntimeError.
"""

import contextlib
import sys
from typing import TYPE_CHECKING, Any

import httpx

from . import errors

if TYPE_CHECKING:  # asyncio loads only on the async path: not at the package's import
    import asyncio

__all__ = ["close_if_stranded", "move", "running_loop", "runtime_error"]


def running_loop() -> "asyncio.AbstractEventLoop | None":
    """The running asyncio loop; None off asyncio (trio: nothing to move there)."""
    module: Any = sys.modules.get("asyncio")  # not loaded: no loop can be running
    if module is None:
        return None
    try:
        loop: asyncio.AbstractEventLoop = module.get_running_loop()
    except RuntimeError:
        return None
    return loop


def close_if_stranded(pool: Any) -> bool:
    """At aclose(): True when the async client's loop has stopped and its sockets were closed here."""
    client, old_loop = pool.async_, pool.async_loop
    if client is None or old_loop is None or old_loop is running_loop() or old_loop.is_running():
        return False
    _close_quietly(client)
    return True


def move(pool: Any, loop: "asyncio.AbstractEventLoop") -> None:
    """Make ``pool`` (client._Pool) ready for ``loop``: its async client is dropped when it
    belongs to another loop that has stopped."""
    old_loop = pool.async_loop
    pool.async_loop = loop
    client = pool.async_
    if old_loop is None or client is None or pool.async_is_callers or client.is_closed:
        return  # first use on a loop; or nothing of ours to move (a closed client stays closed)
    if old_loop.is_running():
        pool.async_loop = old_loop
        raise errors.EventLoopError(
            "this async client is in use on another event loop that is still running: "
            "make one AuthenticatedClient per event loop (per thread running a loop)"
        )
    pool.async_ = None
    _close_quietly(client)


def _close_quietly(client: httpx.AsyncClient) -> None:
    """Close the sockets of an async client whose loop has stopped, without awaiting anything."""
    transports = [client._transport, *client._mounts.values()]
    for transport in transports:
        with contextlib.suppress(Exception):
            _close_transport(transport)


def _close_transport(transport: Any) -> None:
    pool: Any = getattr(transport, "_pool", None)  # httpx's own: httpcore's AsyncConnectionPool
    for connection in list(getattr(pool, "_connections", [])):
        with contextlib.suppress(Exception):  # httpcore -> anyio -> asyncio's transport
            _drop(connection._connection._network_stream._stream._transport)
    if pool is not None:
        with contextlib.suppress(Exception):
            pool._connections = []
    session: Any = getattr(transport, "client", None)  # httpx-aiohttp: an aiohttp.ClientSession
    connector: Any = getattr(session, "_connector", None)
    if connector is not None:
        for held in list(getattr(connector, "_conns", {}).values()):
            for protocol, _ in held:
                with contextlib.suppress(Exception):
                    _drop(protocol.transport)
        with contextlib.suppress(Exception):
            connector._conns.clear()
            connector._closed = True
        with contextlib.suppress(Exception):
            session._connector = None  # closed: aiohttp's __del__ then has nothing to warn of


def _drop(transport: Any) -> None:
    """Close an asyncio transport's socket without its (closed) loop, which close() would need."""
    sock = transport._sock
    transport._sock = None  # asyncio's __del__ warns of an unclosed transport while it has one
    sock.close()


def runtime_error(client: httpx.AsyncClient, exc: RuntimeError, is_callers: bool) -> errors.EventLoopError | None:
    """The typed error for httpx's "Event loop is closed" on a caller's own async client."""
    if client.is_closed or "loop" not in str(exc).lower():
        return None
    error = errors.EventLoopError(
        "the async httpx client was used on an event loop other than the one it ran on "
        f"({exc}): {'make your async_httpx_client= anew in each event loop' if is_callers else 'make the client anew'}"
    )
    error.__cause__ = exc
    return error
