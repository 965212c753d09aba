"""Guard 1: the spec documents everything the API reference page documents, with the same types.

The page is read from the repository's data file (reference/, written by tools/reference_data.py);
test_reference_data.py keeps that file in step with the page itself.
"""

from typing import Any

from tools.reference_data import RESPONSE_SECTION, load_reference_page

from .reference_contract import reference_problems


def test_reference_data_is_understood() -> None:
    """The data must hold the page's fields, or the guard below would pass on nothing."""
    page = load_reference_page()
    response_fields = {f.name for f in page.fields.get(RESPONSE_SECTION, [])}
    assert page.method == "GET" and page.path.startswith("/v1/accounts/{account_id}/")
    assert page.fields.get("Path Parameters") and page.fields.get("Query Parameters")
    assert page.credentials, "no credential: the security check would pass on nothing"
    # The page's two halves describe the same object: its example and its field list.
    assert response_fields == set(page.example), f"field list vs example: {response_fields ^ set(page.example)}"
    assert any(f.options for f in page.fields[RESPONSE_SECTION]), "no enum options"
    assert any(isinstance(v, dict) and v for v in page.example.values()), "no nested example fields"


def test_spec_covers_the_reference_page(spec: dict[str, Any]) -> None:
    problems = reference_problems(spec, load_reference_page())
    assert not problems, "the spec disagrees with the reference page:\n  " + "\n  ".join(problems)
