"""Settings the caller leaves out come from FIREWORKS_* environment variables; timeouts are finite."""

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, Client, get_job
from fireworks_rft_client.client import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from fireworks_rft_client.errors import ConfigurationError, FireworksError

from .local_server import Answer, local_server

ENV = ("FIREWORKS_API_KEY", "FIREWORKS_BASE_URL", "FIREWORKS_ACCOUNT_ID")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV:
        monkeypatch.delenv(name, raising=False)


def test_missing_api_key_is_a_clear_typed_error() -> None:
    with pytest.raises(ConfigurationError, match="FIREWORKS_API_KEY") as caught:
        AuthenticatedClient()
    assert isinstance(caught.value, FireworksError) and isinstance(caught.value, ValueError)


def test_empty_api_key_is_refused_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIREWORKS_API_KEY", "")
    with pytest.raises(ConfigurationError, match="FIREWORKS_API_KEY"):
        AuthenticatedClient()
    with pytest.raises(ConfigurationError):
        AuthenticatedClient(token="")


def test_everything_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with local_server([Answer(200, {"name": "n"})]) as server:
        monkeypatch.setenv("FIREWORKS_API_KEY", "fw-from-env")
        monkeypatch.setenv("FIREWORKS_BASE_URL", server.url)
        monkeypatch.setenv("FIREWORKS_ACCOUNT_ID", "acct-from-env")
        with AuthenticatedClient() as client:
            assert client.base_url == server.url and client.account_id == "acct-from-env"
            get_job(client, "rft-1")
    assert server.paths == ["/v1/accounts/acct-from-env/reinforcementFineTuningJobs/rft-1"]
    assert server.requests[0].headers["authorization"] == "Bearer fw-from-env"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIREWORKS_API_KEY", "fw-from-env")
    monkeypatch.setenv("FIREWORKS_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("FIREWORKS_ACCOUNT_ID", "acct-from-env")
    client = AuthenticatedClient(base_url="https://example.invalid", token="fw-arg", account_id="acct-arg")
    assert (client.base_url, client.token, client.account_id) == ("https://example.invalid", "fw-arg", "acct-arg")


def test_defaults_without_environment() -> None:
    client = AuthenticatedClient(token="t")
    assert client.base_url == DEFAULT_BASE_URL == "https://api.fireworks.ai"
    assert client.account_id is None
    assert client.max_retries == DEFAULT_MAX_RETRIES == 2
    assert Client().base_url == DEFAULT_BASE_URL


def test_unauthenticated_client_reads_the_base_url_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIREWORKS_BASE_URL", "http://127.0.0.1:1")
    assert Client().base_url == "http://127.0.0.1:1"


def test_default_timeout_is_finite_5s_connect_60s_read() -> None:
    client = AuthenticatedClient(token="t")
    assert DEFAULT_TIMEOUT == httpx.Timeout(60.0, connect=5.0)
    assert client.timeout == DEFAULT_TIMEOUT
    with client:
        timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 60.0, 60.0, 60.0)


@pytest.mark.parametrize("use_aiohttp", [True, False], ids=["aiohttp", "httpx"])
def test_the_async_client_has_the_same_finite_default_timeout(use_aiohttp: bool) -> None:
    client = AuthenticatedClient(token="t", use_aiohttp=use_aiohttp)
    assert client.get_async_httpx_client().timeout == DEFAULT_TIMEOUT


def test_timeout_per_client() -> None:
    client = AuthenticatedClient(token="t", timeout=3)
    with client:
        assert client.get_httpx_client().timeout == httpx.Timeout(3)


def test_with_options_changes_only_the_copy() -> None:
    client = AuthenticatedClient(token="t", account_id="a")
    copy = client.with_options(timeout=httpx.Timeout(2.0, connect=1.0), max_retries=5)
    assert (copy.timeout, copy.max_retries, copy.account_id, copy.token) == (
        httpx.Timeout(2.0, connect=1.0),
        5,
        "a",
        "t",
    )
    assert (client.timeout, client.max_retries) == (DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES)
    assert client.with_timeout(7).timeout == httpx.Timeout(7)
