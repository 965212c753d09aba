"""The exit codes of ``fireworks-rft`` (README, "Command line")."""

from enum import IntEnum

__all__ = ["ExitCode"]


class ExitCode(IntEnum):
    OK = 0  #: done; watched jobs completed
    JOB_FAILED = 1  #: a job failed, was cancelled, expired or vanished; or the user said no
    USAGE = 2  #: bad usage: unknown option, malformed job name or file, missing configuration
    TIMEOUT = 3  #: --timeout passed, or a job stalled (--stall-after)
    API_ERROR = 4  #: the API answered with an error, or could not be reached
    INTERRUPTED = 130  #: Ctrl-C
