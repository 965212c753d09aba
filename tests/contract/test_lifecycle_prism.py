"""Guard 4 for the job's whole life: create, list, cancel, resume and delete against Prism.

Prism (the session's ``prism_url``, with ``--errors``) validates every request against the spec
(path with the custom method's colon, query, JSON body, token) and marks a request it dislikes
with an ``sl-violations`` header. Each operation is called through the package's helpers, sync
and async; its 200 example must arrive intact, and each documented error as its typed error.
"""

import functools
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from fireworks_rft_client import (
    AuthenticatedClient,
    cancel_job,
    cancel_job_async,
    create_job,
    create_job_async,
    delete_job,
    delete_job_async,
    errors,
    list_jobs,
    list_jobs_async,
    resume_job,
    resume_job_async,
)
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import (
    cancel_reinforcement_fine_tuning_job,
    resume_reinforcement_fine_tuning_job,
)
from fireworks_rft_client.models import Empty
from tests.conftest import load_spec, spec_operation
from tests.time_limits import slow

from .comparison import differences
from .spec_tools import inline_refs, resolve

TOKEN = "fw-contract-test-token-0123456789"
ACCOUNT, JOB = "acme", "rft-7f3a"
ERROR_CLASSES: dict[int, type[errors.APIStatusError]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    429: errors.RateLimitError,
}
pytestmark = slow(60, "starts Prism (a Node process) when no test has yet; a few dozen requests")


@functools.cache
def spec() -> dict[str, Any]:
    """The spec, read once for the module (nothing here changes it)."""
    return load_spec()


def create_body() -> dict[str, Any]:
    _, _, operation = spec_operation(spec(), "createReinforcementFineTuningJob")
    body: dict[str, Any] = operation["requestBody"]["content"]["application/json"]["example"]
    return body


# operationId -> (sync call, async call); each takes a client and returns what the helper returns.
CALLS: dict[str, tuple[Callable[[AuthenticatedClient], Any], Callable[[AuthenticatedClient], Any]]] = {
    "createReinforcementFineTuningJob": (
        lambda c: create_job(c, create_body(), job_id=JOB),
        lambda c: create_job_async(c, create_body(), job_id=JOB),
    ),
    "listReinforcementFineTuningJobs": (
        lambda c: list(
            list_jobs(c, filter='state="JOB_STATE_RUNNING"', order_by="createTime desc", page_size=2).pages()
        ),
        lambda c: _collect(list_jobs_async(c, page_size=2, read_mask="name,state").pages()),
    ),
    "cancelReinforcementFineTuningJob": (lambda c: cancel_job(c, JOB), lambda c: cancel_job_async(c, JOB)),
    "resumeReinforcementFineTuningJob": (lambda c: resume_job(c, JOB), lambda c: resume_job_async(c, JOB)),
    "deleteReinforcementFineTuningJob": (lambda c: delete_job(c, JOB), lambda c: delete_job_async(c, JOB)),
}
OPERATIONS = sorted(CALLS)


async def _collect(pages: Any) -> list[Any]:
    return [page async for page in pages]


def documented(operation_id: str) -> dict[int, dict[str, Any]]:
    """Each documented status of the operation with its example body and schema."""
    _, _, operation = spec_operation(spec(), operation_id)
    found = {}
    for status, response in operation["responses"].items():
        media = resolve(spec(), response)["content"]["application/json"]
        example = media["example"] if "example" in media else next(iter(media["examples"].values()))["value"]
        found[int(status)] = {"example": example, "schema": media["schema"]}
    return found


def error_cases() -> list[tuple[str, int]]:
    return [(op, status) for op in OPERATIONS for status in sorted(documented(op)) if status >= 400]


