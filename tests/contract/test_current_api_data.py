"""The current-API data file (reference/current-api.json) and the sheet it is written from stay in step.

The sheet lives outside the repository (../shared/reference/current-api.md, or
$FIREWORKS_RFT_REFERENCE_DIR): a clone with nothing beside it skips the comparison, CI (which has
the folder) runs it. The parser and the command line are tested on every run, on a small sheet
written here.
"""

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tools.current_api import (
    DATA_FILE,
    SHEET_NAME,
    CurrentApiError,
    file_problems,
    load_current_api,
    main,
    parse_sheet,
    read_sheet,
    walk,
)
from tools.reference_data import ENV_DIR, ROOT, WRITE_COMMAND, reference_dir, render

# The real sheet's shape, cut down: a table for the root, prose sections for the rest.
SMALL_SHEET = """\
# The resource today

Prose before the first section is not read.

## Job (new: marked +)
| field | type | note |
|---|---|---|
| name, displayName | string | as before |
| state | enum State | the SDK lists 3 values; STATE_GONE (in our notes) is not among them |
| config | Config | grew |
| + seconds | map<string, int64> | values as strings |
| + s3 | object: secret string, role string | |
| + azure | object: secret, tenant (strings) | |
| + progress | Progress | |
| + loss | Loss | |

## Config (kept; + new)
model, base (string); rate (float);
size, count (int); + steps (int; 0 or absent: none). The SDK no longer lists count.

## Progress (all int)
percent, epoch.

## Loss
The current API names them: method: enum A, B_C; beta (float, a note); maxOut (int); dpo: Dpo {x float, y int}.
The reference page's `maxIn` became `maxOut`; old servers still send it.

## Where to look for later changes
Anything at all.
"""


def small() -> dict[str, Any]:
    return parse_sheet(SMALL_SHEET.encode())


def test_data_file_matches_the_sheet() -> None:
    directory = reference_dir()
    if not directory.exists():
        if os.environ.get(ENV_DIR):
            pytest.fail(f"${ENV_DIR} names {directory}, which does not exist")
        pytest.skip(f"{directory} is absent: no {SHEET_NAME} to compare {DATA_FILE.relative_to(ROOT)} with")
    problems = file_problems(read_sheet(directory))
    assert not problems, (
        f"{DATA_FILE.relative_to(ROOT)} is not what {directory / SHEET_NAME} gives; check the spec against "
        f"the sheet, then rewrite the file with '{WRITE_COMMAND}':\n  " + "\n  ".join(problems)
    )


def test_data_file_is_in_the_tools_format() -> None:
    data = load_current_api()
    assert render(data) == DATA_FILE.read_text()
    assert data["_comment"][0].startswith(f"Written by `{WRITE_COMMAND}`")
    # The data holds the sheet's facts, or the contract would pass on nothing.
    paths = {f.path: f for f in walk(data)}
    assert len(paths) >= 60 and {"acceleratorSeconds", "lossConfig.dpo.refCacheBatchSize"} <= set(paths)
    assert data["schemas"]["InferenceParameters"]["renamed"] == {
        "maxTokens": "maxOutputTokens",
        "n": "responseCandidatesCount",
    }
    assert data["schemas"]["TrainingConfig"]["dropped"] == ["acceleratorCount"]
    assert data["enums"]["JobState"] == {"count": 18, "dropped": ["JOB_STATE_DELETED"]}


