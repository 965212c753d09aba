"""The waiter: follows a job on a real local server until it ends; terminal states come from the spec."""

import logging
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, errors
from fireworks_rft_client._job_state_table import OUTCOMES
from fireworks_rft_client.job_states import FAILURE_STATES, SUCCESS_STATES, TERMINAL_STATES, JobOutcome, outcome_of
from fireworks_rft_client.models import JobState, ReinforcementFineTuningJob
from fireworks_rft_client.waiter import (
    JobFailedError,
    JobUpdate,
    WaitTimeoutError,
    async_wait_for_job,
    wait_for_job,
)
from tools import job_state_table
from tools.job_script_server import JobScriptServer, Step, job_script_server

from .conftest import copy_repo
from .spec_fields import example_field
from .time_limits import slow

TOKEN = "fw-waiter-token-0123456789"
JOB = "accounts/acme/reinforcementFineTuningJobs/rft-1"
JOB_PATH = "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1"
UNKNOWN = "JOB_STATE_FROBNICATING"  # a state the API might add one day
FAST: dict[str, Any] = {"poll_interval": 0.001, "max_interval": 0.004}


class FakeTime:
    """A clock that only moves when the waiter sleeps; records every pause."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def bounded(fake_time: FakeTime) -> dict[str, Any]:
    """Wait settings on the fake clock with a 60 s deadline: a waiter that would not end (say, one
    that took a final state for a running one) raises WaitTimeoutError at once, in milliseconds,
    instead of polling on until the test's time limit stops it."""
    return {"timeout": 60, "poll_interval": 1, "clock": fake_time.clock, "sleep": fake_time.sleep}


def serve(*steps: Step) -> AbstractContextManager[JobScriptServer]:
    return job_script_server(steps)


MakeClient = Callable[[JobScriptServer], AuthenticatedClient]


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    clients: list[AuthenticatedClient] = []

    def make(server: JobScriptServer) -> AuthenticatedClient:
        # max_retries=0: these tests script every answer the waiter sees; the client's own
        # retries (tested in test_retries.py) would absorb 429/503 and sleep for real.
        client = AuthenticatedClient(base_url=server.base_url, token=TOKEN, max_retries=0)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def states(*names: str) -> list[Step]:
    return [Step(state=name) for name in names]


def job_state_extension(spec: dict[str, Any]) -> dict[str, str]:
    mapping: dict[str, str] = spec["components"]["schemas"]["JobState"]["x-job-state-outcomes"]
    return mapping


# --- terminal states: the spec and the generated module agree ----------------------------------


def test_generated_terminal_states_are_the_spec_extension(spec: dict[str, Any]) -> None:
    from_spec = {JobState(state): JobOutcome(outcome) for state, outcome in job_state_extension(spec).items()}
    assert dict(TERMINAL_STATES) == from_spec
    assert SUCCESS_STATES == {s for s, o in from_spec.items() if o == "success"}
    assert FAILURE_STATES == {s for s, o in from_spec.items() if o == "failure"}
    assert not SUCCESS_STATES & FAILURE_STATES


def test_terminal_states_are_real_job_states(spec: dict[str, Any]) -> None:
    enum_values = spec["components"]["schemas"]["JobState"]["enum"]
    for state in TERMINAL_STATES:
        assert not state.is_unknown, f"{state} is not a JobState the client was generated with"
        assert state.value in enum_values
    # What the issue asks for: completed is a success; failed, cancelled and expired are failures.
    assert outcome_of(JobState.JOB_STATE_COMPLETED) is JobOutcome.SUCCESS
    for state in (JobState.JOB_STATE_FAILED, JobState.JOB_STATE_CANCELLED, JobState.JOB_STATE_EXPIRED):
        assert outcome_of(state) is JobOutcome.FAILURE
    for state in (JobState.JOB_STATE_RUNNING, JobState.JOB_STATE_PENDING, JobState(UNKNOWN)):
        assert outcome_of(state) is None


def test_committed_table_is_the_spec_extension(spec: dict[str, Any]) -> None:
    assert OUTCOMES == job_state_table.job_state_outcomes(spec)  # make check compares the bytes


