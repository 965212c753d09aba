# Hand-written; stands in for the generator's stock client module. What differs, and why:
# - a finite default timeout (stock: none at all, a stalled server hangs the caller forever),
#   configurable per client (timeout=) and per call (with_options(timeout=...));
# - requests are retried as retries.OPERATION_RETRIES says for their operation: a repeatable
#   one on connection errors, timeouts and the statuses of errors.RETRYABLE_STATUS_CODES, any
#   other only on errors that leave it unsent (no connection made), with exponential backoff and
#   jitter, honouring Retry-After (retries.Backoff); the final response notes the attempts
#   (retries.ATTEMPTS_EXTENSION); max_retries (default 2) bounds them, 0 turns them off; a Retry-After that
#   would take the call's sleeping past Backoff.max_retry_after ends the call at once with the
#   error (its retry_after holds the wait), so no call sleeps past that cap;
# - settings the caller leaves out come from the environment, as the official SDK reads them:
#   FIREWORKS_API_KEY (token), FIREWORKS_BASE_URL, FIREWORKS_ACCOUNT_ID; no key at all is an
#   errors.ConfigurationError naming FIREWORKS_API_KEY;
# - the token never shows in repr() or str(), and the caller's headers dict is never written to;
# - send_request()/send_request_async() are the one place where a request meets the network:
#   transport errors become errors.APIConnectionError / errors.APITimeoutError;
# - the async client runs on aiohttp (httpx-aiohttp's transport, the `aiohttp` extra) when the
#   caller asks for it (use_aiohttp=True or FIREWORKS_RFT_ASYNC_TRANSPORT=aiohttp), never
#   because the package happens to be installed: httpcore's async pool costs twice the CPU per
#   request at high concurrency, but a transport must be a choice (proxies, versions);
# - every request names the client in its User-Agent (built once), unless the caller sets one;
# - TLS settings become one ssl.SSLContext (_tls), proxies go to httpx, which reads
#   HTTP(S)_PROXY / NO_PROXY itself, on every transport (_aiohttp.AsyncClient);
# - a caller's own httpx client (httpx_client=, async_httpx_client=) gets our base URL, auth
#   header, User-Agent and timeout with each request, so its hooks and transport run while
#   retries and errors stay ours; its own default headers are never written to;
# - a call on a closed client raises errors.ClientClosedError, not httpx's bare RuntimeError;
# - settings are checked at construction (_settings: a key with a line end, timeout=-1 ... are an
#   errors.ConfigurationError there, naming the setting); header values never reach a message
#   (errors.mask_header_values on every transport error);
# - timeout= bounds each attempt as a whole (_deadline), not only each read, on every transport;
#   the waiter's deadline bounds its polls the same way;
# - at most as many requests in flight as the pool has connections (_gate): httpcore's pool
#   slows to a crawl with hundreds queued;
# - a body that does not decode as its Content-Encoding says is an errors.ResponseValidationError
#   holding the raw body (_body), not httpx's bare DecodingError;
# - an async client moves to a new event loop with a new pool (_loops): successive asyncio.run()
#   calls work;
# - the request's URL goes to httpx absolute, merged with the base URL once per path
#   (_absolute_urls), not parsed and merged again on every call.
"""HTTP clients: ``AuthenticatedClient`` for the API, ``Client`` for unauthenticated use."""

import contextlib
import itertools
import logging
import os
import ssl
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

import httpx
from attrs import define, evolve, field

from . import _deadline, _log_mask, _loops, _settings, errors, retries
from ._absolute_urls import UrlCache
from ._body import read_body, read_body_async
from ._gate import Gate, pool_size
from ._tls import CertTypes, VerifyTypes, ssl_config
from .retries import Backoff

if TYPE_CHECKING:  # asyncio loads only on the async path: not at the package's import
    import asyncio

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_MAX_RETRIES", "DEFAULT_TIMEOUT", "AuthenticatedClient", "Client"]

