"""A name on the wire: __version__ is the package's version; every request says who sends it."""

import platform
import tomllib
from pathlib import Path

import httpx
import pytest

import fireworks_rft_client

from .local_server import local_server
from .transports import KINDS, fetch, make_client

PYPROJECT = Path(__file__).parent.parent / "generated_client" / "pyproject.toml"


def test_version_is_the_distributions() -> None:
    version = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    assert fireworks_rft_client.__version__ == version
    with pytest.raises(AttributeError, match="no_such_thing"):
        fireworks_rft_client.no_such_thing  # noqa: B018


@pytest.mark.parametrize("kind", KINDS)
def test_every_request_names_the_client(kind: str) -> None:
    with local_server() as server:
        fetch(kind, make_client(kind, base_url=server.url))
    expected = (
        f"fireworks-rft-client/{fireworks_rft_client.__version__} "
        f"python/{platform.python_version()} httpx/{httpx.__version__}"
    )
    assert server.requests[0].headers["user-agent"] == expected


@pytest.mark.parametrize("kind", KINDS)
def test_the_callers_user_agent_wins(kind: str) -> None:
    with local_server() as server:
        fetch(kind, make_client(kind, base_url=server.url, headers={"user-agent": "company-tool/2"}))
    assert server.requests[0].headers["user-agent"] == "company-tool/2"