def test_a_changed_extension_changes_the_table(spec: dict[str, Any]) -> None:
    """The guard above can fail: flipping one outcome in the spec no longer matches the module."""
    changed = _with_extension(spec, {**job_state_extension(spec), "JOB_STATE_EXPIRED": "success"})
    rendered = job_state_table.render(changed)
    assert "'JOB_STATE_EXPIRED': 'success'" in rendered


@pytest.mark.parametrize(
    ("extension", "complaint"),
    [
        (None, "needs x-job-state-outcomes"),
        ({"JOB_STATE_COMPLETED": "success", "JOB_STATE_DONE": "success"}, "not JobState values: JOB_STATE_DONE"),
        ({"JOB_STATE_COMPLETED": "success", "JOB_STATE_FAILED": "failed"}, "JOB_STATE_FAILED: 'failed'"),
        ({"JOB_STATE_FAILED": "failure"}, "names no success state"),
    ],
)
def test_render_refuses_a_malformed_extension(
    spec: dict[str, Any], extension: dict[str, str] | None, complaint: str
) -> None:
    with pytest.raises(job_state_table.SpecError, match=complaint):
        job_state_table.render(_with_extension(spec, extension))


@pytest.mark.toolchain
@slow(120, "copies the repo and runs the generator as a subprocess")
def test_generate_fails_on_a_bad_extension(tmp_path: Path) -> None:
    """make generate renders the table: a broken extension stops it, and nothing is written."""
    repo = copy_repo(tmp_path)
    spec_file = repo / "openapi" / "fireworks-rft.yaml"
    spec_file.write_text(spec_file.read_text().replace("JOB_STATE_EXPIRED: failure", "JOB_STATE_GONE: failure"))
    result = subprocess.run(
        [sys.executable, "-m", "tools.generate", "out"], cwd=repo, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "x-job-state-outcomes names states that are not JobState values: JOB_STATE_GONE" in result.stderr
    assert not (repo / "out").exists()


def _with_extension(spec: dict[str, Any], extension: dict[str, str] | None) -> dict[str, Any]:
    job_state = {k: v for k, v in spec["components"]["schemas"]["JobState"].items() if k != "x-job-state-outcomes"}
    if extension is not None:
        job_state["x-job-state-outcomes"] = extension
    schemas = {**spec["components"]["schemas"], "JobState": job_state}
    return {**spec, "components": {**spec["components"], "schemas": schemas}}


# --- following a job on a real local server ---------------------------------------------------

WALK = [
    *states("JOB_STATE_PENDING", "JOB_STATE_PENDING", "JOB_STATE_VALIDATING", "JOB_STATE_RUNNING"),
    *states(UNKNOWN, UNKNOWN, UNKNOWN),
    Step(status=503, headers={"Retry-After": "0"}),
    Step(drop=True),
    *states("JOB_STATE_RUNNING", "JOB_STATE_WRITING_RESULTS", "JOB_STATE_COMPLETED"),
]
WALK_CHANGES = [
    "JOB_STATE_PENDING",
    "JOB_STATE_VALIDATING",
    "JOB_STATE_RUNNING",
    UNKNOWN,
    "JOB_STATE_RUNNING",
    "JOB_STATE_WRITING_RESULTS",
    "JOB_STATE_COMPLETED",
]


def unknown_state_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == logging.WARNING and UNKNOWN in r.getMessage()]


def check_walk(updates: list[JobUpdate], job: ReinforcementFineTuningJob, server: JobScriptServer) -> None:
    assert job.state == JobState.JOB_STATE_COMPLETED and job.name == JOB
    assert [u.state.value for u in updates] == WALK_CHANGES
    assert updates[0].previous_state is None
    assert [u.previous_state for u in updates[1:]] == [u.state for u in updates[:-1]]
    assert [u.state.is_unknown for u in updates] == [s == UNKNOWN for s in WALK_CHANGES]
    assert [u.outcome for u in updates] == [None] * 6 + [JobOutcome.SUCCESS]
    elapsed = [u.elapsed for u in updates]
    assert elapsed == sorted(elapsed) and elapsed[0] >= 0
    assert len(server.requests) >= len(WALK)  # every step served: the 503 and the drop did not end it
    assert {(r.path, r.authorization) for r in server.requests} == {(JOB_PATH, f"Bearer {TOKEN}")}


