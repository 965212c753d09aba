"""Shared fixtures: the reference page's example, the spec, and a Prism mock server of the spec."""

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.prism import ROOT, SPEC, prism_server
from tools.reference_data import load_reference_page

from .scripted_clients import close_all


def reference_example() -> dict[str, Any]:
    """The reference page's response example, from the repository's data file (a fresh copy)."""
    return copy.deepcopy(load_reference_page().example)


def load_spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(SPEC.read_text())
    return spec


def spec_operation(spec: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """(path, method, operation) of the spec's operation with this operationId."""
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return path, method, operation
    raise LookupError(f"the spec has no operation {operation_id!r}")


def served_example(operation_id: str = "getReinforcementFineTuningJob") -> dict[str, Any]:
    """The 200 example Prism serves for the operation: the first of the spec's examples."""
    _, _, operation = spec_operation(load_spec(), operation_id)
    media = operation["responses"]["200"]["content"]["application/json"]
    if "example" in media:
        example: dict[str, Any] = media["example"]
        return example
    value: dict[str, Any] = next(iter(media["examples"].values()))["value"]
    return value


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return load_spec()


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    with prism_server() as url:
        yield url


def copy_repo(dest: Path, *, with_tests: bool = False) -> Path:
    """A copy of the repo's generator inputs and output, sharing the project's toolchain.

    ``with_tests`` adds tests/ and pyproject.toml, so pytest can run the copy's own tests in it.
    """
    names = ["openapi", "templates", "tools", "generated_client", "reference"]
    if with_tests:
        names.append("tests")
        shutil.copy(ROOT / "pyproject.toml", dest)
    for name in names:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    shutil.copy(ROOT / "generator-config.yaml", dest)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


@pytest.fixture(scope="module")
def scratch_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repo's generator inputs and output (see copy_repo)."""
    return copy_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def ca() -> Any:
    import trustme  # noqa: PLC0415 - the TLS tests only

    return trustme.CA()


@pytest.fixture(scope="session")
def ca_file(ca: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The test CA's certificate as a PEM file (a private CA bundle)."""
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture(autouse=True)
def _close_scripted_clients() -> Iterator[None]:
    """Closes the clients tests made with tests.scripted_clients.client, whatever the outcome."""
    yield
    close_all()
