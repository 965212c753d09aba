"""Time limits of the tests: every test runs under one (pytest-timeout, set in pyproject.toml).

The default is a few seconds: a unit test that takes longer is hanging (a waiter that never
ends, a read without a timeout), and it fails with its name in the log while the run goes on.
A test that needs longer says so with ``slow(seconds, why)``; ``why`` is the reason, in words,
and it is required so that no limit is raised without one.
"""

import pytest

__all__ = ["slow"]


def slow(seconds: float, why: str) -> pytest.MarkDecorator:
    """A time limit of ``seconds`` instead of the default, for the reason ``why``."""
    if not why.strip():
        raise ValueError("a longer time limit needs a reason")
    if not 0 < seconds <= 600:
        raise ValueError(f"a time limit must be more than 0 and at most 600 s, got {seconds}")
    return pytest.mark.timeout(seconds)