def test_follows_a_job_through_its_states_to_completion(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="fireworks_rft_client.waiter")
    updates: list[JobUpdate] = []
    with serve(*WALK) as server:
        job = wait_for_job(make_client(server), JOB, on_update=updates.append, **FAST)
    check_walk(updates, job, server)
    assert len(unknown_state_warnings(caplog)) == 1, "an unknown state is reported once, not on every poll"
    assert TOKEN not in caplog.text


@pytest.mark.anyio
async def test_async_follows_a_job_through_its_states_to_completion(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="fireworks_rft_client.waiter")
    updates: list[JobUpdate] = []

    async def record(update: JobUpdate) -> None:  # a coroutine callback is awaited
        updates.append(update)

    with serve(*WALK) as server:
        async with make_client(server) as client:
            job = await async_wait_for_job(client, JOB, on_update=record, **FAST)
    check_walk(updates, job, server)
    assert len(unknown_state_warnings(caplog)) == 1


@pytest.mark.parametrize("state", sorted(FAILURE_STATES))
def test_each_failure_state_raises_with_the_last_job(
    make_client: MakeClient, state: JobState, bounded: dict[str, Any]
) -> None:
    failed = Step(state=state.value, job={"status": {"code": "INTERNAL", "message": "evaluator crashed"}})
    with serve(*states("JOB_STATE_RUNNING"), failed) as server:
        with pytest.raises(JobFailedError) as caught:
            wait_for_job(make_client(server), JOB, **bounded)
    error = caught.value
    assert isinstance(error, errors.FireworksError)
    assert error.state == state and error.job.state == state
    assert str(error).startswith(f"job {JOB} ended in {state.value} after ")
    assert "INTERNAL evaluator crashed" in str(error)
    assert len(server.requests) == 2


@pytest.mark.parametrize("state", sorted(FAILURE_STATES))
def test_failure_state_returns_the_job_when_asked_to(
    make_client: MakeClient, state: JobState, bounded: dict[str, Any]
) -> None:
    with serve(*states("JOB_STATE_RUNNING", state.value)) as server:
        job = wait_for_job(make_client(server), JOB, raise_on_failure=False, **bounded)
    assert job.state == state
    assert len(server.requests) == 2, "a failure state ends the wait as any terminal state does"


@pytest.mark.parametrize("state", sorted(SUCCESS_STATES))
def test_each_success_state_returns_the_job(make_client: MakeClient, state: JobState, bounded: dict[str, Any]) -> None:
    with serve(*states("JOB_STATE_PENDING", state.value)) as server:
        job = wait_for_job(make_client(server), JOB, **bounded)
    assert job.state == state and len(server.requests) == 2


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (400, errors.BadRequestError),
        (409, errors.ConflictError),
    ],
)
def test_permanent_error_ends_the_wait_at_once(
    make_client: MakeClient, status: int, error_type: type[errors.APIStatusError], bounded: dict[str, Any]
) -> None:
    with serve(*states("JOB_STATE_RUNNING"), Step(status=status), *states("JOB_STATE_COMPLETED")) as server:
        with pytest.raises(error_type) as caught:
            wait_for_job(make_client(server), JOB, **bounded)
    assert caught.value.status_code == status
    assert len(server.requests) == 2, "no poll after a permanent error"


@pytest.mark.parametrize("failure", [*(Step(status=s) for s in sorted(errors.RETRYABLE_STATUS_CODES)), Step(drop=True)])
def test_transient_errors_do_not_end_the_wait(make_client: MakeClient, failure: Step, bounded: dict[str, Any]) -> None:
    script = [*states("JOB_STATE_RUNNING"), failure, failure, *states("JOB_STATE_COMPLETED")]
    with serve(*script) as server:
        job = wait_for_job(make_client(server), JOB, **bounded)
    assert job.state == JobState.JOB_STATE_COMPLETED
    assert len(server.requests) >= len(script)


def test_poll_interval_backs_off_to_the_cap_and_restarts_on_a_change(
    make_client: MakeClient, fake_time: FakeTime
) -> None:
    script = states(*["JOB_STATE_RUNNING"] * 5, "JOB_STATE_WRITING_RESULTS", "JOB_STATE_WRITING_RESULTS")
    with serve(*script, *states("JOB_STATE_COMPLETED")) as server:
        wait_for_job(
            make_client(server),
            JOB,
            poll_interval=1,
            backoff=2,
            max_interval=5,
            clock=fake_time.clock,
            sleep=fake_time.sleep,
        )
    assert fake_time.sleeps == [1, 2, 4, 5, 5, 1, 2]


