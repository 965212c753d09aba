"""Wait for a reinforcement fine-tuning job to finish: poll it until it reaches a terminal state.

Hand-written (copied into the package by tools/generate.sh). Which states end a wait, and which
of them mean success, comes from the spec through the generated ``job_states`` module.

    from fireworks_rft_client.waiter import wait_for_job

    job = wait_for_job(client, "accounts/my-account/reinforcementFineTuningJobs/my-job",
                       on_update=lambda u: print(f"{u.elapsed:7.1f} s  {u.state}"))

Polling: the first poll is at once; then every ``poll_interval`` seconds, growing by ``backoff``
after each poll that saw no change, up to ``max_interval``; a state change starts again at
``poll_interval``. A ``Retry-After`` header (seconds or an HTTP date), on a job or on an error,
lengthens the next pause to what the server asks for. The deadline bounds the wait as a whole:
each poll (the client's own retries included) is cut off at it, and the wait then ends with
WaitTimeoutError (``last_error``: the poll's timeout when one was cut off). The last pause is
cut to the deadline, and the wait ends there: a poll at the deadline would have no time.

Errors: a connection failure or a status in ``errors.RETRYABLE_STATUS_CODES`` that still
reaches the waiter (after the client's own retries) is transient: the wait goes on, after the
error's ``retry_after`` when the deadline leaves room for it; when it does not, the error ends
the wait at once and is raised as it is. Any other error (401, 403, 404, other 4xx, a body
that does not fit the schema) ends the wait at once and is raised as it is.
"""

import asyncio
import inspect
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping

from attrs import define, field

from . import _deadline, errors
from .api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from .client import AuthenticatedClient
from .job_states import JobOutcome, outcome_of
from .models import JobState, ReinforcementFineTuningJob
from .resource_names import job_name, split_job_name
from .retries import parse_retry_after
from .types import Response

__all__ = [
    "DEFAULT_BACKOFF",
    "DEFAULT_MAX_INTERVAL",
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_TIMEOUT",
    "JobFailedError",
    "JobUpdate",
    "WaitError",
    "WaitTimeoutError",
    "async_wait_for_job",
    "wait_for_job",
]

logger = logging.getLogger(__name__)

#: Give up after a day: fine-tuning jobs run for hours. None waits for ever.
DEFAULT_TIMEOUT = 24 * 3600.0
DEFAULT_POLL_INTERVAL = 5.0
DEFAULT_MAX_INTERVAL = 60.0
DEFAULT_BACKOFF = 1.5

OnUpdate = Callable[["JobUpdate"], object]


@define(frozen=True)
class JobUpdate:
    """One state change seen while waiting, given to ``on_update``.

    Attributes:
        job: The job as the poll returned it (left out of repr: it may hold secrets).
        state: Its state; ``state.is_unknown`` is True for a state this client does not know.
        previous_state: The state seen before, None on the first poll.
        outcome: ``JobOutcome.SUCCESS`` / ``FAILURE`` for a terminal state, else None.
        elapsed: Seconds since the wait began.
        poll: Which poll saw the change, counting from 1 (failed polls count too).
    """

    job: ReinforcementFineTuningJob = field(repr=False)
    state: JobState
    previous_state: JobState | None
    outcome: JobOutcome | None
    elapsed: float
    poll: int


class WaitError(errors.FireworksError):
    """A wait ended without a successful job. ``job`` is the last job seen (None if none was)."""

    def __init__(self, message: str, *, job: ReinforcementFineTuningJob | None, elapsed: float) -> None:
        super().__init__(message)
        self.job = job
        self.elapsed = elapsed


class JobFailedError(WaitError):
    """The job reached a terminal state that is not a success (failed, cancelled, expired...)."""

    job: ReinforcementFineTuningJob

    def __init__(self, message: str, *, job: ReinforcementFineTuningJob, state: JobState, elapsed: float) -> None:
        super().__init__(message, job=job, elapsed=elapsed)
        self.state = state


class WaitTimeoutError(WaitError):
    """The deadline passed before the job reached a terminal state.

    ``last_error`` is the transient error of the last poll when that poll failed, else None.
    """

    def __init__(
        self,
        message: str,
        *,
        job: ReinforcementFineTuningJob | None,
        elapsed: float,
        timeout: float,
        last_error: errors.FireworksError | None,
    ) -> None:
        super().__init__(message, job=job, elapsed=elapsed)
        self.timeout = timeout
        self.last_error = last_error


