"""The async client's transport: httpx's own by default, aiohttp (httpx-aiohttp) when asked for.
The same behaviour on both, against real local servers: one retry policy (ours), typed errors,
no Authorization to another origin, no token in the logs, everything closed on close.

The other async tests (test_retries, test_errors...) run on the default, httpx's transport;
the tests here (and in test_proxies, test_tls, test_own_httpx_client) run on both.
"""

import importlib.metadata
import logging
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, retries
from fireworks_rft_client._aiohttp import AiohttpTransport
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.client import AIOHTTP_EXTRA_VERSIONS, ASYNC_TRANSPORT_ENV
from fireworks_rft_client.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConfigurationError,
    RateLimitError,
)
from fireworks_rft_client.retries import Backoff

from .local_server import Answer, Drop, Stall, local_server

TOKEN = "fw-secret-transport-token"
OK = Answer(200, {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"})
TINY = Backoff(initial=0.001, maximum=0.002)
TRANSPORTS = {"aiohttp": True, "httpx": False}


@pytest.fixture(params=list(TRANSPORTS))
def use_aiohttp(request: pytest.FixtureRequest) -> bool:
    return TRANSPORTS[request.param]


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    recorded: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(retries, "async_sleep", fake_async_sleep)
    yield recorded


def transport_of(client: AuthenticatedClient) -> object:
    return client.get_async_httpx_client()._transport


# --- which transport ---------------------------------------------------------------------------


def test_default_is_httpx_even_with_httpx_aiohttp_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ASYNC_TRANSPORT_ENV, raising=False)
    import httpx_aiohttp  # noqa: F401 - installed in the dev toolchain, as beside Fireworks' SDK

    client = AuthenticatedClient(base_url="http://127.0.0.1", token="t")
    assert type(client.get_async_httpx_client()) is httpx.AsyncClient
    assert isinstance(transport_of(client), httpx.AsyncHTTPTransport)


def test_opt_in_by_option_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    client = AuthenticatedClient(base_url="http://127.0.0.1", token="t", use_aiohttp=True)
    assert isinstance(transport_of(client), AiohttpTransport)
    monkeypatch.setenv(ASYNC_TRANSPORT_ENV, "aiohttp")
    assert isinstance(transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t")), AiohttpTransport)
    # The explicit option wins over the environment.
    client = AuthenticatedClient(base_url="http://127.0.0.1", token="t", use_aiohttp=False)
    assert isinstance(transport_of(client), httpx.AsyncHTTPTransport)
    monkeypatch.setenv(ASYNC_TRANSPORT_ENV, "httpx")
    assert isinstance(
        transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t")), httpx.AsyncHTTPTransport
    )


def test_a_misspelt_environment_choice_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ASYNC_TRANSPORT_ENV, "aiohtp")
    with pytest.raises(ConfigurationError, match=f"{ASYNC_TRANSPORT_ENV} must be"):
        transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t"))


def test_the_callers_transport_wins() -> None:
    mine = httpx.MockTransport(lambda request: httpx.Response(200, json={}))
    for use_aiohttp in (True, False, None):
        client = AuthenticatedClient(
            base_url="http://127.0.0.1", token="t", use_aiohttp=use_aiohttp, httpx_args={"transport": mine}
        )
        assert transport_of(client) is mine


@pytest.mark.parametrize(
    "httpx_args",
    [{"mounts": {"http://": httpx.AsyncHTTPTransport()}}, {"proxy": "http://127.0.0.1:9"}],
    ids=["mounts", "proxy"],
)
def test_the_callers_mounts_or_proxy_keep_httpx_transport(
    httpx_args: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """README: aiohttp "unless httpx_args brings a transport, mounts or a proxy of its own"."""
    monkeypatch.delenv(ASYNC_TRANSPORT_ENV, raising=False)
    client = AuthenticatedClient(base_url="http://127.0.0.1", token="t", httpx_args=httpx_args)
    assert isinstance(transport_of(client), httpx.AsyncHTTPTransport)


def test_without_httpx_aiohttp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ASYNC_TRANSPORT_ENV, raising=False)
    for name in ("httpx_aiohttp", "fireworks_rft_client._aiohttp"):
        monkeypatch.setitem(sys.modules, name, None)  # makes the import fail, as when not installed
    assert isinstance(
        transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t")), httpx.AsyncHTTPTransport
    )
    with pytest.raises(ConfigurationError, match=r"pip install 'fireworks-rft-client\[aiohttp\]'"):
        transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t", use_aiohttp=True))
    monkeypatch.setenv(ASYNC_TRANSPORT_ENV, "aiohttp")
    with pytest.raises(ConfigurationError, match=r"fireworks-rft-client\[aiohttp\]"):
        transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t"))


@pytest.mark.parametrize("version", ["0.1.8", "0.3.0", "1.0.0"])
def test_an_unsupported_httpx_aiohttp_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: version if name == "httpx-aiohttp" else real(name))
    with pytest.raises(ConfigurationError, match=rf"httpx-aiohttp >=0.1.9,<0.3, found {version}: pip install"):
        transport_of(AuthenticatedClient(base_url="http://127.0.0.1", token="t", use_aiohttp=True))


def test_supported_versions_are_the_extras() -> None:
    """AIOHTTP_EXTRA_VERSIONS repeats the bounds of the extra in the package metadata."""
    pyproject = tomllib.loads((Path(__file__).parent.parent / "generated_client" / "pyproject.toml").read_text())
    low, high = (".".join(map(str, bound)) for bound in AIOHTTP_EXTRA_VERSIONS)
    assert pyproject["project"]["optional-dependencies"]["aiohttp"] == [f"httpx-aiohttp>={low},<{high}"]


