"""Section 4: cold import time, each in a fresh interpreter, timed inside it around the imports.

Each import is what one GET needs: for the SDK that includes the resource module it loads
lazily on first use of `client.reinforcement_fine_tuning_jobs`.

httpx imports its optional command line tool (click, rich: about 90 ms here) whenever those
happen to be installed, as they are in this project's dev toolchain. Neither our package nor
the SDK depends on them, so a user's install has neither: the main rows hide click and rich
from the interpreter to measure that; the "dev venv" rows import as the toolchain is.

Every interpreter reads bytecode caches, as after a user's `pip install` (which compiles them):
the SDK and httpx have theirs in site-packages, but our package runs from generated_client/,
and with PYTHONDONTWRITEBYTECODE set (as on the dev machines) it would be compiled from source
in every interpreter, ~25 ms that no installed copy pays. So the interpreters write and read
their caches in a scratch folder (PYTHONPYCACHEPREFIX), the same for every row, filled by the
warm-up round.
"""

import os
import subprocess
import sys
import tempfile
from typing import Any

from bench.payload import ROOT
from bench.settings import Settings
from bench.timing import median, paired_ratio

_OURS = (
    "from fireworks_rft_client import AuthenticatedClient\n"
    "from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job"
)
_SDK = "from fireworks import Fireworks\nimport fireworks.resources.reinforcement_fine_tuning_jobs"
# Makes `import click` / `import rich` fail, as where they are not installed.
_HIDE_HTTPX_CLI = "import sys\nsys.modules['click'] = sys.modules['rich'] = None"

# key: (hide httpx's optional CLI, the imports timed)
IMPORTS = {
    "ours": (True, _OURS),
    "sdk": (True, _SDK),
    "httpx": (True, "import httpx"),
    "ours_devenv": (False, _OURS),
    "sdk_devenv": (False, _SDK),
}
LABELS = {
    "ours": "our client, for a GET",
    "sdk": "official SDK, for a GET",
    "httpx": "httpx alone (our floor)",
    "ours_devenv": "our client, for a GET, dev venv",
    "sdk_devenv": "official SDK, for a GET, dev venv",
}

_TIMER = "import time\n{setup}\n_t0 = time.perf_counter()\n{imports}\nprint(time.perf_counter() - _t0)\n"


def _interpreter_env(pycache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(ROOT / "generated_client"), "PYTHONPYCACHEPREFIX": pycache}


def _import_seconds(hide_cli: bool, imports: str, env: dict[str, str]) -> float:
    script = _TIMER.format(setup=_HIDE_HTTPX_CLI if hide_cli else "", imports=imports)
    out = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip())


def bench_imports(settings: Settings) -> dict[str, Any]:
    seconds: dict[str, list[float]] = {key: [] for key in IMPORTS}
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as pycache:
        env = _interpreter_env(pycache)
        # Warm the file system cache and write the bytecode caches.
        for hide_cli, imports in IMPORTS.values():
            _import_seconds(hide_cli, imports, env)
        for _ in range(settings.import_runs):
            for key, (hide_cli, imports) in IMPORTS.items():
                seconds[key].append(_import_seconds(hide_cli, imports, env))
    return {
        "ms": {key: median(values) * 1e3 for key, values in seconds.items()},
        "runs": settings.import_runs,
        "ratios": {
            "ours_vs_sdk": paired_ratio(seconds["ours"], seconds["sdk"]),
            "ours_vs_httpx": paired_ratio(seconds["ours"], seconds["httpx"]),
            "ours_devenv_vs_sdk_devenv": paired_ratio(seconds["ours_devenv"], seconds["sdk_devenv"]),
        },
    }
