"""Malformed 2xx bodies raise one typed error naming the field; odd but valid bodies parse."""

import datetime
import json
from typing import Any

import httpx
import pytest

from fireworks_rft_client import AuthenticatedClient, _decode, models
from fireworks_rft_client.api.reinforcement_fine_tuning_jobs import get_reinforcement_fine_tuning_job as get_job
from fireworks_rft_client.errors import DecodeError, ResponseValidationError
from fireworks_rft_client.models import (
    InferenceParameters,
    ReinforcementFineTuningJob,
    RpcStatus,
    TrainingConfig,
)
from fireworks_rft_client.types import UNSET

from .conftest import load_spec, reference_example
from .contract.spec_tools import upgrade
from .spec_fields import example_field

TOKEN = "fw-test-token-parsing"


def client_answering(content: bytes, seen: list[httpx.Request] | None = None) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(200, content=content, headers={"Content-Type": "application/json"})

    return AuthenticatedClient(
        base_url="https://api.fireworks.ai", token=TOKEN, httpx_args={"transport": httpx.MockTransport(handler)}
    )


def with_nested(path: str, value: Any) -> bytes:
    """The reference example with the value at the dotted ``path`` replaced."""
    body = reference_example()
    *parents, last = path.split(".")
    target = body
    for key in parents:
        target = target.setdefault(key, {})
    target[last] = value
    return json.dumps(body).encode()


# The fields these tests use as examples of a kind come from the spec (tests/spec_fields.py).
INT = example_field("integer", "int32", under="trainingConfig")
OTHER_INT = example_field("integer", "int32", under="inferenceParameters")
THIRD_INT = example_field("integer", "int32", under="trainingConfig", nth=1)
FLOAT = example_field("number", "float", under="trainingConfig")
OTHER_FLOAT = example_field("number", "float", under="inferenceParameters")
BOOL = example_field("boolean", under="")
NESTED_BOOL = example_field("boolean", under="wandbConfig")
STRING = example_field("string", under="")


def bad(field: Any, value: Any, id: str) -> Any:  # noqa: A002 - pytest's own name
    return pytest.param(with_nested(field.dotted, value), field.dotted, id=id)


MALFORMED_BODIES = [
    pytest.param(b'{"name": "accounts/a/reinforcementFineTuningJobs/j", "state": "JOB_', "", id="truncated-json"),
    pytest.param(b"<html><body>502 Bad Gateway</body></html>", "", id="html"),
    pytest.param(b"", "", id="empty"),
    pytest.param(b"[1, 2]", "", id="json-array"),
    pytest.param(b'"just a string"', "", id="json-string"),
    pytest.param(b"null", "", id="json-null"),
    pytest.param(b"\xff\xfe not utf-8", "", id="not-utf8"),
    bad(INT, "8192", "string-for-int"),
    pytest.param(with_nested("trainingConfig", None), "trainingConfig", id="null-for-object"),
    pytest.param(with_nested("status", "OK"), "status", id="string-for-object"),
    bad(OTHER_INT, 1.5, "float-for-int"),
    bad(THIRD_INT, True, "bool-for-int"),
    bad(FLOAT, True, "bool-for-float"),
    bad(OTHER_FLOAT, False, "false-for-float"),
    bad(OTHER_FLOAT, "0.9", "string-for-float"),
    bad(BOOL, "true", "string-for-bool"),
    bad(BOOL, 1, "int-for-bool"),
    bad(STRING, 7, "int-for-string"),
    pytest.param(with_nested("state", 3), "state", id="int-for-enum"),
    pytest.param(with_nested("status.code", None), "status.code", id="null-for-nested-enum"),
    bad(NESTED_BOOL, [True], "array-for-bool"),
    pytest.param(with_nested("createTime", "yesterday"), "createTime", id="not-a-date-time"),
    pytest.param(with_nested("createTime", "2023-11-07"), "createTime", id="date-without-time"),
    pytest.param(with_nested("completedTime", "2023-13-07T05:31:56Z"), "completedTime", id="month-13"),
    pytest.param(with_nested("createTime", 1699335116), "createTime", id="epoch-number"),
    pytest.param(with_nested("createTime", "2023-11-07T05:31:56"), "createTime", id="date-time-without-offset"),
    pytest.param(
        with_nested("completedTime", "2023-11-07T05:31:56.123456789"), "completedTime", id="nanoseconds-without-offset"
    ),
    pytest.param(with_nested("createTime", "2023-11-07T05:31:56+0200"), "createTime", id="offset-without-colon"),
    pytest.param(with_nested("createTime", "2023-11-07T05:31:56.1234567891Z"), "createTime", id="ten-digit-fraction"),
]


