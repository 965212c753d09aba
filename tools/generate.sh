#!/usr/bin/env bash
# Regenerate the client package from the spec into the folder given as $1 (replaced whole).
# Inputs: openapi/, generator-config.yaml, templates/ (overrides of generator templates) and
# handwritten/ (files laid over the output as they are, same layout). Same inputs, same bytes out.
set -euo pipefail
out=${1:?usage: tools/generate.sh OUTPUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/.venv/bin

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
  # A hand-written file may add to the package, never replace a generated one unnoticed.
  clashes=$(cd "$root/handwritten" && find . -type f ! -path '*/__pycache__/*' -exec test -e "$work/out/{}" \; -print)
  if [ -n "$clashes" ]; then
    echo "generate: handwritten/ would overwrite generated files: $clashes (use a template override)" >&2
    exit 1
  fi
  (cd "$root/handwritten" && find . -type f ! -path '*/__pycache__/*' -exec cp --parents {} "$work/out/" \;)
fi
# Modules rendered from vendor extensions the generator's templates cannot see.
"$bin/python" "$root/tools/render_job_states.py" "$root/openapi/fireworks-rft.yaml" \
  "$work/out/fireworks_rft_client/job_states.py"
# Belt and braces: the hooks must have formatted the output.
(cd "$work/out" && ruff format --check --quiet . && ruff check --quiet .)

rm -rf "$out"
mv "$work/out" "$out"
