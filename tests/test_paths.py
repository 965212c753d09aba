"""No account or job id reaches another path than the job's: proven on a real local server."""

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote

import pytest

from fireworks_rft_client import AuthenticatedClient, get_job, get_job_async
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import (
    cancel_reinforcement_fine_tuning_job as cancel_endpoint,
)
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import (
    create_reinforcement_fine_tuning_job as create_endpoint,
)
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import (
    delete_reinforcement_fine_tuning_job as delete_endpoint,
)
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as endpoint
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import list_reinforcement_fine_tuning_jobs as list_endpoint
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import (
    resume_reinforcement_fine_tuning_job as resume_endpoint,
)
from fireworks_rft_client.errors import InternalServerError
from fireworks_rft_client.models import Empty, ReinforcementFineTuningJobInput
from fireworks_rft_client.resource_names import path_segment, split_job_name

from .local_server import Answer, LocalServer, local_server

PREFIX = "/v1/accounts/"
COLLECTION = "/reinforcementFineTuningJobs/"

# Values a user (or an attacker feeding ids) might pass; each must stay one path segment.
ENCODED_IDS = [
    "%2e%2e",
    "%2E",
    ".%2e",
    "a/../b",
    "../x",
    "..;",
    "...",
    " ..",
    "a/b",
    "?x=1",
    "#frag",
    "a?b#c",
    "%",
    "%zz",
    "a b",
    "\\..\\",
    "ünïcødé",
    "日本語",
    "\u2028",
    "emoji-🚀",
    "acme:1",
    "@host",
    "//evil.example",
    "~user",
    "rft-1",
]
REFUSED_IDS = ["", ".", "..", "a\x00b", "a\nb", "a\rb", "\x7f", "tab\tid"]


@pytest.fixture(scope="module")
def shared_server() -> Iterator[LocalServer]:
    with local_server([Answer(200, {"name": "x"})]) as server:
        yield server


@pytest.fixture
def server(shared_server: LocalServer) -> LocalServer:
    """One real server for the module (starting one per id is slow); each test sees its own requests."""
    shared_server.requests.clear()
    return shared_server


def assert_one_segment(server: LocalServer, account: str, job: str) -> None:
    [path] = server.paths
    path = path.split("?", 1)[0]
    assert path.startswith(PREFIX), path
    account_segment, rest = path[len(PREFIX) :].split("/", 1)
    assert ("/" + rest).startswith(COLLECTION), path
    job_segment = ("/" + rest)[len(COLLECTION) :]
    assert "/" not in account_segment and "/" not in job_segment, path
    assert unquote(account_segment) == account and unquote(job_segment) == job, path


@pytest.mark.parametrize("job_id", ENCODED_IDS)
def test_job_id_stays_one_segment(job_id: str, server: LocalServer) -> None:
    with AuthenticatedClient(base_url=server.url, token="t", max_retries=0) as client:
        endpoint.sync("acme", job_id, client=client, read_mask="name")
    assert_one_segment(server, "acme", job_id)
    assert server.paths[0].endswith("?readMask=name"), "the id must not swallow or add a query"


@pytest.mark.parametrize("account_id", ENCODED_IDS)
def test_account_id_stays_one_segment(account_id: str, server: LocalServer) -> None:
    with AuthenticatedClient(base_url=server.url, token="t", max_retries=0) as client:
        endpoint.sync(account_id, "rft-1", client=client)
    assert_one_segment(server, account_id, "rft-1")


@pytest.mark.parametrize("bad", REFUSED_IDS)
def test_unsafe_ids_are_refused_before_any_request(bad: str, server: LocalServer) -> None:
    with AuthenticatedClient(base_url=server.url, token="t", max_retries=0) as client:
        with pytest.raises(ValueError, match="reinforcement_fine_tuning_job_id"):
            endpoint.sync("acme", bad, client=client)
        with pytest.raises(ValueError, match="account_id"):
            endpoint.sync(bad, "rft-1", client=client)
        with pytest.raises(ValueError):
            get_job(client, f"accounts/acme/reinforcementFineTuningJobs/{bad}")
    assert server.paths == []