def test_retry_after_lengthens_the_pause_on_jobs_and_on_errors(make_client: MakeClient, fake_time: FakeTime) -> None:
    script = [
        Step(state="JOB_STATE_RUNNING", headers={"Retry-After": "7"}),
        Step(state="JOB_STATE_RUNNING"),
        Step(status=429, headers={"Retry-After": "11"}),
        Step(status=503, headers={"Retry-After": "1"}),  # shorter than the backoff: the backoff wins
        Step(state="JOB_STATE_COMPLETED"),
    ]
    with serve(*script) as server:
        wait_for_job(
            make_client(server),
            JOB,
            poll_interval=1,
            backoff=2,
            max_interval=4,
            clock=fake_time.clock,
            sleep=fake_time.sleep,
        )
    assert fake_time.sleeps == [7, 2, 11, 4]


def test_retry_after_past_the_deadline_stops_with_the_error(make_client: MakeClient, fake_time: FakeTime) -> None:
    script = [
        *states("JOB_STATE_RUNNING"),
        Step(status=429, headers={"Retry-After": "3600"}),
        *states("JOB_STATE_COMPLETED"),
    ]
    with serve(*script) as server:
        with pytest.raises(errors.RateLimitError) as caught:
            wait_for_job(
                make_client(server), JOB, timeout=600, poll_interval=1, clock=fake_time.clock, sleep=fake_time.sleep
            )
    assert caught.value.retry_after == 3600 and caught.value.status_code == 429
    assert fake_time.sleeps == [1], "no sleep towards a deadline the server's wait goes past"
    assert len(server.requests) == 2


def test_retry_after_within_the_deadline_is_honoured(fake_time: FakeTime) -> None:
    """The client's default settings: it does not sleep 3600 s (past its 60 s cap) but hands the
    error at once to the waiter, whose 24 h deadline leaves room for the wait."""
    script = [Step(status=503, headers={"Retry-After": "3600"}), *states("JOB_STATE_COMPLETED")]
    with serve(*script) as server, AuthenticatedClient(base_url=server.base_url, token=TOKEN) as client:
        job = wait_for_job(client, JOB, poll_interval=1, clock=fake_time.clock, sleep=fake_time.sleep)
    assert job.state == JobState.JOB_STATE_COMPLETED
    assert fake_time.sleeps == [3600] and len(server.requests) == 2


@pytest.mark.anyio
async def test_async_retry_after_past_the_deadline_stops_with_the_error(
    make_client: MakeClient, fake_time: FakeTime
) -> None:
    timing: dict[str, Any] = {"clock": fake_time.clock, "sleep": fake_time.async_sleep, "poll_interval": 1}
    script = [Step(status=503, headers={"Retry-After": "30"}), Step(status=503, headers={"Retry-After": "90"})]
    with serve(*script, *states("JOB_STATE_COMPLETED")) as server:
        async with make_client(server) as client:
            with pytest.raises(errors.InternalServerError) as caught:
                await async_wait_for_job(client, JOB, timeout=100, **timing)
    assert fake_time.sleeps == [30], "30 s fit the deadline; 90 s more do not"
    assert caught.value.retry_after == 90 and len(server.requests) == 2


def test_retry_after_as_an_http_date(make_client: MakeClient, fake_time: FakeTime) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    script = [Step(status=503, headers={"Retry-After": when}), *states("JOB_STATE_COMPLETED")]
    with serve(*script) as server:
        wait_for_job(make_client(server), JOB, poll_interval=1, clock=fake_time.clock, sleep=fake_time.sleep)
    [pause] = fake_time.sleeps
    assert 20 < pause <= 30


def test_timeout_raises_with_the_last_job(make_client: MakeClient, fake_time: FakeTime) -> None:
    with serve(*states("JOB_STATE_PENDING", "JOB_STATE_RUNNING")) as server:
        with pytest.raises(WaitTimeoutError) as caught:
            wait_for_job(
                make_client(server),
                JOB,
                timeout=10,
                poll_interval=1,
                backoff=2,
                max_interval=4,
                clock=fake_time.clock,
                sleep=fake_time.sleep,
            )
    error = caught.value
    assert isinstance(error, errors.FireworksError)
    assert error.job is not None and error.job.state == JobState.JOB_STATE_RUNNING
    assert error.timeout == 10 and error.elapsed == 10 and error.last_error is None
    assert fake_time.sleeps == [1, 1, 2, 4, 2]  # the last pause is cut to the deadline, where the wait ends
    assert len(server.requests) == 5, "no poll at the deadline: it would have no time left"
    assert f"job {JOB} still in state JOB_STATE_RUNNING after 10.0 s" in str(error)


