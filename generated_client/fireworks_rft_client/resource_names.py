"""Path segments and resource names, checked before any request is sent.

Hand-written (copied into the package by tools/generate.sh). The stock generator quotes path
parameters but lets ``.`` and ``..`` through, and httpx then collapses them: job id ``..`` would
send the request, with the token, to the account's URL. Every path parameter goes through
``path_segment``; ``split_job_name`` lets callers pass a job's full resource name
(``accounts/{account_id}/reinforcementFineTuningJobs/{job_id}``, as in the job's ``name``).
"""

import re
from urllib.parse import quote

__all__ = ["JOB_COLLECTION", "job_name", "path_segment", "split_job_name"]

JOB_COLLECTION = "reinforcementFineTuningJobs"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# Values already checked and quoted: the same ids come back call after call (polling a job),
# and quote() is the dearest step of building a request. Bounded; full means no more caching.
_QUOTED: dict[str, str] = {}
_QUOTED_MAX = 1024


def path_segment(parameter: str, value: str) -> str:
    """``value`` percent-encoded as one path segment; ValueError naming ``parameter`` if unsafe."""
    try:
        return _QUOTED[value]
    except (KeyError, TypeError):  # not seen yet, or unhashable (refused below)
        pass
    if not isinstance(value, str):
        raise TypeError(f"{parameter} must be a str, not {type(value).__name__}")
    if value in ("", ".", ".."):
        raise ValueError(f"{parameter} must not be {value!r}")
    if _CONTROL.search(value):
        raise ValueError(f"{parameter} must not contain control characters: {value!r}")
    quoted = quote(value, safe="")
    if len(_QUOTED) < _QUOTED_MAX and type(value) is str:  # a str subclass could hash/compare oddly
        _QUOTED[value] = quoted
    return quoted


def job_name(account_id: str, job_id: str) -> str:
    """The full resource name of a job."""
    return f"accounts/{account_id}/{JOB_COLLECTION}/{job_id}"


def split_job_name(
    job: str, account_id: str | None = None, *, default_account_id: str | None = None
) -> tuple[str, str]:
    """``(account_id, job_id)`` from a full resource name, or from a bare job id and ``account_id``.

    ``default_account_id`` (a client's FIREWORKS_ACCOUNT_ID) serves a bare id when
    ``account_id`` is None; it is never checked against the account of a full name.
    Raises ValueError naming the argument when the name is malformed, when a bare id comes
    without an account, or when ``account_id`` disagrees with the account in the name.
    """
    if not isinstance(job, str):
        raise TypeError(f"job must be a str, not {type(job).__name__}")
    if job.startswith("accounts/"):
        parts = job.split("/")
        if len(parts) != 4 or parts[2] != JOB_COLLECTION or not parts[1] or not parts[3]:
            raise ValueError(f"job: expected 'accounts/{{account_id}}/{JOB_COLLECTION}/{{job_id}}', got {job!r}")
        if account_id is not None and account_id != parts[1]:
            raise ValueError(f"account_id {account_id!r} does not match the account of job {job!r}")
        account_id, job_id = parts[1], parts[3]
    else:
        if "/" in job:
            raise ValueError(f"job: expected a job id or a full resource name, got {job!r}")
        if account_id is None:
            account_id = default_account_id
        if not account_id:
            raise ValueError(
                "account_id is required when job is a bare job id: pass account_id=..., set"
                " FIREWORKS_ACCOUNT_ID, or pass the job's full name"
            )
        job_id = job
    path_segment("account_id", account_id)
    path_segment("job_id", job_id)
    return account_id, job_id