#: Read, write and pool timeout of 60 s with a 5 s connect timeout.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
#: Retries after the first attempt of an idempotent request.
DEFAULT_MAX_RETRIES = 2
#: Used when neither base_url nor FIREWORKS_BASE_URL is given.
DEFAULT_BASE_URL = "https://api.fireworks.ai"
#: "aiohttp" runs the async client on httpx-aiohttp's transport, "httpx" (the default) on httpx's own.
ASYNC_TRANSPORT_ENV = "FIREWORKS_RFT_ASYNC_TRANSPORT"
#: The httpx-aiohttp versions the `aiohttp` extra allows (templates/pyproject.toml.jinja says the same).
AIOHTTP_EXTRA_VERSIONS = ((0, 1, 9), (0, 3))
_INSTALL_AIOHTTP = "pip install 'fireworks-rft-client[aiohttp]'"
# What httpx sends when nobody sets a User-Agent: a caller's own client with it gets ours.
_HTTPX_USER_AGENT = f"python-httpx/{httpx.__version__}"

# Transport failures where another attempt may succeed (not e.g. UnsupportedProtocol).
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
# What a response's stream is once its body has been read (see _noted).
_READ_STREAM = httpx.ByteStream(b"")
# Transport failures before a byte of the request left: no connection made, none free in the pool.
_UNSENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_logger = logging.getLogger("fireworks_rft_client")
_log_mask.install()  # httpcore's DEBUG lines quote a refused header value
# Header names whose values are masked in error messages besides the auth header.
_SECRET_HEADER_WORDS = ("auth", "key", "token", "secret", "cookie", "session", "password", "signature")


def _copy(mapping: Mapping[str, str]) -> dict[str, str]:
    return _settings.check_headers(dict(mapping))


def _copy_cookies(mapping: Mapping[str, str]) -> dict[str, str]:
    return dict(mapping)


def _as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    checked = _settings.check_timeout(value)
    return DEFAULT_TIMEOUT if checked is None else checked


def _check_max_retries(value: int) -> int:
    return _settings.check_max_retries(value)


def _check_backoff(instance: object, attribute: object, value: object) -> None:
    if not isinstance(value, Backoff):
        raise errors.ConfigurationError(f"backoff must be a retries.Backoff, not {type(value).__name__}")


def _check_flag(instance: object, attribute: Any, value: object) -> None:
    if value is not None and not isinstance(value, bool):
        raise errors.ConfigurationError(f"{attribute.alias or attribute.name} must be True or False, not {value!r}")


def _base_url_or_env(value: str | None) -> str:
    return value if value is not None else os.environ.get("FIREWORKS_BASE_URL") or DEFAULT_BASE_URL


def _token_or_env(value: str | None) -> str:
    if value is None:
        value = os.environ.get("FIREWORKS_API_KEY")
    if not value:
        raise errors.ConfigurationError(
            "no API key: pass token=... to AuthenticatedClient or set the FIREWORKS_API_KEY environment variable"
        )
    return _settings.check_header_value("the API key (token= or FIREWORKS_API_KEY)", value)


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
    # The caller's own httpx clients: base URL, auth and timeout go with each request.
    sync_is_callers: bool = False
    async_is_callers: bool = False
    # The event loop the async client runs on (_loops), and the in-flight bound (_gate).
    async_loop: Any = None
    gate: Gate | None = None
    # The absolute URL of each path, per httpx client (each checks it was built on its base URL).
    sync_urls: UrlCache = field(factory=UrlCache)
    async_urls: UrlCache = field(factory=UrlCache)


