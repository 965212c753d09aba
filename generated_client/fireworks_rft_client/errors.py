"""Errors raised by the client. Catch ``FireworksError`` for all of them."""

from __future__ import annotations

import json
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "FireworksError",
    "InternalServerError",
    "NotFoundError",
    "RETRYABLE_STATUS_CODES",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseValidationError",
    "error_for_response",
]

_SNIPPET = 500  # characters of a body quoted in a message

#: Statuses worth retrying for an idempotent request: timeout, rate limit, transient server errors.
RETRYABLE_STATUS_CODES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})


class FireworksError(Exception):
    """Base class of every error raised by this package."""


class APIError(FireworksError):
    """An error tied to one request. ``url`` has no credentials in it."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before an answer came."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class ResponseValidationError(APIError):
    """A 2xx answer whose body does not fit the schema: not JSON, or a field of the wrong type.

    ``field`` names the offending field as a dotted path (``trainingConfig.epochs``), or is
    empty when the body as a whole is wrong.
    """

    def __init__(
        self,
        reason: str,
        *,
        field: str,
        status_code: int,
        body: bytes,
        method: str,
        url: str,
    ) -> None:
        where = f" at {field!r}" if field else ""
        snippet = _snippet(body)
        super().__init__(
            f"invalid response body{where}: {reason} (HTTP {status_code} from {method} {url}; body: {snippet})",
            method=method,
            url=url,
        )
        self.reason = reason
        self.field = field
        self.status_code = status_code
        self.body = body


class APIStatusError(APIError):
    """The server answered with a status outside 2xx.

    Attributes: ``status_code``, ``headers``, ``body`` (raw bytes), ``method``, ``url``,
    ``response`` (the ``httpx.Response``), and from a JSON error body when there is one:
    ``message``, ``code`` (the gRPC code number or an error code string) and ``details``.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = response.content
        self.message, self.code, self.details = _parse_error_body(response.content)
        method, url = _request_line(response)
        reason = response.reason_phrase or "Error"
        text = self.message or _snippet(self.body) or "no body"
        code = f" (code {self.code})" if self.code is not None else ""
        super().__init__(f"HTTP {self.status_code} {reason} from {method} {url}: {text}{code}", method=method, url=url)


class BadRequestError(APIStatusError):
    """HTTP 400: the request is malformed."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the API key is missing or invalid."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403: the API key may not do this."""


class NotFoundError(APIStatusError):
    """HTTP 404: no such account or job."""


class ConflictError(APIStatusError):
    """HTTP 409: the resource is in a conflicting state."""


class RateLimitError(APIStatusError):
    """HTTP 429: too many requests."""


class InternalServerError(APIStatusError):
    """HTTP 5xx: the server or a proxy in front of it failed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_response(response: httpx.Response) -> APIStatusError:
    """Build the typed error for a non-2xx response; any integer status works (499, 520, 529)."""
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(response)


def safe_url(url: httpx.URL) -> str:
    """The URL without user info, which could hold a credential."""
    return str(url.copy_with(username=None, password=None)) if url.userinfo else str(url)


def _request_line(response: httpx.Response) -> tuple[str, str]:
    try:
        request = response.request
    except RuntimeError:  # a Response built by hand has no request
        return "?", "?"
    return request.method, safe_url(request.url)


def _snippet(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    return text if len(text) <= _SNIPPET else text[:_SNIPPET] + "..."


def _parse_error_body(body: bytes) -> tuple[str | None, int | str | None, list[Any]]:
    """Message, code and details from the JSON error shapes seen in the wild.

    gRPC-gateway ``{"code": 5, "message": "...", "details": [...]}``; Google/OpenAI style
    ``{"error": {"code": ..., "message": ...}}``; ``{"error": "..."}``; ``{"message": ...}``;
    ``{"detail": ...}``. Anything else leaves all three empty; the raw body stays on the error.
    """
    try:
        data = json.loads(body)
    except ValueError:
        return None, None, []
    if not isinstance(data, dict):
        return None, None, []
    inner = data.get("error")
    if isinstance(inner, dict):
        data = inner
    elif isinstance(inner, str):
        return inner, None, []
    message = data.get("message", data.get("detail"))
    code = data.get("code", data.get("status"))
    details = data.get("details")
    return (
        message if isinstance(message, str) else None,
        code if isinstance(code, (int, str)) and not isinstance(code, bool) else None,
        details if isinstance(details, list) else [],
    )
