"""The token and the wandb API key stay out of reprs, messages and logs, and off other origins."""

import logging

import httpcore
import pytest

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ResponseValidationError,
)
from fireworks_rft_client.models import ReinforcementFineTuningJob, WandbConfig
from fireworks_rft_client.retries import Backoff

from .conftest import reference_example
from .local_server import Answer, Drop, Step, local_server

TOKEN = "fw-SECRET-token-7f3a9c"
WANDB_KEY = "wandb-SECRET-key-41d2"


def test_token_is_not_in_repr_or_str() -> None:
    client = AuthenticatedClient(base_url="https://api.fireworks.ai", token=TOKEN, account_id="acme")
    for text in (repr(client), str(client), repr(client.with_options(timeout=1)), repr(client.with_headers({}))):
        assert TOKEN not in text
    assert repr(client) == "AuthenticatedClient(base_url='https://api.fireworks.ai', account_id='acme')"
    assert client.token == TOKEN, "the token itself stays readable"


def test_wandb_api_key_is_masked_in_repr_but_readable() -> None:
    body = reference_example()
    body["wandbConfig"]["apiKey"] = WANDB_KEY
    job = ReinforcementFineTuningJob.from_dict(body)
    assert job.wandb_config and job.wandb_config.api_key == WANDB_KEY
    assert WANDB_KEY not in repr(job) and WANDB_KEY not in str(job)
    assert "api_key='***'" in repr(job.wandb_config)
    assert job.to_dict()["wandbConfig"]["apiKey"] == WANDB_KEY, "to_dict keeps the real value"
    assert "api_key=" in repr(WandbConfig()), "an absent key is shown as absent"


def test_callers_headers_dict_is_not_modified() -> None:
    headers = {"X-Trace": "1"}
    with local_server([Answer(200, {})]) as server:
        client = AuthenticatedClient(base_url=server.url, token=TOKEN, headers=headers)
        with client:
            get_job.sync("acme", "rft-1", client=client)
            other = client.with_headers({"X-Other": "2"}).with_options(max_retries=0)
            get_job.sync("acme", "rft-1", client=other)
            other.close()
    assert headers == {"X-Trace": "1"}
    assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert server.requests[0].headers["x-trace"] == "1"


def test_token_is_not_logged_at_any_level(caplog: pytest.LogCaptureFixture) -> None:
    script: list[Step] = [
        Answer(503, {"message": "busy"}),
        Drop(),
        Answer(200, {"name": "n"}),
        Answer(401, {"code": 16}),
    ]
    with caplog.at_level(logging.DEBUG):  # root: httpx, httpcore and our own logger included
        with local_server(script) as server:
            with AuthenticatedClient(base_url=server.url, token=TOKEN, backoff=Backoff(0.001, 0.001)) as client:
                get_job.sync("acme", "rft-1", client=client)
                with pytest.raises(AuthenticationError) as caught:
                    get_job.sync("acme", "rft-1", client=client)
    loggers = {record.name.split(".")[0] for record in caplog.records}
    expected = {"httpx", "fireworks_rft_client"}
    if tuple(int(part) for part in httpcore.__version__.split(".")[:2]) >= (0, 17):
        expected.add("httpcore")  # httpcore logs since 0.17; the lowest httpx allowed (make test-pythons) has 0.16
    assert expected <= loggers, "the test must see the DEBUG records"
    assert any("retry 1 of 2" in record.getMessage() for record in caplog.records)
    for record in caplog.records:
        assert TOKEN not in record.getMessage(), record.name
        assert TOKEN not in repr(record.args), record.name
    assert TOKEN not in caplog.text
    assert TOKEN not in str(caught.value) and TOKEN not in repr(caught.value)


def test_token_is_not_in_connection_error_messages() -> None:
    with local_server() as server:
        url = server.url
    client = AuthenticatedClient(base_url=url, token=TOKEN, max_retries=0)
    with pytest.raises(APIConnectionError) as caught:
        get_job.sync("acme", "rft-1", client=client)
    assert TOKEN not in str(caught.value) and TOKEN not in repr(caught.value)
    client.close()


def test_credentials_in_the_base_url_stay_out_of_messages() -> None:
    with local_server([Answer(200, b"not json")]) as server:
        url = server.url.replace("http://", "http://user:url-password@")
        with AuthenticatedClient(base_url=url, token=TOKEN) as client:
            with pytest.raises(ResponseValidationError) as caught:
                get_job.sync("acme", "rft-1", client=client)
    assert "url-password" not in str(caught.value) and caught.value.url.startswith("http://127.0.0.1:")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_default_client_does_not_follow_a_redirect(status: int) -> None:
    """follow_redirects is False by default: a redirect, here to another server, is raised as it
    is (an APIStatusError with the Location), and nothing -- no token -- goes to where it points."""
    with local_server([Answer(200, {"name": "from-other-origin"})]) as other:
        redirect = Answer(status, b"", headers={"Location": f"{other.url}/landing"})
        with local_server([redirect]) as origin:
            with AuthenticatedClient(base_url=origin.url, token=TOKEN) as client:
                with pytest.raises(APIStatusError) as caught:
                    get_job.sync("acme", "rft-1", client=client)
    assert type(caught.value) is APIStatusError and caught.value.status_code == status
    assert caught.value.headers["location"] == f"{other.url}/landing"
    assert len(origin.requests) == 1, "a redirect is no retryable status"
    assert other.requests == [], "the redirect was followed"


def test_authorization_is_not_sent_to_another_origin_on_redirect() -> None:
    with local_server([Answer(200, {"name": "from-other-origin"})]) as other:
        redirect = Answer(302, b"", headers={"Location": f"{other.url}/landing"})
        with local_server([redirect]) as origin:
            with AuthenticatedClient(base_url=origin.url, token=TOKEN, follow_redirects=True) as client:
                job = get_job.sync("acme", "rft-1", client=client)
    assert job.name == "from-other-origin", "the redirect was followed"
    assert origin.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert other.paths == ["/landing"]
    assert "authorization" not in other.requests[0].headers


def test_authorization_is_kept_on_a_same_origin_redirect() -> None:
    """The counterpart: the header is dropped only when the origin changes."""
    with local_server([Answer(302, b"", headers={"Location": "/moved"}), Answer(200, {"name": "n"})]) as server:
        with AuthenticatedClient(base_url=server.url, token=TOKEN, follow_redirects=True) as client:
            get_job.sync("acme", "rft-1", client=client)
    assert server.paths[1] == "/moved"
    assert server.requests[1].headers["authorization"] == f"Bearer {TOKEN}"