@pytest.mark.anyio
@pytest.mark.parametrize("bad", REFUSED_IDS)
async def test_get_job_async_refuses_unsafe_ids_before_any_request(bad: str, server: LocalServer) -> None:
    client = AuthenticatedClient(base_url=server.url, token="t", max_retries=0)
    with pytest.raises(ValueError, match="job"):
        await get_job_async(client, f"accounts/acme/reinforcementFineTuningJobs/{bad}")
    with pytest.raises(ValueError, match="account_id"):
        await get_job_async(client, "rft-1", account_id=bad)
    await client.aclose()
    assert server.paths == []


def test_non_string_id_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="job_id"):
        path_segment("job_id", 42)  # type: ignore[arg-type]


def test_get_job_accepts_the_full_resource_name() -> None:
    with local_server([Answer(200, {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"})]) as server:
        with AuthenticatedClient(base_url=server.url, token="t") as client:
            job = get_job(client, "accounts/acme/reinforcementFineTuningJobs/rft-1", read_mask="name")
            again = get_job(client, job.name)  # type: ignore[arg-type]
            bare = get_job(client, "rft-1", account_id="acme")
    assert server.paths == [
        "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1?readMask=name",
        "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1",
        "/v1/accounts/acme/reinforcementFineTuningJobs/rft-1",
    ]
    assert again.name == bare.name == job.name


def test_get_job_takes_a_bare_ids_account_from_the_client() -> None:
    with local_server([Answer(200, {})]) as server:
        with AuthenticatedClient(base_url=server.url, token="t", account_id="from-client") as client:
            get_job(client, "rft-1")
            # a full name brings its own account; the client's default does not interfere
            get_job(client, "accounts/other/reinforcementFineTuningJobs/rft-2")
    assert server.paths == [
        "/v1/accounts/from-client/reinforcementFineTuningJobs/rft-1",
        "/v1/accounts/other/reinforcementFineTuningJobs/rft-2",
    ]


@pytest.mark.parametrize(
    ("job", "account_id", "message"),
    [
        ("rft-1", None, "account_id is required"),
        ("accounts/acme/reinforcementFineTuningJobs/rft-1", "other", "does not match"),
        ("accounts/acme/jobs/rft-1", None, "expected 'accounts/"),
        ("accounts/acme/reinforcementFineTuningJobs/rft-1/extra", None, "expected 'accounts/"),
        ("accounts//reinforcementFineTuningJobs/rft-1", None, "expected 'accounts/"),
        ("acme/rft-1", None, "expected a job id or a full resource name"),
        ("accounts/../reinforcementFineTuningJobs/rft-1", None, "account_id must not be '..'"),
    ],
)
def test_get_job_refuses_malformed_names(job: str, account_id: str | None, message: str, server: LocalServer) -> None:
    with AuthenticatedClient(base_url=server.url, token="t") as client:
        with pytest.raises(ValueError, match=message):
            get_job(client, job, account_id=account_id)
    assert server.paths == []


def test_split_job_name() -> None:
    assert split_job_name("accounts/a/reinforcementFineTuningJobs/j") == ("a", "j")
    assert split_job_name("j", "a") == ("a", "j")
    assert split_job_name("j", default_account_id="d") == ("d", "j")
    assert split_job_name("j", "a", default_account_id="d") == ("a", "j")


@pytest.mark.anyio
async def test_get_job_async_with_full_name_and_per_call_options() -> None:
    with local_server([Answer(503), Answer(200, {"name": "n"})]) as server:
        client = AuthenticatedClient(base_url=server.url, token="t")
        with pytest.raises(InternalServerError):
            await get_job_async(client, "accounts/acme/reinforcementFineTuningJobs/%2e%2e", max_retries=0)
        job = await get_job_async(client, "accounts/acme/reinforcementFineTuningJobs/%2e%2e", timeout=5)
        await client.aclose()
    assert job.name == "n"
    assert server.paths == ["/v1/accounts/acme/reinforcementFineTuningJobs/%252e%252e"] * 2


def test_checked_ids_are_cached_but_unsafe_ones_never() -> None:
    from fireworks_rft_client import resource_names

    assert path_segment("job_id", "a/b") == path_segment("job_id", "a/b") == "a%2Fb"
    assert resource_names._QUOTED["a/b"] == "a%2Fb"
    for _ in range(2):
        with pytest.raises(ValueError, match="job_id"):
            path_segment("job_id", "..")
    assert ".." not in resource_names._QUOTED
    with pytest.raises(TypeError):
        path_segment("job_id", ["unhashable"])  # type: ignore[arg-type]
    for i in range(resource_names._QUOTED_MAX + 10):
        path_segment("job_id", f"id-{i}")
    assert len(resource_names._QUOTED) <= resource_names._QUOTED_MAX


# Every generated endpoint that takes a job id: the custom methods put ":cancel" / ":resume"
# after the encoded id, in the same segment; the rest of the path must not change.
JOB_ENDPOINTS: dict[str, tuple[Any, str, dict[str, Any]]] = {
    "cancel": (cancel_endpoint, ":cancel", {"body": Empty()}),
    "resume": (resume_endpoint, ":resume", {"body": Empty()}),
    "delete": (delete_endpoint, "", {}),
}


@pytest.mark.parametrize("operation", sorted(JOB_ENDPOINTS))
@pytest.mark.parametrize("job_id", ENCODED_IDS)
def test_every_operation_keeps_the_job_id_in_its_segment(operation: str, job_id: str, server: LocalServer) -> None:
    module, suffix, kwargs = JOB_ENDPOINTS[operation]
    with AuthenticatedClient(base_url=server.url, token="t", max_retries=0) as client:
        module.sync_detailed("acme", job_id, client=client, **kwargs)
    [path] = server.paths
    assert "?" not in path, "the id must not add a query"
    assert path.endswith(suffix) and path.count(":") == (1 if suffix else 0), path
    server.requests[0].path = path.removesuffix(suffix)
    assert_one_segment(server, "acme", job_id)


@pytest.mark.parametrize("account_id", ENCODED_IDS)
def test_the_collection_operations_keep_the_account_in_its_segment(account_id: str, server: LocalServer) -> None:
    with AuthenticatedClient(base_url=server.url, token="t", max_retries=0) as client:
        list_endpoint.sync_detailed(account_id, client=client, page_size=1)
        body = ReinforcementFineTuningJobInput(dataset="d", evaluator="e")
        create_endpoint.sync_detailed(account_id, client=client, body=body, reinforcement_fine_tuning_job_id="j/1")
    for path, query in zip(server.paths, ("pageSize=1", "reinforcementFineTuningJobId=j%2F1"), strict=True):
        route, _, sent = path.partition("?")
        assert route == PREFIX + quote(account_id, safe="") + COLLECTION.rstrip("/") and sent == query, path


@pytest.mark.parametrize("operation", sorted(JOB_ENDPOINTS))
@pytest.mark.parametrize("bad", REFUSED_IDS)
def test_every_operation_refuses_unsafe_ids_before_any_request(operation: str, bad: str, server: LocalServer) -> None:
    module, _, kwargs = JOB_ENDPOINTS[operation]
    with AuthenticatedClient(base_url=server.url, token="t", max_retries=0) as client:
        with pytest.raises(ValueError, match="reinforcement_fine_tuning_job_id"):
            module.sync("acme", bad, client=client, **kwargs)
        with pytest.raises(ValueError, match="account_id"):
            module.sync(bad, "rft-1", client=client, **kwargs)
        with pytest.raises(ValueError, match="account_id"):
            list_endpoint.sync(bad, client=client)
    assert server.paths == []
