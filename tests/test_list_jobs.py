"""list_jobs and list_jobs_async against a real local server that plays pages: every page is
fetched with the same query, lazily; a looping or misshapen list ends with PaginationError."""

import asyncio
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from fireworks_rft_client import JobPage, errors, list_jobs, list_jobs_async
from fireworks_rft_client.paging import MAX_EMPTY_PAGES

from .local_server import Answer, local_server
from .scripted_clients import client

NAME = "accounts/acme/reinforcementFineTuningJobs/"


def job(i: int) -> dict[str, Any]:
    return {"name": f"{NAME}rft-{i}", "state": "JOB_STATE_RUNNING", "jobProgress": {"percent": i % 100}}


def page(first: int, count: int, token: str, total: int | None = None) -> Answer:
    body: dict[str, Any] = {"reinforcementFineTuningJobs": [job(i) for i in range(first, first + count)]}
    body["nextPageToken"] = token
    if total is not None:
        body["totalSize"] = total
    return Answer(200, body)


THREE_PAGES = [page(0, 2, "t1", 5), page(2, 2, "t2", 5), page(4, 1, "", 5)]


def queries(paths: list[str]) -> list[dict[str, list[str]]]:
    return [parse_qs(urlsplit(path).query) for path in paths]


def test_every_job_of_every_page_with_the_same_query_on_each() -> None:
    with local_server(THREE_PAGES) as server:
        names = [
            j.name
            for j in list_jobs(
                client(server.url), filter='state="JOB_STATE_RUNNING"', order_by="createTime desc", page_size=2
            )
        ]
    assert names == [f"{NAME}rft-{i}" for i in range(5)]
    same = {"filter": ['state="JOB_STATE_RUNNING"'], "orderBy": ["createTime desc"], "pageSize": ["2"]}
    assert queries(server.paths) == [same, same | {"pageToken": ["t1"]}, same | {"pageToken": ["t2"]}]
    assert all(urlsplit(path).path == "/v1/accounts/acme/reinforcementFineTuningJobs" for path in server.paths)


def test_nothing_is_fetched_before_the_iteration_and_only_what_it_reaches() -> None:
    with local_server(THREE_PAGES) as server:
        pager = list_jobs(client(server.url))
        assert server.requests == []
        first = next(pager)
        assert first.name == f"{NAME}rft-0" and len(server.requests) == 1
        assert [j.name for j in pager][-1] == f"{NAME}rft-4" and len(server.requests) == 3


def test_max_items_stops_the_fetching_too() -> None:
    with local_server(THREE_PAGES) as server:
        names = [j.name for j in list_jobs(client(server.url), max_items=3)]
        assert names == [f"{NAME}rft-{i}" for i in range(3)] and len(server.requests) == 2
    with local_server(THREE_PAGES) as server:
        assert list(list_jobs(client(server.url), max_items=0)) == [] and server.requests == []


def test_pages_carry_their_jobs_tokens_and_total_size() -> None:
    with local_server(THREE_PAGES) as server:
        pages = list(list_jobs(client(server.url)).pages())
    assert [type(p) for p in pages] == [JobPage] * 3
    assert [len(p.jobs) for p in pages] == [2, 2, 1]
    assert [(p.number, p.page_token, p.next_page_token) for p in pages] == [
        (1, "", "t1"),
        (2, "t1", "t2"),
        (3, "t2", ""),
    ]
    assert {p.total_size for p in pages} == {5}


def test_a_page_without_jobs_ends_or_goes_on_as_its_token_says() -> None:
    script = [Answer(200, {"nextPageToken": "t1"}), Answer(200, {"reinforcementFineTuningJobs": [job(1)]})]
    with local_server(script) as server:
        pages = list(list_jobs(client(server.url)).pages())
    assert [len(p.jobs) for p in pages] == [0, 1] and pages[1].next_page_token == "" and pages[1].total_size is None
    with local_server([Answer(200, {})]) as server:
        assert list(list_jobs(client(server.url))) == [] and len(server.requests) == 1


@pytest.mark.parametrize(
    "script",
    [
        [page(0, 2, "t1"), page(2, 2, "t1")],  # the same token twice in a row
        [page(0, 1, "t1"), page(1, 1, "t2"), page(2, 1, "t1")],  # a cycle back to an earlier page
        [page(0, 1, "t1")],  # every page the same (the last step repeats)
    ],
    ids=["same-token", "cycle", "same-page"],
)
def test_a_repeated_page_token_ends_the_iteration_with_a_typed_error(script: list[Answer]) -> None:
    with local_server(script) as server, pytest.raises(errors.PaginationError, match="again") as caught:
        list(list_jobs(client(server.url)))
    assert caught.value.page == len(server.requests) and caught.value.page_token
    assert len(server.requests) <= 3


