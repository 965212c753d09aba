"""TLS the current httpx way, over real TLS on 127.0.0.1 with certificates the test makes
(trustme): a private CA as a file, a folder, an SSLContext or SSL_CERT_FILE; a client
certificate; verification on by default. No DeprecationWarning anywhere (warnings are errors)."""

import ssl
from pathlib import Path

import pytest
import trustme

from fireworks_rft_client.errors import APIConnectionError, APITimeoutError, ConfigurationError

from .local_server import Answer, local_server
from .tls_certs import server_context
from .transports import KINDS, fetch, make_client

OK = Answer(200, {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"})


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(autouse=True)
def no_tls_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_ca_bundle_path(kind: str, ca: trustme.CA, ca_file: str) -> None:
    with local_server([OK], tls=server_context(ca)) as server:
        assert fetch(kind, make_client(kind, base_url=server.url, verify_ssl=ca_file)).name
        assert fetch(kind, make_client(kind, base_url=server.url, verify_ssl=Path(ca_file))).name
    assert len(server.requests) == 2


def test_an_ssl_context(kind: str, ca: trustme.CA) -> None:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    with local_server([OK], tls=server_context(ca)) as server:
        assert fetch(kind, make_client(kind, base_url=server.url, verify_ssl=context)).name


def test_ssl_cert_file_from_the_environment(
    kind: str, ca: trustme.CA, ca_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", ca_file)
    with local_server([OK], tls=server_context(ca)) as server:
        assert fetch(kind, make_client(kind, base_url=server.url)).name


def test_an_untrusted_server_is_refused_with_a_typed_error_and_not_retried(kind: str, ca: trustme.CA) -> None:
    """Verification is on by default: our CA is in no default trust store (self-made, as a
    self-signed server's would be). A certificate does not get better on a retry."""
    with local_server([OK], tls=server_context(ca)) as server:
        client = make_client(kind, base_url=server.url, max_retries=2)
        with pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED") as caught:
            fetch(kind, client)
    assert not isinstance(caught.value, APITimeoutError)
    assert "after" not in str(caught.value), "not retried"
    assert server.requests == []


def test_verification_off(kind: str, ca: trustme.CA) -> None:
    with local_server([OK], tls=server_context(ca)) as server:
        assert fetch(kind, make_client(kind, base_url=server.url, verify_ssl=False)).name


def test_a_client_certificate(kind: str, ca: trustme.CA, ca_file: str, tmp_path: Path) -> None:
    client_ca = trustme.CA()
    issued = client_ca.issue_cert("rft-client@example.com")
    both = tmp_path / "client.pem"  # certificate and key in one file
    both.write_bytes(issued.private_key_pem.bytes() + b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    key_file.write_bytes(issued.private_key_pem.bytes())
    with local_server([OK], tls=server_context(ca, client_ca=client_ca)) as server:
        for cert in (str(both), (str(cert_file), str(key_file))):
            assert fetch(kind, make_client(kind, base_url=server.url, verify_ssl=ca_file, cert=cert)).name
        with pytest.raises(APIConnectionError):  # the server asks for one
            fetch(kind, make_client(kind, base_url=server.url, verify_ssl=ca_file, max_retries=0))
    assert len(server.requests) == 2


def test_bad_tls_settings_are_configuration_errors(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.pem")
    with pytest.raises(ConfigurationError, match="no CA bundle at"):
        make_client("sync", verify_ssl=missing).get_httpx_client()
    with pytest.raises(ConfigurationError, match="TLS settings"):
        make_client("sync", cert=missing).get_httpx_client()
    with pytest.raises(ConfigurationError, match="load_cert_chain"):
        make_client("sync", verify_ssl=ssl.create_default_context(), cert=missing).get_httpx_client()
