# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
# With DATABASE_URL set (postgres://...), the same commands use PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# What `make run` prints and links to (canonical links, feeds) is the address it serves.
RUN_SITE_URL = $(or $(SITE_URL),http://$(HOST):$(PORT))

.PHONY: run test lint format install migrate demo bench bench-search screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py createcachetable

demo: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo_data

run: demo
	@DEBUG=1 SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py demo_accounts
	DEBUG=1 SITE_URL=$(RUN_SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	SCN_TESTING=1 $(BIN)/python manage.py makemigrations --check --dry-run > /dev/null
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every page at phone and desktop widths into screenshots/ (git-ignored), from the demo data.
screenshots: demo
	@DEBUG=1 $(BIN)/python manage.py demo_accounts > /dev/null
	$(BIN)/python tests/e2e/screenshots.py

# Benchmarks against PostgreSQL (a throwaway database scn_bench on 127.0.0.1:5432):
# pages without and with the page cache, at BENCH_PRACTICES practices (default 20,000).
BENCH_PRACTICES ?= 20000
bench: install
	$(BIN)/python bench/bench.py --practices $(BENCH_PRACTICES) $(BENCH_ARGS)
	$(BIN)/python bench/bench.py --practices $(BENCH_PRACTICES) --reuse-db --page-cache $(BENCH_ARGS)

# Search through the full view at BENCH_PRACTICES practices (throwaway database scn_bench_search).
bench-search: install
	$(BIN)/python bench/bench_search.py --practices $(BENCH_PRACTICES) $(BENCH_ARGS)

clean:
	rm -rf var/db.sqlite3* var/media var/staticfiles
