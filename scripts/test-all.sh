#!/usr/bin/env bash
# Runs every test of the portal and ends with one line "N passed, N failed".
# Called by `npm test` (scripts/portal.sh test) once the setup is done.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/stage-isolation-pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/stage-isolation-pg.sh"
# shellcheck source=scripts/stage-replicas.sh
source "$(dirname "${BASH_SOURCE[0]}")/stage-replicas.sh"
# shellcheck source=scripts/stage-federation.sh
source "$(dirname "${BASH_SOURCE[0]}")/stage-federation.sh"
ensure_node
cd "$REPO_ROOT" || exit 1

RESULTS_DIR="$(mktemp -d /tmp/amue-test.XXXXXX)"
PASSED=0
FAILED=0
SUMMARY=()
BACKEND_PID=""

cleanup() {
  if [ -n "$BACKEND_PID" ]; then
    kill "$BACKEND_PID" 2>/dev/null
    wait "$BACKEND_PID" 2>/dev/null
  fi
  stop_throwaway_postgres
}
trap cleanup EXIT

record() {
  # record <name> <passed> <failed>
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
  SUMMARY+=("$(printf '%-44s %5s passed, %s failed' "$1" "$2" "$3")")
}

check() {
  # check <name> <command...>: a step that counts as one test.
  local name="$1"
  shift
  log "== $name"
  local start=$SECONDS
  if "$@"; then
    record "$name ($((SECONDS - start)) s)" 1 0
  else
    log "FAILED: $name"
    record "$name ($((SECONDS - start)) s)" 0 1
  fi
}

setup_is_idempotent() {
  # A second setup with nothing changed installs nothing and is quick.
  local out start=$SECONDS
  out="$(bash "$REPO_ROOT/scripts/portal.sh" setup test 2>&1)" || { echo "$out"; return 1; }
  if grep -Eq 'installing|apt-get' <<<"$out"; then
    echo "second setup reinstalled something:"
    echo "$out"
    return 1
  fi
  [ $((SECONDS - start)) -lt 60 ] || { echo "second setup took $((SECONDS - start)) s"; return 1; }
}

