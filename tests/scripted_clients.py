"""Clients for the lifecycle tests against the scripted local servers.

Each has a tiny backoff (retries under test take milliseconds, not the default half second) and
is closed after its test by the autouse fixture in tests/conftest.py, so no socket outlives it.
"""

from typing import Any

from fireworks_rft_client import AuthenticatedClient
from fireworks_rft_client.retries import Backoff

TINY = Backoff(initial=0.001, maximum=0.002)

OPEN: list[AuthenticatedClient] = []


def client(url: str, **kwargs: Any) -> AuthenticatedClient:
    """A client of account ``acme`` on ``url``, closed when the test ends."""
    kwargs.setdefault("backoff", TINY)
    kwargs.setdefault("account_id", "acme")
    made = AuthenticatedClient(base_url=url, token="fw-test", **kwargs)
    OPEN.append(made)
    return made


def close_all() -> None:
    while OPEN:
        OPEN.pop().close()
