"""The watcher for many jobs: its events on jobs that progress, stall, fail and vanish, its shared
request budget, and how it reads many jobs (List with a filter and readMask, not one Get each).
Every test runs against the scripted fleet server (tools/job_fleet_server.py) on a real socket."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from fireworks_rft_client import AuthenticatedClient, errors
from fireworks_rft_client.job_states import JobOutcome
from fireworks_rft_client.models import JobState
from fireworks_rft_client.watcher import (
    WATCH_READ_MASK,
    RequestBudget,
    WatchEvent,
    WatchEventKind,
    watch_jobs,
    watch_jobs_async,
)
from tools.job_fleet_server import Fleet, job_fleet_server, running

from .test_waiter import FakeTime

TOKEN = "fw-watcher-token-0123456789"
ACCOUNT = "acme"
K = WatchEventKind


def name(job_id: str) -> str:
    return f"accounts/{ACCOUNT}/reinforcementFineTuningJobs/{job_id}"


@pytest.fixture
def fleet() -> Iterator[Fleet]:
    with job_fleet_server() as server:
        yield server


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


MakeClient = Callable[[Fleet], AuthenticatedClient]


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    clients: list[AuthenticatedClient] = []

    def make(fleet: Fleet) -> AuthenticatedClient:
        # max_retries=0: the tests script every answer; the client's own retries would sleep for real.
        client = AuthenticatedClient(base_url=fleet.base_url, token=TOKEN, account_id=ACCOUNT, max_retries=0)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def timing(fake_time: FakeTime, **settings: Any) -> dict[str, Any]:
    return {"clock": fake_time.clock, "sleep": fake_time.sleep, "poll_interval": 1, "timeout": 600, **settings}


def kinds(events: list[WatchEvent], job_id: str | None = None) -> list[str]:
    return [e.kind.value for e in events if job_id is None or e.name == name(job_id)]


# --- events ------------------------------------------------------------------------------------


def test_a_job_that_progresses_to_completion(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", running([0, 10, 10, 55, 100]))
    events: list[WatchEvent] = []
    result = watch_jobs(make_client(fleet), "rft-1", on_event=events.append, **timing(fake_time))
    assert kinds(events) == ["state_changed", "state_changed", "progress_advanced", "progress_advanced",
                             "progress_advanced", "finished"]  # fmt: skip
    assert [e.state.value for e in events[:2]] == ["JOB_STATE_PENDING", "JOB_STATE_RUNNING"]
    assert events[0].previous_state is None and events[1].previous_state == JobState.JOB_STATE_PENDING
    percents = [e.job.job_progress.percent for e in events if e.kind is K.PROGRESS_ADVANCED]  # type: ignore[union-attr]
    assert percents == [10, 55, 100], "the repeated 10 is no event"
    assert events[1].job.job_progress.percent == 0  # type: ignore[union-attr]
    final = events[-1]
    assert final.outcome is JobOutcome.SUCCESS and final.state == JobState.JOB_STATE_COMPLETED
    assert result.finished and result.succeeded and not result.timed_out
    assert result.outcomes == {name("rft-1"): JobOutcome.SUCCESS}
    assert fleet.count("GET", "/rft-1") == 7 == result.requests
    assert all(f"readMask={WATCH_READ_MASK.replace(',', '%2C')}" in target for _, target in fleet.requests)


def test_a_job_that_fails_finishes_with_failure(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    steps = running([10, 20], then="JOB_STATE_FAILED")
    fleet.add(ACCOUNT, "bad", steps)
    fleet.add(ACCOUNT, "good", running([50]))
    events: list[WatchEvent] = []
    result = watch_jobs(make_client(fleet), [name("bad"), "good"], on_event=events.append, **timing(fake_time))
    assert kinds(events, "bad")[-1] == "finished" and events[-1].name in (name("bad"), name("good"))
    [failed] = [e for e in events if e.kind is K.FINISHED and e.name == name("bad")]
    assert failed.outcome is JobOutcome.FAILURE and failed.previous_state == JobState.JOB_STATE_RUNNING
    assert result.finished and not result.succeeded
    assert result.outcomes == {name("bad"): JobOutcome.FAILURE, name("good"): JobOutcome.SUCCESS}


def test_a_running_job_without_progress_stalls_once_then_moves_on(
    fleet: Fleet, make_client: MakeClient, fake_time: FakeTime
) -> None:
    still = {"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 30}}
    moved = {"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 31}}
    fleet.add(ACCOUNT, "rft-1", [still] * 8 + [moved, {"state": "JOB_STATE_COMPLETED"}])
    events: list[WatchEvent] = []
    settings = timing(fake_time, stall_after=4, max_interval=1)
    result = watch_jobs(make_client(fleet), "rft-1", on_event=events.append, **settings)
    assert kinds(events) == ["state_changed", "stalled", "progress_advanced", "finished"]
    stalled = events[1]
    assert stalled.unchanged_for >= 4 and stalled.state == JobState.JOB_STATE_RUNNING
    assert result.finished and result.stalled == frozenset()


def test_stop_on_stall_ends_the_watch_with_the_stalled_job(
    fleet: Fleet, make_client: MakeClient, fake_time: FakeTime
) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 30}}])
    result = watch_jobs(
        make_client(fleet), "rft-1", stop_on_stall=True, **timing(fake_time, stall_after=5, max_interval=1)
    )
    assert result.stalled == {name("rft-1")} and not result.finished and not result.timed_out
    assert fake_time.now - 1000 == 5, "the first round 5 s after the last change"


def test_pending_is_no_stall(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    """Only RUNNING without progress is a stall: a queued job may wait long."""
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_PENDING"}])
    events: list[WatchEvent] = []
    result = watch_jobs(
        make_client(fleet), "rft-1", on_event=events.append, **timing(fake_time, stall_after=2, timeout=30)
    )
    assert kinds(events) == ["state_changed"] and result.timed_out and not result.stalled


def test_a_job_that_vanishes_while_watched(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING", "jobProgress": {"percent": 5}}, {"gone": True}])
    events: list[WatchEvent] = []
    result = watch_jobs(make_client(fleet), "rft-1", on_event=events.append, **timing(fake_time))
    assert kinds(events) == ["state_changed", "vanished"]
    assert events[1].outcome is JobOutcome.FAILURE and events[1].job.job_progress.percent == 5  # type: ignore[union-attr]
    assert result.vanished == {name("rft-1")} and result.finished and not result.succeeded


def test_a_job_not_found_at_first_is_an_error(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", [{"state": "JOB_STATE_RUNNING"}])
    with pytest.raises(errors.NotFoundError):
        watch_jobs(make_client(fleet), ["rft-1", "typo"], **timing(fake_time))


def test_timeout_returns_what_was_seen(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", running([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]))
    result = watch_jobs(make_client(fleet), "rft-1", **timing(fake_time, timeout=5, max_interval=1))
    assert result.timed_out and not result.finished
    job = result.jobs[name("rft-1")]
    assert job is not None and job.state == JobState.JOB_STATE_RUNNING
    assert fake_time.now - 1000 == pytest.approx(5)


def test_transient_errors_do_not_end_the_watch(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", running([50]))
    fleet.fail_next.extend([(503, {}), (429, {})])
    result = watch_jobs(make_client(fleet), "rft-1", **timing(fake_time))
    assert result.succeeded and isinstance(result.last_error, errors.RateLimitError)


def test_a_permanent_error_ends_the_watch(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", running([50]))
    fleet.fail_next.append((403, {}))
    with pytest.raises(errors.PermissionDeniedError):
        watch_jobs(make_client(fleet), "rft-1", **timing(fake_time))


# --- one budget for all jobs ----------------------------------------------------------------------


def test_requests_of_all_jobs_share_one_rate(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    for job_id in ("a", "b", "c"):
        fleet.add(ACCOUNT, job_id, [{"state": "JOB_STATE_COMPLETED"}])
    watch_jobs(make_client(fleet), ["a", "b", "c"], requests_per_second=2, **timing(fake_time))
    assert fake_time.sleeps == [0, 0.5, 0.5], "three Gets of one round, half a second apart"


def test_retry_after_holds_back_every_job(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    """A 429 with Retry-After on job a's read: b and c wait for it too, not only a."""
    for job_id in ("a", "b", "c"):
        fleet.add(ACCOUNT, job_id, [{"state": "JOB_STATE_RUNNING"}, {"state": "JOB_STATE_COMPLETED"}])
    fleet.fail_next.append((429, {"Retry-After": "7"}))
    result = watch_jobs(make_client(fleet), ["a", "b", "c"], **timing(fake_time, requests_per_second=100))
    assert result.succeeded
    assert fake_time.sleeps[:3] == [0, 7, pytest.approx(0.01)], "b waited for a's Retry-After, then c its turn"
    assert fleet.count("GET", "/b") == 2 and fleet.count("GET", "/c") == 2


