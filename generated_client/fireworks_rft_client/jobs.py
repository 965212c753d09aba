"""Read a job by the id or the full resource name a user has at hand.

Hand-written (copied into the package by tools/generate.sh). The generated endpoints take an
account id and a job id; a job's ``name`` is the full resource name
``accounts/{account_id}/reinforcementFineTuningJobs/{job_id}``, which is what people copy
around. ``get_job`` accepts either, takes the account of a bare id from the client
(``FIREWORKS_ACCOUNT_ID``) when none is given, and checks both ids before any request. The
other operations of a job's life are in lifecycle.py (kept apart so that a program that only
reads jobs, the waiter among them, does not import them); they share the helpers here.
"""

from typing import Any

import httpx

from .api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as _endpoint
from .client import AuthenticatedClient
from .models.reinforcement_fine_tuning_job import ReinforcementFineTuningJob
from .resource_names import path_segment, split_job_name
from .types import UNSET, Unset

__all__ = ["get_job", "get_job_async"]

Timeout = float | httpx.Timeout | None


def _with_options(client: AuthenticatedClient, timeout: Timeout, max_retries: int | None) -> AuthenticatedClient:
    if timeout is not None or max_retries is not None:
        return client.with_options(timeout=timeout, max_retries=max_retries)
    return client


def _prepare(
    client: AuthenticatedClient,
    job: str,
    account_id: str | None,
    timeout: Timeout,
    max_retries: int | None,
) -> tuple[AuthenticatedClient, str, str]:
    account, job_id = split_job_name(job, account_id, default_account_id=client.account_id)
    return _with_options(client, timeout, max_retries), account, job_id


def _account(client: AuthenticatedClient, account_id: str | None) -> str:
    account = account_id if account_id is not None else client.account_id
    if not account:
        raise ValueError("account_id is required: pass account_id=... or set FIREWORKS_ACCOUNT_ID")
    path_segment("account_id", account)
    return account


# ---- get ---------------------------------------------------------------------------------


def get_job(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    read_mask: str | Unset = UNSET,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> ReinforcementFineTuningJob:
    """The job ``job``: a bare job id or ``accounts/{account_id}/reinforcementFineTuningJobs/{job_id}``.

    ``account_id`` defaults to ``client.account_id`` for a bare id; given with a full name it
    must match. ``timeout`` and ``max_retries`` override the client's for this call.
    Raises ValueError for a malformed or unsafe id (before any request), and the errors of
    ``get_reinforcement_fine_tuning_job.sync``.
    """
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    return _endpoint.sync(account, job_id, client=client, read_mask=read_mask)


async def get_job_async(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    read_mask: str | Unset = UNSET,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> ReinforcementFineTuningJob:
    """Async get_job."""
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    return await _endpoint.asyncio(account, job_id, client=client, read_mask=read_mask)


def __getattr__(name: str) -> Any:
    """The helpers of lifecycle.py, also under this module (imported on first use)."""
    from . import lifecycle  # noqa: PLC0415

    if name in lifecycle.__all__:
        return getattr(lifecycle, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
