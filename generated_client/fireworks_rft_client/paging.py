"""The jobs of a List, page by page, fetched lazily: ``jobs.list_jobs`` returns a ``JobPager``.

Hand-written. The API pages with tokens (AIP-158): each page carries ``nextPageToken``, which
asks for the next page with every other parameter unchanged; an empty or absent token marks the
last page. A pager holds one page at a time, so memory stays flat however many jobs there are.
A server that sends a token it sent before (the pages would loop), or a page of another shape,
ends the iteration with errors.PaginationError.
"""

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

from attrs import define

from .errors import PaginationError
from .models.list_reinforcement_fine_tuning_jobs_response import ListReinforcementFineTuningJobsResponse
from .models.reinforcement_fine_tuning_job import ReinforcementFineTuningJob
from .types import Unset

__all__ = ["AsyncJobPager", "JobPage", "JobPager"]

# A page fetcher: the page token ("" for the first page) -> the parsed page.
Fetch = Callable[[str], ListReinforcementFineTuningJobsResponse]
AsyncFetch = Callable[[str], Awaitable[ListReinforcementFineTuningJobsResponse]]

#: Pages in a row without a job but with a next token before the pager gives up: a server may
#: send a few (a filter that matched nothing there), but fresh tokens forever would be a loop.
MAX_EMPTY_PAGES = 100


@define(frozen=True)
class JobPage:
    """One page of a List: its ``jobs``, the ``next_page_token`` ("" on the last page), the
    ``total_size`` the server reports (None when it sends none), its ``number`` (1 for the
    first) and the ``page_token`` that asked for it ("" for the first)."""

    jobs: list[ReinforcementFineTuningJob]
    next_page_token: str
    total_size: int | None
    number: int
    page_token: str
    raw: ListReinforcementFineTuningJobsResponse


class _Pages:
    """The state of one walk over the pages: the tokens seen, the pages and empty pages so far."""

    def __init__(self) -> None:
        self.token = ""
        self.number = 0
        self.empty_in_a_row = 0
        self.seen: set[str] = set()
        self.done = False

    def take(self, response: ListReinforcementFineTuningJobsResponse) -> JobPage:
        self.number += 1
        jobs = response.reinforcement_fine_tuning_jobs
        if isinstance(jobs, Unset):
            if response.additional_properties:  # e.g. {"items": [...]}: another list's page
                keys = ", ".join(sorted(response.additional_properties))
                raise self.error(f"has no reinforcementFineTuningJobs but other fields ({keys}): not a page of jobs")
            jobs = []
        token = response.next_page_token if isinstance(response.next_page_token, str) else ""
        total = response.total_size if isinstance(response.total_size, int) else None
        page = JobPage(jobs, token, total, self.number, self.token, response)
        if not token:
            self.done = True
            return page
        if token == self.token or token in self.seen:
            raise self.error(f"asks for the page of token {token!r} again: the pages would loop")
        self.empty_in_a_row = 0 if jobs else self.empty_in_a_row + 1
        if self.empty_in_a_row >= MAX_EMPTY_PAGES:
            raise self.error(f"is the {MAX_EMPTY_PAGES}th page in a row without a job, each with a new token")
        self.seen.add(self.token)
        self.token = token
        return page

    def error(self, what: str) -> PaginationError:
        return PaginationError(f"list page {self.number} {what}", page=self.number, page_token=self.token)


def _limit(max_items: int | None) -> int | None:
    if max_items is None:
        return None
    if isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 0:
        raise ValueError(f"max_items must be an int >= 0 or None, got {max_items!r}")
    return max_items


class JobPager(Iterator[ReinforcementFineTuningJob]):
    """The jobs of a List, fetched page by page as the iteration reaches them.

    ``for job in pager`` goes over every job (at most ``max_items``); ``pager.pages()`` starts
    a new walk from the first page and yields ``JobPage`` objects (``max_items`` does not
    apply to it). Nothing is fetched before the iteration starts.
    """

    def __init__(self, fetch: Fetch, *, max_items: int | None = None) -> None:
        self._fetch = fetch
        self._max_items = _limit(max_items)
        self._jobs: Iterator[ReinforcementFineTuningJob] | None = None

    def pages(self) -> Iterator[JobPage]:
        walk = _Pages()
        while not walk.done:
            yield walk.take(self._fetch(walk.token))

    def _walk_jobs(self) -> Iterator[ReinforcementFineTuningJob]:
        left = self._max_items
        if left == 0:
            return
        for page in self.pages():
            jobs = iter(page.jobs)
            del page  # one page in memory: the exhausted iterator lets go of it before the next fetch
            for job in jobs:
                yield job
                if left is not None:
                    left -= 1
                    if left == 0:
                        return

    def __iter__(self) -> "JobPager":
        return self

    def __next__(self) -> ReinforcementFineTuningJob:
        if self._jobs is None:
            self._jobs = self._walk_jobs()
        return next(self._jobs)


class AsyncJobPager(AsyncIterator[ReinforcementFineTuningJob]):
    """Async JobPager: ``async for job in pager``; ``async for page in pager.pages()``."""

    def __init__(self, fetch: AsyncFetch, *, max_items: int | None = None) -> None:
        self._fetch = fetch
        self._max_items = _limit(max_items)
        self._jobs: AsyncIterator[ReinforcementFineTuningJob] | None = None

    async def pages(self) -> AsyncIterator[JobPage]:
        walk = _Pages()
        while not walk.done:
            yield walk.take(await self._fetch(walk.token))

    async def _walk_jobs(self) -> AsyncIterator[ReinforcementFineTuningJob]:
        left = self._max_items
        if left == 0:
            return
        async for page in self.pages():
            jobs = iter(page.jobs)
            del page  # as in JobPager
            for job in jobs:
                yield job
                if left is not None:
                    left -= 1
                    if left == 0:
                        return

    def __aiter__(self) -> "AsyncJobPager":
        return self

    async def __anext__(self) -> ReinforcementFineTuningJob:
        if self._jobs is None:
            self._jobs = self._walk_jobs()
        return await self._jobs.__anext__()
