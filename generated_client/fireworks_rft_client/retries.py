"""Which requests are retried, when, and how long to wait before retrying.

Hand-written (copied into the package by tools/generate.sh). ``OPERATION_RETRIES`` is the one
place that says how each operation of the spec may be retried; the client's send methods read
it (through ``repeatable``) and retry a repeatable request on connection errors, timeouts and
errors.RETRYABLE_STATUS_CODES, any other only on errors that leave the request unsent
(client.py). This module also decides the wait. Only the retry path imports ``random`` and ``email.utils``, so a
successful call pays nothing for them. Tests replace ``sleep``/``async_sleep`` to record waits.
"""

import enum
import math
import time
from collections.abc import Mapping
from typing import Any

from attrs import define, field

__all__ = [
    "ATTEMPTS_EXTENSION",
    "CREATE_JOB_ID_PARAMETER",
    "OPERATION_RETRIES",
    "Backoff",
    "Retry",
    "async_sleep",
    "parse_retry_after",
    "repeatable",
    "sleep",
]


class Retry(enum.Enum):
    """How a request may be retried."""

    #: Sending it twice does what sending it once does: retried on every retryable error and status.
    ALWAYS = "always"
    #: A second copy may do the work twice: retried only when the first cannot have reached the
    #: server (no connection was made, no pooled connection was free), never on a status.
    UNSENT = "unsent"
    #: ALWAYS when the request names the new job's id (``CREATE_JOB_ID_PARAMETER``), else UNSENT.
    WITH_JOB_ID = "with job id"


#: The query parameter of Create that names the new job (AIP-133).
CREATE_JOB_ID_PARAMETER = "reinforcementFineTuningJobId"

#: How each operation of the spec is retried, by the generated module's name (its operationId in
#: snake case). README "Retries and timeouts" gives the reasons; a test fails when an operation
#: of the spec is missing here.
OPERATION_RETRIES: Mapping[str, Retry] = {
    "get_reinforcement_fine_tuning_job": Retry.ALWAYS,
    "list_reinforcement_fine_tuning_jobs": Retry.ALWAYS,
    # Deleting twice deletes once; the second answer may be 404, which the caller sees.
    "delete_reinforcement_fine_tuning_job": Retry.ALWAYS,
    # With the caller's id a repeat answers 409 ALREADY_EXISTS instead of starting a second job,
    # and jobs.create_job turns a 409 met on a retry into the job it created. Without an id the
    # server picks one: a repeat after a lost answer would start (and bill) a second job.
    "create_reinforcement_fine_tuning_job": Retry.WITH_JOB_ID,
    # A repeat after a lost answer meets a job the first request already changed: cancel answers
    # 400 FAILED_PRECONDITION for a job that has ended, so the caller would see a failure for a
    # cancel that worked. Only a request that never left is sent again.
    "cancel_reinforcement_fine_tuning_job": Retry.UNSENT,
    "resume_reinforcement_fine_tuning_job": Retry.UNSENT,
}

#: The key under which the send methods note, in the final response's ``extensions``, how many
#: attempts the call took (jobs.create_job tells its own job from someone else's by it).
ATTEMPTS_EXTENSION = "fireworks_rft_client.attempts"

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def repeatable(operation: str | None, request_kwargs: Mapping[str, Any]) -> bool:
    """Whether a request may be sent again after it may have reached the server.

    ``operation`` names the generated module; without one (or one not in OPERATION_RETRIES, e.g.
    a module generated from another spec), the HTTP method decides: GET, HEAD, OPTIONS, PUT and
    DELETE are repeatable, POST and PATCH are not.
    """
    policy = OPERATION_RETRIES.get(operation) if operation is not None else None
    if policy is None:
        return str(request_kwargs.get("method", "")).upper() in _IDEMPOTENT_METHODS
    if policy is Retry.WITH_JOB_ID:
        params = request_kwargs.get("params") or {}
        return bool(params.get(CREATE_JOB_ID_PARAMETER))
    return policy is Retry.ALWAYS


def _non_negative(instance: object, attribute: object, value: float) -> None:
    """A finite number of seconds >= 0 (NaN and infinity too are refused), else a ConfigurationError."""
    from ._settings import check_seconds  # noqa: PLC0415 - _settings imports errors, which imports this module

    check_seconds(f"Backoff: {getattr(attribute, 'name', '?')}", value)


@define(frozen=True)
class Backoff:
    """Exponential backoff with jitter: ``initial * 2**attempt`` up to ``maximum`` seconds, less
    up to 25 % at random, so that many clients do not retry in step.

    A ``Retry-After`` header (seconds or an HTTP date) replaces the computed wait. The client
    sleeps at most ``max_retry_after`` seconds in all for such waits, so that a server cannot
    park the caller for hours: a ``Retry-After`` that would take one call past it ends the call
    at once with the error, whose ``retry_after`` holds the wait asked for. (``delay()`` caps a
    ``Retry-After`` at ``max_retry_after``.)
    """

    initial: float = field(default=0.5, validator=_non_negative)
    maximum: float = field(default=8.0, validator=_non_negative)
    max_retry_after: float = field(default=60.0, validator=_non_negative)

    def delay(self, attempt: int, retry_after: str | None = None) -> float:
        """Seconds to wait before retry number ``attempt + 1`` (``attempt`` counts from 0)."""
        if retry_after is not None:
            seconds = parse_retry_after(retry_after)
            if seconds is not None:
                return min(seconds, self.max_retry_after)
        import random  # noqa: PLC0415 - only the retry path needs it

        wait = min(self.initial * 2.0**attempt, self.maximum)
        return wait * (1.0 - 0.25 * random.random())  # noqa: S311 - jitter, not cryptography


def parse_retry_after(value: str) -> float | None:
    """Seconds from a ``Retry-After`` value: delta-seconds or an HTTP date; None if unreadable
    (NaN and infinity too)."""
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if abs(seconds) < math.inf else None  # NaN, inf are no answer
    import email.utils  # noqa: PLC0415 - only the retry path needs it

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT
        import datetime  # noqa: PLC0415

        when = when.replace(tzinfo=datetime.UTC)
    return max(when.timestamp() - time.time(), 0.0)


def sleep(seconds: float) -> None:
    """The wait of the sync client (replaceable in tests)."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """The wait of the async client (replaceable in tests); anyio, a dependency of httpx, so
    that it works under asyncio and trio alike."""
    import anyio  # noqa: PLC0415

    await anyio.sleep(seconds)
