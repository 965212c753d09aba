"""Header values out of httpcore's DEBUG log.

httpcore traces each step at DEBUG, a failed one with the exception's repr: h11's refusal of a
header value quotes the value ("Illegal header value b'Bearer <key>\\n'"). This filter on the
``httpcore`` logger masks every bytes literal of such a line, as errors.mask_header_values does
in our own messages. Filters run only for records that pass the level check, so a client that
does not log at DEBUG pays nothing for it.
"""

import logging

from .errors import mask_header_values

__all__ = ["install"]


class _MaskBytes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and ("b'" in record.msg or 'b"' in record.msg):
            record.msg = mask_header_values(record.msg, [])
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            if any(isinstance(arg, BaseException) for arg in args):
                record.msg, record.args = mask_header_values(record.getMessage(), []), None
        return True


_FILTER = _MaskBytes()


def install() -> None:
    """Add the filter to httpcore's loggers (once; the child loggers log on their own names)."""
    for name in ("httpcore", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
