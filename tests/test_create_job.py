"""create_job: a typed body checked before sending, the job id in its query parameter, and retries
that never start a second job (a real local server that drops answers and answers 409)."""

import asyncio
import copy
import functools
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, create_job, create_job_async, errors, retries
from fireworks_rft_client.models import (
    InferenceParametersInput,
    ReinforcementFineTuningJobInput,
    TrainingConfig,
)
from tests.conftest import load_spec, served_example, spec_operation

from .local_server import Answer, Drop, Step, local_server
from .scripted_clients import OPEN, client
from .spec_fields import example_field

# An int field of the training settings, from the spec (tests/spec_fields.py): any will do.
INT = example_field("integer", "int32", under="trainingConfig")

COLLECTION = "/v1/accounts/acme/reinforcementFineTuningJobs"


@functools.cache
def _examples() -> tuple[dict[str, Any], dict[str, Any]]:
    """The spec's create body example and the job its 200 answer serves (read once)."""
    _, _, operation = spec_operation(load_spec(), "createReinforcementFineTuningJob")
    body: dict[str, Any] = operation["requestBody"]["content"]["application/json"]["example"]
    return body, served_example("createReinforcementFineTuningJob")


def body_example() -> dict[str, Any]:
    """The create body of the spec's example (a copy to change)."""
    return copy.deepcopy(_examples()[0])


def created(job_id: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        **copy.deepcopy(_examples()[1]),
        **body,
        "name": f"accounts/acme/reinforcementFineTuningJobs/{job_id}",
    }


async def create_async(url: str, body: Any, **kwargs: Any) -> Any:
    async with client(url) as made:
        return await create_job_async(made, body, **kwargs)


# ---- the body ------------------------------------------------------------------------------


def test_a_model_and_its_json_form_send_the_same_request() -> None:
    body = body_example()
    model = ReinforcementFineTuningJobInput.from_dict(body)
    answer = Answer(200, created("rft-9", body))
    with local_server([answer]) as server:
        from_model = create_job(client(server.url), model, job_id="rft-9")
        from_dict = create_job(client(server.url), body, job_id="rft-9")
    assert from_model == from_dict and from_model.name == "accounts/acme/reinforcementFineTuningJobs/rft-9"
    first, second = server.requests
    assert json.loads(first.body) == json.loads(second.body) == body
    assert first.headers["content-type"] == "application/json"
    assert [urlsplit(r.path).path for r in server.requests] == [COLLECTION] * 2
    assert [parse_qs(urlsplit(r.path).query) for r in server.requests] == [
        {"reinforcementFineTuningJobId": ["rft-9"]}
    ] * 2


def test_a_model_built_in_python_goes_out_by_the_apis_names() -> None:
    model = ReinforcementFineTuningJobInput(
        dataset="accounts/acme/datasets/d",
        evaluator="accounts/acme/evaluators/e",
        training_config=TrainingConfig.from_dict({INT.name: 2}),
        inference_parameters=InferenceParametersInput(max_output_tokens=2048, response_candidates_count=4),
    )
    with local_server([Answer(200, created("x", {}))]) as server:
        create_job(client(server.url), model)
    sent = json.loads(server.requests[0].body)
    assert sent["inferenceParameters"] == {"maxOutputTokens": 2048, "responseCandidatesCount": 4}
    assert sent["trainingConfig"] == {INT.name: 2}
    assert urlsplit(server.paths[0]).query == ""  # no id: the server picks one


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda b: b.pop("dataset"), "dataset"),
        (lambda b: b.pop("evaluator"), "evaluator"),
        (lambda b: b.update(dataset=7), "dataset"),
        (lambda b: b["trainingConfig"].update({INT.name: "2"}), INT.dotted),
        (lambda b: b["inferenceParameters"].update(maxTokens=10), "inferenceParameters.maxTokens"),  # deprecated name
        (lambda b: b.update(state="JOB_STATE_RUNNING"), "state"),  # output only
        (lambda b: b.update(name="accounts/acme/reinforcementFineTuningJobs/x"), "name"),  # output only
        (lambda b: b.update(datset="typo"), "datset"),
        (lambda b: b.update(wandbConfig={"url": "https://wandb.ai/x"}), "wandbConfig.url"),  # output only
    ],
    ids=["no-dataset", "no-evaluator", "int-dataset", "str-epochs", "deprecated", "state", "name", "typo", "wandb-url"],
)
def test_a_body_that_does_not_fit_raises_before_any_request_naming_the_field(
    change: Callable[[dict[str, Any]], Any], field: str
) -> None:
    body = body_example()
    change(body)
    with local_server([Answer(200, created("x", {}))]) as server:
        with pytest.raises(errors.RequestValidationError) as caught:
            create_job(client(server.url), body)
        assert caught.value.field == field and field in str(caught.value)
        with pytest.raises(errors.RequestValidationError):
            asyncio.run(create_job_async(client(server.url), body))
    assert server.requests == []


def test_a_wrongly_typed_model_attribute_raises_before_any_request() -> None:
    model = ReinforcementFineTuningJobInput(dataset=7, evaluator="e")  # type: ignore[arg-type]
    nested = ReinforcementFineTuningJobInput(dataset="d", evaluator="e", training_config={INT.name: 2})  # type: ignore[arg-type]
    with local_server() as server:
        with pytest.raises(errors.RequestValidationError, match="dataset"):
            create_job(client(server.url), model)
        with pytest.raises(errors.RequestValidationError, match="JSON"):
            create_job(client(server.url), nested)
        with pytest.raises(TypeError, match="body must be"):
            create_job(client(server.url), ["dataset"])  # type: ignore[arg-type]
    assert server.requests == []


