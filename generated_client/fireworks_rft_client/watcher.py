"""Watch many reinforcement fine-tuning jobs at once, and tell what changed.

Hand-written. ``waiter.wait_for_job`` follows one job to its end; ``watch_jobs`` follows any
number of them (named, or all jobs a List ``filter`` matches) and reports what a person
watching would want to know, as ``WatchEvent``s:

- ``STATE_CHANGED``: a job's state changed (the first sighting of each job is one too);
- ``PROGRESS_ADVANCED``: its ``jobProgress`` changed while the state stayed;
- ``STALLED``: it sat in RUNNING with no change of ``jobProgress`` for ``stall_after`` seconds
  ("state alone is not progress": a job can stay RUNNING after a silent failure);
- ``FINISHED``: it reached a terminal state (the spec's ``x-job-state-outcomes``, through
  ``job_states``), with its ``outcome``;
- ``VANISHED``: it answered 404 after having been seen (deleted while watched); outcome FAILURE.

Requests: every request of a watch goes through one ``RequestBudget`` (requests per second,
shared by all watched jobs; a ``Retry-After`` from the server holds back every request of the
budget at once, not just the job that got it). A few named jobs are read with one Get each; more
than ``list_above`` (and every ``filter`` watch) are read through List with a filter and a
``readMask`` of the fields a watch needs, ``page_size`` jobs per request: 1,000 jobs matching a
filter cost 5 requests per poll round instead of 1,000 Gets. A job that drops out of a filter's
results (say ``state="JOB_STATE_RUNNING"`` after it ends) gets one Get to learn how it ended.

Polling rounds follow the waiter's policy (``waiter.DEFAULT_*``): the first round at once, then
every ``poll_interval``, growing by ``backoff`` while nothing changes, up to ``max_interval``.
Errors: a connection failure or a retryable status is transient (the round goes on without that
read); a 404 of a job seen before is a ``VANISHED`` event; any other error is raised as it is.
The watch ends when every job has finished or vanished, at ``timeout`` (``WatchResult.timed_out``),
or at the first stall when ``stop_on_stall`` is set; it returns a ``WatchResult`` either way.
"""

import asyncio
import inspect
import logging
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any

from attrs import define, field

from . import errors
from .api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_endpoint
from .client import AuthenticatedClient
from .job_states import JobOutcome, outcome_of
from .models import JobState, ReinforcementFineTuningJob
from .resource_names import job_name, split_job_name
from .types import UNSET, Response, Unset
from .waiter import (
    DEFAULT_BACKOFF,
    DEFAULT_MAX_INTERVAL,
    DEFAULT_POLL_INTERVAL,
    DEFAULT_TIMEOUT,
    _check_positive,
    _check_schedule,
    _retry_after,
)

__all__ = [
    "DEFAULT_REQUESTS_PER_SECOND",
    "DEFAULT_STALL_AFTER",
    "LIST_ABOVE",
    "NAMES_PER_FILTER",
    "PAGE_SIZE",
    "WATCH_READ_MASK",
    "RequestBudget",
    "WatchEvent",
    "WatchEventKind",
    "WatchResult",
    "watch_jobs",
    "watch_jobs_async",
]

logger = logging.getLogger(__name__)

#: A job RUNNING this long with no change of jobProgress is reported STALLED.
DEFAULT_STALL_AFTER = 30 * 60.0
#: The requests per second a watch sends at most, for all its jobs together.
DEFAULT_REQUESTS_PER_SECOND = 5.0
#: Up to this many named jobs are read with one Get each; more go through List.
LIST_ABOVE = 5
#: Jobs per List request: the API's largest page.
PAGE_SIZE = 200
#: Job names per List filter (``name="..." OR ...``): about 4 KB of URL, well within what
#: front ends accept.
NAMES_PER_FILTER = 50
#: What a watch reads of each job: what its events and a display need, nothing more.
WATCH_READ_MASK = (
    "name,displayName,state,status,jobProgress,acceleratorSeconds,createTime,completedTime,wandbConfig.url"
)


class WatchEventKind(StrEnum):
    STATE_CHANGED = "state_changed"
    PROGRESS_ADVANCED = "progress_advanced"
    STALLED = "stalled"
    FINISHED = "finished"
    VANISHED = "vanished"


