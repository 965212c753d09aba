"""The lean from_dict (issue 19) weakens nothing: every value still checked, __init__ still runs.

from_dict calls the class with positional arguments (keywords cost ~2 us on the job model), tests
an int with one type() test before the isinstance tests, a bool by identity, and reads a short
int64 digit string without the regex. Each guard here is also run against the break it exists
for and seen to fail.
"""

import ast
import copy
import datetime
import inspect
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from fireworks_rft_client import models
from fireworks_rft_client._decode import Timestamp, datetime_to_json
from fireworks_rft_client.errors import DecodeError
from fireworks_rft_client.models import AcceleratorSeconds, ReinforcementFineTuningJob
from tests.spec_fields import example_field

MODEL_CLASSES = [getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))]


def _constructor_call(source: str) -> ast.Call:
    """The ``cls(...)`` call inside from_dict of a model module's source."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and node.name == "from_dict":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "cls":
                    return call
    raise AssertionError("no cls(...) call in from_dict")


def positional_problems(source: str, model: type) -> list[str]:
    """How from_dict's call to the class strays from attrs' __init__ (its order, its names)."""
    call = _constructor_call(source)
    problems = [f"keyword argument {keyword.arg}" for keyword in call.keywords]
    passed = [arg.id if isinstance(arg, ast.Name) else ast.dump(arg) for arg in call.args]
    expected = [field.alias for field in attrs.fields(model) if field.init]  # __init__'s parameter names
    if passed != expected:
        problems.append(f"passes {passed}, __init__ takes {expected}")
    return problems


@pytest.mark.parametrize("model", MODEL_CLASSES, ids=lambda model: model.__name__)
def test_from_dict_passes_each_value_in_the_place_init_takes_it(model: type) -> None:
    assert positional_problems(inspect.getsource(inspect.getmodule(model)), model) == []  # type: ignore[arg-type]


def test_the_order_check_fails_when_two_arguments_trade_places() -> None:
    source = Path(inspect.getfile(ReinforcementFineTuningJob)).read_text()
    call = _constructor_call(source)
    first, second = (arg.id for arg in call.args[:2] if isinstance(arg, ast.Name))
    swapped = source.replace(
        f"            {first},\n            {second},\n", f"            {second},\n            {first},\n"
    )
    assert swapped != source
    assert positional_problems(swapped, ReinforcementFineTuningJob) != []


def test_every_value_lands_in_its_own_attribute() -> None:
    # Every string field of the job a distinct value: a value passed to the wrong place shows.
    strings = [f for f in attrs.fields(ReinforcementFineTuningJob) if f.init and str(f.type) == "str | Unset"]
    assert len(strings) >= 10
    # The JSON key from the public name (a deprecated field is stored as _name behind a property).
    job = ReinforcementFineTuningJob.from_dict({_json_key(f.alias or f.name): f"value of {f.name}" for f in strings})
    for field in strings:
        assert getattr(job, field.name) == f"value of {field.name}"


def _json_key(python_name: str) -> str:
    head, *rest = python_name.split("_")
    return head + "".join(part.title() for part in rest)


# A subclass: from_dict builds it through its own __init__, post-init hook and defaults included.
@attrs.define
class NotedJob(ReinforcementFineTuningJob):
    notes: list[str] = attrs.field(factory=list)

    def __attrs_post_init__(self) -> None:
        self.notes.append(f"built with name {self.name}")


def _subclass_check(build: Callable[[type[NotedJob], dict[str, Any]], NotedJob]) -> list[str]:
    job = build(NotedJob, {"name": "accounts/a/reinforcementFineTuningJobs/j", "nodeCount": 2, "brandNew": 1})
    assert type(job) is NotedJob
    assert (job.name, job.node_count, job.additional_properties) == (
        "accounts/a/reinforcementFineTuningJobs/j",
        2,
        {"brandNew": 1},
    )
    return job.notes


def test_from_dict_of_a_subclass_runs_its_init() -> None:
    assert _subclass_check(lambda cls, data: cls.from_dict(data)) == [
        "built with name accounts/a/reinforcementFineTuningJobs/j"
    ]


def test_the_subclass_check_fails_on_slot_stores_that_bypass_init() -> None:
    def slot_stores(cls: type[NotedJob], data: dict[str, Any]) -> NotedJob:
        parsed = ReinforcementFineTuningJob.from_dict(data)
        job = object.__new__(cls)
        for field in attrs.fields(ReinforcementFineTuningJob):
            object.__setattr__(job, field.name, getattr(parsed, field.name))
        return job

    with pytest.raises(AttributeError, match="notes"):
        _subclass_check(slot_stores)


# The checks that take a shortcut for the common value: the uncommon ones still get the full test.
class Count(int):
    """An int subclass (an IntEnum member, say): an int for the field, as before."""


def test_an_int_subclass_is_an_int_and_a_bool_is_not() -> None:
    field = example_field("integer", "int32", under="trainingConfig")  # any int field (tests/spec_fields.py)
    assert field.get(ReinforcementFineTuningJob.from_dict(field.payload(Count(3)))) == 3
    for value in (True, False, 2.0, "2", None):
        with pytest.raises(DecodeError, match=field.dotted):
            ReinforcementFineTuningJob.from_dict(field.payload(value))


@pytest.mark.parametrize("value", [1, 0, "true", None, 1.0])
def test_a_boolean_field_takes_only_true_or_false(value: object) -> None:
    with pytest.raises(DecodeError, match="evalAutoCarveout"):
        ReinforcementFineTuningJob.from_dict({"evalAutoCarveout": value})
    for flag in (True, False):
        assert ReinforcementFineTuningJob.from_dict({"evalAutoCarveout": flag}).eval_auto_carveout is flag


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("0", 0),
        ("123456", 123456),
        ("999999999999999999", 10**18 - 1),  # 18 digits: the shortcut
        ("1000000000000000000", 10**18),  # 19 digits: the full check
        ("-5", -5),
        ("007", 7),
    ],
)
def test_an_int64_map_value_reads_as_before(text: str, number: int) -> None:
    assert AcceleratorSeconds.from_dict({"NVIDIA_H100_80GB": text})["NVIDIA_H100_80GB"] == number


# Unicode digits pass str.isdigit() and int() reads them ("١٢٣" is 123): the shortcut must not.
@pytest.mark.parametrize("text", ["", "١٢٣", "１２３", "²", "1_000", " 1", "+1", "12.0", "1" * 25, "0x1f"])
def test_an_int64_map_value_that_is_no_decimal_string_is_refused(text: str) -> None:
    with pytest.raises(DecodeError, match="NVIDIA_H100_80GB"):
        AcceleratorSeconds.from_dict({"NVIDIA_H100_80GB": text})


def test_the_digit_shortcut_needs_its_ascii_test() -> None:
    # What the refusal above guards against: without isascii(), these would be read as numbers.
    assert "١٢٣".isdigit() and int("١٢٣") == 123
    assert "１２３".isdigit() and int("１２３") == 123


# Timestamp keeps its nanoseconds in a slot (no instance dict to make on every parse).
def test_a_timestamp_keeps_its_nanoseconds_in_a_slot_that_copies_and_pickles() -> None:
    stamp = ReinforcementFineTuningJob.from_dict({"createTime": "2026-11-28T09:26:53.589793238Z"}).create_time
    assert isinstance(stamp, Timestamp) and stamp.nanosecond == 238
    assert not hasattr(stamp, "__dict__")
    for clone in (copy.copy(stamp), copy.deepcopy(stamp), pickle.loads(pickle.dumps(stamp))):  # noqa: S301
        assert type(clone) is Timestamp and clone.nanosecond == 238 and clone == stamp


def test_a_timestamp_made_by_hand_has_no_nanoseconds() -> None:
    stamp = Timestamp(2026, 11, 28, 9, 26, 53, 589793, tzinfo=datetime.UTC)
    assert stamp.nanosecond == 0
    assert stamp == datetime.datetime(2026, 11, 28, 9, 26, 53, 589793, tzinfo=datetime.UTC)
    stamp.nanosecond = 5
    assert stamp.nanosecond == 5 and datetime_to_json(stamp) == "2026-11-28T09:26:53.589793005Z"
