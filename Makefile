# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint install clean

$(BIN)/dateline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/dateline

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
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm
