# Hand-written; stands in for the generator's stock client module. What differs, and why:
# - a finite default timeout (stock: none at all, a stalled server hangs the caller forever),
#   configurable per client (timeout=) and per call (with_options(timeout=...));
# - idempotent requests are retried on connection errors, timeouts and the statuses of
#   errors.RETRYABLE_STATUS_CODES, with exponential backoff and jitter, honouring Retry-After
#   (retries.Backoff); max_retries (default 2) bounds them, 0 turns them off; a Retry-After that
#   would take the call's sleeping past Backoff.max_retry_after ends the call at once with the
#   error (its retry_after holds the wait), so no call sleeps past that cap;
# - settings the caller leaves out come from the environment, as the official SDK reads them:
#   FIREWORKS_API_KEY (token), FIREWORKS_BASE_URL, FIREWORKS_ACCOUNT_ID; no key at all is an
#   errors.ConfigurationError naming FIREWORKS_API_KEY;
# - the token never shows in repr() or str(), and the caller's headers dict is never written to;
# - send_request()/send_request_async() are the one place where a request meets the network:
#   transport errors become errors.APIConnectionError / errors.APITimeoutError;
# - the async client runs on aiohttp (httpx-aiohttp's transport, the `aiohttp` extra) when it
#   is installed and the caller brings no transport of their own: httpcore's async pool costs
#   twice the CPU per request at high concurrency. use_aiohttp=False or
#   FIREWORKS_RFT_ASYNC_TRANSPORT=httpx keeps httpx's own.
"""HTTP clients: ``AuthenticatedClient`` for the API, ``Client`` for unauthenticated use."""

import logging
import os
import ssl
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from . import errors, retries
from .retries import Backoff

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "AuthenticatedClient", "Client"]

#: Read, write and pool timeout of 60 s with a 5 s connect timeout.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
#: Retries after the first attempt of an idempotent request.
DEFAULT_MAX_RETRIES = 2
#: Used when neither base_url nor FIREWORKS_BASE_URL is given.
DEFAULT_BASE_URL = "https://api.fireworks.ai"
#: Set to "httpx" to keep httpx's own async transport when httpx-aiohttp is installed.
ASYNC_TRANSPORT_ENV = "FIREWORKS_RFT_ASYNC_TRANSPORT"
# httpx_args that choose or shape the transport themselves: the caller's choice wins.
_TRANSPORT_ARGS = frozenset({"transport", "mounts", "proxy", "http2", "uds", "local_address", "socket_options"})

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "get", "head", "options", "put", "delete"})
# Transport failures where another attempt may succeed (not e.g. UnsupportedProtocol).
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_logger = logging.getLogger("fireworks_rft_client")


def _copy(mapping: Mapping[str, str]) -> dict[str, str]:
    return dict(mapping)


