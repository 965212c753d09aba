"""Guard: the spec documents everything the current-API sheet states, with compatible types.

The sheet is read from the repository's data file (reference/current-api.json, written by
tools/current_api.py); test_current_api_data.py keeps that file in step with the sheet itself.
"""

import copy
from typing import Any

import pytest

from tools.current_api import load_current_api, walk

from .current_api_contract import current_api_problems


def test_current_api_data_is_understood() -> None:
    """The data must hold the sheet's facts, or the guard below would pass on nothing."""
    data = load_current_api()
    kinds = {f.entry["kind"] for f in walk(data)}
    assert kinds >= {"string", "int32", "float", "bool", "date-time", "enum", "object", "map"}, kinds
    assert any(f.entry["kind"] == "map" and f.entry["values"]["kind"] == "int64" for f in walk(data))
    assert any(s["renamed"] for s in data["schemas"].values()) and any(s["dropped"] for s in data["schemas"].values())
    assert any(e["dropped"] for e in data["enums"].values())


def test_spec_covers_the_current_api(spec: dict[str, Any]) -> None:
    problems = current_api_problems(spec, load_current_api())
    assert not problems, "the spec disagrees with the current-API sheet:\n  " + "\n  ".join(problems)


# The checker on today's spec with one thing broken in memory (test_guards_bite.py does the same
# for a few of these through pytest on a scratch copy of the repo).
@pytest.mark.parametrize(
    ("path", "change", "message"),
    [
        (
            "TrainingConfig/properties",
            lambda p: p.pop("batchSizeSamples"),
            "trainingConfig.batchSizeSamples: in the current API (int32), missing from the spec (TrainingConfig)",
        ),
        (
            "TrainingConfig/properties",
            lambda p: p.pop("acceleratorCount"),
            "trainingConfig.acceleratorCount: in the current API (int32), missing from the spec (TrainingConfig) "
            "(the SDK dropped it",
        ),
        (
            "AcceleratorSeconds",
            lambda s: s["additionalProperties"].update(type="integer", format="int32"),
            "acceleratorSeconds.* (AcceleratorSeconds additionalProperties): the current API says int64, "
            "the spec says integer int32",
        ),
        (
            "JobProgress/properties/percent",
            lambda p: p.update(format="int64"),
            "jobProgress.percent (JobProgress.percent): the current API says int32, the spec says integer int64",
        ),
        (
            "TrainingConfig/properties/learningRate",
            lambda p: p.update(type="integer"),
            "trainingConfig.learningRate (TrainingConfig.learningRate): the current API says float",
        ),
        (
            "ReinforcementFineTuningJob/properties/createTime",
            lambda p: p.pop("format"),
            "createTime (ReinforcementFineTuningJob.createTime): the current API says date-time, the spec says string",
        ),
        (
            "InferenceParameters/properties/maxTokens",
            lambda p: p.pop("deprecated"),
            "inferenceParameters.maxTokens (InferenceParameters.maxTokens): renamed to maxOutputTokens in the "
            "current API, the spec lacks deprecated: true",
        ),
        (
            "InferenceParameters/properties/n",
            lambda p: p.update({"x-renamed-to": "candidates"}),
            "inferenceParameters.n (InferenceParameters.n): renamed to responseCandidatesCount in the current API, "
            "the spec's x-renamed-to is 'candidates'",
        ),
        (
            "InferenceParameters/properties",
            lambda p: p.pop("maxTokens"),
            "inferenceParameters.maxTokens: renamed to maxOutputTokens in the current API; the spec must keep",
        ),
        (
            "LossMethod/enum",
            lambda e: e.remove("GSPO_TOKEN"),
            "lossConfig.method (ReinforcementLearningLossConfig.method (LossMethod)): enum value GSPO_TOKEN of the "
            "current API is missing from the spec",
        ),
        (
            "JobState/enum",
            lambda e: e.remove("JOB_STATE_DELETED"),
            "state (ReinforcementFineTuningJob.state (JobState)): enum value JOB_STATE_DELETED, which the SDK "
            "dropped, is missing from the spec",
        ),
        (
            "JobState/enum",
            lambda e: e.__delitem__(slice(5, None)),  # fewer than the SDK lists, however many the spec has
            "the current API lists 18 enum values, the spec ",
        ),
        (
            "DpoConfig/properties",
            lambda p: p.pop("refCacheBatchSize"),
            "lossConfig.dpo.refCacheBatchSize: in the current API (int32), missing from the spec (DpoConfig)",
        ),
        (
            "AzureBlobStorageConfig/properties",
            lambda p: p.pop("tenantId"),
            "azureBlobStorageConfig.tenantId: in the current API (string), missing from the spec",
        ),
        (
            "ReinforcementFineTuningJob/properties/jobProgress",
            lambda p: p.update({"type": "object", "properties": {}}) or p.pop("$ref"),
            "jobProgress (ReinforcementFineTuningJob.jobProgress): the current API has an object here, the spec "
            "inlines it: expected a $ref",
        ),
    ],
)
def test_each_kind_of_difference_is_named(spec: dict[str, Any], path: str, change: Any, message: str) -> None:
    broken = copy.deepcopy(spec)
    node: Any = broken["components"]["schemas"]
    for part in path.split("/"):
        node = node[part]
    change(node)
    problems = current_api_problems(broken, load_current_api())
    assert any(message in problem for problem in problems), "\n".join(problems)