@define(repr=False)
class Client:
    """Keeps the settings and the pooled httpx clients for calls to the API.

    Args:
        base_url: The API's root; default ``FIREWORKS_BASE_URL`` from the environment, else
            ``https://api.fireworks.ai``.
        headers: Headers sent with every request (copied, never modified).
        cookies: Cookies sent with every request.
        timeout: Seconds or an ``httpx.Timeout``; default ``DEFAULT_TIMEOUT`` (60 s, 5 s to connect).
            Each attempt also ends, as a whole, when the largest of its parts has passed.
        max_retries: Retries of an idempotent request after a connection error, a timeout or a
            status in ``errors.RETRYABLE_STATUS_CODES``; default 2, 0 turns retrying off.
        backoff: The waits between retries (``retries.Backoff``: 0.5 s doubling up to 8 s, with
            jitter; Retry-After honoured up to 60 s).
        verify_ssl: Verify the server's certificate: True (default; ``SSL_CERT_FILE`` /
            ``SSL_CERT_DIR`` if set, else certifi's bundle), False, a CA bundle file or folder,
            or an ``ssl.SSLContext``.
        cert: A client certificate: a PEM file holding the key too, (cert file, key file), or
            (cert file, key file, password).
        proxy: A proxy URL (or ``httpx.Proxy``) for every request; default: ``HTTP_PROXY``,
            ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` from the environment, as httpx reads them.
        follow_redirects: Follow redirects (default False). httpx drops the Authorization header
            when a redirect leads to another origin.
        httpx_args: Extra keyword arguments for ``httpx.Client`` and ``httpx.AsyncClient``.
        use_aiohttp: The async client's transport. None (default): ``FIREWORKS_RFT_ASYNC_TRANSPORT``
            ("aiohttp" or "httpx"), else httpx's own; True: httpx-aiohttp's ``AiohttpTransport``
            (``pip install fireworks-rft-client[aiohttp]``, an errors.ConfigurationError when it
            is missing or of an unsupported version); False: httpx's own.
        httpx_client, async_httpx_client: Your own ``httpx.Client`` / ``httpx.AsyncClient`` (event
            hooks, mounts, a company transport). Each request through it still gets this client's
            base URL, authentication, User-Agent (unless yours sets one), timeout, retries and
            errors; TLS, proxies, cookies and redirects are your client's. Closing this client
            closes it.
    """

    _base_url: str = field(default=None, alias="base_url", converter=_base_url_or_env)
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", converter=_copy_cookies)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", converter=_copy)
    _timeout: httpx.Timeout = field(default=None, kw_only=True, alias="timeout", converter=_as_timeout)
    _max_retries: int = field(
        default=DEFAULT_MAX_RETRIES, kw_only=True, alias="max_retries", converter=_check_max_retries
    )
    _backoff: Backoff = field(factory=Backoff, kw_only=True, alias="backoff", validator=_check_backoff)
    _verify_ssl: VerifyTypes = field(default=True, kw_only=True, alias="verify_ssl")
    _cert: CertTypes | None = field(default=None, kw_only=True, alias="cert")
    _proxy: str | httpx.Proxy | None = field(default=None, kw_only=True, alias="proxy")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects", validator=_check_flag)
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _use_aiohttp: bool | None = field(default=None, kw_only=True, alias="use_aiohttp", validator=_check_flag)
    _httpx_client: httpx.Client | None = field(default=None, kw_only=True, alias="httpx_client")
    _async_httpx_client: httpx.AsyncClient | None = field(default=None, kw_only=True, alias="async_httpx_client")
    _pool: _Pool = field(factory=_Pool, init=False)
    # Set by with_options(timeout=...): sent with each request, as the pooled client keeps its own.
    _call_timeout: httpx.Timeout | None = field(default=None, init=False)

    def __attrs_post_init__(self) -> None:
        self._pool.timeout = self._timeout
        if self._httpx_client is not None:
            self.set_httpx_client(self._httpx_client)
        if self._async_httpx_client is not None:
            self.set_async_httpx_client(self._async_httpx_client)

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
        """For an httpx client of ours; built once per pooled client, not per request."""
        kwargs: dict[str, Any] = {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._default_headers(),
            "timeout": self._pool.timeout,
            "verify": ssl_config(self._verify_ssl, self._cert, trust_env=self._httpx_args.get("trust_env", True)),
            "follow_redirects": self._follow_redirects,
        }
        if self._proxy is not None:  # only then: httpx < 0.26 has no proxy= argument
            kwargs["proxy"] = self._proxy
        return {**kwargs, **self._httpx_args}

    def _default_headers(self) -> dict[str, str]:
        headers = {**self._headers, **self._auth_headers()}
        for name, value in headers.items():  # checked at construction; again here, for one set since
            _settings.check_header_value(f"the value of header {name!r}", value)
        if not any(name.lower() == "user-agent" for name in headers):
            from ._version import user_agent  # noqa: PLC0415 - once per httpx client built

            headers["User-Agent"] = user_agent()
        return headers

    def _callers_client_kwargs(
        self, client: httpx.Client | httpx.AsyncClient, urls: UrlCache, request_kwargs: dict[str, Any]
    ) -> None:
        """Our base URL, headers and timeout on a request through the caller's own httpx client."""
        headers = {**self._headers, **self._auth_headers()}
        if client.headers.get("user-agent") == _HTTPX_USER_AGENT and not any(
            name.lower() == "user-agent" for name in headers
        ):
            from ._version import user_agent  # noqa: PLC0415

            headers["User-Agent"] = user_agent()
        request_kwargs["url"] = urls.joined(self._base_url, request_kwargs["url"])
        request_kwargs["headers"] = {**headers, **request_kwargs.get("headers", {})}
        request_kwargs["timeout"] = self._timeout

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
        """Send through this httpx.Client, as ``httpx_client=`` does: our auth, base URL, timeout,
        retries and errors go with each request; its hooks, transport, TLS and proxies are used."""
        self._check_callers_client("httpx_client")
        self._pool.sync, self._pool.sync_is_callers = client, True
        _deadline.install(client)  # a no-op outside this client's calls
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, built on first use."""
        if self._pool.sync is None:
            self._pool.sync = httpx.Client(**self._httpx_kwargs())
            _deadline.install(self._pool.sync)
        return self._pool.sync

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """The async twin of set_httpx_client, as ``async_httpx_client=`` does."""
        self._check_callers_client("async_httpx_client")
        self._pool.async_, self._pool.async_is_callers = async_client, True
        return self

    def _check_callers_client(self, name: str) -> None:
        # Settings that shape an httpx client we build: with the caller's, they would be dropped.
        ours = {
            "verify_ssl": self._verify_ssl is not True,
            "cert": self._cert is not None,
            "proxy": self._proxy is not None,
            "cookies": bool(self._cookies),
            "follow_redirects": self._follow_redirects,
            "httpx_args": bool(self._httpx_args),
            "use_aiohttp": self._use_aiohttp is not None,
        }
        if clash := [key for key, given in ours.items() if given]:
            raise errors.ConfigurationError(
                f"{name}= brings its own connection settings; set {', '.join(clash)} on that httpx client instead"
            )

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, built on first use, and anew on a new event loop
        (the connections of the old one belong to that loop)."""
        pool = self._pool
        loop = _loops.running_loop()
        if loop is not pool.async_loop and loop is not None:
            _loops.move(pool, loop)
        if pool.async_ is None:
            kwargs = self._httpx_kwargs()
            cls = _aiohttp_client_class() if self._wants_aiohttp() else httpx.AsyncClient
            pool.async_, pool.async_loop = cls(**kwargs), loop
        return pool.async_

    def _gate(self, *, sync: bool) -> Gate:
        """The in-flight bound of the pool, each side sized from the transport it runs on."""
        pool = self._pool
        gate = pool.gate
        if gate is None:
            gate = pool.gate = Gate()
        if sync and not gate.sync_sized:
            gate.size_sync(pool_size(pool.sync, keepalive=False))
        elif not sync and not gate.async_sized:
            gate.size_async(pool_size(pool.async_, keepalive=True))
        return gate

    def _secret_values(self, client: httpx.Client | httpx.AsyncClient) -> list[str]:
        """Header values an error message must not show: ours of auth, keys and cookies, the
        caller's client's likewise."""
        values = list(self._auth_headers().values())
        for headers in (self._headers, client.headers):
            for name, value in headers.items():
                if any(word in name.lower() for word in _SECRET_HEADER_WORDS):
                    values.append(value)
        return values

    def _wants_aiohttp(self) -> bool:
        if self._use_aiohttp is not None:
            return self._use_aiohttp
        choice = os.environ.get(ASYNC_TRANSPORT_ENV, "").strip().lower()
        if choice not in ("", "httpx", "aiohttp"):
            raise errors.ConfigurationError(f'{ASYNC_TRANSPORT_ENV} must be "aiohttp" or "httpx", not {choice!r}')
        return choice == "aiohttp"

    def _retries_for(self, request_kwargs: dict[str, Any], operation: str | None) -> tuple[int, bool]:
        """The retries allowed, and whether the request is repeatable (retries.repeatable)."""
        if self._call_timeout is not None:
            request_kwargs["timeout"] = self._call_timeout
        return self._max_retries, retries.repeatable(operation, request_kwargs)

    def send_request(self, request_kwargs: dict[str, Any], *, operation: str | None = None) -> httpx.Response:
        """Send one request built by an endpoint module, retrying it as configured.

        ``operation`` (the endpoint module's name) picks the retry policy in
        retries.OPERATION_RETRIES; without it the HTTP method does. Returns the last response (a
        non-2xx one too: the endpoint raises for it); transport errors that outlast the retries
        become errors.APIConnectionError / APITimeoutError. Each attempt ends by its deadline
        (``_settings.attempt_seconds`` of the timeout), or the one around the call (the
        waiter's) when that comes first.
        """
        client = self.get_httpx_client()
        if self._pool.sync_is_callers:
            self._callers_client_kwargs(client, self._pool.sync_urls, request_kwargs)
        else:
            request_kwargs["url"] = self._pool.sync_urls.absolute(client, request_kwargs["url"])
        retries_left, repeatable = self._retries_for(request_kwargs, operation)
        seconds = _settings.attempt_seconds(self._timeout)
        gate = self._gate(sync=True)
        attempt = 0
        slept = 0.0
        while True:
            answer: httpx.Response | None = None
            try:
                answer = response = _attempt(client, gate, request_kwargs, _deadline.nearest(seconds))
            except errors.FireworksError:
                raise
            except RuntimeError as exc:
                raise _closed_error(client, exc)
            except Exception as exc:
                transport_error = self._failure(exc, client, request_kwargs, attempt, retries_left, repeatable)
                delay = self._retry_delay(attempt, None, transport_error, slept)
            else:
                if (
                    attempt >= retries_left
                    or not repeatable
                    or response.status_code not in errors.RETRYABLE_STATUS_CODES
                ):
                    return _noted(response, attempt)
                delay = self._retry_delay(attempt, response, None, slept)
            # None: a Retry-After past the cap (so a response): the caller gets its error now; or
            # the wait around this call (the waiter's) ends before the next attempt could start.
            if delay is None or _past_outer_deadline(delay):
                if answer is not None:
                    return _noted(answer, attempt)
                raise _transport_error(transport_error, request_kwargs, attempt, self._secret_values(client))
            retries.sleep(delay)
            slept += delay
            attempt += 1

    async def send_request_async(
        self, request_kwargs: dict[str, Any], *, operation: str | None = None
    ) -> httpx.Response:
        """Async send_request, with the same retries and deadlines."""
        client = self.get_async_httpx_client()
        if self._pool.async_is_callers:
            self._callers_client_kwargs(client, self._pool.async_urls, request_kwargs)
        else:
            request_kwargs["url"] = self._pool.async_urls.absolute(client, request_kwargs["url"])
        retries_left, repeatable = self._retries_for(request_kwargs, operation)
        seconds = _settings.attempt_seconds(self._timeout)
        semaphore = self._gate(sync=False).async_semaphore()
        attempt = 0
        slept = 0.0
        while True:
            answer: httpx.Response | None = None
            try:
                answer = response = await _attempt_async(client, semaphore, request_kwargs, _deadline.nearest(seconds))
            except errors.FireworksError:
                raise
            except RuntimeError as exc:
                raise _loops.runtime_error(client, exc, self._pool.async_is_callers) or _closed_error(client, exc)
            except Exception as exc:
                transport_error = self._failure(exc, client, request_kwargs, attempt, retries_left, repeatable)
                delay = self._retry_delay(attempt, None, transport_error, slept)
            else:
                if (
                    attempt >= retries_left
                    or not repeatable
                    or response.status_code not in errors.RETRYABLE_STATUS_CODES
                ):
                    return _noted(response, attempt)
                delay = self._retry_delay(attempt, response, None, slept)
            if delay is None or _past_outer_deadline(delay):  # as in send_request
                if answer is not None:
                    return _noted(answer, attempt)
                raise _transport_error(transport_error, request_kwargs, attempt, self._secret_values(client))
            await retries.async_sleep(delay)
            slept += delay
            attempt += 1

    def _failure(
        self,
        exc: Exception,
        client: httpx.Client | httpx.AsyncClient,
        request_kwargs: dict[str, Any],
        attempt: int,
        retries_left: int,
        repeatable: bool = True,
    ) -> httpx.TransportError:
        """The transport error of a failed attempt when another may follow (for a request that
        is not repeatable, only one that never left); else raises the typed error, its message
        masked of header values."""
        secrets = self._secret_values(client)
        if isinstance(exc, ssl.SSLError):  # a TLS alert after the handshake: httpcore's async path lets it through
            raise _transport_error(httpx.ReadError(str(exc)), request_kwargs, attempt, secrets) from exc
        if isinstance(exc, TimeoutError):  # the async deadline cancelled the attempt
            exc = httpx.ReadTimeout("the attempt took longer than its timeout as a whole")
        if isinstance(exc, (ValueError, httpx.LocalProtocolError)):  # a header value the transport refuses
            raise _invalid_request(exc, _request_line(client, request_kwargs), secrets) from None
        if not isinstance(exc, httpx.TransportError):
            raise exc
        if not _has_request(exc):  # ours (a deadline, the gate): the message names the full URL too
            with contextlib.suppress(Exception):
                exc.request = client.build_request(**request_kwargs)
        if attempt >= retries_left or not (_is_retryable(exc) if repeatable else _never_sent(exc)):
            raise _transport_error(exc, request_kwargs, attempt, secrets) from _cause(exc, secrets)
        return exc

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
        """Close the sync httpx client (the caller's too, when one was handed in)."""
        if self._pool.sync is not None:
            self._pool.sync.close()

    async def aclose(self) -> None:
        """Close the async httpx client and the sync one, with every transport under them."""
        if self._pool.async_ is not None:
            if _loops.close_if_stranded(self._pool):  # its loop has stopped: nothing there to await
                self._pool.async_ = None
            else:
                await self._pool.async_.aclose()
        self.close()

    def __enter__(self) -> Self:
        client = self.get_httpx_client()
        if client.is_closed:
            raise _closed_error(client, None)
        if not self._pool.sync_is_callers:  # the caller may have entered theirs already
            client.__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        client = self.get_async_httpx_client()
        if client.is_closed:
            raise _closed_error(client, None)
        if not self._pool.async_is_callers:
            await client.__aenter__()
        return self

    async def __aexit__(self, *args: Any) -> None:
        await self.aclose()


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


