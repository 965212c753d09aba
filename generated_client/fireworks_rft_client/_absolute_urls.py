"""The absolute ``httpx.URL`` of each request path, merged with the base URL once, not per call.

Given a relative URL, httpx parses it and merges it with the client's ``base_url`` on every
request (30 to 40 us of CPU, near a tenth of a whole GET over a socket); given an absolute
``httpx.URL``, it sends it as it is. A client calls the same few paths again and again (the
same job, polled), so each client pool keeps the merged URL per path here. Query parameters are
not part of the path: httpx still merges them per request.

Each entry remembers the base URL it was merged with and counts only while the client still has
that very base (``is``): a base URL set anew on an httpx client (its ``base_url`` setter makes a
new URL object) misses, as does a cache shared by clients of different bases. Lookups take no
lock (a dict's ``get`` and item assignment are atomic); inserts, rare, take one, so evicting the
oldest entry never races another insert. The cache holds at most ``max_entries`` paths (each job
id is a path of its own), dropping the oldest first.
"""

import threading

import httpx

__all__ = ["DEFAULT_MAX_ENTRIES", "UrlCache", "join_url", "merge_url"]

DEFAULT_MAX_ENTRIES = 512


def merge_url(base_url: httpx.URL, url: str) -> httpx.URL:
    """What httpx's Client sends for ``url`` with this ``base_url`` (its own merge, public API only):
    an absolute URL as it is; a relative one appended to the base's path."""
    merged = httpx.URL(url)
    if not merged.is_relative_url:
        return merged
    return base_url.copy_with(raw_path=base_url.raw_path + merged.raw_path.lstrip(b"/"))


def join_url(base_url: str, url: str) -> httpx.URL:
    """The URL sent through a caller's own httpx client: our base URL and the path, as one string."""
    return httpx.URL(base_url.rstrip("/") + "/" + url.lstrip("/"))


class UrlCache:
    """Absolute URLs per (base URL, relative path), bounded; shared by a pool's clients."""

    __slots__ = ("_entries", "_lock", "max_entries")

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: dict[str, tuple[object, httpx.URL]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def absolute(self, client: httpx.Client | httpx.AsyncClient, url: str) -> httpx.URL:
        """The URL our own httpx ``client`` would build from ``url`` and its ``base_url``."""
        base = client.base_url
        entry = self._entries.get(url)
        if entry is not None and entry[0] is base:
            return entry[1]
        return self._insert(url, base, merge_url(base, url))

    def joined(self, base_url: str, url: str) -> httpx.URL:
        """``join_url(base_url, url)``, for a caller's own httpx client (its base URL is not used)."""
        entry = self._entries.get(url)
        if entry is not None and entry[0] is base_url:
            return entry[1]
        return self._insert(url, base_url, join_url(base_url, url))

    def _insert(self, url: str, base: object, merged: httpx.URL) -> httpx.URL:
        if type(url) is not str:  # a str subclass could hash or compare oddly: not cached
            return merged
        with self._lock:
            if url not in self._entries and len(self._entries) >= self.max_entries:
                del self._entries[next(iter(self._entries))]  # the oldest
            self._entries[url] = (base, merged)
        return merged
