"""Which files of generated_client/ the generator owns: those whose first line is the marker.

Every template of templates/ that renders a spec-derived file starts it with the line of
templates/generated.jinja; tools/job_state_table.py writes the same line. Everything else in
generated_client/ is written by hand and never touched by ``make generate``.
"""

from pathlib import Path

SPEC_NAME = "openapi/fireworks-rft.yaml"
# The start of the first line of every generated file (templates/generated.jinja writes it too).
PREFIX = f"# Generated from {SPEC_NAME}"


def marker(source: str) -> str:
    """The first line of a generated file: from the spec, by which template or tool."""
    return f"{PREFIX} by {source}: edit those, then run 'make generate'."


def is_generated(path: Path) -> bool:
    with path.open("rb") as file:
        return file.readline().startswith(PREFIX.encode())


def generated_files(root: Path) -> dict[str, bytes]:
    """``{relative path: content}`` of the generated files under ``root``."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and is_generated(path):
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found