def test_tls_and_pool_settings_reach_the_aiohttp_transport() -> None:
    limits = httpx.Limits(max_connections=7)
    client = AuthenticatedClient(
        base_url="http://127.0.0.1", token="t", verify_ssl=False, httpx_args={"limits": limits}, use_aiohttp=True
    )
    transport = transport_of(client)
    assert isinstance(transport, AiohttpTransport)
    assert transport.limits is limits
    assert transport.ssl_context.verify_mode.name == "CERT_NONE"


# --- the same behaviour on both ----------------------------------------------------------------


def make_client(url: str, use_aiohttp: bool, **kwargs: object) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=url, token=TOKEN, backoff=TINY, use_aiohttp=use_aiohttp, **kwargs)  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_a_dropped_kept_alive_connection_is_retried_by_us_only(use_aiohttp: bool, waits: list[float]) -> None:
    """aiohttp would resend the request itself once; max_retries=0 must mean one attempt."""
    with local_server([OK, Drop()]) as server:
        client = make_client(server.url, use_aiohttp, max_retries=0)
        await get_job.asyncio("acme", "rft-1", client=client)  # opens the connection kept alive
        with pytest.raises(APIConnectionError) as caught:
            await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert len(server.requests) == 2 and waits == []
    assert not isinstance(caught.value, APITimeoutError), "a dropped connection is no timeout"


@pytest.mark.anyio
async def test_drop_and_stall_are_retried_with_backoff(use_aiohttp: bool, waits: list[float]) -> None:
    with local_server([Drop(), Stall(), OK]) as server:
        client = make_client(server.url, use_aiohttp, timeout=httpx.Timeout(5.0, read=0.3), max_retries=2)
        job = await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert job.name and len(server.requests) == 3 and len(waits) == 2


@pytest.mark.anyio
async def test_refused_connection_is_a_connection_error(use_aiohttp: bool) -> None:
    with local_server() as server:
        url = server.url  # closed on leaving the block: nothing listens there now
    client = make_client(url, use_aiohttp, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        await get_job.asyncio("acme", "rft-1", client=client)
    await client.aclose()
    assert not isinstance(caught.value, APITimeoutError)
    assert TOKEN not in str(caught.value)


@pytest.mark.anyio
async def test_stall_is_a_timeout_error(use_aiohttp: bool) -> None:
    with local_server([Stall()]) as server:
        client = make_client(server.url, use_aiohttp, timeout=0.3, max_retries=0)
        with pytest.raises(APITimeoutError):
            await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()


@pytest.mark.anyio
async def test_retry_after_is_honoured(use_aiohttp: bool, waits: list[float]) -> None:
    with local_server([Answer(429, headers={"Retry-After": "3"})]) as server:
        client = make_client(server.url, use_aiohttp, max_retries=1)
        with pytest.raises(RateLimitError):
            await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert waits == [3.0] and len(server.requests) == 2


@pytest.mark.anyio
async def test_no_authorization_to_another_origin_on_redirect(use_aiohttp: bool) -> None:
    with local_server([Answer(200, {"name": "from-other-origin"})]) as other:
        redirect = Answer(302, b"", headers={"Location": f"{other.url}/landing"})
        with local_server([redirect]) as origin:
            client = make_client(origin.url, use_aiohttp, follow_redirects=True)
            job = await get_job.asyncio("acme", "rft-1", client=client)
            await client.aclose()
    assert job.name == "from-other-origin"
    assert origin.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert "authorization" not in other.requests[0].headers


@pytest.mark.anyio
async def test_a_redirect_is_not_followed_by_default(use_aiohttp: bool) -> None:
    """aiohttp follows redirects by itself unless told not to: here, as on httpx, it must not."""
    with local_server([OK]) as other:
        with local_server([Answer(302, b"", headers={"Location": f"{other.url}/landing"})]) as origin:
            client = make_client(origin.url, use_aiohttp)
            with pytest.raises(APIStatusError) as caught:
                await get_job.asyncio("acme", "rft-1", client=client)
            await client.aclose()
    assert caught.value.status_code == 302 and caught.value.headers["location"] == f"{other.url}/landing"
    assert len(origin.requests) == 1 and other.requests == []


@pytest.mark.anyio
@pytest.mark.parametrize("use_aiohttp", [pytest.param(True, id="aiohttp"), pytest.param(False, id="httpx")])
async def test_a_followed_redirect_is_a_get_without_a_body(use_aiohttp: bool) -> None:
    """README: on aiohttp "redirects behave the same": the redirected GET is sent as the first one
    was, without a body or body headers, which some servers and proxies refuse on a GET."""
    with local_server([OK]) as other:
        with local_server([Answer(302, b"", headers={"Location": f"{other.url}/landing"})]) as origin:
            client = make_client(origin.url, use_aiohttp, follow_redirects=True)
            await get_job.asyncio("acme", "rft-1", client=client)
            await client.aclose()
    [first], [redirected] = origin.requests, other.requests
    for request in (first, redirected):
        assert request.body == b""
        assert not {"transfer-encoding", "content-type"} & request.headers.keys(), request.headers


@pytest.mark.anyio
async def test_token_is_not_logged(use_aiohttp: bool, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG), local_server([Answer(503), Drop(), OK]) as server:
        client = make_client(server.url, use_aiohttp)
        await get_job.asyncio("acme", "rft-1", client=client)
        await client.aclose()
    assert any("retry 2 of 2" in record.getMessage() for record in caplog.records), "the test must see the records"
    for record in caplog.records:
        assert TOKEN not in record.getMessage() and TOKEN not in repr(record.args), record.name
    assert TOKEN not in caplog.text
