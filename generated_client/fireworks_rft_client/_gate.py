"""At most as many requests in flight as the pool has connections; the rest wait here, in order.

httpcore's pool hands connections to queued requests by walking every queued request for
every connection, each time one finishes: a burst of hundreds of calls on one client spends
more time in that walk than on the network (a burst of 1,000 calls the official SDK serves in
about 2 s took 20 to 36 s). Waiting in a semaphore sized like the pool costs nothing of the
sort, so the pool only ever sees as many requests as it has connections. ``make bench``
(bench/burst.py) measures it.

The sync side is one semaphore (a queue of places) of the pool's connections. The async one is an
``asyncio.Semaphore`` made for each event loop the client runs on (a semaphore belongs to one
loop); off asyncio (trio) there is no async gate and httpcore's pool queues as before. On
httpx's own async transport it admits as many requests as the pool keeps connections alive
(``max_keepalive_connections``, 20 by default): a request beyond those opens a connection that
is closed as soon as it is done, and with 100 in flight the burst of bench/burst.py took 5 s
instead of 1.5 s. On aiohttp (which keeps every connection) and on the sync pool the bound is
``max_connections``; those sizes are read from the transport the client runs on.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # asyncio and queue load on the path that needs them: not at the package's import
    import asyncio
    import queue

__all__ = ["Gate", "pool_size"]

# httpx's default httpx.Limits: (max_connections, max_keepalive_connections).
_HTTPX_DEFAULT = (100, 20)


def pool_size(client: Any, *, keepalive: bool) -> int | None:
    """How many requests the pool of an httpx client serves at once (None: no bound).

    Read from the transport: httpcore's pool (``_max_connections``, ``_max_keepalive_connections``)
    or httpx-aiohttp's ``limits``; httpx's defaults when neither is there (a mocked transport).
    ``keepalive``: the smaller of the two, for httpx's own async pool (see the module's doc).
    """
    transport = getattr(client, "_transport", None)
    pool = getattr(transport, "_pool", None)
    limits = getattr(transport, "limits", None)
    if pool is not None and hasattr(pool, "_max_connections"):
        sizes = (pool._max_connections, getattr(pool, "_max_keepalive_connections", None))
    elif limits is not None and hasattr(limits, "max_connections"):
        return limits.max_connections  # type: ignore[no-any-return]  # aiohttp keeps every connection
    else:
        sizes = _HTTPX_DEFAULT
    total, kept = sizes
    if not keepalive or kept is None:
        return total  # type: ignore[no-any-return]
    return kept if total is None else min(total, kept)  # type: ignore[no-any-return]


class Gate:
    """The semaphores of one pool, each sized once, by ``size_sync`` / ``size_async``, from the
    transport its side runs on (None: no bound)."""

    def __init__(self) -> None:
        self.limit: int | None = None
        self.async_limit: int | None = None
        self.sync_sized = self.async_sized = False
        # A semaphore as a queue of places: SimpleQueue is C code, threading.Semaphore is Python
        # (a Condition around a Lock) and cost ~5 us per call in a sync GET.
        self._sync: queue.SimpleQueue[None] | None = None
        self._empty: type[Exception] = Exception  # queue.Empty, once a sync side is sized
        self._async: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def size_sync(self, limit: int | None) -> None:
        import queue  # noqa: PLC0415

        self.limit, self.sync_sized, self._empty = limit, True, queue.Empty
        places: queue.SimpleQueue[None] | None = queue.SimpleQueue() if limit else None
        for _ in range(limit or 0):
            places.put(None)  # type: ignore[union-attr]
        self._sync = places

    def size_async(self, limit: int | None) -> None:
        self.async_limit, self.async_sized = limit, True

    def enter(self, timeout: float | None) -> bool:
        """Take a place (sync); False when none came free within ``timeout`` seconds."""
        if self._sync is None:
            return True
        try:
            if timeout is not None and timeout <= 0:
                self._sync.get(block=False)
            else:
                self._sync.get(timeout=timeout)
        except self._empty:
            return False
        return True

    def leave(self) -> None:
        if self._sync is not None:
            self._sync.put(None)

    def async_semaphore(self) -> "asyncio.Semaphore | None":
        """The semaphore of the running asyncio loop (None without a limit or off asyncio)."""
        if not self.async_limit:
            return None
        import asyncio  # noqa: PLC0415 - loaded already on any async call

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # trio
            return None
        if loop is not self._loop or self._async is None:
            self._async, self._loop = asyncio.Semaphore(self.async_limit), loop
        return self._async
