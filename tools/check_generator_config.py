"""Refuse generator-config.yaml keys that the pinned openapi-python-client does not know.

The generator validates its config with a pydantic model that ignores unknown keys, so a
misspelt key (``post_hook:``) would silently do nothing. This check turns it into an error.
"""

import sys
from pathlib import Path

from openapi_python_client.config import ConfigFile
from ruamel.yaml import YAML


def unknown_keys(path: Path) -> list[str]:
    data = YAML(typ="safe").load(path) or {}
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping at the top level")
    return sorted(set(data) - set(ConfigFile.model_fields))


def main(argv: list[str]) -> int:
    path = Path(argv[1] if len(argv) > 1 else "generator-config.yaml")
    unknown = unknown_keys(path)
    if unknown:
        known = ", ".join(sorted(ConfigFile.model_fields))
        print(f"{path}: unknown key(s) {', '.join(unknown)}; the generator would ignore them.", file=sys.stderr)
        print(f"Known keys: {known}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
