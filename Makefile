# Tremplin: the two commands of the README are `make run` and `make test`.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP_PY := $(VENV)/.installed
STAMP_NPM := node_modules/.installed

.PHONY: run test test-slow lint setup assets migrate seed worker ci clean

# The background worker (reports built with their progress) and the scheduler (purges, reminders)
# run beside the server and stop with it.
run: setup migrate seed
	@$(PY) manage.py demo_logins
	@echo "Tâches en arrière-plan : manage.py db_worker et run_scheduler (journal dans db_worker.log)"
	@$(PY) manage.py db_worker >db_worker.log 2>&1 & worker=$$!; \
	$(PY) manage.py run_scheduler >>db_worker.log 2>&1 & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

setup: $(STAMP_PY) assets

$(VENV)/bin/python:
	@PYTHON=$$(sh scripts/find_python.sh) && echo "Python : $$PYTHON" && $$PYTHON -m venv $(VENV)

$(STAMP_PY): $(VENV)/bin/python requirements.txt requirements-dev.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

$(STAMP_NPM): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

assets: $(STAMP_NPM) $(STAMP_PY)
	@$(PY) scripts/copy_assets.py

migrate: setup
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

worker: setup
	$(PY) manage.py db_worker

lint: $(STAMP_PY)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

# The suite on every core; the tests marked `slow` (the whole demo archived and restored, the
# 5 000-row import, schemathesis) run with `make test-slow` and in CI (.ci/run).
test: setup lint
	$(PY) manage.py makemigrations --check --dry-run
	sh scripts/pytest.sh -n auto --dist loadgroup --durations=25 -m "not slow"

test-slow: setup
	sh scripts/pytest.sh -n auto --dist loadgroup --durations=25 -m slow

clean:
	rm -rf $(VENV) node_modules tremplin/static/vendor db.sqlite3 db_worker.log .pytest_cache screenshots
