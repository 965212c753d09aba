"""Closing: a call on a closed client is a FireworksError that says so; closing closes every
transport under the client (aiohttp sessions of proxy routes included), with no "Unclosed"
warning (warnings are errors in this suite, and gc runs before the check)."""

import asyncio
import gc
import warnings

import pytest

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import ClientClosedError, FireworksError

from .local_server import local_server
from .proxy_server import proxy_server
from .transports import KINDS, fetch, make_client


@pytest.mark.parametrize("kind", KINDS)
def test_a_call_after_with_is_a_fireworks_error(kind: str) -> None:
    with local_server() as server:
        client = make_client(kind, base_url=server.url)
        fetch(kind, client)  # closes the client at the end of its with block
        with pytest.raises(FireworksError, match="the client is closed") as caught:
            if kind == "sync":
                get_job.sync("acme", "rft-1", client=client)
            else:
                asyncio.run(get_job.asyncio("acme", "rft-1", client=client))
        with pytest.raises(ClientClosedError):  # and entering it again
            if kind == "sync":
                client.__enter__()
            else:
                asyncio.run(client.__aenter__())
    assert isinstance(caught.value, ClientClosedError) and isinstance(caught.value, RuntimeError)
    assert len(server.requests) == 1


def test_a_with_options_copy_of_a_closed_client_is_closed_too() -> None:
    with local_server() as server:
        client = AuthenticatedClient(base_url=server.url, token="t")
        client.get_httpx_client()
        client.close()
        with pytest.raises(ClientClosedError):
            get_job.sync("acme", "rft-1", client=client.with_options(timeout=1))


def test_aclose_closes_every_aiohttp_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """Direct and proxied routes, each with its own aiohttp session, and the sync pool."""
    for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)

    async def run(url: str, proxied_url: str) -> list[object]:
        client = AuthenticatedClient(base_url=url, token="t", use_aiohttp=True)
        await get_job.asyncio("acme", "rft-1", client=client)
        http = client.get_async_httpx_client()
        # A request by another route: the proxy's aiohttp transport opens its own session.
        await http.get(proxied_url)
        client.get_httpx_client()  # a sync pool too
        await client.aclose()
        transports = [http._transport, *(t for t in http._mounts.values() if t is not None)]
        return [t.client for t in transports]  # type: ignore[attr-defined]

    with local_server() as server, local_server() as other, proxy_server() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", server.url.removeprefix("http://"))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            sessions = asyncio.run(run(server.url, other.url))
            gc.collect()
    assert len(sessions) == 2 and all(session.closed for session in sessions)  # type: ignore[attr-defined]
    assert proxy.seen and len(server.requests) == 1
    assert [str(w.message) for w in caught if "nclosed" in str(w.message)] == []
