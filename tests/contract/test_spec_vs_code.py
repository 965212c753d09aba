"""Guard 2: generated_client/ is what the spec says, checked by introspecting the models.

(`make check`, in tests/test_pipeline.py, catches any byte of drift; this names what drifted.)
"""

from typing import Any

import pytest

from fireworks_rft_client import models
from tests.spec_fields import example_field

from .model_contract import class_name, generated_schemas, model_problems


def test_generated_models_match_the_spec(spec: dict[str, Any]) -> None:
    problems = model_problems(spec)
    assert not problems, "generated_client/ disagrees with the spec:\n  " + "\n  ".join(problems)


def test_every_schema_has_a_class(spec: dict[str, Any]) -> None:
    """The check above walks every schema, inline ones included; make sure it had some to walk."""
    names = {name for _, name, _ in generated_schemas(spec)}
    assert names and names == set(models.__all__)


def test_a_docstring_naming_the_wire_type_is_caught(spec: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """The docstring check bites: an int attribute documented as the generator's ``str``."""
    field = example_field("integer", "int32", under="trainingConfig")
    model = getattr(models, class_name(field.owner))
    right, wrong = f"{field.attribute} (int | Unset)", f"{field.attribute} (str | Unset)"
    assert model.__doc__ and right in model.__doc__
    monkeypatch.setattr(model, "__doc__", model.__doc__.replace(right, wrong))
    problems = model_problems(spec)
    expected = f"the docstring of {model.__name__} does not say {right!r}"
    assert any(expected in problem for problem in problems), problems