def test_a_shared_budget_spans_watches(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "a", [{"state": "JOB_STATE_COMPLETED"}])
    budget = RequestBudget(requests_per_second=1)
    client = make_client(fleet)
    watch_jobs(client, "a", budget=budget, **timing(fake_time))
    watch_jobs(client, "a", budget=budget, **timing(fake_time))
    assert fake_time.sleeps == [0, 1], "the second watch waits for the first one's slot"


# --- async -------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_watch_sees_the_same_events(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(ACCOUNT, "rft-1", running([0, 50, 100]))
    fleet.add(ACCOUNT, "rft-2", [{"state": "JOB_STATE_RUNNING"}, {"gone": True}])
    events: list[WatchEvent] = []

    async def record(event: WatchEvent) -> None:
        events.append(event)

    async with make_client(fleet) as client:
        result = await watch_jobs_async(
            client, ["rft-1", "rft-2"], on_event=record, **timing(fake_time, sleep=fake_time.async_sleep)
        )
    assert kinds(events, "rft-1") == ["state_changed", "state_changed", "progress_advanced", "progress_advanced",
                                      "finished"]  # fmt: skip
    assert kinds(events, "rft-2") == ["state_changed", "vanished"]
    assert result.outcomes == {name("rft-1"): JobOutcome.SUCCESS, name("rft-2"): JobOutcome.FAILURE}


