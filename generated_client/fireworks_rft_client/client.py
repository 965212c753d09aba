"""HTTP clients: ``AuthenticatedClient`` for the API, ``Client`` for unauthenticated use."""

import ssl
from collections.abc import Mapping
from typing import Any, Self

import httpx
from attrs import define, evolve, field

from . import errors

#: Read, write and pool timeout of 60 s with a 5 s connect timeout.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


def _copy(mapping: Mapping[str, str]) -> dict[str, str]:
    return dict(mapping)


def _as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    if value is None:
        return DEFAULT_TIMEOUT
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


@define(repr=False)
class Client:
    """Keeps the settings and the pooled httpx clients for calls to the API.

    Args:
        base_url: The API's root, for example ``https://api.fireworks.ai``.
        headers: Headers sent with every request (copied, never modified).
        cookies: Cookies sent with every request.
        timeout: Seconds or an ``httpx.Timeout``; default ``DEFAULT_TIMEOUT``.
        verify_ssl: Verify the server's certificate (default True), or a CA bundle / SSLContext.
        follow_redirects: Follow redirects (default False).
        httpx_args: Extra keyword arguments for ``httpx.Client`` and ``httpx.AsyncClient``.
    """

    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", converter=_copy)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", converter=_copy)
    _timeout: httpx.Timeout = field(default=None, kw_only=True, alias="timeout", converter=_as_timeout)
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        return self._timeout

    def _auth_headers(self) -> dict[str, str]:
        return {}

    def _httpx_kwargs(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {**self._headers, **self._auth_headers()},
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A new client like this one with additional headers."""
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A new client like this one with additional cookies."""
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: float | httpx.Timeout) -> Self:
        """A new client like this one with another timeout."""
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Use this httpx.Client; it replaces the headers, cookies and timeout of this client."""
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, built on first use."""
        if self._client is None:
            self._client = httpx.Client(**self._httpx_kwargs())
        return self._client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Use this httpx.AsyncClient; it replaces the headers, cookies and timeout of this client."""
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, built on first use."""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(**self._httpx_kwargs())
        return self._async_client

    def send_request(self, request_kwargs: dict[str, Any]) -> httpx.Response:
        """Send one request built by an endpoint module; transport errors become typed errors."""
        try:
            return self.get_httpx_client().request(**request_kwargs)
        except httpx.TransportError as exc:
            raise _transport_error(exc, request_kwargs) from exc

    async def send_request_async(self, request_kwargs: dict[str, Any]) -> httpx.Response:
        """Async send_request."""
        try:
            return await self.get_async_httpx_client().request(**request_kwargs)
        except httpx.TransportError as exc:
            raise _transport_error(exc, request_kwargs) from exc

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()

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

    The token is kept out of repr(), str() and error messages.
    """

    token: str = field(kw_only=True)
    prefix: str = field(default="Bearer", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    def _auth_headers(self) -> dict[str, str]:
        return {self.auth_header_name: f"{self.prefix} {self.token}" if self.prefix else self.token}


def _transport_error(exc: httpx.TransportError, request_kwargs: dict[str, Any]) -> errors.APIConnectionError:
    try:
        method, url = exc.request.method, errors.safe_url(exc.request.url)
    except RuntimeError:
        method, url = str(request_kwargs.get("method", "?")).upper(), str(request_kwargs.get("url", "?"))
    cls = errors.APITimeoutError if isinstance(exc, httpx.TimeoutException) else errors.APIConnectionError
    return cls(f"{type(exc).__name__} on {method} {url}: {exc}", method=method, url=url)
