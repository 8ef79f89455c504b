# The front door: `make help` lists every target.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Tests run in parallel, one process per core (PYTEST_WORKERS=0 runs them in one process).
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help run setup test lint fmt seed bench load soak browser messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) ## Install dependencies, compile translations, migrate, sync roles
	mkdir -p var
	$(PY) manage.py compilemessages --ignore=.venv -v0
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py sync_roles -v0

run: setup ## Set everything up, load demo data and serve http://127.0.0.1:8000 (web + worker + beat)
	$(PY) manage.py signing_key
	$(PY) manage.py seed_demo
	$(VENV)/bin/honcho start -f Procfile

seed: setup ## Load the demo data (idempotent); SCALE=N adds N benchmark rows
	$(PY) manage.py seed_demo $(if $(SCALE),--scale $(SCALE))

browser: ## Make sure headless Chromium and pdfsig are installed (Debian packages)
	@bash scripts/ensure-chromium

lint: $(STAMP) ## Ruff lint and format check, and the import contracts in pyproject.toml
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

fmt: $(STAMP) ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(STAMP) browser lint ## Lint, check migrations and run every test (browser and worker tests included)
	$(PY) manage.py compilemessages --ignore=.venv -v0
	DJANGO_SETTINGS_MODULE=iaar_qms.settings.test $(PY) manage.py makemigrations --check --dry-run -v1
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS) --dist loadgroup --durations=15 $(PYTEST_ARGS)

SCALE ?= 0
bench: setup ## Benchmark the portal under gunicorn with wrk (see bench/README.md); SCALE=50000 seeds first
	@bash scripts/ensure-wrk
	$(PY) bench/run.py --scale $(SCALE) $(BENCH_ARGS)
	DEBUG=false ALLOWED_HOSTS=127.0.0.1 $(PY) bench/queries.py

LOAD_TIME ?= 60
LOAD_USERS ?= 20
SOAK_TIME ?= 600
load: setup ## Mixed public and staff traffic with Locust for LOAD_TIME s; fails on any failed request
	$(PY) bench/load.py --time $(LOAD_TIME) --users $(LOAD_USERS)

soak: setup ## The same for SOAK_TIME s (10 min); fails when a worker's memory grows > 10 %
	$(PY) bench/load.py --soak --time $(SOAK_TIME) --users $(LOAD_USERS)

messages: $(STAMP) ## Refresh the .po files after changing UI strings
	$(PY) manage.py makemessages -l ru -l kk -l ky -l en --ignore=.venv --ignore=var --no-obsolete

clean: ## Remove the local database, media, queues and caches (not the virtualenv)
	rm -rf var