# --- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jobs", "settings", "complaint"),
    [
        (None, {}, "needs jobs or filter"),
        (["a"], {"filter": 'state="X"'}, "needs jobs or filter"),
        ([], {}, "jobs is empty"),
        (["accounts/acme/jobs/x"], {}, "expected 'accounts/"),
        (["a"], {"stall_after": 0}, "stall_after must be a positive"),
        (["a"], {"requests_per_second": -1}, "requests_per_second must be a positive"),
        (["a"], {"page_size": 0}, "page_size must be an int >= 1"),
        (None, {"filter": "  "}, "filter must be a non-empty str"),
    ],
)
def test_bad_input_is_refused_before_any_request(
    fleet: Fleet, make_client: MakeClient, jobs: list[str] | None, settings: dict[str, Any], complaint: str
) -> None:
    with pytest.raises(ValueError, match=complaint):
        watch_jobs(make_client(fleet), jobs, **settings)
    assert fleet.requests == []


# --- many jobs: List with a filter and readMask, not one Get each ----------------------------------


def list_requests(fleet: Fleet) -> list[str]:
    return [target for method, target in fleet.requests if method == "GET" and "reinforcementFineTuningJobs?" in target]


def test_a_filter_watch_reads_1000_jobs_in_5_requests_a_round(
    fleet: Fleet, make_client: MakeClient, fake_time: FakeTime
) -> None:
    for i in range(1000):
        fleet.add(ACCOUNT, f"job-{i:04d}", running([10, 20]))
    rounds: list[int] = []

    def sleep(seconds: float) -> None:
        if seconds >= 1:  # the pause between rounds, not the budget's
            rounds.append(len(fleet.requests) - sum(rounds))
        fake_time.sleep(seconds)

    result = watch_jobs(
        make_client(fleet),
        filter='displayName!="nothing"',
        **timing(fake_time, sleep=sleep, requests_per_second=1000),
    )
    assert result.succeeded and len(result.outcomes) == 1000
    assert rounds == [5, 5, 5], "PENDING, RUNNING 10, RUNNING 20; the fourth round (COMPLETED) ends it"
    assert len(fleet.requests) == 20 == result.requests
    assert all("reinforcementFineTuningJobs?" in t for _, t in fleet.requests), "List only, no Get"
    first = list_requests(fleet)[0]
    assert "pageSize=200" in first and f"readMask={WATCH_READ_MASK.replace(',', '%2C')}" in first
    assert "filter=displayName%21%3D%22nothing%22" in first