def _as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def _check_max_retries(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be an int >= 0, got {value!r}")
    return value


def _base_url_or_env(value: str | None) -> str:
    return value if value is not None else os.environ.get("FIREWORKS_BASE_URL") or DEFAULT_BASE_URL


def _token_or_env(value: str | None) -> str:
    if value is None:
        value = os.environ.get("FIREWORKS_API_KEY")
    if not value:
        raise errors.ConfigurationError(
            "no API key: pass token=... to AuthenticatedClient or set the FIREWORKS_API_KEY environment variable"
        )
    return value


def _account_id_or_env(value: str | None) -> str | None:
    return value if value is not None else os.environ.get("FIREWORKS_ACCOUNT_ID") or None


@define
class _Pool:
    """The httpx clients, shared by a client and the copies with_options() makes of it.

    ``timeout`` is the one the clients are built with: the original client's, whichever of
    the sharing clients builds them; copies with another timeout send theirs per request.
    """

    sync: httpx.Client | None = None
    async_: httpx.AsyncClient | None = None
    timeout: httpx.Timeout = DEFAULT_TIMEOUT


@define(repr=False)
class Client:
    """Keeps the settings and the pooled httpx clients for calls to the API.

    Args:
        base_url: The API's root; default ``FIREWORKS_BASE_URL`` from the environment, else
            ``https://api.fireworks.ai``.
        headers: Headers sent with every request (copied, never modified).
        cookies: Cookies sent with every request.
        timeout: Seconds or an ``httpx.Timeout``; default ``DEFAULT_TIMEOUT`` (60 s, 5 s to connect).
        max_retries: Retries of an idempotent request after a connection error, a timeout or a
            status in ``errors.RETRYABLE_STATUS_CODES``; default 2, 0 turns retrying off.
        backoff: The waits between retries (``retries.Backoff``: 0.5 s doubling up to 8 s, with
            jitter; Retry-After honoured up to 60 s).
        verify_ssl: Verify the server's certificate (default True), or a CA bundle / SSLContext.
        follow_redirects: Follow redirects (default False). httpx drops the Authorization header
            when a redirect leads to another origin.
        httpx_args: Extra keyword arguments for ``httpx.Client`` and ``httpx.AsyncClient``.
        use_aiohttp: The async client's transport. None (default): httpx-aiohttp's
            ``AiohttpTransport`` when that package is installed (``pip install
            fireworks-rft-client[aiohttp]``), unless ``httpx_args`` brings a transport, mounts
            or a proxy, or ``FIREWORKS_RFT_ASYNC_TRANSPORT=httpx`` is set; True: always (an
            errors.ConfigurationError if it is not installed); False: httpx's own transport.
    """

    _base_url: str = field(default=None, alias="base_url", converter=_base_url_or_env)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", converter=_copy)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", converter=_copy)
    _timeout: httpx.Timeout = field(default=None, kw_only=True, alias="timeout", converter=_as_timeout)
    _max_retries: int = field(
        default=DEFAULT_MAX_RETRIES, kw_only=True, alias="max_retries", converter=_check_max_retries
    )
    _backoff: Backoff = field(factory=Backoff, kw_only=True, alias="backoff")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _use_aiohttp: bool | None = field(default=None, kw_only=True, alias="use_aiohttp")
    _pool: _Pool = field(factory=_Pool, init=False)
    # Set by with_options(timeout=...): sent with each request, as the pooled client keeps its own.
    _call_timeout: httpx.Timeout | None = field(default=None, init=False)

    def __attrs_post_init__(self) -> None:
        self._pool.timeout = self._timeout

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        return self._timeout

    @property
    def max_retries(self) -> int:
        return self._max_retries

    @property
    def backoff(self) -> Backoff:
        return self._backoff

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _httpx_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._auth_headers()},
            "timeout": self._pool.timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        backoff: Backoff | None = None,
    ) -> Self:
        """A copy with another timeout, retry count or backoff, sharing this client's connections.

        For one call: ``get_job.sync(..., client=client.with_options(timeout=5, max_retries=0))``.
        """
        copy = evolve(self)  # a new, unused pool: replaced by this client's
        copy._pool = self._pool
        copy._call_timeout = self._call_timeout
        if timeout is not None:
            copy._timeout = copy._call_timeout = _as_timeout(timeout)
        if max_retries is not None:
            copy._max_retries = _check_max_retries(max_retries)
        if backoff is not None:
            copy._backoff = backoff
        return copy

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A new client like this one with additional headers (and its own connections)."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A new client like this one with additional cookies (and its own connections)."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: float | httpx.Timeout) -> Self:
        """A copy with another timeout, sharing this client's connections."""
        return self.with_options(timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client; it replaces the headers, cookies and timeout of this client."""
        self._pool.sync = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, built on first use."""
        if self._pool.sync is None:
            self._pool.sync = httpx.Client(**self._httpx_kwargs())
        return self._pool.sync

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient; it replaces the headers, cookies and timeout of this client."""
        self._pool.async_ = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, built on first use."""
        if self._pool.async_ is None:
            kwargs = self._httpx_kwargs()
            if self._wants_aiohttp():
                kwargs["transport"] = _aiohttp_transport(kwargs)
            self._pool.async_ = httpx.AsyncClient(**kwargs)
        return self._pool.async_

    def _wants_aiohttp(self) -> bool:
        if self._use_aiohttp is not None:
            return self._use_aiohttp
        if _TRANSPORT_ARGS & self._httpx_args.keys():
            return False
        if os.environ.get(ASYNC_TRANSPORT_ENV, "").strip().lower() == "httpx":
            return False
        import importlib.util  # noqa: PLC0415 - only when an async client is built

        return importlib.util.find_spec("httpx_aiohttp") is not None

    def _retries_for(self, request_kwargs: dict[str, Any]) -> int:
        if self._call_timeout is not None:
            request_kwargs["timeout"] = self._call_timeout
        method = request_kwargs["method"]
        if method in _IDEMPOTENT_METHODS or str(method).upper() in _IDEMPOTENT_METHODS:
            return self._max_retries
        return 0

    def send_request(self, request_kwargs: dict[str, Any]) -> httpx.Response:
        """Send one request built by an endpoint module, retrying it as configured.

        Returns the last response (a non-2xx one too: the endpoint raises for it); transport
        errors that outlast the retries become errors.APIConnectionError / APITimeoutError.
        """
        client = self.get_httpx_client()
        retries_left = self._retries_for(request_kwargs)
        attempt = 0
        slept = 0.0
        while True:
            try:
                response = client.request(**request_kwargs)
            except httpx.TransportError as exc:
                if attempt >= retries_left or not isinstance(exc, _RETRYABLE_ERRORS):
                    raise _transport_error(exc, request_kwargs, attempt) from exc
                delay = self._retry_delay(attempt, None, exc, slept)
            else:
                if attempt >= retries_left or response.status_code not in errors.RETRYABLE_STATUS_CODES:
                    return response
                delay = self._retry_delay(attempt, response, None, slept)
            if delay is None:  # a Retry-After past the cap (so a response): the caller gets its error now
                return response
            retries.sleep(delay)
            slept += delay
            attempt += 1

    async def send_request_async(self, request_kwargs: dict[str, Any]) -> httpx.Response:
        """Async send_request, with the same retries."""
        client = self.get_async_httpx_client()
        retries_left = self._retries_for(request_kwargs)
        attempt = 0
        slept = 0.0
        while True:
            try:
                response = await client.request(**request_kwargs)
            except httpx.TransportError as exc:
                if attempt >= retries_left or not isinstance(exc, _RETRYABLE_ERRORS):
                    raise _transport_error(exc, request_kwargs, attempt) from exc
                delay = self._retry_delay(attempt, None, exc, slept)
            else:
                if attempt >= retries_left or response.status_code not in errors.RETRYABLE_STATUS_CODES:
                    return response
                delay = self._retry_delay(attempt, response, None, slept)
            if delay is None:  # a Retry-After past the cap (so a response): the caller gets its error now
                return response
            await retries.async_sleep(delay)
            slept += delay
            attempt += 1

    def _retry_delay(
        self, attempt: int, response: httpx.Response | None, exc: Exception | None, slept: float
    ) -> float | None:
        """The wait before the next attempt; None when a Retry-After asks for more than the
        cap (``Backoff.max_retry_after``) leaves after the ``slept`` seconds of this call."""
        retry_after = response.headers.get("retry-after") if response is not None else None
        seconds = retries.parse_retry_after(retry_after) if retry_after is not None else None
        delay = self._backoff.delay(attempt) if seconds is None else seconds
        too_long = seconds is not None and seconds > self._backoff.max_retry_after - slept
        if _logger.isEnabledFor(logging.INFO):
            request = response.request if response is not None else getattr(exc, "request", None)
            what = f"HTTP {response.status_code}" if response is not None else type(exc).__name__
            where = f"{request.method} {errors.safe_url(request.url)}" if request is not None else "request"
            if too_long:
                _logger.info(
                    "%s on %s asks to retry after %.2f s, past the %.2f s cap: not retrying",
                    what,
                    where,
                    delay,
                    self._backoff.max_retry_after,
                )
            else:
                _logger.info("%s on %s; retry %d of %d in %.2f s", what, where, attempt + 1, self._max_retries, delay)
        return None if too_long else delay

    def close(self) -> None:
        if self._pool.sync is not None:
            self._pool.sync.close()

    async def aclose(self) -> None:
        if self._pool.async_ is not None:
            await self._pool.async_.aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.get_async_httpx_client().__aexit__(*args)


@define(repr=False)
class AuthenticatedClient(Client):
    """A Client that sends ``Authorization: Bearer <token>`` with every request.

    Args (besides those of Client):
        token: The API key; default ``FIREWORKS_API_KEY`` from the environment. Neither given
            raises errors.ConfigurationError. Kept out of repr(), str() and error messages.
        account_id: The account that bare job ids belong to (see ``get_job``); default
            ``FIREWORKS_ACCOUNT_ID`` from the environment, else None.
    """

    token: str = field(default=None, kw_only=True, converter=_token_or_env)
    account_id: str | None = field(default=None, kw_only=True, converter=_account_id_or_env)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r}, account_id={self.account_id!r})"

    def _auth_headers(self) -> dict[str, str]:
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}