@define(frozen=True)
class WatchEvent:
    """Something that happened to one watched job.

    Attributes:
        kind: What happened.
        name: The job's full resource name.
        job: The job as last read (left out of repr: it may hold secrets); for VANISHED, the
            last job seen before the 404.
        state: Its state (JOB_STATE_UNSPECIFIED when the server sent none).
        previous_state: The state seen before; None at the first sighting.
        outcome: SUCCESS / FAILURE for FINISHED (FAILURE for VANISHED), else None.
        elapsed: Seconds since the watch began.
        unchanged_for: Seconds since the job's state or progress last changed (for STALLED, how
            long it has sat still; 0 for a change).
    """

    kind: WatchEventKind
    name: str
    job: ReinforcementFineTuningJob = field(repr=False)
    state: JobState
    previous_state: JobState | None
    outcome: JobOutcome | None
    elapsed: float
    unchanged_for: float = 0.0


@define(frozen=True)
class WatchResult:
    """How a watch ended.

    Attributes:
        jobs: Each watched job's name and the job as last read (None if it was never read).
        outcomes: Each job's outcome; None for a job still going when the watch ended.
        vanished: Names of the jobs that answered 404 after being seen.
        stalled: Names of the jobs stalled when the watch ended.
        timed_out: The watch ended at its ``timeout``.
        requests: How many requests the watch sent.
        last_error: The last transient error of the watch, if any.
    """

    jobs: Mapping[str, ReinforcementFineTuningJob | None] = field(repr=False)
    outcomes: Mapping[str, JobOutcome | None]
    vanished: frozenset[str]
    stalled: frozenset[str]
    timed_out: bool
    requests: int
    last_error: errors.FireworksError | None = None

    @property
    def finished(self) -> bool:
        """Every job finished (or vanished)."""
        return all(outcome is not None for outcome in self.outcomes.values())

    @property
    def succeeded(self) -> bool:
        """Every job finished with success."""
        return all(outcome is JobOutcome.SUCCESS for outcome in self.outcomes.values())


class RequestBudget:
    """At most ``requests_per_second`` requests, however many jobs share it.

    ``reserve`` books the next request's slot and says how long to wait for it; ``hold`` (a
    server's ``Retry-After``) moves every later slot past the time the server asks for. One
    budget may be shared by several watches (same thread or same event loop).
    """

    def __init__(self, requests_per_second: float = DEFAULT_REQUESTS_PER_SECOND) -> None:
        _check_positive("requests_per_second", requests_per_second)
        self.requests_per_second = requests_per_second
        self._gap = 1.0 / requests_per_second
        self._next = -math.inf

    def reserve(self, now: float) -> float:
        """Book a request; the seconds to wait before sending it."""
        start = max(now, self._next)
        self._next = start + self._gap
        return start - now

    def hold(self, now: float, seconds: float) -> None:
        """No request before ``now + seconds``."""
        self._next = max(self._next, now + seconds)

    def __repr__(self) -> str:
        return f"RequestBudget(requests_per_second={self.requests_per_second})"


OnEvent = Callable[[WatchEvent], object]


