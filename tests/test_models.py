"""The reference page's example parses into the generated models and back, value for value."""

import datetime
from typing import Any

from fireworks_rft_client.models import JobState, Region, ReinforcementFineTuningJob, StatusCode

from .conftest import load_spec, reference_example
from .contract.spec_tools import as_today, upgrade
from .spec_fields import fields

JOB = {"$ref": "#/components/schemas/ReinforcementFineTuningJob"}


_MISSING = object()


def test_reference_example_parses_into_typed_models() -> None:
    job = ReinforcementFineTuningJob.from_dict(reference_example())

    assert job.state is JobState.JOB_STATE_UNSPECIFIED
    assert job.create_time == datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)
    assert job.status and job.status.code is StatusCode.OK
    assert job.training_config and job.training_config.region is Region.REGION_UNSPECIFIED
    example = reference_example()
    numbers = [f for f in fields() if f.schema.get("type") == "integer" and not f.schema.get("deprecated")]
    checked = 0
    for field in numbers:  # every int field of the example arrives as that int (from the spec, not by name)
        sent: Any = example
        for key in field.path:
            sent = sent.get(key, _MISSING) if isinstance(sent, dict) else _MISSING
        if sent is not _MISSING:
            assert field.get(job) == sent and type(field.get(job)) is int, field.dotted
            checked += 1
    assert checked, "no int field of the spec in the reference example"
    assert job.wandb_config and job.wandb_config.api_key == "<string>"
    assert job.eval_auto_carveout is True


def test_reference_example_round_trips() -> None:
    example = reference_example()
    as_dict: dict[str, Any] = ReinforcementFineTuningJob.from_dict(example).to_dict()
    example = upgrade(load_spec(), JOB, example)  # a field retyped since (x-retyped) comes back converted
    # Timestamps come back in Python's isoformat; compare them as instants, the rest as is.
    for key in ("createTime", "completedTime"):
        assert datetime.datetime.fromisoformat(as_dict.pop(key)) == datetime.datetime.fromisoformat(example.pop(key))
    assert as_dict == example


def test_spec_example_is_the_reference_example(spec: dict[str, Any]) -> None:
    operation = spec["paths"][
        "/v1/accounts/{account_id}/reinforcementFineTuningJobs/{reinforcement_fine_tuning_job_id}"
    ]
    examples = operation["get"]["responses"]["200"]["content"]["application/json"]["examples"]
    # As today's API sends it: a field the spec records as removed or retyped since follows the record.
    assert examples["reference"]["value"] == as_today(spec, JOB, reference_example())


def test_enum_value_unknown_to_the_client_is_kept_and_recognisable() -> None:
    job = ReinforcementFineTuningJob.from_dict(
        {"state": "JOB_STATE_SOMETHING_NEW", "trainingConfig": {"region": "MARS_1"}, "status": {"code": "OK"}}
    )
    assert job.state == "JOB_STATE_SOMETHING_NEW" and isinstance(job.state, JobState)
    assert job.state.is_unknown and not JobState.JOB_STATE_RUNNING.is_unknown
    assert job.training_config and isinstance(job.training_config.region, Region)
    assert job.training_config.region.is_unknown
    assert job.status and isinstance(job.status.code, StatusCode) and not job.status.code.is_unknown
    assert job.to_dict() == {
        "state": "JOB_STATE_SOMETHING_NEW",
        "trainingConfig": {"region": "MARS_1"},
        "status": {"code": "OK"},
    }


def test_absent_fields_show_as_unset_and_survive_copy_and_pickle() -> None:
    import copy
    import pickle

    from fireworks_rft_client.types import UNSET

    job = ReinforcementFineTuningJob.from_dict({"name": "accounts/a/reinforcementFineTuningJobs/j"})
    assert "display_name=UNSET" in repr(job)
    for clone in (copy.deepcopy(job), pickle.loads(pickle.dumps(job))):  # noqa: S301 - our own bytes
        assert clone.display_name is UNSET and clone.to_dict() == job.to_dict()
