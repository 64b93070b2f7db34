# Two commands on a fresh machine with Python 3.11+:
#   make run   install, migrate, load the demo content, serve on 127.0.0.1:8000
#   make test  install and run the whole suite (lint, type check, system checks, tests with the browser ones)
#              with the front-end checkers (Node.js and npm, Java 17+): Nu HTML checker, IBM Equal Access, pa11y
#   make test-fast  the same without the browser tests and the security checks, for the edit-test loop
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements-dev.lock
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
MANAGE := $(BIN)/python manage.py
NODE_STAMP := node_modules/.installed
# The suite runs in one process per core (pytest-xdist), each test file in one process (a module's shared fixtures,
# such as the page survey's demo site, are then built once), handed out in the order tests/conftest.py gives them
# (--no-loadscope-reorder: not largest file first), so that one process takes the files sharing the demo in a row.
# Each run creates its test databases afresh (--create-db) and leaves them for the next one to replace
# (--reuse-db): PostgreSQL refuses to drop a database while a thread of a test still holds a session on it.
# The forty slowest steps are listed at the end of the run, to see where its time goes.
TEST_PROCESSES ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder --reuse-db --create-db --durations=40

.PHONY: run test test-fast install node lint check security lock clean

install: $(STAMP)

$(STAMP): $(LOCK)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 ou plus est nécessaire"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	touch $(STAMP)

# The validators the browser tests run on every kind of page (package.json: vnu-jar, accessibility-checker-engine,
# pa11y, lighthouse), installed from package-lock.json (versions and integrity hashes) only when the lock changes.
# No install script runs (.npmrc): the only ones download a browser, and the tests drive the system's chromium.
node: $(NODE_STAMP)

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "Node.js et npm sont nécessaires (paquets Debian nodejs et npm)"; exit 1; }
	@command -v java >/dev/null || { echo "Java 17 ou plus est nécessaire (paquet Debian openjdk-17-jre-headless)"; exit 1; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content --if-empty
	$(MANAGE) runserver 127.0.0.1:8000

# ruff (pyflakes, pycodestyle, bugbear, isort, Django, flake8-self) on the code and the tests, mypy with
# django-stubs on the rule modules (pyproject.toml lists them).
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

check: install
	DJANGO_SETTINGS_MODULE=interconnectes.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=interconnectes.settings.test $(MANAGE) makemigrations --check --dry-run

# Static security checks: bandit on the project's code (a justified "# nosec <id> # reason" marks a false
# positive), and Django's deployment checklist on the production settings with a throwaway key.
security: install
	$(BIN)/bandit -q -r interconnectes manifestes events labels jury accounts library reviews sitesearch territoirprod \
	  replays community resources consultations -x tests
	DJANGO_SETTINGS_MODULE=interconnectes.settings.production ALLOWED_HOSTS=ci.example.org \
	  SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  $(MANAGE) check --deploy --fail-level WARNING

test: lint check security node
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  echo "############################################################"; \
	  echo "# ATTENTION : $(CHROMIUM) est absent, les tests navigateur"; \
	  echo "# (tests/browser) seront IGNORÉS. Installez le paquet Debian"; \
	  echo "# 'chromium' pour les exécuter."; \
	  echo "############################################################"; \
	fi
	$(PYTEST) $(PYTEST_ARGS)

test-fast: lint check
	$(PYTEST) -m "not browser" $(PYTEST_ARGS)

# Regenerate the locks (versions and hashes only, no download addresses).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile -q --generate-hashes --no-emit-find-links --no-emit-index-url --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --no-emit-find-links --no-emit-index-url --strip-extras --extra dev -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) var node_modules
