"""Section 3: turning the job payload (bench/payload.py) into a model and back, no HTTP involved.

- ours: json.loads + ReinforcementFineTuningJob.from_dict; back: to_dict + json.dumps.
- pydantic: an equivalent pydantic v2 model (bench/pydantic_job.py), model_validate_json;
  back: model_dump_json(by_alias=True, exclude_unset=True).
- from a decoded dict (json.loads already done), on both payloads: our from_dict against
  pydantic's model_validate of the same dict, each in a tight loop;
- sdk: the official SDK's model for this response (fireworks.types.ReinforcementFineTuningJob),
  once as the SDK itself builds it from a response (json.loads + its construct_type, which
  skips validation by default) and once validated (model_validate_json); back: to_json(indent=None).
"""

import json
from collections.abc import Callable
from typing import Any

from fireworks._models import construct_type  # what the SDK runs on every response body
from fireworks.types.reinforcement_fine_tuning_job import ReinforcementFineTuningJob as SdkJob

from bench.payload import CURRENT, PAYLOADS, job_body, job_example
from bench.pydantic_job import ReinforcementFineTuningJob as PydanticJob
from bench.settings import Settings
from bench.timing import median, paired_ratio, time_batch
from fireworks_rft_client.models import ReinforcementFineTuningJob as OurJob

PARSERS = {
    "ours": "json.loads + from_dict (ours)",
    "pydantic": "pydantic v2 model_validate_json",
    "sdk_construct": "official SDK model, as the SDK parses (construct)",
    "sdk_validate": "official SDK model, model_validate_json",
}
FROM_DICT = {
    "ours": "from_dict (ours)",
    "pydantic": "pydantic v2 model_validate",
}
SERIALISERS = {
    "ours": "to_dict + json.dumps (ours)",
    "pydantic": "pydantic v2 model_dump_json",
    "sdk": "official SDK model, to_json",
}


def _parsers(body: bytes) -> dict[str, Callable[[], object]]:
    return {
        "ours": lambda: OurJob.from_dict(json.loads(body)),
        "pydantic": lambda: PydanticJob.model_validate_json(body),
        "sdk_construct": lambda: construct_type(type_=SdkJob, value=json.loads(body)),
        "sdk_validate": lambda: SdkJob.model_validate_json(body),
    }


def _from_dicts(payload: str) -> dict[str, Callable[[], object]]:
    data = job_example(payload)
    return {"ours": lambda: OurJob.from_dict(data), "pydantic": lambda: PydanticJob.model_validate(data)}


def _serialisers(body: bytes) -> dict[str, Callable[[], str]]:
    ours = OurJob.from_dict(json.loads(body))
    pydantic_job = PydanticJob.model_validate_json(body)
    sdk_job = construct_type(type_=SdkJob, value=json.loads(body))
    assert isinstance(sdk_job, SdkJob)
    return {
        "ours": lambda: json.dumps(ours.to_dict()),
        "pydantic": lambda: pydantic_job.model_dump_json(by_alias=True, exclude_unset=True),
        "sdk": lambda: sdk_job.to_json(indent=None),
    }


def _time_all(calls: dict[str, Callable[[], object]], settings: Settings) -> dict[str, list[float]]:
    for call in calls.values():
        time_batch(call, settings.parse_ops)  # warm-up (pydantic builds its validators lazily)
    cpu: dict[str, list[float]] = {key: [] for key in calls}
    keys = list(calls)
    for round_no in range(settings.parse_rounds):
        shift = round_no % len(keys)
        for key in keys[shift:] + keys[:shift]:
            cpu[key].append(time_batch(calls[key], settings.parse_ops).cpu)
    return cpu


def _check_serialisers(serialisers: dict[str, Callable[[], str]]) -> None:
    expected_keys = set(job_example())
    for key, serialise in serialisers.items():
        if set(json.loads(serialise())) != expected_keys:
            raise RuntimeError(f"{key}: serialising back lost or added fields")


def bench_parsing(settings: Settings) -> dict[str, Any]:
    body = job_body(CURRENT)
    serialisers = _serialisers(body)
    _check_serialisers(serialisers)
    parse = _time_all(_parsers(body), settings)
    dump = _time_all(dict(serialisers), settings)
    from_dict = {payload: _time_all(_from_dicts(payload), settings) for payload in PAYLOADS}
    return {
        "from_dict_us": {
            payload: {key: median(values) * 1e6 for key, values in cpu.items()} for payload, cpu in from_dict.items()
        },
        "parse_us": {key: median(values) * 1e6 for key, values in parse.items()},
        "serialise_us": {key: median(values) * 1e6 for key, values in dump.items()},
        "ratios": {
            **{
                f"from_dict_ours_vs_pydantic_{payload}": paired_ratio(cpu["ours"], cpu["pydantic"])
                for payload, cpu in from_dict.items()
            },
            "parse_ours_vs_pydantic": paired_ratio(parse["ours"], parse["pydantic"]),
            "parse_ours_vs_sdk_construct": paired_ratio(parse["ours"], parse["sdk_construct"]),
            "parse_ours_vs_sdk_validate": paired_ratio(parse["ours"], parse["sdk_validate"]),
            "serialise_ours_vs_pydantic": paired_ratio(dump["ours"], dump["pydantic"]),
            "serialise_ours_vs_sdk": paired_ratio(dump["ours"], dump["sdk"]),
        },
    }
