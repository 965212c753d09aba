"""The async client's aiohttp transport, for when the optional ``aiohttp`` extra is installed.

Hand-written (copied into the package by tools/generate.sh). The client imports this module
when it first builds its async httpx client, never at package import. httpx-aiohttp's
``AiohttpTransport`` serves concurrent requests at about twice the rate of httpcore's async
pool; this subclass keeps the client's behaviour the same on it:

- aiohttp resends an idempotent request by itself, once, when a kept-alive connection drops;
  here the client's own retry loop is the one retry policy (``max_retries=0`` is one attempt);
- httpx-aiohttp reports every aiohttp connection error (refused, dropped) as
  ``httpx.ConnectTimeout`` and lets some aiohttp errors through unmapped; here a timeout is a
  timeout, a lost connection an ``httpx.NetworkError``, a malformed answer a
  ``httpx.RemoteProtocolError``, as on httpx's own transport.
"""

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport as _AiohttpTransport

__all__ = ["AiohttpTransport"]


class AiohttpTransport(_AiohttpTransport):
    """httpx-aiohttp's transport, without aiohttp's own retry, with httpx's error types."""

    def get_client(self) -> aiohttp.ClientSession:
        session = super().get_client()
        if hasattr(session, "_retry_connection"):  # aiohttp >= 3.9; private, hence the guard and test
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
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
