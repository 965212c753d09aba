"""The absolute URL per path (_absolute_urls): every request still goes where httpx would send it.

The client hands httpx an absolute URL merged once per path. These tests call through a
transport that answers each request with the URL it was sent to (as the job's ``name``), so a
wrong cache entry shows as a wrong answer: across threads and tasks, across with_options()
copies, through a caller's own httpx client, and after a base URL changes. Each test also runs
its check against a plausibly broken cache and sees the check fail.
"""

import asyncio
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client import client as client_module
from fireworks_rft_client._absolute_urls import UrlCache, join_url, merge_url
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job

BASE = "http://api.test"
OTHER = "http://other.test/gateway"


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"name": str(request.url)})


def _expected(base: str, job_id: str) -> str:
    return f"{base.rstrip('/')}/v1/accounts/acme/reinforcementFineTuningJobs/{job_id}"


def _client(base_url: str = BASE, **kwargs: Any) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=base_url, token="t", httpx_args={"transport": httpx.MockTransport(_echo)}, **kwargs
    )


def _get(client: AuthenticatedClient, job_id: str) -> str:
    name = get_job.sync("acme", job_id, client=client).name
    assert isinstance(name, str)
    return name


# Plausible ways to get the cache wrong, each one of the breaks the tests below exist for.
class IgnoresBase(UrlCache):
    """Keyed by the path alone: a base URL set anew would keep the old one."""

    def absolute(self, client: httpx.Client | httpx.AsyncClient, url: str) -> httpx.URL:
        entry = self._entries.get(url)
        return entry[1] if entry is not None else self._insert(url, client.base_url, merge_url(client.base_url, url))

    def joined(self, base_url: str, url: str) -> httpx.URL:
        entry = self._entries.get(url)
        return entry[1] if entry is not None else self._insert(url, base_url, join_url(base_url, url))


class OneSlotRacy(UrlCache):
    """Remembers the last path and its URL as two attributes: a thread may read one of each."""

    last_path = ""
    last_url = httpx.URL(BASE)

    def absolute(self, client: httpx.Client | httpx.AsyncClient, url: str) -> httpx.URL:
        if self.last_path == url:
            return self.last_url
        merged = merge_url(client.base_url, url)
        self.last_path = url
        time.sleep(0)  # a thread switch here pairs this path with the URL of the last one
        self.last_url = merged
        return merged


class Unbounded(UrlCache):
    """Never evicts: one entry per job id ever called."""

    def _insert(self, url: str, base: object, merged: httpx.URL) -> httpx.URL:
        self._entries[url] = (base, merged)
        return merged


def _with_cache(client: AuthenticatedClient, cache: type[UrlCache] | None) -> AuthenticatedClient:
    if cache is not None:
        client._pool.sync_urls = cache(max_entries=client._pool.sync_urls.max_entries)
        client._pool.async_urls = cache(max_entries=client._pool.async_urls.max_entries)
    return client


# The merge itself: what httpx's Client builds from its base_url and a relative URL.
BASES = [
    "http://h.test",
    "http://h.test/",
    "https://h.test:8443/prefix",
    "https://h.test/prefix/",
    "http://[::1]:8080/a/b",
]
PATHS = ["/v1/accounts/a/reinforcementFineTuningJobs/j", "v1/x", "/v1/a%2Fb/c", "/v1/jobs/j:cancel", "/v1/%C3%BC", "/"]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("path", PATHS)
def test_the_merged_url_is_the_one_httpx_builds(base: str, path: str) -> None:
    client = httpx.Client(base_url=base)
    assert merge_url(client.base_url, path) == client.build_request("GET", path).url


def test_the_merge_check_fails_on_a_merge_of_the_rfc_kind() -> None:
    # URL.join resolves "/v1/..." against the host, dropping a gateway's path prefix.
    client = httpx.Client(base_url="https://h.test/prefix")
    assert client.base_url.join(PATHS[0]) != client.build_request("GET", PATHS[0]).url


def test_an_absolute_url_is_sent_as_it_is() -> None:
    assert merge_url(httpx.URL(BASE + "/"), "https://else.test/x") == httpx.URL("https://else.test/x")


# Threads: many job ids on one client, a cache smaller than them (evicting all along).
def _threads_check(cache: type[UrlCache] | None) -> list[str]:
    client = _with_cache(_client(), cache)
    client._pool.sync_urls.max_entries = 3
    wrong: list[str] = []
    start = threading.Barrier(8)

    def worker(n: int) -> None:
        start.wait()
        for call in range(30):
            job_id = f"job-{(n + call) % 5}"  # the threads share the paths
            got = _get(client, job_id)
            if got != _expected(BASE, job_id):
                wrong.append(got)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
        client.close()
    assert len(client._pool.sync_urls) <= 3 or cache is not None
    return wrong


def test_threads_each_get_the_url_of_their_own_path() -> None:
    assert _threads_check(None) == []


def test_the_thread_check_fails_on_a_racy_cache() -> None:
    assert _threads_check(OneSlotRacy)


# Tasks: the async client, on httpx's transport, many tasks at once on distinct paths.
async def _tasks_check(cache: type[UrlCache] | None) -> list[str]:
    client = _with_cache(_client(use_aiohttp=False), cache)

    async def one(job_id: str) -> str | None:
        name = (await get_job.asyncio("acme", job_id, client=client)).name
        return None if name == _expected(BASE, job_id) else str(name)

    try:
        found = await asyncio.gather(*(one(f"job-{n % 7}") for n in range(200)))
    finally:
        await client.aclose()
    return [name for name in found if name is not None]


