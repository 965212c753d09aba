"""Faults of real networks, proxies and callers, on every transport (sync, async on httpx, async
on aiohttp): bad settings and header values, servers that trickle, bodies that lie, event loops
that come and go, bursts of calls. Real sockets (tests/local_server.py) where a user meets them."""

import asyncio
import gc
import gzip
import logging
import math
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpcore
import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, errors, waiter
from fireworks_rft_client import client as client_module
from fireworks_rft_client._aiohttp import AiohttpTransport
from fireworks_rft_client._gate import Gate
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.retries import Backoff

from .local_server import Answer, Trickle, local_server
from .time_limits import slow
from .transports import KINDS, fetch, make_client

KEY = "fw-SECRET-key-5e1b77"
# Every kind of value a header cannot carry as it is: line ends, NUL, tab, DEL, spaces at an end,
# non-ASCII; the key is in each.
BAD_VALUES = {
    "trailing newline": f"{KEY}\n",
    "CRLF and another header": f"{KEY}\r\nX-Injected: 1",
    "leading space": f" {KEY}",
    "trailing space": f"{KEY} ",
    "NUL": f"{KEY}\x00",
    "tab inside": f"fw-\t{KEY}",
    "DEL": f"{KEY}\x7f",
    "non-ASCII": f"{KEY}ö",
    "emoji": f"{KEY}\U0001f511",
}


def shows_key(error: BaseException) -> bool:
    """Whether the key shows anywhere a user or a log could see: message, repr, traceback, chain."""
    text = "".join(traceback.format_exception(error)) + repr(error)
    return KEY in text


# --- settings are checked at construction --------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"timeout": -1}, "timeout"),
        ({"timeout": math.nan}, "timeout"),
        ({"timeout": math.inf}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"timeout": httpx.Timeout(5, read=-1)}, "timeout.read"),
        ({"timeout": httpx.Timeout(5, connect=math.inf)}, "timeout.connect"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"max_retries": True}, "max_retries"),
        ({"backoff": 2}, "backoff"),
        ({"use_aiohttp": "yes"}, "use_aiohttp"),
        ({"follow_redirects": 1}, "follow_redirects"),
        ({"headers": {"Bad Name": "v"}}, "headers"),
    ],
)
def test_bad_settings_fail_at_construction_naming_the_setting(kwargs: dict[str, Any], named: str) -> None:
    with pytest.raises(errors.ConfigurationError, match=named):
        AuthenticatedClient(base_url="http://127.0.0.1:9", token=KEY, **kwargs)


@pytest.mark.parametrize(("field", "value"), [("initial", -1.0), ("maximum", math.nan), ("max_retry_after", math.inf)])
def test_bad_backoff_fails_at_construction_naming_the_field(field: str, value: float) -> None:
    with pytest.raises(errors.ConfigurationError, match=field):
        Backoff(**{field: value})


def test_with_options_checks_its_settings_too() -> None:
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token=KEY)
    with pytest.raises(errors.ConfigurationError, match="timeout"):
        client.with_options(timeout=-5)
    with pytest.raises(errors.ConfigurationError, match="max_retries"):
        client.with_options(max_retries=-1)


@pytest.mark.parametrize("kind", list(BAD_VALUES))
@pytest.mark.parametrize("where", ["token", "environment", "headers", "with_headers"])
def test_a_bad_key_or_header_value_is_refused_at_construction_without_quoting_it(
    kind: str, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    value = BAD_VALUES[kind]
    with pytest.raises(errors.ConfigurationError) as caught:
        if where == "token":
            AuthenticatedClient(base_url="http://127.0.0.1:9", token=value)
        elif where == "environment":
            if "\x00" in value:
                pytest.skip("an environment variable cannot hold a NUL")
            monkeypatch.setenv("FIREWORKS_API_KEY", value)
            AuthenticatedClient(base_url="http://127.0.0.1:9")
        elif where == "headers":
            AuthenticatedClient(base_url="http://127.0.0.1:9", token="fw-ok", headers={"X-Api-Key": value})
        else:
            AuthenticatedClient(base_url="http://127.0.0.1:9", token="fw-ok").with_headers({"X-Api-Key": value})
    assert not shows_key(caught.value)
    assert ("API key" if where in ("token", "environment") else "X-Api-Key") in str(caught.value)


def test_a_good_key_with_inner_spaces_in_a_header_is_kept() -> None:
    """Visible ASCII with inner spaces is a valid header value: only the ends and controls are refused."""
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token=KEY, headers={"X-Note": "two words"})
    assert client.token == KEY


# --- second line: a bad value that gets past construction never shows -----------------------