shellcheck_scripts() {
  shellcheck -x scripts/*.sh .ci/run
}

unit_tests() {
  # Unit tests of every workspace; backend tests run on SQLite and on a
  # throwaway PostgreSQL 15.
  start_throwaway_postgres
  local report="$RESULTS_DIR/jest.json" start=$SECONDS
  log "== unit and backend tests (SQLite and PostgreSQL 15)"
  CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1 \
    BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL" \
    yarn backstage-cli repo test --json --outputFile="$report"
  stop_throwaway_postgres
  if [ ! -s "$report" ]; then
    record "unit and backend tests: no report" 0 1
    return
  fi
  read -r p f < <(node scripts/test-report.js "$report" --stage unit)
  record "unit and backend tests ($((SECONDS - start)) s)" "$p" "$f"
  # Each database-backed test passed on SQLite and on PostgreSQL 15.
  read -r p f < <(node scripts/test-report.js "$report" --postgres --stage postgres)
  if [ "$f" -eq 0 ] && [ "$p" -gt 0 ]; then
    record "database tests on SQLite and PostgreSQL: $p" 1 0
  else
    record "database tests on one database only: $f" 0 1
  fi
}

e2e_tests() {
  # The app built for production, served by the built backend, driven by
  # Playwright in Debian's chromium.
  local start=$SECONDS report="$RESULTS_DIR/playwright.json"
  log "== production build"
  if ! yarn build:all >"$RESULTS_DIR/build.log" 2>&1; then
    cat "$RESULTS_DIR/build.log"
    record "production build" 0 1
    return
  fi
  record "production build ($((SECONDS - start)) s)" 1 0

  # Stage it as the container image does (packages/backend/Dockerfile):
  # skeleton, production-only dependencies, bundle, config and catalog.
  start=$SECONDS
  local prod="$RESULTS_DIR/prod"
  mkdir -p "$prod"
  cp -r .yarn .yarnrc.yml backstage.json yarn.lock package.json "$prod/"
  tar -xzf packages/backend/dist/skeleton.tar.gz -C "$prod"
  if ! (cd "$prod" && yarn workspaces focus --all --production) >"$RESULTS_DIR/prod-install.log" 2>&1; then
    tail -n 40 "$RESULTS_DIR/prod-install.log"
    record "production install" 0 1
    return
  fi
  tar -xzf packages/backend/dist/bundle.tar.gz -C "$prod"
  cp -r app-config.yaml app-config.production.yaml app-config.e2e.yaml catalog templates mkdocs.yml docs "$prod/"
  cp packages/backend/src/instrumentation.js "$prod/instrumentation.js"
  # TechDocs built once, as for the image (techdocs.builder: external).
  if ! node scripts/build-techdocs.js "$prod/techdocs" >"$RESULTS_DIR/techdocs.log" 2>&1; then
    cat "$RESULTS_DIR/techdocs.log"
    record "TechDocs built for the image" 0 1
    return
  fi
  record "production image staged ($((SECONDS - start)) s)" 1 0

  E2E_PORT="$(free_port)"
  export E2E_PORT
  export AMUE_DATA_DIR="$RESULTS_DIR/data"
  mkdir -p "$AMUE_DATA_DIR"
  log "== serving the portal on http://localhost:$E2E_PORT"
  (cd "$prod" && NODE_ENV=production exec node packages/backend \
    --config app-config.yaml --config app-config.e2e.yaml) \
    >"$RESULTS_DIR/backend.log" 2>&1 &
  BACKEND_PID=$!
  local ready=""
  for _ in $(seq 1 120); do
    if curl -fsS "http://localhost:$E2E_PORT/.backstage/health/v1/readiness" >/dev/null 2>&1; then
      ready=1
      break
    fi
    kill -0 "$BACKEND_PID" 2>/dev/null || break
    sleep 1
  done
  if [ -z "$ready" ]; then
    tail -n 50 "$RESULTS_DIR/backend.log"
    record "portal served for browser tests" 0 1
    return
  fi

  start=$SECONDS
  log "== browser tests"
  PLAYWRIGHT_URL="http://localhost:$E2E_PORT" \
    PLAYWRIGHT_JSON_OUTPUT_NAME="$report" \
    yarn playwright test --reporter=list,json
  if [ ! -s "$report" ]; then
    record "browser tests: no report" 0 1
  else
    read -r p f < <(node scripts/test-report.js "$report" --stage e2e)
    record "browser tests ($((SECONDS - start)) s)" "$p" "$f"
  fi
  kill "$BACKEND_PID" 2>/dev/null
  wait "$BACKEND_PID" 2>/dev/null
  BACKEND_PID=""
}

total_start=$SECONDS
check "setup: a second run installs nothing" setup_is_idempotent
check "shellcheck of the scripts" shellcheck_scripts
check "@backstage packages on one release" node scripts/check-backstage-release.js
# A fresh type check (no incremental state): the API reports below are read
# from its declarations, and TypeScript orders union members by the order it
# met the types, which an incremental build changes.
fresh_tsc() {
  rm -rf "$REPO_ROOT/dist-types"
  yarn tsc
}
check "type check (tsc)" fresh_tsc
check "lint (every workspace)" yarn backstage-cli repo lint
check "package metadata as 'backstage-cli repo fix --publish' writes it" yarn backstage-cli repo fix --publish --check
check "OpenAPI: generated server and client match openapi.yaml" node scripts/openapi-generate.js --check
check "API reports (report*.api.md) match the packages' exports" yarn build:api-reports --ci
check "knip reports (knip-report.md) up to date" yarn build:knip-reports --ci
unit_tests
e2e_tests
isolation_pg_tests
replica_tests
# shellcheck source=scripts/stage-search-restart.sh
source "$REPO_ROOT/scripts/stage-search-restart.sh" && search_after_restart
federation_tests

echo
echo "Summary ($((SECONDS - total_start)) s, reports in $RESULTS_DIR):"
printf '  %s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
