"""cancel_job, resume_job and delete_job against a real local server: the custom method's colon
after the encoded id, typed errors, and the retries each operation allows."""

import asyncio
import functools
import json
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import pytest

from fireworks_rft_client import (
    cancel_job,
    cancel_job_async,
    delete_job,
    delete_job_async,
    errors,
    resume_job,
    resume_job_async,
)
from tests.conftest import served_example

from .local_server import Answer, Drop, Stall, local_server
from .scripted_clients import client

JOBS = "/v1/accounts/acme/reinforcementFineTuningJobs"
FAILED_PRECONDITION = Answer(400, {"code": 9, "message": "job is not running: JOB_STATE_COMPLETED", "details": []})

Action = Callable[..., Any]
AsyncAction = Callable[..., Coroutine[Any, Any, Any]]
ACTIONS: list[tuple[str, Action, AsyncAction, str, str]] = [
    ("cancel", cancel_job, cancel_job_async, "POST", ":cancel"),
    ("resume", resume_job, resume_job_async, "POST", ":resume"),
    ("delete", delete_job, delete_job_async, "DELETE", ""),
]
IDS = [name for name, *_ in ACTIONS]


@functools.cache
def resumed() -> dict[str, Any]:
    """The job the spec's resume example answers with (read once; not changed by the tests)."""
    return served_example("resumeReinforcementFineTuningJob")


def answer_for(name: str) -> Answer:
    return Answer(200, resumed() if name == "resume" else {})


def run_async(url: str, action: AsyncAction, job: str, **kwargs: Any) -> Any:
    async def run() -> Any:
        async with client(url) as made:
            return await action(made, job, **kwargs)

    return asyncio.run(run())


@pytest.mark.parametrize(("name", "sync", "async_", "method", "suffix"), ACTIONS, ids=IDS)
@pytest.mark.parametrize(
    ("job", "path"),
    [
        ("rft-1", "/rft-1"),
        ("accounts/acme/reinforcementFineTuningJobs/rft-1", "/rft-1"),
        ("a:b", "/a%3Ab"),  # a colon in the id is encoded: only the method's colon stays one
        ("ünï cødé", "/%C3%BCn%C3%AF%20c%C3%B8d%C3%A9"),
        ("%2e%2e", "/%252e%252e"),
    ],
)
def test_each_action_reaches_the_jobs_own_path(
    name: str, sync: Action, async_: AsyncAction, method: str, suffix: str, job: str, path: str
) -> None:
    with local_server([answer_for(name)]) as server:
        result = sync(client(server.url), job)
        async_result = run_async(server.url, async_, job)
    assert [r.path for r in server.requests] == [JOBS + path + suffix] * 2
    if name == "resume":
        assert result == async_result and result.state == "JOB_STATE_RUNNING"
    else:
        assert result is None and async_result is None
    if method == "POST":  # the custom methods send the empty object
        assert [json.loads(r.body) for r in server.requests] == [{}, {}]
    else:
        assert [r.body for r in server.requests] == [b"", b""]


@pytest.mark.parametrize(("name", "sync", "async_", "method", "suffix"), ACTIONS, ids=IDS)
@pytest.mark.parametrize(
    "job", ["a/b", "..", ".", "", "a\nb", "accounts/other/datasets/x", "accounts/acme/reinforcementFineTuningJobs/a/b"]
)
def test_an_id_that_would_leave_the_jobs_path_is_refused_before_any_request(
    name: str, sync: Action, async_: AsyncAction, method: str, suffix: str, job: str
) -> None:
    with local_server() as server:
        with pytest.raises(ValueError, match="job"):
            sync(client(server.url), job)
        with pytest.raises(ValueError, match="job"):
            run_async(server.url, async_, job)
    assert server.requests == []


@pytest.mark.parametrize(
    "cancel", [cancel_job, lambda c, j: run_async(c.base_url, cancel_job_async, j)], ids=["sync", "async"]
)
def test_cancelling_a_finished_job_is_a_typed_failed_precondition(cancel: Action) -> None:
    with local_server([FAILED_PRECONDITION]) as server, pytest.raises(errors.BadRequestError) as caught:
        cancel(client(server.url), "rft-1")
    assert caught.value.code == 9 and "JOB_STATE_COMPLETED" in str(caught.value)
    assert len(server.requests) == 1