def test_tasks_each_get_the_url_of_their_own_path() -> None:
    assert asyncio.run(_tasks_check(None)) == []


class IgnoresPath(UrlCache):
    """One URL for every path of a base (a cache keyed on the client, not the path)."""

    def absolute(self, client: httpx.Client | httpx.AsyncClient, url: str) -> httpx.URL:
        entry = self._entries.get("")
        return entry[1] if entry is not None else self._insert("", client.base_url, merge_url(client.base_url, url))


def test_the_task_check_fails_on_a_cache_that_ignores_the_path() -> None:
    assert asyncio.run(_tasks_check(IgnoresPath))


# Copies: with_options() shares the pool, and so the cache, with the client it copies.
def _copies_check(cache: type[UrlCache] | None) -> list[str]:
    client = _with_cache(_client(), cache)
    copy = client.with_options(timeout=5, max_retries=0)
    assert copy._pool.sync_urls is client._pool.sync_urls
    wrong = []
    with client:
        for n in range(6):
            for each in (client, copy):
                job_id = f"job-{n}"
                if (got := _get(each, job_id)) != _expected(BASE, job_id):
                    wrong.append(got)
    return wrong


def test_with_options_copies_share_the_cache_and_stay_right() -> None:
    assert _copies_check(None) == []


def test_the_copies_check_fails_on_a_cache_that_ignores_the_path() -> None:
    assert _copies_check(IgnoresPath)


# A base URL set anew on our httpx client: the cached URLs of the old one no longer count.
def _base_change_check(cache: type[UrlCache] | None) -> str:
    client = _with_cache(_client(), cache)
    with client:
        assert _get(client, "j") == _expected(BASE, "j")
        client.get_httpx_client().base_url = OTHER
        return _get(client, "j")


def test_a_changed_base_url_misses_the_cache() -> None:
    assert _base_change_check(None) == _expected(OTHER, "j")


def test_the_base_url_check_fails_on_a_cache_that_ignores_the_base() -> None:
    assert _base_change_check(IgnoresBase) == _expected(BASE, "j")


# A caller's own httpx client: our base URL, never its own, nor one cached for another client.
def _callers_client_check(cache: type[UrlCache] | None) -> tuple[str, str]:
    client = _with_cache(_client(), cache)
    client.get_httpx_client().base_url = OTHER  # our own httpx client, pointed elsewhere
    before = _get(client, "j")
    client._httpx_args = {}  # only there for the mock transport of our own client, built already
    own = httpx.Client(base_url="http://not-used.test", transport=httpx.MockTransport(_echo))
    client.set_httpx_client(own)
    with client:
        return before, _get(client, "j")


def test_a_callers_client_gets_our_base_url() -> None:
    assert _callers_client_check(None) == (_expected(OTHER, "j"), _expected(BASE, "j"))


def test_the_callers_client_check_fails_on_a_cache_that_ignores_the_base() -> None:
    assert _callers_client_check(IgnoresBase)[1] == _expected(OTHER, "j")


# Bounded: one entry per path, the oldest dropped first.
def _bounded_check(cache: type[UrlCache]) -> Iterator[int]:
    urls = cache(max_entries=4)
    client = httpx.Client(base_url=BASE)
    for n in range(50):
        assert urls.absolute(client, f"/v1/j{n}") == client.build_request("GET", f"/v1/j{n}").url
        yield len(urls)


def test_the_cache_keeps_at_most_max_entries() -> None:
    assert max(_bounded_check(UrlCache)) == 4


def test_the_bound_check_fails_on_a_cache_that_never_evicts() -> None:
    assert max(_bounded_check(Unbounded)) == 50


def test_the_newest_paths_stay() -> None:
    urls = UrlCache(max_entries=2)
    client = httpx.Client(base_url=BASE)
    first = urls.absolute(client, "/a")
    urls.absolute(client, "/b")
    assert urls.absolute(client, "/a") is first  # still cached
    urls.absolute(client, "/c")  # evicts the oldest, /a
    assert urls.absolute(client, "/a") is not first


def test_a_str_subclass_path_is_not_cached() -> None:
    class Odd(str):
        __slots__ = ()

    urls = UrlCache()
    client = httpx.Client(base_url=BASE)
    assert urls.absolute(client, Odd("/a")) == httpx.URL(BASE + "/a")
    assert len(urls) == 0


def test_query_parameters_are_still_merged_per_request() -> None:
    with _client() as client:
        job = get_job.sync("acme", "j", client=client, read_mask="name")
        assert job.name == _expected(BASE, "j") + "?readMask=name"
        assert _get(client, "j") == _expected(BASE, "j")  # the cached URL carries no query


# The URL is absolute now, base URL included: an error that httpx did not attach its request to
# (its message then comes from the request's arguments) still leaves out the user info.
def test_a_connection_error_without_its_request_never_shows_the_base_urls_user_info() -> None:
    sent = merge_url(httpx.URL("http://robot:hunter2@api.test/"), "/v1/x")
    assert "hunter2" in str(sent)
    error = client_module._transport_error(httpx.ConnectError("refused"), {"method": "get", "url": sent}, 0)
    assert "hunter2" not in str(error) and "GET http://api.test/v1/x" in str(error)
    assert error.url == "http://api.test/v1/x"
