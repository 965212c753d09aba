#!/usr/bin/env bash
# Regenerate into a scratch folder and compare with the committed package ($1).
# Fails, with the diff and a hint, when the package is stale or was edited by hand.
set -euo pipefail
committed=${1:-generated_client}
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$root/tools/generate.sh" "$scratch/fresh"
if ! diff -ru --exclude=__pycache__ --exclude=.ruff_cache --exclude=.mypy_cache "$scratch/fresh" "$committed" >"$scratch/diff"; then
  head -n 200 "$scratch/diff"
  echo "check: $committed/ differs from what the spec generates (stale, or edited by hand): run 'make generate' and commit the result." >&2
  exit 1
fi
