"""Checks for bugs a planted-bug audit found the suite did not catch, each shown to catch its bug.

Each ``check_*`` function raises AssertionError when the behaviour it guards is broken.
``test_each_check_holds`` runs them on the code as it is; ``test_each_check_bites`` plants the
realistic bug the audit planted (by monkeypatching it in) and expects the check to fail, so a
check that could not fail would show here. (The uint64 shape and the union message are guarded
by tests/contract/test_shapes.py, with their own bites there.)
"""

import asyncio
import copy
import math
import ssl
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import httpx_aiohttp
import pytest
import trustme
import yaml

from fireworks_rft_client import AuthenticatedClient, _aiohttp, _decode, _tls, client, errors, retries, waiter
from fireworks_rft_client.waiter import WaitTimeoutError, wait_for_job
from tools import spec_diff
from tools.prism import SPEC

from .local_server import local_server

JOB = "accounts/acme/reinforcementFineTuningJobs/rft-1"


# --- cert= with trust_env=False must not read SSL_CERT_FILE --------------------------------


def check_cert_without_trust_env_ignores_ssl_cert_file(ca: trustme.CA, ca_file: str, tmp_path: Path) -> None:
    pem = tmp_path / "client.pem"
    ca.issue_cert("client.test").private_key_and_cert_chain_pem.write_to_path(str(pem))
    ours = ca.cert_pem.bytes()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SSL_CERT_FILE", ca_file)
        env.delenv("SSL_CERT_DIR", raising=False)
        trusting = _tls.ssl_config(True, str(pem), trust_env=True)
        not_trusting = _tls.ssl_config(True, str(pem), trust_env=False)
    assert isinstance(trusting, ssl.SSLContext) and isinstance(not_trusting, type(trusting))
    pems = [ssl.DER_cert_to_PEM_cert(der).encode() for der in trusting.get_ca_certs(binary_form=True)]
    assert any(pem_text.strip() == ours.strip() for pem_text in pems), "trust_env=True reads SSL_CERT_FILE"
    pems = [ssl.DER_cert_to_PEM_cert(der).encode() for der in not_trusting.get_ca_certs(binary_form=True)]
    assert not any(pem_text.strip() == ours.strip() for pem_text in pems), "trust_env=False read SSL_CERT_FILE"


def plant_cert_trusts_env(monkeypatch: pytest.MonkeyPatch) -> None:
    real = _tls._context
    monkeypatch.setattr(_tls, "_context", lambda verify, trust_env: real(verify, True))


# --- the error snippet is 500 characters, not 499 --------------------------------------------


def check_snippet_is_500_characters() -> None:
    assert errors._snippet(b"x" * 500) == "x" * 500, "a body of exactly 500 characters is quoted whole"
    assert errors._snippet(b"x" * 501) == "x" * 500 + "...", "a longer one is cut after 500"
    body = b"y" * 501
    error = errors.error_for_response(httpx.Response(500, content=body, request=httpx.Request("GET", "http://h/")))
    assert "y" * 500 + "..." in str(error) and "y" * 501 not in str(error)


def plant_snippet_one_short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "_SNIPPET", 499)


# --- Retry-After: -inf is no answer ------------------------------------------------------------


def check_retry_after_infinities_are_no_answer() -> None:
    for value in ("-inf", "inf", "-Infinity", "nan", "NaN"):
        assert retries.parse_retry_after(value) is None, value
    assert retries.parse_retry_after("-5") == 0.0, "a negative finite wait is no wait"
    assert retries.parse_retry_after("2.5") == 2.5


def plant_minus_inf_is_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    real = retries.parse_retry_after

    def buggy(value: str) -> float | None:  # the audit's bug: only +inf was refused
        try:
            seconds = float(value.strip())
        except ValueError:
            return real(value)
        return max(seconds, 0.0) if seconds < math.inf else None

    monkeypatch.setattr(retries, "parse_retry_after", buggy)


# --- a terminal state whose outcome flips is a breaking change --------------------------------


def check_outcome_flip_is_breaking() -> None:
    old = yaml.safe_load(SPEC.read_text())
    outcomes: dict[str, str] = old["components"]["schemas"]["JobState"]["x-job-state-outcomes"]
    success = next(state for state, outcome in outcomes.items() if outcome == "success")
    failure = next(state for state, outcome in outcomes.items() if outcome == "failure")
    for state, flipped in ((success, "failure"), (failure, "success")):
        new = copy.deepcopy(old)
        new["components"]["schemas"]["JobState"]["x-job-state-outcomes"][state] = flipped
        changes = spec_diff.diff(old, new)
        assert [change.kind for change in changes] == [spec_diff.Kind.BREAKING], (state, changes)
        assert changes[0].pointer.endswith(f"/x-job-state-outcomes/{state}")


def plant_flip_is_additive(monkeypatch: pytest.MonkeyPatch) -> None:
    real = spec_diff._Differ.job_state_outcomes

    def buggy(self: Any, pointer: str, old: Any, new: Any) -> None:
        real(self, pointer, old, new)
        self.changes = [
            spec_diff.Change(c.pointer, spec_diff.Kind.ADDITIVE, c.what) if "outcome of" in c.what else c
            for c in self.changes
        ]

    monkeypatch.setattr(spec_diff._Differ, "job_state_outcomes", buggy)


# --- aiohttp's refused connection is no timeout, at each of the two layers --------------------


def closed_url() -> str:
    with local_server() as server:
        return server.url  # nothing listens there once the server has stopped


def check_aiohttp_transport_reports_refused_as_connect_error() -> None:
    async def send() -> None:
        transport = _aiohttp.AiohttpTransport()
        try:
            await transport.handle_async_request(httpx.Request("GET", closed_url() + "/x"))
        finally:
            await transport.aclose()

    with pytest.raises(httpx.TransportError) as caught:
        asyncio.run(send())
    assert type(caught.value) is httpx.ConnectError, type(caught.value)


