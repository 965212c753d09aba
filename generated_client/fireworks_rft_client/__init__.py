"""A client library for accessing Fireworks Reinforcement Fine-tuning Jobs"""

from typing import TYPE_CHECKING, Any

from .client import AuthenticatedClient, Client

if TYPE_CHECKING:
    __version__: str
    from .jobs import get_job, get_job_async
    from .lifecycle import (
        cancel_job,
        cancel_job_async,
        create_job,
        create_job_async,
        delete_job,
        delete_job_async,
        list_jobs,
        list_jobs_async,
        resume_job,
        resume_job_async,
    )
    from .paging import AsyncJobPager, JobPage, JobPager

__all__ = (
    "AsyncJobPager",
    "AuthenticatedClient",
    "Client",
    "JobPage",
    "JobPager",
    "cancel_job",
    "cancel_job_async",
    "create_job",
    "create_job_async",
    "delete_job",
    "delete_job_async",
    "get_job",
    "get_job_async",
    "list_jobs",
    "list_jobs_async",
    "resume_job",
    "resume_job_async",
)

# The job helpers and pager classes, each imported from its module on first use (a program that
# only reads jobs does not import the rest of their life).
_JOBS = frozenset({"get_job", "get_job_async"})
_LIFECYCLE = frozenset(
    {
        "list_jobs",
        "list_jobs_async",
        "create_job",
        "create_job_async",
        "cancel_job",
        "cancel_job_async",
        "resume_job",
        "resume_job_async",
        "delete_job",
        "delete_job_async",
    }
)
_PAGING = frozenset({"AsyncJobPager", "JobPage", "JobPager"})


def __getattr__(name: str) -> Any:
    if name in _JOBS:
        from . import jobs  # noqa: PLC0415

        return getattr(jobs, name)
    if name in _LIFECYCLE:
        from . import lifecycle  # noqa: PLC0415

        return getattr(lifecycle, name)
    if name in _PAGING:
        from . import paging  # noqa: PLC0415

        return getattr(paging, name)
    if name == "__version__":  # on first use: finding the version costs import time
        from ._version import version  # noqa: PLC0415

        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