def _transport_error(
    exc: httpx.TransportError, request_kwargs: dict[str, Any], retries_done: int
) -> errors.APIConnectionError:
    try:
        method, url = exc.request.method, errors.safe_url(exc.request.url)
    except RuntimeError:
        method, url = str(request_kwargs.get("method", "?")).upper(), str(request_kwargs.get("url", "?"))
    cls = errors.APITimeoutError if _is_timeout(exc) else errors.APIConnectionError
    after = f" (after {retries_done + 1} attempts)" if retries_done else ""
    return cls(f"{type(exc).__name__} on {method} {url}{after}: {exc}", method=method, url=url)


def _is_timeout(exc: httpx.TransportError) -> bool:
    if not isinstance(exc, httpx.TimeoutException):
        return False
    # httpx-aiohttp reports every aiohttp connection error (refused, dropped) as ConnectTimeout:
    # only an aiohttp timeout (a TimeoutError) is one.
    cause = exc.__cause__
    if cause is not None and type(cause).__module__.startswith("aiohttp"):
        return isinstance(cause, TimeoutError)
    return True


def _aiohttp_transport(httpx_kwargs: dict[str, Any]) -> httpx.AsyncBaseTransport:
    """httpx-aiohttp's transport with the TLS and pool settings httpx would give its own."""
    try:
        from ._aiohttp import AiohttpTransport  # noqa: PLC0415 - optional, and only for async
    except ImportError as exc:
        raise errors.ConfigurationError(
            "use_aiohttp=True needs httpx-aiohttp: pip install 'fireworks-rft-client[aiohttp]'"
        ) from exc
    settings = {key: httpx_kwargs[key] for key in ("cert", "trust_env", "limits") if key in httpx_kwargs}
    return AiohttpTransport(verify=httpx_kwargs["verify"], **settings)
