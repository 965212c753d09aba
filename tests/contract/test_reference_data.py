"""The reference data file (reference/*.json) and the page it is written from stay in step.

The page lives outside the repository (../shared/reference, or $FIREWORKS_RFT_REFERENCE_DIR): a
clone with nothing beside it skips the comparison, CI (which has the folder) runs it. The tool
itself (parser, data file round trip, differences, command line) is tested on every run, on a
small page written here.
"""

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tools.reference_data import (
    DATA_FILE,
    ENV_DIR,
    PAGE_NAME,
    ROOT,
    WRITE_COMMAND,
    ReferenceDataError,
    differences,
    file_problems,
    load_reference_page,
    main,
    page_data,
    read_page,
    reference_dir,
    render,
)
from tools.reference_page import ReferencePageError, parse_reference_page

# The real page's shape, cut down: curl example, JSON example, field lists.
SMALL_PAGE = """\
GET
Get Job
curl --request GET \\
  --url https://api.example.com/v1/jobs/{job_id} \\
  --header 'Authorization: Bearer <token>'
{
  "name": "<string>",
  "createTime": "2023-11-07T05:31:56Z",
  "state": "STATE_A",
  "config": {
    "epochs": 123,
    "tags": ["<string>"]
  }
}

Authorizations

Authorization
string
header
required

Bearer authentication header of the form Bearer <token>, where <token> is your auth token.

Path Parameters

job_id
string
required

The Job Id

Query Parameters

readMask
string

The fields to be returned.

Response

200 - application/json

A successful response.

name
string
required

The name.

createTime
string<date-time>
state
enum<string>
default:STATE_A

Available options:
STATE_A,
STATE_B
config
object

Settings.
"""


def test_data_file_matches_the_reference_page() -> None:
    directory = reference_dir()
    if not directory.exists():
        if os.environ.get(ENV_DIR):
            pytest.fail(f"${ENV_DIR} names {directory}, which does not exist")
        pytest.skip(f"{directory} is absent: no reference page to compare {DATA_FILE.relative_to(ROOT)} with")
    problems = file_problems(page_data(read_page(directory)))
    assert not problems, (
        f"{DATA_FILE.relative_to(ROOT)} is not what {directory / PAGE_NAME} gives; check the spec against "
        f"the page, then rewrite the file with '{WRITE_COMMAND}':\n  " + "\n  ".join(problems)
    )


def test_data_file_is_what_the_tool_writes() -> None:
    """Loading loses nothing and the file is in the tool's own format, byte for byte."""
    assert render(page_data(load_reference_page())) == DATA_FILE.read_text()
    assert json.loads(DATA_FILE.read_text())["_comment"][0].startswith(f"Written by `{WRITE_COMMAND}`")


def test_parser_reads_every_part_of_a_page() -> None:
    data = page_data(parse_reference_page(SMALL_PAGE.encode()))

    assert (data["method"], data["path"]) == ("GET", "/v1/jobs/{job_id}")
    assert data["security"] == {"Authorization": {"in": "header", "required": True, "scheme": "Bearer"}}
    assert data["parameters"] == {
        "path": {"job_id": {"json_type": "string", "required": True, "type": "string"}},
        "query": {"readMask": {"json_type": "string", "required": False, "type": "string"}},
    }
    assert data["response"] == {"media_type": "application/json", "status": "200"}
    assert data["fields"] == {
        "config": {"example_type": "object", "json_type": "object", "required": False, "type": "object"},
        "config.epochs": {"example_type": "integer"},
        "config.tags": {"example_type": "array"},
        "config.tags[]": {"example_type": "string"},
        "createTime": {
            "example_type": "string",
            "format": "date-time",
            "json_type": "string",
            "required": False,
            "type": "string<date-time>",
        },
        "name": {"example_type": "string", "json_type": "string", "required": True, "type": "string"},
        "state": {
            "default": "STATE_A",
            "enum": ["STATE_A", "STATE_B"],
            "example_type": "string",
            "json_type": "string",
            "required": False,
            "type": "enum<string>",
        },
    }
    assert data["example"]["config"] == {"epochs": 123, "tags": ["<string>"]}


@pytest.mark.parametrize(
    ("break_page", "message"),
    [
        (lambda text: text.replace("--request GET", "--method GET"), "no curl request line"),
        (lambda text: text.replace("200 - application/json", "OK"), "does not start with 'NNN - media/type'"),
        (lambda text: text.replace("string\nheader\n", "string\n"), "authorization Authorization: the page does"),
        (lambda text: text.replace("Bearer <token>'", "<token>'"), "authorization Authorization: the page does"),
    ],
)
def test_parser_refuses_a_page_it_does_not_understand(break_page: Any, message: str) -> None:
    with pytest.raises(ReferencePageError, match=message):
        page_data(parse_reference_page(break_page(SMALL_PAGE).encode()))


def test_hand_edit_of_the_data_file_is_refused(tmp_path: Path) -> None:
    """An example edited without its field entries (or the reverse) does not load, page or no page."""
    data = json.loads(DATA_FILE.read_text())
    data["example"]["trainingConfig"]["epochs"] = "many"
    edited = tmp_path / DATA_FILE.name
    edited.write_text(render(data))
    with pytest.raises(ReferenceDataError, match=r'fields\["trainingConfig.epochs"\].example_type: the tool says'):
        load_reference_page(edited)

    del data["example"]
    edited.write_text(render(data))
    with pytest.raises(ReferenceDataError, match="no 'example'"):
        load_reference_page(edited)


def test_differences_name_each_difference() -> None:
    on_page = {"fields": {"a.b": {"enum": ["X", "Y"], "type": "string"}, "c": {}}, "n": 1}
    in_file = {"fields": {"a.b": {"enum": ["X", "Z"], "type": "integer"}, "d": {}}, "n": True}
    assert differences(on_page, in_file) == [
        "fields[\"a.b\"].enum: 'Y' in the page, missing from the data file",
        "fields[\"a.b\"].enum: 'Z' in the data file, not in the page",
        "fields[\"a.b\"].type: the page says 'string', the data file says 'integer'",
        "fields.c: in the page, missing from the data file",
        "fields.d: in the data file, not in the page",
        "n: the page says 1, the data file says True",
    ]
    assert differences(on_page, on_page) == []


def test_command_line_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages, data_file = tmp_path / "reference", tmp_path / "data.json"
    pages.mkdir()
    (pages / PAGE_NAME).write_text(SMALL_PAGE)
    args = ["--reference-dir", str(pages), "--data-file", str(data_file)]

    assert main(["write", *args]) == 0
    assert main(["check", *args]) == 0
    assert {f.name for f in load_reference_page(data_file).fields["Response"]} == {
        "name",
        "createTime",
        "state",
        "config",
    }

    (pages / PAGE_NAME).write_text(SMALL_PAGE.replace("STATE_A,\nSTATE_B", "STATE_A,\nSTATE_B,\nSTATE_C"))
    capsys.readouterr()
    assert main(["check", *args]) == 1
    assert "fields.state.enum: 'STATE_C' in the page, missing from the data file" in capsys.readouterr().out

    assert main(["check", "--reference-dir", str(tmp_path / "nowhere"), "--data-file", str(data_file)]) == 2
    assert f"no reference page at {tmp_path / 'nowhere' / PAGE_NAME}" in capsys.readouterr().err