def _attempt(
    client: httpx.Client, gate: Gate, request_kwargs: dict[str, Any], deadline: float | None
) -> httpx.Response:
    """One attempt of a sync request, inside the gate, ending by ``deadline``."""
    token = _deadline.DEADLINE.set(deadline)
    try:
        if not gate.enter(None if deadline is None else deadline - time.monotonic()):
            raise httpx.PoolTimeout("no connection of the pool came free before the attempt's deadline")
        try:
            response = client.send(client.build_request(**request_kwargs), stream=True)
            read_body(response)
            return response
        finally:
            gate.leave()
    finally:
        _deadline.DEADLINE.reset(token)


async def _attempt_async(
    client: httpx.AsyncClient,
    semaphore: "asyncio.Semaphore | None",
    request_kwargs: dict[str, Any],
    deadline: float | None,
) -> httpx.Response:
    """One attempt of an async request, inside the gate, cancelled at ``deadline`` (TimeoutError)."""
    token = _deadline.DEADLINE.set(deadline)
    try:
        if deadline is None:
            return await _send_gated(client, semaphore, request_kwargs)
        async with _deadline.cancel_at(deadline):
            return await _send_gated(client, semaphore, request_kwargs)
    finally:
        _deadline.DEADLINE.reset(token)


async def _send_gated(
    client: httpx.AsyncClient, semaphore: "asyncio.Semaphore | None", request_kwargs: dict[str, Any]
) -> httpx.Response:
    if semaphore is None:
        response = await client.send(client.build_request(**request_kwargs), stream=True)
        await read_body_async(response)
        return response
    async with semaphore:  # the body too: its connection is busy until it is read
        response = await client.send(client.build_request(**request_kwargs), stream=True)
        await read_body_async(response)
        return response


