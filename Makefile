# factcheck's plain runner. `make run` and `make test` are the two commands of the README; both install first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# This computer only by default: the app has no sign-in (README, "Serving beyond this computer").
ADDRESS ?= 127.0.0.1

.PHONY: run test test-fast soak install install-dev lint clean

run: $(VENV)/.installed  ## install (building the demo corpus from seeds/), then start the app
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

test: $(VENV)/.installed-dev lint  ## install, lint and type-check, then run the whole test suite (slow tests included)
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-dev  ## the quick loop: everything but the real model and the real browser
	$(BIN)/python -m pytest -m "not slow"

soak: $(VENV)/.installed-dev  ## the long reliability soak (docs/reliability.md): about an hour on 2 busy cores
	FACTCHECK_FUZZ_EXAMPLES=500 $(BIN)/python -m pytest tests/reliability --soak -m "soak or not slow"

lint: $(VENV)/.installed-dev  ## ruff over everything, mypy over the library (settings in pyproject.toml)
	$(BIN)/ruff check factcheck tests app.py
	$(BIN)/python -m mypy factcheck

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e . || $(BIN)/pip install --quiet --no-deps -e .
	@# The demo corpus is built once here, so the app's first start does not wait for it.
	$(BIN)/factcheck index add demo seeds/corpus 2>/dev/null || echo "note: the demo corpus will be built on first run"
	@# Queries run through ONNX Runtime where that is faithful and faster here: exported and judged once, now.
	$(BIN)/python -m factcheck.embed_onnx prepare || echo "note: the query runtime will be chosen on the first query"
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@# The browser tests need Debian's Chromium; install it when missing (CI and these machines run as root).
	command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium >/dev/null; } || echo "warning: could not install chromium; browser tests will fail"
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
