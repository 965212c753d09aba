"""Errors and models survive pickle, copy.copy and copy.deepcopy with every value intact.

Errors come from real requests to a server on 127.0.0.1 (and from the waiter); one of them
crosses a real process boundary. Models carry nanosecond timestamps, unknown fields at every
level and enum values this client does not know.
"""

import asyncio
import concurrent.futures
import copy
import datetime
import inspect
import multiprocessing
import pickle
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, create_job, errors, list_jobs, waiter
from fireworks_rft_client._decode import Timestamp
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.models import JobState, Region, ReinforcementFineTuningJob, RpcStatus, StatusCode
from tools.job_script_server import Step, job_script_server

from .local_server import Answer, Stall, local_server
from .spec_fields import example_field

# An int field of the training settings, from the spec: a string there does not fit.
INT = example_field("integer", "int32", under="trainingConfig")
MISFIT = INT.payload("3")

TOKEN = "fw-copies-token-0123456789"
JOB = "accounts/acme/reinforcementFineTuningJobs/rft-1"
ERROR_BODY = {
    "code": 8,
    "message": "quota exhausted",
    "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "3600s"}],
}
NANO_JOB: dict[str, Any] = {
    "name": JOB,
    "createTime": "2023-11-07T05:31:56.123456789Z",
    "completedTime": "2023-11-07T07:31:56.000000001+02:00",
    "state": "JOB_STATE_FROBNICATING",
    "status": {"code": "SOMETHING_NEW", "message": "m", "statusExtra": [1, {"a": None}]},
    "trainingConfig": {"region": "MARS_1", INT.name: 3, "learningRate": 0.5, "trainingExtra": {"deep": True}},
    "wandbConfig": {"apiKey": "wandb-secret", "enabled": True, "wandbExtra": "w"},
    "inferenceParameters": {"topK": 5, "inferenceExtra": 1.5},
    "jobExtra": {"nested": ["x", 2]},
}
COPIES: list[tuple[str, Callable[[Any], Any]]] = [
    ("pickle", lambda value: pickle.loads(pickle.dumps(value))),  # noqa: S301 - our own bytes
    ("pickle-protocol-0", lambda value: pickle.loads(pickle.dumps(value, protocol=0))),  # noqa: S301
    ("copy", copy.copy),
    ("deepcopy", copy.deepcopy),
]
COPY_IDS = [name for name, _ in COPIES]
COPY_FUNCS = [func for _, func in COPIES]


@pytest.fixture
def client_for() -> Iterator[Callable[[str], AuthenticatedClient]]:
    clients: list[AuthenticatedClient] = []

    def make(url: str) -> AuthenticatedClient:
        client = AuthenticatedClient(base_url=url, token=TOKEN, max_retries=0, timeout=httpx.Timeout(5, read=0.3))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


# --- errors -----------------------------------------------------------------------------------


def status_error(status: int, client_for: Callable[[str], AuthenticatedClient]) -> errors.APIStatusError:
    headers = {"Retry-After": "3600", "X-Request-Id": "req-1"}
    with local_server([Answer(status, ERROR_BODY, headers)]) as server, pytest.raises(errors.APIStatusError) as caught:
        get_job.sync("acme", "rft-1", client=client_for(server.url))
    return caught.value


STATUS_ERRORS = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    418: errors.APIStatusError,
    429: errors.RateLimitError,
    503: errors.InternalServerError,
}
STATUS_ATTRIBUTES = ("status_code", "body", "method", "url", "message", "code", "details", "retry_after")


