#!/usr/bin/env bash
# Regenerate the client package from the spec into the folder given as $1 (replaced whole).
# Inputs: openapi/, generator-config.yaml, templates/ (overrides of generator templates) and
# handwritten/ (modules copied into the package as they are). Same inputs, same bytes out.
set -euo pipefail
out=${1:?usage: tools/generate.sh OUTPUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/.venv/bin
package=fireworks_rft_client

# The generator runs its post hooks (ruff) from PATH and only warns when ruff is missing:
# make sure the hooks find the pinned ruff of the project's .venv and nothing else.
export PATH="$bin:$PATH"
export RUFF_NO_CACHE=true  # no .ruff_cache/ inside the output
if [ "$(command -v ruff)" != "$bin/ruff" ] || [ ! -x "$bin/openapi-python-client" ]; then
  echo "generate: the pinned toolchain is missing from .venv; run 'make generate'" >&2
  exit 1
fi
"$bin/python" "$root/tools/check_generator_config.py" "$root/generator-config.yaml"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! "$bin/openapi-python-client" generate \
    --path "$root/openapi/fireworks-rft.yaml" \
    --config "$root/generator-config.yaml" \
    --custom-template-path "$root/templates" \
    --meta pdm \
    --output-path "$work/out" >"$work/log" 2>&1; then
  cat "$work/log" >&2
  exit 1
fi
# The generator exits 0 after warnings ("some pieces may be missing"): treat them as errors.
if grep -qi 'warning' "$work/log"; then
  cat "$work/log" >&2
  echo "generate: the generator warned; fix the spec or the config" >&2
  exit 1
fi
if [ -d "$root/handwritten" ]; then
  cp -R "$root/handwritten/." "$work/out/$package/"
fi
# Belt and braces: the hooks must have formatted the output.
(cd "$work/out" && ruff format --check --quiet . && ruff check --quiet .)

rm -rf "$out"
mv "$work/out" "$out"
