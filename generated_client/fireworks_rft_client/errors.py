# Hand-written; stands in for the generator's stock errors module (one UnexpectedStatus) with a typed hierarchy: every error
# the client raises derives from FireworksError, and every non-2xx answer becomes an
# APIStatusError subclass that keeps the status, headers, raw body and request line.
# DecodeError is what a model's from_dict raises (with the dotted path of the field); the
# endpoint turns it into ResponseValidationError. Body snippets in messages have secret
# values (apiKey, token, password, signed URLs) masked.
"""Errors raised by the client. Catch ``FireworksError`` for all of them."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "DecodeError",
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


class ConfigurationError(FireworksError, ValueError):
    """The client is missing a setting, for example the API key (``FIREWORKS_API_KEY``)."""


class ClientClosedError(FireworksError, RuntimeError):
    """A call on a client that was closed (``close()``, ``aclose()`` or the end of its ``with``).

    Also a ``RuntimeError``, which is what httpx raised here before.
    """


class DecodeError(FireworksError, ValueError):
    """A value does not fit a model: raised by the models' ``from_dict``.

    ``path`` holds the keys (and list indexes) from the outermost model down to the value;
    ``field`` is the same as a dotted string (``trainingConfig.epochs``). Values are never
    quoted in the message, so a secret cannot leak through it.
    """

    def __init__(self, key: str | int, reason: str) -> None:
        super().__init__(reason)
        self.path: list[str | int] = [key]
        self.reason = reason

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.path)

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


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
    empty when the body as a whole is wrong. ``response`` is the ``httpx.Response`` when the
    error comes from a request, so nothing of the answer is lost.
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
        response: httpx.Response | None = None,
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
        self.response = response

    @classmethod
    def from_response(cls, response: httpx.Response, reason: str, field: str = "") -> ResponseValidationError:
        method, url = _request_line(response)
        return cls(
            reason,
            field=field,
            status_code=response.status_code,
            body=response.content,
            method=method,
            url=url,
            response=response,
        )


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


_secret_pattern: re.Pattern[str] | None = None


def _snippet(body: bytes) -> str:
    """The start of a body for a message, with the values of secret-looking JSON keys masked."""
    global _secret_pattern
    text = body.decode("utf-8", errors="replace").strip()
    if _secret_pattern is None:  # compiled on the first error, never on the success path
        _secret_pattern = re.compile(
            # A signed URL (trainerLogsSignedUrl) grants access to whoever holds it: a secret too.
            r'("(?:api_?key|apiKey|token|access_?token|password|secret|authorization|\w*signed_?url)"\s*:\s*)'
            r'"(?:[^"\\]|\\.)*("?)',
            re.IGNORECASE,
        )
    text = _secret_pattern.sub(r'\1"***"', text)
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