def test_timeout_after_only_errors_carries_the_last_error(make_client: MakeClient, fake_time: FakeTime) -> None:
    with serve(Step(status=503)) as server:
        with pytest.raises(WaitTimeoutError) as caught:
            wait_for_job(
                make_client(server), JOB, timeout=3, poll_interval=1, clock=fake_time.clock, sleep=fake_time.sleep
            )
    assert caught.value.job is None
    assert isinstance(caught.value.last_error, errors.InternalServerError)
    assert "HTTP 503" in str(caught.value)


def test_defaults_poll_at_once_then_every_5s_growing_1_5x_to_60s_and_give_up_after_24h(fake_time: FakeTime) -> None:
    """README: first poll at once, then every poll_interval (5 s), growing by backoff (1.5x) up to
    max_interval (60 s); timeout 24 h. In-process (MockTransport): a day of polls is ~1,450 requests."""
    polled_at: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        polled_at.append(fake_time.now)
        return httpx.Response(200, json={"name": JOB, "state": "JOB_STATE_RUNNING"})

    client = AuthenticatedClient(
        base_url="https://api.fireworks.ai", token=TOKEN, httpx_args={"transport": httpx.MockTransport(handler)}
    )
    with pytest.raises(WaitTimeoutError) as caught:
        wait_for_job(client, JOB, clock=fake_time.clock, sleep=fake_time.sleep)
    assert polled_at[0] == 1000.0, "the first poll is at once"
    assert fake_time.sleeps[:10] == [5, 7.5, 11.25, 16.875, 25.3125, 37.96875, 56.953125, 60, 60, 60]
    assert max(fake_time.sleeps) == 60
    assert len(polled_at) == len(fake_time.sleeps), "each pause but the last (to the deadline) leads to a poll"
    assert caught.value.timeout == 24 * 3600
    assert caught.value.elapsed == pytest.approx(24 * 3600)
    assert 0 < 24 * 3600 - (polled_at[-1] - polled_at[0]) <= 60, "the last poll is within one pause of the deadline"


def test_timeout_none_waits_past_a_day(fake_time: FakeTime) -> None:
    """README: "timeout (default 24 h, None for none)"."""
    start = fake_time.now

    def handler(request: httpx.Request) -> httpx.Response:
        state = "JOB_STATE_COMPLETED" if fake_time.now - start > 26 * 3600 else "JOB_STATE_RUNNING"
        return httpx.Response(200, json={"name": JOB, "state": state})

    client = AuthenticatedClient(
        base_url="https://api.fireworks.ai", token=TOKEN, httpx_args={"transport": httpx.MockTransport(handler)}
    )
    job = wait_for_job(client, JOB, timeout=None, clock=fake_time.clock, sleep=fake_time.sleep)
    assert job.state == JobState.JOB_STATE_COMPLETED
    assert fake_time.now - start > 26 * 3600


def test_the_terminal_states_are_those_the_readme_names() -> None:
    """README "When it ends": COMPLETED and EARLY_STOPPED succeed; FAILED, CANCELLED, EXPIRED and
    DELETED fail; every other state, PAUSED included, means the job is still going."""
    assert SUCCESS_STATES == {JobState.JOB_STATE_COMPLETED, JobState.JOB_STATE_EARLY_STOPPED}
    assert FAILURE_STATES == {
        JobState.JOB_STATE_FAILED,
        JobState.JOB_STATE_CANCELLED,
        JobState.JOB_STATE_EXPIRED,
        JobState.JOB_STATE_DELETED,
    }
    for state in JobState:
        if state not in TERMINAL_STATES:
            assert outcome_of(state) is None, state


