"""The request the client builds: method, path, query and Authorization header."""

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job

from .conftest import reference_example

TOKEN = "fw-test-token-0123456789"


def recording_client(seen: list[httpx.Request]) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=reference_example())

    client = AuthenticatedClient(base_url="https://api.fireworks.ai", token=TOKEN)
    client.set_httpx_client(
        httpx.Client(
            base_url=client.base_url,
            transport=httpx.MockTransport(handler),
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
    )
    return client


def test_request_line_query_and_auth_header() -> None:
    seen: list[httpx.Request] = []
    job = get_job.sync("acme", "rft-1", client=recording_client(seen), read_mask="name,state")

    assert job.name == "<string>"
    [request] = seen
    assert request.method == "GET"
    assert request.url.path == "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
    assert dict(request.url.params) == {"readMask": "name,state"}
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_read_mask_is_left_out_when_not_given() -> None:
    seen: list[httpx.Request] = []
    get_job.sync("acme", "rft-1", client=recording_client(seen))
    assert seen[0].url.query == b""


def test_client_sends_bearer_token_from_its_own_settings() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    headers = {"X-Trace": "1"}
    client = AuthenticatedClient(
        base_url="https://api.fireworks.ai",
        token=TOKEN,
        headers=headers,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )
    get_job.sync("acme", "rft-1", client=client)
    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen[0].headers["X-Trace"] == "1"
    assert headers == {"X-Trace": "1"}, "the caller's headers dict must not be written to"
    assert TOKEN not in repr(client) and TOKEN not in str(client)


@pytest.mark.anyio
async def test_async_request_matches_sync() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=reference_example())

    client = AuthenticatedClient(
        base_url="https://api.fireworks.ai", token=TOKEN, httpx_args={"transport": httpx.MockTransport(handler)}
    )
    job = await get_job.asyncio("acme", "rft-1", client=client, read_mask="name")
    assert job.display_name == "<string>"
    assert seen[0].url.path == "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