@pytest.mark.parametrize("copier", COPY_FUNCS, ids=COPY_IDS)
@pytest.mark.parametrize("status", sorted(STATUS_ERRORS))
def test_status_errors_survive_with_every_value(
    status: int, copier: Callable[[Any], Any], client_for: Callable[[str], AuthenticatedClient]
) -> None:
    error = status_error(status, client_for)
    assert type(error) is STATUS_ERRORS[status]
    clone = copier(error)
    assert type(clone) is type(error) and clone is not error
    assert str(clone) == str(error) and clone.args == error.args
    for name in STATUS_ATTRIBUTES:
        assert getattr(clone, name) == getattr(error, name), name
    assert clone.retry_after == 3600.0 and clone.code == 8 and clone.details == ERROR_BODY["details"]
    assert list(clone.headers.multi_items()) == list(error.headers.multi_items())
    assert clone.headers["x-request-id"] == "req-1"
    # The response: shared by copies, rebuilt from the values above by pickle.
    assert clone.response.status_code == status and clone.response.content == error.body
    assert clone.response.headers["retry-after"] == "3600"
    assert clone.response.request.method == "GET" and str(clone.response.request.url) == error.url
    assert clone.response.json() == ERROR_BODY


def test_deepcopy_copies_the_values_and_shares_the_response(
    client_for: Callable[[str], AuthenticatedClient],
) -> None:
    error = status_error(429, client_for)
    clone = copy.deepcopy(error)
    assert clone.response is error.response and copy.copy(error).response is error.response
    assert clone.details == error.details and clone.details is not error.details
    clone.details[0]["retryDelay"] = "1s"
    assert error.details[0]["retryDelay"] == "3600s"


def test_a_pickled_error_carries_no_credential(client_for: Callable[[str], AuthenticatedClient]) -> None:
    error = status_error(401, client_for)
    assert error.response.request.headers["authorization"] == f"Bearer {TOKEN}"  # the original has it
    data = pickle.dumps(error)
    assert TOKEN.encode() not in data
    clone = pickle.loads(data)  # noqa: S301 - our own bytes
    assert "authorization" not in clone.response.request.headers
    assert clone.response.extensions == {} and clone.response.history == []


def test_a_gzip_error_body_comes_back_decoded(client_for: Callable[[str], AuthenticatedClient]) -> None:
    import gzip
    import json

    body = gzip.compress(json.dumps(ERROR_BODY).encode())
    answer = Answer(503, body, {"Content-Encoding": "gzip", "Content-Type": "application/json"})
    with local_server([answer]) as server, pytest.raises(errors.InternalServerError) as caught:
        get_job.sync("acme", "rft-1", client=client_for(server.url))
    clone = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes
    assert clone.headers["content-encoding"] == "gzip" and clone.message == "quota exhausted"
    assert "content-encoding" not in clone.response.headers and clone.response.json() == ERROR_BODY


def other_errors(client_for: Callable[[str], AuthenticatedClient]) -> list[errors.FireworksError]:
    """One of every error class that is not an APIStatusError, each raised for real."""
    found: list[errors.FireworksError] = []
    with local_server([Answer(200, MISFIT)]) as server:
        with pytest.raises(errors.ResponseValidationError) as invalid:
            get_job.sync("acme", "rft-1", client=client_for(server.url))
    found.append(invalid.value)
    with local_server([Stall()]) as server, pytest.raises(errors.APITimeoutError) as timed_out:
        get_job.sync("acme", "rft-1", client=client_for(server.url))
    found.append(timed_out.value)
    with local_server() as server:
        closed_url = server.url  # nothing listens there once the server has stopped
    with pytest.raises(errors.APIConnectionError) as refused:
        get_job.sync("acme", "rft-1", client=client_for(closed_url))
    found.append(refused.value)
    with pytest.raises(errors.ConfigurationError) as no_key:
        AuthenticatedClient(base_url="http://127.0.0.1:9", token="")
    found.append(no_key.value)
    with pytest.raises(errors.DecodeError) as decode:
        ReinforcementFineTuningJob.from_dict(MISFIT)
    found.append(decode.value)
    closed = AuthenticatedClient(base_url="http://127.0.0.1:9", token="fw-test")
    with closed:
        pass
    with pytest.raises(errors.ClientClosedError) as after_close:
        get_job.sync("acme", "rft-1", client=closed)
    found.append(after_close.value)
    with pytest.raises(errors.RequestValidationError) as bad_body:
        create_job(client_for("http://127.0.0.1:9"), {"dataset": "d"}, account_id="acme")
    found.append(bad_body.value)
    page = {"reinforcementFineTuningJobs": [{"name": JOB}], "nextPageToken": "t1"}
    with local_server([Answer(200, page)]) as server, pytest.raises(errors.PaginationError) as looping:
        list(list_jobs(client_for(server.url), account_id="acme"))
    found.append(looping.value)
    bad_header = httpx.Client(headers={"X-Api-Key": "fw-key\n"})  # a caller's client: not checked by ours
    with local_server() as server, pytest.raises(errors.InvalidRequestError) as invalid_request:
        get_job.sync("acme", "rft-1", client=client_for(server.url).set_httpx_client(bad_header))
    bad_header.close()
    found.append(invalid_request.value)
    found.append(other_loop_error())
    found.append(errors.FireworksError("plain"))
    found.append(errors.APIError("request-bound", method="GET", url="http://127.0.0.1/x"))
    return found