def test_a_paused_job_is_still_going(make_client: MakeClient, bounded: dict[str, Any]) -> None:
    updates: list[JobUpdate] = []
    script = states("JOB_STATE_PAUSED", "JOB_STATE_PAUSED", "JOB_STATE_RUNNING", "JOB_STATE_COMPLETED")
    with serve(*script) as server:
        job = wait_for_job(make_client(server), JOB, on_update=updates.append, **bounded)
    assert job.state == JobState.JOB_STATE_COMPLETED and len(server.requests) == 4
    assert [(u.state, u.outcome) for u in updates] == [
        (JobState.JOB_STATE_PAUSED, None),
        (JobState.JOB_STATE_RUNNING, None),
        (JobState.JOB_STATE_COMPLETED, JobOutcome.SUCCESS),
    ]


def test_a_job_that_does_not_fit_the_schema_ends_the_wait_at_once(
    make_client: MakeClient, bounded: dict[str, Any]
) -> None:
    """A body that does not fit is no transient error: raised as it is, no poll after it."""
    misfit = example_field("integer", "int32", under="trainingConfig")  # from the spec: any int field
    bad = Step(state="JOB_STATE_RUNNING", job=misfit.payload("many"))
    with serve(*states("JOB_STATE_RUNNING"), bad, *states("JOB_STATE_COMPLETED")) as server:
        with pytest.raises(errors.ResponseValidationError) as caught:
            wait_for_job(make_client(server), JOB, **bounded)
    assert caught.value.field == misfit.dotted
    assert len(server.requests) == 2


def test_unknown_state_counts_as_running_and_is_reported_once(
    make_client: MakeClient, fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="fireworks_rft_client.waiter")
    updates: list[JobUpdate] = []
    with serve(*states(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, "JOB_STATE_COMPLETED")) as server:
        job = wait_for_job(
            make_client(server), JOB, on_update=updates.append, clock=fake_time.clock, sleep=fake_time.sleep
        )
    assert job.state == JobState.JOB_STATE_COMPLETED
    assert [(u.state.value, u.state.is_unknown) for u in updates] == [(UNKNOWN, True), ("JOB_STATE_COMPLETED", False)]
    assert len(unknown_state_warnings(caplog)) == 1
    assert len(server.requests) == 5


def test_a_job_without_state_counts_as_unspecified(make_client: MakeClient, fake_time: FakeTime) -> None:
    updates: list[JobUpdate] = []
    with serve(Step(), *states("JOB_STATE_COMPLETED")) as server:
        wait_for_job(make_client(server), JOB, on_update=updates.append, clock=fake_time.clock, sleep=fake_time.sleep)
    assert [u.state for u in updates] == [JobState.JOB_STATE_UNSPECIFIED, JobState.JOB_STATE_COMPLETED]


def test_update_poll_counts_every_poll_failed_ones_too(make_client: MakeClient, fake_time: FakeTime) -> None:
    """JobUpdate.poll: "Which poll saw the change, counting from 1 (failed polls count too)"."""
    script = [
        Step(state="JOB_STATE_PENDING"),  # poll 1: a change (the first poll)
        Step(status=503),  # poll 2: failed
        Step(drop=True),  # poll 3: failed
        Step(state="JOB_STATE_PENDING"),  # poll 4: no change
        Step(status=429),  # poll 5: failed
        Step(state="JOB_STATE_RUNNING"),  # poll 6: a change
        Step(status=502),  # poll 7: failed
        Step(state="JOB_STATE_COMPLETED"),  # poll 8: a change
    ]
    updates: list[JobUpdate] = []
    with serve(*script) as server:
        wait_for_job(make_client(server), JOB, on_update=updates.append, clock=fake_time.clock, sleep=fake_time.sleep)
    assert [(u.state.value, u.poll) for u in updates] == [
        ("JOB_STATE_PENDING", 1),
        ("JOB_STATE_RUNNING", 6),
        ("JOB_STATE_COMPLETED", 8),
    ]
    assert len(server.requests) == 8


@pytest.mark.anyio
async def test_async_update_poll_counts_failed_polls_too(make_client: MakeClient, fake_time: FakeTime) -> None:
    updates: list[JobUpdate] = []
    script = [Step(status=503), Step(drop=True), *states("JOB_STATE_RUNNING", "JOB_STATE_COMPLETED")]
    with serve(*script) as server:
        async with make_client(server) as client:
            await async_wait_for_job(
                client, JOB, on_update=updates.append, clock=fake_time.clock, sleep=fake_time.async_sleep
            )
    assert [u.poll for u in updates] == [3, 4]


