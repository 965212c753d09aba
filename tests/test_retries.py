"""Retries and timeouts against a real local server that fails, drops connections and stalls."""

import email.utils
import logging
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, errors, retries
from fireworks_rft_client import get_job as get_job_by_name
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.client import DEFAULT_TIMEOUT
from fireworks_rft_client.errors import (
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from fireworks_rft_client.retries import Backoff, parse_retry_after

from .local_server import Answer, Drop, Stall, Step, local_server

OK = Answer(200, {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"})
TINY = Backoff(initial=0.001, maximum=0.002)
SHORT_READ = httpx.Timeout(5.0, read=0.3)


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The waits the client asked for; the real sleeps are skipped so the tests stay fast."""
    recorded: list[float] = []

    def fake_sleep(seconds: float) -> None:
        recorded.append(seconds)

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(retries, "sleep", fake_sleep)
    monkeypatch.setattr(retries, "async_sleep", fake_async_sleep)
    yield recorded


_open_clients: list[AuthenticatedClient] = []


def make_client(url: str, **kwargs: object) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url=url, token="fw-test", backoff=TINY, **kwargs)  # type: ignore[arg-type]
    _open_clients.append(client)
    return client


@pytest.fixture(autouse=True)
def close_clients() -> Iterator[None]:
    yield
    while _open_clients:
        _open_clients.pop().close()


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_retryable_status_is_retried_until_success(status: int, waits: list[float]) -> None:
    with local_server([Answer(status), Answer(status), OK]) as server:
        job = get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/rft-1"
    assert len(server.requests) == 3
    assert len(waits) == 2


@pytest.mark.parametrize(
    ("status", "error"), [(400, BadRequestError), (404, NotFoundError), (501, InternalServerError)]
)
def test_other_errors_are_not_retried(status: int, error: type[Exception], waits: list[float]) -> None:
    with local_server([Answer(status), OK]) as server, pytest.raises(error):
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert len(server.requests) == 1 and waits == []


def test_attempts_are_bounded_by_max_retries(waits: list[float]) -> None:
    with local_server([Answer(503)]) as server, pytest.raises(InternalServerError) as caught:
        get_job.sync("acme", "rft-1", client=make_client(server.url, max_retries=3))
    assert len(server.requests) == 4
    assert caught.value.status_code == 503


def test_default_is_two_retries(waits: list[float]) -> None:
    with local_server([Answer(500)]) as server, pytest.raises(InternalServerError):
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert len(server.requests) == 3


def test_max_retries_zero_turns_retrying_off(waits: list[float]) -> None:
    with local_server([Answer(503), OK]) as server, pytest.raises(InternalServerError):
        get_job.sync("acme", "rft-1", client=make_client(server.url, max_retries=0))
    assert len(server.requests) == 1 and waits == []


def test_per_call_max_retries_override(waits: list[float]) -> None:
    with local_server([Answer(503)]) as server:
        client = make_client(server.url)
        with pytest.raises(InternalServerError):
            get_job.sync("acme", "rft-1", client=client.with_options(max_retries=0))
        assert len(server.requests) == 1
        with pytest.raises(InternalServerError):
            get_job.sync("acme", "rft-1", client=client)
        assert len(server.requests) == 1 + 3


def test_dropped_connection_is_retried(waits: list[float]) -> None:
    with local_server([Drop(), Drop(), OK]) as server:
        job = get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert job.name and len(server.requests) == 3


def test_connection_that_keeps_dropping_raises_connection_error(waits: list[float]) -> None:
    with local_server([Drop()]) as server, pytest.raises(APIConnectionError) as caught:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert len(server.requests) == 3
    assert "after 3 attempts" in str(caught.value)
    assert not isinstance(caught.value, APITimeoutError)


def test_refused_connection_is_retried_then_raises(waits: list[float]) -> None:
    with local_server() as server:
        url = server.url  # the port is free again once the server has stopped
    with pytest.raises(APIConnectionError):
        get_job.sync("acme", "rft-1", client=make_client(url))
    assert len(waits) == 2


def test_stalled_server_times_out_and_the_retry_succeeds(waits: list[float]) -> None:
    with local_server([Stall(), OK]) as server:
        job = get_job.sync("acme", "rft-1", client=make_client(server.url, timeout=SHORT_READ))
    assert job.name and len(server.requests) == 2


def test_stalled_server_raises_timeout_error_when_retries_run_out(waits: list[float]) -> None:
    with local_server([Stall()]) as server, pytest.raises(APITimeoutError):
        get_job.sync("acme", "rft-1", client=make_client(server.url, timeout=SHORT_READ, max_retries=1))
    assert len(server.requests) == 2


def test_per_call_timeout_via_with_options_shares_the_pool(waits: list[float]) -> None:
    with local_server([OK, Stall()]) as server:
        client = make_client(server.url)  # default timeout: 60 s read
        get_job.sync("acme", "rft-1", client=client)
        quick = client.with_options(timeout=0.3, max_retries=0)
        assert quick.get_httpx_client() is client.get_httpx_client()
        with pytest.raises(APITimeoutError):
            get_job.sync("acme", "rft-1", client=quick)
    assert client.timeout == DEFAULT_TIMEOUT
    assert quick.timeout == httpx.Timeout(0.3)


def test_a_copy_building_the_pool_does_not_lend_its_timeout_to_the_original(waits: list[float]) -> None:
    with local_server([OK, Stall()]) as server:
        client = make_client(server.url, timeout=SHORT_READ, max_retries=0)
        patient = client.with_options(timeout=60)
        get_job.sync("acme", "rft-1", client=patient)  # the copy builds the shared httpx client
        with pytest.raises(APITimeoutError):
            get_job.sync("acme", "rft-1", client=client)  # ... which still uses the 0.3 s read timeout


# Ways to reach a client with a per-call timeout of 5 s: with_options() twice, in either order,
# with_timeout() then with_options(); each must send the 5 s and keep the other option too.
CHAINS: dict[str, Callable[[AuthenticatedClient], AuthenticatedClient]] = {
    "timeout, then max_retries": lambda c: c.with_options(timeout=5).with_options(max_retries=0),
    "timeout, then backoff": lambda c: c.with_options(timeout=5).with_options(backoff=TINY),
    "with_timeout, then max_retries": lambda c: c.with_timeout(5).with_options(max_retries=0),
    "max_retries, then timeout": lambda c: c.with_options(max_retries=0).with_options(timeout=5),
    "timeout, twice": lambda c: c.with_options(timeout=1).with_options(timeout=5, max_retries=0),
}


def timeouts_sent(seen: list[dict[str, float | None]]) -> dict[str, Any]:
    """httpx event hooks for make_client that record the timeout each request is sent with."""

    def record(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    return {"event_hooks": {"request": [record]}}


@pytest.mark.parametrize("chain", list(CHAINS))
def test_a_per_call_timeout_survives_another_with_options(chain: str, waits: list[float]) -> None:
    seen: list[dict[str, float | None]] = []
    with local_server([OK]) as server:
        client = make_client(server.url, httpx_args=timeouts_sent(seen))
        copy = CHAINS[chain](client)
        get_job.sync("acme", "rft-1", client=copy)
        get_job.sync("acme", "rft-1", client=client)
    assert seen == [httpx.Timeout(5).as_dict(), DEFAULT_TIMEOUT.as_dict()], "the copy's, then the original's"
    assert copy.timeout == httpx.Timeout(5)


def test_get_job_per_call_options_on_a_copy_keep_its_timeout(waits: list[float]) -> None:
    """README: get_job(client, name, timeout=5, max_retries=0), also on a with_options() copy."""
    seen: list[dict[str, float | None]] = []
    with local_server([Answer(503)]) as server:
        client = make_client(server.url, httpx_args=timeouts_sent(seen))
        name = "accounts/acme/reinforcementFineTuningJobs/rft-1"
        with pytest.raises(InternalServerError):
            get_job_by_name(client, name, timeout=5, max_retries=0)
        with pytest.raises(InternalServerError):
            get_job_by_name(client.with_options(timeout=5), name, max_retries=0)
    assert seen == [httpx.Timeout(5).as_dict()] * 2
    assert len(server.requests) == 2 and waits == [], "max_retries=0: one attempt each"


def test_a_copy_of_a_copy_stops_a_stalled_read_at_its_own_timeout(waits: list[float]) -> None:
    """Where a user meets it: the original client would wait 60 s for the stalled server."""
    with local_server([Stall()]) as server:
        quick = make_client(server.url).with_options(timeout=0.3).with_options(max_retries=0)
        with pytest.raises(APITimeoutError):
            get_job.sync("acme", "rft-1", client=quick)
    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_async_a_per_call_timeout_survives_another_with_options(waits: list[float]) -> None:
    seen: list[dict[str, float | None]] = []

    async def record(request: httpx.Request) -> None:
        seen.append(request.extensions["timeout"])

    with local_server([Answer(503)]) as server:
        client = make_client(server.url, httpx_args={"event_hooks": {"request": [record]}})
        with pytest.raises(InternalServerError):
            await get_job.asyncio("acme", "rft-1", client=client.with_options(timeout=5).with_options(max_retries=0))
        await client.aclose()
    assert seen == [httpx.Timeout(5).as_dict()] and len(server.requests) == 1


def test_retry_after_seconds_is_honoured(waits: list[float]) -> None:
    with local_server([Answer(429, headers={"Retry-After": "7"}), OK]) as server:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert waits == [7.0]


def test_retry_after_http_date_is_honoured(waits: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    with local_server([Answer(503, headers={"Retry-After": when}), OK]) as server:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    [wait] = waits
    assert 25.0 < wait <= 30.0


def test_retry_after_past_the_cap_ends_the_call_at_once(waits: list[float]) -> None:
    with local_server([Answer(429, headers={"Retry-After": "3600"}), OK]) as server:
        started = time.monotonic()
        with pytest.raises(RateLimitError) as caught:
            get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert time.monotonic() - started < 5
    assert waits == [] and len(server.requests) == 1
    assert caught.value.retry_after == 3600.0 and caught.value.status_code == 429


def test_retry_after_past_the_cap_with_the_real_sleep() -> None:
    """Default settings, no fake sleep: a 3600 s Retry-After used to park the call for 2 minutes."""
    with local_server([Answer(429, headers={"Retry-After": "3600"}), OK]) as server:
        client = AuthenticatedClient(base_url=server.url, token="fw-test")
        _open_clients.append(client)
        started = time.monotonic()
        with pytest.raises(RateLimitError) as caught:
            get_job.sync("acme", "rft-1", client=client)
    assert time.monotonic() - started < 5 and caught.value.retry_after == 3600.0


@pytest.mark.parametrize("status", [503, 429])
def test_retry_after_waits_of_one_call_add_up_to_the_cap_at_most(status: int, waits: list[float]) -> None:
    script = [Answer(status, headers={"Retry-After": "40"}), Answer(status, headers={"Retry-After": "30"}), OK]
    with local_server(script) as server, pytest.raises(errors.APIStatusError) as caught:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert waits == [40.0], "40 s slept; 30 s more would pass the 60 s cap"
    assert caught.value.status_code == status and caught.value.retry_after == 30.0
    assert len(server.requests) == 2


def test_retry_after_up_to_the_cap_is_slept(waits: list[float]) -> None:
    script = [Answer(503, headers={"Retry-After": "25"}), Answer(503, headers={"Retry-After": "35"}), OK]
    with local_server(script) as server:
        job = get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert job.name and waits == [25.0, 35.0]


def test_the_cap_is_the_backoffs_max_retry_after(waits: list[float]) -> None:
    patient = Backoff(initial=0.001, maximum=0.002, max_retry_after=7200)
    with local_server([Answer(429, headers={"Retry-After": "3600"}), OK]) as server:
        get_job.sync("acme", "rft-1", client=make_client(server.url).with_options(backoff=patient))
    assert waits == [3600.0]
    with local_server([Answer(429, headers={"Retry-After": "3"}), OK]) as server:
        impatient = Backoff(initial=0.001, maximum=0.002, max_retry_after=2)
        with pytest.raises(RateLimitError):
            get_job.sync("acme", "rft-1", client=make_client(server.url).with_options(backoff=impatient))
    assert waits == [3600.0]


def test_retry_after_past_the_cap_is_logged(waits: list[float], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="fireworks_rft_client")
    with local_server([Answer(429, headers={"Retry-After": "3600"})]) as server, pytest.raises(RateLimitError):
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert "asks to retry after 3600.00 s, past the 60.00 s cap: not retrying" in caplog.text


def test_rate_limit_error_after_retries_keeps_retry_after(waits: list[float]) -> None:
    with local_server([Answer(429, headers={"Retry-After": "1"})]) as server, pytest.raises(RateLimitError) as caught:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert caught.value.headers["retry-after"] == "1" and caught.value.retry_after == 1.0
    assert waits == [1.0, 1.0]


def test_only_idempotent_methods_are_retried(waits: list[float]) -> None:
    with local_server([Answer(503), OK]) as server:
        response = make_client(server.url).send_request({"method": "POST", "url": "/x"})
    assert response.status_code == 503 and len(server.requests) == 1


def test_a_default_client_waits_half_a_second_then_one_less_up_to_a_quarter(waits: list[float]) -> None:
    """README: "by default 2 retries, waiting 0.5 s, then 1 s, ... each less up to 25 % at random",
    for the statuses of errors.RETRYABLE_STATUS_CODES."""
    assert errors.RETRYABLE_STATUS_CODES == {408, 429, 500, 502, 503, 504}
    with local_server([Answer(503), Answer(503), OK]) as server:
        with AuthenticatedClient(base_url=server.url, token="fw-test") as client:  # no backoff given
            get_job.sync("acme", "rft-1", client=client)
    first, second = waits
    assert 0.375 <= first <= 0.5 and 0.75 <= second <= 1.0, waits


@pytest.mark.parametrize(
    ("script", "error", "status"),
    [
        ([Answer(500), Answer(503), Answer(502)], InternalServerError, 502),
        ([Drop(), Answer(429)], RateLimitError, 429),
        ([Answer(503), Drop()], APIConnectionError, None),
    ],
    ids=["statuses", "drop-then-status", "status-then-drop"],
)
def test_when_the_retries_run_out_the_last_error_is_raised(
    script: list[Step], error: type[Exception], status: int | None, waits: list[float]
) -> None:
    with local_server(script) as server, pytest.raises(error) as caught:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert len(server.requests) == 3
    assert getattr(caught.value, "status_code", None) == status


def test_retries_are_logged_at_info_and_a_successful_call_logs_nothing_of_ours(
    caplog: pytest.LogCaptureFixture, waits: list[float]
) -> None:
    """README: retries are logged at INFO on the fireworks_rft_client logger (method, URL without
    credentials, status or error, wait); a successful call logs nothing of ours."""
    caplog.set_level(logging.DEBUG)

    def ours() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.name.split(".")[0] == "fireworks_rft_client"]

    with local_server([OK, Answer(503), Drop(), OK]) as server:
        client = make_client(server.url.replace("http://", "http://user:url-secret@"))
        get_job.sync("acme", "rft-1", client=client)
        assert ours() == [], "a successful call logs nothing of ours"
        get_job.sync("acme", "rft-1", client=client)
    url = f"{server.url}/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
    records = ours()
    assert [(r.name, r.levelno) for r in records] == [("fireworks_rft_client", logging.INFO)] * 2
    first, second = (r.getMessage() for r in records)
    assert re.fullmatch(rf"HTTP 503 on GET {re.escape(url)}; retry 1 of 2 in \d+\.\d\d s", first), first
    assert re.fullmatch(rf"\w+Error on GET {re.escape(url)}; retry 2 of 2 in \d+\.\d\d s", second), second
    assert not [r for r in records if "url-secret" in r.getMessage()]


def test_backoff_grows_exponentially_with_jitter_and_a_ceiling() -> None:
    backoff = Backoff()
    for attempt, nominal in [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (10, 8.0)]:
        delays = {backoff.delay(attempt) for _ in range(50)}
        assert all(0.75 * nominal <= d <= nominal for d in delays), (attempt, delays)
        assert len(delays) > 1, "jitter: waits must differ"


def test_parse_retry_after() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None
    assert parse_retry_after("nan") is None
    assert parse_retry_after("inf") is None and parse_retry_after("1e999") is None


def test_unreadable_retry_after_falls_back_to_backoff(waits: list[float]) -> None:
    with local_server([Answer(503, headers={"Retry-After": "later"}), OK]) as server:
        get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert len(waits) == 1 and waits[0] <= TINY.initial


def test_max_retries_must_be_a_non_negative_int() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        AuthenticatedClient(base_url="http://127.0.0.1", token="t", max_retries=-1)
    with pytest.raises(ValueError, match="max_retries"):
        AuthenticatedClient(base_url="http://127.0.0.1", token="t").with_options(max_retries=True)


@pytest.mark.anyio
async def test_async_retries_status_drop_and_stall(waits: list[float]) -> None:
    with local_server([Answer(503), Drop(), Stall(), OK]) as server:
        client = make_client(server.url, timeout=SHORT_READ, max_retries=3)
        job = await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert job.name and len(server.requests) == 4 and len(waits) == 3


@pytest.mark.anyio
async def test_async_retry_after_and_bound(waits: list[float]) -> None:
    with local_server([Answer(429, headers={"Retry-After": "2"})]) as server:
        client = make_client(server.url)
        with pytest.raises(RateLimitError):
            await get_job.asyncio("acme", "rft-1", client=client)
        with pytest.raises(RateLimitError):
            await get_job.asyncio("acme", "rft-1", client=client.with_options(max_retries=0))
        await client.aclose()
    assert waits == [2.0, 2.0] and len(server.requests) == 4


@pytest.mark.anyio
async def test_async_retry_after_past_the_cap_ends_the_call_at_once(waits: list[float]) -> None:
    script = [Answer(503, headers={"Retry-After": "50"}), Answer(503, headers={"Retry-After": "3600"}), OK]
    with local_server(script) as server:
        client = make_client(server.url)
        with pytest.raises(InternalServerError) as caught:
            await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert waits == [50.0] and len(server.requests) == 2 and caught.value.retry_after == 3600.0


@pytest.mark.anyio
async def test_async_stall_raises_timeout_error(waits: list[float]) -> None:
    with local_server([Stall()]) as server:
        client = make_client(server.url).with_options(timeout=0.3, max_retries=0)
        with pytest.raises(APITimeoutError):
            await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_async_retry_with_the_real_sleep() -> None:
    """No fake sleep here: the anyio wait of the async client runs for real (1-2 ms)."""
    with local_server([Answer(502), OK]) as server:
        client = make_client(server.url)
        job = await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert job.name and len(server.requests) == 2


def test_sync_retry_with_the_real_sleep() -> None:
    with local_server([Answer(502), OK]) as server:
        job = get_job.sync("acme", "rft-1", client=make_client(server.url))
    assert job.name and len(server.requests) == 2
