#!/usr/bin/env bash
# The federation sign-in stage of `npm test` (sourced by scripts/test-all.sh,
# run after e2e_tests): the staged production image ($RESULTS_DIR/prod)
# served with app-config.production.yaml on a throwaway PostgreSQL, signing
# in through a test OpenID provider (oidc-provider, packages/app/e2e-federation/idp.mjs)
# on loopback; Playwright drives playwright.federation.config.ts.
# shellcheck shell=bash

FEDERATION_IDP_PID=""

federation_stop() {
  if [ -n "$BACKEND_PID" ]; then
    kill "$BACKEND_PID" 2>/dev/null
    wait "$BACKEND_PID" 2>/dev/null
    BACKEND_PID=""
  fi
  if [ -n "$FEDERATION_IDP_PID" ]; then
    kill "$FEDERATION_IDP_PID" 2>/dev/null
    wait "$FEDERATION_IDP_PID" 2>/dev/null
    FEDERATION_IDP_PID=""
  fi
  stop_throwaway_postgres
}

# wait_for_url <url> <seconds> <pid>: 0 once the URL answers 2xx.
wait_for_url() {
  local url="$1" seconds="$2" pid="$3"
  for _ in $(seq 1 "$seconds"); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

federation_tests() {
  local stage_start=$SECONDS prod="$RESULTS_DIR/prod"
  local report="$RESULTS_DIR/playwright-federation.json"
  log "== federation sign-in (production build, PostgreSQL, test OpenID provider)"
  if [ ! -f "$prod/packages/backend/package.json" ]; then
    record "federation sign-in: no staged production image" 0 1
    return
  fi
  cp app-config.federation-test.yaml "$prod/"

  start_throwaway_postgres
  local port idp_port pg_password
  port="$(free_port)"
  idp_port="$(free_port)"
  pg_password="${PG_URL#postgresql://postgres:}"
  pg_password="${pg_password%@*}"
  local portal="http://localhost:$port"
  local client_secret
  client_secret="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

  IDP_PORT="$idp_port" PORTAL_BASE_URL="$portal" \
    OIDC_CLIENT_ID=portail-amue-cloud OIDC_CLIENT_SECRET="$client_secret" \
    node packages/app/e2e-federation/idp.mjs >"$RESULTS_DIR/federation-idp.log" 2>&1 &
  FEDERATION_IDP_PID=$!
  if ! wait_for_url "http://127.0.0.1:$idp_port/.well-known/openid-configuration" 60 "$FEDERATION_IDP_PID"; then
    cat "$RESULTS_DIR/federation-idp.log"
    record "federation sign-in: test OpenID provider started" 0 1
    federation_stop
    return
  fi

  mkdir -p "$RESULTS_DIR/federation-data"
  (cd "$prod" && NODE_ENV=production \
    PORT="$port" PORTAL_BASE_URL="$portal" \
    POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$PG_PORT" \
    POSTGRES_USER=postgres POSTGRES_PASSWORD="$pg_password" \
    AUTH_SESSION_SECRET="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
    BACKEND_SECRET="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
    OIDC_METADATA_URL="http://127.0.0.1:$idp_port/.well-known/openid-configuration" \
    OIDC_CLIENT_ID=portail-amue-cloud OIDC_CLIENT_SECRET="$client_secret" \
    TECHDOCS_DIR="$RESULTS_DIR/federation-data/techdocs" \
    AMUE_DATA_DIR="$RESULTS_DIR/federation-data" \
    exec node packages/backend --config app-config.yaml \
    --config app-config.production.yaml --config app-config.federation-test.yaml) \
    >"$RESULTS_DIR/federation-backend.log" 2>&1 &
  BACKEND_PID=$!
  if ! wait_for_url "$portal/.backstage/health/v1/readiness" 180 "$BACKEND_PID"; then
    tail -n 50 "$RESULTS_DIR/federation-backend.log"
    record "federation sign-in: production portal served" 0 1
    federation_stop
    return
  fi

  local start=$SECONDS
  PLAYWRIGHT_URL="$portal" PLAYWRIGHT_JSON_OUTPUT_NAME="$report" \
    yarn playwright test -c playwright.federation.config.ts --reporter=list,json
  if [ ! -s "$report" ]; then
    record "federation sign-in: no report" 0 1
  else
    read -r p f < <(node scripts/test-report.js "$report")
    record "federation sign-in tests ($((SECONDS - start)) s)" "$p" "$f"
  fi
  federation_stop
  log "federation stage: $((SECONDS - stage_start)) s"
}
