"""Every non-2xx answer raises a typed error that keeps the answer and reads its JSON body."""

import json
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, errors, waiter
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import (
    APIError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FireworksError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    error_for_response,
)

from .local_server import Answer, local_server

TOKEN = "fw-test-token-errors-0123"


def client_answering(status: int, content: bytes, headers: dict[str, str] | None = None) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers=headers or {})

    return AuthenticatedClient(
        base_url="https://api.fireworks.ai",
        token=TOKEN,
        max_retries=0,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


def raised(status: int, content: bytes, headers: dict[str, str] | None = None) -> APIStatusError:
    with pytest.raises(APIStatusError) as caught:
        get_job.sync("acme", "rft-1", client=client_answering(status, content, headers))
    return caught.value


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, InternalServerError),
        (501, InternalServerError),
        (503, InternalServerError),
        (520, InternalServerError),
        (529, InternalServerError),
        (499, APIStatusError),
        (418, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_status_maps_to_its_class(status: int, cls: type[APIStatusError]) -> None:
    error = raised(status, b"")
    assert type(error) is cls
    assert isinstance(error, APIError) and isinstance(error, FireworksError)
    assert error.status_code == status
    assert f"HTTP {status}" in str(error)


def test_grpc_gateway_body_is_read() -> None:
    body = {
        "code": 5,
        "message": "reinforcement fine-tuning job not found",
        "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "NOT_FOUND"}],
    }
    error = raised(404, json.dumps(body).encode(), {"Content-Type": "application/json", "X-Request-Id": "r-1"})
    assert isinstance(error, NotFoundError)
    assert error.message == "reinforcement fine-tuning job not found"
    assert error.code == 5
    assert error.details == body["details"]
    assert error.headers["x-request-id"] == "r-1"
    assert error.body == json.dumps(body).encode()
    assert error.method == "GET"
    assert error.url == "https://api.fireworks.ai/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
    assert str(error) == (
        "HTTP 404 Not Found from GET https://api.fireworks.ai/v1/accounts/acme/reinforcementFineTuningJobs/rft-1:"
        " reinforcement fine-tuning job not found (code 5)"
    )


@pytest.mark.parametrize(
    ("body", "message", "code"),
    [
        ({"error": {"code": 429, "message": "slow down", "status": "RESOURCE_EXHAUSTED"}}, "slow down", 429),
        ({"error": {"message": "bad key", "type": "invalid_request_error"}}, "bad key", None),
        ({"error": "unauthenticated"}, "unauthenticated", None),
        ({"message": "plain message", "code": "E42"}, "plain message", "E42"),
        ({"detail": "FastAPI style"}, "FastAPI style", None),
        ({"code": True, "message": 12}, None, None),  # wrong types are ignored, not trusted
        ([1, 2, 3], None, None),
        ("a JSON string", None, None),
    ],
)
def test_other_json_error_shapes(body: Any, message: str | None, code: int | str | None) -> None:
    error = raised(400, json.dumps(body).encode())
    assert error.message == message
    assert error.code == code


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        (b"<html><head><title>502 Bad Gateway</title></head></html>", "<title>502 Bad Gateway</title>"),
        (b"", "no body"),
        (b"upstream connect error", "upstream connect error"),
        (b"\xff\xfe\x00garbage", "garbage"),
    ],
)
def test_non_json_bodies_are_quoted(content: bytes, shown: str) -> None:
    error = raised(502, content)
    assert error.message is None and error.code is None and error.details == []
    assert shown in str(error)
    assert error.body == content


def test_long_body_is_cut_in_the_message_but_kept_whole() -> None:
    content = b"x" * 10_000
    error = raised(500, content)
    assert len(str(error)) < 700
    assert error.body == content


def test_a_quoted_body_is_cut_to_500_characters() -> None:
    """README: "HTML or empty bodies are quoted (cut to 500 characters) in the message"."""
    body = "<html>" + "".join(f"{i:05d}" for i in range(2000)) + "</html>"
    error = raised(502, body.encode())
    assert str(error).endswith(": " + body[:500] + "...")
    with pytest.raises(ResponseValidationError) as caught:
        get_job.sync("acme", "rft-1", client=client_answering(200, body.encode()))
    assert f"body: {body[:500]}...)" in str(caught.value) and body[:501] not in str(caught.value)


def test_every_error_class_derives_from_fireworks_error() -> None:
    """README: "Every error the client raises derives from FireworksError" (the waiter's too)."""
    exported = [getattr(errors, name) for name in errors.__all__] + [getattr(waiter, name) for name in waiter.__all__]
    classes = [obj for obj in exported if isinstance(obj, type) and issubclass(obj, BaseException)]
    assert len(classes) >= 18, classes
    for cls in classes:
        assert issubclass(cls, FireworksError), cls
    assert issubclass(errors.ConfigurationError, ValueError) and issubclass(errors.DecodeError, ValueError)


def test_error_keeps_the_response() -> None:
    error = raised(409, b'{"message": "busy"}')
    assert isinstance(error.response, httpx.Response)
    assert error.response.status_code == 409 and error.response.json() == {"message": "busy"}


def test_sync_detailed_raises_too_and_sync_never_returns_none() -> None:
    client = client_answering(404, b'{"code": 5, "message": "nope"}')
    with pytest.raises(NotFoundError):
        get_job.sync_detailed("acme", "rft-1", client=client)
    with pytest.raises(NotFoundError):
        get_job.sync("acme", "rft-1", client=client)


@pytest.mark.anyio
async def test_async_raises_the_same_errors() -> None:
    client = client_answering(529, b"")
    with pytest.raises(InternalServerError) as caught:
        await get_job.asyncio("acme", "rft-1", client=client)
    assert caught.value.status_code == 529


def test_error_for_a_hand_built_response_works() -> None:
    error = error_for_response(httpx.Response(520, content=b"origin error"))
    assert isinstance(error, InternalServerError)
    assert error.method == "?" and "origin error" in str(error)


def test_secrets_in_an_error_body_are_masked_in_the_message() -> None:
    body = b'{"reason": "bad", "token": "leaked-token-value", "apiKey": "leaked-key"}'
    error = raised(400, body)
    assert error.message is None and '"reason": "bad"' in str(error), "the body is quoted..."
    assert "leaked-token-value" not in str(error) and "leaked-key" not in str(error), "...with secrets masked"
    error_html = raised(500, b'<p>{"apiKey": "leaked-key", "password": "pw-123"}</p>')
    assert "leaked-key" not in str(error_html) and "pw-123" not in str(error_html)


def test_errors_from_a_real_server_carry_everything() -> None:
    answer = Answer(503, {"code": 14, "message": "service unavailable", "details": []}, headers={"X-Request-Id": "abc"})
    with local_server([answer]) as server:
        with AuthenticatedClient(base_url=server.url, token=TOKEN, max_retries=0) as client:
            with pytest.raises(InternalServerError) as caught:
                get_job.sync("acme", "rft-1", client=client)
    error = caught.value
    assert (error.status_code, error.code, error.message) == (503, 14, "service unavailable")
    assert error.headers["x-request-id"] == "abc"
    assert error.url == f"{server.url}/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
    assert TOKEN not in str(error) and TOKEN not in repr(error)
