"""make test-pythons reads what the package declares: its Pythons and its lowest httpx and attrs."""

import sys
from pathlib import Path

import pytest

from tools import test_pythons
from tools.prism import ROOT


def test_declared_pythons_and_lowest_dependencies() -> None:
    versions, lowest = test_pythons.declared()
    assert versions[0] == "3.11" and "3.13" in versions
    assert lowest == {"httpx": "0.23.1", "attrs": "22.2"}


def test_this_interpreter_is_found() -> None:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    found = test_pythons.find_python(version)
    assert found is not None


def test_a_gap_in_the_classifiers_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = tmp_path / "pyproject.toml"
    text = test_pythons.PYPROJECT.read_text().replace('    "Programming Language :: Python :: 3.12",\n', "")
    pyproject.write_text(text)
    monkeypatch.setattr(test_pythons, "PYPROJECT", pyproject)
    with pytest.raises(SystemExit, match="gap"):
        test_pythons.declared()


def test_ci_runs_it() -> None:
    assert "make test-pythons" in (ROOT / ".ci" / "run").read_text()
    for name in test_pythons.BEHAVIOURAL_TESTS:
        assert (ROOT / name).is_file(), name