@pytest.mark.parametrize(("body", "field"), MALFORMED_BODIES)
def test_malformed_body_raises_response_validation_error_naming_the_field(body: bytes, field: str) -> None:
    with pytest.raises(ResponseValidationError) as caught:
        get_job.sync("acme", "rft-1", client=client_answering(body))
    error = caught.value
    assert error.field == field
    assert error.status_code == 200
    assert error.body == body
    assert error.response is not None and error.response.content == body
    assert error.method == "GET" and error.url.endswith("/reinforcementFineTuningJobs/rft-1")
    message = str(error)
    assert "HTTP 200" in message
    assert (repr(field) in message) if field else ("at '" not in message)
    snippet = body[:40].decode("utf-8", errors="replace").strip()
    assert snippet in message, "the message quotes the start of the body"
    assert TOKEN not in message


@pytest.mark.parametrize(("body", "field"), MALFORMED_BODIES)
def test_sync_detailed_raises_the_same_error_with_the_raw_response(body: bytes, field: str) -> None:
    with pytest.raises(ResponseValidationError) as caught:
        get_job.sync_detailed("acme", "rft-1", client=client_answering(body))
    assert caught.value.field == field
    assert caught.value.response is not None and caught.value.response.status_code == 200


@pytest.mark.anyio
async def test_async_malformed_body_raises_the_same_error() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        await get_job.asyncio("acme", "rft-1", client=client_answering(with_nested(INT.dotted, "8192")))
    assert caught.value.field == INT.dotted


def test_from_dict_raises_decode_error_with_a_path() -> None:
    with pytest.raises(DecodeError) as caught:
        ReinforcementFineTuningJob.from_dict({"trainingConfig": {"batchSize": "8192"}})
    assert caught.value.path == ["trainingConfig", "batchSize"]
    assert caught.value.field == "trainingConfig.batchSize"
    assert str(caught.value) == "trainingConfig.batchSize: expected integer, got string"
    assert isinstance(caught.value, ValueError)


def test_path_names_the_index_inside_an_array() -> None:
    with pytest.raises(DecodeError) as caught:
        RpcStatus.from_dict({"code": 5, "details": [{"@type": "x"}, {"@type": 3}]})
    assert caught.value.field == "details.1.@type"


def test_message_never_quotes_the_value() -> None:
    with pytest.raises(DecodeError) as caught:
        ReinforcementFineTuningJob.from_dict({"wandbConfig": {"apiKey": ["wandb-secret-value"]}})
    assert "wandb-secret-value" not in str(caught.value)
    assert caught.value.field == "wandbConfig.apiKey"


def test_snippet_masks_secret_values() -> None:
    payload = {"wandbConfig": {"apiKey": "wandb-secret-value"}, **INT.payload("x")}
    with pytest.raises(ResponseValidationError) as caught:
        get_job.sync("acme", "rft-1", client=client_answering(json.dumps(payload).encode()))
    assert caught.value.field == INT.dotted
    assert "wandb-secret-value" not in str(caught.value)
    assert '"apiKey": "***"' in str(caught.value)


def test_int_is_accepted_for_a_float_field() -> None:
    config = InferenceParameters.from_dict({"temperature": 1, "topP": 0.5})
    assert config.temperature == 1.0 and isinstance(config.temperature, float)
    assert config.top_p == 0.5


def test_proto3_special_floats_are_accepted() -> None:
    config = TrainingConfig.from_dict({"learningRate": "Infinity"})
    assert config.learning_rate == float("inf")


def test_huge_int_is_kept_exactly() -> None:
    assert INT.get(ReinforcementFineTuningJob.from_dict(INT.payload(2**40))) == 2**40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11-07T05:31:56Z", datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)),
        ("2023-11-07t05:31:56z", datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)),
        ("2023-11-07T05:31:56.5Z", datetime.datetime(2023, 11, 7, 5, 31, 56, 500000, tzinfo=datetime.UTC)),
        (  # 9 digits, no nanoseconds beyond the microsecond: equal to the datetime (see test_copies.py)
            "2023-11-07T05:31:56.123456000Z",
            datetime.datetime(2023, 11, 7, 5, 31, 56, 123456, tzinfo=datetime.UTC),
        ),
        (
            "2023-11-07T07:31:56.000001+02:00",
            datetime.datetime(2023, 11, 7, 5, 31, 56, 1, tzinfo=datetime.UTC),
        ),
        ("2023-11-07T00:31:56-05:00", datetime.datetime(2023, 11, 7, 5, 31, 56, tzinfo=datetime.UTC)),
    ],
)
def test_rfc3339_timestamps_parse(text: str, expected: datetime.datetime) -> None:
    job = ReinforcementFineTuningJob.from_dict({"createTime": text})
    assert job.create_time == expected
    assert isinstance(job.create_time, datetime.datetime) and job.create_time.tzinfo is not None