@pytest.mark.parametrize(
    ("body", "error", "field"),
    [
        ({"items": [job(1)], "nextPageToken": "t1"}, errors.PaginationError, None),
        ({"reinforcementFineTuningJobs": {"name": "x"}}, errors.ResponseValidationError, "reinforcementFineTuningJobs"),
        ({"reinforcementFineTuningJobs": ["rft-1"]}, errors.ResponseValidationError, "reinforcementFineTuningJobs.0"),
        ({"reinforcementFineTuningJobs": [], "nextPageToken": 7}, errors.ResponseValidationError, "nextPageToken"),
        ([job(1)], errors.ResponseValidationError, ""),
    ],
    ids=["another-list", "jobs-not-a-list", "job-not-an-object", "token-not-a-string", "bare-array"],
)
def test_a_page_of_another_shape_ends_the_iteration_with_a_typed_error(
    body: Any, error: type[errors.FireworksError], field: str | None
) -> None:
    with local_server([Answer(200, body)]) as server, pytest.raises(error) as caught:
        list(list_jobs(client(server.url)))
    assert len(server.requests) == 1
    if field is not None:
        assert getattr(caught.value, "field", None) == field


def test_endless_empty_pages_with_fresh_tokens_end() -> None:
    count = 0

    def fetch(token: str) -> Any:
        nonlocal count
        count += 1
        from fireworks_rft_client.models import ListReinforcementFineTuningJobsResponse  # noqa: PLC0415

        return ListReinforcementFineTuningJobsResponse.from_dict({"nextPageToken": f"t{count}"})

    from fireworks_rft_client.paging import JobPager  # noqa: PLC0415

    with pytest.raises(errors.PaginationError, match="without a job"):
        list(JobPager(fetch))
    assert count == MAX_EMPTY_PAGES


@pytest.mark.parametrize(
    ("kwargs", "error", "named"),
    [
        ({"page_size": 0}, ValueError, "page_size"),
        ({"page_size": True}, ValueError, "page_size"),
        ({"max_items": -1}, ValueError, "max_items"),
        ({"filter": 3}, TypeError, "filter"),
        ({"account_id": ".."}, ValueError, "account_id"),
        ({"account_id": ""}, ValueError, "account_id"),
    ],
)
def test_bad_arguments_raise_before_any_request(kwargs: dict[str, Any], error: type[Exception], named: str) -> None:
    with local_server(THREE_PAGES) as server:
        with pytest.raises(error, match=named):
            list_jobs(client(server.url), **kwargs)
        with pytest.raises(error, match=named):
            list_jobs_async(client(server.url), **kwargs)
    assert server.requests == []


def test_an_error_page_raises_the_status_error_after_the_pages_before_it() -> None:
    script = [page(0, 2, "t1"), Answer(403, {"code": 7, "message": "permission denied"})]
    seen: list[str] = []
    with local_server(script) as server, pytest.raises(errors.PermissionDeniedError):
        for j in list_jobs(client(server.url, max_retries=0)):
            seen.append(str(j.name))
    assert len(seen) == 2


def test_async_twin_pages_the_same_way() -> None:
    async def run(url: str) -> tuple[list[str], list[int]]:
        async with client(url) as c:
            names = [str(j.name) async for j in list_jobs_async(c, page_size=2, read_mask="name,state")]
            sizes = [len(p.jobs) async for p in list_jobs_async(c, page_size=2).pages()]
            return names, sizes

    with local_server(THREE_PAGES + THREE_PAGES) as server:
        names, sizes = asyncio.run(run(server.url))
    assert names == [f"{NAME}rft-{i}" for i in range(5)] and sizes == [2, 2, 1]
    assert queries(server.paths)[:3] == [
        {"pageSize": ["2"], "readMask": ["name,state"]},
        {"pageSize": ["2"], "readMask": ["name,state"], "pageToken": ["t1"]},
        {"pageSize": ["2"], "readMask": ["name,state"], "pageToken": ["t2"]},
    ]


def test_async_repeated_token_and_max_items() -> None:
    async def run(url: str, **kwargs: Any) -> list[str]:
        async with client(url) as c:
            return [str(j.name) async for j in list_jobs_async(c, **kwargs)]

    with local_server([page(0, 2, "t1")]) as server, pytest.raises(errors.PaginationError):
        asyncio.run(run(server.url))
    with local_server(THREE_PAGES) as server:
        assert asyncio.run(run(server.url, max_items=1)) == [f"{NAME}rft-0"] and len(server.requests) == 1


def test_a_pages_response_is_freed_without_waiting_for_the_garbage_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx's Response and its stream refer to each other; the client cuts that cycle, so a
    listing holds one page at a time even while the cyclic collector is off."""
    import gc  # noqa: PLC0415
    import weakref  # noqa: PLC0415

    from fireworks_rft_client import client as client_module  # noqa: PLC0415

    responses: list[weakref.ref[Any]] = []
    send = client_module.Client.send_request

    def spy(self: Any, kwargs: dict[str, Any], **more: Any) -> Any:
        response = send(self, kwargs, **more)
        responses.append(weakref.ref(response))
        return response

    monkeypatch.setattr(client_module.Client, "send_request", spy)
    gc.disable()
    try:
        with local_server(THREE_PAGES) as server:
            for _ in list_jobs(client(server.url)):
                pass
        assert len(responses) == 3 and [ref() for ref in responses] == [None, None, None]
    finally:
        gc.enable()