def test_a_secret_in_a_refused_body_is_not_quoted() -> None:
    body = body_example() | {"wandbConfig": {"apiKey": "wandb-secret-123", "enabled": "yes"}}
    with pytest.raises(errors.RequestValidationError) as caught:
        create_job(client("http://127.0.0.1:9"), body)
    assert caught.value.field == "wandbConfig.enabled" and "wandb-secret-123" not in str(caught.value)


@pytest.mark.parametrize("job_id", ["", ".", "..", "a/b", "a\nb", "accounts/acme/reinforcementFineTuningJobs/x"])
def test_an_unusable_job_id_raises_before_any_request(job_id: str) -> None:
    with local_server() as server, pytest.raises(ValueError, match="job_id"):
        create_job(client(server.url), body_example(), job_id=job_id)
    assert server.requests == []


def test_no_account_raises_before_any_request() -> None:
    made = AuthenticatedClient(base_url="http://127.0.0.1:9", token="fw-test", account_id=None)
    OPEN.append(made)
    with pytest.raises(ValueError, match="account_id"):
        create_job(made, body_example())


# ---- retries -------------------------------------------------------------------------------


def test_with_an_id_a_409_met_on_a_retry_returns_the_job_our_first_attempt_made() -> None:
    body = body_example()
    script: list[Step] = [
        Drop(),
        Answer(409, {"code": 6, "message": "already exists"}),
        Answer(200, created("rft-9", body)),
    ]
    with local_server(script) as server:
        job = create_job(client(server.url), body, job_id="rft-9")
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/rft-9" and job.dataset == body["dataset"]
    assert [urlsplit(p).path for p in server.paths] == [COLLECTION, COLLECTION, f"{COLLECTION}/rft-9"]
    assert [r.body for r in server.requests[:2]] == [server.requests[0].body] * 2  # the same create, twice


def test_with_an_id_a_409_met_on_a_retry_for_someone_elses_job_stays_an_error() -> None:
    body = body_example()
    theirs = created("rft-9", body) | {"dataset": "accounts/other/datasets/x"}
    script = [Answer(503), Answer(409, {"code": 6, "message": "already exists"}), Answer(200, theirs)]
    with local_server(script) as server, pytest.raises(errors.ConflictError) as caught:
        create_job(client(server.url), body, job_id="rft-9")
    assert len(server.requests) == 3
    assert any("not ours" in note and "dataset" in note for note in caught.value.__notes__)


def test_with_an_id_a_409_on_the_first_attempt_is_an_error_and_fetches_nothing() -> None:
    with local_server([Answer(409, {"code": 6, "message": "already exists"})]) as server:
        with pytest.raises(errors.ConflictError) as caught:
            create_job(client(server.url), body_example(), job_id="rft-9")
    assert len(server.requests) == 1 and caught.value.code == 6


@pytest.mark.parametrize("status", [429, 503])
def test_with_an_id_a_retryable_status_is_retried(status: int) -> None:
    body = body_example()
    with local_server([Answer(status), Answer(200, created("rft-9", body))]) as server:
        job = create_job(client(server.url), body, job_id="rft-9")
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/rft-9" and len(server.requests) == 2


@pytest.mark.parametrize(
    "first", [Drop(), Answer(503), Answer(429, headers={"Retry-After": "0"})], ids=["dropped", "503", "429"]
)
def test_without_an_id_a_create_that_may_have_reached_the_server_is_not_sent_again(first: Any) -> None:
    with local_server([first]) as server:
        with pytest.raises(errors.FireworksError):
            create_job(client(server.url), body_example())
        with pytest.raises(errors.FireworksError):
            asyncio.run(create_async(server.url, body_example()))
    assert len(server.requests) == 2  # one per call: none repeated


def test_without_an_id_a_refused_connection_is_retried() -> None:
    with local_server() as server:
        closed = server.url  # nothing listens there once the server has stopped
    with pytest.raises(errors.APIConnectionError, match="after 3 attempts"):
        create_job(client(closed, max_retries=2), body_example())


def test_without_an_id_a_connect_error_then_success_creates_once() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        if len(calls) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json=created("x", {}))

    made = client("http://api.test", httpx_client=httpx.Client(transport=httpx.MockTransport(handler)))
    job = create_job(made, body_example())
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/x" and calls == ["POST", "POST"]


def test_async_with_an_id_a_409_met_on_a_retry_returns_the_job() -> None:
    body = body_example()
    script: list[Step] = [Drop(), Answer(409, {"code": 6}), Answer(200, created("rft-9", body))]

    with local_server(script) as server:
        job = asyncio.run(create_async(server.url, body, job_id="rft-9"))
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/rft-9" and len(server.requests) == 3


def test_the_attempts_are_noted_on_the_final_response_only_after_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retries, "sleep", lambda seconds: None)
    with local_server([Answer(409, {"code": 6})]) as server, pytest.raises(errors.ConflictError) as once:
        create_job(client(server.url), body_example(), job_id="a")
    assert retries.ATTEMPTS_EXTENSION not in once.value.response.extensions
    with local_server([Answer(503), Answer(503), Answer(409, {"code": 6}), Answer(404)]) as server:
        with pytest.raises(errors.ConflictError) as thrice:
            create_job(client(server.url), body_example(), job_id="a")
    assert thrice.value.response.extensions[retries.ATTEMPTS_EXTENSION] == 3
    assert isinstance(thrice.value.__cause__, errors.NotFoundError)  # the fetch found no job: the 409 stands