def wait_for_job(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_INTERVAL,
    backoff: float = DEFAULT_BACKOFF,
    on_update: OnUpdate | None = None,
    raise_on_failure: bool = True,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
) -> ReinforcementFineTuningJob:
    """Poll a job until it reaches a terminal state; return the job as last seen.

    Args:
        client: The client to poll with (its retries and timeout apply to each poll).
        job: The job's full resource name (``accounts/{a}/reinforcementFineTuningJobs/{j}``),
            or its bare id together with ``account_id``.
        account_id: The account of a bare job id; default: the client's ``account_id``
            (FIREWORKS_ACCOUNT_ID).
        timeout: Seconds to wait in all before giving up; None waits for ever.
        poll_interval: Seconds between polls at first and after each state change.
        max_interval: The longest pause the backoff reaches (``Retry-After`` may ask for more).
        backoff: Factor by which the pause grows after each poll that saw no change (>= 1).
        on_update: Called with a ``JobUpdate`` on each state change, the first poll included;
            an exception it raises ends the wait.
        raise_on_failure: When the job ends in a failure state, raise ``JobFailedError`` (the
            default) or, if False, return the job like any other.
        clock, sleep: A monotonic clock and a sleep function, replaceable for tests.

    Raises:
        JobFailedError: The job ended in a failure state (and ``raise_on_failure`` is True).
        WaitTimeoutError: ``timeout`` passed first.
        errors.APIStatusError, errors.ResponseValidationError: a permanent error ended the wait.
        ValueError, TypeError: a malformed job name or setting, before any request.
    """
    wait = _Wait(
        job, account_id, client.account_id, timeout, poll_interval, max_interval, backoff, raise_on_failure, clock
    )
    while True:
        wait.check_deadline()  # a poll starting at the deadline would have no time left
        try:
            with _deadline.within(wait.remaining()):
                response = get_job.sync_detailed(wait.account_id, wait.job_id, client=client)
        except errors.FireworksError as exc:
            delay = wait.after_error(exc)
        else:
            update = wait.observe(response)
            if update is not None and on_update is not None:
                on_update(update)
            if (final := wait.final_job()) is not None:
                return final
            delay = wait.after_job(response.headers)
        sleep(wait.pause(delay))


