# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NPM ?= npm

.PHONY: run test lint install assets clean

$(BIN)/dateline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/dateline assets

## The dashboard's browser files (Leaflet, world-atlas outlines) and playwright-core for
## the browser tests: npm packages, copied into src/dateline/web/static/vendor/.
assets: $(BIN)/dateline
	@if command -v $(NPM) >/dev/null 2>&1; then \
	  [ node_modules/.package-lock.json -nt package-lock.json ] || $(NPM) ci --no-audit --no-fund; \
	  $(BIN)/python -m dateline.web.assets node_modules; \
	else \
	  echo "npm not found: the dashboard has no map and the browser tests skip (see README)."; \
	fi

## Extract events from the bundled sample articles into dateline.db and print them.
run: install
	$(BIN)/dateline run samples/

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

## Lint, type-check and run the test suite.
test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm node_modules src/dateline/web/static/vendor