def other_loop_error() -> errors.EventLoopError:
    """A client in use on a loop that still runs (another thread's), called from a second loop."""
    client = AuthenticatedClient(base_url="http://127.0.0.1:9", token=TOKEN)
    first = asyncio.new_event_loop()
    started = threading.Event()
    thread = threading.Thread(target=first.run_forever, daemon=True)
    first.call_soon(started.set)
    thread.start()
    try:
        started.wait(5)

        async def use() -> None:
            client.get_async_httpx_client()

        asyncio.run_coroutine_threadsafe(use(), first).result(5)
        with pytest.raises(errors.EventLoopError) as caught:
            asyncio.run(use())
    finally:
        first.call_soon_threadsafe(first.stop)
        thread.join(5)
        first.run_until_complete(client.aclose())
        first.close()
    return caught.value


def waiter_errors() -> list[errors.FireworksError]:
    found: list[errors.FireworksError] = []
    fast: dict[str, Any] = {"poll_interval": 0.001, "max_interval": 0.002}
    steps = [
        Step(state="JOB_STATE_RUNNING"),
        Step(state="JOB_STATE_FAILED", job=NANO_JOB | {"state": "JOB_STATE_FAILED"}),
    ]
    with job_script_server(steps) as server:
        with AuthenticatedClient(base_url=server.base_url, token=TOKEN, max_retries=0) as client:
            with pytest.raises(waiter.JobFailedError) as failed:
                waiter.wait_for_job(client, JOB, **fast)
    found.append(failed.value)
    with job_script_server([Step(status=503)]) as server:
        with AuthenticatedClient(base_url=server.base_url, token=TOKEN, max_retries=0) as client:
            with pytest.raises(waiter.WaitTimeoutError) as timed_out:
                # On a clock that moves only in the waiter's pauses: no poll is cut off at the deadline.
                now = [0.0]
                waiter.wait_for_job(
                    client, JOB, timeout=0.05, clock=lambda: now[0], sleep=lambda s: now.append(now.pop() + s), **fast
                )
    found.append(timed_out.value)
    found.append(waiter.WaitError("gave up", job=None, elapsed=1.5))
    return found


def error_classes() -> set[type[errors.FireworksError]]:
    modules = (errors, waiter)
    return {
        obj
        for module in modules
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, errors.FireworksError) and obj.__module__ == module.__name__
    }


def test_every_error_class_is_covered(client_for: Callable[[str], AuthenticatedClient]) -> None:
    covered = {type(error) for error in other_errors(client_for) + waiter_errors()} | set(STATUS_ERRORS.values())
    assert error_classes() - covered == set(), "a new error class needs a case in this module"


