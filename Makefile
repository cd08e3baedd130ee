# LearnFlow: `make run` starts the tutor, `make test` runs every test tier.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Serve's own tuning (measured; see the file), shared with the tests and the benchmark.
# Each becomes KEY=${KEY:-value}, so a value already in the environment wins.
SERVE_ENV := $(shell grep -v '^\#' infra/serve.env | sed -E 's/^([A-Z_]+)=(.*)$$/\1=$${\1:-\2}/')
# Every shell script of ours (what `make lint` gives to shellcheck).
SHELL_SCRIPTS := .ci/run infra/deploy infra/verify infra/teardown $(wildcard infra/*.sh infra/*/*.sh)
# The web app (TypeScript + Vite): rebuilt only when a source file is newer than the build.
WEB := serve_app/web
WEB_BUILD := $(WEB)/dist/index.html
# npm ci writes this file; it is older than package-lock.json when the lock file changed.
WEB_MODULES := $(WEB)/node_modules/.package-lock.json
# vitest's test files are not part of the build.
WEB_SOURCES := $(shell find $(WEB)/src $(WEB)/public -type f ! -name '*.test.ts' ! -name 'test-setup.ts' \
	2>/dev/null) \
	$(wildcard $(WEB)/index.html $(WEB)/package.json $(WEB)/tsconfig*.json $(WEB)/vite.config.*)

.PHONY: run test test-unit test-integration test-e2e test-web web lint format install system-deps \
	postgres-up postgres-down \
	kafka-up kafka-down token bench bench-triage bench-concepts bench-debug bench-sandbox bench-relay \
	lock clean contract k8s-deploy k8s-verify k8s-teardown

$(STAMP): pyproject.toml requirements.lock
	@bash infra/system-deps.sh --if-root >&2 || echo "note: system packages not installed; continuing" >&2
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

$(WEB_MODULES): $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund
	@touch $@

$(WEB_BUILD): $(WEB_MODULES) $(WEB_SOURCES)
	cd $(WEB) && npm run build
	@touch $@

## Build the web app into serve_app/web/dist (a no-op when the build is newer than its sources).
web: $(WEB_BUILD)

## Start the tutor in embedded mode (embedded PostgreSQL, no Kafka, local engines).
run: $(STAMP) web
	env $(SERVE_ENV) $(BIN)/serve run serve_config.yaml

## Every tier: the web app's own tests (vitest), then unit (no Ray, no network), integration
## (real PostgreSQL), e2e (serve run + HTTP, and the browser tests against the built web app).
test: $(STAMP) web test-web
	$(BIN)/python -m pytest -q tests

test-unit: $(STAMP)
	$(BIN)/python -m pytest -q tests/unit

test-integration: $(STAMP)
	$(BIN)/python -m pytest -q tests/integration

test-e2e: $(STAMP) web
	$(BIN)/python -m pytest -q tests/e2e

test-web: $(WEB_MODULES)
	cd $(WEB) && npm test

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy serve_app graphs
	@if command -v shellcheck >/dev/null; then \
		echo "shellcheck $(SHELL_SCRIPTS)"; shellcheck $(SHELL_SCRIPTS); \
	else echo "note: shellcheck not installed ('make system-deps'); shell scripts not linted" >&2; fi

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Check a running tutor against the v1 HTTP contract.
contract:
	$(PYTHON) ../shared/tools/contract_check.py http://127.0.0.1:8000

## Debian packages that give stronger guarantees (bubblewrap sandbox, a system PostgreSQL).
system-deps:
	bash infra/system-deps.sh

## A throwaway PostgreSQL server from Debian's packages on 127.0.0.1:55432.
postgres-up:
	bash infra/postgres.sh start

postgres-down:
	bash infra/postgres.sh stop

## A single-node Apache Kafka (KRaft) on 127.0.0.1:9092 from Maven Central's jars.
kafka-up:
	bash infra/kafka/kafka.sh start

kafka-down:
	bash infra/kafka/kafka.sh stop

## Kubernetes (Minikube, KubeRay, Dapr): deploy or update, check end to end, remove.
## Options go in the environment, e.g. LEARNFLOW_MINIKUBE_CPUS=6 make k8s-deploy;
## `make k8s-teardown TEARDOWN_ARGS=--cluster` deletes the whole Minikube profile.
k8s-deploy:
	bash infra/deploy

k8s-verify:
	bash infra/verify

k8s-teardown:
	bash infra/teardown $(TEARDOWN_ARGS)

## Mint a development JWT: make token SUB=alice ROLE=student
token: $(STAMP)
	@$(BIN)/python -m serve_app.security.mint_token --sub "$${SUB:-student-1}" --role "$${ROLE:-student}"

## Benchmarks print figures; none of them is a test.
bench: $(STAMP)
	$(BIN)/python infra/bench/load/run.py

bench-triage: $(STAMP)
	$(BIN)/python infra/bench/triage.py

bench-concepts: $(STAMP)
	$(BIN)/python infra/bench/concepts.py

bench-debug: $(STAMP)
	$(BIN)/python infra/bench/debug.py

bench-sandbox: $(STAMP)
	$(BIN)/python infra/bench/sandbox.py

bench-relay: $(STAMP)
	$(BIN)/python infra/bench/relay.py

## Re-pin the whole dependency tree after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^learnflow' > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
