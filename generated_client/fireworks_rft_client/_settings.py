"""Checks of the client's settings, run at construction so that a bad one fails there, by name.

Without them ``timeout=-1`` was taken and failed at the first call with httpx's bare
ValueError, and a key read from a file with its trailing newline failed every call with an
error quoting the whole key. Every refusal is an ``errors.ConfigurationError`` that names the
setting and never quotes a header value.
"""

import math
from typing import Any

import httpx

from .errors import ConfigurationError

__all__ = ["check_header_value", "check_headers", "check_max_retries", "check_seconds", "check_timeout"]

# What RFC 9110 allows in a field value, less the spaces and tabs at its ends; plus ASCII only,
# as httpx encodes header values as ASCII.
_VISIBLE = frozenset(chr(code) for code in range(0x21, 0x7F))


def check_header_value(what: str, value: object) -> str:
    """``value`` if it can travel as a header value as it is; else a ConfigurationError naming ``what``.

    Refused, never trimmed: a key with a newline is most often a file read with its line end,
    and a silent fix would hide which of several keys is in use. The value is never quoted.
    """
    if not isinstance(value, str):
        raise ConfigurationError(f"{what} must be a string, not {type(value).__name__}")
    if not value:
        raise ConfigurationError(f"{what} is empty")
    if value[0] not in _VISIBLE or value[-1] not in _VISIBLE:
        raise ConfigurationError(
            f"{what} starts or ends with whitespace or a control character (a line end read from a file?): "
            "strip it, e.g. open(path).read().strip()"
        )
    for position, char in enumerate(value):
        if char not in _VISIBLE and char != " ":
            kind = "a non-ASCII character" if ord(char) > 0x7F else "a control character or tab"
            raise ConfigurationError(f"{what} has {kind} at position {position}: header values are visible ASCII")
    return value


def check_headers(headers: dict[str, str]) -> dict[str, str]:
    """Every name and value of the ``headers=`` setting (values never quoted, names are)."""
    for name, value in headers.items():
        if not isinstance(name, str) or not name or any(c not in _VISIBLE or c in '()<>@,;:\\"/[]?={}' for c in name):
            raise ConfigurationError(f"headers: {type(name).__name__} {name!r} is not a valid header name")
        check_header_value(f"the value of header {name!r}", value)
    return headers


def check_seconds(what: str, value: object, *, allow_none: bool = False) -> None:
    """A finite number of seconds, >= 0 (None too when ``allow_none``)."""
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(f"{what} must be a number of seconds, not {type(value).__name__}")
    if not 0 <= value < math.inf:  # NaN fails this too
        raise ConfigurationError(f"{what} must be a finite number of seconds >= 0, got {value!r}")


def check_timeout(value: object) -> httpx.Timeout | None:
    """``timeout=``: seconds, an ``httpx.Timeout`` or None (the default); each part checked."""
    if value is None:
        return None
    if isinstance(value, httpx.Timeout):
        for part in ("connect", "read", "write", "pool"):
            check_seconds(f"timeout.{part}", getattr(value, part), allow_none=True)
        return value
    check_seconds("timeout", value)
    return httpx.Timeout(value)  # type: ignore[arg-type]  # checked: a number


def check_max_retries(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"max_retries must be an int >= 0, got {value!r}")
    return value


def attempt_seconds(timeout: httpx.Timeout) -> float | None:
    """How long one attempt may take as a whole: the largest of the four parts (None: no bound).

    httpx's parts bound each connect, read, write and wait for a connection; a server that
    trickles a byte now and then would keep a call alive for ever on them alone.
    """
    parts = [part for part in (timeout.connect, timeout.read, timeout.write, timeout.pool) if part is not None]
    return max(parts) if parts else None