def plant_transport_maps_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = httpx_aiohttp.AiohttpTransport.handle_async_request
    monkeypatch.setattr(_aiohttp.AiohttpTransport, "handle_async_request", parent)


def check_client_does_not_call_an_aiohttp_connection_error_a_timeout() -> None:
    mislabelled = httpx.ConnectTimeout("connection refused")  # as httpx-aiohttp reports it
    mislabelled.__cause__ = aiohttp.ClientConnectionError("refused")
    error = client._transport_error(mislabelled, {"method": "get", "url": "/x"}, 0, [])
    assert type(error) is errors.APIConnectionError, type(error)
    timed_out = httpx.ConnectTimeout("timed out")
    timed_out.__cause__ = aiohttp.ConnectionTimeoutError("timed out")
    assert type(client._transport_error(timed_out, {"method": "get", "url": "/x"}, 0, [])) is errors.APITimeoutError


def plant_every_timeout_class_is_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "_is_timeout", lambda exc: isinstance(exc, httpx.TimeoutException))


# --- the waiter: an error that arrives after the deadline ends the wait with WaitTimeoutError ---


def check_error_after_the_deadline_is_a_wait_timeout() -> None:
    """A poll starts before the deadline and its 503 (asking to retry after 5 s) arrives after it:
    the wait ends with WaitTimeoutError carrying that error, after that one poll."""
    now = [0.0]
    polls: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        polls.append(now[0])
        now[0] += 61  # the answer takes past the 60 s deadline
        return httpx.Response(503, headers={"Retry-After": "5"}, json={"message": "busy"})

    def sleep(seconds: float) -> None:
        now[0] += seconds

    api = AuthenticatedClient(
        base_url="https://api.test",
        token="fw-test",
        max_retries=0,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )
    try:
        wait_for_job(api, JOB, timeout=60, poll_interval=1, clock=lambda: now[0], sleep=sleep)
    except errors.FireworksError as exc:
        ended: errors.FireworksError | None = exc
    else:
        ended = None
    assert isinstance(ended, WaitTimeoutError), f"the wait ended with {ended!r}, not WaitTimeoutError"
    assert polls == [0.0], "no poll after the deadline"
    assert isinstance(ended.last_error, errors.InternalServerError)
    assert ended.elapsed == 61


def plant_retry_after_check_without_lower_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    def buggy(self: Any, exc: errors.FireworksError) -> float:
        self.polls += 1
        if isinstance(exc, errors.APIStatusError) and exc.status_code in errors.RETRYABLE_STATUS_CODES:
            retry_after = exc.retry_after or 0.0
            if self.timeout is not None and self.timeout - self.elapsed() < retry_after:  # "0 <" dropped
                raise exc
        elif not isinstance(exc, errors.APIConnectionError):
            raise exc
        else:
            retry_after = 0.0
        self.last_error = exc
        return float(max(self._next_interval(), retry_after))

    monkeypatch.setattr(waiter._Wait, "after_error", buggy)


# --- int64 and uint64: each its own range ------------------------------------------------------


def check_int64_and_uint64_ranges() -> None:
    assert _decode.to_int64("k", "9223372036854775807") == 2**63 - 1
    assert _decode.to_int64("k", "-9223372036854775808") == -(2**63)
    assert _decode.to_uint64("k", "18446744073709551615") == 2**64 - 1
    assert _decode.to_uint64("k", 0) == 0
    for decode, value in (
        (_decode.to_int64, "9223372036854775808"),
        (_decode.to_int64, "18446744073709551615"),
        (_decode.to_uint64, "-1"),
        (_decode.to_uint64, "18446744073709551616"),
    ):
        with pytest.raises(errors.DecodeError, match="range"):
            decode("k", value)


def plant_one_range_for_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_decode, "_INT64_RANGE", range(-(2**63), 2**64))


Check = Callable[..., None]
CHECKS: dict[str, tuple[Check, Callable[[pytest.MonkeyPatch], None]]] = {
    "cert= with trust_env=False": (check_cert_without_trust_env_ignores_ssl_cert_file, plant_cert_trusts_env),
    "500-character snippet": (check_snippet_is_500_characters, plant_snippet_one_short),
    "Retry-After -inf": (check_retry_after_infinities_are_no_answer, plant_minus_inf_is_zero),
    "outcome flip": (check_outcome_flip_is_breaking, plant_flip_is_additive),
    "aiohttp refused (transport)": (
        check_aiohttp_transport_reports_refused_as_connect_error,
        plant_transport_maps_nothing,
    ),
    "aiohttp refused (client)": (
        check_client_does_not_call_an_aiohttp_connection_error_a_timeout,
        plant_every_timeout_class_is_a_timeout,
    ),
    "waiter error after deadline": (
        check_error_after_the_deadline_is_a_wait_timeout,
        plant_retry_after_check_without_lower_bound,
    ),
    "int64/uint64 ranges": (check_int64_and_uint64_ranges, plant_one_range_for_both),
}


def run_check(check: Check, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if check is check_cert_without_trust_env_ignores_ssl_cert_file:
        check(request.getfixturevalue("ca"), request.getfixturevalue("ca_file"), tmp_path)
    else:
        check()


@pytest.mark.parametrize("name", list(CHECKS))
def test_each_check_holds(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    run_check(CHECKS[name][0], request, tmp_path)


@pytest.mark.parametrize("name", list(CHECKS))
def test_each_check_bites(
    name: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check, plant = CHECKS[name]
    plant(monkeypatch)
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        run_check(check, request, tmp_path)
