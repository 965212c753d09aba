"""The API as it is today (spec 0.2.0): new fields typed, renamed fields under their new names,
int64 maps as ints, and the signed log URL kept out of reprs and messages."""

import pickle
from typing import Any

import httpx
import pytest

from fireworks_rft_client.errors import DecodeError, ResponseValidationError
from fireworks_rft_client.models import (
    AcceleratorSeconds,
    InferenceParameters,
    JobProgress,
    LossMethod,
    ReinforcementFineTuningJob,
)
from fireworks_rft_client.types import UNSET

SIGNED_URL = "https://storage.example.com/logs/rft-1?X-Goog-Signature=abcdef0123456789"


def today_job() -> dict[str, Any]:
    return {
        "name": "accounts/acme/reinforcementFineTuningJobs/rft-1",
        "state": "JOB_STATE_RUNNING",
        "jobProgress": {"percent": 40, "epoch": 2, "inputTokens": 1000, "failedRequests": 0},
        "acceleratorSeconds": {"NVIDIA_H100_80GB": "9223372036854775807", "NVIDIA_A100_80GB": "3600"},
        "lossConfig": {"method": "GRPO", "klBeta": 0.04, "dpo": {"beta": 0.1, "refCacheBatchSize": 8}},
        "nodeCount": 2,
        "trainingConfig": {"gradientAccumulationSteps": 4, "optimizerWeightDecay": 0.01},
        "inferenceParameters": {"maxOutputTokens": 2048, "responseCandidatesCount": 4},
        "trainerLogsSignedUrl": SIGNED_URL,
    }


def test_a_job_of_todays_api_is_typed_and_round_trips() -> None:
    job = ReinforcementFineTuningJob.from_dict(today_job())
    assert isinstance(job.job_progress, JobProgress) and job.job_progress.percent == 40
    assert isinstance(job.accelerator_seconds, AcceleratorSeconds)
    assert job.accelerator_seconds["NVIDIA_H100_80GB"] == 2**63 - 1  # an int, not the wire's string
    assert job.accelerator_seconds["NVIDIA_A100_80GB"] == 3600
    assert job.loss_config and job.loss_config.method is LossMethod.GRPO
    assert job.loss_config.dpo and job.loss_config.dpo.ref_cache_batch_size == 8
    assert job.node_count == 2
    assert job.training_config and job.training_config.gradient_accumulation_steps == 4
    assert job.additional_properties == {}  # nothing of today's API is left untyped
    assert job.to_dict() == today_job()  # int64 values go back out as strings


def test_accelerator_seconds_refuses_a_value_that_is_no_64_bit_integer() -> None:
    body = today_job()
    body["acceleratorSeconds"]["NVIDIA_H100_80GB"] = "an hour"
    with pytest.raises(DecodeError) as raised:
        ReinforcementFineTuningJob.from_dict(body)
    assert raised.value.field == "acceleratorSeconds.NVIDIA_H100_80GB"
    assert "an hour" not in str(raised.value)  # values are never quoted


@pytest.mark.parametrize(
    ("sent", "max_output_tokens", "responses"),
    [
        ({"maxTokens": 512, "n": 2}, 512, 2),  # an older server: the old names only
        ({"maxOutputTokens": 1024, "responseCandidatesCount": 3}, 1024, 3),  # today's names
        ({"maxTokens": 512, "maxOutputTokens": 1024}, 1024, UNSET),  # both: the new name wins
    ],
)
def test_renamed_fields_are_offered_under_the_new_name_whichever_came(
    sent: dict[str, int], max_output_tokens: int, responses: object
) -> None:
    params = InferenceParameters.from_dict(sent)
    assert params.max_output_tokens == max_output_tokens
    assert params.response_candidates_count == responses
    with pytest.warns(DeprecationWarning, match="read max_output_tokens instead"):
        assert params.max_tokens == sent.get("maxTokens", UNSET)  # the deprecated name keeps what came
    assert params.to_dict() == sent  # only the names that came go back out
    assert pickle.loads(pickle.dumps(params)).to_dict() == sent  # noqa: S301 - our own bytes


def test_a_changed_new_name_goes_out_beside_the_old_one() -> None:
    params = InferenceParameters.from_dict({"maxTokens": 512})
    params.max_output_tokens = 100
    assert params.to_dict() == {"maxTokens": 512, "maxOutputTokens": 100}


def test_the_signed_log_url_is_masked_in_reprs_and_error_messages() -> None:
    job = ReinforcementFineTuningJob.from_dict(today_job())
    assert job.trainer_logs_signed_url == SIGNED_URL  # readable as the attribute
    assert "X-Goog-Signature" not in repr(job)
    # First in the body, so that it falls inside the quoted snippet; nodeCount makes the body invalid.
    body = {"trainerLogsSignedUrl": SIGNED_URL, **today_job(), "nodeCount": "two"}
    response = httpx.Response(200, json=body, request=httpx.Request("GET", "https://api.example.com/v1/x"))
    error = ResponseValidationError.from_response(response, "expected integer", "nodeCount")
    assert "trainerLogsSignedUrl" in str(error) and "X-Goog-Signature" not in str(error)