def watch_jobs(
    client: AuthenticatedClient,
    jobs: str | Iterable[str] | None = None,
    *,
    filter: str | None = None,  # noqa: A002 - the API's own name for it
    account_id: str | None = None,
    on_event: OnEvent | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    stall_after: float | None = DEFAULT_STALL_AFTER,
    stop_on_stall: bool = False,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_INTERVAL,
    backoff: float = DEFAULT_BACKOFF,
    requests_per_second: float = DEFAULT_REQUESTS_PER_SECOND,
    budget: RequestBudget | None = None,
    read_mask: str | None = WATCH_READ_MASK,
    list_above: int = LIST_ABOVE,
    page_size: int = PAGE_SIZE,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], object] = time.sleep,
) -> WatchResult:
    """Watch ``jobs`` (names or bare ids), or every job ``filter`` matches, until they end.

    Args:
        client: The client to read with (its retries and timeout apply to each request).
        jobs: One job or several: full resource names, or bare ids with ``account_id``.
        filter: Instead of ``jobs``: an AIP-160 List filter (``state="JOB_STATE_RUNNING"``);
            every job it matches is watched, those that appear later too.
        account_id: The account of bare ids and of ``filter``; default ``client.account_id``.
        on_event: Called with each ``WatchEvent``; an exception it raises ends the watch.
        timeout: Seconds to watch in all (None: no limit); then ``WatchResult.timed_out``.
        stall_after: Seconds a RUNNING job may go without a change of ``jobProgress`` before it
            is reported STALLED (once, until it moves again); None: never.
        stop_on_stall: End the watch at the first stall.
        poll_interval, max_interval, backoff: The pause between rounds, as for ``wait_for_job``.
        requests_per_second: The budget of this watch, unless ``budget`` is given.
        budget: A ``RequestBudget`` to share with other watches.
        read_mask: The fields read of each job (default ``WATCH_READ_MASK``); None reads all.
        list_above: Named jobs above this number are read through List (a name filter).
        page_size: Jobs per List request (the API serves at most 200).
        clock, sleep: A monotonic clock and a sleep function, replaceable for tests.

    Raises:
        errors.NotFoundError: a named job was not found at its first read.
        errors.APIStatusError, errors.ResponseValidationError: a permanent error.
        ValueError, TypeError: malformed names or settings, before any request.
    """
    watch = _Watch(
        client, jobs, filter, account_id, timeout, stall_after, stop_on_stall, poll_interval, max_interval, backoff,
        budget or RequestBudget(requests_per_second), read_mask, list_above, page_size, clock,
    )  # fmt: skip

    def emit(events: list[WatchEvent]) -> None:
        if on_event is not None:
            for event in events:
                on_event(event)

    while True:
        watch.begin_round()
        for account, list_filter in watch.list_reads():
            pages = _list_pages(client, account, list_filter, watch)
            more = True
            while more:
                sleep(watch.reserve())
                try:
                    jobs_read, more = next(pages)
                except StopIteration:  # not reached: the last page says it is the last
                    break
                except errors.FireworksError as exc:
                    watch.list_failed(exc, list_filter)
                    break
                emit(watch.observe_all(jobs_read))
        for name in watch.get_reads():
            sleep(watch.reserve())
            account, job_id = split_job_name(name)
            try:
                response = get_endpoint.sync_detailed(account, job_id, client=client, read_mask=watch.mask)
            except errors.FireworksError as exc:
                emit(watch.get_failed(name, exc))
            else:
                emit(watch.observe_response(response))
        emit(watch.end_round())
        if (result := watch.result_if_done()) is not None:
            return result
        pause = watch.pause()
        if pause is None:
            return watch.result(timed_out=True)
        sleep(pause)


async def watch_jobs_async(
    client: AuthenticatedClient,
    jobs: str | Iterable[str] | None = None,
    *,
    filter: str | None = None,  # noqa: A002 - the API's own name for it
    account_id: str | None = None,
    on_event: OnEvent | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    stall_after: float | None = DEFAULT_STALL_AFTER,
    stop_on_stall: bool = False,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    max_interval: float = DEFAULT_MAX_INTERVAL,
    backoff: float = DEFAULT_BACKOFF,
    requests_per_second: float = DEFAULT_REQUESTS_PER_SECOND,
    budget: RequestBudget | None = None,
    read_mask: str | None = WATCH_READ_MASK,
    list_above: int = LIST_ABOVE,
    page_size: int = PAGE_SIZE,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
) -> WatchResult:
    """Async ``watch_jobs``, with the same arguments; ``on_event`` may also be a coroutine function."""
    watch = _Watch(
        client, jobs, filter, account_id, timeout, stall_after, stop_on_stall, poll_interval, max_interval, backoff,
        budget or RequestBudget(requests_per_second), read_mask, list_above, page_size, clock,
    )  # fmt: skip

    async def emit(events: list[WatchEvent]) -> None:
        if on_event is not None:
            for event in events:
                result = on_event(event)
                if inspect.isawaitable(result):
                    await result

    while True:
        watch.begin_round()
        for account, list_filter in watch.list_reads():
            pages = _list_pages_async(client, account, list_filter, watch)
            more = True
            while more:
                await sleep(watch.reserve())
                try:
                    jobs_read, more = await anext(pages)
                except StopAsyncIteration:  # not reached: the last page says it is the last
                    break
                except errors.FireworksError as exc:
                    watch.list_failed(exc, list_filter)
                    break
                await emit(watch.observe_all(jobs_read))
        for name in watch.get_reads():
            await sleep(watch.reserve())
            account, job_id = split_job_name(name)
            try:
                response = await get_endpoint.asyncio_detailed(account, job_id, client=client, read_mask=watch.mask)
            except errors.FireworksError as exc:
                await emit(watch.get_failed(name, exc))
            else:
                await emit(watch.observe_response(response))
        await emit(watch.end_round())
        if (result := watch.result_if_done()) is not None:
            return result
        pause = watch.pause()
        if pause is None:
            return watch.result(timed_out=True)
        await sleep(pause)


