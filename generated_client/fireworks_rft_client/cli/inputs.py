"""The body of a create: the input fields of a job, checked against the generated input model.

A file a user wrote is checked strictly: a value of the wrong type is a ``DecodeError`` naming
the field, and a field the input model does not have (a typo, or an output-only field such as
``state``) is a ValueError naming it, before anything is sent. A job copied with ``--from-job``
keeps only its input fields: what the API reports about a job (state, progress, times, the W&B
run's URL...) is not part of a create.
"""

from collections.abc import Mapping
from typing import Any

import attrs

from ..models import ReinforcementFineTuningJobInput

__all__ = ["input_body"]


def input_body(fields: Mapping[str, Any], *, strict: bool = False) -> dict[str, Any]:
    """``fields`` as a create body in the API's JSON form; see the module's doc for ``strict``."""
    model = ReinforcementFineTuningJobInput.from_dict(fields)
    unknown = list(_unknown_fields(model, ""))
    if unknown and strict:
        raise ValueError(f"not input fields of a job: {', '.join(unknown)}")
    body: dict[str, Any] = model.to_dict()
    return body


def _unknown_fields(model: Any, prefix: str) -> list[str]:
    """Paths of the keys that landed in ``additional_properties`` (which are dropped from the model)."""
    found = [f"{prefix}{key}" for key in model.additional_properties]
    model.additional_properties = {}
    for attribute in attrs.fields(type(model)):
        value = getattr(model, attribute.name)
        if attrs.has(type(value)) and hasattr(value, "additional_properties"):
            json_key = _json_key(model, attribute.name)
            found.extend(_unknown_fields(value, f"{prefix}{json_key}."))
    return found


def _json_key(model: Any, attribute: str) -> str:
    """The JSON name of an attribute (camelCase), as the model writes it."""
    head, *rest = attribute.split("_")
    return head + "".join(part.title() for part in rest)