def _past_outer_deadline(delay: float) -> bool:
    """Whether a wait of ``delay`` before the next attempt would end past the deadline around the call."""
    left = _deadline.remaining()
    return left is not None and left <= delay


def _transport_error(
    exc: httpx.TransportError,
    request_kwargs: dict[str, Any],
    retries_done: int,
    secrets: list[str] | tuple[str, ...] = (),
) -> errors.APIConnectionError:
    """Our error for a transport's; ``secrets``: header values to mask (bytes literals always are)."""
    try:
        method, url = exc.request.method, errors.safe_url(exc.request.url)
    except RuntimeError:
        method = str(request_kwargs.get("method", "?")).upper()
        sent = request_kwargs.get("url", "?")  # an absolute httpx.URL (_absolute_urls): no user info shown
        url = errors.safe_url(sent) if isinstance(sent, httpx.URL) else str(sent)
    cls = errors.APITimeoutError if _is_timeout(exc) else errors.APIConnectionError
    after = f" (after {retries_done + 1} attempts)" if retries_done else ""
    message = errors.mask_header_values(f"{type(exc).__name__} on {method} {url}{after}: {exc}", secrets)
    return cls(message, method=method, url=url)


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - httpx raises RuntimeError when the error has none
    except RuntimeError:
        return False
    return True


