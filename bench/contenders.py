"""The three clients under test, each making the same GET against the bench server.

- ours: the generated client, through its public API only;
- httpx: a bare httpx client plus json.loads, `client.get(path)` as a user of httpx writes it;
- httpx_url (sync only): the same, given a prebuilt absolute httpx.URL, so httpx neither parses
  nor merges the URL: the floor any client on httpx stands on;
- sdk: Fireworks' official SDK (`fireworks-ai`) with its defaults (2 retries, which never fire
  here since every answer is a 200; it also sends its own platform headers). Its async client
  runs on aiohttp (through httpx-aiohttp, one of its dependencies), not on httpx's own transport.

Async: ours runs on the same aiohttp transport as the SDK (`use_aiohttp=True`, our `aiohttp`
extra, installed in the dev toolchain), bare httpx on httpx's own. Two more rows put httpx's own
transport under our client (`use_aiohttp=False`, our default) and the aiohttp transport under
bare httpx, to tell what belongs to the transport from what belongs to the client.
"""

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from fireworks import AsyncFireworks, DefaultAsyncHttpxClient, Fireworks
from httpx_aiohttp import AiohttpTransport

from bench.payload import ACCOUNT_ID, CURRENT, JOB_ID, JOB_IDS, JOB_PATH, TOKEN, job_example, job_path
from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client._aiohttp import AiohttpTransport as OurAiohttpTransport
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job

OURS, HTTPX, SDK = "ours", "httpx", "sdk"
HTTPX_URL = "httpx_url"
OURS_HTTPX, HTTPX_AIOHTTP = "ours_httpx", "httpx_aiohttp"
SDK_HTTPX = "sdk_httpx"
LABELS = {
    OURS: "our client",
    HTTPX: "raw httpx + json.loads",
    HTTPX_URL: "raw httpx, prebuilt absolute URL",
    SDK: "official SDK (fireworks-ai)",
    OURS_HTTPX: "our client on httpx's own transport",
    HTTPX_AIOHTTP: "raw httpx on aiohttp transport",
    SDK_HTTPX: "official SDK on httpx's own transport",
}


@dataclass
class SyncContender:
    key: str
    call: Callable[[], object]
    summary: Callable[[object], tuple[Any, ...]]
    close: Callable[[], None]


@dataclass
class AsyncContender:
    key: str
    call: Callable[[], Awaitable[object]]
    summary: Callable[[object], tuple[Any, ...]]
    close: Callable[[], Awaitable[None]]


def _summary_of_dict(job: object) -> tuple[Any, ...]:
    assert isinstance(job, dict)
    return job["name"], job["trainingConfig"]["baseModel"], job["state"]


def _summary_of_model(job: Any) -> tuple[Any, ...]:
    # Our model and the SDK's share attribute names for these fields.
    return job.name, job.training_config.base_model, str(job.state)


def expected_summary(payload: str = CURRENT) -> tuple[Any, ...]:
    return _summary_of_dict(job_example(payload))


def sync_contenders(base_url: str, payload: str = CURRENT) -> list[SyncContender]:
    """Each client with its own connection pool, getting the job that serves ``payload``."""
    job_id, path = JOB_IDS[payload], job_path(payload)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ours = AuthenticatedClient(base_url=base_url, token=TOKEN)
    raw = httpx.Client(base_url=base_url, headers=auth)
    raw_url = httpx.Client(base_url=base_url, headers=auth)
    absolute = httpx.URL(base_url + path)  # built once, outside the timed calls
    sdk = Fireworks(api_key=TOKEN, base_url=base_url, account_id=ACCOUNT_ID)
    get = get_reinforcement_fine_tuning_job.sync
    return [
        SyncContender(OURS, lambda: get(ACCOUNT_ID, job_id, client=ours), _summary_of_model, ours.close),
        SyncContender(HTTPX, lambda: json.loads(raw.get(path).content), _summary_of_dict, raw.close),
        SyncContender(HTTPX_URL, lambda: json.loads(raw_url.get(absolute).content), _summary_of_dict, raw_url.close),
        SyncContender(SDK, lambda: sdk.reinforcement_fine_tuning_jobs.get(job_id), _summary_of_model, sdk.close),
    ]


def async_contenders(base_url: str) -> list[AsyncContender]:
    """Build inside the event loop that will use them."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    sdk = AsyncFireworks(api_key=TOKEN, base_url=base_url, account_id=ACCOUNT_ID)
    # The SDK on httpx's own transport too, so that each of our transports meets the SDK on the same one.
    sdk_httpx = AsyncFireworks(
        api_key=TOKEN, base_url=base_url, account_id=ACCOUNT_ID, http_client=DefaultAsyncHttpxClient()
    )
    contenders = [
        AsyncContender(SDK, lambda: sdk.reinforcement_fine_tuning_jobs.get(JOB_ID), _summary_of_model, sdk.close),
        AsyncContender(
            SDK_HTTPX, lambda: sdk_httpx.reinforcement_fine_tuning_jobs.get(JOB_ID), _summary_of_model, sdk_httpx.close
        ),
    ]
    for key, use_aiohttp in ((OURS, True), (OURS_HTTPX, False)):  # aiohttp is opt-in: asked for explicitly
        ours = AuthenticatedClient(base_url=base_url, token=TOKEN, use_aiohttp=use_aiohttp)
        on_aiohttp = isinstance(ours.get_async_httpx_client()._transport, OurAiohttpTransport)
        if on_aiohttp is not use_aiohttp:
            raise RuntimeError(f"{key}: our async client is not on the transport this row is about")
        contenders.append(AsyncContender(key, _our_async_call(ours), _summary_of_model, ours.aclose))
    for key, transport in ((HTTPX, None), (HTTPX_AIOHTTP, AiohttpTransport())):
        raw = httpx.AsyncClient(base_url=base_url, headers=auth, transport=transport)
        contenders.append(AsyncContender(key, _raw_async_call(raw), _summary_of_dict, raw.aclose))
    return sorted(contenders, key=lambda c: list(LABELS).index(c.key))


def _our_async_call(client: AuthenticatedClient) -> Callable[[], Awaitable[object]]:
    return lambda: get_reinforcement_fine_tuning_job.asyncio(ACCOUNT_ID, JOB_ID, client=client)


def _raw_async_call(client: httpx.AsyncClient) -> Callable[[], Awaitable[object]]:
    async def call() -> object:
        return json.loads((await client.get(JOB_PATH)).content)

    return call