def test_nanoseconds_survive_a_round_trip() -> None:
    job = ReinforcementFineTuningJob.from_dict({"createTime": "2023-11-07T05:31:56.123456789Z"})
    assert isinstance(job.create_time, datetime.datetime)
    assert getattr(job.create_time, "nanosecond", None) == 789
    assert job.to_dict() == {"createTime": "2023-11-07T05:31:56.123456789Z"}
    again = ReinforcementFineTuningJob.from_dict(job.to_dict())
    assert again.to_dict() == job.to_dict()


def test_offsets_are_kept_and_utc_is_written_as_z() -> None:
    job = ReinforcementFineTuningJob.from_dict(
        {"createTime": "2023-11-07T07:31:56+02:00", "completedTime": "2023-11-07T05:31:56z"}
    )
    assert job.to_dict() == {"createTime": "2023-11-07T07:31:56+02:00", "completedTime": "2023-11-07T05:31:56Z"}


def test_seven_fractional_digits_keep_their_value() -> None:
    job = ReinforcementFineTuningJob.from_dict({"completedTime": "2023-11-07T05:31:56.1234567Z"})
    assert job.to_dict()["completedTime"] == "2023-11-07T05:31:56.123456700Z"


def test_unknown_fields_are_kept_at_every_level() -> None:
    body = reference_example()
    # Fields of an API newer than this client, at every level.
    body["futureProgress"] = {"percent": 50}
    body["futureSeconds"] = "123456789012"
    body["trainingConfig"]["futureNodeCount"] = 4
    body["inferenceParameters"]["futureMaxTokens"] = 256
    body["status"]["details"] = []
    job = ReinforcementFineTuningJob.from_dict(body)
    known = load_spec()["components"]["schemas"]["ReinforcementFineTuningJob"]["properties"]
    # The future fields, and any of the page's example the spec no longer has (x-removed).
    assert job.additional_properties == {key: value for key, value in body.items() if key not in known}
    assert {"futureProgress", "futureSeconds"} <= set(job.additional_properties)
    assert job.training_config and job.training_config["futureNodeCount"] == 4
    assert job.inference_parameters and job.inference_parameters.additional_properties == {"futureMaxTokens": 256}
    assert job.status and "details" in job.status
    # Back out as it came (a field retyped since the page was written comes back converted).
    assert job.to_dict() == upgrade(load_spec(), {"$ref": "#/components/schemas/ReinforcementFineTuningJob"}, body)


def test_from_dict_does_not_modify_its_input() -> None:
    body = reference_example()
    snapshot = repr(body)
    ReinforcementFineTuningJob.from_dict(body)
    assert repr(body) == snapshot


def test_read_mask_response_with_only_the_name_parses() -> None:
    seen: list[httpx.Request] = []
    client = client_answering(b'{"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"}', seen)
    job = get_job.sync("acme", "rft-1", client=client, read_mask="name")
    assert seen[0].url.params["readMask"] == "name"
    assert job.name == "accounts/acme/reinforcementFineTuningJobs/rft-1"
    # dataset and evaluator are "required" on create, but a masked response leaves them out:
    assert job.dataset is UNSET and job.evaluator is UNSET and job.training_config is UNSET
    assert job.to_dict() == {"name": "accounts/acme/reinforcementFineTuningJobs/rft-1"}


def test_empty_object_parses_to_all_unset() -> None:
    job = get_job.sync("acme", "rft-1", client=client_answering(b"{}"))
    assert job.to_dict() == {} and job.state is UNSET


def test_sync_detailed_gives_the_raw_response_of_a_good_call() -> None:
    body = b'{"name": "n", "state": "JOB_STATE_RUNNING"}'
    response = get_job.sync_detailed("acme", "rft-1", client=client_answering(body))
    assert response.status_code == 200
    assert response.content == body
    assert response.headers["content-type"] == "application/json"
    assert response.parsed is not None and response.parsed.name == "n"


# --- README "Errors": strict about JSON types, date-times are RFC 3339 -------------------------


