# Generated from openapi/fireworks-rft.yaml by templates/endpoint_module.py.jinja: edit those, then run 'make generate'.
from http import HTTPStatus
from typing import Any

import httpx

from ... import _decode, errors
from ...client import AuthenticatedClient
from ...models.empty import Empty
from ...models.reinforcement_fine_tuning_job import ReinforcementFineTuningJob
from ...resource_names import path_segment
from ...types import Response

# The operationId: the client retries each operation as retries.OPERATION_RETRIES says.
_OPERATION = "resume_reinforcement_fine_tuning_job"


def _get_kwargs(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    body: Empty,
) -> dict[str, Any]:
    _account_id = path_segment("account_id", account_id)
    _reinforcement_fine_tuning_job_id = path_segment(
        "reinforcement_fine_tuning_job_id", reinforcement_fine_tuning_job_id
    )
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": f"/v1/accounts/{_account_id}/reinforcementFineTuningJobs/{_reinforcement_fine_tuning_job_id}:resume",
    }
    _kwargs["json"] = body.to_dict()
    return _kwargs


def _parse_response(*, response: httpx.Response) -> ReinforcementFineTuningJob:
    if response.status_code == 200:
        payload = _decode.json_object(response)
        try:
            return ReinforcementFineTuningJob.from_dict(payload)
        except errors.DecodeError as exc:
            raise errors.ResponseValidationError.from_response(response, exc.reason, exc.field) from exc
    raise errors.error_for_response(response)


def _build_response(*, response: httpx.Response) -> Response[ReinforcementFineTuningJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
    )


def sync_detailed(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
    body: Empty,
) -> Response[ReinforcementFineTuningJob]:
    """Resume Reinforcement Fine-tuning Job, with the status, headers and raw body.

    Raises:
        errors.APIStatusError: the server answered with a status outside 2xx.
        errors.ResponseValidationError: a 2xx body does not fit the schema.
        errors.APIConnectionError: the server could not be reached (errors.APITimeoutError: timed out).
    """
    kwargs = _get_kwargs(
        account_id=account_id,
        reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
        body=body,
    )
    response = client.send_request(kwargs, operation=_OPERATION)
    return _build_response(response=response)


def sync(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
    body: Empty,
) -> ReinforcementFineTuningJob:
    """Resume Reinforcement Fine-tuning Job.

    Resumes a paused or failed job where it stopped, and returns it.

    Raises the errors that sync_detailed raises.
    """
    return _parse_response(
        response=client.send_request(
            _get_kwargs(
                account_id=account_id,
                reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
                body=body,
            ),
            operation=_OPERATION,
        )
    )


async def asyncio_detailed(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
    body: Empty,
) -> Response[ReinforcementFineTuningJob]:
    """Async sync_detailed: Resume Reinforcement Fine-tuning Job, with the status, headers and raw body."""
    kwargs = _get_kwargs(
        account_id=account_id,
        reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
        body=body,
    )
    response = await client.send_request_async(kwargs, operation=_OPERATION)
    return _build_response(response=response)


async def asyncio(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
    body: Empty,
) -> ReinforcementFineTuningJob:
    """Async sync: Resume Reinforcement Fine-tuning Job."""
    return _parse_response(
        response=await client.send_request_async(
            _get_kwargs(
                account_id=account_id,
                reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
                body=body,
            ),
            operation=_OPERATION,
        )
    )
