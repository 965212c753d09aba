"""One GET through each way the client can send: sync, async on httpx's transport, async on
aiohttp's. Tests parametrised over ``KINDS`` show a setting behaves the same on all three."""

import asyncio
from typing import Any

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.models import ReinforcementFineTuningJob

KINDS = ["sync", "async-httpx", "async-aiohttp"]


def make_client(kind: str, **kwargs: Any) -> AuthenticatedClient:
    if kind != "sync":
        kwargs.setdefault("use_aiohttp", kind == "async-aiohttp")
    kwargs.setdefault("token", "fw-test-token")
    return AuthenticatedClient(**kwargs)


def fetch(kind: str, client: AuthenticatedClient) -> ReinforcementFineTuningJob:
    """One GET; the client is closed afterwards, whatever happens."""
    if kind == "sync":
        with client:
            return get_job.sync("acme", "rft-1", client=client)

    async def run() -> ReinforcementFineTuningJob:
        async with client:
            return await get_job.asyncio("acme", "rft-1", client=client)

    return asyncio.run(run())
