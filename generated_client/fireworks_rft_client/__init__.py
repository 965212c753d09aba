"""A client library for accessing Fireworks Reinforcement Fine-tuning Jobs"""

from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client

if TYPE_CHECKING:
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
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