async def async_wait_for_job(
    client: AuthenticatedClient,
    job: str,
    *,
    account_id: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_INTERVAL,
    backoff: float = DEFAULT_BACKOFF,
    on_update: OnUpdate | None = None,
    raise_on_failure: bool = True,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> ReinforcementFineTuningJob:
    """Async ``wait_for_job``, with the same arguments; ``on_update`` may also be a coroutine function."""
    wait = _Wait(
        job, account_id, client.account_id, timeout, poll_interval, max_interval, backoff, raise_on_failure, clock
    )
    while True:
        wait.check_deadline()
        try:
            with _deadline.within(wait.remaining()):  # the task's context: send_request_async reads it
                response = await get_job.asyncio_detailed(wait.account_id, wait.job_id, client=client)
        except errors.FireworksError as exc:
            delay = wait.after_error(exc)
        else:
            update = wait.observe(response)
            if update is not None and on_update is not None:
                result = on_update(update)
                if inspect.isawaitable(result):
                    await result
            if (final := wait.final_job()) is not None:
                return final
            delay = wait.after_job(response.headers)
        await sleep(wait.pause(delay))


class _Wait:
    """What the sync and async waiters share: bookkeeping, backoff, deadline and verdicts."""

    def __init__(
        self,
        job: str,
        account_id: str | None,
        default_account_id: str | None,
        timeout: float | None,
        poll_interval: float,
        max_interval: float,
        backoff: float,
        raise_on_failure: bool,
        clock: Callable[[], float],
    ) -> None:
        _check_schedule(timeout, poll_interval, max_interval, backoff)
        self.account_id, self.job_id = split_job_name(job, account_id, default_account_id=default_account_id)
        self.name = job_name(self.account_id, self.job_id)
        self.timeout = timeout
        self.poll_interval = poll_interval
        self.max_interval = max_interval
        self.backoff = backoff
        self.raise_on_failure = raise_on_failure
        self.clock = clock
        self.start = clock()
        self.interval = poll_interval
        self.polls = 0
        self.job: ReinforcementFineTuningJob | None = None
        self.state: JobState | None = None
        self.last_error: errors.FireworksError | None = None
        self.unknown_reported: set[str] = set()

    def elapsed(self) -> float:
        return self.clock() - self.start

    def remaining(self) -> float | None:
        """Seconds left before the deadline (never below 0); None without one."""
        return None if self.timeout is None else max(self.timeout - self.elapsed(), 0.0)

    def observe(self, response: Response[ReinforcementFineTuningJob]) -> JobUpdate | None:
        """Take in a job; a JobUpdate when its state changed (or on the first poll)."""
        self.polls += 1
        self.last_error = None
        job = response.parsed
        if job is None:  # the endpoint raises instead; kept for the type checker
            raise errors.FireworksError(f"polling {self.name}: the response carried no job")
        # proto3 JSON leaves a field at its default out: no state means JOB_STATE_UNSPECIFIED.
        state = job.state or JobState.JOB_STATE_UNSPECIFIED
        previous, self.job, self.state = self.state, job, state
        if state.is_unknown and state.value not in self.unknown_reported:
            self.unknown_reported.add(state.value)
            logger.warning(
                "job %s is in state %s, which this client does not know; waiting as if it were running",
                self.name,
                state.value,
            )
        if state == previous:
            return None
        self.interval = self.poll_interval  # something is happening: look again soon
        return JobUpdate(job, state, previous, outcome_of(state), self.elapsed(), self.polls)

    def final_job(self) -> ReinforcementFineTuningJob | None:
        """The job when its state is terminal (raising JobFailedError for a failure), else None."""
        if self.job is None or self.state is None:
            return None
        outcome = outcome_of(self.state)
        if outcome is None:
            return None
        if outcome is JobOutcome.FAILURE and self.raise_on_failure:
            elapsed = self.elapsed()
            status = self.job.status
            detail = f": {status.code} {status.message}" if status and (status.code or status.message) else ""
            raise JobFailedError(
                f"job {self.name} ended in {self.state.value} after {elapsed:.1f} s{detail}",
                job=self.job,
                state=self.state,
                elapsed=elapsed,
            )
        return self.job

    def after_job(self, headers: Mapping[str, str]) -> float:
        """The pause before the next poll after a job that is still going."""
        return max(self._next_interval(), _retry_after(headers))

    def after_error(self, exc: errors.FireworksError) -> float:
        """The pause before the next poll after a transient error; raises a permanent one, and
        one whose ``retry_after`` goes past the deadline."""
        self.polls += 1
        if isinstance(exc, errors.APIStatusError) and exc.status_code in errors.RETRYABLE_STATUS_CODES:
            retry_after = exc.retry_after or 0.0
            if self.timeout is not None and 0 < self.timeout - self.elapsed() < retry_after:
                raise exc  # the server asks for a wait past the deadline: no later poll can be
        elif isinstance(exc, errors.APIConnectionError):
            retry_after = 0.0
        else:
            raise exc
        self.last_error = exc
        logger.info("polling job %s: %s; polling on", self.name, exc)
        return max(self._next_interval(), retry_after)

    def pause(self, delay: float) -> float:
        """How long to sleep before the next poll: ``delay``, cut to the deadline. Raises at the deadline."""
        if self.timeout is None:
            return delay
        return min(delay, self.check_deadline())

    def check_deadline(self) -> float:
        """The seconds left before the deadline (inf without one); WaitTimeoutError at the deadline."""
        if self.timeout is None:
            return math.inf
        elapsed = self.elapsed()
        remaining = self.timeout - elapsed
        if remaining <= 0:
            state = self.state.value if self.state is not None else "unknown (no successful poll)"
            error = f"; last poll: {self.last_error}" if self.last_error is not None else ""
            raise WaitTimeoutError(
                f"job {self.name} still in state {state} after {elapsed:.1f} s (timeout {self.timeout} s){error}",
                job=self.job,
                elapsed=elapsed,
                timeout=self.timeout,
                last_error=self.last_error,
            )
        return remaining

    def _next_interval(self) -> float:
        delay = self.interval
        self.interval = min(self.interval * self.backoff, self.max_interval)
        return delay


def _check_schedule(timeout: float | None, poll_interval: float, max_interval: float, backoff: float) -> None:
    """The polling settings the waiter and the watcher share, checked the same way in both."""
    if timeout is not None:
        _check_positive("timeout", timeout)
    _check_positive("poll_interval", poll_interval)
    _check_positive("max_interval", max_interval)
    if max_interval < poll_interval:
        raise ValueError(f"max_interval ({max_interval}) must not be less than poll_interval ({poll_interval})")
    _check_positive("backoff", backoff)
    if backoff < 1:
        raise ValueError(f"backoff must be at least 1, got {backoff}")


def _check_positive(name: str, value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    if not (0 < value < math.inf):
        raise ValueError(f"{name} must be a positive finite number of seconds, got {value}")


def _retry_after(headers: Mapping[str, str]) -> float:
    """Seconds a ``Retry-After`` header asks for (the client's parser); 0 when absent or unreadable."""
    value = headers.get("retry-after")
    seconds = parse_retry_after(value) if value else None
    return seconds if seconds is not None else 0.0
