"""The async client's aiohttp transport, when the caller asks for it (the ``aiohttp`` extra).

The client imports this module when it first builds an async httpx client with aiohttp asked
for (``use_aiohttp=True`` or ``FIREWORKS_RFT_ASYNC_TRANSPORT=aiohttp``), never at package
import. httpx-aiohttp's ``AiohttpTransport`` serves concurrent requests at about twice the rate
of httpcore's async pool; ``AsyncClient`` puts it under every route httpx builds, and the
transport subclass keeps the client's behaviour the same on it:

- passing ``transport=`` to ``httpx.AsyncClient`` would turn off httpx's environment proxies
  (``HTTP_PROXY``, ``HTTPS_PROXY``, ``NO_PROXY``), and aiohttp's session does not read them
  either; instead ``AsyncClient`` overrides the two hooks httpx builds its transports with,
  so httpx works out the proxies (explicit ``proxy=`` or the environment) exactly as on its
  own transport, and each route gets an aiohttp transport (through the proxy, or direct);

- aiohttp resends an idempotent request by itself, once, when a kept-alive connection drops;
  here the client's own retry loop is the one retry policy (``max_retries=0`` is one attempt);
- httpx-aiohttp reports every aiohttp connection error (refused, dropped) as
  ``httpx.ConnectTimeout`` and lets some aiohttp errors through unmapped; here a timeout is a
  timeout, a lost connection an ``httpx.NetworkError``, a malformed answer a
  ``httpx.RemoteProtocolError``, as on httpx's own transport.
"""

from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport as _AiohttpTransport

__all__ = ["AiohttpTransport", "AsyncClient"]


class AsyncClient(httpx.AsyncClient):
    """``httpx.AsyncClient`` whose default and proxy routes run on ``AiohttpTransport``.

    httpx-aiohttp's own ``HttpxAiohttpClient`` does the same with its plain transport.
    A ``transport=`` or ``mounts=`` the caller passes still wins, as in httpx.
    """

    def _init_transport(self, *args: Any, transport: httpx.AsyncBaseTransport | None = None, **kwargs: Any) -> Any:
        return transport if transport is not None else AiohttpTransport(*args, **kwargs)

    def _init_proxy_transport(self, proxy: httpx.Proxy, *args: Any, **kwargs: Any) -> Any:
        return AiohttpTransport(*args, **{**kwargs, "proxy": proxy})


class AiohttpTransport(_AiohttpTransport):
    """httpx-aiohttp's transport, without aiohttp's own retry, with httpx's error types."""

    def get_client(self) -> aiohttp.ClientSession:
        session = super().get_client()
        if hasattr(session, "_retry_connection"):  # aiohttp >= 3.9; private, hence the guard and test
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # httpx hands a followed redirect the first request's body as a stream, which httpx-aiohttp
        # would send chunked (a GET with an empty chunked body); read into bytes, an empty one is none.
        await request.aread()
        try:
            return await super().handle_async_request(request)
        except httpx.TransportError as exc:
            cause = exc.__cause__
            if isinstance(exc, httpx.TimeoutException) and isinstance(cause, aiohttp.ClientError):
                if not isinstance(cause, TimeoutError):  # a lost connection reported as ConnectTimeout
                    raise _error_for(cause, request) from cause
            raise
        except aiohttp.ClientError as exc:  # not mapped by httpx-aiohttp
            raise _error_for(exc, request) from exc


def _error_for(exc: aiohttp.ClientError, request: httpx.Request | None) -> httpx.TransportError:
    cls: type[httpx.TransportError]
    if isinstance(exc, TimeoutError):
        cls = httpx.ConnectTimeout if isinstance(exc, aiohttp.ConnectionTimeoutError) else httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError):
        cls = httpx.ConnectError
    elif isinstance(exc, aiohttp.ClientConnectionError | aiohttp.ClientPayloadError):
        cls = httpx.ReadError
    else:
        cls = httpx.RemoteProtocolError
    return cls(str(exc) or type(exc).__name__, request=request)
