"""The body of ``fireworks-rft create``: a job's input fields, checked against the generated input model.

The input model (``ReinforcementFineTuningJobInput``) is closed: a field it does not have, and a
value of the wrong type, is a ``DecodeError`` naming the field. A file a user wrote is checked
as it is, before anything is sent (a typo or an output-only field such as ``state`` is refused).
A job copied with ``--from-job`` keeps only what the input model takes: what the API reports
about a job (state, progress, times, the W&B run's URL...) is not part of a create, nor is the
old name of a renamed field (``x-renamed-to``): its value goes under the new name.
"""

import copy
from collections.abc import Mapping
from typing import Any

import attrs

from .. import errors
from .._decode import mask_secret
from ..models import ReinforcementFineTuningJob, ReinforcementFineTuningJobInput

__all__ = ["checked_body", "copied_body", "merged", "shown_body"]


def checked_body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` as they will be sent; errors.DecodeError names what does not fit."""
    body: dict[str, Any] = ReinforcementFineTuningJobInput.from_dict(fields).to_dict()
    return body


def shown_body(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The body as ``--dry-run`` prints it: secret fields (those the models mask in their repr) as ``***``."""
    shown: dict[str, Any] = _masked(ReinforcementFineTuningJobInput.from_dict(fields)).to_dict()
    return shown


def _masked(model: Any) -> Any:
    """A shallow copy of ``model`` whose secret strings read ``***``, nested models included."""
    model = copy.copy(model)
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if field.repr is mask_secret and isinstance(value, str):
            setattr(model, field.name, "***")
        elif attrs.has(type(value)):
            setattr(model, field.name, _masked(value))
    return model


def copied_body(job: ReinforcementFineTuningJob) -> dict[str, Any]:
    """The input fields of ``job``, in the API's JSON form."""
    job = copy.deepcopy(job)
    _under_new_names_too(job)
    data = job.to_dict()
    for _ in range(_count_keys(data)):  # each pass drops one field; the loop cannot outlast the fields
        try:
            ReinforcementFineTuningJobInput.from_dict(data)
        except errors.DecodeError as exc:
            if not exc.reason.startswith("unexpected field"):
                raise
            _drop(data, exc.path)
        else:
            break
    return data


def merged(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``override``'s fields on top; objects merge key by key, anything else is replaced."""
    result = copy.deepcopy(dict(base))
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _under_new_names_too(model: Any) -> None:
    """Have ``to_dict`` write a renamed field's value under its new name as well as the old one it
    came under: the models fill the new attribute from an older server's old name, and write back
    only the name that came unless told otherwise (``_renamed``, generated for each x-renamed-to).
    The create body takes today's names only, so the old one is then dropped as unexpected."""
    if attrs.has(type(model)):
        if hasattr(model, "_renamed"):
            model._renamed = frozenset()
        for attribute in attrs.fields(type(model)):
            _under_new_names_too(getattr(model, attribute.name))
    elif isinstance(model, list):
        for item in model:
            _under_new_names_too(item)


def _drop(data: dict[str, Any], path: list[str | int]) -> None:
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]


def _count_keys(node: Any) -> int:
    if isinstance(node, dict):
        return 1 + sum(1 + _count_keys(value) for value in node.values())
    if isinstance(node, list):
        return sum(_count_keys(item) for item in node)
    return 0