def test_parser_reads_every_form_of_the_sheet() -> None:
    data = small()
    assert data["root"] == "Job"
    job = data["schemas"]["Job"]["fields"]
    assert job["name"] == job["displayName"] == {"kind": "string", "new": False}
    assert job["state"] == {"kind": "enum", "schema": "State", "new": False}
    assert job["seconds"] == {"kind": "map", "values": {"kind": "int64"}, "new": True}
    assert job["s3"]["fields"] == {"secret": {"kind": "string", "new": False}, "role": {"kind": "string", "new": False}}
    assert set(job["azure"]["fields"]) == {"secret", "tenant"}
    config = data["schemas"]["Config"]
    assert {k: (v["kind"], v["new"]) for k, v in config["fields"].items()} == {
        "model": ("string", False),
        "base": ("string", False),
        "rate": ("float", False),
        "size": ("int32", False),
        "count": ("int32", False),
        "steps": ("int32", True),
    }
    assert config["dropped"] == ["count"]
    assert data["schemas"]["Progress"]["fields"] == {
        "percent": {"kind": "int32", "new": False},
        "epoch": {"kind": "int32", "new": False},
    }
    loss = data["schemas"]["Loss"]
    assert loss["fields"]["method"] == {"kind": "enum", "enum": ["A", "B_C"], "new": False}
    assert loss["fields"]["dpo"] == {"kind": "object", "schema": "Dpo", "new": False}
    assert loss["renamed"] == {"maxIn": "maxOut"}
    assert data["schemas"]["Dpo"]["fields"]["y"] == {"kind": "int32", "new": False}
    assert data["enums"] == {"State": {"count": 3, "dropped": ["STATE_GONE"]}}
    walked = {f.path: f for f in walk(data)}
    assert walked["loss.dpo.x"].schema == "Dpo" and walked["s3.role"].schema is None
    assert walked["loss.maxOut"].renamed_from == ("maxIn",) and walked["config.count"].dropped


@pytest.mark.parametrize(
    ("break_sheet", "message"),
    [
        (lambda t: t.replace("rate (float)", "rate (decimal)"), "line 18: not a type this parser knows"),
        (lambda t: t.replace("| + s3 |", "| + s3 | x |"), "line 12: not a table row of three cells"),
        (lambda t: t.replace("| + loss |", "| + Loss |"), "line 15: not a field name"),
        (lambda t: t.replace("percent, epoch.", "percent, epoch, and more."), "line 22: cannot read this"),
        (lambda t: t.replace("The SDK no longer", "Note: the SDK no longer"), "line 19: cannot read this in sec"),
        (lambda t: t.replace("## Where to look", "## where to look"), "line 28: a heading that names no schema"),
        (lambda t: t.replace("| + progress | Progress |", "| + progress | int |"), "schema Progress is described"),
        (lambda t: t.replace("lists count", "lists total"), "the SDK dropped total, which the section does not list"),
        (lambda t: t.replace("`maxOut`;", "`maxOutput`;"), "maxIn became maxOutput, which the section does not"),
        (lambda t: t.replace("### ", "").replace("## Progress", "### Progress"), "line 21: a heading the sheet"),
        (lambda t: t.replace("| field | type | note |", "| name | type |"), "must be a table"),
    ],
)
def test_parser_names_the_line_it_cannot_read(break_sheet: Any, message: str) -> None:
    broken = break_sheet(SMALL_SHEET)
    assert broken != SMALL_SHEET
    with pytest.raises(CurrentApiError, match=message):
        parse_sheet(broken.encode())


def test_hand_edit_of_the_data_file_is_refused(tmp_path: Path) -> None:
    data = json.loads(DATA_FILE.read_text())
    data["schemas"]["TrainingConfig"]["fields"]["epochs"]["kind"] = "integer"
    edited = tmp_path / DATA_FILE.name
    edited.write_text(render(data))
    with pytest.raises(CurrentApiError, match="schemas.TrainingConfig.fields.epochs: no kind of"):
        load_current_api(edited)


def test_command_line_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheets, data_file = tmp_path / "reference", tmp_path / "data.json"
    sheets.mkdir()
    (sheets / SHEET_NAME).write_text(SMALL_SHEET)
    args = ["--reference-dir", str(sheets), "--data-file", str(data_file)]

    assert main(["write", *args]) == 0
    assert main(["check", *args]) == 0
    assert load_current_api(data_file) == small()

    (sheets / SHEET_NAME).write_text(SMALL_SHEET.replace("percent, epoch.", "percent, epoch, rows."))
    capsys.readouterr()
    assert main(["check", *args]) == 1
    assert "schemas.Progress.fields.rows: in the sheet, missing from the data file" in capsys.readouterr().out

    assert main(["check", "--reference-dir", str(tmp_path / "nowhere"), "--data-file", str(data_file)]) == 2
    assert f"no current-API sheet at {tmp_path / 'nowhere' / SHEET_NAME}" in capsys.readouterr().err
