"""What importing the package loads: only what a GET needs, the rest on first use.

Each check runs in a fresh interpreter (this test process has imported everything already).
"""

import subprocess
import sys
from pathlib import Path

import pytest

from fireworks_rft_client import models

GENERATED = Path(__file__).resolve().parent.parent / "generated_client"
ENDPOINT = "fireworks_rft_client.api.reinforcement_fine_tuning_jobs.get_reinforcement_fine_tuning_job"


def loaded_after(statement: str) -> set[str]:
    """Names of the modules in sys.modules after running ``statement`` in a fresh interpreter."""
    script = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return set(out.stdout.split())


def test_a_get_does_not_load_models_it_never_parses() -> None:
    loaded = loaded_after(f"import {ENDPOINT}")
    assert "fireworks_rft_client.models.reinforcement_fine_tuning_job" in loaded
    assert "fireworks_rft_client.models.training_config" in loaded
    # The error-body models: not part of a GET's response.
    assert "fireworks_rft_client.models.rpc_status" not in loaded
    assert "fireworks_rft_client.models.protobuf_any" not in loaded
    # The aiohttp transport is chosen when an async client is first built, not at import.
    assert not {"aiohttp", "httpx_aiohttp"} & loaded
    # The deadlines, the gate and the event-loop bookkeeping load asyncio and httpcore only on
    # the path that needs them (~35 ms of asyncio a sync user would pay at import).
    assert not {"asyncio", "httpcore", "queue"} & loaded, sorted({"asyncio", "httpcore", "queue"} & loaded)


def test_importing_models_package_alone_builds_no_class() -> None:
    loaded = loaded_after("import fireworks_rft_client.models")
    assert not {name for name in loaded if name.startswith("fireworks_rft_client.models.")}


def test_every_exported_model_is_reachable() -> None:
    for name in models.__all__:
        cls = getattr(models, name)
        assert isinstance(cls, type) and cls.__name__ == name
    assert set(models.__all__) <= set(dir(models))
    loaded = loaded_after("from fireworks_rft_client.models import *")
    assert "fireworks_rft_client.models.rpc_status" in loaded


def test_unknown_model_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018
    with pytest.raises(ImportError):
        exec("from fireworks_rft_client.models import NoSuchModel")  # noqa: S102


def test_the_library_never_loads_the_command_lines_libraries() -> None:
    """click, rich and yaml are the cli extra's: the library, the watcher, and the cli package
    until main() runs, import without them. (httpx itself loads click and rich when it finds them,
    for its own optional command line, so they are blocked here rather than looked for.)"""
    blocked = "import sys\nfor name in ('click', 'rich', 'yaml'): sys.modules[name] = None\n"
    loaded = loaded_after(
        blocked + "import fireworks_rft_client, fireworks_rft_client.watcher, fireworks_rft_client.cli"
    )
    assert {"fireworks_rft_client.watcher", "fireworks_rft_client.cli"} <= loaded
    assert "fireworks_rft_client.cli._app" not in loaded
