# capacite — thin wrappers; see README.md. Only Python 3.11+ is needed beforehand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= $(or $(CAPACITE_PORT),8000)
PIP    := $(BIN)/python -m pip --disable-pip-version-check --quiet

.PHONY: run test bench lint test-tools clean

run: $(VENV)/.run-deps
	$(BIN)/capacite migrate --noinput
	$(BIN)/capacite load_territories --if-missing
	$(BIN)/capacite demo
	@echo "capacite sert sur http://127.0.0.1:$(PORT)/  (Ctrl+C pour arrêter)"
	@# The worker runs dossiers and rosters off the request; it stops with the server.
	$(BIN)/capacite db_worker --no-startup-delay & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/capacite runserver 127.0.0.1:$(PORT) --noreload --skip-checks

test: $(VENV)/.test-deps test-tools
	$(BIN)/pytest --numprocesses=auto --dist=loadfile

bench: $(VENV)/.test-deps
	$(BIN)/python bench/run.py
	uptime
	$(BIN)/python bench/dashboards_network.py --tally
	for size in S M P N L; do $(BIN)/python bench/roster/run.py --size $$size --seeds 5 --repeat 3 --time-limit 60; done
	for size in S M P N L; do $(BIN)/python bench/roster/stint_floor.py --size $$size --seeds 5; done
	$(BIN)/python bench/roster/run.py --size M --short --seeds 3 --time-limit 30

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/capacite makemigrations --check --dry-run
	$(BIN)/capacite check

test-tools:
	@scripts/ensure-test-tools

$(VENV)/.run-deps: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-deps: $(VENV)/.run-deps requirements-test.lock
	$(PIP) install -r requirements-test.lock
	touch $@

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
