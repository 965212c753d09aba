"""The lifecycle guards hold on the repo's spec, and each fails on the break it exists for."""

import copy
from collections.abc import Callable
from typing import Any

import pytest

from fireworks_rft_client import retries
from tests.conftest import load_spec

from .lifecycle_contract import create_body_problems, retry_policy_problems

_SPEC = load_spec()  # read once; each test that breaks it breaks a deep copy


def load_spec_copy() -> dict[str, Any]:
    return copy.deepcopy(_SPEC)


def test_the_create_body_is_the_job_less_what_a_caller_may_not_send() -> None:
    assert create_body_problems(_SPEC) == []


def test_every_operation_has_its_retry_policy() -> None:
    assert retry_policy_problems(_SPEC, retries.OPERATION_RETRIES, retries.Retry.ALWAYS) == []


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


BODY_BREAKS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "output-only-field",
        lambda s: _schemas(s)["ReinforcementFineTuningJobInput"]["properties"].update(state={"type": "string"}),
        "has state",
    ),
    (
        "deprecated-name",
        lambda s: _schemas(s)["InferenceParametersInput"]["properties"].update(maxTokens={"type": "integer"}),
        "has maxTokens",
    ),
    (
        "field-left-out",
        lambda s: _schemas(s)["ReinforcementFineTuningJobInput"]["properties"].pop("nodeCount"),
        "lacks nodeCount",
    ),
    (
        "new-job-field-not-sendable",
        lambda s: _schemas(s)["ReinforcementFineTuningJob"]["properties"].update(priority={"type": "integer"}),
        "lacks priority",
    ),
    (
        "other-type",
        lambda s: _schemas(s)["ReinforcementFineTuningJobInput"]["properties"]["chunkSize"].update(format="int64"),
        "chunkSize",
    ),
    (
        "nested-output-only",
        lambda s: _schemas(s)["WandbConfigInput"]["properties"].update(url={"type": "string"}),
        "WandbConfigInput: has url",
    ),
    (
        "open-to-typos",
        lambda s: _schemas(s)["ReinforcementFineTuningJobInput"].pop("additionalProperties"),
        "must refuse other fields",
    ),
    (
        "required-differs",
        lambda s: _schemas(s)["ReinforcementFineTuningJobInput"]["required"].remove("evaluator"),
        "required",
    ),
]


@pytest.mark.parametrize(
    ("break_it", "complaint"), [(b, c) for _, b, c in BODY_BREAKS], ids=[n for n, *_ in BODY_BREAKS]
)
def test_the_create_body_guard_bites(break_it: Callable[[dict[str, Any]], None], complaint: str) -> None:
    spec = load_spec_copy()
    break_it(spec)
    problems = create_body_problems(spec)
    assert any(complaint in problem for problem in problems), problems


def test_the_retry_policy_guard_bites() -> None:
    spec = _SPEC
    table = dict(retries.OPERATION_RETRIES)
    del table["cancel_reinforcement_fine_tuning_job"]
    table["restart_reinforcement_fine_tuning_job"] = retries.Retry.UNSENT
    table["list_reinforcement_fine_tuning_jobs"] = retries.Retry.UNSENT
    problems = retry_policy_problems(spec, table, retries.Retry.ALWAYS)
    assert len(problems) == 3, problems
    assert any("(cancel_reinforcement_fine_tuning_job): no retry policy" in p for p in problems)
    assert any("restart_reinforcement_fine_tuning_job" in p for p in problems)
    assert any("not like a GET" in p for p in problems)


def test_a_new_operation_without_a_policy_is_caught() -> None:
    spec = load_spec_copy()
    path = next(p for p in spec["paths"] if p.endswith(":resume"))
    spec["paths"][path.replace(":resume", ":pause")] = {
        "post": {**spec["paths"][path]["post"], "operationId": "pauseReinforcementFineTuningJob"}
    }
    problems = retry_policy_problems(spec, retries.OPERATION_RETRIES, retries.Retry.ALWAYS)
    assert problems == [
        f"POST {path.replace(':resume', ':pause')} (pause_reinforcement_fine_tuning_job): "
        "no retry policy in retries.OPERATION_RETRIES"
    ]


def test_an_operation_missing_from_the_table_falls_back_to_its_method() -> None:
    """What the guard protects against: a POST without a policy is not retried once it may have
    reached the server; the table is what makes a create with an id repeatable."""
    post = {"method": "post", "params": {retries.CREATE_JOB_ID_PARAMETER: "x"}}
    assert retries.repeatable("pause_reinforcement_fine_tuning_job", post) is False
    assert retries.repeatable("create_reinforcement_fine_tuning_job", post) is True
    assert retries.repeatable("create_reinforcement_fine_tuning_job", {"method": "post"}) is False
    assert retries.repeatable(None, {"method": "get"}) is True
    assert retries.repeatable("cancel_reinforcement_fine_tuning_job", {"method": "post"}) is False