def _request_line(client: httpx.Client | httpx.AsyncClient, request_kwargs: dict[str, Any]) -> tuple[str, str]:
    """Method and full URL (without credentials) of a request that was not sent."""
    method = str(request_kwargs.get("method", "?")).upper()
    url = str(request_kwargs.get("url", ""))
    try:
        if not httpx.URL(url).is_absolute_url:  # as httpx merges it: under the base URL's path
            url = str(client.base_url).rstrip("/") + "/" + url.lstrip("/")
        return method, errors.safe_url(httpx.URL(url))
    except Exception:  # noqa: BLE001 - only for a message
        return method, "?"


def _invalid_request(exc: Exception, line: tuple[str, str], secrets: list[str]) -> errors.InvalidRequestError:
    """A request the transport refused to send (a header value with a line break...), masked."""
    method, url = line
    reason = errors.mask_header_values(str(exc), secrets)
    if isinstance(exc, UnicodeEncodeError):  # its .object holds the whole value: not chained
        reason = f"a header value is not ASCII ({exc.reason} at position {exc.start})"
    about_headers = isinstance(exc, (UnicodeEncodeError, httpx.LocalProtocolError)) or "header" in reason.lower()
    error = errors.InvalidRequestError(
        f"{method} {url} could not be sent ({type(exc).__name__}: {reason})"
        + ("; check the headers' values" if about_headers else ""),
        method=method,
        url=url,
    )
    error.__cause__, error.__suppress_context__ = None, True  # the original may quote the value
    return error