def _list_pages(
    client: AuthenticatedClient, account: str, list_filter: str, watch: "_Watch"
) -> Iterator[tuple[list[ReinforcementFineTuningJob], bool]]:
    """The jobs of each List page and whether another page follows, one request per ``next()``."""
    from .lifecycle import list_jobs  # noqa: PLC0415 - only List watches need it

    pager = list_jobs(
        client, filter=list_filter, read_mask=watch.list_mask, page_size=watch.page_size, account_id=account
    )
    for page in pager.pages():
        yield list(page.jobs), bool(page.next_page_token)


async def _list_pages_async(
    client: AuthenticatedClient, account: str, list_filter: str, watch: "_Watch"
) -> AsyncIterator[tuple[list[ReinforcementFineTuningJob], bool]]:
    from .lifecycle import list_jobs_async  # noqa: PLC0415 - only List watches need it

    pager = list_jobs_async(
        client, filter=list_filter, read_mask=watch.list_mask, page_size=watch.page_size, account_id=account
    )
    async for page in pager.pages():
        yield list(page.jobs), bool(page.next_page_token)


class _Tracked:
    """What a watch remembers of one job: little, so that memory stays flat however long it runs."""

    __slots__ = ("changed_at", "job", "name", "outcome", "progress", "read_in", "stalled", "state", "vanished")

    def __init__(self, name: str) -> None:
        self.name = name
        self.job: ReinforcementFineTuningJob | None = None
        self.state: JobState | None = None
        self.progress: dict[str, Any] | None = None
        self.changed_at = 0.0
        self.stalled = False
        self.outcome: JobOutcome | None = None
        self.vanished = False
        self.read_in = -1  # the round that last read it


