"""At most as many requests in flight as the pool has connections; the rest wait here, in order.

httpcore's pool hands connections to queued requests by walking every queued request for
every connection, each time one finishes: a burst of hundreds of calls on one client spends
more time in that walk than on the network (a burst of 1,000 calls the official SDK serves in
about 2 s took 20 to 36 s). Waiting in a semaphore sized like the pool costs nothing of the
sort, so the pool only ever sees as many requests as it has connections. ``make bench``
(bench/burst.py) measures it.

The sync side is one ``threading.Semaphore``. The async one is an ``asyncio.Semaphore`` made for
each event loop the client runs on (a semaphore belongs to one loop); off asyncio (trio) there
is no async gate and httpcore's pool queues as before.
"""

import asyncio
import threading

__all__ = ["Gate"]


class Gate:
    """The semaphores of one pool; ``limit`` None: no bound."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self._sync = threading.Semaphore(limit) if limit else None
        self._async: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def enter(self, timeout: float | None) -> bool:
        """Take a place (sync); False when none came free within ``timeout`` seconds."""
        if self._sync is None:
            return True
        if timeout is not None and timeout <= 0:
            return self._sync.acquire(blocking=False)
        return self._sync.acquire(timeout=timeout)

    def leave(self) -> None:
        if self._sync is not None:
            self._sync.release()

    def async_semaphore(self) -> asyncio.Semaphore | None:
        """The semaphore of the running asyncio loop (None without a limit or off asyncio)."""
        if not self.limit:
            return None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # trio
            return None
        if loop is not self._loop or self._async is None:
            self._async, self._loop = asyncio.Semaphore(self.limit), loop
        return self._async