def _cause(exc: BaseException, secrets: list[str]) -> BaseException | None:
    """``exc`` to chain to our error, or None when its message shows a header value."""
    text = str(exc)
    return exc if errors.mask_header_values(text, secrets) == text else None


def _is_retryable(exc: httpx.TransportError) -> bool:
    """A transport error another attempt may get past: not a certificate the client refused."""
    if not isinstance(exc, _RETRYABLE_ERRORS):
        return False
    cause: BaseException | None = exc
    for _ in range(8):  # httpx <- httpcore <- ssl; httpx-aiohttp <- aiohttp's certificate error
        if cause is None:
            break
        if isinstance(cause, ssl.SSLCertVerificationError) or hasattr(cause, "certificate_error"):
            return False
        # httpcore's pool re-raises "from None": the ssl error is then only the context.
        cause = cause.__cause__ or cause.__context__
    return True


def _never_sent(exc: httpx.TransportError) -> bool:
    """A transport error raised before any byte of the request left (safe to send it again).

    Our aiohttp transport (_aiohttp.py) maps its errors as httpx's own transport does: a lost
    connection is a ReadError there too, never the ConnectTimeout httpx-aiohttp would make of it.
    """
    return isinstance(exc, _UNSENT_ERRORS) and _is_retryable(exc)


