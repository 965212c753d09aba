"""A client library for accessing Fireworks Reinforcement Fine-tuning Jobs"""

from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client

if TYPE_CHECKING:
    __version__: str
    from .jobs import get_job, get_job_async

__all__ = (
    "AuthenticatedClient",
    "Client",
    "get_job",
    "get_job_async",
)


def __getattr__(name: str) -> Any:
    if name in ("get_job", "get_job_async"):
        from . import jobs  # noqa: PLC0415

        return getattr(jobs, name)
    if name == "__version__":  # on first use: finding the version costs import time
        from ._version import version  # noqa: PLC0415

        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