class _Watch:
    """What the sync and async watches share: which reads a round makes, what they mean, when to stop."""

    def __init__(
        self,
        client: AuthenticatedClient,
        jobs: str | Iterable[str] | None,
        list_filter: str | None,
        account_id: str | None,
        timeout: float | None,
        stall_after: float | None,
        stop_on_stall: bool,
        poll_interval: float,
        max_interval: float,
        backoff: float,
        budget: RequestBudget,
        read_mask: str | None,
        list_above: int,
        page_size: int,
        clock: Callable[[], float],
    ) -> None:
        _check_schedule(timeout, poll_interval, max_interval, backoff)
        if stall_after is not None:
            _check_positive("stall_after", stall_after)
        for setting, value, low in (("list_above", list_above, 0), ("page_size", page_size, 1)):
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ValueError(f"{setting} must be an int >= {low}, got {value!r}")
        if read_mask is not None and not isinstance(read_mask, str):
            raise TypeError(f"read_mask must be a str or None, not {type(read_mask).__name__}")
        self.tracked: dict[str, _Tracked] = {}
        self.filter_account: str | None = None
        if (jobs is None) == (list_filter is None):
            raise ValueError("watch_jobs needs jobs or filter (one of them, not both)")
        if list_filter is not None:
            if not isinstance(list_filter, str) or not list_filter.strip():
                raise ValueError(f"filter must be a non-empty str, got {list_filter!r}")
            account = account_id or client.account_id
            if not account:
                raise ValueError("a filter watch needs an account: pass account_id=... or set FIREWORKS_ACCOUNT_ID")
            split_job_name("x", account)  # checks the account id
            self.filter_account = account
        else:
            assert jobs is not None
            for job in [jobs] if isinstance(jobs, str) else jobs:
                name = job_name(*split_job_name(job, account_id, default_account_id=client.account_id))
                self.tracked.setdefault(name, _Tracked(name))
            if not self.tracked:
                raise ValueError("jobs is empty: name at least one job to watch")
        self.filter = list_filter
        self.use_list = list_filter is not None or len(self.tracked) > list_above
        self.mask: str | Unset = read_mask or UNSET
        self.list_mask: str | None = read_mask or None
        self.page_size = page_size
        self.timeout = timeout
        self.stall_after = stall_after
        self.stop_on_stall = stop_on_stall
        self.poll_interval = poll_interval
        self.max_interval = max_interval
        self.backoff = backoff
        self.budget = budget
        self.clock = clock
        self.start = clock()
        self.interval = poll_interval
        self.round = 0
        self.requests = 0
        self.changed = False
        self.lists_complete = True
        self.last_error: errors.FireworksError | None = None
        self.unknown_reported: set[str] = set()
        self.retry_after = 0.0

    # --- rounds ----------------------------------------------------------------------------

    def begin_round(self) -> None:
        self.round += 1
        self.changed = False
        self.lists_complete = True
        self.retry_after = 0.0

    def active(self) -> list[_Tracked]:
        return [t for t in self.tracked.values() if t.outcome is None]

    def list_reads(self) -> list[tuple[str, str]]:
        """``(account, filter)`` of each List this round reads."""
        if not self.use_list:
            return []
        if self.filter is not None:
            assert self.filter_account is not None
            return [(self.filter_account, self.filter)]
        by_account: dict[str, list[str]] = {}
        for tracked in self.active():
            by_account.setdefault(split_job_name(tracked.name)[0], []).append(tracked.name)
        reads = []
        for account, names in by_account.items():
            for start in range(0, len(names), NAMES_PER_FILTER):
                chunk = names[start : start + NAMES_PER_FILTER]
                reads.append((account, " OR ".join(f"name={_quoted(name)}" for name in chunk)))
        return reads

    def get_reads(self) -> list[str]:
        """Names to Get this round: every active job without List; with it, those the Lists
        did not return (a job that left a filter's results, or vanished), when they all completed."""
        if not self.use_list:
            return [t.name for t in self.active()]
        if not self.lists_complete:
            return []
        return [t.name for t in self.active() if t.read_in != self.round]

    def reserve(self) -> float:
        self.requests += 1
        return self.budget.reserve(self.clock())

    def end_round(self) -> list[WatchEvent]:
        """STALLED events of this round."""
        if self.stall_after is None:
            return []
        now = self.clock()
        events = []
        for tracked in self.active():
            if (
                tracked.state == JobState.JOB_STATE_RUNNING
                and not tracked.stalled
                and tracked.read_in == self.round
                and now - tracked.changed_at >= self.stall_after
            ):
                tracked.stalled = True
                events.append(self._event(WatchEventKind.STALLED, tracked, tracked.state, now))
        return events

    def result_if_done(self) -> WatchResult | None:
        if self.stop_on_stall and any(t.stalled for t in self.active()):
            return self.result(timed_out=False)
        if self.filter is not None and not self.lists_complete:
            return None
        if all(t.outcome is not None for t in self.tracked.values()):
            return self.result(timed_out=False)
        return None

    def pause(self) -> float | None:
        """Seconds until the next round; None when the deadline has passed."""
        if self.changed:
            self.interval = self.poll_interval
        delay = max(self.interval, self.retry_after)
        self.interval = min(self.interval * self.backoff, self.max_interval)
        if self.timeout is None:
            return delay
        remaining = self.timeout - (self.clock() - self.start)
        if remaining <= 0:
            return None
        return min(delay, remaining)

    def result(self, *, timed_out: bool) -> WatchResult:
        tracked = self.tracked.values()
        return WatchResult(
            jobs={t.name: t.job for t in tracked},
            outcomes={t.name: t.outcome for t in tracked},
            vanished=frozenset(t.name for t in tracked if t.vanished),
            stalled=frozenset(t.name for t in tracked if t.stalled and t.outcome is None),
            timed_out=timed_out,
            requests=self.requests,
            last_error=self.last_error,
        )

    # --- what a read says ------------------------------------------------------------------

    def observe_response(self, response: Response[ReinforcementFineTuningJob]) -> list[WatchEvent]:
        if (seconds := _retry_after(response.headers)) > 0:
            self._hold(seconds)
        if response.parsed is None:  # the endpoint raises instead; kept for the type checker
            return []
        return self.observe(response.parsed)

    def observe_all(self, jobs: list[ReinforcementFineTuningJob]) -> list[WatchEvent]:
        events: list[WatchEvent] = []
        for job in jobs:
            events.extend(self.observe(job))
        return events

    def observe(self, job: ReinforcementFineTuningJob) -> list[WatchEvent]:
        if isinstance(job.name, Unset):
            logger.warning("a job without a name came back (is 'name' missing from the read mask?); skipped")
            return []
        tracked = self.tracked.get(job.name)
        if tracked is None:
            if self.filter is None:
                return []  # not one of ours
            tracked = self.tracked[job.name] = _Tracked(job.name)
        tracked.read_in = self.round
        if tracked.outcome is not None:
            return []  # its end is told; a resumed job is a new watch
        now = self.clock()
        state = job.state or JobState.JOB_STATE_UNSPECIFIED
        progress = job.job_progress.to_dict() if not isinstance(job.job_progress, Unset) else None
        previous = tracked.state
        tracked.job = job
        events = []
        if state != previous:
            tracked.state, tracked.changed_at, tracked.stalled = state, now, False
            tracked.outcome = outcome_of(state)
            kind = WatchEventKind.STATE_CHANGED if tracked.outcome is None else WatchEventKind.FINISHED
            events.append(self._event(kind, tracked, previous, now))
            if state.is_unknown and state.value not in self.unknown_reported:
                self.unknown_reported.add(state.value)
                logger.warning("job %s is in state %s, which this client does not know", job.name, state.value)
        elif progress != tracked.progress:
            tracked.changed_at, tracked.stalled = now, False
            events.append(self._event(WatchEventKind.PROGRESS_ADVANCED, tracked, previous, now))
        tracked.progress = progress
        self.changed = self.changed or bool(events)
        return events

    def get_failed(self, name: str, exc: errors.FireworksError) -> list[WatchEvent]:
        tracked = self.tracked[name]
        if isinstance(exc, errors.NotFoundError) and tracked.job is not None:
            tracked.vanished, tracked.outcome = True, JobOutcome.FAILURE
            self.changed = True
            return [self._event(WatchEventKind.VANISHED, tracked, tracked.state, self.clock())]
        self._transient_or_raise(exc, f"reading job {name}")
        return []

    def list_failed(self, exc: errors.FireworksError, list_filter: str) -> None:
        self.lists_complete = False
        if self.filter is None and isinstance(exc, errors.BadRequestError):
            # The API does not document which fields List filters on: if names are refused, Get each.
            logger.warning("List refused a filter on job names (%s); reading each job with Get instead", exc)
            self.use_list = False
            return
        self._transient_or_raise(exc, "listing jobs")

    def _transient_or_raise(self, exc: errors.FireworksError, doing: str) -> None:
        if isinstance(exc, errors.APIStatusError) and exc.status_code in errors.RETRYABLE_STATUS_CODES:
            if exc.retry_after:
                self._hold(exc.retry_after)
        elif not isinstance(exc, errors.APIConnectionError):
            raise exc
        self.last_error = exc
        logger.info("%s: %s; watching on", doing, exc)

    def _hold(self, seconds: float) -> None:
        self.budget.hold(self.clock(), seconds)
        self.retry_after = max(self.retry_after, seconds)

    def _event(self, kind: WatchEventKind, tracked: _Tracked, previous: JobState | None, now: float) -> WatchEvent:
        assert tracked.job is not None and tracked.state is not None
        return WatchEvent(
            kind=kind,
            name=tracked.name,
            job=tracked.job,
            state=tracked.state,
            previous_state=previous,
            outcome=tracked.outcome,
            elapsed=now - self.start,
            unchanged_for=now - tracked.changed_at,
        )


def _quoted(value: str) -> str:
    """An AIP-160 string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
