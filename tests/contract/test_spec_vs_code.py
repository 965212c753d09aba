"""Guard 2: generated_client/ is what the spec says, checked by introspecting the models.

(`make check`, in tests/test_pipeline.py, catches any byte of drift; this names what drifted.)
"""

from typing import Any

from fireworks_rft_client import models

from .model_contract import class_name, model_problems
from .spec_tools import component_schemas


def test_generated_models_match_the_spec(spec: dict[str, Any]) -> None:
    problems = model_problems(spec)
    assert not problems, "generated_client/ disagrees with the spec:\n  " + "\n  ".join(problems)


def test_every_schema_has_a_class(spec: dict[str, Any]) -> None:
    """The check above walks every schema; make sure it had some to walk."""
    names = {class_name(name) for name in component_schemas(spec)}
    assert names and names == set(models.__all__)
