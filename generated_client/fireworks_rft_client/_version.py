"""The package's version and the User-Agent it sends, worked out once, on first use.

Not at import: importlib.metadata costs milliseconds that a GET never needs. The version is
the installed distribution's; run from the source tree (``generated_client/`` on sys.path, no
distribution installed), it is read from the generated ``pyproject.toml`` beside the package.
"""

import functools
import platform
from pathlib import Path

DISTRIBUTION = "fireworks-rft-client"


@functools.cache
def version() -> str:
    # The source tree first: its pyproject is the truth for the code that runs, even when an
    # older copy is also installed. An installed wheel has no pyproject.toml beside the package.
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        import tomllib  # noqa: PLC0415 - source tree only

        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == DISTRIBUTION and isinstance(project.get("version"), str):
            return str(project["version"])
    from importlib import metadata  # noqa: PLC0415 - costs ~6 ms, paid once

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


@functools.cache
def user_agent() -> str:
    """``fireworks-rft-client/0.1.0 python/3.12.3 httpx/0.28.1``: who calls, for the server's logs."""
    import httpx  # noqa: PLC0415 - already imported by the client

    return f"{DISTRIBUTION}/{version()} python/{platform.python_version()} httpx/{httpx.__version__}"
