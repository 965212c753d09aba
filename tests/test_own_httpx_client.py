"""Bring your own httpx client: through it, requests still carry our base URL, token,
User-Agent, timeout, retries and errors, while the caller's hooks and transport run."""

import asyncio
from pathlib import Path

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, retries
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import APITimeoutError, ConfigurationError, NotFoundError
from fireworks_rft_client.retries import Backoff

from .local_server import Answer, Stall, local_server

TOKEN = "fw-own-client-token"
OK = Answer(200, {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"})
TINY = Backoff(initial=0.001, maximum=0.002)


@pytest.fixture(autouse=True)
def no_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    async def no_async_sleep(seconds: float) -> None:
        pass

    monkeypatch.setattr(retries, "sleep", lambda seconds: None)
    monkeypatch.setattr(retries, "async_sleep", no_async_sleep)


def test_sync_client_keeps_our_auth_base_url_retries_and_errors() -> None:
    hooked: list[str] = []
    sent_through: list[str] = []

    class CompanyTransport(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            sent_through.append(request.url.path)
            return super().handle_request(request)

    with local_server([Answer(503), OK, Answer(404, {"message": "gone"})]) as server:
        own = httpx.Client(
            base_url="http://127.0.0.1:9/elsewhere",  # ours wins
            headers={"X-Company": "yes"},
            transport=CompanyTransport(),
            event_hooks={"request": [lambda request: hooked.append(str(request.url))]},
        )
        with AuthenticatedClient(base_url=server.url, token=TOKEN, httpx_client=own, backoff=TINY) as client:
            assert get_job.sync("acme", "rft-1", client=client).name  # 503, then retried
            with pytest.raises(NotFoundError, match="gone"):
                get_job.sync("acme", "rft-1", client=client)
        assert own.is_closed
    assert len(server.requests) == 3 and len(hooked) == 3 and len(sent_through) == 3
    for request in server.requests:
        assert request.path == "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
        assert request.headers["x-company"] == "yes"
        assert request.headers["user-agent"].startswith("fireworks-rft-client/")
    assert "authorization" not in own.headers, "the caller's client is not written to"


def test_set_httpx_client_keeps_the_token_too() -> None:
    with local_server([OK]) as server:
        client = AuthenticatedClient(base_url=server.url, token=TOKEN)
        client.set_httpx_client(httpx.Client(headers={"User-Agent": "company-tool/2"}))
        with client:
            assert get_job.sync("acme", "rft-1", client=client).name
    assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert server.requests[0].headers["user-agent"] == "company-tool/2", "the caller's own User-Agent stays"


def test_our_timeout_applies_to_the_callers_client() -> None:
    with local_server([Stall()]) as server:
        own = httpx.Client()  # httpx's default would wait 5 s
        with AuthenticatedClient(base_url=server.url, token=TOKEN, httpx_client=own, timeout=0.3, max_retries=0) as c:
            with pytest.raises(APITimeoutError):
                get_job.sync("acme", "rft-1", client=c)


def test_async_client_through_the_callers_client() -> None:
    hooked: list[str] = []

    async def hook(request: httpx.Request) -> None:
        hooked.append(request.headers["authorization"])

    async def run(url: str) -> str:
        own = httpx.AsyncClient(event_hooks={"request": [hook]})
        async with AuthenticatedClient(base_url=url, token=TOKEN, async_httpx_client=own, backoff=TINY) as client:
            job = await get_job.asyncio("acme", "rft-1", client=client)
        assert own.is_closed
        return str(job.name)

    with local_server([Answer(502), OK]) as server:
        assert asyncio.run(run(server.url))
    assert hooked == [f"Bearer {TOKEN}"] * 2 and len(server.requests) == 2


def test_settings_that_would_be_dropped_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="verify_ssl, proxy"):
        AuthenticatedClient(token=TOKEN, httpx_client=httpx.Client(), verify_ssl=False, proxy="http://127.0.0.1:9")
    client = AuthenticatedClient(token=TOKEN, use_aiohttp=True)
    with pytest.raises(ConfigurationError, match="use_aiohttp"):
        client.set_async_httpx_client(httpx.AsyncClient())