def test_a_job_that_leaves_the_filter_gets_one_get(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    fleet.add(
        ACCOUNT, "a", [{"state": "JOB_STATE_RUNNING"}, {"state": "JOB_STATE_RUNNING"}, {"state": "JOB_STATE_FAILED"}]
    )
    fleet.add(ACCOUNT, "b", [{"state": "JOB_STATE_RUNNING"}, {"gone": True}])
    events: list[WatchEvent] = []
    result = watch_jobs(
        make_client(fleet), filter='state="JOB_STATE_RUNNING"', on_event=events.append, **timing(fake_time)
    )
    assert kinds(events, "a") == ["state_changed", "finished"] and kinds(events, "b") == ["state_changed", "vanished"]
    assert result.outcomes == {name("a"): JobOutcome.FAILURE, name("b"): JobOutcome.FAILURE}
    gets = [t.split("?")[0].rsplit("/", 1)[1] for m, t in fleet.requests if "reinforcementFineTuningJobs/" in t]
    assert sorted(gets) == ["a", "b"], "one Get for each job the List no longer returned, none else"


def test_many_named_jobs_are_read_through_a_name_filter(
    fleet: Fleet, make_client: MakeClient, fake_time: FakeTime
) -> None:
    ids = [f"job-{i:03d}" for i in range(120)]
    for job_id in ids:
        fleet.add(ACCOUNT, job_id, running([50]))
    fleet.add(ACCOUNT, "not-watched", [{"state": "JOB_STATE_RUNNING"}])
    result = watch_jobs(make_client(fleet), ids, **timing(fake_time, requests_per_second=1000))
    assert result.succeeded and set(result.outcomes) == {name(i) for i in ids}
    assert len(list_requests(fleet)) == 3 * 3, "3 rounds, 120 names in filters of 50"
    assert all("reinforcementFineTuningJobs?" in t for _, t in fleet.requests), "no Get at all"
    assert fleet.job("not-watched").reads == 0


def test_a_refused_name_filter_falls_back_to_gets(
    fleet: Fleet, make_client: MakeClient, fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    ids = [f"job-{i}" for i in range(6)]
    for job_id in ids:
        fleet.add(ACCOUNT, job_id, running([50]))
    fleet.fail_next.append((400, {}))  # the server does not filter on name
    result = watch_jobs(make_client(fleet), ids, **timing(fake_time, requests_per_second=1000))
    assert result.succeeded
    assert len(list_requests(fleet)) == 1 and "reading each job with Get instead" in caplog.text


def test_a_bad_filter_is_an_error(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    with pytest.raises(errors.BadRequestError):
        watch_jobs(make_client(fleet), filter="createTime > 3", **timing(fake_time))


def test_a_filter_matching_nothing_ends_at_once(fleet: Fleet, make_client: MakeClient, fake_time: FakeTime) -> None:
    result = watch_jobs(make_client(fleet), filter='state="JOB_STATE_RUNNING"', **timing(fake_time))
    assert result.outcomes == {} and result.finished and len(fleet.requests) == 1


@pytest.mark.anyio
async def test_async_filter_watch_reads_through_list(
    fleet: Fleet, make_client: MakeClient, fake_time: FakeTime
) -> None:
    for i in range(250):
        fleet.add(ACCOUNT, f"job-{i:03d}", running([50]))
    async with make_client(fleet) as client:
        result = await watch_jobs_async(
            client,
            filter='displayName!="x"',
            **timing(fake_time, sleep=fake_time.async_sleep, requests_per_second=1000),
        )
    assert result.succeeded and len(result.outcomes) == 250
    assert len(fleet.requests) == 2 * 3, "2 pages a round, 3 rounds"
