# The two commands of the README: `make demo` (set up + main job) and `make test` (set up + tests).
# `setup` is idempotent: it installs what is missing and verifies what is there.
UV_VERSION := 0.13.9
PYTHON ?= python3
UV := $(PYTHON) -m uv

.PHONY: setup browser demo check test test-fast

setup:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install -q "uv==$(UV_VERSION)"
	$(UV) sync --frozen --compile-bytecode $(EXTRAS)
	@# the project's own modules too: a cold CLI start then loads bytecode instead of compiling it
	@$(UV) run --frozen $(EXTRAS) python -m compileall -q policykg
	@command -v mvn >/dev/null 2>&1 || { echo "installing Maven (fetches the Neo4j jars once)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null; }
	$(UV) run --frozen $(EXTRAS) policykg neo4j install

# Debian's Chromium (and a Korean font for readable screenshots) for the UI's browser test.
browser:
	@command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium (browser tests)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null; }

demo: setup
	$(UV) run --frozen $(EXTRAS) policykg demo

# The tests also cover the optional sentence-transformers embedder (torch, several GB).
# Static gates: lint and format (ruff), types (mypy), and the import layers (import-linter, pyproject.toml).
check:
	$(UV) run --frozen $(EXTRAS) ruff check .
	$(UV) run --frozen $(EXTRAS) ruff format --check .
	$(UV) run --frozen $(EXTRAS) mypy
	$(UV) run --frozen $(EXTRAS) lint-imports

test: EXTRAS = --extra st
test: setup browser check
	$(UV) run --frozen $(EXTRAS) pytest

# The tests that start no Neo4j (tests/conftest.py marks the others `neo4j`): a quick check while editing.
test-fast: EXTRAS = --extra st
test-fast: setup check
	$(UV) run --frozen $(EXTRAS) pytest -m "not neo4j"
