"""Guard 5: every payload the tests use fits the spec: the spec's examples, the reference
page's example and the fixtures, validated with openapi-schema-validator (OAS 3.1, formats on)."""

from typing import Any

from tests.conftest import reference_example

from .payloads import Payload, fixture_payloads, payload_problems, response_schema, spec_examples
from .spec_tools import operations

JOB = {"$ref": "#/components/schemas/ReinforcementFineTuningJob"}


def all_payloads(spec: dict[str, Any]) -> list[Payload]:
    found = [*spec_examples(spec), *fixture_payloads(spec)]
    for (method, path), operation in operations(spec).items():
        if "200" in operation.get("responses", {}):
            found.append(
                Payload("reference page example", response_schema(spec, method, path, "200"), reference_example())
            )
    return found


def test_every_payload_fits_the_spec(spec: dict[str, Any]) -> None:
    payloads = all_payloads(spec)
    # The 200 example, one per documented error, the reference example, the fixtures.
    statuses = {s for op in operations(spec).values() for s in op.get("responses", {})}
    assert len(payloads) >= len(statuses) + 2, [p.where for p in payloads]
    problems = payload_problems(spec, payloads)
    assert not problems, "payloads that do not fit the spec:\n  " + "\n  ".join(problems)


def test_the_validator_rejects_what_the_schema_forbids(spec: dict[str, Any]) -> None:
    """The tool checks types, enums and the formats that matter (date-time, int32)."""
    bad = {
        "createTime": "yesterday",
        "state": "JOB_STATE_NOT_A_STATE",
        "evalAutoCarveout": "true",
        "trainingConfig": {"maxContextLength": 2**31},
    }
    problems = payload_problems(spec, [Payload("bad", JOB, bad)])
    for field in ("createTime", "state", "evalAutoCarveout", "trainingConfig.maxContextLength"):
        assert any(line.startswith(f"bad: {field}: ") for line in problems), (field, problems)