class Recorder:
    """The requests and responses of a client (httpx event hooks), to read Prism's verdict."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response] = []

    def hooks(self, *, asynchronous: bool) -> dict[str, Any]:
        if not asynchronous:
            return {"event_hooks": {"request": [self.requests.append], "response": [self.responses.append]}}

        async def request(r: httpx.Request) -> None:
            self.requests.append(r)

        async def response(r: httpx.Response) -> None:
            self.responses.append(r)

        return {"event_hooks": {"request": [request], "response": [response]}}

    def violations(self) -> list[str]:
        return [r.headers["sl-violations"] for r in self.responses if "sl-violations" in r.headers]


@pytest.fixture
def recorded(prism_url: str) -> Iterator[tuple[AuthenticatedClient, Recorder]]:
    recorder = Recorder()
    with AuthenticatedClient(
        base_url=prism_url, token=TOKEN, account_id=ACCOUNT, httpx_args=recorder.hooks(asynchronous=False)
    ) as client:
        yield client, recorder


def the_200_example_arrived(operation_id: str, result: Any) -> None:
    example = documented(operation_id)[200]
    if operation_id == "listReinforcementFineTuningJobs":
        [page] = result  # the example is the last page: one request, no loop
        result = page.raw
    if result is None:  # cancel and delete answer the empty object: nothing to return
        assert example["example"] == {}
        return
    lost = differences(example["example"], result.to_dict(), inline_refs(spec(), example["schema"]))
    assert not lost, f"the 200 example of {operation_id} did not reach the caller intact:\n  " + "\n  ".join(lost)


@pytest.mark.parametrize("operation_id", OPERATIONS)
def test_each_operation_passes_prism_validation_and_its_example_arrives(
    recorded: tuple[AuthenticatedClient, Recorder], operation_id: str
) -> None:
    client, recorder = recorded
    result = CALLS[operation_id][0](client)
    assert recorder.responses and not recorder.violations(), recorder.violations()
    assert {r.status_code for r in recorder.responses} == {200}
    the_200_example_arrived(operation_id, result)


@pytest.mark.anyio
@pytest.mark.parametrize("operation_id", OPERATIONS)
async def test_each_async_operation_passes_prism_validation(prism_url: str, operation_id: str) -> None:
    recorder = Recorder()
    hooks = recorder.hooks(asynchronous=True)
    async with AuthenticatedClient(base_url=prism_url, token=TOKEN, account_id=ACCOUNT, httpx_args=hooks) as client:
        result = await CALLS[operation_id][1](client)
    assert recorder.responses and not recorder.violations(), recorder.violations()
    the_200_example_arrived(operation_id, result)


@pytest.mark.parametrize(("operation_id", "status"), error_cases())
def test_each_documented_error_reaches_the_caller_as_its_typed_error(
    prism_url: str, operation_id: str, status: int
) -> None:
    example = documented(operation_id)[status]["example"]
    headers = {"Prefer": f"code={status}"}
    with (
        AuthenticatedClient(
            base_url=prism_url, token=TOKEN, account_id=ACCOUNT, headers=headers, max_retries=0
        ) as client,
        pytest.raises(errors.APIStatusError) as caught,
    ):
        CALLS[operation_id][0](client)
    error = caught.value
    expected = ERROR_CLASSES.get(status, errors.InternalServerError if status >= 500 else errors.APIStatusError)
    assert type(error) is expected and error.status_code == status and "sl-violations" not in error.headers
    assert (error.message, error.code) == (example["message"], example["code"])
    assert TOKEN not in str(error)


@pytest.mark.parametrize("job_id", ["a/b", "a:b", "rft 1", "%2F", "x?y#z", "..."])
@pytest.mark.parametrize(
    "endpoint", [cancel_reinforcement_fine_tuning_job, resume_reinforcement_fine_tuning_job], ids=["cancel", "resume"]
)
def test_an_awkward_id_stays_in_its_segment_and_the_custom_method_still_matches(
    recorded: tuple[AuthenticatedClient, Recorder], endpoint: Any, job_id: str
) -> None:
    """Through the generated endpoint (the helpers refuse "a/b"): Prism routes to the custom method."""
    client, recorder = recorded
    response = endpoint.sync_detailed(ACCOUNT, job_id, client=client, body=Empty())
    assert response.status_code == 200 and not recorder.violations()
    [request] = recorder.requests
    method = endpoint.__name__.rsplit(".", 1)[1].split("_", 1)[0]
    path = request.url.raw_path.decode()
    assert path.count("/") == 5 and path.endswith(f":{method}") and path.count(":") == 1


def test_prism_refuses_a_cancel_without_its_body(prism_url: str) -> None:
    """Prism checks request bodies: the custom method's {} is required, so the checks above mean something."""
    raw = httpx.post(
        f"{prism_url}/v1/accounts/{ACCOUNT}/reinforcementFineTuningJobs/{JOB}:cancel",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert raw.status_code in (400, 415, 422) and "sl-violations" in raw.headers
    bad = httpx.post(
        f"{prism_url}/v1/accounts/{ACCOUNT}/reinforcementFineTuningJobs",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"displayName": "no dataset, no evaluator"},
    )
    assert bad.status_code in (400, 422) and "sl-violations" in bad.headers
