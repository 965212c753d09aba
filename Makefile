# fireworks-rft-client: the spec in openapi/ drives the generated package in generated_client/.
# Every tool comes from the project's own lock files (requirements-dev.txt, package-lock.json),
# installed into .venv/ and node_modules/ on first use; nothing is taken from PATH by chance.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(CURDIR)/node_modules/.bin:$(PATH)
export RUFF_CACHE_DIR := $(CURDIR)/.ruff_cache
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

SPEC := openapi/fireworks-rft.yaml
OUT := generated_client
PY_TOOLS := $(VENV)/.installed
NODE_TOOLS := node_modules/.installed

$(PY_TOOLS): requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-dev.txt
	touch $@

$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

.PHONY: setup
setup: $(PY_TOOLS) $(NODE_TOOLS) ## Install the pinned toolchain into .venv/ and node_modules/

.PHONY: generate
generate: $(PY_TOOLS) ## Rewrite the generated files of generated_client/ from the spec (the main job)
	python -m tools.generate $(OUT)

# The tests read the reference page and the current-API sheet only as the data files reference/*.json;
# this rewrites them from ../shared/reference (or $$FIREWORKS_RFT_REFERENCE_DIR) after either changes.
.PHONY: reference-data
reference-data: $(PY_TOOLS) ## Rewrite reference/*.json from the reference page and current-api.md (../shared/reference)
	python -m tools.reference_data write
	python -m tools.current_api write

.PHONY: check
check: $(PY_TOOLS) ## Fail when a generated file is stale or edited by hand, or the spec changed without a version bump
	python -m tools.release check
	python -m tools.generate --check $(OUT)

.PHONY: lint-spec
lint-spec: $(PY_TOOLS) $(NODE_TOOLS) ## Validate and lint the spec
	$(BIN)/openapi-spec-validator $(SPEC)
	redocly lint --format=stylish $(SPEC)

.PHONY: lint
lint: $(PY_TOOLS) $(NODE_TOOLS) lint-spec ## ruff and mypy --strict over generated and hand-written code
	ruff check .
	ruff format --check .
	mypy --strict $(OUT)/fireworks_rft_client
	mypy --strict tools tests bench

.PHONY: test
test: $(PY_TOOLS) $(NODE_TOOLS) ## Run the test suite (loopback servers; the release test also pip-installs httpx and attrs)
	pytest

# Installs fireworks-ai (the newest, or SDK_VERSION) into a scratch venv that is removed afterwards.
.PHONY: api-drift
api-drift: $(PY_TOOLS) ## The newest fireworks-ai SDK vs the spec and the released spec: fields, enum values, types, operations (SDK_VERSION=x.y.z); exit 1 for what the spec lacks
	python -m tools.api_drift $(if $(SDK_VERSION),--sdk-version $(SDK_VERSION))

# CI runs it; a run of its own because it is the whole suite again, in a copy (minutes).
.PHONY: drill
drill: $(PY_TOOLS) $(NODE_TOOLS) ## Every README recipe for an API change at once on a scratch copy: generate, check, lint, test there
	PYTHONPATH=$(OUT):. python -m tests.api_changes drill

.PHONY: test-pythons
test-pythons: $(PY_TOOLS) ## Behavioural tests on every declared Python here, and on the lowest httpx and attrs allowed
	python -m tools.test_pythons $(PYTEST_ARGS)

.PHONY: bench
bench: $(PY_TOOLS) ## Benchmark vs raw httpx and the official SDK (BENCH_ARGS=--quick); JSON in bench/results/
	PYTHONPATH=$(OUT):. python -m bench $(BENCH_ARGS)

.PHONY: bench-profile
bench-profile: $(PY_TOOLS) ## Where one sync GET of our client spends its time, against raw httpx
	PYTHONPATH=$(OUT):. python -m bench.profile_get

.PHONY: demo
demo: $(PY_TOOLS) $(NODE_TOOLS) ## Fetch a job from a Prism mock (or the real API with FIREWORKS_API_KEY set)
	PYTHONPATH=$(OUT):. python tools/demo.py

# Same commit, same bytes: archive times come from the last commit (SOURCE_DATE_EPOCH), and the
# backend (flit-core, see templates/pyproject.toml.jinja) sorts entries and fixes permissions.
.PHONY: build
build: $(PY_TOOLS) ## Build the wheel and sdist into dist/ (same commit, same bytes)
	rm -rf dist
	epoch=$$(git log -1 --format=%ct) && SOURCE_DATE_EPOCH=$$epoch python -m build --no-isolation --outdir dist $(OUT)
	twine check --strict dist/*

# Credentials and the index come from twine's own variables (README, "Releasing"); publish never
# falls back to a public index, never uploads a version the index already has, prints no secret.
.PHONY: publish
publish: $(PY_TOOLS) ## Check, build, and upload dist/ to the index in TWINE_REPOSITORY_URL
	python -m tools.publish preflight
	$(MAKE) check
	$(MAKE) build
	python -m tools.publish upload dist

.PHONY: clean
clean: ## Remove build output, caches and the local toolchain
	rm -rf dist .pytest_cache .mypy_cache .ruff_cache .hypothesis $(VENV) .venv-py3* node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