def test_bare_job_id_with_account(make_client: MakeClient, bounded: dict[str, Any]) -> None:
    with serve(*states("JOB_STATE_COMPLETED")) as server:
        job = wait_for_job(make_client(server), "rft-1", account_id="acme", **bounded)
    assert job.name == JOB and [r.path for r in server.requests] == [JOB_PATH]


def test_bare_job_id_takes_the_account_of_the_client(bounded: dict[str, Any]) -> None:
    with serve(*states("JOB_STATE_COMPLETED")) as server:
        client = AuthenticatedClient(base_url=server.base_url, token=TOKEN, account_id="acme", max_retries=0)
        with client:
            job = wait_for_job(client, "rft-1", **bounded)
    assert job.name == JOB and [r.path for r in server.requests] == [JOB_PATH]


def test_callback_error_ends_the_wait(make_client: MakeClient, bounded: dict[str, Any]) -> None:
    class Stop(Exception):
        pass

    def stop(update: JobUpdate) -> None:
        if update.state == JobState.JOB_STATE_RUNNING:
            raise Stop

    with serve(*states("JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_COMPLETED")) as server:
        with pytest.raises(Stop):
            wait_for_job(make_client(server), JOB, on_update=stop, **bounded)
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("job", "settings", "complaint"),
    [
        ("rft-1", {}, "account_id is required"),
        ("accounts/acme/jobs/rft-1", {}, "expected 'accounts/"),
        (JOB, {"account_id": "other"}, "does not match"),
        ("accounts/acme/reinforcementFineTuningJobs/..", {}, "must not be '..'"),
        (JOB, {"timeout": 0}, "timeout must be a positive"),
        (JOB, {"poll_interval": float("nan")}, "poll_interval must be a positive"),
        (JOB, {"poll_interval": 2, "max_interval": 1}, "max_interval .* must not be less than poll_interval"),
        (JOB, {"backoff": 0.5}, "backoff must be at least 1"),
    ],
)
def test_bad_input_is_refused_before_any_request(
    make_client: MakeClient, job: str, settings: dict[str, Any], complaint: str
) -> None:
    with serve(*states("JOB_STATE_COMPLETED")) as server:
        with pytest.raises(ValueError, match=complaint):
            wait_for_job(make_client(server), job, **settings)
    assert server.requests == []


def test_secrets_stay_out_of_errors_and_updates(make_client: MakeClient, bounded: dict[str, Any]) -> None:
    secret = "wandb-secret-key-42"
    failed = Step(state="JOB_STATE_FAILED", job={"wandbConfig": {"apiKey": secret, "enabled": True}})
    updates: list[JobUpdate] = []
    with serve(failed) as server:
        with pytest.raises(JobFailedError) as caught:
            wait_for_job(make_client(server), JOB, on_update=updates.append, **bounded)
    assert caught.value.job.wandb_config and caught.value.job.wandb_config.api_key == secret  # the job is intact
    for text in (str(caught.value), repr(caught.value), repr(updates[0])):
        assert secret not in text and TOKEN not in text


# --- async: the same policy -------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_failure_timeout_and_permanent_error(make_client: MakeClient, fake_time: FakeTime) -> None:
    timing: dict[str, Any] = {"clock": fake_time.clock, "sleep": fake_time.async_sleep, "poll_interval": 1}
    with serve(*states("JOB_STATE_RUNNING", "JOB_STATE_CANCELLED")) as server:
        async with make_client(server) as client:
            with pytest.raises(JobFailedError) as failed:
                await async_wait_for_job(client, JOB, **timing)
    assert failed.value.state == JobState.JOB_STATE_CANCELLED

    with serve(*states("JOB_STATE_RUNNING")) as server:
        async with make_client(server) as client:
            with pytest.raises(WaitTimeoutError) as timed_out:
                await async_wait_for_job(client, JOB, timeout=5, **timing)
    assert timed_out.value.job is not None and timed_out.value.elapsed == 5

    with serve(Step(status=503), Step(status=404)) as server:
        async with make_client(server) as client:
            with pytest.raises(errors.NotFoundError):
                await async_wait_for_job(client, JOB, **timing)
    assert len(server.requests) == 2
