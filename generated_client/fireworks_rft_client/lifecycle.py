"""The rest of a job's life: list, create, cancel, resume and delete, by id or full name.

Hand-written. Like get_job (jobs.py), each helper takes a bare job id or a job's full resource
name, takes the account from the client (``FIREWORKS_ACCOUNT_ID``) when none is given, and
checks ids and bodies before any request. Beyond that they add only what a pager (paging.py)
and a create that is safe to retry need; how each operation is retried is said once, in
retries.OPERATION_RETRIES.
"""

from collections.abc import Mapping
from typing import Any

from . import errors
from .api.reinforcement_fine_tuning_jobs import cancel_reinforcement_fine_tuning_job as _cancel
from .api.reinforcement_fine_tuning_jobs import create_reinforcement_fine_tuning_job as _create
from .api.reinforcement_fine_tuning_jobs import delete_reinforcement_fine_tuning_job as _delete
from .api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as _endpoint
from .api.reinforcement_fine_tuning_jobs import list_reinforcement_fine_tuning_jobs as _list
from .api.reinforcement_fine_tuning_jobs import resume_reinforcement_fine_tuning_job as _resume
from .client import AuthenticatedClient
from .jobs import Timeout, _account, _prepare, _with_options
from .models.empty import Empty
from .models.list_reinforcement_fine_tuning_jobs_response import ListReinforcementFineTuningJobsResponse
from .models.reinforcement_fine_tuning_job import ReinforcementFineTuningJob
from .models.reinforcement_fine_tuning_job_input import ReinforcementFineTuningJobInput
from .paging import AsyncJobPager, JobPager
from .resource_names import path_segment
from .retries import ATTEMPTS_EXTENSION
from .types import UNSET

__all__ = [
    "cancel_job",
    "cancel_job_async",
    "create_job",
    "create_job_async",
    "delete_job",
    "delete_job_async",
    "list_jobs",
    "list_jobs_async",
    "resume_job",
    "resume_job_async",
]

# The fields of a create body that identify the job a create made: a job met under our id on a
# retry is ours when these are what we sent (other fields the server may normalise).
_IDENTIFYING_FIELDS = ("dataset", "evaluator", "displayName")


# ---- list --------------------------------------------------------------------------------


