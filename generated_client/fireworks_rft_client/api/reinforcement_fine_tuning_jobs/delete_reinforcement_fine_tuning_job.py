# Generated from openapi/fireworks-rft.yaml by templates/endpoint_module.py.jinja: edit those, then run 'make generate'.
from http import HTTPStatus
from typing import Any

import httpx

from ... import _decode, errors
from ...client import AuthenticatedClient
from ...models.empty import Empty
from ...resource_names import path_segment
from ...types import Response

# The operationId: the client retries each operation as retries.OPERATION_RETRIES says.
_OPERATION = "delete_reinforcement_fine_tuning_job"


def _get_kwargs(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
) -> dict[str, Any]:
    _account_id = path_segment("account_id", account_id)
    _reinforcement_fine_tuning_job_id = path_segment(
        "reinforcement_fine_tuning_job_id", reinforcement_fine_tuning_job_id
    )
    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": f"/v1/accounts/{_account_id}/reinforcementFineTuningJobs/{_reinforcement_fine_tuning_job_id}",
    }
    return _kwargs


def _parse_response(*, response: httpx.Response) -> Empty:
    if response.status_code == 200:
        payload = _decode.json_object(response)
        try:
            return Empty.from_dict(payload)
        except errors.DecodeError as exc:
            raise errors.ResponseValidationError.from_response(response, exc.reason, exc.field) from exc
    raise errors.error_for_response(response)


def _build_response(*, response: httpx.Response) -> Response[Empty]:
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
) -> Response[Empty]:
    """Delete Reinforcement Fine-tuning Job, with the status, headers and raw body.

    Raises:
        errors.APIStatusError: the server answered with a status outside 2xx.
        errors.ResponseValidationError: a 2xx body does not fit the schema.
        errors.APIConnectionError: the server could not be reached (errors.APITimeoutError: timed out).
    """
    kwargs = _get_kwargs(
        account_id=account_id,
        reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
    )
    response = client.send_request(kwargs, operation=_OPERATION)
    return _build_response(response=response)


def sync(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
) -> Empty:
    """Delete Reinforcement Fine-tuning Job.

    Deletes a reinforcement fine-tuning job.

    Raises the errors that sync_detailed raises.
    """
    return _parse_response(
        response=client.send_request(
            _get_kwargs(
                account_id=account_id,
                reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
            ),
            operation=_OPERATION,
        )
    )


async def asyncio_detailed(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Empty]:
    """Async sync_detailed: Delete Reinforcement Fine-tuning Job, with the status, headers and raw body."""
    kwargs = _get_kwargs(
        account_id=account_id,
        reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
    )
    response = await client.send_request_async(kwargs, operation=_OPERATION)
    return _build_response(response=response)


async def asyncio(
    account_id: str,
    reinforcement_fine_tuning_job_id: str,
    *,
    client: AuthenticatedClient,
) -> Empty:
    """Async sync: Delete Reinforcement Fine-tuning Job."""
    return _parse_response(
        response=await client.send_request_async(
            _get_kwargs(
                account_id=account_id,
                reinforcement_fine_tuning_job_id=reinforcement_fine_tuning_job_id,
            ),
            operation=_OPERATION,
        )
    )
