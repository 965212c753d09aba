"""Proxies: HTTP_PROXY / HTTPS_PROXY / NO_PROXY and proxy= are honoured alike by the sync
client and the async client on both transports, through a real recording proxy on 127.0.0.1."""

from collections.abc import Iterator

import pytest
import trustme

from .local_server import Answer, local_server
from .proxy_server import proxy_server
from .tls_certs import server_context
from .transports import KINDS, fetch, make_client

OK = Answer(200, {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"})
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Start from no proxy at all, whatever the machine sets."""
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    yield


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_http_proxy_from_the_environment(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with local_server([OK]) as origin, proxy_server() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        job = fetch(kind, make_client(kind, base_url=origin.url))
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/rft-1"
    assert proxy.seen == [f"GET {origin.url}/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"]
    assert origin.requests[0].headers["authorization"] == "Bearer fw-test-token"


def test_https_proxy_from_the_environment_tunnels(
    kind: str, monkeypatch: pytest.MonkeyPatch, ca: trustme.CA, ca_file: str
) -> None:
    with local_server([OK], tls=server_context(ca)) as origin, proxy_server() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # the wrong scheme's proxy: unused
        job = fetch(kind, make_client(kind, base_url=origin.url, verify_ssl=ca_file))
    assert job.name
    assert proxy.seen == [f"CONNECT {origin.url.removeprefix('https://')}"]
    assert len(origin.requests) == 1


def test_no_proxy_goes_direct(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with local_server([OK]) as origin, proxy_server() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        job = fetch(kind, make_client(kind, base_url=origin.url))
    assert job.name and proxy.seen == [] and len(origin.requests) == 1


def test_explicit_proxy_argument(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with local_server([OK]) as origin, proxy_server() as proxy, proxy_server() as other:
        monkeypatch.setenv("HTTP_PROXY", other.url)  # the argument wins over the environment
        job = fetch(kind, make_client(kind, base_url=origin.url, proxy=proxy.url))
    assert job.name and len(proxy.seen) == 1 and other.seen == []


def test_trust_env_false_ignores_the_environment(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with local_server([OK]) as origin, proxy_server() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        job = fetch(kind, make_client(kind, base_url=origin.url, httpx_args={"trust_env": False}))
    assert job.name and proxy.seen == []
