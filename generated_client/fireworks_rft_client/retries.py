"""When and how long to wait before retrying a request.

Hand-written (copied into the package by tools/generate.sh). The client's send methods retry
idempotent requests on connection errors, timeouts and errors.RETRYABLE_STATUS_CODES; this
module decides the wait. Only the retry path imports ``random`` and ``email.utils``, so a
successful call pays nothing for them. Tests replace ``sleep``/``async_sleep`` to record waits.
"""

import math
import time

from attrs import define, field

__all__ = ["Backoff", "async_sleep", "parse_retry_after", "sleep"]


def _non_negative(instance: object, attribute: object, value: float) -> None:
    """A finite number of seconds >= 0 (NaN and infinity too are refused), else a ConfigurationError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
        from .errors import ConfigurationError  # noqa: PLC0415 - errors imports this module

        raise ConfigurationError(
            f"Backoff: {getattr(attribute, 'name', '?')} must be a finite number of seconds >= 0, got {value!r}"
        )


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