@pytest.mark.parametrize(("name", "sync", "async_"), [(n, s, a) for n, s, a, *_ in ACTIONS[:2]], ids=IDS[:2])
@pytest.mark.parametrize(
    "first",
    [Drop(), Answer(503), Answer(429, headers={"Retry-After": "0"}), Answer(500)],
    ids=["dropped", "503", "429", "500"],
)
def test_cancel_and_resume_are_not_sent_again_once_they_may_have_reached_the_server(
    name: str, sync: Action, async_: AsyncAction, first: Any
) -> None:
    with local_server([first, answer_for(name)]) as server:
        with pytest.raises(errors.FireworksError):
            sync(client(server.url, max_retries=3), "rft-1")
    assert len(server.requests) == 1
    with local_server([first, answer_for(name)]) as server:
        with pytest.raises(errors.FireworksError):
            run_async(server.url, async_, "rft-1")
    assert len(server.requests) == 1


@pytest.mark.parametrize(("name", "sync", "async_"), [(n, s, a) for n, s, a, *_ in ACTIONS[:2]], ids=IDS[:2])
def test_cancel_and_resume_are_sent_again_after_a_connect_error(name: str, sync: Action, async_: AsyncAction) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        if name == "resume":
            return httpx.Response(200, json=resumed())
        return httpx.Response(200, json={})

    made = client("http://api.test", httpx_client=httpx.Client(transport=httpx.MockTransport(handler)))
    sync(made, "rft-1")
    assert calls == [f"{JOBS}/rft-1:{name}"] * 2


def test_delete_is_retried_like_a_get() -> None:
    with local_server([Answer(503), Drop(), Answer(200, {})]) as server:
        delete_job(client(server.url), "rft-1")  # no error
    assert len(server.requests) == 3


def test_delete_meeting_404_on_a_retry_is_done_but_on_the_first_attempt_an_error() -> None:
    not_found = Answer(404, {"code": 5, "message": "not found"})
    with local_server([Drop(), not_found]) as server:
        delete_job(client(server.url), "rft-1")  # no error
        assert len(server.requests) == 2
    with local_server([Drop(), not_found]) as server:
        assert run_async(server.url, delete_job_async, "rft-1") is None
        assert len(server.requests) == 2
    with local_server([not_found]) as server, pytest.raises(errors.NotFoundError):
        delete_job(client(server.url), "rft-1")
    with local_server([not_found]) as server, pytest.raises(errors.NotFoundError):
        run_async(server.url, delete_job_async, "rft-1")


@pytest.mark.parametrize(("name", "sync", "async_", "method", "suffix"), ACTIONS, ids=IDS)
def test_a_per_call_timeout_ends_a_stalled_call(
    name: str, sync: Action, async_: AsyncAction, method: str, suffix: str
) -> None:
    with local_server([Stall()]) as server:
        with pytest.raises(errors.APITimeoutError):
            sync(client(server.url), "rft-1", timeout=httpx.Timeout(2.0, read=0.2), max_retries=0)
    assert len(server.requests) == 1


def test_an_error_body_with_a_secret_is_masked() -> None:
    body = {"code": 9, "message": "bad", "wandbConfig": {"apiKey": "wandb-secret-999"}}
    with local_server([Answer(400, body)]) as server, pytest.raises(errors.BadRequestError) as caught:
        cancel_job(client(server.url), "rft-1")
    assert "wandb-secret-999" not in str(caught.value) and "fw-test" not in repr(caught.value)


@pytest.mark.parametrize("use_aiohttp", [False, True], ids=["httpx", "aiohttp"])
def test_async_unsent_means_a_connection_never_made_on_either_transport(use_aiohttp: bool) -> None:
    """A refused connection is retried; a dropped answer is not (httpx-aiohttp alone would report
    it as a ConnectTimeout; our aiohttp transport maps it to a ReadError, as httpx's own does)."""

    async def cancel(url: str) -> None:
        async with client(url, use_aiohttp=use_aiohttp, max_retries=2) as made:
            await cancel_job_async(made, "rft-1")

    with local_server() as server:
        closed = server.url
    with pytest.raises(errors.APIConnectionError, match="after 3 attempts"):
        asyncio.run(cancel(closed))
    with local_server([Drop(), Answer(200, {})]) as server:
        with pytest.raises(errors.APIConnectionError) as caught:
            asyncio.run(cancel(server.url))
        assert len(server.requests) == 1 and "attempts" not in str(caught.value)
