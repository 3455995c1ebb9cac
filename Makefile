# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
# With DATABASE_URL set (postgres://...), the same commands use PostgreSQL.

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The Python of .venv: PYTHON if given, else the newest python3.x of PYTHON_VERSIONS on the
# PATH that runs and can make a venv (a pyenv shim of a version not selected does not run;
# Debian's Python needs python3-venv). .venv is rebuilt when it is missing, its python does
# not run, or that is another 3.x than the one picked; a working .venv is kept when none is.
PYTHON_VERSIONS := 3.13 3.12 3.11
NEEDS := needs Python 3.11, 3.12 or 3.13 (with venv; on Debian: apt-get install python3-venv)
VERSION_OF = $(shell $(1) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
ifeq ($(origin PYTHON),undefined)
  FOUND := $(shell for v in $(PYTHON_VERSIONS); do \
    python$$v -c 'import venv, ensurepip' >/dev/null 2>&1 && { echo python$$v $$v; break; }; done)
  PYTHON := $(word 1,$(FOUND))
  PYTHON_VERSION := $(word 2,$(FOUND))
else
  PYTHON_VERSION := $(call VERSION_OF,$(PYTHON))
endif
VENV_VERSION := $(call VERSION_OF,$(BIN)/python)
ifneq ($(VENV_VERSION),$(or $(PYTHON_VERSION),$(VENV_VERSION),none))
  .PHONY: $(VENV)/pyvenv.cfg
endif
HOST ?= 127.0.0.1
PORT ?= 8000
# What `make run` prints and links to (canonical links, feeds) is the address it serves.
RUN_SITE_URL = $(or $(SITE_URL),http://$(HOST):$(PORT))

.PHONY: run test lint format install migrate demo bench bench-search bench-profile screenshots clean distclean vnu messages

$(VENV)/pyvenv.cfg:
	$(if $(PYTHON),,$(error $(NEEDS); none found on PATH))
	$(if $(filter $(PYTHON_VERSIONS),$(PYTHON_VERSION)),,$(error PYTHON=$(PYTHON) is \
	  $(if $(PYTHON_VERSION),Python $(PYTHON_VERSION),not a Python that runs); $(NEEDS)))
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml $(VENV)/pyvenv.cfg
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

# After changing wording (needs GNU gettext, a translator's tool; running the portal does
# not): gathers the messages into locale/{fr,ar,es}, then compiles every catalogue. The
# compiled .mo files are committed; tests/scn_portal/test_locale.py keeps them equal to the
# .po files and fails while any message is untranslated or fuzzy.
MESSAGES_IGNORE := --ignore='.venv/*' --ignore='var/*' --ignore='tests/*' --ignore='bench/*' --ignore='docs/*'
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l fr -l ar -l es --no-obsolete --add-location=file $(MESSAGES_IGNORE)
	DEBUG=1 $(BIN)/python manage.py compilemessages $(MESSAGES_IGNORE)

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
# pages with nothing cached, with the data cache and fragments, and with the page cache too,
# at BENCH_PRACTICES practices (default 20,000).
BENCH_PRACTICES ?= 20000
bench: install
	$(BIN)/python bench/bench.py --practices $(BENCH_PRACTICES) --no-data-cache $(BENCH_ARGS)
	$(BIN)/python bench/bench.py --practices $(BENCH_PRACTICES) --reuse-db $(BENCH_ARGS)
	$(BIN)/python bench/bench.py --practices $(BENCH_PRACTICES) --reuse-db --page-cache $(BENCH_ARGS)

# Search through the full view at BENCH_PRACTICES practices (throwaway database scn_bench_search).
bench-search: install
	$(BIN)/python bench/bench_search.py --practices $(BENCH_PRACTICES) $(BENCH_ARGS)

# Where each page's time goes with nothing cached (SQL and Python), in one process, against the
# database `make bench` built at BENCH_PRACTICES practices.
bench-profile: install
	$(BIN)/python bench/profile_pages.py --practices $(BENCH_PRACTICES) $(BENCH_ARGS)

clean:
	rm -rf var/db.sqlite3* var/media var/staticfiles

# Also the virtual environment: the next command builds it again with the Python it picks.
distclean: clean
	rm -rf $(VENV)

# The Nu Html Checker for tests/scn_portal/test_html_valid.py (needs npm and Java; the test is
# skipped without them, outside CI): vnu.jar from the npm package vnu-jar.
VNU_VERSION = 26.9.27
vnu: var/vnu/vnu.jar

var/vnu/vnu.jar:
	mkdir -p var/vnu
	cd var/vnu && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null \
		&& tar xzf vnu-jar-$(VNU_VERSION).tgz package/build/dist/vnu.jar \
		&& mv package/build/dist/vnu.jar vnu.jar && rm -rf package vnu-jar-$(VNU_VERSION).tgz