def number_fields(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """(schema, property) of every JSON number property of the spec's component schemas."""
    return [
        (schema_name, name)
        for schema_name, schema in spec["components"]["schemas"].items()
        for name, prop in schema.get("properties", {}).items()
        if prop.get("type") == "number"
    ]


def test_spec_has_number_fields(spec: dict[str, Any]) -> None:
    """The next test walks them: it must have some to walk (learningRate, temperature, topP today)."""
    assert ("TrainingConfig", "learningRate") in number_fields(spec)


@pytest.mark.parametrize("value", [True, False])
def test_a_json_boolean_is_no_number_in_any_number_field(spec: dict[str, Any], value: bool) -> None:
    """README: "an int where a float belongs is accepted (a bool is not an int)": true is not 1.0."""
    for schema_name, name in number_fields(spec):
        model: Any = getattr(models, schema_name)  # the spec names its schemas as their classes
        with pytest.raises(DecodeError) as caught:
            model.from_dict({name: value})
        assert caught.value.field == name, (schema_name, name)
        assert caught.value.reason == "expected number, got boolean", (schema_name, name)


def test_a_boolean_learning_rate_raises_decode_error_naming_the_field() -> None:
    with pytest.raises(DecodeError) as caught:
        ReinforcementFineTuningJob.from_dict({"trainingConfig": {"learningRate": True}})
    assert caught.value.field == "trainingConfig.learningRate"
    assert str(caught.value) == "trainingConfig.learningRate: expected number, got boolean"


@pytest.mark.parametrize(
    "text",
    [
        "2023-11-07T05:31:56",  # no offset: a naive datetime, a different instant on every machine
        "2023-11-07T05:31:56.5",
        "2023-11-07T05:31:56.123456789",
        "2023-11-07 05:31:56",
        "2023-11-07T05:31:56+0200",  # RFC 3339 offsets have a colon
        "2023-11-07T05:31:56+02",
        "2023-11-07T05:31:56.Z",  # a dot needs digits
        "2023-11-07T05:31:56.1234567890Z",  # up to 9 fractional digits
        "2023-11-07T05:31Z",
        "2023-11-07",
    ],
)
def test_a_date_time_that_is_not_rfc3339_raises_decode_error(text: str) -> None:
    with pytest.raises(DecodeError) as caught:
        ReinforcementFineTuningJob.from_dict({"createTime": text})
    assert caught.value.field == "createTime"


@pytest.mark.parametrize(
    "text",
    [
        "2023-11-07T05:31:56.123456007Z",  # zeros inside the nanosecond digits
        "2023-11-07T05:31:56.000000001Z",
        "2023-11-07T05:31:56.000000070+05:30",
        "2023-11-07T05:31:56.100000009-08:00",
        "2023-11-07T05:31:56.999999999Z",
        "2023-11-07T05:31:56.123456789Z",
    ],
)
def test_nanoseconds_are_written_back_exactly(text: str) -> None:
    """README: "to_dict() writes the full value back" -- every one of the 9 digits, zeros included."""
    job = ReinforcementFineTuningJob.from_dict({"createTime": text})
    assert isinstance(job.create_time, datetime.datetime)
    assert getattr(job.create_time, "nanosecond", None) == int(text[26:29])
    assert job.to_dict() == {"createTime": text}
    assert ReinforcementFineTuningJob.from_dict(job.to_dict()).to_dict() == {"createTime": text}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2023-11-07T05:31:56.12345607Z", "2023-11-07T05:31:56.123456070Z"),
        ("2023-11-07T05:31:56.1234560z", "2023-11-07T05:31:56.123456Z"),
        ("2023-11-07T05:31:56.0000001+01:00", "2023-11-07T05:31:56.000000100+01:00"),
    ],
)
def test_seven_or_eight_fractional_digits_come_back_as_the_same_instant(text: str, written: str) -> None:
    assert ReinforcementFineTuningJob.from_dict({"completedTime": text}).to_dict() == {"completedTime": written}


def test_a_nanosecond_timestamp_computes_at_the_microsecond() -> None:
    """README: "arithmetic uses the microsecond value" (comparisons count the nanoseconds:
    test_copies.test_timestamp_comparisons_count_the_nanoseconds)."""
    stamp = ReinforcementFineTuningJob.from_dict({"createTime": "2023-11-07T05:31:56.123456789Z"}).create_time
    micro = datetime.datetime(2023, 11, 7, 5, 31, 56, 123456, tzinfo=datetime.UTC)
    assert isinstance(stamp, _decode.Timestamp) and isinstance(stamp, datetime.datetime)
    assert stamp != micro and stamp > micro  # not the same instant: 789 ns later
    assert micro - stamp == datetime.timedelta(0)
    later = stamp + datetime.timedelta(seconds=1)
    assert later == micro + datetime.timedelta(seconds=1)
