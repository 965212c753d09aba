"""Guard 4: the client and a Prism mock of the spec agree on the wire.

Prism (started once per session by the ``prism_url`` fixture, with ``--errors``) validates each
request against the spec: a request it dislikes gets an error and an ``sl-violations`` header.
Every documented response is requested with ``Prefer: code=NNN`` and must reach the caller as
documented: the 200 body as a model, each error as the typed error of README "Errors".
"""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, errors
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from tests.conftest import load_spec
from tests.time_limits import slow

from .comparison import differences
from .spec_tools import inline_refs, operations, resolve

TOKEN = "fw-contract-test-token-0123456789"
ACCOUNT, JOB = "acme", "rft-7f3a"
OPERATION = ("GET", "/v1/accounts/{account_id}/reinforcementFineTuningJobs/{reinforcement_fine_tuning_job_id}")
# README "Errors": the class for each status; any other 5xx is InternalServerError.
ERROR_CLASSES: dict[int, type[errors.APIStatusError]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    429: errors.RateLimitError,
}


def documented_responses(spec: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Each documented status of the operation with the example body the spec gives for it."""
    found = {}
    for status, response in operations(spec)[OPERATION]["responses"].items():
        media = resolve(spec, response)["content"]["application/json"]
        example = media["example"] if "example" in media else next(iter(media["examples"].values()))["value"]
        found[int(status)] = {"example": example, "schema": media["schema"]}
    return found


def error_class(status: int) -> type[errors.APIStatusError]:
    return ERROR_CLASSES.get(status, errors.InternalServerError if status >= 500 else errors.APIStatusError)


# The first test to ask for Prism starts it (a Node process, a few seconds on a busy machine), and
# the 429 and 503 examples carry Retry-After: the client's retries wait for real, 1-2 s a call.
pytestmark = slow(60, "starts Prism; real Retry-After waits of the documented 429/503 answers")

ERROR_STATUSES = sorted(status for status in documented_responses(load_spec()) if status >= 400)


@pytest.fixture
def client(prism_url: str) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=prism_url, token=TOKEN) as client:
        yield client


def test_request_passes_prism_validation_and_the_200_example_arrives(
    spec: dict[str, Any], client: AuthenticatedClient
) -> None:
    response = get_job.sync_detailed(ACCOUNT, JOB, client=client, read_mask="name,state,trainingConfig")

    assert response.status_code == 200
    assert "sl-violations" not in response.headers, response.headers["sl-violations"]
    assert response.parsed is not None
    documented = documented_responses(spec)[200]
    lost = differences(documented["example"], response.parsed.to_dict(), inline_refs(spec, documented["schema"]))
    assert not lost, "the 200 example did not reach the caller intact:\n  " + "\n  ".join(lost)


@pytest.mark.anyio
async def test_async_request_passes_prism_validation(spec: dict[str, Any], prism_url: str) -> None:
    async with AuthenticatedClient(base_url=prism_url, token=TOKEN) as client:
        response = await get_job.asyncio_detailed(ACCOUNT, JOB, client=client)
    assert response.status_code == 200 and "sl-violations" not in response.headers
    assert response.parsed is not None
    documented = documented_responses(spec)[200]
    assert not differences(documented["example"], response.parsed.to_dict(), inline_refs(spec, documented["schema"]))


@pytest.mark.parametrize("job_id", ["rft 1", "ülö-job", "a+b=c", "a/b", "%2F", "x?y#z", "..."])
def test_awkward_ids_and_read_masks_still_match_the_operation(prism_url: str, job_id: str) -> None:
    """Each id is encoded into exactly one path segment, and the mask into the readMask value alone."""
    sent: list[httpx.Request] = []
    hooks = {"event_hooks": {"request": [sent.append]}}
    with AuthenticatedClient(base_url=prism_url, token=TOKEN, httpx_args=hooks) as client:
        response = get_job.sync_detailed(ACCOUNT, job_id, client=client, read_mask="name, state&x=1")

    assert response.status_code == 200 and "sl-violations" not in response.headers
    [request] = sent
    assert request.url.params.multi_items() == [("readMask", "name, state&x=1")]
    assert request.url.raw_path.split(b"?")[0].count(b"/") == OPERATION[1].count("/")


def test_prism_refuses_a_request_without_the_bearer_token(prism_url: str) -> None:
    """The check above means something only if Prism really validates requests."""
    raw = httpx.get(f"{prism_url}/v1/accounts/{ACCOUNT}/reinforcementFineTuningJobs/{JOB}")
    assert raw.status_code == 401 and "sl-violations" in raw.headers

    # The same through the client, its token sent under another header name.
    with (
        AuthenticatedClient(base_url=prism_url, token=TOKEN, auth_header_name="X-Api-Key") as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        get_job.sync(ACCOUNT, JOB, client=client)
    assert caught.value.status_code == 401
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize("status", ERROR_STATUSES)
def test_documented_error_reaches_the_caller_as_its_typed_error(
    spec: dict[str, Any], client: AuthenticatedClient, status: int
) -> None:
    example = documented_responses(spec)[status]["example"]

    with client.with_headers({"Prefer": f"code={status}"}) as asking, pytest.raises(errors.APIStatusError) as caught:
        get_job.sync(ACCOUNT, JOB, client=asking)

    error = caught.value
    assert type(error) is error_class(status), f"HTTP {status} raised {type(error).__name__}"
    assert error.status_code == status
    assert "sl-violations" not in error.headers
    assert (error.message, error.code, error.details) == (example["message"], example["code"], example["details"])
    assert example["message"] in str(error) and TOKEN not in str(error)


@pytest.mark.anyio
async def test_documented_errors_reach_the_async_caller_too(spec: dict[str, Any], prism_url: str) -> None:
    for status in ERROR_STATUSES:
        example = documented_responses(spec)[status]["example"]
        headers = {"Prefer": f"code={status}"}
        async with AuthenticatedClient(base_url=prism_url, token=TOKEN, headers=headers) as client:
            with pytest.raises(errors.APIStatusError) as caught:
                await get_job.asyncio(ACCOUNT, JOB, client=client)
        assert type(caught.value) is error_class(status), f"HTTP {status} raised {type(caught.value).__name__}"
        assert (caught.value.status_code, caught.value.message) == (status, example["message"])


def test_every_error_status_is_documented_with_a_typed_error() -> None:
    """The parametrised test above ran over the spec's error statuses; there must be some."""
    assert ERROR_STATUSES and 401 in ERROR_STATUSES and all(s >= 400 for s in ERROR_STATUSES)