def _noted(response: httpx.Response, attempt: int) -> httpx.Response:
    """The response, noting in its extensions how many attempts the call took, when more than one.

    httpx's Response and its bound stream refer to each other: a cycle that only the garbage
    collector frees, so the bodies of many responses (each page of a list) would linger. The
    body is read and the stream closed here: cutting the cycle frees the response as soon as
    the caller drops it, which keeps listing thousands of jobs flat in memory.
    """
    if attempt:
        response.extensions[retries.ATTEMPTS_EXTENSION] = attempt + 1
    if response.is_closed:
        response.stream = _READ_STREAM
    return response


def _is_timeout(exc: httpx.TransportError) -> bool:
    if not isinstance(exc, httpx.TimeoutException):
        return False
    # httpx-aiohttp reports every aiohttp connection error (refused, dropped) as ConnectTimeout:
    # only an aiohttp timeout (a TimeoutError) is one.
    cause = exc.__cause__
    if cause is not None and type(cause).__module__.startswith("aiohttp"):
        return isinstance(cause, TimeoutError)
    return True


def _closed_error(client: httpx.Client | httpx.AsyncClient, exc: RuntimeError | None) -> Exception:
    """httpx says "client has been closed" with a RuntimeError: ours says so with a FireworksError."""
    if not client.is_closed:
        return exc or RuntimeError("unexpected state")  # not ours to translate
    error = errors.ClientClosedError(
        "the client is closed (close(), aclose() or the end of its `with` block): make a new AuthenticatedClient"
    )
    error.__cause__ = exc
    return error


def _aiohttp_client_class() -> type[httpx.AsyncClient]:
    """The httpx.AsyncClient subclass on aiohttp, or a ConfigurationError saying what to install."""
    from importlib import metadata  # noqa: PLC0415 - only when aiohttp is asked for

    low, high = AIOHTTP_EXTRA_VERSIONS
    try:
        installed = metadata.version("httpx-aiohttp")
    except metadata.PackageNotFoundError:
        installed = None
    if installed is not None and not low <= _release(installed) < high:
        raise errors.ConfigurationError(
            f"the aiohttp transport supports httpx-aiohttp >={'.'.join(map(str, low))},<"
            f"{'.'.join(map(str, high))}, found {installed}: {_INSTALL_AIOHTTP}"
        )
    try:
        from ._aiohttp import AsyncClient  # noqa: PLC0415 - optional, and only for async
    except ImportError as exc:
        raise errors.ConfigurationError(f"the aiohttp transport needs httpx-aiohttp: {_INSTALL_AIOHTTP}") from exc
    return AsyncClient


def _release(version: str) -> tuple[int, ...]:
    """(0, 2, 0) of "0.2.0", "0.2.0rc1" or "0.2.0.post1"."""
    parts = []
    for part in version.split("."):
        digits = "".join(itertools.takewhile(str.isdigit, part))
        if not digits:
            break
        parts.append(int(digits))
        if digits != part:
            break
    return tuple(parts)