def same_error(clone: Any, error: Any) -> None:
    assert type(clone) is type(error) and clone is not error
    assert str(clone) == str(error) and repr(clone) == repr(error)
    assert clone.args == error.args
    assert clone.__dict__.keys() == error.__dict__.keys()
    for name, value in error.__dict__.items():
        if isinstance(value, httpx.Response):
            copied = getattr(clone, name)
            assert (copied.status_code, copied.content) == (value.status_code, value.content), name
        elif isinstance(value, errors.FireworksError):
            if getattr(clone, name) is not value:  # copy.copy shares it
                same_error(getattr(clone, name), value)
        else:
            assert getattr(clone, name) == value, name


@pytest.mark.parametrize("copier", COPY_FUNCS, ids=COPY_IDS)
def test_every_other_error_survives_with_every_value(
    copier: Callable[[Any], Any], client_for: Callable[[str], AuthenticatedClient]
) -> None:
    for error in other_errors(client_for) + waiter_errors():
        same_error(copier(error), error)


def test_decode_error_keeps_its_path(client_for: Callable[[str], AuthenticatedClient]) -> None:
    with local_server([Answer(200, MISFIT)]) as server:
        with pytest.raises(errors.ResponseValidationError) as caught:
            get_job.sync("acme", "rft-1", client=client_for(server.url))
    clone = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes
    assert clone.field == INT.dotted and clone.status_code == 200
    assert clone.response.json() == MISFIT
    with pytest.raises(errors.DecodeError) as decode:
        ReinforcementFineTuningJob.from_dict(MISFIT)
    for copier in COPY_FUNCS:
        again = copier(decode.value)
        assert again.path == list(INT.path) and str(again) == str(decode.value)


def test_waiter_errors_keep_the_job_and_the_last_error() -> None:
    failed: Any
    timed_out: Any
    failed, timed_out, _ = waiter_errors()
    for copier in COPY_FUNCS:
        clone = copier(failed)
        assert isinstance(clone, waiter.JobFailedError) and clone.state == JobState.JOB_STATE_FAILED
        assert clone.job == failed.job and getattr(clone.job.create_time, "nanosecond", None) == 789
        late = copier(timed_out)
        assert isinstance(late.last_error, errors.InternalServerError) and late.last_error.status_code == 503


def fetch_in_a_child(url: str, status: int) -> str:
    """Runs in a spawned process: the error it raises is pickled back to the parent."""
    with AuthenticatedClient(base_url=url, token=TOKEN, max_retries=0) as client:
        get_job.sync("acme", "rft-1", client=client)
    return f"no error for {status}"


def test_an_error_crosses_a_process_boundary() -> None:
    with local_server([Answer(429, ERROR_BODY, {"Retry-After": "3600"})]) as server:
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            future = pool.submit(fetch_in_a_child, server.url, 429)
            with pytest.raises(errors.RateLimitError) as caught:
                future.result(timeout=60)
    error = caught.value
    assert error.status_code == 429 and error.retry_after == 3600.0 and error.code == 8
    assert error.message == "quota exhausted" and error.url.endswith("/reinforcementFineTuningJobs/rft-1")
    assert error.response.json() == ERROR_BODY


# --- models -----------------------------------------------------------------------------------


