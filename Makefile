# Spil: `make run` to try it, `make test` for the whole suite. See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Settings read PORT too: links in mails and certificates point where `make run` serves.
export PORT
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=cms.settings.test

.PHONY: run test install lint audit format messages bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

static/vendor/utrecht/component-library.css: node_modules/.installed scripts/build-static.mjs package.json
	npm run build

install: $(VENV)/.installed static/vendor/utrecht/component-library.css

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The test databases are copies of one migrated template (tests/template_db.py), made in the
# background while the checks run: pytest waits for it under a lock, or makes it if that failed.
test: install
	$(TEST_SETTINGS) $(PY) -m tests.template_db >/dev/null 2>&1 &
	$(MAKE) lint audit
	$(TEST_SETTINGS) $(PY) manage.py check
	$(TEST_SETTINGS) $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -m "not celery_worker"
	$(PY) -m pytest -m celery_worker -n 0

# Known vulnerabilities in the installed packages (PyPI's advisory data; needs the network).
# The project itself is installed editable and skipped. PIP_AUDIT_FLAGS=--strict also fails
# when a package could not be looked up, as CI should.
audit: install
	$(VENV)/bin/pip-audit --skip-editable --progress-spinner off $(PIP_AUDIT_FLAGS)

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages --locale en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*'
	$(PY) manage.py compilemessages --locale en --ignore '.venv/*'

bench: install
	$(PY) -m benchmarks.run
	$(PY) -m benchmarks.assign
	$(PY) -m benchmarks.dashboard
	$(PY) -m benchmarks.certificates
	$(PY) -m benchmarks.bench_invitations

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles
