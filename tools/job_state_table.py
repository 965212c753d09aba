"""The job-state table: ``x-job-state-outcomes`` on the spec's ``JobState``, written as data.

The generator's enum templates do not see vendor extensions, so ``make generate`` writes this
one module itself (tools/generate.py). It holds data only, a mapping of terminal state names to
``success`` or ``failure``; what the states mean to a caller is fireworks_rft_client/job_states.py.
"""

from typing import Any

from tools.generated_files import marker

SCHEMA = "JobState"
EXTENSION = "x-job-state-outcomes"
OUTCOMES = ("success", "failure")
MODULE = "fireworks_rft_client/_job_state_table.py"


class SpecError(ValueError):
    """The spec's job-state extension is missing or malformed."""


def job_state_outcomes(spec: dict[str, Any]) -> dict[str, str]:
    """The extension as ``{state: outcome}``, checked against the enum; SpecError when wrong."""
    schema = spec.get("components", {}).get("schemas", {}).get(SCHEMA)
    if not isinstance(schema, dict):
        raise SpecError(f"the spec has no components.schemas.{SCHEMA}")
    values = schema.get("enum")
    if not isinstance(values, list) or not values:
        raise SpecError(f"{SCHEMA} has no enum values")
    mapping = schema.get(EXTENSION)
    if not isinstance(mapping, dict) or not mapping:
        raise SpecError(f"{SCHEMA} needs {EXTENSION}: a mapping of terminal states to {' or '.join(OUTCOMES)}")
    not_states = sorted(str(state) for state in mapping if state not in values)
    if not_states:
        raise SpecError(f"{SCHEMA}.{EXTENSION} names states that are not {SCHEMA} values: {', '.join(not_states)}")
    bad = sorted(f"{state}: {outcome!r}" for state, outcome in mapping.items() if outcome not in OUTCOMES)
    if bad:
        raise SpecError(f"{SCHEMA}.{EXTENSION}: outcome must be {' or '.join(OUTCOMES)}, got {'; '.join(bad)}")
    if "success" not in mapping.values():
        raise SpecError(f"{SCHEMA}.{EXTENSION} names no success state: a wait could never succeed")
    # Keep the enum's order so that the output does not depend on how the mapping is written.
    return {state: mapping[state] for state in values if state in mapping}


def render(spec: dict[str, Any]) -> str:
    """The source of the table module for ``spec`` (ruff formats it afterwards)."""
    outcomes = job_state_outcomes(spec)
    return (
        f"{marker(f'tools/job_state_table.py ({EXTENSION})')}\n"
        f'"""Each terminal job state and its outcome, in the order of the spec\'s enum."""\n\n'
        f"OUTCOMES: dict[str, str] = {outcomes!r}\n"
    )
