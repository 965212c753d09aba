"""Read a response's body, keeping the raw bytes for the error when it does not decode.

httpx decodes a body as its ``Content-Encoding`` says while reading it; a server or proxy that
says gzip and sends something else makes httpx raise a bare ``httpx.DecodingError``, with the
response and the bytes that came lost. Here the raw bytes are kept as they pass (one generator
layer on the stream), and the failure is an ``errors.ResponseValidationError`` whose
``response`` holds them: the status, the headers (less ``Content-Encoding``, which they do not
match), the raw body and the request.
"""

from collections.abc import AsyncIterator, Iterator

import httpx

from .errors import ResponseValidationError

__all__ = ["read_body", "read_body_async"]


class _Tee(httpx.SyncByteStream):
    def __init__(self, stream: httpx.SyncByteStream) -> None:
        self._stream = stream
        self._chunks: list[bytes] = []
        self._iterator: Iterator[bytes] | None = None

    def __iter__(self) -> Iterator[bytes]:
        self._iterator = iter(self._stream)
        for chunk in self._iterator:
            self._chunks.append(chunk)
            yield chunk

    def rest(self) -> bytes:
        """Every raw byte: those read so far and the rest of the stream."""
        if self._iterator is not None:
            self._chunks.extend(self._iterator)
        return b"".join(self._chunks)

    def close(self) -> None:
        self._stream.close()


class _AsyncTee(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream) -> None:
        self._stream = stream
        self._chunks: list[bytes] = []
        self._iterator: AsyncIterator[bytes] | None = None

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self._iterator = self._stream.__aiter__()
        async for chunk in self._iterator:
            self._chunks.append(chunk)
            yield chunk

    async def rest(self) -> bytes:
        if self._iterator is not None:
            async for chunk in self._iterator:
                self._chunks.append(chunk)
        return b"".join(self._chunks)

    async def aclose(self) -> None:
        await self._stream.aclose()


def read_body(response: httpx.Response) -> None:
    """``response.read()``, with a body that does not decode raised as ResponseValidationError."""
    stream = response.stream
    if not isinstance(stream, httpx.SyncByteStream):
        response.read()
        return
    tee = _Tee(stream)
    response.stream = tee
    try:
        response.read()
    except httpx.DecodingError as exc:
        try:
            raw = tee.rest()
        finally:
            response.close()
        raise _undecodable(response, raw, exc) from exc
    except BaseException:
        response.close()
        raise


async def read_body_async(response: httpx.Response) -> None:
    """Async ``read_body``."""
    stream = response.stream
    if not isinstance(stream, httpx.AsyncByteStream):
        await response.aread()
        return
    tee = _AsyncTee(stream)
    response.stream = tee
    try:
        await response.aread()
    except httpx.DecodingError as exc:
        try:
            raw = await tee.rest()
        finally:
            await response.aclose()
        raise _undecodable(response, raw, exc) from exc
    except BaseException:
        await response.aclose()
        raise


def _undecodable(response: httpx.Response, raw: bytes, exc: httpx.DecodingError) -> ResponseValidationError:
    encoding = response.headers.get("content-encoding", "")
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() != "content-encoding"]
    kept = httpx.Response(response.status_code, headers=headers, content=raw, request=response.request)
    reason = f"the body does not decode as its Content-Encoding ({encoding}) says: {exc}"
    return ResponseValidationError.from_response(kept, reason)
