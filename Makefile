# Section 117 aftercare service. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app forms_app
HOST ?= 127.0.0.1
PORT ?= 5000
# Runtime: fast PDF font subsetting, the fonts documents use, pdftoppm.
APT_RUN := libharfbuzz-subset0 fonts-liberation2 fonts-dejavu-core poppler-utils
# Tests also drive Chromium (browser tests) and LibreOffice (DOCX checks).
APT_TEST := $(APT_RUN) chromium libreoffice-writer-nogui
PYTEST_ARGS ?=

.PHONY: help run test install system-packages system-packages-test migrate demo lint clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-22s %s\n", $$1, $$2}'

run: system-packages install migrate demo ## Install everything, load demo data, serve http://127.0.0.1:5000
	@echo ""
	@echo "Section 117 aftercare service: http://$(HOST):$(PORT)/"
	@echo "Sign in with any demo login above (for example practitioner@worcs.demo)."
	@echo ""
	$(FLASK) run --host $(HOST) --port $(PORT)

test: system-packages-test install ## Install everything, then run the whole suite (SQLite and PostgreSQL)
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed node_modules/.installed ## Python packages into .venv and front-end assets from npm

system-packages: ## Debian packages the service needs (installed only when missing)
	@scripts/ensure-debian-packages $(APT_RUN)

system-packages-test: ## Debian packages the tests need as well
	@scripts/ensure-debian-packages $(APT_TEST)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

migrate: install ## Upgrade the database to the latest migration
	$(FLASK) db-upgrade

demo: install ## Load the demo organisations, users and people (idempotent)
	$(FLASK) load-demo

lint: install ## ruff over the package, tests, migrations, bench, scripts and template builders
	$(BIN)/ruff check forms_app tests migrations bench scripts templates

clean: ## Remove the virtualenv, node_modules and the development instance folder
	rm -rf $(VENV) node_modules instance
