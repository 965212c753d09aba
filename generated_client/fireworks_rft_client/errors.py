# Hand-written; stands in for the generator's stock errors module (one UnexpectedStatus) with a typed hierarchy: every error
# the client raises derives from FireworksError, and every non-2xx answer becomes an
# APIStatusError subclass that keeps the status, headers, raw body and request line.
# DecodeError is what a model's from_dict raises (with the dotted path of the field); the
# endpoint turns it into ResponseValidationError. Body snippets in messages have secret
# values (apiKey, token, password, signed URLs) masked. Every error survives pickle, copy and deepcopy (a
# multiprocessing or task-queue boundary); the httpx.Response of an error is not pickled (its
# request carries the Authorization header) but rebuilt from the status, headers, body and URL.
"""Errors raised by the client. Catch ``FireworksError`` for all of them."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import httpx

from .retries import parse_retry_after

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
    "EventLoopError",
    "FireworksError",
    "InternalServerError",
    "InvalidRequestError",
    "NotFoundError",
    "PaginationError",
    "RETRYABLE_STATUS_CODES",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "ResponseValidationError",
    "error_for_response",
    "mask_header_values",
]

_SNIPPET = 500  # characters of a body quoted in a message

#: Statuses worth retrying for an idempotent request: timeout, rate limit, transient server errors.
RETRYABLE_STATUS_CODES: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})


class FireworksError(Exception):
    """Base class of every error raised by this package.

    Every error survives ``pickle``, ``copy.copy`` and ``copy.deepcopy`` with its message and
    attributes (``Exception``'s own pickling calls ``__init__`` with the message alone, which
    fails for errors that take more). What does not cross a pickle is listed on the class that
    holds it (``APIStatusError.response``).
    """

    #: Attributes that copy.deepcopy shares with the copy instead of copying (live objects).
    _shared_on_deepcopy: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), self.args), self._pickle_state()

    def _pickle_state(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __copy__(self) -> Any:
        return _rebuild(type(self), self.args, self.__dict__)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        shared = self._shared_on_deepcopy
        state = {key: value if key in shared else copy.deepcopy(value, memo) for key, value in self.__dict__.items()}
        clone = _rebuild(type(self), copy.deepcopy(self.args, memo), state)
        memo[id(self)] = clone
        return clone


def _rebuild(cls: type[FireworksError], args: tuple[Any, ...], state: dict[str, Any] | None = None) -> Any:
    """An error of class ``cls`` with these args and attributes, without calling its ``__init__``."""
    error = cls.__new__(cls, *args)
    error.args = args
    if state:
        error.__setstate__(state)
    return error


class ConfigurationError(FireworksError, ValueError):
    """The client is missing a setting, for example the API key (``FIREWORKS_API_KEY``)."""


class ClientClosedError(FireworksError, RuntimeError):
    """A call on a client that was closed (``close()``, ``aclose()`` or the end of its ``with``).

    Also a ``RuntimeError``, which is what httpx raised here before.
    """


class EventLoopError(FireworksError, RuntimeError):
    """An async client used on an event loop it cannot serve.

    The client's own connections are made anew on each new event loop (successive
    ``asyncio.run()`` calls work); this is raised when the loop it was used on is still running
    elsewhere (one client shared by two threads' loops at once), or when your own
    ``async_httpx_client=`` is used on a loop other than its own. Also a ``RuntimeError``.
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


class RequestValidationError(FireworksError, ValueError):
    """A request the client refuses to send: a value of the body does not fit the spec.

    ``field`` names it as a dotted path (``trainingConfig.epochs``), or is empty when the body
    as a whole is wrong. Values are never quoted in the message (one may be a secret).
    """

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class PaginationError(FireworksError):
    """A list's pages do not follow the paging contract: a page token came back a second time
    (the pages would loop), or a page is of another shape than a page of jobs.

    ``page`` is the number of the offending page (1 for the first), ``page_token`` the token
    that asked for it ("" for the first page).
    """

    def __init__(self, message: str, *, page: int, page_token: str) -> None:
        super().__init__(message)
        self.page = page
        self.page_token = page_token


class APIError(FireworksError):
    """An error tied to one request. ``url`` has no credentials in it."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before an answer came."""


class APITimeoutError(APIConnectionError):
    """The request timed out: connect, read, write, pool, or the attempt as a whole."""


class InvalidRequestError(APIError, ValueError):
    """The request could not be sent as built: a header value httpx or aiohttp refuses, say.

    Header values are never quoted in the message. Also a ``ValueError``.
    """


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

    _shared_on_deepcopy = ("response",)

    def _pickle_state(self) -> dict[str, Any]:
        # The response's request carries the Authorization header: never pickled.
        state = dict(self.__dict__)
        if state.get("response") is not None:
            state["response"] = _RebuildResponse(self.status_code, {}, self.body, self.method, self.url)
        return state

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        _restore(self, state)

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
    ``response`` (the ``httpx.Response``), ``retry_after`` (the seconds a ``Retry-After``
    header asks to wait, None without a readable one), and from a JSON error body when there
    is one: ``message``, ``code`` (the gRPC code number or an error code string) and ``details``.

    Through ``pickle`` every attribute but ``response`` comes back as it was; ``response`` is
    rebuilt from ``status_code``, ``headers`` (less ``Content-Encoding``: ``body`` is decoded),
    ``body``, ``method`` and ``url``. The original's request headers, Authorization among them,
    are never pickled; its history, elapsed time and extensions are not kept. ``copy.copy`` and
    ``copy.deepcopy`` share the original response.
    """

    _shared_on_deepcopy = ("response",)

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = response.content
        retry_after = response.headers.get("retry-after")
        self.retry_after = parse_retry_after(retry_after) if retry_after is not None else None
        self.message, self.code, self.details = _parse_error_body(response.content)
        method, url = _request_line(response)
        reason = response.reason_phrase or "Error"
        text = self.message or _snippet(self.body) or "no body"
        code = f" (code {self.code})" if self.code is not None else ""
        super().__init__(f"HTTP {self.status_code} {reason} from {method} {url}: {text}{code}", method=method, url=url)

    def _pickle_state(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["response"] = _RebuildResponse(self.status_code, self.headers, self.body, self.method, self.url)
        return state

    def __setstate__(self, state: dict[str, Any] | None) -> None:
        _restore(self, state)


def _restore(error: FireworksError, state: dict[str, Any] | None) -> None:
    """Set an unpickled error's attributes, building its response anew from what was pickled."""
    if state:
        response = state.get("response")
        if isinstance(response, _RebuildResponse):
            state = {**state, "response": response.build()}
        error.__dict__.update(state)


class _RebuildResponse:
    """What a pickled error keeps of its ``httpx.Response``; ``build()`` makes a new one of it."""

    def __init__(self, status_code: int, headers: Any, body: bytes, method: str, url: str) -> None:
        self.status_code = status_code
        # The body is kept decoded: a Content-Encoding would make httpx decode it again.
        self.headers = [(k, v) for k, v in httpx.Headers(headers).multi_items() if k != "content-encoding"]
        self.body = body
        self.method = method
        self.url = url

    def build(self) -> httpx.Response:
        request = httpx.Request(self.method, self.url) if self.method != "?" else None
        return httpx.Response(self.status_code, headers=self.headers, content=self.body, request=request)


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


# A bytes literal in a transport's message is how h11 quotes an illegal header ("Illegal header
# value b'Bearer ...'"): it may hold the key, so every one is masked.
_BYTES_LITERAL = re.compile(r"b'(?:[^'\\]|\\.)*'|b\"(?:[^\"\\]|\\.)*\"")


def mask_header_values(text: str, secrets: list[str] | tuple[str, ...]) -> str:
    """``text`` with every bytes literal and every one of ``secrets`` (as it is, and as repr()
    escapes it) replaced by ``***``: for messages of errors that could carry a header value."""
    text = _BYTES_LITERAL.sub("b'***'", text)
    for secret in secrets:
        if len(secret) >= 4:  # shorter ones would mask ordinary words; keys are longer
            for form in {secret, repr(secret)[1:-1], secret.strip()}:
                if len(form) >= 4:
                    text = text.replace(form, "***")
    return text


def _parse_error_body(body: bytes) -> tuple[str | None, int | str | None, list[Any]]:
    """Message, code and details from the JSON error shapes seen in the wild.

    gRPC-gateway ``{"code": 5, "message": "...", "details": [...]}``; Google/OpenAI style
    ``{"error": {"code": ..., "message": ...}}``; ``{"error": "..."}``; ``{"message": ...}``;
    ``{"detail": ...}``. Anything else leaves all three empty; the raw body stays on the error.
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to read: the raw body stays
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
