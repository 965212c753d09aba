# Generated from openapi/fireworks-rft.yaml by templates/endpoint_module.py.jinja: edit those, then run 'make generate'.
from http import HTTPStatus
from typing import Any

import httpx

from ... import _decode, errors
from ...client import AuthenticatedClient
from ...models.list_reinforcement_fine_tuning_jobs_response import ListReinforcementFineTuningJobsResponse
from ...resource_names import path_segment
from ...types import UNSET, Response, Unset

# The operationId: the client retries each operation as retries.OPERATION_RETRIES says.
_OPERATION = "list_reinforcement_fine_tuning_jobs"


def _get_kwargs(
    account_id: str,
    *,
    filter_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
    read_mask: str | Unset = UNSET,
) -> dict[str, Any]:
    _account_id = path_segment("account_id", account_id)
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": f"/v1/accounts/{_account_id}/reinforcementFineTuningJobs",
    }
    # Most calls set no query parameter: then no params dict is built (nor sent: httpx merges
    # even an empty one into the URL, per call).
    if (
        filter_ is not UNSET
        or order_by is not UNSET
        or page_size is not UNSET
        or page_token is not UNSET
        or read_mask is not UNSET
    ):
        params: dict[str, Any] = {}

        params["filter"] = filter_

        params["orderBy"] = order_by

        params["pageSize"] = page_size

        params["pageToken"] = page_token

        params["readMask"] = read_mask

        params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

        if params:
            _kwargs["params"] = params
    return _kwargs


def _parse_response(*, response: httpx.Response) -> ListReinforcementFineTuningJobsResponse:
    if response.status_code == 200:
        payload = _decode.json_object(response)
        try:
            return ListReinforcementFineTuningJobsResponse.from_dict(payload)
        except errors.DecodeError as exc:
            raise errors.ResponseValidationError.from_response(response, exc.reason, exc.field) from exc
    raise errors.error_for_response(response)


def _build_response(*, response: httpx.Response) -> Response[ListReinforcementFineTuningJobsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
    read_mask: str | Unset = UNSET,
) -> Response[ListReinforcementFineTuningJobsResponse]:
    """List Reinforcement Fine-tuning Jobs, with the status, headers and raw body.

    Raises:
        errors.APIStatusError: the server answered with a status outside 2xx.
        errors.ResponseValidationError: a 2xx body does not fit the schema.
        errors.APIConnectionError: the server could not be reached (errors.APITimeoutError: timed out).
    """
    kwargs = _get_kwargs(
        account_id=account_id,
        filter_=filter_,
        order_by=order_by,
        page_size=page_size,
        page_token=page_token,
        read_mask=read_mask,
    )
    response = client.send_request(kwargs, operation=_OPERATION)
    return _build_response(response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
    read_mask: str | Unset = UNSET,
) -> ListReinforcementFineTuningJobsResponse:
    """List Reinforcement Fine-tuning Jobs.

    Returns one page of the reinforcement fine-tuning jobs of an account. Pass the page's
    `nextPageToken` as `pageToken`, with every other parameter unchanged, for the next page;
    an empty or absent `nextPageToken` marks the last page.


    Raises the errors that sync_detailed raises.
    """
    return _parse_response(
        response=client.send_request(
            _get_kwargs(
                account_id=account_id,
                filter_=filter_,
                order_by=order_by,
                page_size=page_size,
                page_token=page_token,
                read_mask=read_mask,
            ),
            operation=_OPERATION,
        )
    )


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
    read_mask: str | Unset = UNSET,
) -> Response[ListReinforcementFineTuningJobsResponse]:
    """Async sync_detailed: List Reinforcement Fine-tuning Jobs, with the status, headers and raw body."""
    kwargs = _get_kwargs(
        account_id=account_id,
        filter_=filter_,
        order_by=order_by,
        page_size=page_size,
        page_token=page_token,
        read_mask=read_mask,
    )
    response = await client.send_request_async(kwargs, operation=_OPERATION)
    return _build_response(response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    order_by: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_token: str | Unset = UNSET,
    read_mask: str | Unset = UNSET,
) -> ListReinforcementFineTuningJobsResponse:
    """Async sync: List Reinforcement Fine-tuning Jobs."""
    return _parse_response(
        response=await client.send_request_async(
            _get_kwargs(
                account_id=account_id,
                filter_=filter_,
                order_by=order_by,
                page_size=page_size,
                page_token=page_token,
                read_mask=read_mask,
            ),
            operation=_OPERATION,
        )
    )
