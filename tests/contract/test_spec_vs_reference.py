"""Guard 1: the spec documents everything the API reference page documents, with the same types."""

from typing import Any

from tests.conftest import REFERENCE_PAGE

from .reference_contract import reference_problems
from .reference_page import parse_reference_page


def test_reference_page_is_understood() -> None:
    """The parser must find the page's fields, or the guard below would pass on nothing."""
    page = parse_reference_page(REFERENCE_PAGE.read_text())
    response_fields = {f.name for f in page.fields.get("Response", [])}
    assert page.method == "GET" and page.path.startswith("/v1/accounts/{account_id}/")
    assert page.fields.get("Path Parameters") and page.fields.get("Query Parameters")
    # The page's two halves describe the same object: its example and its field list.
    assert response_fields == set(page.example), f"field list vs example: {response_fields ^ set(page.example)}"
    assert any(f.options for f in page.fields["Response"]), "no enum options parsed"


def test_spec_covers_the_reference_page(spec: dict[str, Any]) -> None:
    problems = reference_problems(spec, parse_reference_page(REFERENCE_PAGE.read_text()))
    assert not problems, "the spec disagrees with the reference page:\n  " + "\n  ".join(problems)