@pytest.mark.parametrize("kind", list(BAD_VALUES))
@pytest.mark.parametrize("transport", KINDS)
def test_a_bad_header_that_slips_through_is_masked_on_every_transport(
    kind: str, transport: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The construction check bypassed (as a token set behind attrs' back would be): the call
    fails with a typed error, and neither it, its chain, its traceback nor any log line holds the key."""
    with local_server([Answer(200, {"name": "n"})]) as server:
        client = make_client(transport, base_url=server.url, max_retries=0)
        object.__setattr__(client, "token", BAD_VALUES[kind])
        with caplog.at_level(logging.DEBUG):
            try:
                fetch(transport, client)
            except errors.FireworksError as exc:
                error: BaseException | None = exc
            else:
                error = None  # aiohttp sends a tab or a leading space as it is
    if error is not None:
        assert isinstance(error, (errors.InvalidRequestError, errors.ConfigurationError)), repr(error)
        if isinstance(error, errors.InvalidRequestError):
            assert error.url == f"{server.url}/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
        assert not shows_key(error), "".join(traceback.format_exception(error))
    assert KEY not in caplog.text


# --- a call never outlives its timeout ----------------------------------------------------


@slow(20, "each case waits for a 1 s deadline on a server that trickles, on three transports")
@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
@pytest.mark.parametrize("transport", KINDS)
def test_a_trickling_server_cannot_stretch_a_call_past_its_timeout(transport: str, in_headers: bool) -> None:
    """A byte every 0.2 s keeps each read (timeout 1 s) alive for ever; the attempt's deadline ends it."""
    with local_server([Trickle(every=0.2, in_headers=in_headers)]) as server:
        client = make_client(transport, base_url=server.url, timeout=1, max_retries=0)
        start = time.monotonic()
        with pytest.raises(errors.APITimeoutError) as caught:
            fetch(transport, client)
        took = time.monotonic() - start
    assert took < 2.5, f"the call ran {took:.1f} s with timeout=1"
    assert caught.value.url == f"{server.url}/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"


@slow(20, "waits for a 1 s per-call deadline on a trickling server, twice with a retry")
def test_the_deadline_holds_per_attempt_and_per_call_options() -> None:
    """timeout= of with_options bounds each attempt too; a retry gets its own deadline."""
    with local_server([Trickle(every=0.2)]) as server:
        client = AuthenticatedClient(base_url=server.url, token=KEY, backoff=Backoff(0.001, 0.001))
        start = time.monotonic()
        with client, pytest.raises(errors.APITimeoutError, match="after 2 attempts"):
            get_job.sync("acme", "rft-1", client=client.with_options(timeout=0.5, max_retries=1))
        took = time.monotonic() - start
    assert 0.9 < took < 2.5, took


@slow(20, "each case waits for a 1 s wait deadline on a trickling server")
@pytest.mark.parametrize("transport", KINDS)
def test_the_waiters_deadline_cuts_a_poll_that_would_outlive_it(transport: str) -> None:
    """The client's timeout (60 s) would let each trickled read go on; the wait's 1 s does not."""
    with local_server([Trickle(every=0.2)]) as server:
        client = make_client(transport, base_url=server.url)
        start = time.monotonic()
        with pytest.raises(waiter.WaitTimeoutError) as caught:
            if transport == "sync":
                with client:
                    waiter.wait_for_job(client, "accounts/acme/reinforcementFineTuningJobs/rft-1", timeout=1)
            else:

                async def wait() -> None:
                    async with client:
                        await waiter.async_wait_for_job(
                            client, "accounts/acme/reinforcementFineTuningJobs/rft-1", timeout=1
                        )

                asyncio.run(wait())
        took = time.monotonic() - start
    assert took < 2.5, f"the wait ran {took:.1f} s with timeout=1"
    assert isinstance(caught.value.last_error, errors.APITimeoutError)


# --- every bad response is a typed error --------------------------------------------------


def deep(depth: int) -> bytes:
    return b'{"name": "n", "x": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("transport", KINDS)
def test_json_nested_too_deep_is_a_response_error_with_the_body(transport: str) -> None:
    with local_server([Answer(200, deep(100_000))]) as server:
        with pytest.raises(errors.ResponseValidationError, match="nested too deep") as caught:
            fetch(transport, make_client(transport, base_url=server.url))
    assert caught.value.body == deep(100_000) and caught.value.response is not None


def test_an_error_body_nested_too_deep_keeps_the_status_error() -> None:
    with local_server([Answer(404, deep(100_000))]) as server:
        with pytest.raises(errors.NotFoundError) as caught:
            fetch("sync", make_client("sync", base_url=server.url))
    assert caught.value.body == deep(100_000) and caught.value.message is None


@pytest.mark.parametrize("status", [200, 503])
@pytest.mark.parametrize("transport", KINDS)
def test_a_lying_content_encoding_is_a_response_error_with_the_raw_response(transport: str, status: int) -> None:
    raw = b'{"name": "not gzip at all"}'
    with local_server([Answer(status, raw, headers={"Content-Encoding": "gzip"})]) as server:
        with pytest.raises(errors.ResponseValidationError, match="Content-Encoding") as caught:
            fetch(transport, make_client(transport, base_url=server.url, max_retries=0))
    error = caught.value
    assert error.status_code == status and error.body == raw
    assert error.response is not None and error.response.content == raw
    assert error.response.request.url.path.endswith("/rft-1")


@pytest.mark.parametrize("transport", KINDS)
def test_a_true_content_encoding_still_decodes(transport: str) -> None:
    body = gzip.compress(b'{"name": "zipped"}')
    with local_server([Answer(200, body, headers={"Content-Encoding": "gzip"})]) as server:
        job = fetch(transport, make_client(transport, base_url=server.url))
    assert job.name == "zipped"


# --- event loops ---------------------------------------------------------------------------


@pytest.mark.parametrize("use_aiohttp", [False, True], ids=["async-httpx", "async-aiohttp"])
def test_one_async_client_works_across_successive_event_loops(use_aiohttp: bool) -> None:
    with local_server([Answer(200, {"name": "n"})]) as server:
        client = AuthenticatedClient(base_url=server.url, token=KEY, use_aiohttp=use_aiohttp)

        async def call() -> object:
            return (await get_job.asyncio("acme", "rft-1", client=client)).name

        names = [asyncio.run(call()) for _ in range(3)]
        asyncio.run(client.aclose())
    assert names == ["n", "n", "n"]


@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_your_own_async_client_on_a_second_loop_is_a_typed_error() -> None:
    """Yours is yours to make anew: the bare "Event loop is closed" becomes EventLoopError."""
    with local_server([Answer(200, {"name": "n"})]) as server:
        use_own_client_on_two_loops(server.url)
    gc.collect()  # its socket of the first loop is stranded: collected here, under this test's filters


def use_own_client_on_two_loops(url: str) -> None:
    client = AuthenticatedClient(base_url=url, token=KEY, async_httpx_client=httpx.AsyncClient())

    async def call() -> None:
        await get_job.asyncio("acme", "rft-1", client=client)

    asyncio.run(call())
    with pytest.raises(errors.EventLoopError, match="anew"):
        asyncio.run(call())


# --- bursts --------------------------------------------------------------------------------


POOL_CLASSES = {
    "sync": (httpcore.ConnectionPool, "handle_request"),
    "async-httpx": (httpcore.AsyncConnectionPool, "handle_async_request"),
    "async-aiohttp": (AiohttpTransport, "handle_async_request"),
}


@slow(15, "bursts of 60 calls against a server answering in 50 ms, on three transports, gated and not")
@pytest.mark.parametrize("gated", [True, False], ids=["gated", "bite-without-gate"])
@pytest.mark.parametrize("transport", KINDS)
def test_the_pool_never_sees_more_requests_than_it_serves_at_once(
    transport: str, gated: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of 60 on a pool of 5: the pool (httpcore's, or the aiohttp transport) is handed at
    most 5 at a time, the rest wait in the client's gate. Without the gate it is handed all 60."""
    in_pool = peak = 0
    cls, method = POOL_CLASSES[transport]
    real = getattr(cls, method)

    def count(delta: int) -> None:
        nonlocal in_pool, peak
        in_pool += delta
        peak = max(peak, in_pool)

    if transport == "sync":

        def counted(self: Any, request: Any) -> Any:
            count(1)
            try:
                return real(self, request)
            finally:
                count(-1)
    else:

        async def counted(self: Any, request: Any) -> Any:  # type: ignore[misc]
            count(1)
            try:
                return await real(self, request)
            finally:
                count(-1)

    monkeypatch.setattr(cls, method, counted)
    if not gated:  # the gate sized to no bound
        monkeypatch.setattr(client_module, "pool_size", lambda client, keepalive: None)
    limits = httpx.Limits(max_connections=5, max_keepalive_connections=5)
    with local_server([Answer(200, {"name": "n"}, delay=0.05)]) as server:
        client = make_client(transport, base_url=server.url, httpx_args={"limits": limits})
        if transport == "sync":
            with client, ThreadPoolExecutor(60) as threads:
                list(threads.map(lambda _: get_job.sync("acme", "rft-1", client=client), range(60)))
        else:

            async def burst() -> None:
                async with client:
                    await asyncio.gather(*(get_job.asyncio("acme", "rft-1", client=client) for _ in range(60)))

            asyncio.run(burst())
    assert peak == 5 if gated else peak > 5, peak


def test_the_sync_gate_bounds_threads_and_times_out() -> None:
    gate = Gate()
    gate.size_sync(1)
    assert gate.enter(None)
    assert not gate.enter(0.01), "a second place while the only one is held"
    gate.leave()
    assert gate.enter(0)
    gate.leave()
