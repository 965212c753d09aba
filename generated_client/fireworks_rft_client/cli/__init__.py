"""The ``fireworks-rft`` command: get, list, watch, create, cancel, resume, delete and export jobs.

Hand-written. Installed with the ``cli`` extra (``pip install 'fireworks-rft-client[cli]'``),
which brings click (commands, options, prompts) and rich (tables, the live progress display);
the library itself needs neither. ``main`` checks for them first, so that a missing extra is
one line saying what to install, not an ImportError.
"""

import sys

from .exit_codes import ExitCode

__all__ = ["ExitCode", "main"]

_INSTALL = "pip install 'fireworks-rft-client[cli]'"


def main(argv: list[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``); the exit code."""
    try:
        import click  # noqa: F401, PLC0415
        import rich  # noqa: F401, PLC0415
        import yaml  # noqa: F401, PLC0415
    except ImportError as exc:
        sys.stderr.write(f"fireworks-rft: {exc.name} is missing; the command needs the cli extra: {_INSTALL}\n")
        return ExitCode.USAGE
    from ._app import run  # noqa: PLC0415

    return run(sys.argv[1:] if argv is None else argv)