def _list_params(
    filter_: str | None, order_by: str | None, page_size: int | None, read_mask: str | None
) -> dict[str, Any]:
    """The query of every page (the API wants the same on each), checked before any request."""
    for name, value in (("filter", filter_), ("order_by", order_by), ("read_mask", read_mask)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    if page_size is not None and (isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1):
        raise ValueError(f"page_size must be an int >= 1 or None, got {page_size!r}")
    return {
        "filter_": UNSET if filter_ is None else filter_,
        "order_by": UNSET if order_by is None else order_by,
        "page_size": UNSET if page_size is None else page_size,
        "read_mask": UNSET if read_mask is None else read_mask,
    }


def list_jobs(
    client: AuthenticatedClient,
    *,
    filter: str | None = None,  # noqa: A002 - the API's name
    order_by: str | None = None,
    page_size: int | None = None,
    read_mask: str | None = None,
    max_items: int | None = None,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> JobPager:
    """The jobs of an account (``account_id``, default ``client.account_id``), fetched lazily.

    ``filter`` (AIP-160, e.g. ``state="JOB_STATE_RUNNING"``), ``order_by`` (``"createTime desc"``),
    ``page_size`` (the server's default 50, at most 200) and ``read_mask`` go with every page.
    Iterate the result for the jobs (at most ``max_items``), or call its ``pages()`` for the
    pages (``JobPage``: ``jobs``, ``next_page_token``, ``total_size``). Arguments are checked
    here; requests start with the iteration, and raise the errors of
    ``list_reinforcement_fine_tuning_jobs.sync``, or errors.PaginationError when the pages
    would loop or one is not a page of jobs.
    """
    account = _account(client, account_id)
    params = _list_params(filter, order_by, page_size, read_mask)
    client = _with_options(client, timeout, max_retries)

    def fetch(token: str) -> ListReinforcementFineTuningJobsResponse:
        return _list.sync(account, client=client, page_token=token or UNSET, **params)

    return JobPager(fetch, max_items=max_items)


def list_jobs_async(
    client: AuthenticatedClient,
    *,
    filter: str | None = None,  # noqa: A002 - the API's name
    order_by: str | None = None,
    page_size: int | None = None,
    read_mask: str | None = None,
    max_items: int | None = None,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> AsyncJobPager:
    """Async list_jobs: ``async for job in list_jobs_async(client)``; ``async for page in ….pages()``."""
    account = _account(client, account_id)
    params = _list_params(filter, order_by, page_size, read_mask)
    client = _with_options(client, timeout, max_retries)

    async def fetch(token: str) -> ListReinforcementFineTuningJobsResponse:
        return await _list.asyncio(account, client=client, page_token=token or UNSET, **params)

    return AsyncJobPager(fetch, max_items=max_items)


# ---- create ------------------------------------------------------------------------------


def _create_body(body: ReinforcementFineTuningJobInput | Mapping[str, Any]) -> ReinforcementFineTuningJobInput:
    """The body checked against the spec, whichever form it came in (errors.RequestValidationError)."""
    if isinstance(body, ReinforcementFineTuningJobInput):
        try:
            data = body.to_dict()
        except (AttributeError, TypeError, ValueError) as exc:  # e.g. a dict where a model belongs
            raise errors.RequestValidationError(
                f"create_job body: a value cannot be written as JSON ({type(exc).__name__}: {exc})"
            ) from None
    elif isinstance(body, Mapping):
        data = dict(body)
    else:
        raise TypeError(
            f"body must be a ReinforcementFineTuningJobInput or a dict of its JSON form, not {type(body).__name__}"
        )
    try:
        return ReinforcementFineTuningJobInput.from_dict(data)
    except errors.DecodeError as exc:
        raise errors.RequestValidationError(f"create_job body: {exc}", field=exc.field) from None


def _prepare_create(
    client: AuthenticatedClient,
    body: ReinforcementFineTuningJobInput | Mapping[str, Any],
    job_id: str | None,
    account_id: str | None,
    timeout: Timeout,
    max_retries: int | None,
) -> tuple[AuthenticatedClient, str, ReinforcementFineTuningJobInput]:
    account = _account(client, account_id)
    if job_id is not None:
        path_segment("job_id", job_id)  # the id names the job's path later: the same checks
        if "/" in job_id:
            raise ValueError(f"job_id must be a bare job id, got {job_id!r}")
    return _with_options(client, timeout, max_retries), account, _create_body(body)


def _met_on_a_retry(error: errors.APIStatusError) -> bool:
    """An answer a retry met: the first attempt may have done the work, its answer lost."""
    attempts: int = error.response.extensions.get(ATTEMPTS_EXTENSION) or 1
    return attempts > 1


def _ours(
    job: ReinforcementFineTuningJob, body: ReinforcementFineTuningJobInput, conflict: errors.ConflictError
) -> ReinforcementFineTuningJob:
    """``job`` when its identifying fields are the ones we sent, else the 409 stands."""
    sent, found = body.to_dict(), job.to_dict()
    differ = [key for key in _IDENTIFYING_FIELDS if key in sent and found.get(key) != sent[key]]
    if differ:
        conflict.add_note(
            f"a retry met this job id taken, by a job whose {', '.join(differ)} differ from this create's: not ours"
        )
        raise conflict
    return job


def create_job(
    client: AuthenticatedClient,
    body: ReinforcementFineTuningJobInput | Mapping[str, Any],
    *,
    job_id: str | None = None,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> ReinforcementFineTuningJob:
    """Create a job in ``account_id`` (default ``client.account_id``) and return it.

    ``body``: a ReinforcementFineTuningJobInput, or the same as the API's JSON (a dict with
    ``dataset``, ``evaluator``...); a missing required field, a wrong type or an unknown field
    raises errors.RequestValidationError naming it, before any request.

    ``job_id`` (the API's ``reinforcementFineTuningJobId``) names the job; with it the create
    is retried like a GET, and a 409 ALREADY_EXISTS met on a retry, for a job with the dataset,
    evaluator and display name sent, returns that job (fetched): the first attempt made it and
    its answer was lost. Without it the server picks the id, and the create is retried only when
    the request cannot have reached the server (README "Retries and timeouts").
    """
    client, account, model = _prepare_create(client, body, job_id, account_id, timeout, max_retries)
    try:
        return _create.sync(account, client=client, body=model, reinforcement_fine_tuning_job_id=job_id or UNSET)
    except errors.ConflictError as conflict:
        if job_id is None or not _met_on_a_retry(conflict):
            raise
        try:
            job = _endpoint.sync(account, job_id, client=client)
        except errors.FireworksError as exc:
            raise conflict from exc
        return _ours(job, model, conflict)


async def create_job_async(
    client: AuthenticatedClient,
    body: ReinforcementFineTuningJobInput | Mapping[str, Any],
    *,
    job_id: str | None = None,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> ReinforcementFineTuningJob:
    """Async create_job."""
    client, account, model = _prepare_create(client, body, job_id, account_id, timeout, max_retries)
    try:
        return await _create.asyncio(
            account, client=client, body=model, reinforcement_fine_tuning_job_id=job_id or UNSET
        )
    except errors.ConflictError as conflict:
        if job_id is None or not _met_on_a_retry(conflict):
            raise
        try:
            job = await _endpoint.asyncio(account, job_id, client=client)
        except errors.FireworksError as exc:
            raise conflict from exc
        return _ours(job, model, conflict)


# ---- cancel, resume, delete --------------------------------------------------------------


def cancel_job(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> None:
    """Ask the server to cancel ``job`` (a bare id or a full name, as for get_job).

    A job that has ended answers 400 FAILED_PRECONDITION (errors.BadRequestError). Retried
    only when the request cannot have reached the server (retries.OPERATION_RETRIES).
    """
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    _cancel.sync(account, job_id, client=client, body=Empty())


async def cancel_job_async(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> None:
    """Async cancel_job."""
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    await _cancel.asyncio(account, job_id, client=client, body=Empty())


def resume_job(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> ReinforcementFineTuningJob:
    """Resume ``job`` (a bare id or a full name) and return it. Retried as cancel_job is."""
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    return _resume.sync(account, job_id, client=client, body=Empty())


async def resume_job_async(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> ReinforcementFineTuningJob:
    """Async resume_job."""
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    return await _resume.asyncio(account, job_id, client=client, body=Empty())


def delete_job(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> None:
    """Delete ``job`` (a bare id or a full name). Retried like a GET: deleting twice deletes once,
    and a 404 met on a retry (the first attempt deleted it, its answer was lost) is success."""
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    try:
        _delete.sync(account, job_id, client=client)
    except errors.NotFoundError as gone:
        if not _met_on_a_retry(gone):
            raise


async def delete_job_async(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> None:
    """Async delete_job."""
    client, account, job_id = _prepare(client, job, account_id, timeout, max_retries)
    try:
        await _delete.asyncio(account, job_id, client=client)
    except errors.NotFoundError as gone:
        if not _met_on_a_retry(gone):
            raise