def test_models_survive_with_every_value() -> None:
    job = ReinforcementFineTuningJob.from_dict(NANO_JOB)
    assert isinstance(job.state, JobState) and job.state.is_unknown  # the fixture is what it claims
    for copier in COPY_FUNCS:
        clone = copier(job)
        assert clone == job and clone.to_dict() == job.to_dict() == NANO_JOB | {
            "completedTime": "2023-11-07T07:31:56.000000001+02:00"
        }
        for name in ("create_time", "completed_time"):
            stamp = getattr(clone, name)
            assert type(stamp) is Timestamp and stamp.nanosecond == getattr(job, name).nanosecond
        assert clone.create_time.nanosecond == 789 and clone.completed_time.nanosecond == 1
        assert clone.completed_time.utcoffset() == datetime.timedelta(hours=2)
        assert isinstance(clone.state, JobState) and clone.state.is_unknown and clone.state == "JOB_STATE_FROBNICATING"
        assert isinstance(clone.training_config.region, Region) and clone.training_config.region.is_unknown
        assert isinstance(clone.status.code, StatusCode) and clone.status.code.is_unknown
        assert clone.additional_properties == {"jobExtra": {"nested": ["x", 2]}}
        assert clone.training_config.additional_properties == {"trainingExtra": {"deep": True}}
        assert clone.status.additional_properties == {"statusExtra": [1, {"a": None}]}
        assert clone.wandb_config.additional_properties == {"wandbExtra": "w"}
        assert clone.wandb_config.api_key == "wandb-secret"
        assert clone.inference_parameters.additional_properties == {"inferenceExtra": 1.5}


def test_deepcopy_of_a_model_is_independent() -> None:
    job = ReinforcementFineTuningJob.from_dict(NANO_JOB)
    clone = copy.deepcopy(job)
    clone.training_config.additional_properties["trainingExtra"]["deep"] = False  # type: ignore[union-attr]
    clone["jobExtra"]["nested"].append(3)
    assert job.to_dict() == ReinforcementFineTuningJob.from_dict(NANO_JOB).to_dict()
    assert clone != job


def test_error_body_model_survives() -> None:
    status = RpcStatus.from_dict(ERROR_BODY | {"extra": 1})
    for copier in COPY_FUNCS:
        clone = copier(status)
        assert clone == status and clone.to_dict() == ERROR_BODY | {"extra": 1}
        assert clone.details[0].additional_properties == {"retryDelay": "3600s"}


# --- nanosecond timestamps compare by their full value ----------------------------------------


def test_a_copy_that_lost_the_nanoseconds_no_longer_compares_equal() -> None:
    job = ReinforcementFineTuningJob.from_dict(NANO_JOB)
    lossy = copy.copy(job)
    lossy.create_time = datetime.datetime.fromisoformat("2023-11-07T05:31:56.123456+00:00")
    assert lossy != job, "the lost nanoseconds show"
    assert lossy.to_dict() != job.to_dict()


def test_timestamp_comparisons_count_the_nanoseconds() -> None:
    job = ReinforcementFineTuningJob.from_dict(NANO_JOB)
    stamp = job.create_time
    assert isinstance(stamp, Timestamp)
    micro = datetime.datetime(2023, 11, 7, 5, 31, 56, 123456, tzinfo=datetime.UTC)
    assert stamp != micro and micro != stamp and not stamp == micro and not micro == stamp
    assert micro < stamp and stamp > micro and micro <= stamp and stamp >= micro
    assert not stamp < micro and not micro > stamp
    assert stamp < micro + datetime.timedelta(microseconds=1)
    earlier: Any = ReinforcementFineTuningJob.from_dict({"createTime": "2023-11-07T05:31:56.123456788Z"}).create_time
    assert earlier < stamp and earlier != stamp and stamp >= earlier
    same = ReinforcementFineTuningJob.from_dict({"createTime": "2023-11-07T07:31:56.123456789+02:00"}).create_time
    assert same == stamp and hash(same) == hash(stamp), "the same instant in another offset"
    zero = ReinforcementFineTuningJob.from_dict({"createTime": "2023-11-07T05:31:56.123456000Z"}).create_time
    assert zero == micro and hash(zero) == hash(micro) and len({zero, micro, stamp}) == 2
    assert stamp != "2023-11-07T05:31:56.123456789Z"
    assert "nanosecond=789" in repr(stamp)
    assert stamp - Timestamp.fromisoformat(micro.isoformat()) == datetime.timedelta(0), "arithmetic: microseconds"
